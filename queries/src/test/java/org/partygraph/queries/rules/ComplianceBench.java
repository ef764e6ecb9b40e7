package org.partygraph.queries.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.neo4j.driver.Driver;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.dataset.bulk.BulkImportSettings;
import org.partygraph.queries.dataset.bulk.BulkImporter;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.seed.SyntheticCounties;

/**
 * Not a test: {@code complianceIssues} kept current ({@link KeptCompliance}) against checked anew
 * ({@link ComplianceQueries}) on a generated province, in process against an embedded Neo4j over
 * Bolt (no HTTP, no GraphQL). Generates {@code counties} counties of {@code blocks} sample blocks
 * (default 120 and 3: about 2 million members), bulk-loads them, then times:
 * <ol>
 * <li>the first whole-province read of a new service (every county checked);</li>
 * <li>the whole province and one county read again, at 1 and 8 clients;</li>
 * <li>the whole province read right after a change in one county (that county checked again);</li>
 * <li>the same reads checked anew every time, as before the answers were kept.</li>
 * </ol>
 * Medians (p50) and maxima. Run (docs/benchmarks.md, "Compliance kept current"):
 *
 * <pre>
 * mvn -B -ntp -o -q test-compile dependency:build-classpath -pl graph-model,embedded-neo4j,seed-data,queries \
 *     -Dmdep.outputFile=/tmp/cp2.txt -Dmdep.includeScope=test
 * java -Xmx12g -cp queries/target/test-classes:queries/target/classes:graph-model/target/classes:\
 * seed-data/target/classes:embedded-neo4j/target/classes:$(cat /tmp/cp2.txt) \
 *     org.partygraph.queries.rules.ComplianceBench [counties] [blocks]
 * </pre>
 */
public final class ComplianceBench {

	private static final Set<Rule> ALL = EnumSet.allOf(Rule.class);

	private ComplianceBench() {
	}

	public static void main(String[] args) throws Exception {
		int counties = (args.length > 0) ? Integer.parseInt(args[0]) : 120;
		int blocks = (args.length > 1) ? Integer.parseInt(args[1]) : SyntheticCounties.DEFAULT_BLOCKS;
		Driver driver = TestNeo4j.driver();
		TestNeo4j.clear();
		Path file = Files.createTempFile("compliance-bench", ".json");
		long g0 = System.nanoTime();
		new SyntheticCounties(counties, blocks, 1).write(file, "基準省", (done, total, members) -> {
		});
		long g1 = System.nanoTime();
		new BulkImporter(driver, BulkImportSettings.DEFAULTS).importFile(file, ImportProgress.NONE);
		Files.delete(file);
		System.out.printf(Locale.ROOT, "%d counties of %d blocks: generated in %.0f s, loaded in %.0f s%n", counties,
				blocks, (g1 - g0) / 1e9, (System.nanoTime() - g1) / 1e9);
		DatasetExporter exporter = new DatasetExporter(driver);
		ComplianceQueries anew = new ComplianceQueries(exporter, new RuleChecker(RuleThresholds.DEFAULTS),
				PatternFigures::of);
		KeptCompliance kept = new KeptCompliance(driver, anew, Duration.ofSeconds(10));
		String county = SyntheticCounties.countyCommittee(0);
		OrgChanges changes = new OrgChanges(driver);

		long t0 = System.nanoTime();
		int issues = kept.issues(null, ALL).size();
		System.out.printf(Locale.ROOT, "first whole read (every county checked): %.0f ms, %d issues, %d trees%n",
				(System.nanoTime() - t0) / 1e6, issues, kept.treesChecked());
		row("kept: whole province", 1, times(15, 1, () -> kept.issues(null, ALL)));
		row("kept: whole province", 8, times(3, 8, () -> kept.issues(null, ALL)));
		row("kept: one county", 1, times(50, 1, () -> kept.issues(county, ALL)));
		row("kept: one county", 8, times(20, 8, () -> kept.issues(county, ALL)));
		String township = SyntheticCounties.id(0, 0, "o-t-hbt");
		int[] n = { 0 };
		long checkedBefore = kept.treesChecked();
		row("kept: whole province after a change in one county", 1, times(7, 1, () -> {
			changes.renameOrg(township, "基準鄉黨委" + (n[0]++));
			long c0 = System.nanoTime();
			kept.issues(null, ALL);
			return (System.nanoTime() - c0) / 1e6;
		}));
		System.out.printf(Locale.ROOT, "  (counties checked again over those 7 reads: %d)%n",
				kept.treesChecked() - checkedBefore);
		row("kept: one county after a change in it", 1, times(7, 1, () -> {
			changes.renameOrg(township, "基準鄉黨委" + (n[0]++));
			long c0 = System.nanoTime();
			kept.issues(county, ALL);
			return (System.nanoTime() - c0) / 1e6;
		}));
		row("anew: one county", 1, times(7, 1, () -> anew.issues(county, ALL)));
		row("anew: whole province", 1, times((counties > 20) ? 1 : 5, 1, () -> anew.issues(null, ALL)));
		System.exit(0);
	}

	/**
	 * Each of {@code clients} threads calls {@code call} {@code perClient} times; the time of each call
	 * in ms (or the ms the call returns itself, when it returns a Double).
	 */
	private static List<Double> times(int perClient, int clients, Supplier<?> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<List<Double>>> runs = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				runs.add(pool.submit(() -> {
					List<Double> ms = new ArrayList<>();
					for (int i = 0; i < perClient; i++) {
						long t = System.nanoTime();
						Object result = call.get();
						ms.add((result instanceof Double own) ? own : (System.nanoTime() - t) / 1e6);
					}
					return ms;
				}));
			}
			List<Double> all = new ArrayList<>();
			for (Future<List<Double>> run : runs) {
				all.addAll(run.get());
			}
			return all;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void row(String what, int clients, List<Double> ms) {
		List<Double> sorted = new ArrayList<>(ms);
		Collections.sort(sorted);
		double p50 = (sorted.size() % 2 == 1) ? sorted.get(sorted.size() / 2)
				: (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
		System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f |%n", what, clients, sorted.size(), p50,
				sorted.get(sorted.size() - 1));
	}

}
