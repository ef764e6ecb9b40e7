package org.partygraph.queries.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.pattern.PatternQueries;
import org.partygraph.queries.pattern.StatisticsQueries;
import org.partygraph.queries.read.ChartQueries;
import org.partygraph.queries.read.CompiledReads;
import org.partygraph.queries.read.OrgFilter;
import org.partygraph.queries.read.Selection;
import org.partygraph.queries.read.Sort;
import org.partygraph.queries.read.StatementListener;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.write.EventDates;
import org.partygraph.seed.HuairenCounty;
import org.partygraph.seed.SyntheticCounties;
import org.partygraph.seed.SyntheticHistory;

/**
 * Not a test: measures {@code asOf} against today's reads for the fields that take it, on the
 * sample county with a history of dated changes, in process against an embedded Neo4j over Bolt
 * (no HTTP). Medians of {@value #RUNS} runs after {@value #WARM_UP} warm-up runs: today's read, the
 * {@code asOf} read with a cold cache (a new {@link PastStructure} each run: the rebuild) and with a
 * warm one (the marker query and the in-memory answer). Run (docs/benchmarks.md):
 *
 * <pre>
 * mvn -B -ntp -o -q test-compile dependency:build-classpath -pl queries -am \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp queries/target/test-classes:queries/target/classes:$(cat /tmp/cp.txt) \
 *     org.partygraph.queries.history.AsOfBench [generated]
 * </pre>
 * With {@code generated}: a county of the synthetic province with five years of generated history
 * ({@link SyntheticHistory}), read halfway.
 */
public final class AsOfBench {

	private static final int RUNS = 20;

	private static final int WARM_UP = 5;

	private AsOfBench() {
	}

	public static void main(String[] args) throws Exception {
		var driver = TestNeo4j.driver();
		TestNeo4j.clear();
		LocalDate today = LocalDate.now();
		EventDates dates = EventDates.DEFAULT;
		boolean generated = args.length > 0 && args[0].equals("generated");
		String prefix = generated ? "c001-" : "";
		LocalDate asOf;
		if (generated) {
			// A county of the synthetic province (generate --counties=1 --history-years=5), imported
			// with its five years of history; asOf halfway.
			SyntheticHistory generator = new SyntheticHistory(5, today, 1);
			java.nio.file.Path file = java.nio.file.Files.createTempDirectory("asof").resolve("c.json");
			new SyntheticCounties(1, SyntheticCounties.DEFAULT_BLOCKS, 1).write(file, "合成縣", (d, t, m) -> {
			}, generator);
			Dataset county = org.partygraph.model.format.DatasetFormat.read(file);
			new DatasetImporter(driver, dates).importDataset(county, generator.history("合成縣", county.units().size()),
					ImportProgress.NONE, today, "bench");
			asOf = today.minusMonths(30);
			System.out.printf(Locale.ROOT, "generated county: %d orgs, %d members; 5 years of history (%d events); asOf %s, today %s%n",
					county.orgs().size(), county.members().size(), TestNeo4j.count("MATCH (e:Event) RETURN count(e)"),
					asOf, today);
		}
		else {
			LocalDate imported = today.minusDays(400);
			new DatasetImporter(driver, dates).importDataset(HuairenCounty.dataset(), ImportProgress.NONE, imported,
					"bench");
			int changes = history(new OrgChanges(driver, dates), new DatasetExporter(driver).exportAll(), imported);
			long events = TestNeo4j.count("MATCH (e:Event) RETURN count(e)");
			asOf = imported.plusDays(30);
			System.out.printf(Locale.ROOT, "sample county, %d dated changes after the import (%d events); asOf %s, today %s%n",
					changes, events, asOf, today);
		}

		DatasetExporter exporter = new DatasetExporter(driver);
		RuleChecker checker = new RuleChecker(RuleThresholds.DEFAULTS);
		ComplianceQueries compliance = new ComplianceQueries(exporter, checker, PatternFigures::of);
		PatternQueries patterns = new PatternQueries(driver, StatementListener.NONE);
		StatisticsQueries statistics = new StatisticsQueries(driver, StatementListener.NONE);
		ChartQueries charts = new ChartQueries(driver, StatementListener.NONE);
		PastReads warm = new PastReads(new PastStructure(driver), checker);
		// "another day": a day not read yet, the present state already read (as after any first call)
		PastReads days = new PastReads(new PastStructure(driver), checker);
		// "after a change": the same kept reads, each timed right after a rename (untimed) grew the log
		PastReads moving = new PastReads(new PastStructure(driver), checker);
		OrgChanges renames = new OrgChanges(driver, dates);
		String renamed = prefix + "o-t-hbt";
		java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
		change = () -> renames.renameOrg(renamed, "改名鄉黨委" + (turn.getAndIncrement() % 2));
		java.util.concurrent.atomic.AtomicInteger back = new java.util.concurrent.atomic.AtomicInteger();
		Supplier<LocalDate> fresh = () -> asOf.plusDays(1 + back.getAndIncrement() % 300);
		EnumSet<Rule> all = EnumSet.allOf(Rule.class);
		String county = prefix + HuairenCounty.COUNTY_COMMITTEE;
		System.out.println("| field (o-county) | today p50 ms | asOf first call p50 ms | asOf after a change p50 ms | asOf another day p50 ms | asOf cached p50 ms | first/today | after a change/today | another day/today | cached/today |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		row("patternSummary", () -> patterns.summary(county),
				() -> new PastReads(new PastStructure(driver), checker).patternSummary(county, asOf, null),
				() -> moving.patternSummary(county, asOf, null),
				() -> days.patternSummary(county, fresh.get(), null),
				() -> warm.patternSummary(county, asOf, null));
		row("statistics", () -> statistics.statistics(county),
				() -> new PastReads(new PastStructure(driver), checker).statistics(county, asOf, null),
				() -> moving.statistics(county, asOf, null),
				() -> days.statistics(county, fresh.get(), null),
				() -> warm.statistics(county, asOf, null));
		row("complianceIssues", () -> compliance.issues(county, all),
				() -> new PastReads(new PastStructure(driver), checker).issues(county, asOf, all, null),
				() -> moving.issues(county, asOf, all, null),
				() -> days.issues(county, fresh.get(), all, null),
				() -> warm.issues(county, asOf, all, null));
		row("orgChart depth 3", () -> charts.chart(county, 3, true, java.time.LocalDate.now()),
				() -> new PastReads(new PastStructure(driver), checker).chart(county, 3, true, asOf, null),
				() -> moving.chart(county, 3, true, asOf, null),
				() -> days.chart(county, 3, true, fresh.get(), null),
				() -> warm.chart(county, 3, true, asOf, null));
		row("patternSummary (everything)", () -> patterns.summary(null),
				() -> new PastReads(new PastStructure(driver), checker).patternSummary(null, asOf, null),
				() -> moving.patternSummary(null, asOf, null),
				() -> days.patternSummary(null, fresh.get(), null),
				() -> warm.patternSummary(null, asOf, null));
		// asOf on org, orgs and member: today the compiled read (one statement); a past day the view
		// (the rebuild, first call) and the answers from it, the same selection.
		CompiledReads compiled = new CompiledReads(driver, StatementListener.NONE);
		String township = prefix + "o-t-hbt";
		List<Selection> orgSelection = List.of(Selection.scalar("name"), Selection.scalar("memberCount"),
				new Selection("children", "children", Map.of(), List.of(Selection.scalar("name"),
						Selection.scalar("memberCount"))));
		row("org(township) { name memberCount children { name memberCount } }",
				() -> compiled.byId("Org", township, orgSelection, null),
				() -> pastOrg(new PastReads(new PastStructure(driver), checker), township, asOf),
				() -> pastOrg(moving, township, asOf),
				() -> pastOrg(days, township, fresh.get()),
				() -> pastOrg(warm, township, asOf));
		OrgFilter branches = new OrgFilter(List.of(OrgKind.GENERAL_BRANCH), null, county, null, null, null, null, null,
				null, null, null);
		List<Selection> nodeSelection = List.of(Selection.scalar("name"),
				new Selection("parent", "parent", Map.of(), List.of(Selection.scalar("name"))));
		row("orgs(within: county, kinds: GENERAL_BRANCH) { name parent { name } }",
				() -> compiled.orgs(branches, Sort.BY_NAME, 20, 0, nodeSelection, null),
				() -> pastOrgs(new PastReads(new PastStructure(driver), checker), branches, asOf),
				() -> pastOrgs(moving, branches, asOf),
				() -> pastOrgs(days, branches, fresh.get()),
				() -> pastOrgs(warm, branches, asOf));
		String someone = members(new DatasetExporter(driver).exportAll(), prefix).get(0);
		List<Selection> memberSelection = List.of(Selection.scalar("name"), new Selection("org", "org", Map.of(),
				List.of(Selection.scalar("name"), new Selection("parent", "parent", Map.of(),
						List.of(Selection.scalar("name"))))));
		row("member { name org { name parent { name } } }",
				() -> compiled.byId("Member", someone, memberSelection, null),
				() -> pastMember(new PastReads(new PastStructure(driver), checker), someone, asOf),
				() -> pastMember(moving, someone, asOf),
				() -> pastMember(days, someone, fresh.get()),
				() -> pastMember(warm, someone, asOf));
		System.exit(0);
	}

	/** What PastFields answers for the org row above: the view of the org's tree, then in memory. */
	private static List<Object> pastOrg(PastReads past, String id, LocalDate day) {
		PastView view = past.view(null, past.anchor(id), day, null);
		List<Object> answer = new ArrayList<>(List.of(view.org(id).name(), view.memberCount(id)));
		view.children(id).forEach((c) -> answer.add(c.name() + view.memberCount(c.id())));
		return answer;
	}

	private static List<String> pastOrgs(PastReads past, OrgFilter filter, LocalDate day) {
		PastView view = past.view(null, past.anchor(filter.within()), day, null);
		return view.orgs(filter, (o) -> true, Sort.BY_NAME, 20, 0)
			.items()
			.stream()
			.map((o) -> o.name() + view.parent(o.id()).name())
			.toList();
	}

	private static String pastMember(PastReads past, String id, LocalDate day) {
		PastView view = past.view(null, past.memberAnchor(id, day), day, null);
		Org org = view.orgOf(id);
		return view.member(id).name() + org.name() + view.parent(org.id()).name();
	}

	/** Member ids of the county's villages' branches (two levels below a township). */
	private static List<String> members(Dataset county, String prefix) {
		return county.members().stream().filter((m) -> m.org().startsWith(prefix + "o-v-")).map(Member::id).sorted().toList();
	}

	/** Grows the event log by one change (a rename), before each timed "after a change" read. */
	private static Runnable change;

	private static void row(String field, Supplier<?> today, Supplier<?> first, Supplier<?> afterChange,
			Supplier<?> newDay, Supplier<?> cached) {
		double t = median(today);
		double f = median(first);
		double a = median(afterChange, change);
		double d = median(newDay);
		double c = median(cached);
		System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f |%n", field, t,
				f, a, d, c, f / t, a / t, d / t, c / t);
	}

	private static double median(Supplier<?> read) {
		return median(read, () -> {
		});
	}

	/** The median time of the read, each run after {@code before} (not timed). */
	private static double median(Supplier<?> read, Runnable before) {
		for (int i = 0; i < WARM_UP; i++) {
			before.run();
			read.get();
		}
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			before.run();
			long start = System.nanoTime();
			read.get();
			times.add((System.nanoTime() - start) / 1e6);
		}
		times.sort(Double::compare);
		return (times.get(RUNS / 2 - 1) + times.get(RUNS / 2)) / 2;
	}

	/** Renames, transfers, co-managers and offices, one every few days after the import; how many were made. */
	private static int history(OrgChanges changes, Dataset county, LocalDate imported) {
		List<Org> orgs = county.orgs();
		List<Member> members = county.members();
		List<Org> branches = orgs.stream().filter((o) -> o.kind() == OrgKind.BRANCH).toList();
		int made = 0;
		for (int i = 0; i < 120; i++) {
			OrgChanges on = changes.on(imported.plusDays(1 + i * 3L)).by("bench");
			Org org = orgs.get((i * 37) % orgs.size());
			Org branch = branches.get((i * 11) % branches.size());
			Member member = members.get((i * 101) % members.size());
			try {
				switch (i % 4) {
					case 0 -> on.renameOrg(org.id(), org.name() + i);
					case 1 -> on.transferMember(member.id(), branch.id(), "bench", null);
					case 2 -> on.addCoManager(branch.id(), org.id());
					default -> on.assignRole(member.id(), branch.id(), Role.COMMITTEE_MEMBER);
				}
				made++;
			}
			catch (RuntimeException ex) {
				// refused (e.g. already co-managed): nothing written
			}
		}
		return made;
	}

}
