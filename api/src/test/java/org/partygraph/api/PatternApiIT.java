package org.partygraph.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.seed.HuairenCounty;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's figures come back from one query; instances and statistics over HTTP. */
class PatternApiIT extends ServiceTestBase {

	@Test
	void patternSummaryOfTheSampleCountyGivesTheReportsFigures() {
		GraphQlTester.Response response = this.graphQl.documentName("patternSummary")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.execute();
		response.path("patternSummary[*].pattern").entityList(String.class)
			.containsExactly("ENTERPRISE_BASE", "INDUSTRY_PARK", "VILLAGE_COOPERATIVE", "VILLAGE_TRADE_BRANCH");
		Map<String, Double> metrics = new HashMap<>();
		response.path("patternSummary[*].metrics[*]").entityList(Map.class).get()
			.forEach((m) -> metrics.put((String) m.get("key"), ((Number) m.get("value")).doubleValue()));
		assertThat(metrics).hasSize(13);
		HuairenCounty.FIGURES.forEach((key, value) -> assertThat(metrics.get(key)).as(key).isEqualTo(value.doubleValue()));
		// The report's own numbers, stated once more in the test's words.
		assertThat(metrics).containsEntry("leadingEnterprises", 15.0).containsEntry("baseMembers", 105.0)
			.containsEntry("parkBranches", 14.0).containsEntry("cooperativeOrgs", 43.0)
			.containsEntry("upgradedToGeneralBranch", 32.0).containsEntry("tradeBranches", 82.0);
		assertThat(metrics.get("householdsDriven")).isGreaterThanOrEqualTo(21_000);
	}

	@Test
	void theSmallCountyHasOneEnterpriseBaseInstance() {
		this.graphQl.documentName("patternSummary")
			.variable("within", "s-o-county")
			.execute()
			.path("patternSummary[0].metrics[?(@.key == 'leadingEnterprises')].value").entityList(Double.class)
			.containsExactly(1.0)
			.path("patternSummary[0].metrics[?(@.key == 'coManaged')].value").entityList(Double.class)
			.containsExactly(1.0);
	}

	@Test
	void enterpriseBaseInstancesShowTheirCoManagingTownship() {
		GraphQlTester.Response response = this.graphQl.documentName("patternInstances")
			.variable("pattern", "ENTERPRISE_BASE")
			.variable("within", HuairenCounty.COUNTY_COMMITTEE)
			.execute();
		List<Map> instances = response.path("patternInstances").entityList(Map.class).get();
		assertThat(instances).hasSize(15).allSatisfy((i) -> {
			assertThat((List<Map<String, Object>>) i.get("parts"))
				.anySatisfy((p) -> assertThat(p).containsEntry("role", "CO_MANAGER").containsEntry("kind", "TOWNSHIP_COMMITTEE"));
			assertThat((List<String>) ((Map<String, Object>) i.get("org")).get("patterns")).contains("ENTERPRISE_BASE");
		});
	}

	@Test
	void orgsCanBeFilteredByPattern() {
		this.graphQl.document("""
				{ orgs(filter: {pattern: ENTERPRISE_BASE, within: "o-county"}, first: 100) { totalCount edges { node { patterns } } } }""")
			.execute()
			.path("orgs.totalCount").entity(Integer.class).isEqualTo(15)
			.path("orgs.edges[*].node.patterns").entityList(List.class)
			.satisfies((lists) -> assertThat(lists).allSatisfy((l) -> assertThat(l).contains("ENTERPRISE_BASE")));
		this.graphQl.document("""
				{ orgs(filter: {pattern: VILLAGE_TRADE_BRANCH, ids: ["o-v-xz", "o-county"]}) { totalCount edges { node { id } } } }""")
			.execute()
			.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("o-v-xz");
	}

	@Test
	void statisticsOfTheSmallCounty() {
		this.graphQl.documentName("statistics")
			.variable("within", "s-o-county")
			.execute()
			.path("statistics.orgs").entity(Integer.class).isEqualTo(7)
			.path("statistics.members").entity(Integer.class).isEqualTo(5)
			.path("statistics.membersByStatus[?(@.key == 'PROBATIONARY')].count").entityList(Integer.class)
			.containsExactly(1)
			.path("statistics.orgsByKind[?(@.key == 'BRANCH')].count").entityList(Integer.class).containsExactly(2)
			.path("statistics.depth").entity(Integer.class).isEqualTo(4)
			.path("statistics.levels[0].orgs").entity(Integer.class).isEqualTo(1)
			.path("statistics.levels[1].orgs").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void unknownScopeIsNotFound() {
		this.graphQl.documentName("patternSummary")
			.variable("within", "nope")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("within").contains("nope")));
	}

}
