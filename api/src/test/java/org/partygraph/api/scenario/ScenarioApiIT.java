package org.partygraph.api.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partygraph.api.ServiceTestBase;
import org.partygraph.api.TestApp;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.RoleAssignment;
import org.partygraph.queries.scenario.ScenarioReports;
import org.partygraph.seed.HuairenCounty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved scenarios over HTTP on a county of their own (the shared sample and small counties are
 * only read): save, the report page and the CSV, compare, apply, and the refusals.
 */
class ScenarioApiIT extends ServiceTestBase {

	private static final String COUNTY = """
			{"format": "party-graph/1", "name": "情景接口縣",
			 "units": [
			  {"id": "sa-u", "kind": "COUNTY", "name": "情景接口縣"},
			  {"id": "sa-u-t", "kind": "TOWNSHIP", "name": "丙鄉", "locatedIn": "sa-u"},
			  {"id": "sa-u-e", "kind": "ENTERPRISE", "name": "丙肉業公司", "locatedIn": "sa-u-t", "leading": true}],
			 "orgs": [
			  {"id": "sa-county", "kind": "COUNTY_COMMITTEE", "name": "中共情景接口縣委", "units": ["sa-u"]},
			  {"id": "sa-t", "kind": "TOWNSHIP_COMMITTEE", "name": "丙鄉黨委", "parent": "sa-county", "units": ["sa-u-t"]},
			  {"id": "sa-npe", "kind": "WORKING_COMMITTEE", "name": "情景非公經濟組織工委", "parent": "sa-county"},
			  {"id": "sa-b1", "kind": "BRANCH", "name": "甲村黨支部", "parent": "sa-t"},
			  {"id": "sa-b2", "kind": "BRANCH", "name": "乙村黨支部", "parent": "sa-t"},
			  {"id": "sa-b3", "kind": "BRANCH", "name": "丙村黨支部", "parent": "sa-t"},
			  {"id": "sa-e", "kind": "BRANCH", "name": "丙肉業公司黨支部", "parent": "sa-npe", "units": ["sa-u-e"]}],
			 "members": [
			  {"id": "sa-m1", "name": "吳一", "status": "FULL", "org": "sa-b1", "roles": [{"org": "sa-b1", "role": "SECRETARY"}]},
			  {"id": "sa-m2", "name": "吳二", "status": "FULL", "org": "sa-b1"},
			  {"id": "sa-m3", "name": "吳三", "status": "FULL", "org": "sa-b2"},
			  {"id": "sa-m4", "name": "鄭四", "status": "FULL", "org": "sa-b3"},
			  {"id": "sa-m5", "name": "鄭五", "status": "FULL", "org": "sa-b3"},
			  {"id": "sa-m6", "name": "鄭六", "status": "PROBATIONARY", "org": "sa-b3"},
			  {"id": "sa-m7", "name": "馮七", "status": "FULL", "org": "sa-e"},
			  {"id": "sa-m8", "name": "馮八", "status": "FULL", "org": "sa-e"},
			  {"id": "sa-m9", "name": "馮九", "status": "FULL", "org": "sa-e"}]}
			""";

	private static final List<Map<String, Object>> RESTRUCTURING = List.of(
			Map.of("op", "MERGE", "orgs", List.of("sa-b1", "sa-b2"), "name", "甲乙村聯合黨支部"),
			Map.of("op", "ADD_CO_MANAGER", "org", "sa-e", "target", "sa-t"),
			Map.of("op", "TRANSFER_MEMBER", "member", "sa-m6", "target", "joint-sa-b1"));

	private static final List<String> NAMES = List.of("API 合併", "API-委員會", "API-過時", "API-壞", "API-新建");

	@Autowired
	private ScenarioReports scenarios;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeEach
	void freshCountyAndNoScenarios() {
		this.graphQl.document("mutation($json: String!) { importDataset(json: $json) { dataset errors { item field message } } }")
			.variable("json", COUNTY)
			.execute()
			.path("importDataset.dataset").entity(String.class).isEqualTo("情景接口縣")
			.path("importDataset.errors").entityList(Object.class).hasSize(0);
		NAMES.forEach((name) -> this.graphQl.documentName("scenarioDelete").variable("name", name).execute());
	}

	@AfterAll
	void removeScenarios() {
		NAMES.forEach((name) -> this.graphQl.documentName("scenarioDelete").variable("name", name).execute());
	}

	@Test
	void saveReadTheReportAndCsvCompareAndApply() throws Exception {
		GraphQlTester.Response saved = save("API 合併", "sa-county", RESTRUCTURING, "甲乙兩村合併");
		saved.path("saveScenario.errors").entityList(Object.class).hasSize(0)
			.path("saveScenario.refusal").valueIsNull()
			.path("saveScenario.scenario.name").entity(String.class).isEqualTo("API 合併")
			.path("saveScenario.scenario.scope.name").entity(String.class).isEqualTo("中共情景接口縣委")
			.path("saveScenario.scenario.operationCount").entity(Integer.class).isEqualTo(3)
			.path("saveScenario.scenario.savedBy").entity(String.class).isEqualTo("admin")
			.path("saveScenario.scenario.liveChanged").entity(Boolean.class).isEqualTo(false)
			.path("saveScenario.scenario.appliedAt").valueIsNull()
			.path("saveScenario.scenario.operations[0].orgs").entityList(String.class).containsExactly("sa-b1", "sa-b2")
			.path("saveScenario.scenario.reportUrl").entity(String.class)
			.isEqualTo("/scenarios/API%20%E5%90%88%E4%BD%B5/report.html")
			.path("saveScenario.report.orgsCreated").entityList(String.class).containsExactly("joint-sa-b1");
		Integer moved = saved.path("saveScenario.report.membersMoved").entity(Integer.class).get();
		assertThat(moved).isEqualTo(4);

		// The page: org names, the chart and its table, the steps, the report.
		HttpResponse<String> page = get(ScenarioPages.path("API 合併", "report.html"), true);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
		assertThat(page.body()).contains("<h1>Scenario: API 合併</h1>", "甲村黨支部", "乙村黨支部", "甲乙村聯合黨支部",
				"丙鄉黨委", "中共情景接口縣委", "甲乙兩村合併", "id=\"branch-table\"", "id=\"branch-chart\"",
				"/webjars/chart.js/", "new Chart(", "<h3>Created (1)</h3>", "<h3>Dissolved (2)</h3>",
				"<h3>Co-managers changed (1)</h3>", "<table>", "<h4>Figures</h4>", "id=\"live-unchanged\"",
				"href=\"changes.csv\"");
		assertThat(page.body()).doesNotContain("<h1>What-if");
		String chartJs = page.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
		HttpResponse<String> script = get(chartJs, true);
		assertThat(script.statusCode()).as(chartJs).isEqualTo(200);
		assertThat(script.body()).contains("Chart");

		// The CSV: BOM, header, one row per operation, then one per member moved, readable Chinese.
		HttpResponse<byte[]> csv = this.http.send(request(ScenarioPages.path("API 合併", "changes.csv"), true),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
		assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
		List<String> lines = List.of(text.split("\r\n"));
		assertThat(lines).hasSize(1 + RESTRUCTURING.size() + moved);
		assertThat(lines.get(0)).isEqualTo("step,op,org,target,member,description");
		assertThat(lines.get(1)).startsWith("1,MERGE,sa-b1 sa-b2,,,").contains("甲乙村聯合黨支部");
		assertThat(lines.get(2)).startsWith("2,ADD_CO_MANAGER,sa-e,sa-t,,").contains("丙鄉黨委");
		assertThat(lines.get(3)).startsWith("3,TRANSFER_MEMBER,,joint-sa-b1,sa-m6,").contains("鄭六");
		assertThat(lines.subList(4, lines.size())).allSatisfy((line) -> assertThat(line).startsWith(",MEMBER_MOVED,"))
			.anySatisfy((line) -> assertThat(line).isEqualTo(",MEMBER_MOVED,sa-b3,joint-sa-b1,sa-m6,鄭六: 丙村黨支部 → 甲乙村聯合黨支部"));

		// Compare with a second scenario.
		save("API-委員會", "sa-county", List.of(Map.of("op", "ELECT_COMMITTEE", "org", "sa-e")), null)
			.path("saveScenario.errors").entityList(Object.class).hasSize(0);
		GraphQlTester.Response compared = this.graphQl.documentName("scenarioCompare")
			.variable("names", List.of("API 合併", "API-委員會"))
			.execute();
		compared.path("compareScenarios.sameScope").entity(Boolean.class).isEqualTo(true)
			.path("compareScenarios.scenarios[*].name").entityList(String.class).containsExactly("API 合併", "API-委員會")
			.path("compareScenarios.scenarios[0].membersMoved").entity(Integer.class).isEqualTo(4)
			.path("compareScenarios.scenarios[1].membersMoved").entity(Integer.class).isEqualTo(0)
			.path("compareScenarios.rows[?(@.key == 'orgs.JOINT_BRANCH')].before").entityList(Double.class).containsExactly(0.0)
			.path("compareScenarios.rows[?(@.key == 'orgs.JOINT_BRANCH')].values[*]").entityList(Double.class)
			.containsExactly(1.0, 0.0)
			.path("compareScenarios.rows[?(@.key == 'dualManaged')].values[*]").entityList(Double.class)
			.containsExactly(1.0, 0.0);
		assertThat(compared.path("compareScenarios.scenarios[0].issuesFixed").entity(Integer.class).get())
			.isGreaterThan(0);
		this.graphQl.documentName("scenarioList")
			.execute()
			.path("scenarios[?(@.name == 'API 合併')].liveChanged").entityList(Boolean.class).containsExactly(false);

		// Apply: the stored graph becomes what the what-if predicted.
		Dataset predicted = this.scenarios.predictedAfter("API 合併");
		GraphQlTester.Response applied = this.graphQl.documentName("scenarioApply").variable("name", "API 合併").execute();
		applied.path("applyScenario.errors").entityList(Object.class).hasSize(0)
			.path("applyScenario.refusal").valueIsNull()
			.path("applyScenario.scenario.appliedBy").entity(String.class).isEqualTo("admin")
			.path("applyScenario.orgsCreated").entityList(String.class).containsExactly("joint-sa-b1")
			.path("applyScenario.orgsDissolved").entityList(String.class)
			.satisfies((ids) -> assertThat(ids).containsExactlyInAnyOrder("sa-b1", "sa-b2"))
			.path("applyScenario.transfers").entity(Integer.class).isEqualTo(moved);
		assertThat(normalized(this.exporter.snapshot("sa-county"))).isEqualTo(normalized(predicted));
		this.graphQl.document("{ org(id: \"joint-sa-b1\") { name kind memberCount parent { id } } "
				+ "member(id: \"sa-m6\") { org { id } transfers { from { id } to { id } reason } } "
				+ "e: org(id: \"sa-e\") { coManagers { id } } }")
			.execute()
			.path("org.name").entity(String.class).isEqualTo("甲乙村聯合黨支部")
			.path("org.kind").entity(String.class).isEqualTo("JOINT_BRANCH")
			.path("org.memberCount").entity(Integer.class).isEqualTo(4)
			.path("org.parent.id").entity(String.class).isEqualTo("sa-t")
			.path("member.org.id").entity(String.class).isEqualTo("joint-sa-b1")
			.path("member.transfers[0].reason").entity(String.class).isEqualTo("scenario API 合併")
			.path("member.transfers[0].from.id").entity(String.class).isEqualTo("sa-b3")
			.path("e.coManagers[*].id").entityList(String.class).containsExactly("sa-t");

		// Once applied, it is not applied again, and the page says so.
		this.graphQl.documentName("scenarioApply")
			.variable("name", "API 合併")
			.execute()
			.path("applyScenario.refusal").entity(String.class).isEqualTo("ALREADY_APPLIED")
			.path("applyScenario.scenario").valueIsNull();
		assertThat(get(ScenarioPages.path("API 合併", "report.html"), true).body()).contains("id=\"applied\"",
				"甲乙村聯合黨支部", "(as saved)");
		// The report kept as JSON when applied keeps its texts in every language (#19).
		HttpRequest simplified = HttpRequest.newBuilder(request(ScenarioPages.path("API 合併", "report.html"), true),
				(name, value) -> true).header("Accept-Language", "zh-CN").build();
		assertThat(this.http.send(simplified, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body())
			.contains("id=\"applied\"", "<html lang=\"zh-Hans\">", "党员调动（", "甲乙村聯合黨支部", "（按保存时）")
			.doesNotContain("Members moved (");
		HttpResponse<byte[]> csvAfter = this.http.send(request(ScenarioPages.path("API 合併", "changes.csv"), true),
				HttpResponse.BodyHandlers.ofByteArray());
		// The steps are what it wrote; the members moved came from the report, which an applied scenario no
		// longer has (replayed on the graph it changed, it does not apply).
		String stepsBefore = String.join("\r\n", lines.subList(0, 1 + RESTRUCTURING.size()));
		assertThat(new String(csvAfter.body(), 3, csvAfter.body().length - 3, StandardCharsets.UTF_8)).as("what it wrote")
			.startsWith(stepsBefore + "\r\n").doesNotContain("MEMBER_MOVED");
	}

	@Test
	void createOrgIsAppliedAndTheMappingToItsStoredIdIsAnswered() {
		save("API-新建", "sa-t", List.of(
				Map.of("op", "CREATE_ORG", "target", "sa-t", "kind", "BRANCH", "name", "丁村黨支部", "units",
						List.of("sa-u-t")),
				Map.of("op", "TRANSFER_MEMBER", "member", "sa-m4", "target", "new-0"),
				Map.of("op", "TRANSFER_MEMBER", "member", "sa-m5", "target", "new-0")), null)
			.path("saveScenario.errors").entityList(Object.class).hasSize(0)
			.path("saveScenario.scenario.operations[0].units").entityList(String.class).containsExactly("sa-u-t")
			.path("saveScenario.report.orgsCreated").entityList(String.class).containsExactly("new-0");
		GraphQlTester.Response applied = this.graphQl.documentName("scenarioApply").variable("name", "API-新建").execute();
		applied.path("applyScenario.errors").entityList(Object.class).hasSize(0)
			.path("applyScenario.newOrgIds[0].whatIfId").entity(String.class).isEqualTo("new-0");
		String id = applied.path("applyScenario.newOrgIds[0].id").entity(String.class).get();
		assertThat(id).startsWith("o-");
		applied.path("applyScenario.orgsCreated").entityList(String.class).containsExactly(id);
		this.graphQl.document("query($id: ID!) { org(id: $id) { name kind parent { id } units { id } memberCount } }")
			.variable("id", id)
			.execute()
			.path("org.name").entity(String.class).isEqualTo("丁村黨支部")
			.path("org.kind").entity(String.class).isEqualTo("BRANCH")
			.path("org.parent.id").entity(String.class).isEqualTo("sa-t")
			.path("org.units[0].id").entity(String.class).isEqualTo("sa-u-t")
			.path("org.memberCount").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void applyIsRefusedAfterALiveChangeAndWritesNothing() {
		save("API-過時", "sa-county", RESTRUCTURING, null).path("saveScenario.errors").entityList(Object.class).hasSize(0);
		this.graphQl.document("mutation { renameOrg(id: \"sa-b3\", name: \"丙村新黨支部\") { errors { field } } }")
			.execute()
			.path("renameOrg.errors").entityList(Object.class).hasSize(0);
		Dataset before = this.exporter.exportAll();

		this.graphQl.documentName("scenarioDetails")
			.variable("name", "API-過時")
			.execute()
			.path("scenario.liveChanged").entity(Boolean.class).isEqualTo(true);
		this.graphQl.documentName("scenarioApply")
			.variable("name", "API-過時")
			.execute()
			.path("applyScenario.refusal").entity(String.class).isEqualTo("LIVE_GRAPH_CHANGED")
			.path("applyScenario.errors[0].item").entity(String.class).isEqualTo("API-過時")
			.path("applyScenario.errors[0].field").entity(String.class).isEqualTo("fingerprint")
			.path("applyScenario.orgsCreated").entityList(String.class).hasSize(0);
		assertThat(this.exporter.exportAll()).as("nothing written").isEqualTo(before);
	}

	@Test
	void anInvalidOperationIsNotSaved() {
		save("API-壞", "sa-county", List.of(Map.of("op", "ELECT_COMMITTEE", "org", "sa-e"),
				Map.of("op", "MOVE_ORG", "org", "sa-t", "target", "sa-b1")), null)
			.path("saveScenario.scenario").valueIsNull()
			.path("saveScenario.refusal").entity(String.class).isEqualTo("INVALID_OPERATION")
			.path("saveScenario.errors[0].item").entity(String.class).isEqualTo("API-壞")
			.path("saveScenario.errors[0].field").entity(String.class).isEqualTo("operations[1]")
			.path("saveScenario.errors[0].message").entity(String.class)
			.satisfies((m) -> assertThat(m).contains("MOVE_ORG").contains("cycle"));
		this.graphQl.documentName("scenarioDetails").variable("name", "API-壞").execute().path("scenario").valueIsNull();
		this.graphQl.documentName("scenarioDelete")
			.variable("name", "API-壞")
			.execute()
			.path("deleteScenario.refusal").entity(String.class).isEqualTo("NOT_FOUND")
			.path("deleteScenario.errors[0].message").entity(String.class)
			.isEqualTo("no scenario is saved under the name 'API-壞'");
		// In the request's language (#19): the refusal code, item, field, index, op code and ids as they are.
		this.graphQl.mutate().header("Accept-Language", "zh-TW").build().documentName("scenarioDelete")
			.variable("name", "API-壞")
			.execute()
			.path("deleteScenario.refusal").entity(String.class).isEqualTo("NOT_FOUND")
			.path("deleteScenario.errors[0].message").entity(String.class).isEqualTo("沒有以名稱「API-壞」儲存的方案");
		this.graphQl.mutate().header("Accept-Language", "zh-CN").build().documentName("scenarioSave")
			.variable("name", "API-壞")
			.variable("within", "sa-county")
			.variable("operations", List.of(Map.of("op", "ELECT_COMMITTEE", "org", "sa-e"),
					Map.of("op", "MOVE_ORG", "org", "sa-t", "target", "sa-b1")))
			.variable("note", null)
			.execute()
			.path("saveScenario.refusal").entity(String.class).isEqualTo("INVALID_OPERATION")
			.path("saveScenario.errors[0].field").entity(String.class).isEqualTo("operations[1]")
			.path("saveScenario.errors[0].message").entity(String.class)
			.isEqualTo("操作operations[1]（MOVE_ORG）：target：sa-b1隶属sa-t；改隶将形成隶属循环");
		this.graphQl.mutate().header("Accept-Language", "zh-CN").build().documentName("scenarioCompare")
			.variable("names", List.of("API-壞"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.getErrorType()).hasToString("NOT_FOUND");
				assertThat(e.getMessage()).isEqualTo("names：没有以名称“API-壞”保存的方案");
			}));
	}

	@Test
	void pagesNeedALoginAndUnknownNamesAreNotFound() throws Exception {
		save("API-委員會", "sa-county", List.of(Map.of("op", "ELECT_COMMITTEE", "org", "sa-e")), null)
			.path("saveScenario.errors").entityList(Object.class).hasSize(0);
		assertThat(get(ScenarioPages.path("API-委員會", "report.html"), false).statusCode()).isEqualTo(401);
		assertThat(get(ScenarioPages.path("API-委員會", "changes.csv"), false).statusCode()).isEqualTo(401);

		HttpResponse<String> missing = get(ScenarioPages.path("沒有這個", "report.html"), true);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/plain"));
		assertThat(missing.body()).isEqualTo("No scenario is saved under the name '沒有這個'.\n");
		assertThat(get(ScenarioPages.path("沒有這個", "changes.csv"), true).statusCode()).isEqualTo(404);
		// In the request's language (#19), the name as given; the workbook's 404 too.
		for (String document : List.of("report.html", "changes.csv", "report.xlsx")) {
			HttpRequest simplified = HttpRequest.newBuilder(request(ScenarioPages.path("沒有這個", document), true),
					(name, value) -> true).header("Accept-Language", "zh-CN").build();
			HttpResponse<String> answer = this.http.send(simplified, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(answer.statusCode()).as(document).isEqualTo(404);
			assertThat(answer.body()).as(document).isEqualTo("没有名为“沒有這個”的已保存方案。\n");
		}
	}

	@Test
	void suggestedScenariosCoverEveryPlantedBreakOfTheSampleCounty() throws Exception {
		// The sample as shipped: the service is shared, and a class run before this one in the same
		// test JVM may have changed it (two JVMs share the classes out in no fixed order).
		this.importer.importDataset(HuairenCounty.dataset(), (step, done, total) -> {
		});
		GraphQlTester.Response response = this.graphQl.documentName("scenarioSuggested")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.execute();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> suggested = (List<Map<String, Object>>) (List<?>) response.path("suggestedScenarios")
			.entityList(Map.class)
			.get();
		HuairenCounty.PLANTED_BREAKS.forEach((rule, orgId) -> assertThat(suggested).as(rule + " at " + orgId)
			.filteredOn((s) -> s.get("name").equals("fix-" + rule + "-" + orgId))
			.singleElement()
			.satisfies((s) -> {
				Map<?, ?> issue = (Map<?, ?>) s.get("issue");
				assertThat(issue.get("rule")).isEqualTo(rule);
				assertThat(issue.get("orgId")).isEqualTo(orgId);
				assertThat(s.get("within")).isEqualTo(HuairenCounty.COUNTY_COMMITTEE);
				assertThat((List<?>) s.get("operations")).isNotEmpty();
			}));
		assertThat(suggested).extracting((s) -> s.get("name")).doesNotHaveDuplicates();

		// A suggestion saves as it is, and its page renders on the whole sample county.
		Map<String, Object> first = suggested.stream()
			.filter((s) -> s.get("name").equals("fix-MIN_FULL_MEMBERS-" + HuairenCounty.PLANTED_BREAKS.get("MIN_FULL_MEMBERS")))
			.findFirst()
			.orElseThrow();
		Dataset stored = this.exporter.exportAll();
		String name = (String) first.get("name");
		try {
			save(name, (String) first.get("within"), withoutNulls((List<Map<String, Object>>) first.get("operations")), null)
				.path("saveScenario.errors").entityList(Object.class).hasSize(0);
			HttpResponse<String> page = get(ScenarioPages.path(name, "report.html"), true);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("MIN_FULL_MEMBERS", "id=\"branch-table\"");
		}
		finally {
			this.graphQl.documentName("scenarioDelete").variable("name", name).execute();
		}
		assertThat(this.exporter.exportAll()).as("suggesting and saving never write the live graph").isEqualTo(stored);
		this.graphQl.documentName("scenarioSuggested")
			.variable("within", "nope")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("within").contains("nope")));
	}

	private GraphQlTester.Response save(String name, String within, List<Map<String, Object>> operations, String note) {
		return this.graphQl.documentName("scenarioSave")
			.variable("name", name)
			.variable("within", within)
			.variable("operations", operations)
			.variable("note", note)
			.execute();
	}

	private HttpResponse<String> get(String path, boolean login) throws IOException, InterruptedException {
		return this.http.send(request(path, login), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest request(String path, boolean login) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.GET();
		if (login) {
			builder.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("admin:" + TestApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return builder.build();
	}

	private static List<Map<String, Object>> withoutNulls(List<Map<String, Object>> operations) {
		return operations.stream().map((op) -> {
			Map<String, Object> copy = new HashMap<>();
			op.forEach((k, v) -> {
				if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
					copy.put(k, v);
				}
			});
			return copy;
		}).toList();
	}

	/** Items by id, list fields sorted, a fixed name: equal when the graphs are. */
	private static Dataset normalized(Dataset dataset) {
		return new Dataset("normalized",
				dataset.units().stream().sorted(Comparator.comparing(org.partygraph.model.Unit::id)).toList(),
				dataset.orgs()
					.stream()
					.map((o) -> new Org(o.id(), o.kind(), o.name(), o.parent(), o.coManagedBy().stream().sorted().toList(),
							o.units().stream().sorted().toList(), o.trade(), o.hasCommittee()))
					.sorted(Comparator.comparing(Org::id))
					.toList(),
				dataset.members()
					.stream()
					.map((m) -> m
						.withRoles(m.roles()
							.stream()
							.sorted(Comparator.comparing(RoleAssignment::org).thenComparing((r) -> r.role().name()))
							.toList())
						.withParticipatesIn(m.participatesIn().stream().sorted().toList()))
					.sorted(Comparator.comparing(Member::id))
					.toList());
	}

}
