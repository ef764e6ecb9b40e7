// The candidates an org handed on (dissolved or merged away) are found by that org from the few
// handed on, not by reading every candidate's formerOrgs list (a list's items have no index):
// handedOn is true exactly when formerOrgs is not empty, and is indexed.
CREATE INDEX candidate_handed_on IF NOT EXISTS FOR (c:Candidate) ON (c.handedOn);
MATCH (c:Candidate) WHERE size(coalesce(c.formerOrgs, [])) > 0 AND c.handedOn IS NULL SET c.handedOn = true;
