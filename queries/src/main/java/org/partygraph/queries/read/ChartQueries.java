package org.partygraph.queries.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Builds {@link OrgChart}s in two statements: the structure, then every drawn org's member counts. */
public final class ChartQueries {

	private static final String STRUCTURE = """
			MATCH p = (:Org {id: $root})<-[:SUBORDINATE_TO*0..]-(o:Org)
			WHERE $depth IS NULL OR length(p) <= $depth
			RETURN o AS org, length(p) AS depth,
			  [(o)-[:SUBORDINATE_TO]->(x) | x.id][0] AS parent,
			  COUNT { (o)<-[:SUBORDINATE_TO]-(:Org) } AS childCount,
			  [(o)-[:CO_MANAGED_BY]->(c:Org) | c] AS coManagers,
			  CASE WHEN $units THEN [(o)-[:SET_UP_IN]->(u:Unit) | u] ELSE [] END AS units
			ORDER BY depth, o.name, o.id
			""";

	private final Rows rows;

	private final OrgQueries orgs;

	public ChartQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
		this.orgs = new OrgQueries(driver, listener);
	}

	/**
	 * The chart below {@code rootId}.
	 * @param depth levels below the root to draw; {@code null} for all
	 * @param withUnits whether to draw the units orgs are set up in
	 * @return the chart, or {@code null} when no org has that id
	 */
	public OrgChart chart(String rootId, Integer depth, boolean withUnits) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("root", rootId);
		parameters.put("depth", depth);
		parameters.put("units", withUnits);
		List<Record> records = this.rows.read(STRUCTURE, parameters);
		if (records.isEmpty()) {
			return null;
		}
		Map<String, Record> inTree = new LinkedHashMap<>();
		records.forEach((r) -> inTree.put(r.get("org").get("id").asString(), r));
		Map<String, OrgRow> external = new LinkedHashMap<>();
		Map<String, UnitRow> units = new LinkedHashMap<>();
		List<OrgChart.Edge> edges = new ArrayList<>();
		for (Record r : records) {
			String id = r.get("org").get("id").asString();
			String parent = r.get("parent").asString(null);
			if (parent != null && inTree.containsKey(parent)) {
				edges.add(new OrgChart.Edge(id, parent, "SUBORDINATE_TO"));
			}
			for (Value c : r.get("coManagers").values()) {
				OrgRow coManager = Rows.org(c);
				if (!inTree.containsKey(coManager.id())) {
					external.putIfAbsent(coManager.id(), coManager);
				}
				edges.add(new OrgChart.Edge(id, coManager.id(), "CO_MANAGED_BY"));
			}
			for (Value u : r.get("units").values()) {
				UnitRow unit = Rows.unit(u);
				units.putIfAbsent(unit.id(), unit);
				edges.add(new OrgChart.Edge(id, unit.id(), "SET_UP_IN"));
			}
		}
		List<String> orgIds = new ArrayList<>(inTree.keySet());
		orgIds.addAll(external.keySet());
		Map<String, MemberCounts> counts = this.orgs.memberCounts(orgIds);
		List<OrgChart.Node> nodes = new ArrayList<>();
		for (Record r : records) {
			OrgRow org = Rows.org(r.get("org"));
			String parent = r.get("parent").asString(null);
			MemberCounts c = counts.get(org.id());
			nodes.add(new OrgChart.Node(org.id(), org.name(), org.kind().name(), false, c.total(), c.full(),
					r.get("depth").asInt(), inTree.containsKey(parent) ? parent : null, r.get("childCount").asInt(),
					false));
		}
		for (OrgRow org : external.values()) {
			MemberCounts c = counts.get(org.id());
			nodes.add(new OrgChart.Node(org.id(), org.name(), org.kind().name(), false, c.total(), c.full(), -1, null,
					0, true));
		}
		for (UnitRow unit : units.values()) {
			nodes.add(new OrgChart.Node(unit.id(), unit.name(), unit.kind().name(), true, 0, 0, -1, null, 0, false));
		}
		return new OrgChart(nodes, edges);
	}

}
