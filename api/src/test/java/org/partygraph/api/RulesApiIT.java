package org.partygraph.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.rules.KeptCompliance;
import org.partygraph.queries.structure.Structure;
import org.partygraph.seed.HuairenCounty;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** complianceIssues and whatIf over HTTP on the sample county. */
class RulesApiIT extends ServiceTestBase {

	@org.springframework.beans.factory.annotation.Autowired
	private KeptCompliance kept;

	/**
	 * A read with nothing changed since the last answers from what is kept: no tree is checked again
	 * (the service's start checks every county once: CliBesideServiceIT waits for it).
	 */
	@Test
	void aSecondReadWithNothingChangedChecksNoTree() {
		List<Map<String, Object>> first = issues(this.graphQl.documentName("complianceIssues")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.execute(), "complianceIssues");
		long checked = this.kept.treesChecked();
		assertThat(checked).as("trees the service's reads have checked: they go through what is kept").isPositive();
		List<Map<String, Object>> again = issues(this.graphQl.documentName("complianceIssues")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.execute(), "complianceIssues");
		assertThat(again).isEqualTo(first).isNotEmpty();
		assertThat(this.kept.treesChecked()).as("trees checked by a read with nothing changed").isEqualTo(checked);
	}

	@Test
	void thePlantedBreaksAreFoundWithFiguresAndFixes() {
		GraphQlTester.Response response = this.graphQl.documentName("complianceIssues")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.execute();
		List<Map<String, Object>> issues = issues(response, "complianceIssues");
		HuairenCounty.PLANTED_BREAKS.forEach((rule, orgId) -> assertThat(issues)
			.as(rule + " at " + orgId)
			.anySatisfy((issue) -> {
				assertThat(issue.get("rule")).isEqualTo(rule);
				assertThat(issue.get("orgId")).isEqualTo(orgId);
				assertThat(((Map<?, ?>) issue.get("org")).get("id")).isEqualTo(orgId);
				assertThat((String) issue.get("message")).isNotBlank();
				assertThat((String) issue.get("messageZh")).isNotBlank();
				assertThat((String) issue.get("article")).isNotBlank();
				assertThat((List<?>) issue.get("fix")).isNotEmpty();
			}));
		assertThat(issues).filteredOn((i) -> i.get("rule").equals("MIN_FULL_MEMBERS"))
			.allSatisfy((i) -> assertThat((Integer) i.get("actual")).isLessThan((Integer) i.get("threshold")));
		// Nothing of the small county leaks into the county's scope.
		assertThat(issues).noneSatisfy((i) -> assertThat((String) i.get("orgId")).startsWith("s-"));
	}

	@Test
	void messagesComeInTheRequestsLanguageWithTheSameCodesAndIds() {
		String query = """
				query($within: ID) { complianceIssues(within: $within) { rule orgId message messageZh suggestion }
				  rules { code statement statementZh } }""";
		Map<String, List<Map<String, Object>>> issues = new HashMap<>();
		Map<String, List<Map<String, Object>>> rules = new HashMap<>();
		for (String language : List.of("en", "zh-CN", "zh-TW", "zh-HK;q=0.9, en;q=0.5")) {
			GraphQlTester.Response response = this.graphQl.mutate()
				.header("Accept-Language", language)
				.build()
				.document(query)
				.variable("within", HuairenCounty.COUNTY_COMMITTEE)
				.execute();
			response.errors().verify();
			issues.put(language, issues(response, "complianceIssues"));
			rules.put(language, issues(response, "rules"));
		}
		List<Map<String, Object>> en = issues.get("en");
		List<Map<String, Object>> hans = issues.get("zh-CN");
		List<Map<String, Object>> hant = issues.get("zh-TW");
		assertThat(en).isNotEmpty();
		for (List<Map<String, Object>> other : List.of(hans, hant, issues.get("zh-HK;q=0.9, en;q=0.5"))) {
			// Codes and ids, their order and messageZh never change with the language.
			assertThat(other).extracting((i) -> i.get("rule") + "@" + i.get("orgId") + " " + i.get("messageZh"))
				.containsExactlyElementsOf(en.stream().map((i) -> i.get("rule") + "@" + i.get("orgId") + " " + i.get("messageZh")).toList());
		}
		assertThat(issues.get("zh-HK;q=0.9, en;q=0.5")).isEqualTo(hant);
		for (int i = 0; i < en.size(); i++) {
			String english = (String) en.get(i).get("message");
			String simplified = (String) hans.get(i).get("message");
			String traditional = (String) hant.get(i).get("message");
			assertThat(new java.util.HashSet<>(List.of(english, simplified, traditional))).as(english).hasSize(3);
			assertThat(traditional).isEqualTo(en.get(i).get("messageZh"));
			assertThat(english).doesNotContain("正式黨員", "未配備書記", "。");
			assertThat(simplified).contains("。").doesNotContain("黨員");
			assertThat((String) hans.get(i).get("suggestion")).isNotEqualTo(en.get(i).get("suggestion"));
		}
		// The planted branch short of full members, word for word in each language.
		String small = HuairenCounty.PLANTED_BREAKS.get("MIN_FULL_MEMBERS");
		int at = en.stream().map((i) -> i.get("rule") + "@" + i.get("orgId")).toList().indexOf("MIN_FULL_MEMBERS@" + small);
		assertThat((String) en.get(at).get("message")).contains(" full members, needs 3. A branch needs at least 3 full members");
		assertThat((String) hans.get(at).get("message")).contains("：正式党员").contains("不足3人。正式党员不足3人的单位")
			.doesNotContain("黨員");
		assertThat((String) hant.get(at).get("message")).contains("：正式黨員").contains("不足3人。正式黨員不足3人的單位");
		assertThat((String) hans.get(at).get("suggestion")).containsAnyOf("联合党支部", "撤销");
		assertThat((String) hant.get(at).get("suggestion")).containsAnyOf("聯合黨支部", "撤銷");
		// The rule catalogue too: statement in the language, statementZh traditional always.
		assertThat(rules.get("zh-CN")).extracting((r) -> r.get("code"))
			.containsExactlyElementsOf(rules.get("en").stream().map((r) -> r.get("code")).toList());
		assertThat(rules.get("en").get(0).get("statement")).isEqualTo("A branch needs at least 3 full members; with fewer, set up a joint branch with neighbouring units.");
		assertThat(rules.get("zh-CN").get(0).get("statement")).isEqualTo("正式党员不足3人的单位，应按照地域相邻、行业相近原则组建联合党支部。");
		assertThat(rules.get("zh-TW").get(0).get("statement")).isEqualTo(rules.get("en").get(0).get("statementZh"));
		// A what-if report's Markdown: headings, fixed texts and rule breaks in the language, codes and ids as they are.
		Map<String, String> markdown = new HashMap<>();
		for (String language : List.of("en", "zh-CN", "zh-TW")) {
			GraphQlTester.Response report = this.graphQl.mutate()
				.header("Accept-Language", language)
				.build()
				.document("""
						query($within: ID, $operations: [OperationInput!]!) { whatIf(within: $within, operations: $operations) {
						  issuesFixed { rule orgId message } markdown } }""")
				.variable("within", HuairenCounty.COUNTY_COMMITTEE)
				.variable("operations", List.of(Map.of("op", "DISSOLVE", "org", small, "target",
						HuairenCounty.dataset().orgs().stream().filter((o) -> o.id().equals(small)).findFirst().orElseThrow().parent())))
				.execute();
			report.errors().verify();
			assertThat(issues(report, "whatIf.issuesFixed")).anySatisfy((i) -> assertThat(i)
				.containsEntry("rule", "MIN_FULL_MEMBERS").containsEntry("orgId", small));
			markdown.put(language, report.path("whatIf.markdown").entity(String.class).get());
		}
		assertThat(markdown.get("en")).contains("# What-if: ", "## Rule breaks fixed (", "## Figures", "| MIN_FULL_MEMBERS |",
				"(" + small + ")", " full members, needs 3");
		assertThat(markdown.get("zh-CN")).contains("# 调整推演：", "## 纠正的问题（", "## 主要指标", "| MIN_FULL_MEMBERS |",
				"(" + small + ")", "正式党员").doesNotContain("Rule breaks", "糾正");
		assertThat(markdown.get("zh-TW")).contains("# 調整推演：", "## 糾正的問題（", "## 主要指標", "| MIN_FULL_MEMBERS |",
				"(" + small + ")", "正式黨員").doesNotContain("Rule breaks", "纠正");
	}

	@Test
	void rulesFilterNarrowsTheList() {
		GraphQlTester.Response response = this.graphQl.documentName("complianceIssues")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.variable("rules", List.of("COMMITTEE_REQUIRED"))
			.execute();
		assertThat(issues(response, "complianceIssues")).isNotEmpty()
			.allSatisfy((i) -> assertThat(i.get("rule")).isEqualTo("COMMITTEE_REQUIRED"));
	}

	@Test
	void eachPlantedBreaksSuggestedFixFixesItWithoutANewErrorAndWritesNothing() {
		Dataset stored = this.exporter.exportAll();
		GraphQlTester.Response checked = this.graphQl.documentName("complianceIssues")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.execute();
		List<Map<String, Object>> issues = issues(checked, "complianceIssues");
		HuairenCounty.PLANTED_BREAKS.forEach((rule, orgId) -> {
			Map<String, Object> issue = issues.stream()
				.filter((i) -> i.get("rule").equals(rule) && i.get("orgId").equals(orgId))
				.findFirst()
				.orElseThrow();
			GraphQlTester.Response report = this.graphQl.documentName("whatIf")
				.variable("within", HuairenCounty.COUNTY_COMMITTEE)
				.variable("operations", withoutNulls((List<Map<String, Object>>) issue.get("fix")))
				.execute();
			report.errors().verify();
			assertThat(issues(report, "whatIf.issuesFixed")).as(rule)
				.anySatisfy((f) -> assertThat(f).containsEntry("rule", rule).containsEntry("orgId", orgId));
			assertThat(issues(report, "whatIf.issuesIntroduced")).as(rule)
				.noneSatisfy((i) -> assertThat(i.get("severity")).isEqualTo("ERROR"));
			assertThat(report.path("whatIf.markdown").entity(String.class).get()).contains("## Figures");
		});
		assertThat(this.exporter.exportAll()).as("a what-if never writes").isEqualTo(stored);
	}

	@Test
	void aWhatIfShowsWhatEachPatternLosesWithAWarning() {
		// Issue #20's case: the planted too-small village branch merged into its township's industry
		// branch takes the industry pattern's branch from that township.
		String small = HuairenCounty.PLANTED_BREAKS.get("MIN_FULL_MEMBERS");
		Structure graph = Structure.of(this.exporter.exportAll());
		String industryBranch = graph.children(graph.org(small).parent())
			.stream()
			.filter((o) -> o.kind().isBranch() && o.units()
				.stream()
				.anyMatch((u) -> graph.unit(u) != null && graph.unit(u).kind() == UnitKind.INDUSTRY))
			.findFirst()
			.orElseThrow()
			.id();
		GraphQlTester.Response report = this.graphQl.documentName("whatIf")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.variable("operations", List.of(Map.of("op", "MERGE", "orgs", List.of(small, industryBranch), "name", "聯合黨支部")))
			.execute();
		report.errors().verify();
		List<Map<String, Object>> impact = issues(report, "whatIf.patternImpact");
		assertThat(impact).anySatisfy((p) -> {
			assertThat(p).containsEntry("pattern", "INDUSTRY_PARK")
				.containsEntry("metric", "townshipsWithIndustryBranch")
				.containsEntry("loses", true);
			assertThat((Double) p.get("after")).isEqualTo((Double) p.get("before") - 1);
			assertThat((String) p.get("warning")).startsWith("INDUSTRY_PARK (產業黨組織+園區黨支部) loses 1: townshipsWithIndustryBranch");
		});
		// Only metrics that change, and a rise is no loss.
		assertThat(impact).allSatisfy((p) -> {
			assertThat(p.get("before")).isNotEqualTo(p.get("after"));
			assertThat(p.get("loses")).isEqualTo((Double) p.get("after") < (Double) p.get("before"));
			assertThat(p.get("warning") != null).isEqualTo(p.get("loses"));
		});
		assertThat(report.path("whatIf.markdown").entity(String.class).get()).contains("## Pattern impact")
			.contains("> **Warning:** INDUSTRY_PARK (產業黨組織+園區黨支部) loses 1: townshipsWithIndustryBranch");
		// In the request's language (#19): the pattern's code, name, metric key and figures as they are.
		GraphQlTester.Response simplified = this.graphQl.mutate()
			.header("Accept-Language", "zh-CN")
			.build()
			.documentName("whatIf")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.variable("operations", List.of(Map.of("op", "MERGE", "orgs", List.of(small, industryBranch), "name", "聯合黨支部")))
			.execute();
		assertThat(issues(simplified, "whatIf.patternImpact")).anySatisfy((p) -> assertThat((String) p.get("warning"))
			.matches("INDUSTRY_PARK（產業黨組織\\+園區黨支部）减少1：townshipsWithIndustryBranch \\d+ → \\d+"));
		assertThat(simplified.path("whatIf.markdown").entity(String.class).get())
			.contains("> **注意：** INDUSTRY_PARK（產業黨組織+園區黨支部）减少1：townshipsWithIndustryBranch");

		// A what-if that changes no pattern says so.
		GraphQlTester.Response quiet = this.graphQl.documentName("whatIf")
			.variable("within", "s-o-county")
			.variable("operations", List.of(Map.of("op", "ADD_CO_MANAGER", "org", "s-o-xz", "target", "s-o-npe")))
			.execute();
		quiet.path("whatIf.patternImpact").entityList(Object.class).hasSize(0);
		assertThat(quiet.path("whatIf.markdown").entity(String.class).get()).contains("No pattern metric changes.");
	}

	@Test
	void thePlannerProposesOperationsThatReachTheGoalsOrSaysWhyNot() {
		String plan = """
				query($within: ID!, $goals: PlanGoals) { suggestedScenario(within: $within, goals: $goals) {
				  within goalsMet operations { op org orgs target name }
				  unresolved { issue { rule orgId severity } reason }
				  report { issuesFixed { rule orgId } issuesIntroduced { rule severity } patternImpact { metric loses } } } }""";
		GraphQlTester.Response response = this.graphQl.document(plan)
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.execute();
		response.errors().verify();
		response.path("suggestedScenario.within").entity(String.class).isEqualTo(HuairenCounty.COUNTY_COMMITTEE);
		List<Map<String, Object>> operations = issues(response, "suggestedScenario.operations");
		List<Map<String, Object>> unresolved = issues(response, "suggestedScenario.unresolved");
		assertThat(operations).as("the planted ERROR breaks with a fix").isNotEmpty();
		assertThat(response.path("suggestedScenario.goalsMet").entity(Boolean.class).get()).isEqualTo(unresolved.isEmpty());
		assertThat(unresolved).allSatisfy((u) -> {
			assertThat(((Map<?, ?>) u.get("issue")).get("severity")).isEqualTo("ERROR");
			assertThat((String) u.get("reason")).isNotBlank();
		});
		assertThat(issues(response, "suggestedScenario.report.issuesIntroduced"))
			.noneSatisfy((i) -> assertThat(i.get("severity")).isEqualTo("ERROR"));
		assertThat(issues(response, "suggestedScenario.report.patternImpact"))
			.noneSatisfy((p) -> assertThat(p.get("loses")).isEqualTo(true));
		// The plan is what whatIf plays: the same breaks fixed.
		GraphQlTester.Response replay = this.graphQl.documentName("whatIf")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.variable("operations", withoutNulls(operations))
			.execute();
		assertThat(issues(replay, "whatIf.issuesFixed")).extracting((i) -> i.get("rule") + "@" + i.get("orgId"))
			.containsExactlyInAnyOrderElementsOf(issues(response, "suggestedScenario.report.issuesFixed").stream()
				.map((i) -> i.get("rule") + "@" + i.get("orgId"))
				.toList());

		// The reasons in the request's language (#19), for a plan of one operation: the same breaks
		// left, each reason said in simplified Chinese (its suggestion too); rule codes and ids as they are.
		Map<String, String> english = reasons(this.graphQl, plan);
		Map<String, String> simplified = reasons(this.graphQl.mutate().header("Accept-Language", "zh-CN").build(), plan);
		assertThat(simplified.keySet()).isNotEmpty().isEqualTo(english.keySet());
		assertThat(english).containsValue("no operation fixes it: hold the election (換屆) and record it (recordElection)");
		english.forEach((issue, reason) -> {
			if (reason.startsWith("no operation fixes it: hold the election")) {
				assertThat(simplified.get(issue)).as(issue).isEqualTo("没有可纠正它的操作：" + SIMPLIFIED_HOLD_ELECTION);
			}
		});
		assertThat(simplified.values()).allSatisfy((r) -> assertThat(r)
			.matches("(方案已达1项操作的上限|没有可纠正它的操作：.*|尝试的每项纠正都不足：.*|未能达到)")
			.doesNotContain("no operation", "falls short", "does not fix", "introduces", "lowers", "hold the election"));

		// Goals are checked: no operations at all is refused, naming the field.
		this.graphQl.document(plan)
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.variable("goals", Map.of("maxOperations", 0))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("goals.maxOperations")));
		// Below ANALYST it is refused, and a scoped analyst's plan stays in their scope.
		assertThat(TestApp.tester(this.port, "viewer", TestApp.USER_PASSWORD)
			.document(plan)
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.execute()
			.returnResponse()
			.getErrors()).singleElement().satisfies((e) -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"));
		assertThat(TestApp.tester(this.port, "hbt-analyst", TestApp.USER_PASSWORD)
			.document(plan)
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.execute()
			.returnResponse()
			.getErrors()).singleElement().satisfies((e) -> assertThat(e.getMessage()).contains("within"));
	}

	@Test
	void aDispatchOfAFirstSecretaryIsAWhatIfOperation() {
		// s-e1 (of the enterprise's branch s-o-e1) to 下寨村's org s-o-xz, sent by the working committee.
		GraphQlTester.Response report = this.graphQl.documentName("whatIf")
			.variable("within", "s-o-county")
			.variable("operations",
					List.of(Map.of("op", "DISPATCH", "member", "s-e1", "org", "s-o-xz", "target", "s-o-npe")))
			.execute();
		report.path("whatIf.before[?(@.key == 'villagesWithFirstSecretary')].value").entityList(Double.class)
			.containsExactly(0.0)
			.path("whatIf.after[?(@.key == 'villagesWithFirstSecretary')].value").entityList(Double.class)
			.containsExactly(1.0)
			.path("whatIf.membersMoved").entity(Integer.class).isEqualTo(0)
			.path("whatIf.changes").entityList(String.class).satisfies((changes) -> assertThat(changes).singleElement()
				.asString()
				.contains("(s-e1) dispatched as first secretary (第一書記) to ")
				.contains("(s-o-xz), sent by ")
				.endsWith("(s-o-npe)"));
		// Asked in simplified Chinese, the same change in its words (#19), names and ids as stored.
		this.graphQl.mutate().header("Accept-Language", "zh-CN").build().documentName("whatIf")
			.variable("within", "s-o-county")
			.variable("operations",
					List.of(Map.of("op", "DISPATCH", "member", "s-e1", "org", "s-o-xz", "target", "s-o-npe")))
			.execute()
			.path("whatIf.changes").entityList(String.class).satisfies((changes) -> assertThat(changes).singleElement()
				.asString()
				.contains("（s-e1）选派为", "（s-o-xz）第一书记，派出单位")
				.endsWith("（s-o-npe）")
				.doesNotContain("dispatched"))
			.path("whatIf.markdown").entity(String.class).satisfies((md) -> assertThat(md).contains("第一书记，派出单位"));
		// A recall with no open dispatch: refused naming the index and the field, in the request's language (#19).
		Map<String, String[]> noDispatch = Map.of("en",
				new String[] { "operation 0 (RECALL): org: s-e1 has no open dispatch to s-o-xz (", ")" }, "zh-CN",
				new String[] { "操作operations[0]（RECALL）：org：s-e1没有在s-o-xz（", "）进行中的选派" }, "zh-TW",
				new String[] { "操作operations[0]（RECALL）：org：s-e1沒有在s-o-xz（", "）進行中的選派" });
		noDispatch.forEach((language, message) -> this.graphQl.mutate().header("Accept-Language", language).build()
			.documentName("whatIf")
			.variable("within", "s-o-county")
			.variable("operations", List.of(Map.of("op", "RECALL", "member", "s-e1", "org", "s-o-xz")))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).as(language).startsWith(message[0]).endsWith(message[1]))));
		// An unknown id, in the request's language (#19): the index, op code, field and id as given.
		Map<String, String> unknown = Map.of("en", "operation 0 (DISPATCH): org: no org has id 's-o-nope'",
				"zh-CN", "操作operations[0]（DISPATCH）：org：没有编号为“s-o-nope”的党组织");
		unknown.forEach((language, message) -> this.graphQl.mutate().header("Accept-Language", language).build()
			.documentName("whatIf")
			.variable("within", "s-o-county")
			.variable("operations", List.of(Map.of("op", "DISPATCH", "member", "s-e1", "org", "s-o-nope")))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).as(language).isEqualTo(message))));
	}

	@Test
	void splitByTradeOnTheSmallCountyGivesExactFigures() {
		GraphQlTester.Response report = this.graphQl.documentName("whatIf")
			.variable("within", "s-o-county")
			.variable("operations", List.of(Map.of("op", "TRANSFER_MEMBER", "member", "s-a1", "target", "s-o-e1"),
					Map.of("op", "ADD_CO_MANAGER", "org", "s-o-xz", "target", "s-o-npe")))
			.execute();
		report.path("whatIf.membersMoved").entity(Integer.class).isEqualTo(1)
			.path("whatIf.moves[0].fromOrg").entity(String.class).isEqualTo("s-o-xz")
			.path("whatIf.moves[0].toOrg").entity(String.class).isEqualTo("s-o-e1")
			.path("whatIf.before[?(@.key == 'dualManaged')].value").entityList(Double.class).containsExactly(1.0)
			.path("whatIf.after[?(@.key == 'dualManaged')].value").entityList(Double.class).containsExactly(2.0)
			.path("whatIf.changes").entityList(String.class).hasSize(2);
	}

	@Test
	void anInvalidOperationNamesItsIndexAndGivesNoReport() {
		GraphQlTester.Response response = this.graphQl.documentName("whatIf")
			.variable("within", "s-o-county")
			.variable("operations", List.of(Map.of("op", "ELECT_COMMITTEE", "org", "s-o-xz-b"),
					Map.of("op", "MOVE_ORG", "org", "s-o-hbt", "target", "s-o-xz-b")))
			.execute();
		Object data = response.returnResponse().getData();
		assertThat(data).as("no report").isNull();
		response.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.getMessage()).contains("operation 1").contains("MOVE_ORG").contains("target").contains("cycle");
				assertThat(e.getPath()).isEqualTo("whatIf");
			}));
	}

	@Test
	void withinAnOperationMayNameOnlyOrgsOfTheSubtree() {
		// Issue #20: a merge within Haibeitou naming a village branch of another township.
		Dataset county = HuairenCounty.dataset();
		Map<String, org.partygraph.model.Org> orgs = new HashMap<>();
		county.orgs().forEach((o) -> orgs.put(o.id(), o));
		java.util.function.Function<String, String> township = (id) -> {
			org.partygraph.model.Org at = orgs.get(id);
			while (at != null && at.kind() != org.partygraph.model.OrgKind.TOWNSHIP_COMMITTEE) {
				at = orgs.get(at.parent());
			}
			return (at != null) ? at.id() : null;
		};
		List<String> branches = county.orgs()
			.stream()
			.filter((o) -> o.kind() == org.partygraph.model.OrgKind.BRANCH && o.id().startsWith("o-v-"))
			.map(org.partygraph.model.Org::id)
			.sorted()
			.toList();
		String inside = branches.stream()
			.filter((id) -> HuairenCounty.HAIBEITOU_COMMITTEE.equals(township.apply(id)))
			.findFirst()
			.orElseThrow();
		String other = branches.stream()
			.filter((id) -> township.apply(id) != null && !HuairenCounty.HAIBEITOU_COMMITTEE.equals(township.apply(id)))
			.findFirst()
			.orElseThrow();
		refusedWithin(HuairenCounty.HAIBEITOU_COMMITTEE,
				List.of(Map.of("op", "ELECT_COMMITTEE", "org", inside),
						Map.of("op", "MERGE", "orgs", List.of(inside, other), "name", "聯合黨支部")),
				"operation 1 (MERGE)", "orgs: " + other, "outside within " + HuairenCounty.HAIBEITOU_COMMITTEE,
				"the nearest org whose subtree holds them all is " + HuairenCounty.COUNTY_COMMITTEE);
		// The contract's example: o-e-01 lies under o-npe.
		refusedWithin(HuairenCounty.HAIBEITOU_COMMITTEE,
				List.of(Map.of("op", "ADD_CO_MANAGER", "org", HuairenCounty.FIRST_ENTERPRISE_ORG, "target",
						HuairenCounty.HAIBEITOU_COMMITTEE)),
				"operation 0 (ADD_CO_MANAGER)", "org: " + HuairenCounty.FIRST_ENTERPRISE_ORG,
				"the nearest org whose subtree holds them all is " + HuairenCounty.COUNTY_COMMITTEE);
		// Within the county both are fine.
		this.graphQl.documentName("whatIf")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.variable("operations", List.of(Map.of("op", "MERGE", "orgs", List.of(inside, other), "name", "聯合黨支部")))
			.execute()
			.path("whatIf.orgsDissolved")
			.entityList(String.class)
			.containsExactly(inside, other);
	}

	private void refusedWithin(String within, List<Map<String, Object>> operations, String... says) {
		GraphQlTester.Response response = this.graphQl.documentName("whatIf")
			.variable("within", within)
			.variable("operations", operations)
			.execute();
		assertThat((Object) response.returnResponse().getData()).as("no report").isNull();
		response.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains(says)));
	}

	@Test
	void createOrgTakesUnitsAndIsKnownAsNewIndexToLaterOperations() {
		GraphQlTester.Response report = this.graphQl.documentName("whatIf")
			.variable("within", "s-o-county")
			.variable("operations", List.of(
					Map.of("op", "CREATE_ORG", "target", "s-o-hbt", "kind", "BRANCH", "name", "下寨村新黨支部", "units",
							List.of("s-u-xz")),
					Map.of("op", "TRANSFER_MEMBER", "member", "s-a1", "target", "new-0")))
			.execute();
		report.errors().verify();
		report.path("whatIf.orgsCreated").entityList(String.class).containsExactly("new-0");
		report.path("whatIf.moves[0].toOrg").entity(String.class).isEqualTo("new-0");
		report.path("whatIf.changes[0]").entity(String.class).satisfies((line) -> assertThat(line)
			.contains("new BRANCH 下寨村新黨支部 (new-0)", "set up in 1 unit"));
		// An invalid kind value is an error naming the operation and the field.
		GraphQlTester.Response bad = this.graphQl.documentName("whatIf")
			.variable("within", "s-o-county")
			.variable("operations", List.of(Map.of("op", "CREATE_ORG", "target", "s-o-hbt", "kind", "VILLAGE",
					"name", "新黨支部", "units", List.of("s-u-nope"))))
			.execute();
		bad.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("operation 0 (CREATE_ORG)",
						"kind: 'VILLAGE' is not an org kind")));
	}

	@Test
	void unknownScopeIsNotFound() {
		this.graphQl.documentName("complianceIssues")
			.variable("within", "nope")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).isEqualTo("within: no org has id 'nope'")));
		// In the request's language (#19), the argument's name and the id as given, the same NOT_FOUND.
		GraphQlTester.Response simplified = this.graphQl.mutate()
			.header("Accept-Language", "zh-CN")
			.build()
			.document("query($w: ID) { complianceIssues(within: $w) { rule } orgChart(root: \"nope\") { nodes { id } } }")
			.variable("w", "nope")
			.execute();
		assertThat(simplified.returnResponse().getErrors()).extracting((e) -> e.getErrorType().toString() + " " + e.getMessage())
			.containsExactlyInAnyOrder("NOT_FOUND within：没有编号为“nope”的党组织", "NOT_FOUND root：没有编号为“nope”的党组织");
		GraphQlTester.Response traditional = this.graphQl.mutate()
			.header("Accept-Language", "zh-TW")
			.build()
			.document("{ complianceIssues(asOf: \"2999-01-01\") { rule } }")
			.execute();
		assertThat(traditional.returnResponse().getErrors()).singleElement()
			.satisfies((e) -> assertThat(e.getMessage()).startsWith("asOf：2999-01-01是將來的日期（今天是"));
	}

	/** fix.holdElection in simplified Chinese (messages_zh_CN.properties). */
	private static final String SIMPLIFIED_HOLD_ELECTION = java.util.ResourceBundle
		.getBundle("messages", java.util.Locale.SIMPLIFIED_CHINESE, RulesApiIT.class.getClassLoader(),
				java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
		.getString("fix.holdElection");

	/** The plan's unresolved breaks (rule@org) and their reasons, for goals of one operation. */
	private static Map<String, String> reasons(GraphQlTester tester, String plan) {
		GraphQlTester.Response response = tester.document(plan)
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.variable("goals", Map.of("maxOperations", 1))
			.execute();
		Map<String, String> reasons = new java.util.TreeMap<>();
		issues(response, "suggestedScenario.unresolved").forEach((u) -> {
			Map<?, ?> issue = (Map<?, ?>) u.get("issue");
			reasons.put(issue.get("rule") + "@" + issue.get("orgId"), (String) u.get("reason"));
		});
		return reasons;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> issues(GraphQlTester.Response response, String path) {
		return (List<Map<String, Object>>) (List<?>) response.path(path).entityList(Map.class).get();
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

}
