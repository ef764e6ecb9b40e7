package org.partygraph.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.api.graphql.CompiledFields;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #21: the lifecycle fields of an org ({@code firstSecretaries}, {@code pipeline},
 * {@code flowingIn}, {@code membersAway}) asked on a list of orgs are read for the whole list at
 * once, one statement (pipeline: two) per field and arguments, not one per org, and so are the
 * object fields of their items (a dispatch's member, village and sender; an away's member, home and
 * host); and each org's batched answer is the one it gets when asked alone, for any {@code asOf}
 * and {@code subtree} mixed in one request, for an unscoped caller and a scoped one.
 */
class LifecycleBatchIT extends ServiceTestBase {

	/** A day in the sample county's past with dispatches, times away and candidates running. */
	static final String PAST = "2025-06-30";

	static final String COUNTS = "applicants activists developmentTargets probationers total";

	static final String FIELDS = """
			id
			firstSecretaries { from to current member { id } village { id } by { id } }
			pastSecretaries: firstSecretaries(asOf: "%1$s") { from to member { id } village { id } }
			pipeline { %2$s }
			own: pipeline(subtree: false) { %2$s }
			pastPipeline: pipeline(asOf: "%1$s") { %2$s }
			pastOwn: pipeline(asOf: "%1$s", subtree: false) { %2$s }
			flowingIn { from to current member { id } home { id } at { id } }
			pastIn: flowingIn(asOf: "%1$s") { from to member { id } home { id } at { id } }
			membersAway { from to current member { id } home { id } at { id } }
			pastAway: membersAway(asOf: "%1$s") { from to member { id } home { id } at { id } }
			""".formatted(PAST, COUNTS);

	@Autowired
	CompiledFields compiled;

	/** The list fields of FIELDS, whose items have object fields of their own (batched too). */
	static final List<String> LISTS = List.of("firstSecretaries", "pastSecretaries", "flowingIn", "pastIn",
			"membersAway", "pastAway");

	@Test
	void statementsDoNotGrowWithTheNumberOfOrgs() {
		// A few orgs that between them have an item in each list, and 100 orgs holding them and more.
		List<Map<String, Object>> county = nodes(this.graphQl, "within: \"o-county\"");
		List<Map<String, Object>> orgs = new ArrayList<>(nodes(this.graphQl, "within: \"o-t-hbt\""));
		orgs.addAll(county);
		List<String> few = new ArrayList<>();
		for (String list : LISTS) {
			orgs.stream()
				.filter((org) -> !((List<?>) org.get(list)).isEmpty())
				.map((org) -> (String) org.get("id"))
				.findFirst()
				.ifPresent((id) -> {
					if (!few.contains(id)) {
						few.add(id);
					}
				});
		}
		assertThat(few).isNotEmpty().hasSizeLessThan(10);
		List<String> many = new ArrayList<>(few);
		for (Map<String, Object> org : county) {
			if (many.size() < 100 && !many.contains(org.get("id"))) {
				many.add((String) org.get("id"));
			}
		}
		assertThat(many).hasSize(100);
		for (boolean compiledReads : new boolean[] { true, false }) {
			boolean before = this.compiled.enabled();
			this.compiled.enabled(compiledReads);
			try {
				// Warm: a past day's structure is cached after its first read.
				roundTrips(many);
				int fewTrips = roundTrips(few);
				int manyTrips = roundTrips(many);
				assertThat(manyTrips).as("compiled reads " + compiledReads).isEqualTo(fewTrips);
				// The list; per field and arguments one statement (a pipeline two: candidates and
				// probationers; the past one reads the day's structure, cached here); one per object
				// field of the items (Dispatch and Away): whatever the number of orgs.
				assertThat(manyTrips).as("compiled reads " + compiledReads).isLessThanOrEqualTo(30);
			}
			finally {
				this.compiled.enabled(before);
			}
		}
	}

	private int roundTrips(List<String> ids) {
		GraphQlTester.Response response = this.graphQl
			.document("query($ids: [ID!]) { orgs(filter: {ids: $ids}, sort: {field: ID}, first: 100) { edges { node { "
					+ FIELDS + " } } } }")
			.variable("ids", ids)
			.extension("debug", true)
			.execute();
		response.path("orgs.edges").entityList(Object.class).hasSize(ids.size());
		@SuppressWarnings("unchecked")
		Map<String, Object> debug = (Map<String, Object>) response.returnResponse().getExtensions().get("debug");
		return (Integer) debug.get("databaseRoundTrips");
	}

	/** The first 100 orgs of the filter, by id, with FIELDS. */
	private static List<Map<String, Object>> nodes(HttpGraphQlTester tester, String filter) {
		return tester
			.document("{ orgs(filter: {" + filter + "}, sort: {field: ID}, first: 100) { edges { node { " + FIELDS
					+ " } } } }")
			.execute()
			.path("orgs.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	@Test
	void batchedAnswersAreTheAnswersOfEachOrgAlone() {
		List<Map<String, Object>> checked = new ArrayList<>(sameAlone(this.graphQl, "within: \"o-t-hbt\"", "o-v-xz"));
		checked.addAll(sameAlone(this.graphQl, "ids: [\"o-county\", \"o-npe\", \"o-e-01\", \"o-t-hbt\", \"o-v-xz\"]",
				"o-county"));
		// The sample's answers are not all empty: the comparison compared something.
		assertThat(checked).anySatisfy((org) -> assertThat((List<?>) org.get("firstSecretaries")).isNotEmpty());
		assertThat(checked).anySatisfy((org) -> assertThat((List<?>) org.get("pastSecretaries")).isNotEmpty());
		assertThat(checked).anySatisfy((org) -> assertThat((List<?>) org.get("flowingIn")).isNotEmpty());
		assertThat(checked).anySatisfy((org) -> assertThat((List<?>) org.get("membersAway")).isNotEmpty());
		assertThat(checked).anySatisfy((org) -> assertThat((List<?>) org.get("pastAway")).isNotEmpty());
		assertThat(checked).anySatisfy((org) -> assertThat(org.get("pastPipeline")).isNotEqualTo(org.get("pipeline")));
		assertThat(checked).anySatisfy((org) -> assertThat(org.get("own")).isNotEqualTo(org.get("pipeline")));
	}

	@Test
	void batchedAnswersOfAScopedCallerAreItsAnswersAlone() {
		HttpGraphQlTester hbt = TestApp.tester(this.port, "hbt-analyst", TestApp.USER_PASSWORD);
		List<Map<String, Object>> checked = sameAlone(hbt, "within: \"o-t-hbt\"", "o-t-hbt");
		assertThat(checked).anySatisfy((org) -> assertThat((List<?>) org.get("membersAway")).isNotEmpty());
		assertThat(checked).hasSizeGreaterThan(5).extracting((org) -> org.get("id")).contains("o-t-hbt");
	}

	@Test
	void aViewerIsRefusedEachField() {
		TestApp.tester(this.port, "viewer", TestApp.USER_PASSWORD)
			.document("{ orgs(filter: {within: \"o-t-hbt\"}, sort: {field: ID}, first: 3) { edges { node { id "
					+ "firstSecretaries { from } pipeline { total } flowingIn { from } membersAway { from } } } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).hasSize(3 * 4)
				.allSatisfy((e) -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
	}

	/**
	 * The orgs of the filter (by id, the first 100) with every lifecycle field; the first five, the
	 * one named {@code must} and up to 20 more with something to show are compared with the org
	 * asked alone. Answers the orgs compared.
	 */
	private List<Map<String, Object>> sameAlone(HttpGraphQlTester tester, String filter, String must) {
		List<Map<String, Object>> orgs = nodes(tester, filter);
		assertThat(orgs).hasSizeGreaterThanOrEqualTo(5);
		List<Map<String, Object>> checked = new ArrayList<>();
		for (Map<String, Object> org : orgs) {
			boolean interesting = LISTS.stream().anyMatch((list) -> !((List<?>) org.get(list)).isEmpty());
			if (checked.size() < 5 || org.get("id").equals(must) || (interesting && checked.size() < 25)) {
				checked.add(org);
			}
		}
		for (Map<String, Object> org : checked) {
			Map<String, Object> alone = tester.document("{ org(id: \"" + org.get("id") + "\") { " + FIELDS + " } }")
				.execute()
				.path("org")
				.entity(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			assertThat(org).as((String) org.get("id")).isEqualTo(alone);
		}
		return checked;
	}

}
