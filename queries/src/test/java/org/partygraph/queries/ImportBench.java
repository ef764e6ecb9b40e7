package org.partygraph.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.partygraph.model.Dataset;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.seed.HuairenCounty;

/**
 * Not a test: how long the one-transaction import ({@link DatasetImporter}) of the sample county takes,
 * in process against an embedded Neo4j over Bolt, in the three situations a service meets it:
 * <ul>
 * <li><b>first</b>: the first import into a fresh store, in a fresh JVM (a service's start);</li>
 * <li><b>into an empty store</b>: after every dataset was deleted and committed;</li>
 * <li><b>replacing</b>: over an earlier import of the same dataset, which the import deletes and
 * makes again in its one transaction (the {@code importDataset} mutation, the tests' restores).</li>
 * </ul>
 * The last two alternate, {@value #RUNS} of each after {@value #WARM_UP} of each to warm up; medians
 * and the replacing/empty ratio are printed. Run (docs/benchmarks.md):
 *
 * <pre>
 * mvn -B -ntp -o -q test-compile dependency:build-classpath -pl queries -am \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp queries/target/test-classes:queries/target/classes:$(cat /tmp/cp.txt) \
 *     org.partygraph.queries.ImportBench
 * </pre>
 */
public final class ImportBench {

	private static final int RUNS = 7;

	private static final int WARM_UP = 2;

	private ImportBench() {
	}

	public static void main(String[] args) {
		Dataset sample = HuairenCounty.dataset();
		DatasetImporter importer = new DatasetImporter(TestNeo4j.driver());
		double first = time(importer, sample);
		List<Double> empty = new ArrayList<>();
		List<Double> replacing = new ArrayList<>();
		for (int run = 0; run < WARM_UP + RUNS; run++) {
			TestNeo4j.clear();
			double intoEmpty = time(importer, sample);
			double replace = time(importer, sample);
			System.out.printf(Locale.ROOT, "run %d: into an empty store %.0f ms, replacing %.0f ms%n", run + 1,
					intoEmpty, replace);
			if (run >= WARM_UP) {
				empty.add(intoEmpty);
				replacing.add(replace);
			}
		}
		System.out.printf(Locale.ROOT,
				"sample county (%d units, %d orgs, %d members, %d candidates): first %.0f ms; into an empty store p50 %.0f ms,"
						+ " replacing p50 %.0f ms (replacing/empty %.2f); %d runs each after %d warm-up%n",
				sample.units().size(), sample.orgs().size(), sample.members().size(), sample.candidates().size(), first,
				median(empty), median(replacing), median(replacing) / median(empty), RUNS, WARM_UP);
		System.exit(0);
	}

	private static double time(DatasetImporter importer, Dataset dataset) {
		long started = System.nanoTime();
		importer.importDataset(dataset, ImportProgress.NONE);
		return (System.nanoTime() - started) / 1e6;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

}
