package org.partygraph.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.seed.HuairenCounty;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** complianceIssues and whatIf over HTTP on the sample county. */
class RulesApiIT extends ServiceTestBase {

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
	void unknownScopeIsNotFound() {
		this.graphQl.documentName("complianceIssues")
			.variable("within", "nope")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("within").contains("nope")));
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
