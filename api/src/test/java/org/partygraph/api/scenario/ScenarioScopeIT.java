package org.partygraph.api.scenario;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.api.ServiceTestBase;
import org.partygraph.api.TestApp;
import org.partygraph.seed.HuairenCounty;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios and what-ifs of scoped users on the sample county (issue #15): what an operation names
 * outside the scope answers as a made-up id, a scenario belongs to its saver's scope, and the list
 * arguments that drive a what-if each are capped.
 */
class ScenarioScopeIT extends ServiceTestBase {

	private static final String WHAT_IF = "query($ops: [OperationInput!]!) { whatIf(operations: $ops) { membersMoved } }";

	private static final String SAVE = """
			mutation($name: String!, $ops: [OperationInput!]!) {
			  saveScenario(name: $name, operations: $ops) { scenario { name within owner } refusal errors { item field message } }
			}""";

	private HttpGraphQlTester as(String user) {
		return TestApp.tester(this.port, user, TestApp.USER_PASSWORD);
	}

	@Test
	void outsideOrgsAndMembersInAScopedUsersOperationsAnswerAsMadeUpIds() {
		String outsideMember = this.graphQl
			.document("{ members(filter: {within: \"o-t-yz\"}, first: 1, sort: {field: ID}) { edges { node { id } } } }")
			.execute()
			.path("members.edges[0].node.id").entity(String.class).get();
		// Each operation names one id outside 海北頭鄉, and the same with that id made up.
		List<List<Map<String, Object>>> cases = List.of(
				List.of(Map.of("op", "DISSOLVE", "org", "o-v-hbt-01", "target", "o-v-ht-01"),
						Map.of("op", "DISSOLVE", "org", "o-v-hbt-01", "target", "zz-nowhere")),
				List.of(Map.of("op", "ADD_CO_MANAGER", "org", "o-v-hbt-01", "target", "o-t-yz"),
						Map.of("op", "ADD_CO_MANAGER", "org", "o-v-hbt-01", "target", "zz-nowhere")),
				List.of(Map.of("op", "MOVE_ORG", "org", "o-v-hbt-01", "target", "o-t-yz"),
						Map.of("op", "MOVE_ORG", "org", "o-v-hbt-01", "target", "zz-nowhere")),
				List.of(Map.of("op", "TRANSFER_MEMBER", "member", outsideMember, "target", "o-v-hbt-01"),
						Map.of("op", "TRANSFER_MEMBER", "member", "zz-nowhere", "target", "o-v-hbt-01")));
		for (List<Map<String, Object>> pair : cases) {
			Map<String, Object> op = pair.get(0);
			Map<String, Object> madeUp = pair.get(1);
			String outsideId = op.containsKey("member") ? outsideMember : (String) op.get("target");
			String madeUpId = "zz-nowhere";

			String whatIf = error(as("hbt-analyst").document(WHAT_IF).variable("ops", List.of(op)).execute());
			String whatIfUnknown = error(as("hbt-analyst").document(WHAT_IF).variable("ops", List.of(madeUp)).execute());
			assertThat(whatIf).as(op.toString()).isEqualTo(whatIfUnknown.replace(madeUpId, outsideId));

			GraphQlTester.Response saved = as("hbt-analyst").document(SAVE).variable("name", "scope-out")
				.variable("ops", List.of(op)).execute();
			saved.path("saveScenario.scenario").valueIsNull()
				.path("saveScenario.refusal").entity(String.class).isEqualTo("INVALID_OPERATION");
			String saveError = saved.path("saveScenario.errors[0].message").entity(String.class).get();
			String saveUnknown = as("hbt-analyst").document(SAVE).variable("name", "scope-out")
				.variable("ops", List.of(madeUp)).execute()
				.path("saveScenario.errors[0].message").entity(String.class).get();
			assertThat(saveError).isEqualTo(saveUnknown.replace(madeUpId, outsideId)).isEqualTo(whatIf);
		}
		this.graphQl.document("{ scenario(name: \"scope-out\") { name } }").execute().path("scenario").valueIsNull();
		// The scope's own root is not re-kinded away.
		as("hbt-analyst").document(SAVE).variable("name", "scope-root")
			.variable("ops", List.of(Map.of("op", "UPGRADE", "org", "o-t-hbt", "kind", "GENERAL_BRANCH")))
			.execute()
			.path("saveScenario.refusal").entity(String.class).isEqualTo("INVALID_OPERATION")
			.path("saveScenario.errors[0].message").entity(String.class)
			.satisfies((m) -> assertThat(m).contains("root of your scope"));
	}

	@Test
	void aScenarioExistsOnlyForScopesCoveringItsSaversAndIsReadOnlyOnceApplied() throws Exception {
		List<Map<String, Object>> inside = List.of(Map.of("op", "ELECT_COMMITTEE", "org", "o-v-hbt-01"));
		// Saved by the (unscoped) admin with a within inside the township: not the township's.
		this.graphQl.document("mutation($ops: [OperationInput!]!) { saveScenario(name: \"scope-county\", within: \"o-t-hbt\", operations: $ops) { scenario { owner } errors { message } } }")
			.variable("ops", inside)
			.execute()
			.path("saveScenario.scenario.owner").valueIsNull();
		HttpGraphQlTester hbt = as("hbt-analyst");
		hbt.document("{ scenario(name: \"scope-county\") { name } scenarios { name } }")
			.execute()
			.path("scenario").valueIsNull()
			.path("scenarios[*].name").entityList(String.class).doesNotContain("scope-county");
		assertThat(page("hbt-analyst", "scope-county", "report.html")).isEqualTo(404);
		assertThat(page("hbt-analyst", "scope-county", "changes.csv")).isEqualTo(404);
		assertThat(error(hbt.document("{ compareScenarios(names: [\"scope-county\"]) { sameScope } }").execute()))
			.isEqualTo(error(hbt.document("{ compareScenarios(names: [\"scope-none\"]) { sameScope } }").execute())
				.replace("scope-none", "scope-county"));
		// Its name is taken, without saying whose.
		hbt.document(SAVE).variable("name", "scope-county").variable("ops", inside)
			.execute()
			.path("saveScenario.refusal").entity(String.class).isEqualTo("NAME_TAKEN")
			.path("saveScenario.errors[0].message").entity(String.class)
			.satisfies((m) -> assertThat(m).doesNotContain("admin").doesNotContain("o-t-hbt"))
			.isEqualTo("the name 'scope-county' is taken; choose another");
		// In the request's language (#19), the name as given.
		hbt.mutate().header("Accept-Language", "zh-CN").build().document(SAVE).variable("name", "scope-county")
			.variable("ops", inside)
			.execute()
			.path("saveScenario.refusal").entity(String.class).isEqualTo("NAME_TAKEN")
			.path("saveScenario.errors[0].message").entity(String.class).isEqualTo("名称“scope-county”已被占用；请另选一个");
		this.graphQl.document("{ scenario(name: \"scope-county\") { owner appliedAt } }").execute()
			.path("scenario.owner").valueIsNull();

		// The township's own: seen by the township and by unscoped users.
		hbt.document(SAVE).variable("name", "scope-hbt").variable("ops", inside)
			.execute()
			.path("saveScenario.scenario.owner").entity(String.class).isEqualTo("o-t-hbt")
			.path("saveScenario.scenario.within").entity(String.class).isEqualTo("o-t-hbt");
		as("analyst").document("{ scenario(name: \"scope-hbt\") { name } }").execute()
			.path("scenario.name").entity(String.class).isEqualTo("scope-hbt");
		assertThat(page("hbt-analyst", "scope-hbt", "report.html")).isEqualTo(200);

		// Applied, it is neither saved over nor deleted, and keeps who applied it.
		try {
			as("hbt-admin").document("mutation { applyScenario(name: \"scope-hbt\") { refusal errors { message } scenario { appliedBy } } }")
				.execute()
				.path("applyScenario.refusal").valueIsNull()
				.path("applyScenario.scenario.appliedBy").entity(String.class).isEqualTo("hbt-admin");
			hbt.document(SAVE).variable("name", "scope-hbt").variable("ops", inside)
				.execute()
				.path("saveScenario.refusal").entity(String.class).isEqualTo("ALREADY_APPLIED");
			this.graphQl.document("mutation { deleteScenario(name: \"scope-hbt\") { deleted refusal } }")
				.execute()
				.path("deleteScenario.refusal").entity(String.class).isEqualTo("ALREADY_APPLIED");
			this.graphQl.document("{ scenario(name: \"scope-hbt\") { appliedBy } }").execute()
				.path("scenario.appliedBy").entity(String.class).isEqualTo("hbt-admin");
		}
		finally {
			this.importer.importDataset(HuairenCounty.dataset(), (step, done, total) -> {
			});
			this.graphQl.document("mutation { deleteScenario(name: \"scope-county\") { deleted } }").execute();
		}
	}

	@Test
	void theSameRequestSeesTheTreeAScenarioApplied() {
		String sibling = this.graphQl.document("{ org(id: \"o-t-hbt\") { children { id kind } } }")
			.execute()
			.path("org.children[?(@.id != 'o-v-hbt-01' && @.kind != 'PARTY_GROUP')].id")
			.entityList(String.class)
			.get()
			.get(0);
		List<Map<String, Object>> merge = List.of(
				Map.of("op", "MERGE", "orgs", List.of("o-v-hbt-01", sibling), "name", "合併聯合黨支部"));
		try {
			// The save reads the township's subtree into the scope cache, which the apply then changes.
			as("hbt-analyst").document(SAVE).variable("name", "scope-merge").variable("ops", merge)
				.execute()
				.path("saveScenario.errors").entityList(Object.class).hasSize(0);
			as("hbt-admin").document("""
					mutation {
					  applyScenario(name: "scope-merge") { refusal orgsCreated }
					  renameOrg(id: "joint-o-v-hbt-01", name: "改名聯合黨支部") { org { name } errors { message } }
					}""")
				.execute()
				.path("applyScenario.orgsCreated").entityList(String.class).containsExactly("joint-o-v-hbt-01")
				.path("renameOrg.errors").entityList(Object.class).hasSize(0)
				.path("renameOrg.org.name").entity(String.class).isEqualTo("改名聯合黨支部");
		}
		finally {
			this.importer.importDataset(HuairenCounty.dataset(), (step, done, total) -> {
			});
		}
	}

	@Test
	void longListsOfScenariosOrOperationsAreRefusedNamingTheArgumentAndTheLimit() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			names.add("none-" + i);
		}
		assertThat(error(this.graphQl.document("query($names: [String!]!) { compareScenarios(names: $names) { sameScope } }")
			.variable("names", names)
			.execute())).contains("names").contains("party-graph.limits.compare-scenarios").contains("10");
		List<Map<String, Object>> ops = new ArrayList<>();
		for (int i = 0; i < 201; i++) {
			ops.add(Map.of("op", "ELECT_COMMITTEE", "org", "o-v-hbt-01"));
		}
		assertThat(error(this.graphQl.document(WHAT_IF).variable("ops", ops).execute())).contains("operations")
			.contains("party-graph.limits.what-if-operations")
			.contains("200");
		assertThat(error(this.graphQl.document(SAVE).variable("name", "scope-long").variable("ops", ops).execute()))
			.contains("operations")
			.contains("party-graph.limits.what-if-operations");
		this.graphQl.document("{ scenario(name: \"scope-long\") { name } }").execute().path("scenario").valueIsNull();
		// In the request's language (#19): the argument, the figures and the property as they are.
		assertThat(error(this.graphQl.mutate().header("Accept-Language", "zh-CN").build()
			.document("query($names: [String!]!) { compareScenarios(names: $names) { sameScope } }")
			.variable("names", names)
			.execute())).isEqualTo("names：最多可给10个（party-graph.limits.compare-scenarios），实际为11个");
		assertThat(error(this.graphQl.mutate().header("Accept-Language", "zh-TW").build()
			.document(WHAT_IF).variable("ops", ops).execute()))
			.isEqualTo("operations：最多可給200個（party-graph.limits.what-if-operations），實際為201個");
		assertThat(error(this.graphQl.document(WHAT_IF).variable("ops", ops).execute()))
			.isEqualTo("operations: at most 200 may be given (party-graph.limits.what-if-operations), not 201");
	}

	private static String error(GraphQlTester.Response response) {
		List<String> messages = new ArrayList<>();
		response.errors().satisfy((errors) -> errors.forEach((e) -> messages.add(e.getMessage())));
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private int page(String user, String name, String document) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + ScenarioPages.path(name, document)))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + TestApp.USER_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

}
