package org.partygraph.queries.change;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.partygraph.model.Member;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.queries.schema.WriteScope;

/**
 * The reads a change validates with, run inside the change's own write transaction so that what
 * is checked is what is written to.
 *
 * <p>
 * The reads that resolve an id the change was given ({@link #org}, {@link #member},
 * {@link #missingOrgs}, {@link #orgKinds}) take the change's {@link WriteScope}: an org or member
 * outside it is answered exactly as one that does not exist, so every check built on them refuses
 * it with the very problem an unknown id gets. Run them after the change's locks, so the scope is
 * read from the tree as it is written to. Units are public reference data and not scoped.
 */
final class Lookups {

	private static final String ORG = """
			MATCH (o:Org {id: $id})
			OPTIONAL MATCH (o)-[:SUBORDINATE_TO]->(p:Org)
			RETURN o.id AS id, o.kind AS kind, o.name AS name, o.dataset AS dataset, p.id AS parent, p.kind AS parentKind
			LIMIT 1
			""";

	private static final String MEMBER = """
			MATCH (m:Member {id: $id})
			OPTIONAL MATCH (m)-[:MEMBER_OF]->(o:Org)
			OPTIONAL MATCH (m)-[:IN_GROUP]->(g:Org)
			RETURN m.id AS id, m.dataset AS dataset, o.id AS org, g.id AS group
			LIMIT 1
			""";

	private static final String PROBATION = """
			MATCH (m:Member {id: $id})
			OPTIONAL MATCH (m)-[:MEMBER_OF]->(o:Org)
			OPTIONAL MATCH (m)-[:IN_GROUP]->(g:Org)
			OPTIONAL MATCH (m)-[:WORKS_IN]->(u:Unit)
			RETURN m {.name, .status, .trade, .gender, .birthDate, .joined, .probationSince, .probationExtendedTo} AS m,
			  o.id AS org, g.id AS group, u.id AS unit,
			  COLLECT { MATCH (m)-[h:HOLDS]->(r:Org) RETURN {org: r.id, role: h.role} AS role ORDER BY role.org, role.role } AS roles,
			  COLLECT { MATCH (m)-[:PARTICIPATES_IN]->(p:Org) RETURN p.id AS id ORDER BY id } AS participatesIn
			LIMIT 1
			""";

	private static final String VILLAGE_ORG = """
			RETURN EXISTS { (:Org {id: $id})-[:SET_UP_IN]->(:Unit {kind: 'VILLAGE'}) } AS village
			""";

	private static final String DISPATCHES = """
			MATCH (:Member {id: $id})-[d:DISPATCHED_TO]->(o)
			RETURN o.id AS village, d.from AS from, d.to AS to, d.by AS by
			ORDER BY d.from
			""";

	private static final String AWAYS = """
			MATCH (m:Member {id: $id})-[a:AWAY_AT]->(o)
			RETURN o.id AS at, a.from AS from, a.to AS to, [(m)-[:MEMBER_OF]->(h:Org) | h.id][0] AS home
			ORDER BY a.from
			""";

	private static final String ID_TAKEN = """
			RETURN EXISTS { (:Org {id: $id}) } OR EXISTS { (:Unit {id: $id}) } OR EXISTS { (:Member {id: $id}) }
			  OR EXISTS { (:Candidate {id: $id}) } AS taken
			""";

	private static final String RETIRED_ON = """
			OPTIONAL MATCH (o:DissolvedOrg {id: $id})
			RETURN toString(o.dissolvedOn) AS retiredOn
			""";

	private static final String MISSING_UNITS = """
			UNWIND $ids AS id
			WITH DISTINCT id
			WHERE NOT EXISTS { (:Unit {id: id}) }
			RETURN collect(id) AS missing
			""";

	private static final String MISSING_ORGS = """
			UNWIND $ids AS id
			WITH DISTINCT id
			WHERE NOT EXISTS { (:Org {id: id}) }
			RETURN collect(id) AS missing
			""";

	private static final String ORG_KINDS = """
			UNWIND $ids AS id
			MATCH (o:Org {id: id})
			RETURN o.id AS id, o.kind AS kind
			""";

	// A tree has one way up, so the first path found is the only one.
	private static final String PATH_UP = """
			MATCH path = (:Org {id: $from})-[:SUBORDINATE_TO*0..]->(:Org {id: $to})
			RETURN [n IN nodes(path) | n.id] AS ids
			LIMIT 1
			""";

	private static final String CHILDREN = """
			MATCH (:Org {id: $id})<-[:SUBORDINATE_TO]-(c:Org)
			RETURN c.id AS id, c.kind AS kind
			ORDER BY id
			""";

	private static final String MEMBER_COUNT = """
			RETURN COUNT { (:Org {id: $id})<-[:MEMBER_OF]-(:Member) } AS members
			""";

	private static final String GROUP_MEMBERS = """
			MATCH (:Org {id: $id})<-[:IN_GROUP]-(m:Member)
			RETURN m.id AS id
			ORDER BY id
			""";

	private static final String CO_MANAGED = """
			RETURN EXISTS { (:Org {id: $org})-[:CO_MANAGED_BY]->(:Org {id: $coManager}) } AS found
			""";

	private static final String HOLDS = """
			RETURN EXISTS { (:Member {id: $member})-[:HOLDS {role: $role}]->(:Org {id: $org}) } AS found
			""";

	private static final String LINKS_TO_ORG = """
			MATCH (o:Org {id: $id})
			RETURN COUNT { (o)<-[:HOLDS]-(:Member) } AS roles, COUNT { (o)<-[:IN_GROUP]-(:Member) } AS groups,
			  COUNT { (o)<-[:PARTICIPATES_IN]-(:Member) } AS participations
			""";

	// The offices an election fills, as held at the org now.
	private static final String OFFICE_HOLDERS = """
			MATCH (m:Member)-[h:HOLDS]->(:Org {id: $id})
			WHERE h.role IN $roles
			RETURN m.id AS member, h.role AS role
			ORDER BY member, role
			""";

	// Of the members, those whose membership lies neither at the org nor in an org below it.
	private static final String OUTSIDE_SUBTREE = """
			UNWIND $members AS id
			WITH DISTINCT id
			MATCH (m:Member {id: id})
			WHERE NOT EXISTS { (m)-[:MEMBER_OF]->(:Org)-[:SUBORDINATE_TO*0..]->(:Org {id: $org}) }
			RETURN collect(id) AS outside
			""";

	private Lookups() {
	}

	/** An org as a change sees it: its kind, dataset and parent. */
	record OrgNode(String id, OrgKind kind, String name, String dataset, String parent, OrgKind parentKind) {

		String describe() {
			return "'" + this.id + "' (" + this.kind + ")";
		}

	}

	/** How many offices held at an org, group assignments to it and participations in it there are. */
	record LinksToOrg(int roles, int groups, int participations) {

	}

	/**
	 * A member's probation as a probation decision sees it, with the member's state as a
	 * MEMBER_REMOVED event keeps it (personal data left out, dates as {@code yyyy-MM-dd}).
	 */
	record Probation(String id, String status, java.time.LocalDate joined, java.time.LocalDate since,
			java.time.LocalDate extendedTo, String org, String group, Map<String, Object> state) {

		/** The day the probation began ({@code Member.probationStart}); may be {@code null}. */
		java.time.LocalDate start() {
			return Member.probationStart(this.since, this.joined);
		}

		/** The day it ends ({@code Member.probationEnd}); may be {@code null}. */
		java.time.LocalDate endsOn(int months) {
			return Member.probationEnd(this.since, this.joined, this.extendedTo, months);
		}

	}

	/** The member's probation, or {@code null} when there is no such member in the scope. */
	static Probation probation(TransactionContext tx, WriteScope scope, String id) {
		if (member(tx, scope, id) == null) {
			return null;
		}
		Record r = tx.run(PROBATION, Map.of("id", id)).single();
		Value m = r.get("m");
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", id);
		for (String key : List.of("name", "status", "trade", "gender", "birthDate", "joined", "probationSince",
				"probationExtendedTo")) {
			Object value = m.get(key).isNull() ? null : m.get(key).asObject();
			state.put(key, (value != null) ? value.toString() : null);
		}
		state.put("org", r.get("org").asString(null));
		state.put("group", r.get("group").asString(null));
		state.put("unit", r.get("unit").asString(null));
		state.put("roles", r.get("roles").asList((v) -> Map.of("org", v.get("org").asString(), "role",
				v.get("role").asString())));
		state.put("participatesIn", r.get("participatesIn").asList(Value::asString));
		return new Probation(id, m.get("status").asString(null), date(m.get("joined")), date(m.get("probationSince")),
				date(m.get("probationExtendedTo")), r.get("org").asString(null), r.get("group").asString(null), state);
	}

	private static java.time.LocalDate date(Value value) {
		return value.isNull() ? null : value.asLocalDate();
	}

	/** Whether the org is set up in a VILLAGE unit (a village's org). */
	static boolean isVillageOrg(TransactionContext tx, String id) {
		return tx.run(VILLAGE_ORG, Map.of("id", id)).single().get("village").asBoolean();
	}

	/** One dispatch of a member as first secretary: the village's org, its days and who sent them. */
	record DispatchSpan(String village, java.time.LocalDate from, java.time.LocalDate to, String by) {

		/** Whether it overlaps the days from {@code otherFrom} to {@code otherTo} (null: open). */
		boolean overlaps(java.time.LocalDate otherFrom, java.time.LocalDate otherTo) {
			return overlap(this.from, this.to, otherFrom, otherTo);
		}

	}

	/** Whether two spans of days (from, up to but not including to; to null: open) share a day. */
	static boolean overlap(java.time.LocalDate from, java.time.LocalDate to, java.time.LocalDate otherFrom,
			java.time.LocalDate otherTo) {
		return org.partygraph.model.Spans.overlap(from, to, otherFrom, otherTo);
	}

	/** The member's dispatches as first secretary, oldest first. */
	static List<DispatchSpan> dispatches(TransactionContext tx, String memberId) {
		return tx.run(DISPATCHES, Map.of("id", memberId))
			.list((r) -> new DispatchSpan(r.get("village").asString(), r.get("from").asLocalDate(),
					date(r.get("to")), r.get("by").asString(null)));
	}

	/** The member's times away (流動黨員), oldest first. */
	static List<AwayRecord> aways(TransactionContext tx, String memberId) {
		return tx.run(AWAYS, Map.of("id", memberId))
			.list((r) -> new AwayRecord(memberId, r.get("home").asString(null), r.get("at").asString(),
					r.get("from").asLocalDate(), date(r.get("to"))));
	}

	/** A member as a change sees it: its dataset, membership org and group. */
	record MemberNode(String id, String dataset, String org, String group) {

	}

	/**
	 * The org, or {@code null} when there is none with that id inside the scope (or no id was
	 * given).
	 */
	static OrgNode org(TransactionContext tx, WriteScope scope, String id) {
		if (id == null) {
			return null;
		}
		List<Record> rows = tx.run(ORG, Map.of("id", id)).list();
		if (rows.isEmpty() || !scope.containsOrg(tx, id)) {
			return null;
		}
		Record r = rows.get(0);
		return new OrgNode(r.get("id").asString(), kind(r.get("kind")), r.get("name").asString(null),
				r.get("dataset").asString(null), r.get("parent").asString(null), kind(r.get("parentKind")));
	}

	/**
	 * The member, or {@code null} when there is none with that id whose membership org lies inside
	 * the scope (or no id was given).
	 */
	static MemberNode member(TransactionContext tx, WriteScope scope, String id) {
		if (id == null) {
			return null;
		}
		List<Record> rows = tx.run(MEMBER, Map.of("id", id)).list();
		if (rows.isEmpty() || !scope.containsMember(tx, id)) {
			return null;
		}
		Record r = rows.get(0);
		return new MemberNode(r.get("id").asString(), r.get("dataset").asString(null), r.get("org").asString(null),
				r.get("group").asString(null));
	}

	/**
	 * Whether any org, unit, member or candidate holds the id, wherever it is: ids are unique across all of
	 * them, so a new item cannot take it even when its holder lies outside the caller's scope.
	 */
	static boolean isTaken(TransactionContext tx, String id) {
		return tx.run(ID_TAKEN, Map.of("id", id)).single().get("taken").asBoolean();
	}

	/** The day the retired org with this id was dissolved, or {@code null} when none has it. */
	static String retiredOn(TransactionContext tx, String id) {
		return tx.run(RETIRED_ON, Map.of("id", id)).single().get("retiredOn").asString(null);
	}

	/** Those of the ids (none {@code null}) that no unit has. */
	static List<String> missingUnits(TransactionContext tx, List<String> ids) {
		return tx.run(MISSING_UNITS, Map.of("ids", ids)).single().get("missing").asList(Value::asString);
	}

	/** Those of the ids (none {@code null}) that no org inside the scope has. */
	static List<String> missingOrgs(TransactionContext tx, WriteScope scope, List<String> ids) {
		Set<String> missing = new LinkedHashSet<>(
				tx.run(MISSING_ORGS, Map.of("ids", ids)).single().get("missing").asList(Value::asString));
		Set<String> inside = scope.orgsInside(tx, ids);
		ids.stream().filter((id) -> !inside.contains(id)).forEach(missing::add);
		return List.copyOf(missing);
	}

	/** The kinds of those of the ids (none {@code null}) that are orgs inside the scope. */
	static Map<String, OrgKind> orgKinds(TransactionContext tx, WriteScope scope, List<String> ids) {
		Map<String, OrgKind> kinds = new HashMap<>();
		tx.run(ORG_KINDS, Map.of("ids", ids))
			.forEachRemaining((r) -> kinds.put(r.get("id").asString(), kind(r.get("kind"))));
		kinds.keySet().retainAll(scope.orgsInside(tx, kinds.keySet()));
		return kinds;
	}

	/** The ids from {@code from} up through the parents to {@code to}; empty when {@code to} is not above. */
	static List<String> pathUp(TransactionContext tx, String from, String to) {
		List<Record> rows = tx.run(PATH_UP, Map.of("from", from, "to", to)).list();
		return rows.isEmpty() ? List.of() : rows.get(0).get("ids").asList(Value::asString);
	}

	/** The children of an org with their kinds, by id. */
	static Map<String, OrgKind> children(TransactionContext tx, String id) {
		Map<String, OrgKind> children = new LinkedHashMap<>();
		tx.run(CHILDREN, Map.of("id", id))
			.forEachRemaining((r) -> children.put(r.get("id").asString(), kind(r.get("kind"))));
		return children;
	}

	/** How many members have their membership at the org itself (not below it). */
	static long memberCount(TransactionContext tx, String id) {
		return tx.run(MEMBER_COUNT, Map.of("id", id)).single().get("members").asLong();
	}

	/** The members assigned to a party group, by id. */
	static List<String> groupMembers(TransactionContext tx, String id) {
		return tx.run(GROUP_MEMBERS, Map.of("id", id)).list((r) -> r.get("id").asString());
	}

	/** The links from members to the org that a dissolution ends with it. */
	static LinksToOrg linksTo(TransactionContext tx, String id) {
		Record r = tx.run(LINKS_TO_ORG, Map.of("id", id)).single();
		return new LinksToOrg(r.get("roles").asInt(), r.get("groups").asInt(), r.get("participations").asInt());
	}

	static boolean coManaged(TransactionContext tx, String org, String coManager) {
		return tx.run(CO_MANAGED, Map.of("org", org, "coManager", coManager)).single().get("found").asBoolean();
	}

	static boolean holds(TransactionContext tx, String member, String org, Role role) {
		return tx.run(HOLDS, Map.of("member", member, "org", org, "role", role.name()))
			.single()
			.get("found")
			.asBoolean();
	}

	/** The offices held at the org among {@code roles}: each a (member id, role) pair, by member then role. */
	static List<Map.Entry<String, Role>> officeHolders(TransactionContext tx, String org, List<Role> roles) {
		return tx.run(OFFICE_HOLDERS, Map.of("id", org, "roles", roles.stream().map(Role::name).toList()))
			.list((r) -> Map.entry(r.get("member").asString(), Role.valueOf(r.get("role").asString())));
	}

	/** Those of the members (existing ids) whose membership is neither at the org nor below it. */
	static Set<String> outsideSubtree(TransactionContext tx, String org, List<String> members) {
		return new LinkedHashSet<>(tx.run(OUTSIDE_SUBTREE, Map.of("org", org, "members", members))
			.single()
			.get("outside")
			.asList(Value::asString));
	}

	private static OrgKind kind(Value value) {
		return value.isNull() ? null : OrgKind.valueOf(value.asString());
	}

}
