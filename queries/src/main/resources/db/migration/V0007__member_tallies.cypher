// Each org's own member tallies (see MemberTallies): members whose membership is at the org, all
// and FULL, and members assigned to it as a party group. Subtree counts add these up instead of
// reading every member. Stores imported before this version get them here; every write keeps them.
// Batched: a province has about 200,000 orgs.
MATCH (o:Org)
CALL (o) {
  SET o.ownMembers = COUNT { (o)<-[:MEMBER_OF]-(:Member) },
    o.ownFullMembers = COUNT { (o)<-[:MEMBER_OF]-(:Member {status: 'FULL'}) },
    o.groupMembers = COUNT { (o)<-[:IN_GROUP]-(:Member) },
    o.groupFullMembers = COUNT { (o)<-[:IN_GROUP]-(:Member {status: 'FULL'}) }
} IN TRANSACTIONS OF 10000 ROWS;
