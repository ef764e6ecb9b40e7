package org.partygraph.queries.dataset;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.partygraph.model.AwayRecord;
import org.partygraph.model.Candidate;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.Dataset;
import org.partygraph.model.DevelopmentRecord;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Gender;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * Reads everything stored back into one {@code party-graph/2} dataset, in one read transaction
 * so the file is a consistent snapshot. Items are ordered by id, list fields by target id.
 */
public final class DatasetExporter {

	private static final String UNITS = """
			MATCH (u:Unit)
			RETURN u AS n,
			  [(u)-[:LOCATED_IN]->(x) | x.id][0] AS locatedIn,
			  [(u)-[:IN_INDUSTRY]->(x) | x.id][0] AS industry,
			  [(u)-[:SUPPLIES]->(x) | x.id][0] AS supplies,
			  [(u)-[:ADJACENT_TO]->(x) | x.id] AS adjacentTo
			ORDER BY u.id
			""";

	private static final String ORGS = """
			MATCH (o:Org)
			RETURN o AS n,
			  [(o)-[:SUBORDINATE_TO]->(x) | x.id][0] AS parent,
			  [(o)-[:CO_MANAGED_BY]->(x) | x.id] AS coManagedBy,
			  [(o)-[:SET_UP_IN]->(x) | x.id] AS units
			ORDER BY o.id
			""";

	// One member with its references, as the dataset format holds them; both member reads end in it.
	private static final String MEMBER_ROW = """
			RETURN m AS n,
			  [(m)-[:MEMBER_OF]->(x) | x.id][0] AS org,
			  [(m)-[:IN_GROUP]->(x) | x.id][0] AS group,
			  [(m)-[:WORKS_IN]->(x) | x.id][0] AS unit,
			  [(m)-[h:HOLDS]->(x) | {org: x.id, role: h.role}] AS roles,
			  [(m)-[:PARTICIPATES_IN]->(x) | x.id] AS participatesIn
			ORDER BY m.id
			""";

	private static final String MEMBERS = """
			MATCH (m:Member)
			""" + MEMBER_ROW;

	// Members whose membership is in the subtree, and anyone holding an office in it.
	private static final String MEMBERS_WITHIN = """
			MATCH (:Org {id: $within})<-[:SUBORDINATE_TO*0..]-(o:Org)
			CALL (o) {
			  MATCH (o)<-[:MEMBER_OF]-(m:Member) RETURN m
			  UNION
			  MATCH (o)<-[:HOLDS]-(m:Member) RETURN m
			}
			WITH DISTINCT m
			""" + MEMBER_ROW;

	// The tree an org belongs to: every org under the root above it. Separate roots (the counties of a
	// province) share nothing a rule or a what-if looks at, so a check within one county reads only
	// that county, however large the database.
	private static final String TREE = """
			MATCH (:Org {id: $within})-[:SUBORDINATE_TO*0..]->(top:Org)
			WHERE NOT (top)-[:SUBORDINATE_TO]->(:Org)
			MATCH (top)<-[:SUBORDINATE_TO*0..]-(o:Org)
			""";

	private static final String TREE_ORGS = TREE + """
			RETURN o AS n,
			  [(o)-[:SUBORDINATE_TO]->(x) | x.id][0] AS parent,
			  [(o)-[:CO_MANAGED_BY]->(x) | x.id] AS coManagedBy,
			  [(o)-[:SET_UP_IN]->(x) | x.id] AS units
			ORDER BY o.id
			""";

	// From the units inside some (each as inside): those, and what they are in (located in, industry,
	// supplied), each once with its references.
	private static final String UNITS_FROM_INSIDE = """
			WITH DISTINCT inside
			CALL (inside) {
			  RETURN inside AS u
			  UNION
			  MATCH (inside)-[:IN_INDUSTRY|SUPPLIES]->(u:Unit) RETURN u
			  UNION
			  MATCH (inside)-[:LOCATED_IN*1..]->(u:Unit) RETURN u
			}
			WITH DISTINCT u
			RETURN u AS n,
			  [(u)-[:LOCATED_IN]->(x) | x.id][0] AS locatedIn,
			  [(u)-[:IN_INDUSTRY]->(x) | x.id][0] AS industry,
			  [(u)-[:SUPPLIES]->(x) | x.id][0] AS supplies,
			  [(u)-[:ADJACENT_TO]->(x) | x.id] AS adjacentTo
			ORDER BY u.id
			""";

	// The units the tree's orgs are set up in, everything located in them at any depth, and the
	// units those point at (industries, the enterprise a base supplies, every place they lie in, up to
	// the county: a rule asks which township a unit lies in).
	private static final String TREE_UNITS = TREE + """
			MATCH (o)-[:SET_UP_IN]->(:Unit)<-[:LOCATED_IN*0..]-(inside:Unit)
			""" + UNITS_FROM_INSIDE;

	// The trees several orgs belong to (each tree once): every org under the root above each.
	private static final String TREES = """
			UNWIND $ids AS id
			MATCH (:Org {id: id})-[:SUBORDINATE_TO*0..]->(top:Org)
			WHERE NOT (top)-[:SUBORDINATE_TO]->(:Org)
			WITH DISTINCT top
			MATCH (top)<-[:SUBORDINATE_TO*0..]-(o:Org)
			""";

	private static final String TREES_ORGS = TREES + """
			RETURN o AS n,
			  [(o)-[:SUBORDINATE_TO]->(x) | x.id][0] AS parent,
			  [(o)-[:CO_MANAGED_BY]->(x) | x.id] AS coManagedBy,
			  [(o)-[:SET_UP_IN]->(x) | x.id] AS units
			ORDER BY o.id
			""";

	// Every member of the trees, and whoever holds an office in them.
	private static final String TREES_MEMBERS = TREES + """
			CALL (o) {
			  MATCH (o)<-[:MEMBER_OF]-(m:Member) RETURN m
			  UNION
			  MATCH (o)<-[:HOLDS]-(m:Member) RETURN m
			}
			WITH DISTINCT m
			""" + MEMBER_ROW;

	// The units around some units, as TREE_UNITS reads them around the units a tree's orgs are set up in.
	private static final String UNITS_AROUND = """
			UNWIND $ids AS id
			MATCH (:Unit {id: id})<-[:LOCATED_IN*0..]-(inside:Unit)
			""" + UNITS_FROM_INSIDE;

	private static final String ORGS_BY_ID = """
			UNWIND $ids AS id
			MATCH (o:Org {id: id})
			RETURN o AS n,
			  [(o)-[:SUBORDINATE_TO]->(x) | x.id][0] AS parent,
			  [(o)-[:CO_MANAGED_BY]->(x) | x.id] AS coManagedBy,
			  [(o)-[:SET_UP_IN]->(x) | x.id] AS units
			ORDER BY o.id
			""";

	private static final String MEMBERS_BY_ID = """
			UNWIND $ids AS id
			MATCH (m:Member {id: id})
			WITH DISTINCT m
			""" + MEMBER_ROW;

	// Candidates with their org, the member they became and their records, as the dataset holds them.
	private static final String CANDIDATES = """
			MATCH (c:Candidate)
			RETURN c AS n,
			  [(c)-[:DEVELOPED_BY]->(x) | x.id][0] AS org,
			  [(c)-[:BECAME]->(x) | x.id][0] AS member,
			  [(c)-[:RECORDED]->(r) | r{.kind, .on, .note}] AS records
			ORDER BY c.id
			""";

	// The dual relations, as the dataset holds them: by member, then first day (then the org, for two
	// spans of one member begun the same day, which the rules refuse but a hand-made store may hold).
	private static final String DISPATCHES = """
			MATCH (m:Member)-[d:DISPATCHED_TO]->(o:Org)
			RETURN m.id AS member, o.id AS village, d.from AS from, d.to AS to, d.by AS by
			ORDER BY member, from, village, to
			""";

	// The dispatches of some members and to some orgs (each once), as DISPATCHES reads them. The
	// hints keep the planner on index seeks: with a county's members in $members it chose a scan of
	// the Member(id) index once (QueryPlansIT).
	private static final String DISPATCHES_OF = """
			UNWIND $members AS id
			MATCH (m:Member {id: id})-[d:DISPATCHED_TO]->(o:Org)
			USING INDEX SEEK m:Member(id)
			RETURN m.id AS member, o.id AS village, d.from AS from, d.to AS to, d.by AS by
			UNION
			UNWIND $orgs AS id
			MATCH (m:Member)-[d:DISPATCHED_TO]->(o:Org {id: id})
			USING INDEX SEEK o:Org(id)
			RETURN m.id AS member, o.id AS village, d.from AS from, d.to AS to, d.by AS by
			""";

	private static final String AWAY = """
			MATCH (m:Member)-[a:AWAY_AT]->(o:Org)
			RETURN m.id AS member, o.id AS org, a.from AS from, a.to AS to
			ORDER BY member, from, org, to
			""";

	// The stays away of some members and at some orgs (each once), as AWAY reads them (the hints as
	// in DISPATCHES_OF).
	private static final String AWAY_OF = """
			UNWIND $members AS id
			MATCH (m:Member {id: id})-[a:AWAY_AT]->(o:Org)
			USING INDEX SEEK m:Member(id)
			RETURN m.id AS member, o.id AS org, a.from AS from, a.to AS to
			UNION
			UNWIND $orgs AS id
			MATCH (m:Member)-[a:AWAY_AT]->(o:Org {id: id})
			USING INDEX SEEK o:Org(id)
			RETURN m.id AS member, o.id AS org, a.from AS from, a.to AS to
			""";

	private static final String ROOTS = """
			MATCH (o:Org)
			WHERE NOT (o)-[:SUBORDINATE_TO]->(:Org)
			RETURN o.id AS id
			ORDER BY id
			""";

	private static final String DATASET_NAMES = "MATCH (d:Dataset) RETURN d.name AS name ORDER BY name";

	private static final String ANY_ITEM = """
			OPTIONAL MATCH (o:Org) WITH o LIMIT 1
			OPTIONAL MATCH (u:Unit) WITH o, u LIMIT 1
			OPTIONAL MATCH (m:Member) WITH o, u, m LIMIT 1
			RETURN o IS NULL AND u IS NULL AND m IS NULL AS empty
			""";

	private final Driver driver;

	public DatasetExporter(Driver driver) {
		this.driver = driver;
	}

	/**
	 * Everything stored, as one dataset, candidates (by id, each one's records by day, then kind),
	 * first secretaries' dispatches and mobile members' stays away (each by member, then first day)
	 * too. Its name is the stored dataset's name, or the names joined
	 * with {@code +} when several are stored.
	 */
	public Dataset exportAll() {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> {
				List<String> names = tx.run(DATASET_NAMES).list((r) -> r.get("name").asString());
				List<Unit> units = tx.run(UNITS).list(DatasetExporter::unit);
				List<Org> orgs = tx.run(ORGS).list(DatasetExporter::org);
				List<Member> members = tx.run(MEMBERS).list(DatasetExporter::member);
				List<Candidate> candidates = tx.run(CANDIDATES).list(DatasetExporter::candidate);
				List<Dispatch> dispatches = tx.run(DISPATCHES).list(DatasetExporter::dispatch);
				List<AwayRecord> away = tx.run(AWAY).list(DatasetExporter::away);
				String name = names.isEmpty() ? "export" : String.join("+", names);
				return new Dataset(name, units, orgs, members, candidates, dispatches, away);
			});
		}
	}

	/**
	 * A working copy for analysis: the whole tree {@code withinOrgId} belongs to (every org under
	 * its root, and the units they are set up in with everything located there and what those point
	 * at), and the members of {@code withinOrgId}'s subtree plus whoever holds an office there;
	 * everything when it is null; the first secretaries' dispatches and the stays away of those
	 * members and to (at) those orgs. One read transaction, so the copy is consistent. References to
	 * items outside the copy (a co-manager in another tree) are left out of it.
	 */
	public Dataset snapshot(String withinOrgId) {
		if (withinOrgId == null) {
			return exportAll();
		}
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> {
				Map<String, Object> within = Map.of("within", withinOrgId);
				List<Unit> units = tx.run(TREE_UNITS, within).list(DatasetExporter::unit);
				List<Org> orgs = tx.run(TREE_ORGS, within).list(DatasetExporter::org);
				List<Member> members = tx.run(MEMBERS_WITHIN, within).list(DatasetExporter::member);
				Map<String, Object> ids = Map.of("members", members.stream().map(Member::id).toList(), "orgs",
						orgs.stream().map(Org::id).toList());
				List<Dispatch> dispatches = new java.util.ArrayList<>(tx.run(DISPATCHES_OF, ids).list(DatasetExporter::dispatch));
				dispatches.sort(DISPATCH_ORDER);
				List<AwayRecord> away = new java.util.ArrayList<>(tx.run(AWAY_OF, ids).list(DatasetExporter::away));
				away.sort(AWAY_ORDER);
				return closed(units, orgs, members).withDuals(dispatches, away);
			});
		}
	}

	/**
	 * Everything stored, as {@link #exportAll()} reads it, inside a read transaction the caller
	 * holds (items by id, list fields by target id); named "export".
	 */
	public static Dataset all(SimpleQueryRunner tx) {
		return new Dataset("export", tx.run(UNITS).list(DatasetExporter::unit), tx.run(ORGS).list(DatasetExporter::org),
				tx.run(MEMBERS).list(DatasetExporter::member));
	}

	/**
	 * The whole trees the orgs belong to (every org under each one's root; an id that is no stored
	 * org adds nothing), the units around the units their orgs are set up in (as {@link #snapshot}
	 * reads them), every member of the trees and whoever holds an office in them; in a read
	 * transaction the caller holds. References to items outside are kept (see {@link #closed}).
	 */
	public static Dataset trees(SimpleQueryRunner tx, Collection<String> orgIds) {
		Map<String, Object> ids = Map.of("ids", List.copyOf(orgIds));
		List<Org> orgs = tx.run(TREES_ORGS, ids).list(DatasetExporter::org);
		List<String> setUpIn = orgs.stream().flatMap((o) -> o.units().stream()).distinct().toList();
		return new Dataset("trees", units(tx, setUpIn), orgs, tx.run(TREES_MEMBERS, ids).list(DatasetExporter::member));
	}

	/**
	 * The units, everything located in them at any depth, and what those point at (industries, the
	 * enterprise a base supplies, every place they lie in), by id.
	 */
	public static List<Unit> units(SimpleQueryRunner tx, Collection<String> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return tx.run(UNITS_AROUND, Map.of("ids", List.copyOf(unitIds))).list(DatasetExporter::unit);
	}

	/** The stored orgs with these ids (unknown ids are left out), by id. */
	public static List<Org> orgs(SimpleQueryRunner tx, Collection<String> orgIds) {
		if (orgIds.isEmpty()) {
			return List.of();
		}
		return tx.run(ORGS_BY_ID, Map.of("ids", List.copyOf(orgIds))).list(DatasetExporter::org);
	}

	/** The stored members with these ids (unknown ids are left out), by id. */
	public static List<Member> members(SimpleQueryRunner tx, Collection<String> memberIds) {
		if (memberIds.isEmpty()) {
			return List.of();
		}
		return tx.run(MEMBERS_BY_ID, Map.of("ids", List.copyOf(memberIds))).list(DatasetExporter::member);
	}

	/** The dataset with references to items it does not hold left out, so it is a sound dataset. */
	public static Dataset closed(Dataset dataset) {
		return closed(dataset.units(), dataset.orgs(), dataset.members());
	}

	/** Ids of the orgs no org is subordinate to: one per county. */
	public List<String> roots() {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run(ROOTS).list((r) -> r.get("id").asString()));
		}
	}

	/** The copy with references to items it does not hold left out, so it is a sound dataset. */
	private static Dataset closed(List<Unit> units, List<Org> orgs, List<Member> members) {
		java.util.Set<String> unitIds = new java.util.HashSet<>();
		units.forEach((u) -> unitIds.add(u.id()));
		java.util.Set<String> orgIds = new java.util.HashSet<>();
		orgs.forEach((o) -> orgIds.add(o.id()));
		Function<String, String> unit = (id) -> (id != null && unitIds.contains(id)) ? id : null;
		List<Unit> closedUnits = units.stream()
			.map((u) -> new Unit(u.id(), u.kind(), u.name(), unit.apply(u.locatedIn()), unit.apply(u.industry()),
					unit.apply(u.supplies()), u.households(), u.householdsDriven(), u.leading(), u.industryCluster(),
					u.adjacentTo().stream().filter(unitIds::contains).toList()))
			.toList();
		List<Org> closedOrgs = orgs.stream()
			.map((o) -> new Org(o.id(), o.kind(), o.name(), o.parent(),
					o.coManagedBy().stream().filter(orgIds::contains).toList(),
					o.units().stream().filter(unitIds::contains).toList(), o.trade(), o.hasCommittee(), o.electedOn()))
			.toList();
		List<Member> closedMembers = members.stream()
			.map((m) -> new Member(m.id(), m.name(), m.status(), m.org(), unit.apply(m.unit()), m.trade(), m.gender(),
					m.birthDate(), m.joined(), m.idNumber(), m.phone(), m.group(),
					m.roles().stream().filter((r) -> orgIds.contains(r.org())).toList(),
					m.participatesIn().stream().filter(orgIds::contains).toList(), m.probationSince(),
					m.probationExtendedTo()))
			.toList();
		return new Dataset("snapshot", closedUnits, closedOrgs, closedMembers);
	}

	/** Whether no org, unit or member is stored at all. */
	public boolean isEmpty() {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run(ANY_ITEM).single().get("empty").asBoolean());
		}
	}

	/** Names of the stored datasets, sorted. */
	public List<String> datasetNames() {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run(DATASET_NAMES).list((r) -> r.get("name").asString()));
		}
	}

	private static Unit unit(Record r) {
		Value n = r.get("n");
		return new Unit(n.get("id").asString(), UnitKind.valueOf(n.get("kind").asString()), n.get("name").asString(),
				r.get("locatedIn").asString(null), r.get("industry").asString(null), r.get("supplies").asString(null),
				integer(n.get("households")), integer(n.get("householdsDriven")), bool(n.get("leading")),
				bool(n.get("industryCluster")), sorted(r.get("adjacentTo")));
	}

	private static Org org(Record r) {
		Value n = r.get("n");
		return new Org(n.get("id").asString(), OrgKind.valueOf(n.get("kind").asString()), n.get("name").asString(),
				r.get("parent").asString(null), sorted(r.get("coManagedBy")), sorted(r.get("units")),
				enumOf(n.get("trade"), Trade::valueOf), bool(n.get("hasCommittee")), date(n.get("electedOn")));
	}

	private static Member member(Record r) {
		Value n = r.get("n");
		List<RoleAssignment> roles = r.get("roles")
			.asList((v) -> new RoleAssignment(v.get("org").asString(), Role.valueOf(v.get("role").asString())))
			.stream()
			.sorted((a, b) -> (a.org() + a.role()).compareTo(b.org() + b.role()))
			.toList();
		return new Member(n.get("id").asString(), n.get("name").asString(),
				MemberStatus.valueOf(n.get("status").asString()), r.get("org").asString(null),
				r.get("unit").asString(null), enumOf(n.get("trade"), Trade::valueOf),
				enumOf(n.get("gender"), Gender::valueOf), date(n.get("birthDate")), date(n.get("joined")),
				n.get("idNumber").asString(null), n.get("phone").asString(null), r.get("group").asString(null), roles,
				sorted(r.get("participatesIn")), date(n.get("probationSince")),
				date(n.get("probationExtendedTo")));
	}

	private static Dispatch dispatch(Record r) {
		return new Dispatch(r.get("member").asString(), r.get("village").asString(), date(r.get("from")),
				date(r.get("to")), r.get("by").asString(null));
	}

	private static AwayRecord away(Record r) {
		return new AwayRecord(r.get("member").asString(), r.get("org").asString(), date(r.get("from")),
				date(r.get("to")));
	}

	/** As AWAY orders them: by member, first day, org, last day. */
	private static final java.util.Comparator<AwayRecord> AWAY_ORDER = java.util.Comparator
		.comparing(AwayRecord::member)
		.thenComparing(AwayRecord::from, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
		.thenComparing(AwayRecord::org)
		.thenComparing(AwayRecord::to, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

	/** As DISPATCHES orders them: by member, first day, village, last day. */
	private static final java.util.Comparator<Dispatch> DISPATCH_ORDER = java.util.Comparator
		.comparing(Dispatch::member)
		.thenComparing(Dispatch::from, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
		.thenComparing(Dispatch::village)
		.thenComparing(Dispatch::to, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

	private static Candidate candidate(Record r) {
		Value n = r.get("n");
		List<DevelopmentRecord> records = r.get("records")
			.asList((v) -> new DevelopmentRecord(DevelopmentRecordKind.valueOf(v.get("kind").asString()),
					date(v.get("on")), v.get("note").asString(null)))
			.stream()
			.sorted(RECORD_ORDER)
			.toList();
		return new Candidate(n.get("id").asString(), n.get("name").asString(), r.get("org").asString(null),
				CandidateStage.valueOf(n.get("stage").asString()), date(n.get("appliedOn")), date(n.get("activistSince")),
				date(n.get("targetSince")), date(n.get("admittedOn")), r.get("member").asString(null),
				enumOf(n.get("gender"), Gender::valueOf), date(n.get("birthDate")), records,
				list(n.get("formerOrgs"), Value::asString), list(n.get("formerUntil"), Value::asLocalDate));
	}

	/** Records by day, then by kind in the order of the steps, then by note (none first). */
	private static final java.util.Comparator<DevelopmentRecord> RECORD_ORDER = java.util.Comparator
		.comparing(DevelopmentRecord::on, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
		.thenComparing(DevelopmentRecord::kind)
		.thenComparing(DevelopmentRecord::note, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));

	/** A list property as it is stored (empty when absent). */
	private static <T> List<T> list(Value list, java.util.function.Function<Value, T> item) {
		return list.isNull() ? List.of() : list.asList(item);
	}

	private static List<String> sorted(Value list) {
		return list.asList(Value::asString).stream().sorted().toList();
	}

	private static Integer integer(Value value) {
		return value.isNull() ? null : value.asInt();
	}

	private static Boolean bool(Value value) {
		return value.isNull() ? null : value.asBoolean();
	}

	private static LocalDate date(Value value) {
		return value.isNull() ? null : value.asLocalDate();
	}

	private static <E> E enumOf(Value value, Function<String, E> parse) {
		return value.isNull() ? null : parse.apply(value.asString());
	}

}
