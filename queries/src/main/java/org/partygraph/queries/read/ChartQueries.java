package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.change.AwayRecord;
import org.partygraph.queries.change.DispatchRecord;

/**
 * Builds {@link OrgChart}s in one statement: the whole subtree is walked once, each org with its
 * own member tallies, and the subtree counts are summed here from the leaves up, so every org is
 * read once rather than once per drawn org above it, with the first secretaries serving each
 * drawn org on the day and the mobile members flowing in at it. Only co-managers outside the tree need a second statement, for their
 * counts.
 */
public final class ChartQueries {

	// Every org of the subtree: the drawn ones (within depth) with what a chart shows of them (not
	// whole nodes), the rest only for their counts, which are the orgs' own tallies (MemberTallies):
	// no member is read. The parent is the path's previous node and child counts are summed here.
	// The dispatches serving a drawn org on $day (DispatchQueries' rule) come with it, and the
	// members flowing in at it that day with their home org (AwayQueries' rule).
	private static final String STRUCTURE = """
			MATCH p = (:Org {id: $root})<-[:SUBORDINATE_TO*0..]-(o:Org)
			WITH o, length(p) AS depth, CASE WHEN length(p) > 0 THEN nodes(p)[-2].id END AS parent
			WITH o, depth, parent, $depth IS NULL OR depth <= $depth AS drawn
			RETURN o.id AS id, depth, drawn, parent,
			  coalesce(o.ownMembers, 0) AS members, coalesce(o.ownFullMembers, 0) AS fullMembers,
			  CASE WHEN drawn THEN o {.id, .name, .kind} END AS org,
			  coalesce(o.groupMembers, 0) AS assigned, coalesce(o.groupFullMembers, 0) AS fullAssigned,
			  CASE WHEN drawn THEN [(o)-[:CO_MANAGED_BY]->(c:Org) | c {.id, .name, .kind}] ELSE [] END AS coManagers,
			  CASE WHEN drawn AND $units THEN [(o)-[:SET_UP_IN]->(u:Unit) | u] ELSE [] END AS units,
			  CASE WHEN drawn THEN [(o)<-[d:DISPATCHED_TO]-(m:Member)
			    WHERE d.from <= $day AND (d.to IS NULL OR d.to > $day) | {member: m.id, from: d.from, to: d.to, by: d.by}]
			  ELSE [] END AS dispatches,
			  CASE WHEN drawn THEN [(o)<-[a:AWAY_AT]-(m:Member)
			    WHERE a.from <= $day AND (a.to IS NULL OR a.to > $day)
			    | {member: m.id, home: [(m)-[:MEMBER_OF]->(h:Org) | h.id][0], from: a.from, to: a.to}]
			  ELSE [] END AS away
			ORDER BY depth, o.nameSort, o.id
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
	 * @param day today, for the first secretaries' dispatches ({@link OrgChart#withDispatches}) and
	 * the members away ({@link OrgChart#withAway}) drawn
	 * @return the chart, or {@code null} when no org has that id
	 */
	public OrgChart chart(String rootId, Integer depth, boolean withUnits, LocalDate day) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("root", rootId);
		parameters.put("depth", depth);
		parameters.put("units", withUnits);
		parameters.put("day", day);
		List<Record> all = this.rows.read(STRUCTURE, parameters);
		if (all.isEmpty()) {
			return null;
		}
		// Subtree counts, leaves first (rows come by depth; a tree reaches each org once).
		Map<String, int[]> subtree = new LinkedHashMap<>();
		Map<String, String> parents = new LinkedHashMap<>();
		for (Record r : all) {
			String id = r.get("id").asString();
			if (subtree.putIfAbsent(id, new int[] { r.get("members").asInt(), r.get("fullMembers").asInt() }) == null) {
				parents.put(id, r.get("parent").asString(null));
			}
		}
		Map<String, Integer> childCounts = new java.util.HashMap<>();
		parents.forEach((id, parent) -> {
			if (parent != null && !id.equals(rootId)) {
				childCounts.merge(parent, 1, Integer::sum);
			}
		});
		List<String> bottomUp = new ArrayList<>(subtree.keySet());
		java.util.Collections.reverse(bottomUp);
		for (String id : bottomUp) {
			int[] own = subtree.get(id);
			int[] above = id.equals(rootId) ? null : subtree.get(parents.get(id));
			if (above != null) {
				above[0] += own[0];
				above[1] += own[1];
			}
		}
		List<Record> records = all.stream().filter((r) -> r.get("drawn").asBoolean()).toList();
		Map<String, Record> inTree = new LinkedHashMap<>();
		records.forEach((r) -> inTree.putIfAbsent(r.get("id").asString(), r));
		Map<String, OrgRow> external = new LinkedHashMap<>();
		Map<String, UnitRow> units = new LinkedHashMap<>();
		List<OrgChart.Edge> edges = new ArrayList<>();
		List<DispatchRecord> serving = new ArrayList<>();
		List<AwayRecord> away = new ArrayList<>();
		for (Record r : inTree.values()) {
			String id = r.get("id").asString();
			for (Value d : r.get("dispatches").values()) {
				serving.add(new DispatchRecord(d.get("member").asString(), id, d.get("from").asLocalDate(),
						d.get("to").isNull() ? null : d.get("to").asLocalDate(), d.get("by").asString(null)));
			}
			for (Value a : r.get("away").values()) {
				away.add(new AwayRecord(a.get("member").asString(), a.get("home").asString(null), id,
						a.get("from").asLocalDate(), a.get("to").isNull() ? null : a.get("to").asLocalDate()));
			}
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
		Map<String, MemberCounts> counts = external.isEmpty() ? Map.of()
				: this.orgs.memberCounts(List.copyOf(external.keySet()));
		List<OrgChart.Node> nodes = new ArrayList<>();
		for (Record r : inTree.values()) {
			OrgRow org = Rows.org(r.get("org"));
			String parent = r.get("parent").asString(null);
			int[] sum = subtree.get(org.id());
			// A party group counts the members assigned to it (MemberCounts' rule), not a subtree.
			MemberCounts c = (org.kind() == OrgKind.PARTY_GROUP)
					? new MemberCounts(r.get("assigned").asInt(), r.get("fullAssigned").asInt())
					: new MemberCounts(sum[0], sum[1]);
			nodes.add(new OrgChart.Node(org.id(), org.name(), org.kind().name(), false, c.total(), c.full(),
					r.get("depth").asInt(), inTree.containsKey(parent) ? parent : null, childCounts.getOrDefault(org.id(), 0),
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
		return new OrgChart(nodes, edges).withDispatches(serving).withAway(away);
	}

}
