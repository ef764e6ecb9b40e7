package org.partygraph.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.partygraph.seed.HuairenCounty;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code asOf} on patternSummary, statistics, complianceIssues and orgChart over HTTP: as of today
 * they answer, from the structure rebuilt in memory, exactly what today's reads answer from the
 * stored graph (on the sample county, whole and within a township); before anything existed they
 * are empty; a day out of range is an error naming asOf. The past itself is proven against real
 * changes by the queries module's {@code PastStructureIT}.
 */
class AsOfApiIT extends ServiceTestBase {

	@Autowired
	Driver driver;

	private static final String SUMMARY = """
			query($within: ID, $asOf: Date) { patternSummary(within: $within, asOf: $asOf) {
			  pattern name metrics { key value } } }""";

	private static final String STATISTICS = """
			query($within: ID, $asOf: Date) { statistics(within: $within, asOf: $asOf) {
			  orgs members depth orgsByKind { key count } membersByStatus { key count }
			  membersByTrade { key count } membersByTownship { key count }
			  levels { level orgs minSpan avgSpan maxSpan } } }""";

	private static final String ISSUES = """
			query($within: ID, $asOf: Date) { complianceIssues(within: $within, asOf: $asOf) {
			  rule severity orgId message messageZh actual threshold suggestion } }""";

	private static final String CHART = """
			query($root: ID!, $depth: Int, $asOf: Date) { orgChart(root: $root, depth: $depth, asOf: $asOf) {
			  nodes { id label kind unit memberCount fullMemberCount depth parent childCount external }
			  edges { source target kind } } }""";

	@Test
	void asOfTodayAnswersWhatTodaysReadsAnswer() {
		String today = LocalDate.now().toString();
		for (String within : new String[] { HuairenCounty.COUNTY_COMMITTEE, HuairenCounty.HAIBEITOU_COMMITTEE, null }) {
			assertThat(read(SUMMARY, within, today, "patternSummary")).as("patternSummary within " + within)
				.isEqualTo(read(SUMMARY, within, null, "patternSummary"));
			assertThat(read(STATISTICS, within, today, "statistics")).as("statistics within " + within)
				.isEqualTo(read(STATISTICS, within, null, "statistics"));
			assertThat(read(ISSUES, within, today, "complianceIssues")).as("complianceIssues within " + within)
				.isEqualTo(read(ISSUES, within, null, "complianceIssues"));
		}
		for (Integer depth : new Integer[] { null, 1, 2 }) {
			for (String root : new String[] { HuairenCounty.COUNTY_COMMITTEE, HuairenCounty.HAIBEITOU_COMMITTEE }) {
				assertThat(chart(root, depth, today)).as("orgChart of " + root + " to depth " + depth)
					.isEqualTo(chart(root, depth, null));
			}
		}
		// The answers are not trivially empty.
		assertThat((List<?>) read(ISSUES, HuairenCounty.COUNTY_COMMITTEE, today, "complianceIssues")).isNotEmpty();
		assertThat(((Map<?, ?>) read(STATISTICS, HuairenCounty.COUNTY_COMMITTEE, today, "statistics")).get("members"))
			.isNotEqualTo(0);
	}

	@Test
	void beforeAnythingExistedTheAnswersAreEmpty() {
		String early = "1990-01-01";
		assertThat((List<Map<String, Object>>) read(SUMMARY, HuairenCounty.COUNTY_COMMITTEE, early, "patternSummary"))
			.hasSize(4)
			.allSatisfy((p) -> assertThat((List<Map<String, Object>>) p.get("metrics"))
				.allSatisfy((m) -> assertThat(((Number) m.get("value")).doubleValue()).isZero()));
		assertThat((Map<String, Object>) read(STATISTICS, HuairenCounty.COUNTY_COMMITTEE, early, "statistics"))
			.containsEntry("orgs", 0)
			.containsEntry("members", 0);
		assertThat((List<?>) read(ISSUES, null, early, "complianceIssues")).isEmpty();
		assertThat(chart(HuairenCounty.COUNTY_COMMITTEE, null, early)).isEqualTo(List.of(List.of(), List.of()));
	}

	@Test
	void aDayOutOfRangeIsAnErrorNamingAsOf() {
		String tomorrow = LocalDate.now().plusDays(2).toString();
		for (String day : new String[] { "1921-06-30", tomorrow }) {
			for (String document : new String[] { SUMMARY, STATISTICS, ISSUES }) {
				GraphQlTester.Response response = this.graphQl.document(document)
					.variable("within", HuairenCounty.COUNTY_COMMITTEE)
					.variable("asOf", day)
					.execute();
				response.errors()
					.satisfy((errors) -> assertThat(errors).singleElement()
						.satisfies((e) -> assertThat(e.getMessage()).as(document).startsWith("asOf: ").contains(day)));
			}
			this.graphQl.document(CHART)
				.variable("root", HuairenCounty.COUNTY_COMMITTEE)
				.variable("asOf", day)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((e) -> assertThat(e.getMessage()).startsWith("asOf: ")));
		}
	}

	/**
	 * A county of four orgs imported 30 days ago; 10 days ago its branch moved from one township to
	 * the other. As of 20 days ago the branch and its member were under the first township, for an
	 * unscoped reader; a reader scoped to the first township does not see the branch, which lies
	 * outside their scope today; one scoped to the second does not see it either (it was not there).
	 */
	@Test
	void thePastIsReadAndAScopedCallerSeesNoMoreThanToday() {
		LocalDate today = testCounty();
		String past = today.minusDays(20).toString();
		assertThat(counts(this.graphQl, "ao-t1", past)).isEqualTo(List.of(2, 2));
		assertThat(counts(this.graphQl, "ao-t1", null)).isEqualTo(List.of(1, 1));
		assertThat(counts(this.graphQl, "ao-t2", past)).isEqualTo(List.of(1, 0));
		assertThat(counts(this.graphQl, "ao-t2", null)).isEqualTo(List.of(2, 1));
		assertThat(chartIds(this.graphQl, "ao-t1", past)).containsExactly("ao-t1", "ao-b1");
		// Before the import nothing existed.
		assertThat(counts(this.graphQl, "ao-t1", today.minusDays(31).toString())).isEqualTo(List.of(0, 0));

		HttpGraphQlTester first = scoped("ao-t1");
		assertThat(counts(first, null, past)).as("the branch lies outside the scope today").isEqualTo(List.of(1, 1));
		assertThat(chartIds(first, "ao-t1", past)).containsExactly("ao-t1");
		HttpGraphQlTester second = scoped("ao-t2");
		assertThat(counts(second, null, past)).isEqualTo(List.of(1, 0));
		assertThat(counts(second, null, null)).isEqualTo(List.of(2, 1));
	}

	private static final String COMPARE = """
			query($within: ID!, $from: Date!, $to: Date!) { compareDays(within: $within, from: $from, to: $to) {
			  membersMoved orgsCreated orgsDissolved changes markdown
			  orgChanges { orgId parent parentBefore moved created dissolved memberCount memberCountBefore } } }""";

	/**
	 * compareDays on the test county: the move between the two days is the one org change, and the
	 * one event; from before the import every org is created; the days out of order and a VIEWER are
	 * refused.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void compareDaysReportsWhatChangedBetweenTwoDays() {
		LocalDate today = testCounty();
		Map<String, Object> report = this.graphQl.document(COMPARE)
			.variable("within", "ao-county")
			.variable("from", today.minusDays(20).toString())
			.variable("to", today.toString())
			.execute()
			.path("compareDays")
			.entity(Map.class)
			.get();
		// The branch moved; each township's subtree count changed with it (its member went along).
		List<Map<String, Object>> orgChanges = (List<Map<String, Object>>) report.get("orgChanges");
		assertThat(orgChanges).filteredOn((c) -> (Boolean) c.get("moved")).singleElement().satisfies((c) -> {
			assertThat(c).containsEntry("orgId", "ao-b1").containsEntry("parentBefore", "ao-t1")
				.containsEntry("parent", "ao-t2").containsEntry("created", false).containsEntry("dissolved", false);
		});
		assertThat(orgChanges).extracting((c) -> c.get("orgId") + " " + c.get("memberCountBefore") + "→" + c.get("memberCount"))
			.containsExactlyInAnyOrder("ao-b1 1→1", "ao-t1 2→1", "ao-t2 0→1");
		assertThat((List<String>) report.get("changes")).singleElement().asString()
			.startsWith(today.minusDays(10) + " MOVED: ");
		assertThat(report.get("membersMoved")).isEqualTo(0);
		assertThat((String) report.get("markdown")).startsWith("# From " + today.minusDays(20) + " to " + today)
			.contains("ao-b1");
		// From before the import: all four orgs created.
		Map<String, Object> fromNothing = this.graphQl.document(COMPARE)
			.variable("within", "ao-county")
			.variable("from", today.minusDays(31).toString())
			.variable("to", today.minusDays(20).toString())
			.execute()
			.path("compareDays")
			.entity(Map.class)
			.get();
		assertThat((List<String>) fromNothing.get("orgsCreated")).containsExactlyInAnyOrder("ao-county", "ao-t1",
				"ao-t2", "ao-b1");
		this.graphQl.document(COMPARE)
			.variable("within", "ao-county")
			.variable("from", today.toString())
			.variable("to", today.minusDays(1).toString())
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).startsWith("to: ")));
		TestApp.tester(this.port, "viewer", TestApp.USER_PASSWORD)
			.document(COMPARE)
			.variable("within", "ao-county")
			.variable("from", today.minusDays(20).toString())
			.variable("to", today.toString())
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
	}

	/** The test county of the class ({@link MovedBranchCounty}, ids ao-…); today. */
	private LocalDate testCounty() {
		return MovedBranchCounty.ensure(this.importer, this.exporter, this.graphQl, "asOf測試", "ao", "試");
	}

	/** The shared service's other tests count everything: the test county leaves nothing behind. */
	@AfterAll
	void removeTheTestCounty() {
		MovedBranchCounty.remove(this.driver, "asOf測試", "ao");
	}

	private HttpGraphQlTester scoped(String scope) {
		return TestApp.tester(this.port, "Bearer " + TestJwt.token("asof-" + scope,
				Map.of("party_graph_role", "VIEWER", "party_graph_scope", scope, "name", "Scoped Viewer")));
	}

	/** statistics' orgs and members. */
	private static List<Integer> counts(HttpGraphQlTester tester, String within, String asOf) {
		GraphQlTester.Response response = tester.document(STATISTICS)
			.variable("within", within)
			.variable("asOf", asOf)
			.execute();
		response.errors().verify();
		return List.of(response.path("statistics.orgs").entity(Integer.class).get(),
				response.path("statistics.members").entity(Integer.class).get());
	}

	private static List<String> chartIds(HttpGraphQlTester tester, String root, String asOf) {
		GraphQlTester.Response response = tester.document(CHART).variable("root", root).variable("asOf", asOf).execute();
		response.errors().verify();
		return response.path("orgChart.nodes[*].id").entityList(String.class).get();
	}

	private Object read(String document, String within, String asOf, String field) {
		GraphQlTester.Response response = this.graphQl.document(document)
			.variable("within", within)
			.variable("asOf", asOf)
			.execute();
		response.errors().verify();
		return response.path(field).entity(Object.class).get();
	}

	/** Nodes by id and edges sorted: the order of co-managers and units among equals is the store's. */
	@SuppressWarnings("unchecked")
	private List<List<String>> chart(String root, Integer depth, String asOf) {
		GraphQlTester.Response response = this.graphQl.document(CHART)
			.variable("root", root)
			.variable("depth", depth)
			.variable("asOf", asOf)
			.execute();
		response.errors().verify();
		Map<String, Object> chart = response.path("orgChart").entity(Map.class).get();
		List<String> nodes = new ArrayList<>();
		((List<Map<String, Object>>) chart.get("nodes")).forEach((n) -> nodes.add(n.toString()));
		List<Map<String, Object>> orgs = ((List<Map<String, Object>>) chart.get("nodes")).stream()
			.filter((n) -> !(Boolean) n.get("unit") && !(Boolean) n.get("external"))
			.toList();
		// The drawn orgs keep their order (depth, then name order); the rest is compared as a set.
		List<String> edges = new ArrayList<>();
		((List<Map<String, Object>>) chart.get("edges")).forEach((e) -> edges.add(e.toString()));
		nodes.sort(Comparator.naturalOrder());
		edges.sort(Comparator.naturalOrder());
		List<String> ordered = new ArrayList<>(orgs.stream().map((n) -> (String) n.get("id")).toList());
		nodes.addAll(0, ordered);
		return (nodes.isEmpty() && edges.isEmpty()) ? List.of(List.of(), List.of()) : List.of(nodes, edges);
	}

}
