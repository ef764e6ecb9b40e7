package org.partygraph.queries.pattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.read.StatementListener;
import org.partygraph.queries.structure.Structure;
import org.partygraph.seed.HuairenCounty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PatternFigures} (in memory, on a {@link Structure}) against {@link PatternQueries#summary}
 * (Cypher, on the stored graph): for each within org, the structure is the what-if engine's working
 * copy, {@link DatasetExporter#snapshot} of that org (every org and unit, only the subtree's members
 * and office holders), and the figures must be the same metric by metric. Each nested class imports
 * its own dataset, as other test classes in the same JVM clear the database.
 */
class PatternFiguresIT {

	private static final Driver driver = TestNeo4j.driver();

	private final PatternQueries patterns = new PatternQueries(driver, StatementListener.NONE);

	private static void load(Dataset dataset) {
		TestNeo4j.clear();
		new DatasetImporter(driver).importDataset(dataset, ImportProgress.NONE);
	}

	/** All metrics as one map, key to value, in order. */
	private static Map<String, Double> flat(List<Metric> metrics) {
		Map<String, Double> figures = new LinkedHashMap<>();
		metrics.forEach((m) -> figures.put(m.key(), m.value()));
		return figures;
	}

	private static Map<String, Double> flatSummary(List<PatternSummary> summary) {
		Map<String, Double> figures = new LinkedHashMap<>();
		summary.forEach((s) -> s.metrics().forEach((m) -> figures.put(m.key(), m.value())));
		return figures;
	}

	private static List<String> contractKeys() {
		return PatternQueries.METRIC_KEYS.values().stream().flatMap(List::stream).toList();
	}

	/** In memory on the within org's snapshot, equal to the Cypher summary, metric by metric. */
	private void assertSameAsCypher(String within) {
		List<Metric> inMemory = PatternFigures.of(Structure.of(new DatasetExporter(driver).snapshot(within)), within);
		assertThat(inMemory).extracting(Metric::key).as("keys within %s", within).containsExactlyElementsOf(contractKeys());
		List<Metric> stored = this.patterns.summary(within).stream().flatMap((s) -> s.metrics().stream()).toList();
		assertThat(inMemory).as("within %s", within).containsExactlyElementsOf(stored);
	}

	@Test
	void metricsComeInTheContractsOrderAndTheSummaryGroupsThemByPattern() {
		Structure structure = Structure.of(TinyCounty.dataset());
		assertThat(PatternFigures.of(structure, null)).extracting(Metric::key).containsExactlyElementsOf(contractKeys());
		List<PatternSummary> summary = PatternFigures.summary(structure, "o-t1");
		assertThat(summary).extracting(PatternSummary::pattern).containsExactly(Pattern.values());
		assertThat(flatSummary(summary)).containsExactlyEntriesOf(flat(PatternFigures.of(structure, "o-t1")));
	}

	@Test
	void anUnknownWithinIsAllZeros() {
		assertThat(PatternFigures.of(Structure.of(TinyCounty.dataset()), "no-such-org")).hasSize(13)
			.allSatisfy((m) -> assertThat(m.value()).as(m.key()).isZero());
	}

	@Test
	void onTheWholeDatasetTheFiguresAreTheContractsDefinitionsInJava() {
		for (Dataset dataset : List.of(TinyCounty.dataset(), HuairenCounty.dataset())) {
			Structure structure = Structure.of(dataset);
			List<String> within = new ArrayList<>();
			within.add(null);
			dataset.orgs().forEach((o) -> within.add(o.id()));
			for (String id : within) {
				assertThat(flat(PatternFigures.of(structure, id))).as("%s within %s", dataset.name(), id)
					.containsExactlyEntriesOf(ContractFigures.of(dataset, id));
			}
		}
	}

	@Test
	void membersTheStructureDoesNotHoldDoNotCount() {
		Dataset tiny = TinyCounty.dataset();
		// m1 (o-e1, at u-b1 supplying u-e1) is not held; m4 (o-e2, at u-b2 supplying u-e2) still counts
		Dataset without = new Dataset(tiny.name(), tiny.units(), tiny.orgs(),
				tiny.members().stream().filter((m) -> !m.id().equals("m1")).toList());
		assertThat(flat(PatternFigures.of(Structure.of(tiny), null))).containsEntry("baseMembers", 2.0);
		assertThat(flat(PatternFigures.of(Structure.of(without), null))).containsEntry("baseMembers", 1.0);
	}

	/**
	 * A long locatedIn chain ending in a cycle, a parent chain ending in a cycle: the walks end, and
	 * the figures are those of the plain reading.
	 */
	@Test
	void longChainsAndCyclesEndTheWalks() {
		List<Unit> units = new ArrayList<>();
		int length = 3_000;
		units.add(Unit.of("u-0", UnitKind.TOWNSHIP, "鄉", "u-loop-b"));
		units.add(Unit.of("u-loop-a", UnitKind.TOWNSHIP, "環甲", "u-loop-b"));
		units.add(Unit.of("u-loop-b", UnitKind.TOWNSHIP, "環乙", "u-loop-a"));
		for (int i = 1; i <= length; i++) {
			UnitKind kind = (i % 3 == 0) ? UnitKind.COOPERATIVE : UnitKind.VILLAGE;
			units.add(new Unit("u-" + i, kind, "單位" + i, "u-" + (i - 1), null, null, null, i, null, i % 2 == 0));
		}
		List<Org> orgs = new ArrayList<>();
		orgs.add(Org.of("o-root", OrgKind.TOWNSHIP_COMMITTEE, "鄉黨委", null).withUnits(List.of("u-0", "u-loop-a")));
		orgs.add(Org.of("o-cyc-a", OrgKind.GENERAL_BRANCH, "環總支甲", "o-cyc-b").withUnits(List.of("u-12")));
		orgs.add(Org.of("o-cyc-b", OrgKind.GENERAL_BRANCH, "環總支乙", "o-cyc-a").withUnits(List.of("u-loop-b")));
		for (int i = 1; i <= length; i += 7) {
			orgs.add(new Org("o-" + i, (i % 2 == 0) ? OrgKind.GENERAL_BRANCH : OrgKind.BRANCH, "組織" + i,
					(i == 1) ? "o-root" : "o-" + (i - 7), List.of(), List.of("u-" + i), Trade.PLANTING, null));
		}
		List<Member> members = List.of(Member.of("m-1", "黨員", MemberStatus.FULL, "o-1"));
		Dataset chain = new Dataset("鏈", units, orgs, members);
		Structure structure = Structure.of(chain);
		for (String within : new String[] { null, "o-root", "o-1", "o-cyc-a", "o-cyc-b", "o-" + (1 + 7 * 200) }) {
			assertThat(flat(PatternFigures.of(structure, within))).as("within %s", within)
				.containsExactlyEntriesOf(ContractFigures.of(chain, within));
		}
		// the chain hangs below u-0, set up in by o-root; u-0 lies in the loop u-loop-b/u-loop-a, so
		// the whole chain is also in the scope of o-cyc-b, set up in u-loop-b
		assertThat(flat(PatternFigures.of(structure, "o-root"))).containsEntry("cooperatives", (double) (length / 3));
		assertThat(flat(PatternFigures.of(structure, "o-cyc-b"))).containsEntry("cooperatives", (double) (length / 3));
	}

	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class SampleCounty {

		private final Dataset county = HuairenCounty.dataset();

		@BeforeAll
		void importSampleCounty() {
			load(this.county);
		}

		@Test
		void countyFiguresAreTheReports() {
			Map<String, Double> expected = new LinkedHashMap<>();
			HuairenCounty.FIGURES.forEach((key, value) -> expected.put(key, value.doubleValue()));
			assertThat(flat(PatternFigures.of(Structure.of(this.county), null))).containsExactlyEntriesOf(expected);
			assertThat(flat(PatternFigures.of(Structure.of(new DatasetExporter(driver).snapshot(null)), null)))
				.containsExactlyEntriesOf(expected);
		}

		@Test
		void withinNothingEveryCommitteeEveryGeneralBranchAndSomeBranchesTheFiguresAreTheCyphers() {
			Set<String> within = new LinkedHashSet<>();
			within.add(null);
			for (Org org : this.county.orgs()) {
				if (org.kind() == OrgKind.COUNTY_COMMITTEE || org.kind() == OrgKind.TOWNSHIP_COMMITTEE
						|| org.kind() == OrgKind.WORKING_COMMITTEE || org.kind() == OrgKind.GENERAL_BRANCH) {
					within.add(org.id());
				}
			}
			String tradeBranch = this.county.orgs()
				.stream()
				.filter((o) -> HuairenCounty.XIAZHAI_GENERAL_BRANCH.equals(o.parent()) && o.trade() != null)
				.findFirst()
				.orElseThrow()
				.id();
			String cooperativeOrg = this.county.orgs()
				.stream()
				.filter((o) -> HuairenCounty.XIAZHAI_GENERAL_BRANCH.equals(o.parent()) && o.id().startsWith("o-c-"))
				.findFirst()
				.orElseThrow()
				.id();
			within.addAll(List.of(HuairenCounty.FIRST_ENTERPRISE_ORG + "-1", "o-p-hbt-2", "o-i-wjy",
					HuairenCounty.COUNTY_OFFICE_BRANCH, HuairenCounty.MIN_FULL_MEMBERS_BREAK, tradeBranch,
					cooperativeOrg, "no-such-org"));
			assertThat(within).hasSizeGreaterThan(20);
			within.forEach(PatternFiguresIT.this::assertSameAsCypher);
		}

	}

	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class HandBuiltCounty {

		@BeforeAll
		void importTinyCounty() {
			load(TinyCounty.dataset());
		}

		@Test
		void withinNothingAndEveryOrgTheFiguresAreTheCyphers() {
			List<String> within = new ArrayList<>();
			within.add(null);
			TinyCounty.dataset().orgs().forEach((o) -> within.add(o.id()));
			within.add("no-such-org");
			within.forEach(PatternFiguresIT.this::assertSameAsCypher);
		}

	}

}
