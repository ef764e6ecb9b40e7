package org.partygraph.queries.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.write.EventDates;
import org.partygraph.seed.HuairenCounty;

/**
 * Not a test: how long {@code applyScenario} of a 10-operation scenario takes on the sample county
 * (issue #20's target: at most 2 s on this machine), in process against an embedded Neo4j over Bolt
 * (no HTTP). Each run starts from a freshly imported county (an applied scenario changes it),
 * saves the scenario and times the apply alone, then the same operations as a what-if for
 * comparison. The operations are picked from the dataset, not by id: two merges of village branches,
 * two committee elections, three transfers into another village's org and three deputy secretaries,
 * all in 海北頭鄉. Medians of {@value #RUNS} runs after {@value #WARM_UP} warm-up runs. Run
 * (docs/benchmarks.md):
 *
 * <pre>
 * mvn -B -ntp -o -q test-compile dependency:build-classpath -pl queries -am \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp queries/target/test-classes:queries/target/classes:$(cat /tmp/cp.txt) \
 *     org.partygraph.queries.scenario.ApplyBench
 * </pre>
 */
public final class ApplyBench {

	private static final int RUNS = 7;

	private static final int WARM_UP = 2;

	private ApplyBench() {
	}

	public static void main(String[] args) {
		var driver = TestNeo4j.driver();
		EventDates dates = EventDates.DEFAULT;
		Dataset sample = HuairenCounty.dataset();
		String within = HuairenCounty.HAIBEITOU_COMMITTEE;
		List<Operation> operations = operations(sample, within);
		DatasetExporter exporter = new DatasetExporter(driver);
		ComplianceQueries compliance = new ComplianceQueries(exporter, new RuleChecker(RuleThresholds.DEFAULTS),
				PatternFigures::of);
		ScenarioStore store = new ScenarioStore(driver, exporter, compliance);
		ScenarioApplier applier = new ScenarioApplier(driver, exporter, compliance, dates);
		List<Double> applies = new ArrayList<>();
		List<Double> whatIfs = new ArrayList<>();
		int moved = 0;
		for (int run = 0; run < WARM_UP + RUNS; run++) {
			TestNeo4j.clear();
			new DatasetImporter(driver, dates).importDataset(sample, ImportProgress.NONE, LocalDate.now().minusDays(1),
					"bench");
			long w0 = System.nanoTime();
			moved = compliance.whatIf(within, operations).membersMoved();
			double whatIf = (System.nanoTime() - w0) / 1e6;
			// a scenario once applied is kept (clear() leaves scenarios): a name per run
			String name = "bench-apply-" + System.nanoTime();
			store.save(name, within, operations, null, "bench", null);
			long t0 = System.nanoTime();
			applier.apply(name, "bench", null);
			double apply = (System.nanoTime() - t0) / 1e6;
			if (run >= WARM_UP) {
				applies.add(apply);
				whatIfs.add(whatIf);
			}
			System.out.printf(Locale.ROOT, "run %d: apply %.0f ms, what-if %.0f ms%n", run + 1, apply, whatIf);
		}
		System.out.printf(Locale.ROOT, "%d operations in %s (%d members moved): apply p50 %.0f ms (min %.0f, max %.0f),"
				+ " what-if p50 %.0f ms; %d runs after %d warm-up%n", operations.size(), within, moved, median(applies),
				applies.stream().mapToDouble(Double::doubleValue).min().orElse(0),
				applies.stream().mapToDouble(Double::doubleValue).max().orElse(0), median(whatIfs), RUNS, WARM_UP);
		System.exit(0);
	}

	/** Ten operations in the township, picked from the dataset (see the class comment). */
	static List<Operation> operations(Dataset sample, String township) {
		Set<String> villages = sample.units().stream().filter((u) -> u.kind() == UnitKind.VILLAGE).map(Unit::id)
			.collect(Collectors.toSet());
		List<Org> branches = sample.orgs().stream()
			.filter((o) -> township.equals(o.parent()) && o.kind() == OrgKind.BRANCH
					&& o.units().stream().anyMatch(villages::contains))
			.toList();
		Map<String, List<Member>> members = sample.members().stream().collect(Collectors.groupingBy(Member::org));
		List<Operation> ops = new ArrayList<>();
		ops.add(Operation.merge(List.of(branches.get(0).id(), branches.get(1).id()), "基準聯合黨支部一"));
		ops.add(Operation.merge(List.of(branches.get(2).id(), branches.get(3).id()), "基準聯合黨支部二"));
		ops.add(Operation.electCommittee(branches.get(4).id()));
		ops.add(Operation.electCommittee(branches.get(5).id()));
		Org from = branches.get(6);
		Org to = branches.get(7);
		members.get(from.id()).stream().limit(3).forEach((m) -> ops.add(Operation.transferMember(m.id(), to.id())));
		members.get(to.id()).stream().filter(Member::isFull).filter((m) -> m.roles().isEmpty()).limit(3)
			.forEach((m) -> ops.add(Operation.assignRole(m.id(), to.id(), "DEPUTY_SECRETARY")));
		if (ops.size() != 10) {
			throw new IllegalStateException("picked " + ops.size() + " operations, not 10: " + ops);
		}
		return ops;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

}
