package org.partygraph.queries.write;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;
import org.partygraph.model.Role;

/**
 * The relationships between orgs, members and units as the changes write and end them, one item at
 * a time: an org's parent ({@code SUBORDINATE_TO}), co-managers ({@code CO_MANAGED_BY}) and units
 * ({@code SET_UP_IN}); a member's membership ({@code MEMBER_OF}), group ({@code IN_GROUP}), unit
 * ({@code WORKS_IN}), offices ({@code HOLDS}) and participation ({@code PARTICIPATES_IN}); and the
 * rewiring a dissolution does. Batches of links are written by {@link Rows}.
 */
public final class Links {

	private static final String LINK_PARENT = """
			MATCH (o:Org {id: $id})
			MATCH (p:Org {id: $parent})
			CREATE (o)-[:SUBORDINATE_TO]->(p)
			""";

	private static final String UNLINK_PARENT = """
			MATCH (:Org {id: $id})-[r:SUBORDINATE_TO]->(:Org)
			DELETE r
			""";

	// MERGE: a unit listed twice is set up in once.
	private static final String LINK_UNITS = """
			MATCH (o:Org {id: $id})
			UNWIND $units AS unitId
			MATCH (u:Unit {id: unitId})
			MERGE (o)-[:SET_UP_IN]->(u)
			""";

	private static final String ADD_CO_MANAGER = """
			MATCH (o:Org {id: $org})
			MATCH (c:Org {id: $coManager})
			CREATE (o)-[:CO_MANAGED_BY]->(c)
			""";

	private static final String REMOVE_CO_MANAGER = """
			MATCH (:Org {id: $org})-[r:CO_MANAGED_BY]->(:Org {id: $coManager})
			DELETE r
			""";

	private static final String UNLINK_ORGS = """
			UNWIND $ids AS id
			MATCH (:Org {id: id})-[r:SUBORDINATE_TO|CO_MANAGED_BY|SET_UP_IN]->()
			DELETE r
			""";

	private static final String LINK_MEMBERSHIP = """
			MATCH (m:Member {id: $member})
			MATCH (o:Org {id: $org})
			CREATE (m)-[:MEMBER_OF]->(o)
			""";

	private static final String END_MEMBERSHIP_AND_GROUP = """
			MATCH (:Member {id: $member})-[r:MEMBER_OF|IN_GROUP]->(:Org)
			DELETE r
			""";

	private static final String LINK_GROUP = """
			MATCH (m:Member {id: $member})
			MATCH (g:Org {id: $group})
			CREATE (m)-[:IN_GROUP]->(g)
			""";

	private static final String DISPATCH = """
			MATCH (m:Member {id: $member})
			MATCH (o:Org {id: $village})
			CREATE (m)-[:DISPATCHED_TO {from: $from, to: $to, by: $by}]->(o)
			""";

	private static final String END_DISPATCH = """
			MATCH (:Member {id: $member})-[d:DISPATCHED_TO]->(:Org {id: $village})
			WHERE d.from = $from
			SET d.to = $to
			""";

	// The dispatches an org sent name the org that takes its place once it is dissolved.
	private static final String HAND_ON_DISPATCHES = """
			MATCH (:Member)-[d:DISPATCHED_TO {by: $from}]->(:Org)
			SET d.by = $to
			RETURN count(d) AS count
			""";

	private static final String AWAY = """
			MATCH (m:Member {id: $member})
			MATCH (o:Org {id: $at})
			CREATE (m)-[:AWAY_AT {from: $from, to: $to}]->(o)
			""";

	private static final String END_AWAY = """
			MATCH (:Member {id: $member})-[a:AWAY_AT]->(:Org {id: $at})
			WHERE a.from = $from
			SET a.to = $to
			""";

	private static final String END_GROUP = """
			MATCH (:Member {id: $member})-[g:IN_GROUP]->(:Org)
			DELETE g
			""";

	private static final String LINK_UNIT = """
			MATCH (m:Member {id: $member})
			MATCH (u:Unit {id: $unit})
			CREATE (m)-[:WORKS_IN]->(u)
			""";

	private static final String END_UNIT = """
			MATCH (:Member {id: $member})-[w:WORKS_IN]->(:Unit)
			DELETE w
			""";

	private static final String LINK_ROLES = """
			MATCH (m:Member {id: $member})
			UNWIND $roles AS role
			MATCH (o:Org {id: role.org})
			CREATE (m)-[:HOLDS {role: role.role}]->(o)
			""";

	private static final String ADD_ROLE = """
			MATCH (m:Member {id: $member})
			MATCH (o:Org {id: $org})
			CREATE (m)-[:HOLDS {role: $role}]->(o)
			""";

	private static final String REMOVE_ROLE = """
			MATCH (:Member {id: $member})-[h:HOLDS {role: $role}]->(:Org {id: $org})
			DELETE h
			""";

	// MERGE: an org listed twice is joined once.
	private static final String LINK_PARTICIPATION = """
			MATCH (m:Member {id: $member})
			UNWIND $orgs AS orgId
			MATCH (o:Org {id: orgId})
			MERGE (m)-[:PARTICIPATES_IN]->(o)
			""";

	private static final String UNLINK_MEMBERS = """
			UNWIND $ids AS id
			MATCH (m:Member {id: id})-[r:MEMBER_OF|IN_GROUP|HOLDS|PARTICIPATES_IN]->()
			USING INDEX SEEK m:Member(id)
			DELETE r
			""";

	private static final String MOVE_MEMBERS = """
			MATCH (o:Org {id: $id})<-[r:MEMBER_OF]-(m:Member)
			MATCH (t:Org {id: $target})
			DELETE r
			CREATE (m)-[:MEMBER_OF]->(t)
			RETURN m.id AS id
			ORDER BY id
			""";

	private static final String MOVE_CHILDREN = """
			MATCH (o:Org {id: $id})<-[r:SUBORDINATE_TO]-(c:Org)
			MATCH (o)-[:SUBORDINATE_TO]->(p:Org)
			DELETE r
			CREATE (c)-[:SUBORDINATE_TO]->(p)
			RETURN c.id AS id
			ORDER BY id
			""";

	// A moved member keeps a group only while the group sits under the member's new org, as it
	// does when a group of the dissolved org went up to the very org its members went to.
	private static final String END_STRAY_GROUPS = """
			UNWIND $members AS memberId
			MATCH (m:Member {id: memberId})-[g:IN_GROUP]->(grp:Org)
			WHERE grp.id <> $id AND NOT EXISTS { (grp)-[:SUBORDINATE_TO]->(:Org)<-[:MEMBER_OF]-(m) }
			DELETE g
			RETURN m.id AS member, grp.id AS group
			ORDER BY member
			""";

	private Links() {
	}

	/** Makes {@code parent} the org's parent; end the present one first ({@link #endParent}). */
	public static void parent(SimpleQueryRunner tx, String id, String parent) {
		tx.run(LINK_PARENT, Map.of("id", id, "parent", parent)).consume();
	}

	/** Ends the org's subordination to its parent, if any. */
	public static void endParent(SimpleQueryRunner tx, String id) {
		tx.run(UNLINK_PARENT, Map.of("id", id)).consume();
	}

	/** Sets the org up in the units (none {@code null}; one listed twice once). */
	public static void units(SimpleQueryRunner tx, String id, List<String> units) {
		tx.run(LINK_UNITS, Map.of("id", id, "units", units)).consume();
	}

	/** Adds {@code coManager} as a further managing org of {@code org}. */
	public static void coManager(SimpleQueryRunner tx, String org, String coManager) {
		tx.run(ADD_CO_MANAGER, Map.of("org", org, "coManager", coManager)).consume();
	}

	/** Ends {@code coManager}'s co-management of {@code org}. */
	public static void endCoManager(SimpleQueryRunner tx, String org, String coManager) {
		tx.run(REMOVE_CO_MANAGER, Map.of("org", org, "coManager", coManager)).consume();
	}

	/** Ends every parent, co-manager and unit link the orgs start, to write them anew. */
	public static void endOrgLinks(SimpleQueryRunner tx, List<String> ids) {
		tx.run(UNLINK_ORGS, Map.of("ids", ids)).consume();
	}

	/** Makes the member a member of the org; end the present membership first ({@link #endMembershipAndGroup}). */
	public static void membership(SimpleQueryRunner tx, String member, String org) {
		tx.run(LINK_MEMBERSHIP, Map.of("member", member, "org", org)).consume();
	}

	/** Ends the member's membership and group assignment. */
	public static void endMembershipAndGroup(SimpleQueryRunner tx, String member) {
		tx.run(END_MEMBERSHIP_AND_GROUP, Map.of("member", member)).consume();
	}

	/**
	 * Dispatches the member to the village's org as its first secretary (第一書記) from {@code from}
	 * to {@code to} ({@code null}: open), sent by the org {@code by}: a dual relation, the membership
	 * stays where it is (docs/contract.md section 8).
	 */
	public static void dispatch(SimpleQueryRunner tx, String member, String village, java.time.LocalDate from,
			java.time.LocalDate to, String by) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("member", member);
		params.put("village", village);
		params.put("from", from);
		params.put("to", to);
		params.put("by", by);
		tx.run(DISPATCH, params).consume();
	}

	/** Sets the last day of the member's dispatch to the village that began on {@code from}. */
	public static void endDispatch(SimpleQueryRunner tx, String member, String village, java.time.LocalDate from,
			java.time.LocalDate to) {
		tx.run(END_DISPATCH, Map.of("member", member, "village", village, "from", from, "to", to)).consume();
	}

	/**
	 * Makes the first secretaries' dispatches sent by {@code from} (an org being dissolved or merged
	 * away) name {@code to} as their sender, so that no dispatch names an org that is gone.
	 * @return how many changed
	 */
	public static long handOnDispatches(SimpleQueryRunner tx, String from, String to) {
		return tx.run(HAND_ON_DISPATCHES, Map.of("from", from, "to", to)).single().get("count").asLong();
	}

	/**
	 * Records the member as away (流動黨員) at the org from {@code from} to {@code to}
	 * ({@code null}: open): a dual relation, the membership stays where it is.
	 */
	public static void away(SimpleQueryRunner tx, String member, String at, java.time.LocalDate from,
			java.time.LocalDate to) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("member", member);
		params.put("at", at);
		params.put("from", from);
		params.put("to", to);
		tx.run(AWAY, params).consume();
	}

	/** Sets the last day of the member's time away at the org that began on {@code from}. */
	public static void endAway(SimpleQueryRunner tx, String member, String at, java.time.LocalDate from,
			java.time.LocalDate to) {
		tx.run(END_AWAY, Map.of("member", member, "at", at, "from", from, "to", to)).consume();
	}

	/** Assigns the member to the party group; end the present one first ({@link #endGroup}). */
	public static void group(SimpleQueryRunner tx, String member, String group) {
		tx.run(LINK_GROUP, Map.of("member", member, "group", group)).consume();
	}

	/** Ends the member's group assignment, if any. */
	public static void endGroup(SimpleQueryRunner tx, String member) {
		tx.run(END_GROUP, Map.of("member", member)).consume();
	}

	/** Ends the member's link to the unit it works or lives in, if any. */
	public static void endUnit(SimpleQueryRunner tx, String member) {
		tx.run(END_UNIT, Map.of("member", member)).consume();
	}

	/** Links the member to the unit it works or lives in; end the present one first ({@link #endUnit}). */
	public static void unit(SimpleQueryRunner tx, String member, String unit) {
		tx.run(LINK_UNIT, Map.of("member", member, "unit", unit)).consume();
	}

	/**
	 * Gives the member the offices.
	 * @param roles each a map of {@code org} and {@code role} (the role's name)
	 */
	public static void roles(SimpleQueryRunner tx, String member, List<Map<String, Object>> roles) {
		tx.run(LINK_ROLES, Map.of("member", member, "roles", roles)).consume();
	}

	/** Lets the member hold the office at the org. */
	public static void role(SimpleQueryRunner tx, String member, String org, Role role) {
		tx.run(ADD_ROLE, Map.of("member", member, "org", org, "role", role.name())).consume();
	}

	/** Ends the office the member holds at the org. */
	public static void endRole(SimpleQueryRunner tx, String member, String org, Role role) {
		tx.run(REMOVE_ROLE, Map.of("member", member, "org", org, "role", role.name())).consume();
	}

	/** Lets the member join the activities of the orgs (none {@code null}; one listed twice once). */
	public static void participation(SimpleQueryRunner tx, String member, List<String> orgs) {
		tx.run(LINK_PARTICIPATION, Map.of("member", member, "orgs", orgs)).consume();
	}

	/** Ends every membership, group, office and participation link the members start, to write them anew. */
	public static void endMemberLinks(SimpleQueryRunner tx, List<String> ids) {
		tx.run(UNLINK_MEMBERS, Map.of("ids", ids)).consume();
	}

	/**
	 * Moves the memberships at org {@code id} to {@code target}.
	 * @return the moved members' ids, in order
	 */
	public static List<String> moveMembers(SimpleQueryRunner tx, String id, String target) {
		return tx.run(MOVE_MEMBERS, Properties.params("id", id, "target", target)).list((r) -> r.get("id").asString());
	}

	/**
	 * Moves the children of org {@code id} up to its parent.
	 * @return the moved children's ids, in order
	 */
	public static List<String> moveChildrenUp(SimpleQueryRunner tx, String id) {
		return tx.run(MOVE_CHILDREN, Map.of("id", id)).list((r) -> r.get("id").asString());
	}

	/**
	 * Ends the group assignments of the moved members whose group (other than org {@code id}) no
	 * longer sits under their org.
	 * @return the ended assignments, member id to group id, by member
	 */
	public static Map<String, String> endStrayGroups(SimpleQueryRunner tx, String id, List<String> members) {
		Map<String, String> ended = new java.util.LinkedHashMap<>();
		tx.run(END_STRAY_GROUPS, Map.of("id", id, "members", members))
			.forEachRemaining((r) -> ended.put(r.get("member").asString(), r.get("group").asString()));
		return ended;
	}

}
