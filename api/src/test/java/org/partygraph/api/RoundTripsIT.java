package org.partygraph.api;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each level of a query is one database round trip at most: the same nested query costs the
 * same number of statements on the whole sample county as on a tiny county, whatever the number
 * of parents at each level.
 */
class RoundTripsIT extends ServiceTestBase {

	@Test
	void roundTripsDoNotGrowWithTheNumberOfParents() {
		Map<String, Object> big = debug("o-county");
		Map<String, Object> small = debug("s-o-county");
		// At most: org, counts x3 levels, children x2 levels, member pages, members' orgs (the data
		// loader may merge the count batches of two levels into one).
		assertThat((Integer) big.get("databaseRoundTrips")).isBetween(6, 8);
		assertThat(small.get("databaseRoundTrips")).isEqualTo(big.get("databaseRoundTrips"));
		assertThat(((Number) big.get("databaseMillis")).doubleValue()).isPositive();
	}

	@Test
	void noDebugNoExtensions() {
		GraphQlResponse response = this.graphQl.documentName("nestedCounts")
			.variable("id", "s-o-county")
			.execute()
			.returnResponse();
		assertThat(response.getExtensions()).doesNotContainKey("debug");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> debug(String root) {
		GraphQlTester.Response execution = this.graphQl.documentName("nestedCounts")
			.variable("id", root)
			.extension("debug", true)
			.execute();
		execution.path("org.children").entityList(Object.class).hasSizeGreaterThan(1);
		GraphQlResponse response = execution.returnResponse();
		return (Map<String, Object>) response.getExtensions().get("debug");
	}

}
