package org.partygraph.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * The broad set of compared shapes of issue #17: every relation of Org, Member and Unit at two and
 * three levels, lists with filters and pages, member pages under children. Each is asked of both
 * services with the same ids, and both answers are reduced by one generic {@link #flatten} so that
 * a new shape needs no reduction of its own.
 *
 * <p>
 * The ids are not fixed: {@link #discover} looks them up on the dataset at hand (the first general
 * branch of the township by id, its first member, ...), so the shapes run on any county the
 * generator or an import produced.
 */
public final class ComparedShapes {

	private ComparedShapes() {
	}

	/** The ids the shapes ask about, looked up on the dataset. */
	public record Ids(String county, String township, String villageOrg, String member, String villageUnit,
			String deepUnit, String townshipUnit) {
	}

	/**
	 * Looks the ids up through our service: the township's first GENERAL_BRANCH set up in a village by
	 * id (else any GENERAL_BRANCH, else a BRANCH likewise),
	 * the first member of that org's subtree, the first unit it is set up in, the first unit located
	 * in that one (else the unit itself), and the township's first unit.
	 */
	public static Ids discover(Gql ours, String county, String township) throws IOException, InterruptedException {
		String village = null;
		for (String kind : List.of("GENERAL_BRANCH", "BRANCH")) {
			for (String setUpIn : new String[] { "VILLAGE", null }) {
				if (village == null) {
					village = firstOrg(ours, township, kind, setUpIn);
				}
			}
		}
		if (village == null) {
			throw new IllegalStateException("no GENERAL_BRANCH or BRANCH under " + township + " to ask about");
		}
		JsonNode org = ours.data("""
				query($id: ID!) { org(id: $id) { units { id } members(first: 1) { edges { node { id } } } } }""",
				Map.of("id", village)).path("org");
		String member = org.path("members").path("edges").path(0).path("node").path("id").asString(null);
		String villageUnit = minId(org.path("units"));
		if (member == null || villageUnit == null) {
			throw new IllegalStateException(village + " has no member or no unit to ask about");
		}
		JsonNode unit = ours.data("query($id: ID!) { unit(id: $id) { contains { id } } }", Map.of("id", villageUnit))
			.path("unit");
		String deep = minId(unit.path("contains"));
		JsonNode t = ours.data("query($id: ID!) { org(id: $id) { units { id } } }", Map.of("id", township)).path("org");
		String townshipUnit = minId(t.path("units"));
		return new Ids(county, township, village, member, villageUnit, (deep != null) ? deep : villageUnit,
				(townshipUnit != null) ? townshipUnit : villageUnit);
	}

	private static String firstOrg(Gql ours, String within, String kind, String setUpIn)
			throws IOException, InterruptedException {
		Map<String, Object> variables = new java.util.HashMap<>(Map.of("t", within, "k", kind));
		variables.put("u", setUpIn);
		JsonNode edges = ours.data("""
				query($t: ID!, $k: OrgKind!, $u: UnitKind) {
				  orgs(filter: {within: $t, kinds: [$k], setUpInKind: $u}, sort: {field: ID}, first: 1) {
				  edges { node { id } } } }""", variables).path("orgs").path("edges");
		return edges.isEmpty() ? null : edges.path(0).path("node").path("id").asString();
	}

	private static String minId(JsonNode list) {
		String min = null;
		for (JsonNode item : list) {
			String id = item.path("id").asString();
			if (min == null || id.compareTo(min) < 0) {
				min = id;
			}
		}
		return min;
	}

	/** One shape as ours and the peer's, and where each side's answer starts. */
	private static StandardQueries.Query shape(String name, String ours, String oursRoot, String peer, String peerRoot,
			Map<String, Object> variables) {
		Function<JsonNode, List<String>> oursAnswer = (d) -> flatten(root(d, oursRoot));
		Function<JsonNode, List<String>> peerAnswer = (d) -> flatten(root(d, peerRoot));
		return new StandardQueries.Query(name, ours, variables, peer, variables, oursAnswer, peerAnswer);
	}

	/** "org" is the field itself; "orgs[0]" the first entry of a list (the peer's way to one item). */
	static JsonNode root(JsonNode data, String path) {
		if (path.endsWith("[0]")) {
			return data.path(path.substring(0, path.length() - 3)).path(0);
		}
		return data.path(path);
	}

	/**
	 * The shapes, with the ids to ask about.
	 */
	public static List<StandardQueries.Query> all(Ids ids) {
		List<StandardQueries.Query> shapes = new ArrayList<>();
		Map<String, Object> township = Map.of("id", ids.township());
		Map<String, Object> village = Map.of("id", ids.villageOrg());
		shapes.add(shape("org, two levels of children (" + ids.township() + ")", """
				query($id: ID!) { org(id: $id) { id name kind children { id name kind children { id name kind } } } }""",
				"org", """
				query($id: ID!) { orgs(where: {id: {eq: $id}}) { id name kind children { id name kind children { id name kind } } } }""",
				"orgs[0]", township));
		shapes.add(shape("org's children with co-managers and units (" + ids.township() + ")", """
				query($id: ID!) { org(id: $id) { id children { id name kind coManagers { id name kind } units { id name kind } } } }""",
				"org", """
				query($id: ID!) { orgs(where: {id: {eq: $id}}) { id children { id name kind coManagers { id name kind } units { id name kind } } } }""",
				"orgs[0]", township));
		shapes.add(shape("org's children with a page of their members (" + ids.township() + ")", """
				query($id: ID!) { org(id: $id) { id children { id name
				  members(first: 10, direct: true) { edges { node { id name status } } } } } }""", "org", """
				query($id: ID!) { orgs(where: {id: {eq: $id}}) { id children { id name
				  members(limit: 10, sort: [{id: ASC}]) { id name status } } } }""", "orgs[0]", township));
		shapes.add(shape("org's ancestors, three levels (" + ids.villageOrg() + ")", """
				query($id: ID!) { org(id: $id) { id name parent { id name kind parent { id name kind parent { id name } } } } }""",
				"org", """
				query($id: ID!) { orgs(where: {id: {eq: $id}}) { id name parent { id name kind parent { id name kind parent { id name } } } } }""",
				"orgs[0]", village));
		shapes.add(shape("org's members page with their units and where those lie (" + ids.villageOrg() + ")", """
				query($id: ID!) { org(id: $id) { id members(first: 20, direct: true) { edges { node { id name
				  unit { id name locatedIn { id name } } } } } } }""", "org", """
				query($id: ID!) { orgs(where: {id: {eq: $id}}) { id members(limit: 20, sort: [{id: ASC}]) { id name
				  unit { id name locatedIn { id name } } } } }""", "orgs[0]", village));
		shapes.add(shape("member with org, its parent, and where they take part (" + ids.member() + ")", """
				query($id: ID!) { member(id: $id) { id name status org { id name kind parent { id name } }
				  participatesIn { id name kind } } }""", "member", """
				query($id: ID!) { members(where: {id: {eq: $id}}) { id name status org { id name kind parent { id name } }
				  participatesIn { id name kind } } }""", "members[0]", Map.of("id", ids.member())));
		shapes.add(shape("member's org with its units, co-managers and parent's units (" + ids.member() + ")", """
				query($id: ID!) { member(id: $id) { id org { id units { id name } coManagers { id name }
				  parent { id units { id name } } } } }""", "member", """
				query($id: ID!) { members(where: {id: {eq: $id}}) { id org { id units { id name } coManagers { id name }
				  parent { id units { id name } } } } }""", "members[0]", Map.of("id", ids.member())));
		shapes.add(shape("unit's locatedIn chain (" + ids.deepUnit() + ")", """
				query($id: ID!) { unit(id: $id) { id name kind locatedIn { id name kind locatedIn { id name kind
				  locatedIn { id name kind } } } } }""", "unit", """
				query($id: ID!) { units(where: {id: {eq: $id}}) { id name kind locatedIn { id name kind locatedIn { id name kind
				  locatedIn { id name kind } } } } }""", "units[0]", Map.of("id", ids.deepUnit())));
		shapes.add(shape("unit's orgs with their parents and co-managers (" + ids.villageUnit() + ")", """
				query($id: ID!) { unit(id: $id) { id orgs { id name kind parent { id name } coManagers { id name } } } }""",
				"unit", """
				query($id: ID!) { units(where: {id: {eq: $id}}) { id orgs { id name kind parent { id name } coManagers { id name } } } }""",
				"units[0]", Map.of("id", ids.villageUnit())));
		shapes.add(shape("unit contains, two levels, with their orgs (" + ids.townshipUnit() + ")", """
				query($id: ID!) { unit(id: $id) { id contains { id name kind orgs { id } contains { id name kind } } } }""",
				"unit", """
				query($id: ID!) { units(where: {id: {eq: $id}}) { id contains { id name kind orgs { id } contains { id name kind } } } }""",
				"units[0]", Map.of("id", ids.townshipUnit())));
		shapes.add(shape("orgs of a kind, a page, with counts and parent", """
				query { orgs(filter: {kinds: [JOINT_BRANCH]}, sort: {field: ID}, first: 50) {
				  edges { node { id name kind memberCount parent { id name } } } } }""", "orgs", """
				query { orgs(where: {kind: {eq: "JOINT_BRANCH"}}, sort: [{id: ASC}], limit: 50) {
				  id name kind memberCount parent { id name } } }""", "orgs", Map.of()));
		shapes.add(shape("probationary members, a page, with their org", """
				query { members(filter: {status: PROBATIONARY}, sort: {field: ID}, first: 50) {
				  edges { node { id name status org { id name } } } } }""", "members", """
				query { members(where: {status: {eq: "PROBATIONARY"}}, sort: [{id: ASC}], limit: 50) {
				  id name status org { id name } } }""", "members", Map.of()));
		shapes.add(shape("leading enterprises, a page, with location and orgs", """
				query { units(filter: {kinds: [ENTERPRISE], leading: true}, sort: {field: ID}, first: 50) {
				  edges { node { id name locatedIn { id name } orgs { id name kind } } } } }""", "units", """
				query { units(where: {kind: {eq: "ENTERPRISE"}, leading: {eq: true}}, sort: [{id: ASC}], limit: 50) {
				  id name locatedIn { id name } orgs { id name kind } } }""", "units", Map.of()));
		return shapes;
	}

	/**
	 * Both sides' answers as sorted lines, one per scalar, each prefixed with the path of ids that
	 * leads to it ("org(o-t-hbt).children(o-v-1).name=下寨村"). A Relay connection counts as its list
	 * of nodes (totalCount, pageInfo and cursors have no counterpart in the peer); list order is not
	 * compared (both sides sort pages by id, so a page holds the same items or the lines differ).
	 */
	public static List<String> flatten(JsonNode root) {
		List<String> lines = new ArrayList<>();
		if (root.isMissingNode() || root.isNull()) {
			lines.add("nothing");
			return lines;
		}
		flatten(root, "", lines);
		lines.sort(null);
		return lines;
	}

	private static void flatten(JsonNode node, String prefix, List<String> lines) {
		if (node.isArray()) {
			for (JsonNode item : node) {
				flatten(item, prefix + "(" + item.path("id").asString("?") + ")", lines);
			}
			return;
		}
		if (node.has("edges") && node.get("edges").isArray()) {
			for (JsonNode edge : node.get("edges")) {
				JsonNode item = edge.path("node");
				flatten(item, prefix + "(" + item.path("id").asString("?") + ")", lines);
			}
			return;
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
			JsonNode value = field.getValue();
			if (value.isObject() && value.path("edges").isArray()) {
				flatten(value, path, lines);
			}
			else if (value.isObject()) {
				flatten(value, path + "(" + value.path("id").asString("?") + ")", lines);
			}
			else if (value.isArray()) {
				flatten(value, path, lines);
			}
			else {
				lines.add(path + "=" + (value.isNull() ? "null" : value.asString()));
			}
		}
	}

}
