package org.partygraph.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.api.graphql.CompiledFields;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the read compiler (on by default) a query of compiled fields is one database round trip,
 * however deep; with the resolvers alone (the compiler off, or fields it does not compile) each
 * level of a query is one round trip at most. Either way the same nested query costs the same
 * number of statements on the whole sample county as on a tiny county, whatever the number of
 * parents at each level.
 */
class RoundTripsIT extends ServiceTestBase {

	@Autowired
	CompiledFields compiled;

	@Test
	void roundTripsDoNotGrowWithTheNumberOfParents() {
		Map<String, Object> big = debug("o-county");
		Map<String, Object> small = debug("s-o-county");
		// Compiled: the whole query, member pages and members' orgs included, is one statement.
		assertThat((Integer) big.get("databaseRoundTrips")).isEqualTo(1);
		assertThat(small.get("databaseRoundTrips")).isEqualTo(big.get("databaseRoundTrips"));
		assertThat(((Number) big.get("databaseMillis")).doubleValue()).isPositive();
		resolved(() -> {
			Map<String, Object> bigResolved = debug("o-county");
			Map<String, Object> smallResolved = debug("s-o-county");
			// Exactly: org with its children (the org's counts summed from its children's), grandchildren
			// (each level's member counts come in its own statement, looked ahead in the selection),
			// member pages, members' orgs.
			assertThat((Integer) bigResolved.get("databaseRoundTrips")).isEqualTo(4);
			assertThat(smallResolved.get("databaseRoundTrips")).isEqualTo(bigResolved.get("databaseRoundTrips"));
		});
	}

	/** Runs the checks with the compiler off: the resolvers' own round trips. */
	private void resolved(Runnable checks) {
		boolean before = this.compiled.enabled();
		this.compiled.enabled(false);
		try {
			checks.run();
		}
		finally {
			this.compiled.enabled(before);
		}
	}

	@Test
	void countsAskedAtALevelComeWithItsStatementAndEqualTheLoadersOwn() {
		resolved(this::countsAskedAtALevel);
	}

	private void countsAskedAtALevel() {
		// children looks ahead for counts; descendants(depth: 1), the same orgs, leaves them to the
		// memberCounts loader's own statement.
		GraphQlTester.Response ahead = this.graphQl
			.document("{ org(id: \"o-county\") { memberCount fullMemberCount children { id memberCount fullMemberCount } } }")
			.extension("debug", true)
			.execute();
		GraphQlTester.Response loader = this.graphQl
			.document("{ org(id: \"o-county\") { descendants(depth: 1) { id memberCount fullMemberCount } parent { id } } }")
			.extension("debug", true)
			.execute();
		List<Map<String, Object>> prefetched = ahead.path("org.children")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		List<Map<String, Object>> loaded = loader.path("org.descendants")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(prefetched).hasSizeGreaterThan(5)
			.allSatisfy((child) -> assertThat((Integer) child.get("memberCount")).isPositive())
			.containsExactlyInAnyOrderElementsOf(loaded);
		assertThat(roundTrips(ahead)).isEqualTo(1);
		assertThat(roundTrips(loader)).isEqualTo(4);
		// The county's own counts, summed from its children's, equal the loader's count of its subtree.
		GraphQlTester.Response alone = this.graphQl
			.document("{ org(id: \"o-t-hbt\") { parent { memberCount fullMemberCount } } }")
			.execute();
		assertThat(alone.path("org.parent.memberCount").entity(Integer.class).get())
			.isEqualTo(ahead.path("org.memberCount").entity(Integer.class).get())
			.isEqualTo(5507);
		assertThat(alone.path("org.parent.fullMemberCount").entity(Integer.class).get())
			.isEqualTo(ahead.path("org.fullMemberCount").entity(Integer.class).get());
	}

	@Test
	void theOrgsATownshipCoManagesAreOneStatementAndTheTownshipsCoManages() {
		GraphQlTester.Response search = this.graphQl.document("""
				{ orgs(filter: {coManagedBy: "o-t-hbt"}, sort: {field: ID}, first: 100) {
				    totalCount edges { node { id memberCount fullMemberCount coManagers { id } } } } }""")
			.extension("debug", true)
			.execute();
		assertThat(roundTrips(search)).isEqualTo(1);
		List<String> ids = search.path("orgs.edges[*].node.id").entityList(String.class).get();
		// The inverse field, read through its own loader statement.
		List<String> coManages = this.graphQl.document("{ org(id: \"o-t-hbt\") { coManages { id } } }")
			.execute()
			.path("org.coManages[*].id")
			.entityList(String.class)
			.get();
		assertThat(ids).isNotEmpty().containsExactlyInAnyOrderElementsOf(coManages).isSorted();
		assertThat(search.path("orgs.totalCount").entity(Integer.class).get()).isEqualTo(ids.size());
		assertThat(search.path("orgs.edges[*].node.coManagers[*].id").entityList(String.class).get())
			.contains("o-t-hbt");
	}

	@Test
	void aTownshipsDualManagementIsOneStatementAndAgreesWithTheLoaders() {
		GraphQlTester.Response search = this.graphQl.document("""
				{ orgs(filter: {township: "o-t-hbt", hasCoManager: true}, sort: {field: ID}, first: 100) {
				    totalCount edges { node { id memberCount fullMemberCount coManagers { id name } } } } }""")
			.extension("debug", true)
			.execute();
		assertThat(roundTrips(search)).isEqualTo(1);
		List<Map<String, Object>> found = search.path("orgs.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(found).isNotEmpty();
		for (Map<String, Object> org : found) {
			// The same fields through org(id) and the loaders' own statements.
			Map<String, Object> alone = this.graphQl
				.document("query($id: ID!) { org(id: $id) { id memberCount fullMemberCount coManagers { id name } } }")
				.variable("id", org.get("id"))
				.execute()
				.path("org")
				.entity(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			assertThat(org).isEqualTo(alone);
			assertThat((List<?>) org.get("coManagers")).isNotEmpty();
		}
	}

	@SuppressWarnings("unchecked")
	private static Object roundTrips(GraphQlTester.Response response) {
		return ((Map<String, Object>) response.returnResponse().getExtensions().get("debug")).get("databaseRoundTrips");
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
