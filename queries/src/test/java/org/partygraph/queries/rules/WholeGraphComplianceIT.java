package org.partygraph.queries.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.dataset.bulk.BulkImportSettings;
import org.partygraph.queries.dataset.bulk.BulkImporter;
import org.partygraph.queries.limits.TimeBudget;
import org.partygraph.queries.limits.TimeBudgetExceededException;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.structure.Structure;
import org.partygraph.seed.SyntheticCounties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A check of the whole graph, with several counties (separate trees): checked a few trees at a time
 * on their own threads, it finds exactly what one check of the whole graph in memory finds, in the
 * same order as tree by tree on one thread.
 */
class WholeGraphComplianceIT {

	private static final int COUNTIES = 4;

	private final DatasetExporter exporter = new DatasetExporter(TestNeo4j.driver());

	private final RuleChecker checker = new RuleChecker(RuleThresholds.DEFAULTS);

	@BeforeAll
	static void loadCounties(@TempDir Path dir) throws IOException {
		TestNeo4j.clear();
		Path file = dir.resolve("counties.json");
		new SyntheticCounties(COUNTIES, 1, 7).write(file, "四縣", (done, total, members) -> {
		});
		new BulkImporter(TestNeo4j.driver(), BulkImportSettings.DEFAULTS).importFile(file, ImportProgress.NONE);
	}

	@AfterAll
	static void clear() {
		TestNeo4j.clear();
	}

	@Test
	void treesCheckedInParallelFindWhatOneWholeGraphCheckFinds() {
		List<String> roots = this.exporter.roots();
		assertThat(roots).hasSize(COUNTIES);
		List<ComplianceIssue> serial = compliance(1).issues(null, EnumSet.noneOf(Rule.class));
		List<ComplianceIssue> parallel = compliance(3).issues(null, EnumSet.noneOf(Rule.class));

		// every county has the sample's planted rule breaks
		assertThat(serial).hasSizeGreaterThanOrEqualTo(COUNTIES * 4);
		assertThat(parallel).containsExactlyElementsOf(serial);
		List<ComplianceIssue> inMemory = this.checker.check(Structure.of(this.exporter.snapshot(null)), null,
				EnumSet.noneOf(Rule.class));
		assertThat(parallel).containsExactlyInAnyOrderElementsOf(inMemory);
		// tree by tree, in the roots' order
		List<ComplianceIssue> byTree = roots.stream()
			.flatMap((root) -> compliance(1).issues(root, EnumSet.noneOf(Rule.class)).stream())
			.toList();
		assertThat(parallel).containsExactlyElementsOf(byTree);
	}

	@Test
	void underATimeBudgetTheTreesAreCheckedOnTheCallersThread() {
		ComplianceQueries parallel = compliance(3);
		List<ComplianceIssue> serial = compliance(1).issues(null, EnumSet.noneOf(Rule.class));
		assertThat(new TimeBudget("what-if", Duration.ofMinutes(5), "budget")
			.run(() -> parallel.issues(null, EnumSet.noneOf(Rule.class)))).containsExactlyElementsOf(serial);
		// a spent budget is seen by the check's checkpoint: only on the thread that holds it
		assertThatExceptionOfType(TimeBudgetExceededException.class)
			.isThrownBy(() -> new TimeBudget("what-if", Duration.ofNanos(1), "budget")
				.run(() -> parallel.issues(null, EnumSet.noneOf(Rule.class))));
	}

	/**
	 * The term rules ride on the same one read per tree (electedOn is a property of the org the
	 * snapshot holds): on 2026-12-06 every county has the sample's 5 expired and 4 ending terms
	 * (HuairenCounty.TERMS_EXPIRED, TERMS_ENDING), whether checked tree by tree or in one go.
	 */
	@Test
	void theTermRulesAreCheckedInTheSamePass() {
		Terms on20261206 = new Terms(Terms.defaultYears(), java.time.Clock.fixed(
				java.time.Instant.parse("2026-12-06T04:00:00Z"), java.time.ZoneId.of("Asia/Shanghai")));
		RuleChecker dated = new RuleChecker(RuleThresholds.DEFAULTS, on20261206);
		List<ComplianceIssue> issues = new ComplianceQueries(this.exporter, dated, PatternFigures::of, 3).issues(null,
				EnumSet.of(Rule.TERM_EXPIRED, Rule.TERM_ENDING));
		assertThat(issues.stream().filter((i) -> i.rule() == Rule.TERM_EXPIRED).count())
			.isEqualTo(COUNTIES * org.partygraph.seed.HuairenCounty.TERMS_EXPIRED.size());
		assertThat(issues.stream().filter((i) -> i.rule() == Rule.TERM_ENDING).count())
			.isEqualTo(COUNTIES * org.partygraph.seed.HuairenCounty.TERMS_ENDING.size());
		assertThat(issues).containsExactlyInAnyOrderElementsOf(dated.check(Structure.of(this.exporter.snapshot(null)),
				null, EnumSet.of(Rule.TERM_EXPIRED, Rule.TERM_ENDING)));
		// PROBATION_OVERDUE in the same pass: as many overdue probationers as the stored members hold
		// (probationSince + 12 months, or an extension's end, before the day), in as many orgs.
		List<ComplianceIssue> probations = new ComplianceQueries(this.exporter, dated, PatternFigures::of, 3)
			.issues(null, EnumSet.of(Rule.PROBATION_OVERDUE));
		java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 6);
		List<org.partygraph.model.Member> overdue = this.exporter.snapshot(null)
			.members()
			.stream()
			.filter((m) -> m.probationEndsOn(12) != null && m.probationEndsOn(12).isBefore(day))
			.toList();
		assertThat(overdue).hasSizeGreaterThan(COUNTIES);
		assertThat(probations.stream().mapToInt(ComplianceIssue::actual).sum()).isEqualTo(overdue.size());
		assertThat(probations).extracting(ComplianceIssue::orgId)
			.containsExactlyInAnyOrderElementsOf(overdue.stream().map(org.partygraph.model.Member::org).distinct().toList());
		// Every org but party groups has a term in the sample: a year later far more have ended.
		Terms later = on20261206.withClock(java.time.Clock.fixed(java.time.Instant.parse("2028-12-31T04:00:00Z"),
				java.time.ZoneId.of("Asia/Shanghai")));
		assertThat(new ComplianceQueries(this.exporter, new RuleChecker(RuleThresholds.DEFAULTS, later),
				PatternFigures::of, 3).issues(null, EnumSet.of(Rule.TERM_EXPIRED)))
			.hasSizeGreaterThan(issues.size());
	}

	private ComplianceQueries compliance(int parallelism) {
		return new ComplianceQueries(this.exporter, this.checker, PatternFigures::of, parallelism);
	}

}
