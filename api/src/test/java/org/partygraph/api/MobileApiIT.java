package org.partygraph.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mobile members over HTTP (流動黨員, docs/contract.md section 8) on a dataset of its own (ids
 * {@code w-…}, imported dated 2020-01-01): two townships with a village branch each, and a park
 * branch under the county. Both orgs list a member away, once each, and no count anywhere changes:
 * {@link #noCountCountsAMemberTwice} asks every Int field of Org the schema has (found by
 * introspection, so a count added later is in it), statistics, pattern figures and the pipeline,
 * before and after members go away.
 */
class MobileApiIT extends ServiceTestBase {

	private static final String DATASET = """
			{"format": "party-graph/2", "name": "流動縣",
			 "units": [{"id": "w-u", "kind": "COUNTY", "name": "流動縣"},
			  {"id": "w-ut1", "kind": "TOWNSHIP", "name": "東鄉", "locatedIn": "w-u"},
			  {"id": "w-ut2", "kind": "TOWNSHIP", "name": "西鄉", "locatedIn": "w-u"},
			  {"id": "w-uv1", "kind": "VILLAGE", "name": "東村", "locatedIn": "w-ut1"},
			  {"id": "w-uv2", "kind": "VILLAGE", "name": "西村", "locatedIn": "w-ut2"},
			  {"id": "w-up", "kind": "PARK", "name": "工業園區", "locatedIn": "w-u"}],
			 "orgs": [
			  {"id": "w-county", "kind": "COUNTY_COMMITTEE", "name": "中共流動縣委", "units": ["w-u"]},
			  {"id": "w-t1", "kind": "TOWNSHIP_COMMITTEE", "name": "東鄉黨委", "parent": "w-county", "units": ["w-ut1"]},
			  {"id": "w-t2", "kind": "TOWNSHIP_COMMITTEE", "name": "西鄉黨委", "parent": "w-county", "units": ["w-ut2"]},
			  {"id": "w-v1", "kind": "BRANCH", "name": "東村黨支部", "parent": "w-t1", "units": ["w-uv1"]},
			  {"id": "w-v2", "kind": "BRANCH", "name": "西村黨支部", "parent": "w-t2", "units": ["w-uv2"]},
			  {"id": "w-park", "kind": "BRANCH", "name": "工業園區黨支部", "parent": "w-county", "units": ["w-up"]}],
			 "members": [
			  {"id": "w-m1", "name": "馮一", "status": "FULL", "org": "w-v1"},
			  {"id": "w-m2", "name": "馮二", "status": "FULL", "org": "w-v1"},
			  {"id": "w-m3", "name": "馮三", "status": "PROBATIONARY", "org": "w-v1", "probationSince": "2026-03-01"},
			  {"id": "w-m4", "name": "陳一", "status": "FULL", "org": "w-v2"},
			  {"id": "w-m5", "name": "陳二", "status": "FULL", "org": "w-park"},
			  {"id": "w-m6", "name": "馮六", "status": "FULL", "org": "w-v1"}]}
			""";

	private HttpGraphQlTester hbtAdmin;

	@BeforeAll
	void importOwnDataset() {
		importOwnDataset(DATASET, "2020-01-01", "流動縣");
		this.hbtAdmin = TestApp.tester(this.port, "hbt-admin", TestApp.USER_PASSWORD);
	}

	private void away(String member, String at, String from, String to) {
		this.graphQl.document("mutation { recordAway(member: \"" + member + "\", at: \"" + at + "\", from: \"" + from
				+ "\"" + ((to != null) ? ", to: \"" + to + "\"" : "") + ") { errors { field message } } }")
			.execute()
			.path("recordAway.errors").entityList(Object.class).hasSize(0);
	}

	/** Every Int field of Org whose arguments are all optional, by introspection. */
	@SuppressWarnings("unchecked")
	private List<String> orgCountFields() {
		List<Map<String, Object>> fields = this.graphQl
			.document("{ __type(name: \"Org\") { fields { name args { type { kind } } type { kind name ofType { kind name } } } } }")
			.execute()
			.path("__type.fields")
			.entityList(Map.class)
			.get()
			.stream()
			.map((f) -> (Map<String, Object>) f)
			.toList();
		List<String> counts = new ArrayList<>();
		for (Map<String, Object> field : fields) {
			Map<String, Object> type = (Map<String, Object>) field.get("type");
			Map<String, Object> named = "NON_NULL".equals(type.get("kind")) ? (Map<String, Object>) type.get("ofType") : type;
			boolean optionalArgs = ((List<Map<String, Object>>) field.get("args")).stream()
				.noneMatch((a) -> "NON_NULL".equals(((Map<String, Object>) a.get("type")).get("kind")));
			if ("Int".equals(named.get("name")) && optionalArgs) {
				counts.add((String) field.get("name"));
			}
		}
		return counts;
	}

	private String snapshot(List<String> orgCounts) {
		String document = "{ orgs(filter: {within: \"w-county\"}, first: 50) { edges { node { id " + String.join(" ", orgCounts)
				+ " pipeline { applicants activists developmentTargets probationers total } } } }"
				+ " statistics(within: \"w-county\") { orgs members orgsByKind { key count } membersByStatus { key count }"
				+ " membersByTrade { key count } membersByTownship { key count } depth levels { level orgs minSpan avgSpan maxSpan } }"
				+ " patternSummary(within: \"w-county\") { pattern metrics { key value } }"
				+ " developmentPipeline(within: \"w-county\") { org { id } pipeline { total probationers } } }";
		return this.graphQl.document(document).execute().returnResponse().toString().replaceAll("\\s", "");
	}

	@Test
	void noCountCountsAMemberTwice() {
		List<String> counts = orgCountFields();
		assertThat(counts).as("the count fields the schema has").contains("memberCount", "fullMemberCount");
		String before = snapshot(counts);
		assertThat(before).contains("id=w-county,memberCount=6");
		away("w-m1", "w-park", "2024-01-01", null);
		away("w-m3", "w-v2", "2024-01-01", null);
		away("w-m5", "w-v1", "2024-01-01", null);
		assertThat(snapshot(counts)).isEqualTo(before);
		// Both orgs list each of them, once.
		this.graphQl.document("""
				{ v1: org(id: "w-v1") { memberCount members(first: 10) { totalCount } membersAway { member { id } at { id } }
				    flowingIn { member { id } home { id } current } }
				  park: org(id: "w-park") { memberCount flowingIn { member { id } } membersAway { member { id } } }
				  member(id: "w-m1") { org { id } awayAt { id } before: awayAt(asOf: "2023-12-31") { id } away { at { id } from to current } } }""")
			.execute()
			.path("v1.memberCount").entity(Integer.class).isEqualTo(4)
			.path("v1.members.totalCount").entity(Integer.class).isEqualTo(4)
			.path("v1.membersAway[*].member.id").entityList(String.class).containsExactly("w-m1", "w-m3")
			.path("v1.flowingIn[*].member.id").entityList(String.class).containsExactly("w-m5")
			.path("v1.flowingIn[0].home.id").entity(String.class).isEqualTo("w-park")
			.path("park.memberCount").entity(Integer.class).isEqualTo(1)
			.path("park.flowingIn[*].member.id").entityList(String.class).containsExactly("w-m1")
			.path("park.membersAway[*].member.id").entityList(String.class).containsExactly("w-m5")
			.path("member.org.id").entity(String.class).isEqualTo("w-v1")
			.path("member.awayAt.id").entity(String.class).isEqualTo("w-park")
			.path("member.before").valueIsNull()
			.path("member.away[0].at.id").entity(String.class).isEqualTo("w-park")
			.path("member.away[0].current").entity(Boolean.class).isEqualTo(true);
		// Per township: 東鄉 has two away (m1, m3) and one flowing in (m5); 西鄉 none away, m3 in; the
		// park, under no township, m5 away and m1 in.
		this.graphQl.document("{ mobileMembersByTownship(within: \"w-county\") { township { id } away flowingIn } }")
			.execute()
			.path("mobileMembersByTownship").entityList(Map.class)
			.satisfies((rows) -> assertThat(rows.stream().map((r) -> String.valueOf(r.get("township")) + " "
					+ r.get("away") + " " + r.get("flowingIn")).toList())
				.containsExactlyInAnyOrder("{id=w-t1} 2 1", "{id=w-t2} 0 1", "null 1 1"));
		// Before they went away, nobody was.
		this.graphQl.document("{ mobileMembersByTownship(within: \"w-county\", asOf: \"2023-12-31\") { away } org(id: \"w-v1\") { flowingIn(asOf: \"2023-12-31\") { from } } }")
			.execute()
			.path("mobileMembersByTownship").entityList(Object.class).hasSize(0)
			.path("org.flowingIn").entityList(Object.class).hasSize(0);
		// The chart draws one AWAY edge per home org and org flowed in at, counting the members away
		// that day, as flowingIn lists them: w-m6 goes away to the park as well, from 2025.
		away("w-m6", "w-park", "2025-01-01", null);
		List<String> today = List.of("w-v1>w-park 2", "w-v1>w-v2 1", "w-park>w-v1 1");
		assertThat(awayEdges("w-county", null, null)).containsExactlyInAnyOrderElementsOf(today)
			.containsExactlyInAnyOrderElementsOf(flowingInPairs("w-county", null));
		assertThat(awayEdges("w-county", null, "2024-06-01"))
			.containsExactlyInAnyOrder("w-v1>w-park 1", "w-v1>w-v2 1", "w-park>w-v1 1")
			.containsExactlyInAnyOrderElementsOf(flowingInPairs("w-county", "2024-06-01"));
		assertThat(awayEdges("w-county", null, "2023-12-31")).isEmpty();
		// asOf today reads as today; only between drawn orgs (below a township its village's guest
		// comes from the park, not drawn; one level down the park is drawn but its guests' village is not).
		assertThat(awayEdges("w-county", null, java.time.LocalDate.now().toString()))
			.containsExactlyInAnyOrderElementsOf(today);
		assertThat(awayEdges("w-t1", null, null)).isEmpty();
		assertThat(awayEdges("w-county", 1, null)).isEmpty();
		// The counts never count a member twice: each host's edges add up to its members flowing in.
		this.graphQl.document("{ org(id: \"w-park\") { flowingIn { member { id } } } }")
			.execute()
			.path("org.flowingIn[*].member.id").entityList(String.class).contains("w-m1", "w-m6").hasSize(2);
	}

	/** The chart's AWAY edges as home>host count; the edges of the other kinds but DISPATCH count nothing. */
	private List<String> awayEdges(String root, Integer depth, String asOf) {
		List<Map<String, Object>> edges = this.graphQl
			.document("query($root: ID!, $depth: Int, $asOf: Date) { orgChart(root: $root, depth: $depth, asOf: $asOf) { edges { source target kind count } } }")
			.variable("root", root)
			.variable("depth", depth)
			.variable("asOf", asOf)
			.execute()
			.path("orgChart.edges")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(edges).filteredOn((e) -> !"DISPATCH".equals(e.get("kind")) && !"AWAY".equals(e.get("kind")))
			.allSatisfy((e) -> assertThat(e.get("count")).isNull());
		return edges.stream()
			.filter((e) -> "AWAY".equals(e.get("kind")))
			.map((e) -> e.get("source") + ">" + e.get("target") + " " + e.get("count"))
			.toList();
	}

	/** Every org of the subtree's members flowing in on the day (Org.flowingIn), as home>host and how many members, each once. */
	@SuppressWarnings("unchecked")
	private List<String> flowingInPairs(String within, String asOf) {
		List<Map<String, Object>> orgs = this.graphQl
			.document("query($within: ID!, $asOf: Date) { orgs(filter: {within: $within}, first: 50) { edges { node { id flowingIn(asOf: $asOf) { member { id } home { id } } } } } }")
			.variable("within", within)
			.variable("asOf", asOf)
			.execute()
			.path("orgs.edges[*].node")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		Map<String, java.util.Set<String>> pairs = new java.util.TreeMap<>();
		for (Map<String, Object> org : orgs) {
			for (Map<String, Object> a : (List<Map<String, Object>>) org.get("flowingIn")) {
				String home = (String) ((Map<String, Object>) a.get("home")).get("id");
				pairs.computeIfAbsent(home + ">" + org.get("id"), (k) -> new java.util.HashSet<>())
					.add((String) ((Map<String, Object>) a.get("member")).get("id"));
			}
		}
		return pairs.entrySet().stream().map((e) -> e.getKey() + " " + e.getValue().size()).toList();
	}

	@Test
	void aPastDayPlacesAMemberAwayAtTheirMembershipOfThatDay() {
		// A county of its own (ids x-…): x-m6 of x-v1 (東鄉) is away at the park from 2024-02-01 to
		// 2025-06-01, and transferred to x-v2 (西鄉) on 2025-01-01 while away.
		importOwnDataset(DATASET.replace("w-", "x-").replace("流動縣", "流動二縣"), "2020-01-01", "流動二縣");
		away("x-m6", "x-park", "2024-02-01", "2025-06-01");
		this.graphQl.document("mutation { transferMember(member: \"x-m6\", to: \"x-v2\", on: \"2025-01-01\") { errors { message } } }")
			.execute()
			.path("transferMember.errors").entityList(Object.class).hasSize(0);
		String query = """
				query($day: Date) { mobileMembersByTownship(within: "x-county", asOf: $day) { township { id } away flowingIn }
				  v1: org(id: "x-v1") { membersAway(asOf: $day) { member { id } home { id } } }
				  v2: org(id: "x-v2") { membersAway(asOf: $day) { member { id } home { id } } } }""";
		// Before the transfer: away from 東鄉, listed at x-v1.
		this.graphQl.document(query)
			.variable("day", "2024-06-01")
			.execute()
			.path("mobileMembersByTownship").entityList(Map.class)
			.satisfies((rows) -> assertThat(rows.stream().map((r) -> String.valueOf(r.get("township")) + " "
					+ r.get("away") + " " + r.get("flowingIn")).toList())
				.containsExactly("{id=x-t1} 1 0", "null 0 1"))
			.path("v1.membersAway[*].member.id").entityList(String.class).containsExactly("x-m6")
			.path("v1.membersAway[0].home.id").entity(String.class).isEqualTo("x-v1")
			.path("v2.membersAway").entityList(Object.class).hasSize(0);
		// After it: away from 西鄉, listed at x-v2.
		this.graphQl.document(query)
			.variable("day", "2025-03-01")
			.execute()
			.path("mobileMembersByTownship").entityList(Map.class)
			.satisfies((rows) -> assertThat(rows.stream().map((r) -> String.valueOf(r.get("township")) + " "
					+ r.get("away") + " " + r.get("flowingIn")).toList())
				.containsExactly("{id=x-t2} 1 0", "null 0 1"))
			.path("v1.membersAway").entityList(Object.class).hasSize(0)
			.path("v2.membersAway[*].member.id").entityList(String.class).containsExactly("x-m6");
	}

	@Test
	void awayAtOfManyMembersIsOneReadPerDay() {
		// A county of its own (ids y-…): y-m1 away at the park, y-m4 at y-v1, from 2024-01-01.
		importOwnDataset(DATASET.replace("w-", "y-").replace("流動縣", "流動三縣"), "2020-01-01", "流動三縣");
		away("y-m1", "y-park", "2024-01-01", null);
		away("y-m4", "y-v1", "2024-01-01", null);
		String query = """
				query($first: Int) { org(id: "y-county") { members(first: $first) { edges { node { id
				  awayAt { id } before: awayAt(asOf: "2023-12-31") { id } past: awayAt(asOf: "2024-06-01") { id } } } } } }""";
		GraphQlTester.Response all = this.graphQl.document(query)
			.variable("first", 6)
			.extension("debug", true)
			.execute();
		all.path("org.members.edges[*].node.id").entityList(String.class)
			.containsExactly("y-m1", "y-m2", "y-m3", "y-m4", "y-m5", "y-m6")
			.path("org.members.edges[*].node.awayAt.id").entityList(String.class).containsExactly("y-park", "y-v1")
			.path("org.members.edges[0].node.awayAt.id").entity(String.class).isEqualTo("y-park")
			.path("org.members.edges[3].node.past.id").entity(String.class).isEqualTo("y-v1")
			.path("org.members.edges[1].node.awayAt").valueIsNull()
			.path("org.members.edges[*].node.before.id").entityList(String.class).hasSize(0);
		GraphQlTester.Response one = this.graphQl.document(query)
			.variable("first", 1)
			.extension("debug", true)
			.execute();
		one.path("org.members.edges[0].node.awayAt.id").entity(String.class).isEqualTo("y-park");
		// Per day asked for: the times away, then the orgs they are at; not one read per member.
		assertThat(roundTrips(all)).isEqualTo(roundTrips(one));
	}

	private static int roundTrips(GraphQlTester.Response response) {
		@SuppressWarnings("unchecked")
		Map<String, Object> debug = (Map<String, Object>) response.returnResponse().getExtensions().get("debug");
		return (Integer) debug.get("databaseRoundTrips");
	}

	@Test
	void refusalsAndScope() {
		this.graphQl.document("mutation { recordAway(member: \"w-m2\", at: \"w-v1\", from: \"2024-01-01\") { away { from } errors { item field message } } }")
			.execute()
			.path("recordAway.away").valueIsNull()
			.path("recordAway.errors[0].item").entity(String.class).isEqualTo("w-m2")
			.path("recordAway.errors[0].field").entity(String.class).isEqualTo("at");
		this.hbtAdmin.document("mutation { recordAway(member: \"w-m2\", at: \"w-park\", from: \"2024-01-01\") { errors { message } } }")
			.execute()
			.path("recordAway.errors[*].message").entityList(String.class).containsExactly("no member 'w-m2'", "no org 'w-park'");
		this.hbtAdmin.document("{ mobileMembersByTownship { township { id } } }")
			.execute()
			.path("mobileMembersByTownship[*].township.id").entityList(String.class)
			.satisfies((ids) -> assertThat(ids).noneMatch((id) -> id != null && id.startsWith("w-")));
	}

}
