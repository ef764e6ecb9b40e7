package org.partygraph.queries.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partygraph.model.NameKeys;
import org.partygraph.queries.write.MemberTallies;

/**
 * Filtered, sorted, paged lists of orgs, members and units: each page is one statement that
 * also counts all matches. A name filter is folded ({@link NameKeys#query}) and matched against the
 * stored {@code nameKey}, so it finds a name in either script, by pinyin or by initials; sorting by
 * name is by {@code nameSort} (pinyin order), ties by id. Filters and sort keys are parameters; the statements themselves are
 * fixed text.
 */
public final class SearchQueries {

	// Where an org search starts: from the co-manager, the township or the within org when one is
	// given (in that order: what is around it, not every org of the store), else from every org.
	private static final String ORGS_FROM_ALL = "MATCH (o:Org)";

	// With a name and nothing narrower, the text index org_name on the folded key (NameKeys) starts it.
	private static final String ORGS_FROM_NAME = "MATCH (o:Org) WHERE o.nameKey CONTAINS $nameContains";

	private static final String ORGS_FROM_CO_MANAGER = "MATCH (:Org {id: $coManagedBy})<-[:CO_MANAGED_BY]-(o:Org)";

	private static final String ORGS_FROM_WITHIN = "MATCH (:Org {id: $within})<-[:SUBORDINATE_TO*0..]-(o:Org)";

	// An org concerns a township when it is in its subtree, co-managed by it, or set up in a unit
	// located in one of the township's units.
	private static final String ORGS_FROM_TOWNSHIP = """
			MATCH (t:Org {id: $township})
			CALL (t) {
			  MATCH (t)<-[:SUBORDINATE_TO*0..]-(o:Org)
			  RETURN o
			  UNION
			  MATCH (t)<-[:CO_MANAGED_BY]-(o:Org)
			  RETURN o
			  UNION
			  MATCH (t)-[:SET_UP_IN]->(:Unit)<-[:LOCATED_IN*1..]-(:Unit)<-[:SET_UP_IN]-(o:Org)
			  RETURN o
			}""";

	private static final String ORGS_FILTERS = """
			WITH o
			WHERE ($ids IS NULL OR o.id IN $ids)
			  AND ($kinds IS NULL OR o.kind IN $kinds)
			  AND ($nameContains IS NULL OR o.nameKey CONTAINS $nameContains)
			  AND ($trade IS NULL OR o.trade = $trade)
			  AND ($hasCoManager IS NULL OR EXISTS { (o)-[:CO_MANAGED_BY]->(:Org) } = $hasCoManager)
			  AND ($setUpInKind IS NULL OR EXISTS { (o)-[:SET_UP_IN]->(:Unit {kind: $setUpInKind}) })
			  AND ($hasFirstSecretary IS NULL OR EXISTS { (o)<-[d:DISPATCHED_TO]-(:Member)
			    WHERE d.from <= $firstSecretaryDay AND (d.to IS NULL OR d.to > $firstSecretaryDay) } = $hasFirstSecretary)
			""";

	// The path filters come after the cheap ones, on what those left (planned first, they ran for
	// every org); the one the search started from is left out, its start already holds it.
	private static final String ORGS_WITHIN_FILTER = """
			WITH o
			WHERE $within IS NULL OR EXISTS { (o)-[:SUBORDINATE_TO*0..]->(:Org {id: $within}) }
			""";

	private static final String ORGS_TOWNSHIP_FILTER = """
			WITH o
			WHERE $township IS NULL
			  OR EXISTS { (o)-[:SUBORDINATE_TO*0..]->(:Org {id: $township}) }
			  OR EXISTS { (o)-[:CO_MANAGED_BY]->(:Org {id: $township}) }
			  OR EXISTS { (o)-[:SET_UP_IN]->(:Unit)-[:LOCATED_IN*1..]->(:Unit)<-[:SET_UP_IN]-(:Org {id: $township}) }
			""";

	// Subtree counts (added up from each org's tallies, MemberTallies) are only computed when a filter
	// or the sort needs them (CASE is lazy).
	private static final String ORGS_PAGE = """
			WITH o, CASE WHEN $counts THEN
			    CASE o.kind WHEN 'PARTY_GROUP' THEN coalesce(o.groupMembers, 0)
			    ELSE %1$s END
			  END AS members,
			  CASE WHEN $sort = 'FULL_MEMBER_COUNT' THEN
			    CASE o.kind WHEN 'PARTY_GROUP' THEN coalesce(o.groupFullMembers, 0)
			    ELSE %2$s END
			  END AS full
			WHERE ($minMembers IS NULL OR members >= $minMembers) AND ($maxMembers IS NULL OR members <= $maxMembers)
			WITH o, CASE $sort WHEN 'NAME' THEN o.nameSort WHEN 'KIND' THEN o.kind WHEN 'MEMBER_COUNT' THEN members
			  WHEN 'FULL_MEMBER_COUNT' THEN full ELSE o.id END AS sortKey
			ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC,
			  CASE WHEN $descending THEN sortKey END DESC, o.id
			WITH collect(o) AS matches
			WITH size(matches) AS total, matches[$offset..$offset + $first + 1] AS page
			// the page's member counts, when the query asks for them (saves the next level a round trip)
			RETURN total, page, CASE WHEN $pageCounts THEN [p IN page | [p.id] + CASE p.kind
			    WHEN 'PARTY_GROUP' THEN [coalesce(p.groupMembers, 0), coalesce(p.groupFullMembers, 0)]
			    ELSE reduce(n = [0, 0], x IN COLLECT { MATCH (p)<-[:SUBORDINATE_TO*0..]-(d:Org) RETURN [d.ownMembers, d.ownFullMembers] }
			      | [n[0] + coalesce(x[0], 0), n[1] + coalesce(x[1], 0)])
			    END]
			  ELSE [] END AS counts,
			  CASE WHEN $pageCoManagers THEN [p IN page | [p.id, [(p)-[:CO_MANAGED_BY]->(c:Org) | c]]] ELSE [] END AS coManagers
			""".formatted(MemberTallies.subtreeSum("o", "ownMembers"), MemberTallies.subtreeSum("o", "ownFullMembers"));


	private static final String MEMBERS_EVERYWHERE = "MATCH (m:Member)";

	// Served by the text index member_name (on the folded key, NameKeys): the name is the only filter
	// that narrows every member.
	private static final String MEMBERS_BY_NAME = """
			MATCH (m:Member) WHERE m.nameKey CONTAINS $nameContains
			WITH m""";

	private static final String MEMBERS_WITHIN = """
			MATCH (:Org {id: $within})<-[:SUBORDINATE_TO*0..]-(:Org)<-[:MEMBER_OF]-(m:Member)""";

	private static final String MEMBERS = """
			WHERE ($status IS NULL OR m.status = $status)
			  AND ($trade IS NULL OR m.trade = $trade)
			  AND ($nameContains IS NULL OR m.nameKey CONTAINS $nameContains)
			  AND ($role IS NULL OR EXISTS { (m)-[:HOLDS {role: $role}]->(:Org) })
			WITH DISTINCT m
			WITH m, CASE $sort WHEN 'NAME' THEN m.nameSort WHEN 'JOINED' THEN m.joined ELSE m.id END AS sortKey
			ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC,
			  CASE WHEN $descending THEN sortKey END DESC, m.id
			WITH collect(m) AS matches
			RETURN size(matches) AS total, [m IN matches[$offset..$offset + $first + 1] | %s] AS page
			""".formatted(Rows.memberValue("m"));

	private static final String UNITS_EVERYWHERE = "MATCH (u:Unit)";

	// Served by the text index unit_name on the folded key.
	private static final String UNITS_BY_NAME = """
			MATCH (u:Unit) WHERE u.nameKey CONTAINS $nameContains
			WITH u""";

	private static final String UNITS = """
			WHERE ($kinds IS NULL OR u.kind IN $kinds)
			  AND ($nameContains IS NULL OR u.nameKey CONTAINS $nameContains)
			  AND ($locatedIn IS NULL OR EXISTS { (u)-[:LOCATED_IN*1..]->(:Unit {id: $locatedIn}) })
			  AND ($leading IS NULL OR coalesce(u.leading, false) = $leading)
			  AND ($industryCluster IS NULL OR coalesce(u.industryCluster, false) = $industryCluster)
			  AND ($hasOrg IS NULL OR EXISTS { (u)<-[:SET_UP_IN]-(:Org) } = $hasOrg)
			WITH u, CASE $sort WHEN 'NAME' THEN u.nameSort WHEN 'KIND' THEN u.kind ELSE u.id END AS sortKey
			ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC,
			  CASE WHEN $descending THEN sortKey END DESC, u.id
			WITH collect(u) AS matches
			RETURN size(matches) AS total, matches[$offset..$offset + $first + 1] AS page
			""";

	private final Rows rows;

	public SearchQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	public Page<OrgRow> orgs(OrgFilter filter, Sort sort, int first, int offset) {
		return orgs(filter, sort, first, offset, false).value();
	}

	/**
	 * As {@link #orgs(OrgFilter, Sort, int, int)}; with {@code pageCounts} the same statement also
	 * counts the members of each org on the page.
	 */
	public Counted<Page<OrgRow>> orgs(OrgFilter filter, Sort sort, int first, int offset, boolean pageCounts) {
		return orgs(filter, sort, first, offset, pageCounts, false).page();
	}

	/** An org search's page with what the query asks next of its orgs. */
	public record OrgSearch(Counted<Page<OrgRow>> page, Map<String, List<OrgRow>> coManagers) {
	}

	/**
	 * As {@link #orgs(OrgFilter, Sort, int, int)}; with {@code pageCounts} the same statement also
	 * counts the members of each org on the page, with {@code pageCoManagers} it reads their
	 * co-managers (ordered as {@link OrgQueries#coManagers}).
	 */
	public OrgSearch orgs(OrgFilter filter, Sort sort, int first, int offset, boolean pageCounts,
			boolean pageCoManagers) {
		Map<String, Object> parameters = paging(sort, first, offset);
		parameters.put("kinds", (filter.kinds() != null) ? filter.kinds().stream().map(Enum::name).toList() : null);
		parameters.put("nameContains", NameKeys.query(filter.nameContains()));
		parameters.put("trade", name(filter.trade()));
		parameters.put("within", filter.within());
		parameters.put("township", filter.township());
		parameters.put("hasCoManager", filter.hasCoManager());
		parameters.put("coManagedBy", filter.coManagedBy());
		parameters.put("setUpInKind", name(filter.setUpInKind()));
		parameters.put("hasFirstSecretary", filter.hasFirstSecretary());
		parameters.put("firstSecretaryDay", filter.firstSecretaryDay());
		parameters.put("ids", filter.ids());
		parameters.put("minMembers", filter.minMembers());
		parameters.put("maxMembers", filter.maxMembers());
		parameters.put("counts", filter.needsCounts() || sort.field() == Sort.Field.MEMBER_COUNT);
		parameters.put("pageCounts", pageCounts);
		parameters.put("pageCoManagers", pageCoManagers);
		Record r = this.rows.read(orgsStatement(filter, parameters.get("nameContains") != null), parameters).get(0);
		Map<String, MemberCounts> counts = new HashMap<>();
		for (Value c : r.get("counts").values()) {
			counts.put(c.get(0).asString(), new MemberCounts(c.get(1).asInt(), c.get(2).asInt()));
		}
		Map<String, List<OrgRow>> coManagers = new HashMap<>();
		for (Value c : r.get("coManagers").values()) {
			List<OrgRow> managers = new ArrayList<>(c.get(1).asList(Rows::org));
			managers.sort(Comparator.comparing((OrgRow o) -> NameKeys.sortKey(o.name())).thenComparing(OrgRow::id));
			coManagers.put(c.get(0).asString(), managers);
		}
		return new OrgSearch(new Counted<>(page(r, first, offset, Rows::org), counts), coManagers);
	}

	/**
	 * The org search's statement: it starts from the narrowest org given (the co-manager, else the
	 * township, else the within org), the others become filters.
	 */
	private static String orgsStatement(OrgFilter filter, boolean byName) {
		if (filter.coManagedBy() != null) {
			return ORGS_FROM_CO_MANAGER + "\n" + ORGS_FILTERS + ORGS_WITHIN_FILTER + ORGS_TOWNSHIP_FILTER + ORGS_PAGE;
		}
		if (filter.township() != null) {
			return ORGS_FROM_TOWNSHIP + "\n" + ORGS_FILTERS + ORGS_WITHIN_FILTER + ORGS_PAGE;
		}
		if (filter.within() != null) {
			return ORGS_FROM_WITHIN + "\n" + ORGS_FILTERS + ORGS_TOWNSHIP_FILTER + ORGS_PAGE;
		}
		return (byName ? ORGS_FROM_NAME : ORGS_FROM_ALL) + "\n" + ORGS_FILTERS + ORGS_WITHIN_FILTER
				+ ORGS_TOWNSHIP_FILTER + ORGS_PAGE;
	}

	public Page<MemberRow> members(MemberFilter filter, Sort sort, int first, int offset) {
		Map<String, Object> parameters = paging(sort, first, offset);
		parameters.put("within", filter.within());
		parameters.put("status", name(filter.status()));
		parameters.put("trade", name(filter.trade()));
		parameters.put("nameContains", NameKeys.query(filter.nameContains()));
		parameters.put("role", name(filter.role()));
		// Starting from the org when one is given, or from the name index, keeps the statement off a
		// scan of every member.
		String match = (filter.within() != null) ? MEMBERS_WITHIN
				: (parameters.get("nameContains") != null) ? MEMBERS_BY_NAME : MEMBERS_EVERYWHERE;
		return page(match + "\n" + MEMBERS, parameters, first, offset, Rows::member);
	}

	public Page<UnitRow> units(UnitFilter filter, Sort sort, int first, int offset) {
		Map<String, Object> parameters = paging(sort, first, offset);
		parameters.put("kinds", (filter.kinds() != null) ? filter.kinds().stream().map(Enum::name).toList() : null);
		parameters.put("nameContains", NameKeys.query(filter.nameContains()));
		parameters.put("locatedIn", filter.locatedIn());
		parameters.put("leading", filter.leading());
		parameters.put("industryCluster", filter.industryCluster());
		parameters.put("hasOrg", filter.hasOrg());
		String match = (parameters.get("nameContains") != null) ? UNITS_BY_NAME : UNITS_EVERYWHERE;
		return page(match + "\n" + UNITS, parameters, first, offset, Rows::unit);
	}

	private <T> Page<T> page(String cypher, Map<String, Object> parameters, int first, int offset,
			Function<Value, T> mapper) {
		return page(this.rows.read(cypher, parameters).get(0), first, offset, mapper);
	}

	private static <T> Page<T> page(Record r, int first, int offset, Function<Value, T> mapper) {
		List<T> items = r.get("page").asList(mapper);
		boolean hasNext = items.size() > first;
		return new Page<>(hasNext ? items.subList(0, first) : items, r.get("total").asInt(), offset, hasNext);
	}

	private static Map<String, Object> paging(Sort sort, int first, int offset) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("sort", sort.field().name());
		parameters.put("descending", sort.descending());
		parameters.put("first", first);
		parameters.put("offset", offset);
		return parameters;
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}
