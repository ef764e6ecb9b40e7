package org.partygraph.queries.history;

import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.RandomChanges;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetWriter;
import org.partygraph.model.format.HistoryFormat;
import org.partygraph.model.history.History;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetHistory;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.scenario.Scenario;
import org.partygraph.queries.scenario.ScenarioApplier;
import org.partygraph.queries.scenario.ScenarioStore;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.write.EventDates;
import org.partygraph.seed.HuairenCounty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property that proves {@link PastStructure}: import the sample county, export it, then make a
 * seeded random sequence of dated changes through the real change paths ({@link OrgChanges}, and a
 * scenario's apply for kind changes), exporting the whole graph at the end of some days. The
 * structure rebuilt as of each recorded day equals that day's export (orgs with parents,
 * co-managers, units, kinds, names; members with memberships, groups, offices, participation),
 * whole and cut to a township's subtree as it stood that day.
 */
class PastStructureIT {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	private static final LocalDate IMPORTED = LocalDate.of(2024, 1, 1);

	private final EventDates dates = new EventDates(
			Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC")), 0);

	private final OrgChanges changes = new OrgChanges(TestNeo4j.driver(), this.dates);

	private final DatasetExporter exporter = new DatasetExporter(TestNeo4j.driver());

	private final ComplianceQueries compliance = new ComplianceQueries(this.exporter,
			new RuleChecker(RuleThresholds.DEFAULTS), PatternFigures::of);

	private final ScenarioStore scenarios = new ScenarioStore(TestNeo4j.driver(), this.exporter, this.compliance);

	private final ScenarioApplier applier = new ScenarioApplier(TestNeo4j.driver(), this.exporter, this.compliance,
			this.dates);

	private final RandomChanges random = new RandomChanges(this.changes, this.scenarios, this.applier);

	@AfterAll
	static void clean() {
		TestNeo4j.clear();
		TestNeo4j.driver().executableQuery("MATCH (s:Scenario) DETACH DELETE s").execute();
	}

	/**
	 * The random histories played: seed 1 in every build; {@code -Dpast.seeds=1,7,…} plays more (each
	 * costs about a minute on a 2-core machine, and 7 was played in every build until the suite
	 * outgrew its 20 minutes).
	 */
	static java.util.stream.LongStream seeds() {
		return java.util.Arrays.stream(System.getProperty("past.seeds", "1").split(","))
			.map(String::trim)
			.filter((s) -> !s.isEmpty())
			.mapToLong(Long::parseLong);
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void theStructureAsOfEachDayIsThatDaysExport(long seed) throws Exception {
		TestNeo4j.clear();
		TestNeo4j.driver().executableQuery("MATCH (s:Scenario) DETACH DELETE s").execute();
		new DatasetImporter(TestNeo4j.driver(), this.dates).importDataset(HuairenCounty.dataset(), ImportProgress.NONE,
				IMPORTED, "admin");
		long start = System.nanoTime();
		Map<LocalDate, Dataset> exports = new LinkedHashMap<>();
		exports.put(IMPORTED, this.exporter.exportAll());
		Random random = new Random(seed);
		LocalDate day = IMPORTED;
		Dataset now = exports.get(IMPORTED);
		int applied = 0;
		Map<String, Integer> kinds = new LinkedHashMap<>();
		// Kept across the changes: each read after a change brings its present state up to date.
		PastStructure kept = new PastStructure(TestNeo4j.driver());
		long keptNanos = 0;
		for (int step = 0; step < 60; step++) {
			// A recorded day is over: the next change comes on a later one.
			if (random.nextInt(3) > 0 || exports.containsKey(day)) {
				day = day.plusDays(1 + random.nextInt(9));
			}
			String kind = this.random.change(random, day, now, step);
			if (kind != null) {
				applied++;
				kinds.merge(kind, 1, Integer::sum);
			}
			if (kind != null && step % 8 == 0) {
				long keptStart = System.nanoTime();
				for (String root : java.util.Arrays.asList(null, "o-county", "o-t-hbt")) {
					kept.asOf(root, IMPORTED);
				}
				keptNanos += System.nanoTime() - keptStart;
			}
			if (step % 10 == 9) {
				now = this.exporter.exportAll();
				exports.put(day, now);
			}
			else if (kind != null && step % 3 == 0) {
				now = this.exporter.exportAll();
			}
		}
		exports.put(day, this.exporter.exportAll());
		long changed = System.nanoTime();

		PastStructure past = new PastStructure(TestNeo4j.driver());
		everyDayIsItsExport(past, exports, seed);
		// The kept one brought up to date after the last changes answers every day the same.
		everyDayIsItsExport(kept, exports, seed);
		assertThat(kept.keptStates()).as("one present state kept per root read (null, the county, a township)").isEqualTo(3);
		assertThat(kept.advances()).as("present states brought up to date, not read again (%d read)", kept.reads())
			.isGreaterThanOrEqualTo(10);
		System.out.printf("seed %d: %d changes %s, %.1f s (%.1f s of it kept reads: %d brought up to date, %d read whole);"
				+ " %d days checked, %.1f s%n", seed, applied, kinds, (changed - start) / 1e9, keptNanos / 1e9,
				kept.advances(), kept.reads(), exports.size(), (System.nanoTime() - changed) / 1e9);
		assertThat(applied).as("changes applied, by kind " + kinds).isGreaterThan(30);
		assertThat(kinds.keySet()).as("kinds of change made").hasSizeGreaterThanOrEqualTo(8)
			.contains("rename", "move", "dissolve", "transfer", "coManager+", "role+");
		// A repeated read of a day is served from the cache: the same object.
		LocalDate first = exports.keySet().iterator().next();
		assertThat(past.asOf(null, first)).isSameAs(past.asOf(null, first));

		// export --history, then import --history into an empty store: every past day reads the same.
		Dataset all = this.exporter.exportAll();
		Org branch = all.orgs().stream().filter((o) -> o.kind() == OrgKind.BRANCH).findFirst().orElseThrow();
		this.scenarios.save("草案", null, List.of(Operation.upgrade(branch.id(), "GENERAL_BRANCH")), "未應用", "prop", null);
		History history = new DatasetHistory(TestNeo4j.driver()).export();
		Path file = Files.createTempDirectory("history").resolve("county.json");
		DatasetWriter.pretty().write(all, file);
		HistoryFormat.write(history, HistoryFormat.besides(file));
		List<Scenario> saved = this.scenarios.list();
		assertThat(saved).as("one saved, the random history's applied").anySatisfy((s) -> assertThat(s.appliedReport()).isNull())
			.anySatisfy((s) -> assertThat(s.appliedReport()).isNotNull());
		TestNeo4j.clear();
		TestNeo4j.driver().executableQuery("MATCH (s:Scenario) DETACH DELETE s").execute();
		new DatasetImporter(TestNeo4j.driver(), this.dates).importDataset(DatasetFormat.read(file),
				HistoryFormat.read(HistoryFormat.besides(file)), ImportProgress.NONE, TODAY, "admin");
		everyDayIsItsExport(new PastStructure(TestNeo4j.driver()), exports, seed);
		assertThat(TestNeo4j.count("MATCH (e:Event) RETURN count(e)")).as("the history's events and the import's")
			.isEqualTo(history.events().size() + 1);
		assertThat(TestNeo4j.count("MATCH (:Member)-[:TRANSFERRED]->(t:Transfer) RETURN count(t)"))
			.as("transfers linked to their members").isPositive();
		assertThat(TestNeo4j.count("MATCH (t:Transfer) RETURN count(t)")).isEqualTo(history.transfers().size());
		assertThat(this.scenarios.list()).as("applied scenarios with their reports, who and when").isEqualTo(saved);
		assertThat(TestNeo4j.count("MATCH (d:DissolvedOrg) RETURN count(d)")).as("dissolved orgs retired again")
			.isEqualTo(history.events().stream().filter((e) -> e.kind().equals("DISSOLVED")).map((e) -> e.org()).distinct().count());
		// The same history again (a re-import): nothing doubled.
		new DatasetImporter(TestNeo4j.driver(), this.dates).importDataset(DatasetFormat.read(file),
				HistoryFormat.read(HistoryFormat.besides(file)), ImportProgress.NONE, TODAY, "admin");
		assertThat(TestNeo4j.count("MATCH (e:Event) RETURN count(e)")).isEqualTo(history.events().size() + 2);
		assertThat(TestNeo4j.count("MATCH (t:Transfer) RETURN count(t)")).isEqualTo(history.transfers().size());
		assertThat(this.scenarios.list()).isEqualTo(saved);
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
	}

	/** The structure rebuilt as of each recorded day equals that day's export, whole and cut to a township. */
	private static void everyDayIsItsExport(PastStructure past, Map<LocalDate, Dataset> exports, long seed) {
		// A day before the import: nothing existed.
		assertThat(past.asOf(null, IMPORTED.minusDays(1)).dataset().orgs()).isEmpty();
		assertThat(past.asOf("o-county", IMPORTED.minusDays(1)).dataset().members()).isEmpty();
		for (Map.Entry<LocalDate, Dataset> export : exports.entrySet()) {
			Past whole = past.asOf(null, export.getKey());
			assertThat(differences(whole.dataset().orgs(), export.getValue().orgs(), Org::id))
				.as("orgs on " + export.getKey() + " (seed " + seed + ")").isEmpty();
			assertThat(differences(whole.dataset().members(), export.getValue().members(), Member::id))
				.as("members on " + export.getKey() + " (seed " + seed + ")").isEmpty();
			assertThat(whole.dataset().units()).as("units on " + export.getKey()).isEqualTo(export.getValue().units());
			// The tree of one township, read from the county root and from the township itself.
			Past scoped = past.asOf("o-county", export.getKey());
			assertThat(scoped.dataset().orgs()).as("county tree on " + export.getKey())
				.isEqualTo(export.getValue().orgs());
			Past byTownship = past.asOf("o-t-hbt", export.getKey());
			Dataset expected = cut(export.getValue(), "o-t-hbt");
			Dataset actual = byTownship.subtree("o-t-hbt");
			assertThat(differences(actual.orgs(), expected.orgs(), Org::id)).as("township orgs on " + export.getKey())
				.isEmpty();
			assertThat(differences(actual.members(), expected.members(), Member::id))
				.as("township members on " + export.getKey()).isEmpty();
			assertThat(actual.orgs()).isEqualTo(expected.orgs());
		}
	}

	/** Each item that differs: "actual X / expected Y", at most 5, then the number of others. */
	private static <T> List<String> differences(List<T> actual, List<T> expected, java.util.function.Function<T, String> id) {
		Map<String, T> a = new LinkedHashMap<>();
		actual.forEach((x) -> a.put(id.apply(x), x));
		Map<String, T> e = new LinkedHashMap<>();
		expected.forEach((x) -> e.put(id.apply(x), x));
		Set<String> ids = new java.util.TreeSet<>(a.keySet());
		ids.addAll(e.keySet());
		List<String> out = new ArrayList<>();
		for (String key : ids) {
			if (!java.util.Objects.equals(a.get(key), e.get(key))) {
				out.add("actual " + a.get(key) + " / expected " + e.get(key));
			}
		}
		return (out.size() <= 5) ? out : List.of(out.get(0), out.get(1), out.get(2), out.get(3), out.get(4),
				"and " + (out.size() - 5) + " more");
	}

	/** The subtree of root in a whole-graph export: its orgs (by id) and their members. */
	private static Dataset cut(Dataset all, String root) {
		Map<String, List<String>> children = new LinkedHashMap<>();
		all.orgs().forEach((o) -> children.computeIfAbsent(o.parent(), (k) -> new ArrayList<>()).add(o.id()));
		Set<String> ids = new HashSet<>();
		List<String> queue = new ArrayList<>(List.of(root));
		while (!queue.isEmpty()) {
			String id = queue.remove(queue.size() - 1);
			if (ids.add(id)) {
				queue.addAll(children.getOrDefault(id, List.of()));
			}
		}
		return new Dataset(all.name(), all.units(), all.orgs().stream().filter((o) -> ids.contains(o.id())).toList(),
				all.members().stream().filter((m) -> ids.contains(m.org())).toList());
	}

}
