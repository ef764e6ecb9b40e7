package org.partygraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * The standard analyst queries of issue #7, each as our GraphQL and, where @neo4j/graphql can express
 * it, as the peer's, with a reduction of each side's answer to comparable lines (ids and counts) so the
 * two answers can be checked equal before anything is timed.
 */
public final class StandardQueries {

	private StandardQueries() {
	}

	/**
	 * One standard query.
	 * @param name short name for the table
	 * @param ours our query text
	 * @param oursVariables its variables
	 * @param peer the peer's query text; null when the peer cannot express it
	 * @param peerVariables its variables
	 * @param oursAnswer our answer's data reduced to sorted lines; null when there is no peer to compare with
	 * @param peerAnswer the peer's answer's data reduced the same way
	 */
	public record Query(String name, String ours, Map<String, Object> oursVariables, String peer,
			Map<String, Object> peerVariables, Function<JsonNode, List<String>> oursAnswer,
			Function<JsonNode, List<String>> peerAnswer) {

		public boolean peerExpressible() {
			return this.peer != null;
		}

	}

	static final String ORG_SUBTREE_COUNTS = """
			query($id: ID!) { org(id: $id) {
			  id name memberCount fullMemberCount children { id name kind memberCount fullMemberCount } } }""";

	static final String PEER_ORG_SUBTREE_COUNTS = """
			query($id: ID!) { orgs(where: {id: {eq: $id}}) {
			  id name memberCount fullMemberCount children { id name kind memberCount fullMemberCount } } }""";

	// The orgs the township co-manages: the peer's question exactly.
	static final String DUAL_MANAGEMENT = """
			query($t: ID!) { orgs(filter: {coManagedBy: $t}, sort: {field: ID}, first: 100) {
			  totalCount edges { node { id name memberCount fullMemberCount coManagers { id name } } } } }""";

	// Every org of the township's territory under dual management (subordinate to it, co-managed by
	// it, or set up in a unit located in it): a subtree and a unit walk the peer cannot filter by.
	static final String TOWNSHIP_DUAL_MANAGEMENT = """
			query($t: ID!) { orgs(filter: {township: $t, hasCoManager: true}, sort: {field: ID}, first: 100) {
			  totalCount edges { node { id name memberCount fullMemberCount coManagers { id name } } } } }""";

	static final String PEER_DUAL_MANAGEMENT = """
			query($t: ID!) { orgs(where: {coManagers: {some: {id: {eq: $t}}}}, sort: [{id: ASC}]) {
			  id name memberCount fullMemberCount coManagers { id name } } }""";

	static final String ORG_CHART = """
			query($id: ID!) { orgChart(root: $id, depth: 3, units: false) {
			  nodes { id label kind memberCount depth unit external } edges { source target kind } } }""";

	static final String PEER_ORG_CHART = """
			query($id: ID!) { orgs(where: {id: {eq: $id}}) { id name kind memberCount
			  children { id name kind memberCount
			    children { id name kind memberCount
			      children { id name kind memberCount } } } } }""";

	static final String PATTERN_SUMMARY = """
			query($within: ID) { patternSummary(within: $within) { pattern metrics { key value } } }""";

	static final String COMPLIANCE = """
			query($within: ID) { complianceIssues(within: $within) { rule severity orgId message } }""";

	static final String WHAT_IF = """
			query($within: ID, $ops: [OperationInput!]!) { whatIf(within: $within, operations: $ops) {
			  membersMoved orgsCreated issuesFixed { rule orgId } issuesIntroduced { rule orgId }
			  before { key value } after { key value } } }""";

	/**
	 * The standard queries.
	 * @param county the county committee's id (o-county in the sample)
	 * @param township a township committee's id (o-t-hbt in the sample)
	 * @param whatIfOperations the 10 operations of the what-if within the township
	 */
	public static List<Query> all(String county, String township, List<Map<String, Object>> whatIfOperations) {
		return all(county, township, township, whatIfOperations);
	}

	/** As {@link #all(String, String, List)}, the what-if played out within {@code whatIfWithin}. */
	public static List<Query> all(String county, String township, String whatIfWithin,
			List<Map<String, Object>> whatIfOperations) {
		List<Query> queries = new ArrayList<>();
		queries.add(new Query("org with subtree counts (" + county + ")", ORG_SUBTREE_COUNTS, Map.of("id", county),
				PEER_ORG_SUBTREE_COUNTS, Map.of("id", county), (d) -> orgCounts(d.path("org")),
				(d) -> orgCounts(d.path("orgs").path(0))));
		queries.add(new Query("township dual management (" + township + ")", DUAL_MANAGEMENT, Map.of("t", township),
				PEER_DUAL_MANAGEMENT, Map.of("t", township), (d) -> dualManagement(d.path("orgs").path("edges"), true),
				(d) -> dualManagement(d.path("orgs"), false)));
		queries.add(new Query("dual management in the township's territory (" + township + ")",
				TOWNSHIP_DUAL_MANAGEMENT, Map.of("t", township), null, null, null, null));
		queries.add(new Query("patternSummary (" + county + ")", PATTERN_SUMMARY, nullable("within", county), null,
				null, null, null));
		queries.add(new Query("patternSummary (everything)", PATTERN_SUMMARY, nullable("within", null), null, null,
				null, null));
		queries.add(new Query("orgChart depth 3 (" + county + ")", ORG_CHART, Map.of("id", county), PEER_ORG_CHART,
				Map.of("id", county), (d) -> chart(d.path("orgChart")), (d) -> peerTree(d.path("orgs").path(0))));
		queries.add(new Query("whatIf, " + whatIfOperations.size() + " operations (" + whatIfWithin + ")", WHAT_IF,
				Map.of("within", whatIfWithin, "ops", whatIfOperations), null, null, null, null));
		queries.add(new Query("complianceIssues (" + county + ")", COMPLIANCE, nullable("within", county), null, null,
				null, null));
		queries.add(new Query("complianceIssues (everything)", COMPLIANCE, nullable("within", null), null, null, null,
				null));
		return queries;
	}

	private static Map<String, Object> nullable(String key, Object value) {
		Map<String, Object> map = new java.util.HashMap<>();
		map.put(key, value);
		return map;
	}

	/** "org id mc fmc" and one "child id kind mc fmc" per child, sorted. */
	static List<String> orgCounts(JsonNode org) {
		List<String> lines = new ArrayList<>();
		if (org.isMissingNode() || org.isNull()) {
			lines.add("no org");
			return lines;
		}
		lines.add("org " + org.path("id").asString() + " " + org.path("memberCount").asInt() + " "
				+ org.path("fullMemberCount").asInt());
		for (JsonNode child : org.path("children")) {
			lines.add("child " + child.path("id").asString() + " " + child.path("kind").asString() + " "
					+ child.path("memberCount").asInt() + " " + child.path("fullMemberCount").asInt());
		}
		lines.sort(null);
		return lines;
	}

	/** One "id mc fmc [co-manager ids]" per org, sorted. */
	static List<String> dualManagement(JsonNode list, boolean edges) {
		List<String> lines = new ArrayList<>();
		for (JsonNode item : list) {
			JsonNode org = edges ? item.path("node") : item;
			List<String> managers = new ArrayList<>();
			org.path("coManagers").forEach((m) -> managers.add(m.path("id").asString()));
			managers.sort(null);
			lines.add(org.path("id").asString() + " " + org.path("memberCount").asInt() + " "
					+ org.path("fullMemberCount").asInt() + " " + managers);
		}
		lines.sort(null);
		return lines;
	}

	/** Our chart's orgs in the subtree: "node id kind mc depth", and "edge child>parent", sorted. */
	static List<String> chart(JsonNode chart) {
		List<String> lines = new ArrayList<>();
		for (JsonNode node : chart.path("nodes")) {
			if (node.path("unit").asBoolean() || node.path("external").asBoolean() || node.path("depth").asInt() < 0) {
				continue;
			}
			lines.add("node " + node.path("id").asString() + " " + node.path("kind").asString() + " "
					+ node.path("memberCount").asInt() + " " + node.path("depth").asInt());
		}
		for (JsonNode edge : chart.path("edges")) {
			if (edge.path("kind").asString().equals("SUBORDINATE_TO")) {
				lines.add("edge " + edge.path("source").asString() + ">" + edge.path("target").asString());
			}
		}
		lines.sort(null);
		return lines;
	}

	/** The peer's nested children reduced like {@link #chart}. */
	static List<String> peerTree(JsonNode root) {
		List<String> lines = new ArrayList<>();
		if (!root.isMissingNode() && !root.isNull()) {
			walk(root, null, 0, lines);
		}
		lines.sort(null);
		return lines;
	}

	private static void walk(JsonNode org, String parent, int depth, List<String> lines) {
		String id = org.path("id").asString();
		lines.add("node " + id + " " + org.path("kind").asString() + " " + org.path("memberCount").asInt() + " " + depth);
		if (parent != null) {
			lines.add("edge " + id + ">" + parent);
		}
		for (JsonNode child : org.path("children")) {
			walk(child, id, depth + 1, lines);
		}
	}

	/** The differences between two reduced answers, empty when equal. */
	public static List<String> differences(List<String> ours, List<String> theirs) {
		List<String> diff = new ArrayList<>();
		List<String> onlyOurs = new ArrayList<>(ours);
		theirs.forEach(onlyOurs::remove);
		List<String> onlyTheirs = new ArrayList<>(theirs);
		ours.forEach(onlyTheirs::remove);
		onlyOurs.forEach((l) -> diff.add("only ours: " + l));
		onlyTheirs.forEach((l) -> diff.add("only peer: " + l));
		return diff;
	}

}
