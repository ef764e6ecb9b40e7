package org.partygraph.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partygraph.queries.whatif.FirstSecretarySuggestions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First secretaries over HTTP (docs/contract.md section 8) on a dataset of their own (ids
 * {@code d-…}, imported dated 2020-01-01): two villages, a county bureau whose members are sent
 * (and which co-manages d-v1, so that a chart below the township draws it as an outside node).
 * d-v1 gets a first secretary in the tests that dispatch; d-v2 never does.
 */
class DispatchApiIT extends ServiceTestBase {

	private static final LocalDate TODAY = LocalDate.now();

	private static final String DATASET = """
			{"format": "party-graph/2", "name": "選派縣",
			 "units": [{"id": "d-u", "kind": "COUNTY", "name": "選派縣"},
			  {"id": "d-t", "kind": "TOWNSHIP", "name": "東鄉", "locatedIn": "d-u"},
			  {"id": "d-uv1", "kind": "VILLAGE", "name": "東村", "locatedIn": "d-t"},
			  {"id": "d-uv2", "kind": "VILLAGE", "name": "西村", "locatedIn": "d-t"}],
			 "orgs": [
			  {"id": "d-county", "kind": "COUNTY_COMMITTEE", "name": "中共選派縣委", "units": ["d-u"]},
			  {"id": "d-bureau", "kind": "BRANCH", "name": "縣農業局黨支部", "parent": "d-county"},
			  {"id": "d-tc", "kind": "TOWNSHIP_COMMITTEE", "name": "東鄉黨委", "parent": "d-county", "units": ["d-t"]},
			  {"id": "d-v1", "kind": "BRANCH", "name": "東村黨支部", "parent": "d-tc", "units": ["d-uv1"], "coManagedBy": ["d-bureau"]},
			  {"id": "d-v2", "kind": "BRANCH", "name": "西村黨支部", "parent": "d-tc", "units": ["d-uv2"]}],
			 "members": [
			  {"id": "d-m1", "name": "周一", "status": "FULL", "org": "d-bureau"},
			  {"id": "d-m2", "name": "周二", "status": "FULL", "org": "d-bureau"},
			  {"id": "d-m3", "name": "吳一", "status": "FULL", "org": "d-v1"},
			  {"id": "d-m4", "name": "周四", "status": "FULL", "org": "d-bureau"},
			  {"id": "d-m5", "name": "鄭五", "status": "FULL", "org": "d-tc"}]}
			""";

	/** A village and a township committee's member to send there, for the kept suggestions. */
	private static final String KEPT = """
			{"format": "party-graph/2", "name": "選派二縣",
			 "units": [{"id": "d2-u", "kind": "COUNTY", "name": "選派二縣"},
			  {"id": "d2-t", "kind": "TOWNSHIP", "name": "南鄉", "locatedIn": "d2-u"},
			  {"id": "d2-uv", "kind": "VILLAGE", "name": "南村", "locatedIn": "d2-t"}],
			 "orgs": [
			  {"id": "d2-county", "kind": "COUNTY_COMMITTEE", "name": "中共選派二縣委", "units": ["d2-u"]},
			  {"id": "d2-tc", "kind": "TOWNSHIP_COMMITTEE", "name": "南鄉黨委", "parent": "d2-county", "units": ["d2-t"]},
			  {"id": "d2-v", "kind": "BRANCH", "name": "南村黨支部", "parent": "d2-tc", "units": ["d2-uv"]}],
			 "members": [{"id": "d2-m1", "name": "馮一", "status": "FULL", "org": "d2-tc"}]}
			""";

	/** A village dissolved on 2024-01-01 after a first secretary served it from 2021, for past reads. */
	private static final String GONE = """
			{"format": "party-graph/2", "name": "選派三縣",
			 "units": [{"id": "d3-u", "kind": "COUNTY", "name": "選派三縣"},
			  {"id": "d3-t", "kind": "TOWNSHIP", "name": "北鄉", "locatedIn": "d3-u"},
			  {"id": "d3-uv", "kind": "VILLAGE", "name": "北村", "locatedIn": "d3-t"}],
			 "orgs": [
			  {"id": "d3-county", "kind": "COUNTY_COMMITTEE", "name": "中共選派三縣委", "units": ["d3-u"]},
			  {"id": "d3-bureau", "kind": "BRANCH", "name": "三縣水利局黨支部", "parent": "d3-county"},
			  {"id": "d3-tc", "kind": "TOWNSHIP_COMMITTEE", "name": "北鄉黨委", "parent": "d3-county", "units": ["d3-t"]},
			  {"id": "d3-v", "kind": "BRANCH", "name": "北村黨支部", "parent": "d3-tc", "units": ["d3-uv"]}],
			 "members": [{"id": "d3-m1", "name": "衛一", "status": "FULL", "org": "d3-bureau"},
			  {"id": "d3-m2", "name": "衛二", "status": "FULL", "org": "d3-v"}]}
			""";

	private HttpGraphQlTester hbtAdmin;

	private HttpGraphQlTester viewer;

	@Autowired
	private FirstSecretarySuggestions suggestions;

	@BeforeAll
	void importOwnDataset() {
		importOwnDataset(DATASET, "2020-01-01", "選派縣");
		this.hbtAdmin = TestApp.tester(this.port, "hbt-admin", TestApp.USER_PASSWORD);
		this.viewer = TestApp.tester(this.port, "viewer", TestApp.USER_PASSWORD);
		this.graphQl.document("mutation { dispatchFirstSecretary(member: \"d-m1\", village: \"d-v1\", from: \"2021-03-01\") { errors { message } } }")
			.execute()
			.path("dispatchFirstSecretary.errors").entityList(Object.class).hasSize(0);
	}

	@Test
	void aVillagesFirstSecretaryAndTheMembersDispatches() {
		this.graphQl.document("""
				{ org(id: "d-v1") { firstSecretaries { member { id org { id } } village { id } from to by { id } current } }
				  member(id: "d-m1") { org { id } dispatches { village { id } from current } } }""")
			.execute()
			.path("org.firstSecretaries[0].member.id").entity(String.class).isEqualTo("d-m1")
			.path("org.firstSecretaries[0].member.org.id").entity(String.class).isEqualTo("d-bureau")
			.path("org.firstSecretaries[0].village.id").entity(String.class).isEqualTo("d-v1")
			.path("org.firstSecretaries[0].from").entity(String.class).isEqualTo("2021-03-01")
			.path("org.firstSecretaries[0].to").valueIsNull()
			.path("org.firstSecretaries[0].by.id").entity(String.class).isEqualTo("d-bureau")
			.path("org.firstSecretaries[0].current").entity(Boolean.class).isEqualTo(true)
			.path("member.org.id").entity(String.class).isEqualTo("d-bureau")
			.path("member.dispatches[*].village.id").entityList(String.class).containsExactly("d-v1");
		// Before the dispatch began, nobody served.
		this.graphQl.document("{ org(id: \"d-v1\") { firstSecretaries(asOf: \"2021-02-28\") { member { id } } } }")
			.execute()
			.path("org.firstSecretaries").entityList(Object.class).hasSize(0);
	}

	@Test
	void villagesWithoutAFirstSecretary() {
		this.graphQl.document("{ orgs(filter: {within: \"d-county\", setUpInKind: VILLAGE, hasFirstSecretary: false}) { totalCount edges { node { id } } } }")
			.execute()
			.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("d-v2");
		this.graphQl.document("{ orgs(filter: {within: \"d-county\", hasFirstSecretary: true}) { edges { node { id } } } }")
			.execute()
			.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("d-v1");
	}

	@Test
	void refusalsNameTheField() {
		this.graphQl.document("mutation { dispatchFirstSecretary(member: \"d-m2\", village: \"d-bureau\", from: \"2022-01-01\") { dispatch { from } errors { item field message } } }")
			.execute()
			.path("dispatchFirstSecretary.dispatch").valueIsNull()
			.path("dispatchFirstSecretary.errors[0].item").entity(String.class).isEqualTo("d-m2")
			.path("dispatchFirstSecretary.errors[0].field").entity(String.class).isEqualTo("village");
		this.graphQl.document("mutation { dispatchFirstSecretary(member: \"d-m1\", village: \"d-v2\", from: \"2022-01-01\") { errors { field message } } }")
			.execute()
			.path("dispatchFirstSecretary.errors[0].field").entity(String.class).isEqualTo("from")
			.path("dispatchFirstSecretary.errors[0].message").entity(String.class)
			.satisfies((m) -> assertThat(m).contains("already dispatched to 'd-v1'"));
		this.graphQl.document("mutation { dispatchFirstSecretary(member: \"d-m2\", village: \"d-v2\", from: \"" + TODAY.plusDays(30) + "\") { errors { field } } }")
			.execute()
			.path("dispatchFirstSecretary.errors[*].field").entityList(String.class).containsExactly("on");
		// The date's problem in the request's language (#19), the dates and the property as they are.
		Map<String, String> tooLate = Map.of("en", "dated " + TODAY.plusDays(30) + ", after ", "zh-CN",
				"日期" + TODAY.plusDays(30) + "晚于", "zh-TW", "日期" + TODAY.plusDays(30) + "晚於");
		tooLate.forEach((language, start) -> this.graphQl.mutate().header("Accept-Language", language).build()
			.document("mutation { dispatchFirstSecretary(member: \"d-m2\", village: \"d-v2\", from: \"" + TODAY.plusDays(30) + "\") { errors { message } } }")
			.execute()
			.path("dispatchFirstSecretary.errors[0].message").entity(String.class)
			.satisfies((m) -> assertThat(m).as(language).startsWith(start).contains("party-graph.time.max-future-days")));
		this.graphQl.document("{ org(id: \"d-v2\") { firstSecretaries { member { id } } } }")
			.execute()
			.path("org.firstSecretaries").entityList(Object.class).hasSize(0);
	}

	@Test
	void suggestionsMatchVillagesWithoutAFirstSecretary() {
		// d-v1 is served (d-m1); d-v2 has no full member: it breaks MIN_FULL_MEMBERS and is weak. The
		// bureau's members match nothing of it (no trade, no office, no township); d-m5 of the
		// township committee is nearby.
		this.graphQl.document("{ firstSecretarySuggestions(within: \"d-county\") { village { id } needs member { id } by { id } score reasons } }")
			.execute()
			.path("firstSecretarySuggestions[*].village.id").entityList(String.class).containsExactly("d-v2")
			.path("firstSecretarySuggestions[0].needs[0]").entity(String.class).isEqualTo("MIN_FULL_MEMBERS")
			.path("firstSecretarySuggestions[0].needs[1]").entity(String.class)
			.satisfies((n) -> assertThat(n).startsWith("WEAK: 0 full members"))
			.path("firstSecretarySuggestions[0].member.id").entity(String.class).isEqualTo("d-m5")
			.path("firstSecretarySuggestions[0].by.id").entity(String.class).isEqualTo("d-tc")
			.path("firstSecretarySuggestions[0].score").entity(Integer.class).isEqualTo(1)
			.path("firstSecretarySuggestions[0].reasons").entityList(String.class)
			.containsExactly("nearby: 東鄉黨委 is in 東鄉, the village's township");
		this.hbtAdmin.document("{ firstSecretarySuggestions { village { id } } }")
			.execute()
			.path("firstSecretarySuggestions[*].village.id").entityList(String.class)
			.satisfies((ids) -> assertThat(ids).noneMatch((id) -> id.startsWith("d-")));
		this.graphQl.document("{ firstSecretarySuggestions(within: \"d-county\", limit: 101) { score } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("limit: 1 to 100, not 101")));
	}

	/**
	 * On a county of its own (ids d2-…, so that its dated writes hold back no other test's): the
	 * input of the suggestions is kept until a write changes the graph.
	 */
	@Test
	void suggestionsAreKeptUntilTheGraphChanges() {
		importOwnDataset(KEPT, "2020-01-01", "選派二縣");
		String query = "{ firstSecretarySuggestions(within: \"d2-county\") { village { id } member { id } score needs } }";
		Object first = suggestions(query);
		int computed = this.suggestions.computed();
		assertThat(first.toString()).contains("d2-v", "d2-m1");
		// Asked again with nothing written: the same answer, from the input kept.
		assertThat(suggestions(query)).isEqualTo(first);
		assertThat(this.suggestions.computed()).isEqualTo(computed);
		// Sending the suggested d2-m1 to d2-v is a write: the next call sees d2-v served.
		this.graphQl.document("mutation { dispatchFirstSecretary(member: \"d2-m1\", village: \"d2-v\", from: \"2024-01-01\") { errors { message } } }")
			.execute()
			.path("dispatchFirstSecretary.errors").entityList(Object.class).hasSize(0);
		assertThat((List<?>) suggestions(query)).isEmpty();
		assertThat(this.suggestions.computed()).isEqualTo(computed + 1);
		// Ended in the past (another write), d2-v needs one again: the first answer again.
		this.graphQl.document("mutation { endDispatch(member: \"d2-m1\", village: \"d2-v\", on: \"2024-02-01\") { errors { message } } }")
			.execute()
			.path("endDispatch.errors").entityList(Object.class).hasSize(0);
		assertThat(suggestions(query)).isEqualTo(first);
		assertThat(this.suggestions.computed()).isEqualTo(computed + 2);
	}

	private Object suggestions(String query) {
		return this.graphQl.document(query).execute().path("firstSecretarySuggestions").entity(Object.class).get();
	}

	@Test
	void rolesAndScope() {
		this.viewer.document("{ org(id: \"d-v1\") { firstSecretaries { from } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		this.hbtAdmin.document("mutation { dispatchFirstSecretary(member: \"d-m2\", village: \"d-v2\", from: \"" + TODAY + "\") { errors { field message } } }")
			.execute()
			.path("dispatchFirstSecretary.errors[*].message").entityList(String.class)
			.containsExactly("no member 'd-m2'", "no org 'd-v2'");
	}

	@Test
	void aDispatchEnds() {
		this.graphQl.document("mutation { dispatchFirstSecretary(member: \"d-m2\", village: \"d-v2\", from: \"2022-01-01\", to: \"2030-01-01\") { dispatch { from to current } errors { message } } }")
			.execute()
			.path("dispatchFirstSecretary.errors").entityList(Object.class).hasSize(0)
			.path("dispatchFirstSecretary.dispatch.to").entity(String.class).isEqualTo("2030-01-01");
		this.graphQl.document("mutation { endDispatch(member: \"d-m2\", village: \"d-v2\", on: \"2023-01-01\") { dispatch { from to current by { id } } errors { message } } }")
			.execute()
			.path("endDispatch.errors").entityList(Object.class).hasSize(0)
			.path("endDispatch.dispatch.from").entity(String.class).isEqualTo("2022-01-01")
			.path("endDispatch.dispatch.to").entity(String.class).isEqualTo("2023-01-01")
			.path("endDispatch.dispatch.current").entity(Boolean.class).isEqualTo(false)
			.path("endDispatch.dispatch.by.id").entity(String.class).isEqualTo("d-bureau");
		this.graphQl.document("{ a: org(id: \"d-v2\") { firstSecretaries(asOf: \"2022-06-01\") { member { id } } } b: org(id: \"d-v2\") { firstSecretaries { member { id } } } }")
			.execute()
			.path("a.firstSecretaries[*].member.id").entityList(String.class).containsExactly("d-m2")
			.path("b.firstSecretaries").entityList(Object.class).hasSize(0);
		// Both are in the log, and answer as their own kinds.
		this.graphQl.document("{ changes(from: \"2022-01-01\", to: \"2023-01-01\", within: \"d-v2\") { on kind member } }")
			.execute()
			.path("changes[?(@.member == 'd-m2')].kind").entityList(String.class)
			.containsExactly("DISPATCHED", "DISPATCH_ENDED");
	}

	@Test
	void theChartDrawsTheDispatchesServingOnItsDay() {
		// d-m1 (d-bureau) serves d-v1 since 2021-03-01; d-m4 (d-bureau) and d-m5 (d-tc) from 2021-06-01 up to 2021-09-01.
		for (String member : new String[] { "d-m4", "d-m5" }) {
			this.graphQl.document("mutation { dispatchFirstSecretary(member: \"" + member
					+ "\", village: \"d-v1\", from: \"2021-06-01\", to: \"2021-09-01\") { errors { message } } }")
				.execute()
				.path("dispatchFirstSecretary.errors").entityList(Object.class).hasSize(0);
		}
		// One edge from each dispatching org to the village, counting its first secretaries serving that day.
		assertThat(dispatchEdges(this.graphQl, "d-county", null, null)).containsExactly("d-bureau>d-v1 1");
		assertThat(dispatchEdges(this.graphQl, "d-county", null, "2021-02-28")).isEmpty();
		assertThat(dispatchEdges(this.graphQl, "d-county", null, "2021-07-01"))
			.containsExactly("d-bureau>d-v1 2", "d-tc>d-v1 1");
		assertThat(dispatchEdges(this.graphQl, "d-county", null, "2021-09-01")).containsExactly("d-bureau>d-v1 1");
		// Only between drawn nodes: not with the village below the depth drawn; below the township the
		// bureau is drawn as d-v1's outside co-manager.
		assertThat(dispatchEdges(this.graphQl, "d-county", 1, null)).isEmpty();
		assertThat(dispatchEdges(this.graphQl, "d-tc", null, null)).containsExactly("d-bureau>d-v1 1");
		assertThat(dispatchEdges(this.graphQl, "d-tc", null, "2021-07-01"))
			.containsExactly("d-bureau>d-v1 2", "d-tc>d-v1 1");
		// Scope: for a viewer of the township the bureau is left out, with its edges.
		HttpGraphQlTester township = TestApp.tester(this.port, "Bearer " + TestJwt.token("dispatch-d-tc",
				Map.of("party_graph_role", "VIEWER", "party_graph_scope", "d-tc", "name", "Township Viewer")));
		assertThat(dispatchEdges(township, "d-tc", null, null)).isEmpty();
		assertThat(dispatchEdges(township, "d-tc", null, "2021-07-01")).containsExactly("d-tc>d-v1 1");
	}

	/**
	 * On a county of its own (ids d3-…): a village dissolved since is still drawn, with its first
	 * secretary's dispatch edge, on the chart of a day it stood, and its first secretaries answer
	 * the village as it stood then; today and after the dissolution the dispatch draws nothing.
	 */
	@Test
	void aDissolvedVillagesDispatchIsDrawnOnTheDaysItStood() {
		importOwnDataset(GONE, "2020-01-01", "選派三縣");
		this.graphQl.document("mutation { dispatchFirstSecretary(member: \"d3-m1\", village: \"d3-v\", from: \"2021-03-01\") { errors { message } } }")
			.execute()
			.path("dispatchFirstSecretary.errors").entityList(Object.class).hasSize(0);
		this.graphQl.document("mutation { dissolveOrg(id: \"d3-v\", membersTo: \"d3-tc\", on: \"2024-01-01\") { errors { message } } }")
			.execute()
			.path("dissolveOrg.errors").entityList(Object.class).hasSize(0);
		assertThat(dispatchEdges(this.graphQl, "d3-county", null, "2023-06-01")).containsExactly("d3-bureau>d3-v 1");
		assertThat(dispatchEdges(this.graphQl, "d3-county", null, "2021-02-28")).isEmpty();
		assertThat(dispatchEdges(this.graphQl, "d3-county", null, "2024-01-01")).as("dissolved that day").isEmpty();
		assertThat(dispatchEdges(this.graphQl, "d3-county", null, null)).isEmpty();
		// Under a past root the dispatch's village is the org of that day (dissolved since), its sender too.
		this.graphQl.document("""
				{ member(id: "d3-m1", asOf: "2023-06-01") { dispatches { village { id name parent { id } } by { id } from to } }
				  today: member(id: "d3-m1") { dispatches { village { id } from to } } }""")
			.execute()
			.path("member.dispatches[0].village.id").entity(String.class).isEqualTo("d3-v")
			.path("member.dispatches[0].village.name").entity(String.class).isEqualTo("北村黨支部")
			.path("member.dispatches[0].village.parent.id").entity(String.class).isEqualTo("d3-tc")
			.path("member.dispatches[0].by.id").entity(String.class).isEqualTo("d3-bureau")
			.path("member.dispatches[0].to").entity(String.class).isEqualTo("2024-01-01")
			.path("today.dispatches[0].village").valueIsNull()
			.path("today.dispatches[0].from").entity(String.class).isEqualTo("2021-03-01");
	}

	/** The chart's DISPATCH edges as source>target count; the other kinds count nothing. */
	private static List<String> dispatchEdges(HttpGraphQlTester tester, String root, Integer depth, String asOf) {
		List<Map<String, Object>> edges = tester
			.document("query($root: ID!, $depth: Int, $asOf: Date) { orgChart(root: $root, depth: $depth, asOf: $asOf) { nodes { id } edges { source target kind count } } }")
			.variable("root", root)
			.variable("depth", depth)
			.variable("asOf", asOf)
			.execute()
			.path("orgChart.edges")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(edges).filteredOn((e) -> !"DISPATCH".equals(e.get("kind"))).allSatisfy((e) -> assertThat(e.get("count")).isNull());
		return edges.stream()
			.filter((e) -> "DISPATCH".equals(e.get("kind")))
			.map((e) -> e.get("source") + ">" + e.get("target") + " " + e.get("count"))
			.toList();
	}

}
