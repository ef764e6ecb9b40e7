package org.partygraph.queries.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.partygraph.model.OrgKind;
import org.neo4j.driver.Value;
import org.partygraph.model.Role;

/**
 * Reads about orgs, each method one statement for any number of orgs (the API batches a level of
 * a GraphQL query into one call).
 */
public final class OrgQueries {

	private static final String BY_IDS = """
			UNWIND $ids AS key
			MATCH (o:Org {id: key})
			RETURN key, o AS value
			""";

	private static final String PARENTS = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})-[:SUBORDINATE_TO]->(p:Org)
			RETURN key, p AS value
			""";

	private static final String CHILDREN = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})<-[:SUBORDINATE_TO]-(c:Org)
			RETURN key, c AS value
			ORDER BY key, c.nameSort, c.id
			""";

	private static final String CO_MANAGERS = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})-[:CO_MANAGED_BY]->(c:Org)
			RETURN key, c AS value
			ORDER BY key, c.nameSort, c.id
			""";

	private static final String UNITS = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})-[:SET_UP_IN]->(u:Unit)
			RETURN key, u AS value
			ORDER BY key, u.nameSort, u.id
			""";

	// The member counts of the org rows (key, value) of a statement: a party group counts the members
	// assigned to it, any other org its subtree through parent, added up from each org's own tallies
	// (MemberTallies) without reading a member.
	private static final String COUNTS_OF_VALUE = """
			CALL (value) {
			  WITH value WHERE value.kind <> 'PARTY_GROUP'
			  MATCH (value)<-[:SUBORDINATE_TO*0..]-(d:Org)
			  RETURN sum(d.ownMembers) AS total, sum(d.ownFullMembers) AS full
			  UNION ALL
			  WITH value WHERE value.kind = 'PARTY_GROUP'
			  RETURN coalesce(value.groupMembers, 0) AS total, coalesce(value.groupFullMembers, 0) AS full
			}
			WITH key, value, sum(total) AS total, sum(full) AS full
			""";

	private static final String MEMBER_COUNTS = """
			UNWIND $ids AS key
			MATCH (value:Org {id: key})
			""" + COUNTS_OF_VALUE + """
			RETURN key, total, full
			""";

	// With the orgs, when the query asks for both: one round trip instead of two.
	private static final String BY_IDS_COUNTED = """
			UNWIND $ids AS key
			MATCH (value:Org {id: key})
			""" + COUNTS_OF_VALUE + """
			RETURN key, value, total, full
			""";

	private static final String CHILDREN_COUNTED = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})<-[:SUBORDINATE_TO]-(value:Org)
			""" + COUNTS_OF_VALUE + """
			RETURN key, value, total, full
			ORDER BY key, value.nameSort, value.id
			""";

	// An org with its children and everyone's counts, the subtree walked once: a child's count is
	// its subtree's tallies added up, the org's its own plus its children's (a party group: its assigned).
	private static final String WITH_CHILDREN_COUNTED = """
			UNWIND $ids AS key
			MATCH (o:Org {id: key})
			OPTIONAL MATCH (o)<-[:SUBORDINATE_TO]-(c:Org)
			CALL (c) {
			  MATCH (c)<-[:SUBORDINATE_TO*0..]-(d:Org)
			  RETURN sum(d.ownMembers) AS total, sum(d.ownFullMembers) AS full
			}
			RETURN key, o, coalesce(o.ownMembers, 0) AS ownTotal, coalesce(o.ownFullMembers, 0) AS ownFull,
			  CASE o.kind WHEN 'PARTY_GROUP' THEN coalesce(o.groupMembers, 0) END AS assigned,
			  CASE o.kind WHEN 'PARTY_GROUP' THEN coalesce(o.groupFullMembers, 0) END AS fullAssigned,
			  c, total, full,
			  CASE c.kind WHEN 'PARTY_GROUP' THEN coalesce(c.groupMembers, 0) END AS childAssigned,
			  CASE c.kind WHEN 'PARTY_GROUP' THEN coalesce(c.groupFullMembers, 0) END AS childFullAssigned
			ORDER BY key, c.nameSort, c.id
			""";

	private static final String ANCESTORS = """
			UNWIND $ids AS key
			MATCH p = (:Org {id: key})-[:SUBORDINATE_TO*1..]->(a:Org)
			RETURN key, a AS value
			ORDER BY key, length(p)
			""";

	// Variable-length lengths cannot be parameters; the bound is applied to the path instead.
	private static final String DESCENDANTS = """
			UNWIND $ids AS key
			MATCH p = (:Org {id: key})<-[:SUBORDINATE_TO*1..]-(d:Org)
			WHERE $depth IS NULL OR length(p) <= $depth
			RETURN key, d AS value
			ORDER BY key, length(p), d.nameSort, d.id
			""";

	private static final String CO_MANAGES = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})<-[:CO_MANAGED_BY]-(c:Org)
			RETURN key, c AS value
			ORDER BY key, c.nameSort, c.id
			""";

	private static final String PARTY_GROUPS = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})<-[:SUBORDINATE_TO]-(g:Org {kind: 'PARTY_GROUP'})
			RETURN key, g AS value
			ORDER BY key, g.nameSort, g.id
			""";

	private static final String OFFICES = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})<-[h:HOLDS]-(m:Member)
			RETURN key, %s AS member, h.role AS role
			ORDER BY key, CASE h.role WHEN 'SECRETARY' THEN 0 WHEN 'DEPUTY_SECRETARY' THEN 1
			  WHEN 'COMMITTEE_MEMBER' THEN 2 ELSE 3 END, m.id
			""".formatted(Rows.memberValue("m"));

	// Orgs set up in the territory (units located, at any depth, in units the org is set up in)
	// that do not report to the org through subordination: the ones it could only co-manage.
	private static final String IN_TERRITORY_NOT_LED = """
			UNWIND $ids AS key
			MATCH (t:Org {id: key})-[:SET_UP_IN]->(:Unit)<-[:LOCATED_IN*1..]-(:Unit)<-[:SET_UP_IN]-(o:Org)
			WHERE NOT EXISTS { (o)-[:SUBORDINATE_TO*0..]->(t) }
			WITH DISTINCT key, o
			RETURN key, o AS value
			ORDER BY key, o.nameSort, o.id
			""";

	// Every org above through parent and co-manager relations, with the shortest chain to it.
	private static final String MANAGEMENT_CHAIN = """
			UNWIND $ids AS key
			MATCH p = (:Org {id: key})-[:SUBORDINATE_TO|CO_MANAGED_BY*1..]->(m:Org)
			WITH key, m, p ORDER BY length(p)
			WITH key, m, collect(p)[0] AS shortest
			RETURN key, m AS manager, length(shortest) AS distance, [r IN relationships(shortest) | type(r)] AS via
			ORDER BY key, distance, m.nameSort, m.id
			""";

	// The dataset an org came from, whether it exists today or was dissolved since.
	private static final String DATASETS = """
			UNWIND $ids AS key
			OPTIONAL MATCH (o:Org {id: key})
			OPTIONAL MATCH (d:DissolvedOrg {id: key})
			WITH key, coalesce(o.dataset, d.dataset) AS value
			WHERE value IS NOT NULL
			RETURN key, value
			""";

	private static final String SUBTREE_IDS = """
			MATCH (:Org {id: $root})<-[:SUBORDINATE_TO*0..]-(o:Org)
			RETURN collect(o.id) AS ids
			""";

	private final Rows rows;

	public OrgQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	/** The dataset each org came from, orgs dissolved since included. */
	public Map<String, String> datasets(Collection<String> ids) {
		return this.rows.single(DATASETS, ids, (v) -> v.asString());
	}

	public Map<String, OrgRow> byIds(Collection<String> ids) {
		return this.rows.single(BY_IDS, ids, Rows::org);
	}

	/** Each org's parent; orgs without one (roots) are absent. */
	public Map<String, OrgRow> parents(Collection<String> ids) {
		return this.rows.single(PARENTS, ids, Rows::org);
	}

	public Map<String, List<OrgRow>> children(Collection<String> ids) {
		return this.rows.grouped(CHILDREN, ids, Rows::org);
	}

	/** As {@link #byIds}, with each org's {@link #memberCounts member counts}, in one statement. */
	public Counted<Map<String, OrgRow>> byIdsCounted(Collection<String> ids) {
		Map<String, OrgRow> orgs = new LinkedHashMap<>();
		Map<String, MemberCounts> counts = new HashMap<>();
		for (Record r : this.rows.read(BY_IDS_COUNTED, Map.of("ids", List.copyOf(ids)))) {
			OrgRow org = Rows.org(r.get("value"));
			orgs.putIfAbsent(r.get("key").asString(), org);
			counts.put(org.id(), new MemberCounts(r.get("total").asInt(), r.get("full").asInt()));
		}
		return new Counted<>(orgs, counts);
	}

	/** Orgs with their children, and the {@link #memberCounts member counts} of both. */
	public record WithChildren(Map<String, OrgRow> orgs, Map<String, List<OrgRow>> children,
			Map<String, MemberCounts> counts) {
	}

	/**
	 * {@link #byIds}, {@link #children} and the {@link #memberCounts} of both in one statement,
	 * each subtree walked once (an org's count is summed from its children's).
	 */
	public WithChildren byIdsWithChildrenCounted(Collection<String> ids) {
		Map<String, OrgRow> orgs = new LinkedHashMap<>();
		Map<String, List<OrgRow>> children = new HashMap<>();
		Map<String, MemberCounts> counts = new HashMap<>();
		Map<String, int[]> sums = new HashMap<>();
		Map<String, Record> first = new LinkedHashMap<>();
		for (Record r : this.rows.read(WITH_CHILDREN_COUNTED, Map.of("ids", List.copyOf(ids)))) {
			String key = r.get("key").asString();
			OrgRow org = Rows.org(r.get("o"));
			orgs.putIfAbsent(key, org);
			first.putIfAbsent(key, r);
			int[] sum = sums.computeIfAbsent(key, (k) -> new int[] { r.get("ownTotal").asInt(), r.get("ownFull").asInt() });
			List<OrgRow> list = children.computeIfAbsent(key, (k) -> new ArrayList<>());
			if (!r.get("c").isNull()) {
				OrgRow child = Rows.org(r.get("c"));
				list.add(child);
				sum[0] += r.get("total").asInt();
				sum[1] += r.get("full").asInt();
				counts.put(child.id(), (child.kind() == OrgKind.PARTY_GROUP)
						? new MemberCounts(r.get("childAssigned").asInt(), r.get("childFullAssigned").asInt())
						: new MemberCounts(r.get("total").asInt(), r.get("full").asInt()));
			}
		}
		first.forEach((key, r) -> {
			OrgRow org = orgs.get(key);
			int[] sum = sums.get(key);
			counts.put(org.id(), (org.kind() == OrgKind.PARTY_GROUP)
					? new MemberCounts(r.get("assigned").asInt(), r.get("fullAssigned").asInt())
					: new MemberCounts(sum[0], sum[1]));
		});
		return new WithChildren(orgs, children, counts);
	}

	/** As {@link #children}, with each child's {@link #memberCounts member counts}, in one statement. */
	public Counted<Map<String, List<OrgRow>>> childrenCounted(Collection<String> ids) {
		Map<String, List<OrgRow>> children = new HashMap<>();
		ids.forEach((id) -> children.put(id, new ArrayList<>()));
		Map<String, MemberCounts> counts = new HashMap<>();
		for (Record r : this.rows.read(CHILDREN_COUNTED, Map.of("ids", List.copyOf(ids)))) {
			OrgRow child = Rows.org(r.get("value"));
			children.computeIfAbsent(r.get("key").asString(), (k) -> new ArrayList<>()).add(child);
			counts.put(child.id(), new MemberCounts(r.get("total").asInt(), r.get("full").asInt()));
		}
		return new Counted<>(children, counts);
	}

	public Map<String, List<OrgRow>> coManagers(Collection<String> ids) {
		return this.rows.grouped(CO_MANAGERS, ids, Rows::org);
	}

	public Map<String, List<UnitRow>> units(Collection<String> ids) {
		return this.rows.grouped(UNITS, ids, Rows::unit);
	}

	/** Ids of the org and everything below it through parent (empty for an unknown id). */
	public Set<String> subtreeIds(String rootId) {
		return new HashSet<>(this.rows.read(SUBTREE_IDS, Map.of("root", rootId)).get(0).get("ids").asList(Value::asString));
	}

	/** The chain of parents up to the root, nearest first. */
	public Map<String, List<OrgRow>> ancestors(Collection<String> ids) {
		return this.rows.grouped(ANCESTORS, ids, Rows::org);
	}

	/**
	 * Orgs below each org through parent, nearest levels first.
	 * @param depth how many levels down; {@code null} for all
	 */
	public Map<String, List<OrgRow>> descendants(Collection<String> ids, Integer depth) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("ids", List.copyOf(ids));
		parameters.put("depth", depth);
		return this.rows.grouped(DESCENDANTS, ids, parameters, Rows::org);
	}

	/** The orgs each org co-manages (the inverse of co-managers). */
	public Map<String, List<OrgRow>> coManages(Collection<String> ids) {
		return this.rows.grouped(CO_MANAGES, ids, Rows::org);
	}

	public Map<String, List<OrgRow>> partyGroups(Collection<String> ids) {
		return this.rows.grouped(PARTY_GROUPS, ids, Rows::org);
	}

	/** Offices held in each org, secretary first, by whoever holds them (their membership may be elsewhere). */
	public Map<String, List<Office>> offices(Collection<String> ids) {
		Map<String, List<Office>> result = new HashMap<>();
		ids.forEach((id) -> result.put(id, new ArrayList<>()));
		for (Record r : this.rows.read(OFFICES, Map.of("ids", List.copyOf(ids)))) {
			String key = r.get("key").asString();
			result.get(key).add(new Office(Rows.member(r.get("member")), key,
					Role.valueOf(r.get("role").asString())));
		}
		return result;
	}

	/** For a territorial org: orgs set up in its territory that are not subordinate to it. */
	public Map<String, List<OrgRow>> inTerritoryNotLed(Collection<String> ids) {
		return this.rows.grouped(IN_TERRITORY_NOT_LED, ids, Rows::org);
	}

	/** Everything that manages each org through parent and co-manager relations, nearest first. */
	public Map<String, List<ManagementLink>> managementChains(Collection<String> ids) {
		Map<String, List<ManagementLink>> result = new HashMap<>();
		ids.forEach((id) -> result.put(id, new ArrayList<>()));
		for (Record r : this.rows.read(MANAGEMENT_CHAIN, Map.of("ids", List.copyOf(ids)))) {
			result.get(r.get("key").asString())
				.add(new ManagementLink(Rows.org(r.get("manager")), r.get("distance").asInt(),
						r.get("via").asList(Value::asString)));
		}
		return result;
	}

	/** Member counts per org; every requested id present (zero when it has no members). */
	public Map<String, MemberCounts> memberCounts(Collection<String> ids) {
		Map<String, MemberCounts> counts = new HashMap<>();
		ids.forEach((id) -> counts.put(id, MemberCounts.NONE));
		for (Record r : this.rows.read(MEMBER_COUNTS, Map.of("ids", List.copyOf(ids)))) {
			counts.put(r.get("key").asString(), new MemberCounts(r.get("total").asInt(), r.get("full").asInt()));
		}
		return counts;
	}

}
