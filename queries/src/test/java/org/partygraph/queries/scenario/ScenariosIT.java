package org.partygraph.queries.scenario;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.partygraph.model.Dataset;
import org.partygraph.model.Problem;
import org.partygraph.queries.GraphSnapshot;
import org.partygraph.queries.SmallCounty;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.scenario.ScenarioRejectedException.Refusal;
import org.partygraph.queries.whatif.InvalidOperationException;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.WhatIfReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.partygraph.queries.TestNeo4j.count;

/**
 * Saved scenarios on real Neo4j, against {@link ScenarioCounty} (tree in its javadoc): save, list,
 * replace and delete; an invalid operation is never saved; applying writes exactly the graph the
 * what-if predicts, with transfer history; a change to the live graph after saving makes applying
 * refuse, with nothing written.
 */
class ScenariosIT {

	private static final List<Operation> RESTRUCTURING = List.of(Operation.splitByTrade("sc-v"),
			Operation.merge(List.of("sc-s1", "sc-s2"), "乙丙村聯合黨支部"), Operation.addCoManager("sc-e", "sc-t"),
			Operation.transferMember("sc-e3", "joint-sc-s1"), Operation.assignRole("sc-s1a", "joint-sc-s1", "SECRETARY"),
			Operation.electCommittee("sc-e"), Operation.dissolve("sc-d", "sc-t"));

	private final DatasetExporter exporter = new DatasetExporter(TestNeo4j.driver());

	private final ComplianceQueries compliance = new ComplianceQueries(this.exporter,
			new RuleChecker(RuleThresholds.DEFAULTS), PatternFigures::of);

	private final ScenarioStore scenarios = new ScenarioStore(TestNeo4j.driver(), this.exporter, this.compliance);

	private final ScenarioApplier applier = new ScenarioApplier(TestNeo4j.driver(), this.exporter, this.compliance);

	private final ScenarioReports reports = new ScenarioReports(TestNeo4j.driver(), this.exporter, this.compliance,
			this.scenarios);

	// Every write keeps the orgs' member tallies (MemberTallies) right, rejected ones included, and
	// every name's search and sort keys (NameKeys) those of the name.
	@AfterEach
	void memberTalliesStillMatchTheMembers() {
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
		assertThat(TestNeo4j.nameKeyMismatches()).isEmpty();
	}

	@BeforeEach
	void loadCounty() {
		clearAll();
		new DatasetImporter(TestNeo4j.driver()).importDataset(ScenarioCounty.dataset(), ImportProgress.NONE);
	}

	// The Neo4j is shared by every test class of the run, and TestNeo4j.clear() knows neither
	// transfers nor scenarios.
	@AfterAll
	static void clearAll() {
		TestNeo4j.clear();
		TestNeo4j.driver().executableQuery("MATCH (n) WHERE n:Transfer OR n:Scenario DETACH DELETE n").execute();
	}

	/**
	 * Applying a township's scenario holds its own county's tree, not another county's: with the
	 * locks applyScenario takes for within sc-t held, a move in a second county goes through, and
	 * one in this county waits (here until its 2 s database timeout).
	 */
	@Test
	void aScenarioBeingAppliedHoldsItsCountyNotAnother() {
		new DatasetImporter(TestNeo4j.driver()).importDataset(new Dataset("情景鄰縣", List.of(),
				List.of(org.partygraph.model.Org.of("sx-county", org.partygraph.model.OrgKind.COUNTY_COMMITTEE, "中共情景鄰縣委", null),
						org.partygraph.model.Org.of("sx-t1", org.partygraph.model.OrgKind.TOWNSHIP_COMMITTEE, "甲鎮黨委", "sx-county"),
						org.partygraph.model.Org.of("sx-t2", org.partygraph.model.OrgKind.TOWNSHIP_COMMITTEE, "乙鎮黨委", "sx-county"),
						org.partygraph.model.Org.of("sx-b", org.partygraph.model.OrgKind.BRANCH, "甲鎮某村黨支部", "sx-t1")),
				List.of()), ImportProgress.NONE);
		OrgChanges limited = new OrgChanges(org.partygraph.queries.limits.TimeLimitedDriver.of(TestNeo4j.driver(),
				java.time.Duration.ofSeconds(2)));
		try (Session session = TestNeo4j.driver().session(); Transaction tx = session.beginTransaction()) {
			org.partygraph.queries.write.WriteLocks.scenario(tx, "sc-t");
			assertThat(limited.moveOrg("sx-b", "sx-t2").newParent()).as("another county's move").isEqualTo("sx-t2");
			Throwable waited = org.assertj.core.api.Assertions.catchThrowable(() -> limited.moveOrg("sc-e", "sc-t"));
			assertThat(waited).as("this county's move waits").isInstanceOf(org.partygraph.queries.limits.DatabaseTimeoutException.class);
			tx.rollback();
		}
		assertThat(count("MATCH (:Org {id: 'sc-e'})-[:SUBORDINATE_TO]->(:Org {id: 'sc-npe'}) RETURN count(*)")).isEqualTo(1);
	}

	@Test
	void saveListReplaceAndDelete() {
		List<String> live = GraphSnapshot.take();
		Scenario saved = this.scenarios.save("合併乙丙", "sc-t", List.of(Operation.merge(List.of("sc-s1", "sc-s2"), "聯合")),
				"先看看", "analyst");

		assertThat(saved.name()).isEqualTo("合併乙丙");
		assertThat(saved.within()).isEqualTo("sc-t");
		assertThat(saved.operations()).containsExactly(Operation.merge(List.of("sc-s1", "sc-s2"), "聯合"));
		assertThat(saved.savedAt()).isNotNull();
		assertThat(saved.savedBy()).isEqualTo("analyst");
		assertThat(saved.note()).isEqualTo("先看看");
		assertThat(saved.fingerprint()).hasSize(64);
		assertThat(saved.appliedAt()).isNull();
		assertThat(GraphSnapshot.take()).as("saving never touches the live graph").isEqualTo(live);
		assertThat(count("MATCH (s:Scenario)--() RETURN count(*)")).as("a scenario links to nothing").isZero();
		assertThat(TestNeo4j.driver()
			.executableQuery("MATCH (s:Scenario) RETURN s.operations AS ops")
			.execute()
			.records()
			.get(0)
			.get("ops")
			.asString()).as("operations stored as JSON text")
			.isEqualTo("[{\"op\":\"MERGE\",\"orgs\":[\"sc-s1\",\"sc-s2\"],\"name\":\"聯合\"}]");

		this.scenarios.save("升級", null, List.of(Operation.upgrade("sc-v", "GENERAL_BRANCH")), null, null);
		assertThat(this.reports.summaries()).extracting((s) -> s.scenario().name(), (s) -> s.scenario().operationCount(),
				ScenarioSummary::liveChanged)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("升級", 1, false),
					org.assertj.core.groups.Tuple.tuple("合併乙丙", 1, false));

		Scenario replaced = this.scenarios.save("合併乙丙", "sc-county",
				List.of(Operation.electCommittee("sc-e"), Operation.addCoManager("sc-e", "sc-t")), null, "other");
		assertThat(this.scenarios.list()).hasSize(2);
		assertThat(this.scenarios.find("合併乙丙")).isEqualTo(replaced);
		assertThat(replaced.within()).isEqualTo("sc-county");
		assertThat(replaced.operationCount()).isEqualTo(2);
		assertThat(replaced.note()).isNull();
		assertThat(replaced.savedBy()).isEqualTo("other");

		WhatIfReport report = this.reports.report(replaced);
		assertThat(report.changes()).hasSize(2);
		assertThat(report.issuesFixed()).anySatisfy((i) -> assertThat(i.key()).isEqualTo("DUAL_MANAGEMENT_MISSING@sc-e"));

		this.scenarios.delete("合併乙丙");
		assertThat(this.scenarios.list()).extracting(Scenario::name).containsExactly("升級");
		assertThat(this.scenarios.find("合併乙丙")).isNull();
		ScenarioRejectedException again = catchThrowableOfType(ScenarioRejectedException.class,
				() -> this.scenarios.delete("合併乙丙"));
		assertThat(again.refusal()).isEqualTo(Refusal.NOT_FOUND);
		assertThat(GraphSnapshot.take()).isEqualTo(live);
	}

	@Test
	void anInvalidOperationIsNamedByIndexAndNothingIsSaved() {
		List<String> live = GraphSnapshot.take();
		ScenarioRejectedException ex = catchThrowableOfType(ScenarioRejectedException.class,
				() -> this.scenarios.save("壞", "sc-county",
						List.of(Operation.electCommittee("sc-e"), Operation.moveOrg("sc-t", "sc-v")), null, null));

		assertThat(ex.refusal()).isEqualTo(Refusal.INVALID_OPERATION);
		assertThat(ex.problems()).singleElement().satisfies((p) -> {
			assertThat(p.item()).isEqualTo("壞");
			assertThat(p.field()).isEqualTo("operations[1]");
			assertThat(p.message()).contains("operation 1").contains("MOVE_ORG").contains("cycle");
		});
		assertThat(this.scenarios.list()).isEmpty();
		assertThat(GraphSnapshot.take()).isEqualTo(live);

		// A re-save that fails keeps the earlier scenario as it was.
		Scenario good = this.scenarios.save("壞", null, List.of(Operation.electCommittee("sc-e")), null, null);
		catchThrowableOfType(ScenarioRejectedException.class, () -> this.scenarios.save("壞", null,
				List.of(Operation.transferMember("nobody", "sc-t")), null, null));
		assertThat(this.scenarios.find("壞")).isEqualTo(good);
	}

	@Test
	void badNamesScopesAndEmptyListsAreRefused() {
		assertThat(refusal(() -> this.scenarios.save("a/b", null, List.of(Operation.electCommittee("sc-e")), null, null)))
			.isEqualTo(Refusal.INVALID_NAME);
		assertThat(refusal(() -> this.scenarios.save(" ", null, List.of(Operation.electCommittee("sc-e")), null, null)))
			.isEqualTo(Refusal.INVALID_NAME);
		assertThat(refusal(() -> this.scenarios.save("x", null, List.of(), null, null))).isEqualTo(Refusal.NO_OPERATIONS);
		assertThat(refusal(() -> this.scenarios.save("x", "nope", List.of(Operation.electCommittee("sc-e")), null, null)))
			.isEqualTo(Refusal.UNKNOWN_SCOPE);
		assertThat(refusal(() -> this.scenarios.save("x", "sc-v", List.of(Operation.dissolve("sc-v", "sc-t")), null,
				null))).as("removing the scope org").isEqualTo(Refusal.INVALID_OPERATION);
		assertThat(refusal(() -> this.applier.apply("nope", null))).isEqualTo(Refusal.NOT_FOUND);
		assertThat(this.scenarios.list()).isEmpty();
	}

	@Test
	void applyWritesExactlyThePredictedGraphWithTransferHistory() {
		this.scenarios.save("重組", "sc-county", RESTRUCTURING, "七步", "analyst");
		WhatIfReport report = this.reports.report(this.scenarios.find("重組"));
		Dataset predicted = this.reports.predictedAfter("重組");

		AppliedScenario applied = this.applier.apply("重組", "chief");

		assertThat(normalized(this.exporter.exportAll())).as("the stored graph is the what-if's after")
			.isEqualTo(normalized(predicted));
		assertThat(applied.orgsCreated()).containsExactlyInAnyOrderElementsOf(report.orgsCreated());
		assertThat(applied.orgsDissolved()).containsExactlyInAnyOrderElementsOf(report.orgsDissolved());
		assertThat(applied.orgsCreated()).contains("joint-sc-s1", "sc-v-planting", "sc-v-breeding-group");
		assertThat(applied.orgsDissolved()).containsExactlyInAnyOrder("sc-s1", "sc-s2", "sc-d");
		assertThat(applied.transfers()).isEqualTo(report.membersMoved());
		assertThat(applied.scenario().appliedAt()).isNotNull();
		assertThat(applied.scenario().appliedBy()).isEqualTo("chief");
		assertThat(this.scenarios.find("重組").appliedAt()).isEqualTo(applied.scenario().appliedAt());

		// New orgs belong to their parents' dataset; nothing is left locked or dangling.
		assertThat(count("MATCH (o:Org) WHERE o.dataset IS NULL OR o.dataset <> '" + ScenarioCounty.NAME
				+ "' RETURN count(o)")).isZero();
		assertThat(count("MATCH (n) WHERE n._LOCK_ IS NOT NULL RETURN count(n)")).isZero();
		assertThat(count("MATCH (o:Org {id: 'joint-sc-s1'})<-[:SUBORDINATE_TO]-(:Org {id: 'sc-s2-g'}) RETURN count(*)"))
			.isEqualTo(1);

		// Every membership move is transfer history, as OrgChanges keeps it.
		List<Map<String, Object>> transfers = TestNeo4j.driver()
			.executableQuery("""
					MATCH (m:Member)-[:TRANSFERRED]->(t:Transfer)
					RETURN m.id AS member, t.member AS recorded, t.from AS from, t.to AS to, t.reason AS reason,
					  t.seq AS seq, t.dataset AS dataset, t.at IS NOT NULL AS dated, t.id IS NOT NULL AS identified
					ORDER BY member
					""")
			.execute()
			.records()
			.stream()
			.map((r) -> r.asMap())
			.toList();
		assertThat(transfers).hasSize(report.membersMoved());
		assertThat(transfers).allSatisfy((t) -> {
			assertThat(t.get("recorded")).isEqualTo(t.get("member"));
			assertThat(t.get("reason")).isEqualTo("scenario 重組");
			assertThat(t.get("seq")).isEqualTo(1L);
			assertThat(t.get("dataset")).isEqualTo(ScenarioCounty.NAME);
			assertThat(t.get("dated")).isEqualTo(true);
			assertThat(t.get("identified")).isEqualTo(true);
		});
		assertThat(transfers).anySatisfy((t) -> assertThat(t).containsEntry("member", "sc-e3")
			.containsEntry("from", "sc-e")
			.containsEntry("to", "joint-sc-s1"));
		assertThat(transfers).anySatisfy((t) -> assertThat(t).containsEntry("member", "sc-v1")
			.containsEntry("from", "sc-v")
			.containsEntry("to", "sc-v-planting"));

		// The live graph now shows what the report said after.
		assertThat(this.compliance.issues("sc-county", java.util.EnumSet.allOf(org.partygraph.queries.rules.Rule.class))
			.stream()
			.map((i) -> i.key())
			.toList()).doesNotContainAnyElementsOf(report.issuesFixed().stream().map((i) -> i.key()).toList());

		// Its steps stay readable as what it wrote, though they no longer apply to the graph now.
		ScenarioDetails details = this.reports.details("重組");
		assertThat(details.steps()).hasSize(RESTRUCTURING.size()).allSatisfy((step) -> {
			assertThat(step.live()).isFalse();
			assertThat(step.description()).isNotEmpty();
		});
		assertThat(details.steps().get(1).description().get(0)).contains("乙丙村聯合黨支部");

		List<String> afterApply = GraphSnapshot.take();
		assertThat(refusal(() -> this.applier.apply("重組", null))).isEqualTo(Refusal.ALREADY_APPLIED);
		assertThat(GraphSnapshot.take()).isEqualTo(afterApply);
		assertThat(this.reports.summaries()).singleElement()
			.satisfies((s) -> assertThat(s.liveChanged()).as("applying changed the graph it read").isTrue());
	}

	@Test
	void createOrgIsAppliedUnderAStoredIdAndTheMappingIsGiven() {
		List<Operation> operations = List.of(Operation.electCommittee("sc-v"),
				Operation.createOrg("sc-t", "BRANCH", "甲村養殖黨支部", List.of("sc-u-v")),
				Operation.transferMember("sc-v5", "new-1"), Operation.transferMember("sc-v6", "new-1"),
				Operation.transferMember("sc-v7", "new-1"), Operation.assignRole("sc-v5", "new-1", "SECRETARY"),
				Operation.createOrg("new-1", "PARTY_GROUP", "養殖黨小組", List.of()));
		this.scenarios.save("新建", "sc-county", operations, null, "analyst");
		WhatIfReport report = this.reports.report(this.scenarios.find("新建"));
		assertThat(report.orgsCreated()).containsExactly("new-1", "new-6");
		Dataset predicted = this.reports.predictedAfter("新建");

		AppliedScenario applied = this.applier.apply("新建", "chief");

		assertThat(applied.newOrgIds()).containsOnlyKeys("new-1", "new-6");
		String branch = applied.newOrgIds().get("new-1");
		String group = applied.newOrgIds().get("new-6");
		assertThat(branch).startsWith("o-").isNotEqualTo(group);
		assertThat(applied.orgsCreated()).containsExactlyInAnyOrder(branch, group);
		// Read back: where it was created, what it is, its members, its secretary, its group.
		assertThat(count("MATCH (o:Org {id: '" + branch + "', kind: 'BRANCH', name: '甲村養殖黨支部'})"
				+ "-[:SUBORDINATE_TO]->(:Org {id: 'sc-t'}) MATCH (o)-[:SET_UP_IN]->(:Unit {id: 'sc-u-v'}) RETURN count(o)"))
			.isEqualTo(1);
		assertThat(count("MATCH (m:Member)-[:MEMBER_OF]->(:Org {id: '" + branch + "'}) RETURN count(m)")).isEqualTo(3);
		assertThat(count("MATCH (:Member {id: 'sc-v5'})-[:HOLDS {role: 'SECRETARY'}]->(:Org {id: '" + branch
				+ "'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Org {id: '" + group + "', kind: 'PARTY_GROUP'})-[:SUBORDINATE_TO]->(:Org {id: '"
				+ branch + "'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (o:Org) WHERE o.id STARTS WITH 'new-' RETURN count(o)")).isZero();
		assertThat(count("MATCH (o:Org {id: '" + branch + "'}) WHERE o.dataset = '" + ScenarioCounty.NAME
				+ "' RETURN count(o)")).isEqualTo(1);
		// The stored graph is the what-if's after, with the stored ids for new-<index>.
		assertThat(normalized(this.exporter.exportAll()))
			.isEqualTo(normalized(ScenarioApplier.renamed(predicted, applied.newOrgIds())));
		// The transfers name the stored id.
		assertThat(count("MATCH (t:Transfer) WHERE t.to = '" + branch + "' RETURN count(t)")).isEqualTo(3);
	}

	/**
	 * Random operation sequences (CREATE_ORG always among them, and naming its org later): applying
	 * writes exactly the what-if's after, with the stored ids in place of {@code new-<index>}.
	 * Candidates that cannot be applied where they come are left out, so every sequence applies.
	 */
	@Test
	void randomSequencesWithCreateOrgApplyAsPredicted() {
		for (long seed = 1; seed <= 6; seed++) {
			loadCounty();
			java.util.Random random = new java.util.Random(seed);
			Dataset live = this.exporter.snapshot("sc-county");
			List<String> orgs = new java.util.ArrayList<>(
					List.of("sc-t", "sc-v", "sc-s1", "sc-s2", "sc-s2-g", "sc-d", "sc-npe", "sc-e"));
			List<String> members = live.members().stream().map((m) -> m.id()).sorted().toList();
			List<Operation> operations = new java.util.ArrayList<>();
			for (int attempt = 0; attempt < 40 && operations.size() < 8; attempt++) {
				Operation candidate = (operations.isEmpty() || attempt % 5 == 0)
						? Operation.createOrg(pick(random, orgs), pick(random, List.of("BRANCH", "GENERAL_BRANCH", "PARTY_GROUP")),
								"新組織" + operations.size(), random.nextBoolean() ? List.of("sc-u-v") : List.of())
						: randomOperation(random, orgs, members);
				List<Operation> tried = new java.util.ArrayList<>(operations);
				tried.add(candidate);
				try {
					Playback playback = Playback.of(live, "sc-county", tried, RuleThresholds.DEFAULTS.minFullMembers());
					operations = tried;
					playback.newOrgs().values().stream().filter((id) -> !orgs.contains(id)).forEach(orgs::add);
				}
				catch (InvalidOperationException ex) {
					// not applicable here: left out
				}
			}
			assertThat(operations).as("seed " + seed).anyMatch((op) -> op.op() == Operation.Op.CREATE_ORG);
			String name = "隨機" + seed;
			this.scenarios.save(name, "sc-county", operations, null, null);
			Dataset predicted = this.reports.predictedAfter(name);
			AppliedScenario applied = this.applier.apply(name, "chief");
			assertThat(normalized(this.exporter.exportAll())).as("seed " + seed + ": " + operations)
				.isEqualTo(normalized(ScenarioApplier.renamed(predicted, applied.newOrgIds())));
			assertThat(TestNeo4j.tallyMismatches()).as("seed " + seed).isEmpty();
		}
	}

	private static Operation randomOperation(java.util.Random random, List<String> orgs, List<String> members) {
		String org = pick(random, orgs);
		String other = pick(random, orgs);
		String member = pick(random, members);
		return switch (random.nextInt(10)) {
			case 0 -> Operation.transferMember(member, other);
			case 1 -> Operation.moveOrg(org, other);
			case 2 -> Operation.dissolve(org, other);
			case 3 -> Operation.merge(List.of(org, other), "聯合黨支部" + random.nextInt(100));
			case 4 -> Operation.upgrade(org, pick(random, List.of("BRANCH", "GENERAL_BRANCH", "JOINT_BRANCH")));
			case 5 -> Operation.splitByTrade(org);
			case 6 -> Operation.addCoManager(org, other);
			case 7 -> Operation.assignRole(member, org, pick(random, List.of("SECRETARY", "DEPUTY_SECRETARY")));
			case 8 -> Operation.endRole(member, org, "SECRETARY");
			default -> Operation.transferMember(member, orgs.get(orgs.size() - 1));
		};
	}

	private static <T> T pick(java.util.Random random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

	@Test
	void applyIsRefusedAfterALiveChangeAndWritesNothing() {
		this.scenarios.save("重組", "sc-county", RESTRUCTURING, null, null);
		new OrgChanges(TestNeo4j.driver()).renameOrg("sc-t", "甲鎮黨委");
		List<String> live = GraphSnapshot.take();
		long transfers = count("MATCH (t:Transfer) RETURN count(t)");

		assertThat(this.reports.summaries()).singleElement().satisfies((s) -> assertThat(s.liveChanged()).isTrue());
		ScenarioRejectedException ex = catchThrowableOfType(ScenarioRejectedException.class,
				() -> this.applier.apply("重組", null));

		assertThat(ex.refusal()).isEqualTo(Refusal.LIVE_GRAPH_CHANGED);
		assertThat(ex.problems()).extracting(Problem::item, Problem::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("重組", "fingerprint"));
		// English as before, and a text of the bundles to say in the request's language (#19).
		assertThat(ex.problems().get(0).message()).startsWith("the live graph changed under scenario '重組' since it was saved at ")
			.endsWith("; review it with the report and save it again to apply it");
		assertThat(org.partygraph.queries.text.Messages.bundled().say(ex.text(0), org.partygraph.queries.text.Lang.ZH_HANS))
			.startsWith("方案“重組”于").endsWith("保存后，现有组织结构已经变化；请用报告复核后重新保存，再执行");
		assertThat(GraphSnapshot.take()).as("nothing written").isEqualTo(live);
		assertThat(count("MATCH (t:Transfer) RETURN count(t)")).isEqualTo(transfers);
		assertThat(this.scenarios.find("重組").appliedAt()).isNull();

		// Saved again, it reads the renamed township and applies.
		this.scenarios.save("重組", "sc-county", RESTRUCTURING, null, null);
		Dataset predicted = this.reports.predictedAfter("重組");
		this.applier.apply("重組", null);
		assertThat(normalized(this.exporter.exportAll())).isEqualTo(normalized(predicted));
		assertThat(count("MATCH (o:Org {id: 'sc-t'}) WHERE o.name = '甲鎮黨委' RETURN count(o)")).isEqualTo(1);
	}

	@Test
	void dispatchAndRecallAreAppliedWithTheirEventsAndADispatchSinceTheSaveMakesThemStale() {
		// The county imported a month ago, so that sc-d1 may have been sent ten days ago.
		java.time.LocalDate on = org.partygraph.queries.write.EventDates.DEFAULT.today();
		java.time.LocalDate earlier = on.minusDays(10);
		clearAll();
		new DatasetImporter(TestNeo4j.driver()).importDataset(ScenarioCounty.dataset(), ImportProgress.NONE,
				on.minusDays(30), null);
		// sc-e1 (of sc-e) to the village's org sc-v, sent by the township.
		this.scenarios.save("派駐", "sc-county", List.of(Operation.dispatch("sc-e1", "sc-v", "sc-t")), null, null);
		new OrgChanges(TestNeo4j.driver()).dispatchFirstSecretary("sc-d1", "sc-v", earlier, null, null);
		long events = count("MATCH (e:Event) RETURN count(e)");

		ScenarioRejectedException stale = catchThrowableOfType(ScenarioRejectedException.class,
				() -> this.applier.apply("派駐", "chief"));
		assertThat(stale.refusal()).isEqualTo(Refusal.LIVE_GRAPH_CHANGED);
		assertThat(count("MATCH (:Member {id: 'sc-e1'})-[d:DISPATCHED_TO]->() RETURN count(d)")).as("nothing written")
			.isZero();
		assertThat(count("MATCH (e:Event) RETURN count(e)")).isEqualTo(events);

		// Saved again, now calling sc-d1 back first.
		this.scenarios.save("派駐", "sc-county",
				List.of(Operation.recall("sc-d1", "sc-v"), Operation.dispatch("sc-e1", "sc-v", "sc-t")), null, null);
		this.applier.apply("派駐", "chief");

		assertThat(count("MATCH (:Member {id: 'sc-e1'})-[d:DISPATCHED_TO {by: 'sc-t'}]->(:Org {id: 'sc-v'})"
				+ " WHERE d.from = date('" + on + "') AND d.to IS NULL RETURN count(d)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'sc-e1'})-[:MEMBER_OF]->(:Org {id: 'sc-e'}) RETURN count(*)"))
			.as("the membership stays").isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'sc-d1'})-[d:DISPATCHED_TO]->(:Org {id: 'sc-v'})"
				+ " WHERE d.from = date('" + earlier + "') AND d.to = date('" + on + "') RETURN count(d)")).isEqualTo(1);
		assertThat(count("MATCH (e:Event {kind: 'DISPATCHED', member: 'sc-e1', org: 'sc-v', other: 'sc-t', by: 'chief',"
				+ " scenario: '派駐'}) WHERE e.on = date('" + on + "') RETURN count(e)")).isEqualTo(1);
		assertThat(count("MATCH (e:Event {kind: 'DISPATCH_ENDED', member: 'sc-d1', org: 'sc-v', scenario: '派駐'})"
				+ " WHERE e.on = date('" + on + "') RETURN count(e)")).isEqualTo(1);
		assertThat(this.exporter.snapshot("sc-t").dispatches()).extracting(org.partygraph.model.Dispatch::member)
			.containsExactly("sc-d1", "sc-e1");
	}

	@Test
	void mergeDissolveAndTransferEndTheDispatchesAndStaysTheyAffectAsTheWhatIfPredicts() {
		java.time.LocalDate on = org.partygraph.queries.write.EventDates.DEFAULT.today();
		java.time.LocalDate earlier = on.minusDays(10);
		clearAll();
		new DatasetImporter(TestNeo4j.driver()).importDataset(ScenarioCounty.dataset(), ImportProgress.NONE,
				on.minusDays(30), null);
		OrgChanges changes = new OrgChanges(TestNeo4j.driver());
		changes.dispatchFirstSecretary("sc-e1", "sc-v", earlier, null, null);
		changes.recordAway("sc-s1a", "sc-s2", earlier, null);
		changes.recordAway("sc-e2", "sc-s1", earlier, on.plusDays(100));
		changes.recordAway("sc-d1", "sc-e", earlier, null);
		changes.recordAway("sc-e3", "sc-t", earlier, null);
		// An applicant the village's org develops: handed on with its members (to the township).
		changes.on(earlier).applyForMembership(new org.partygraph.queries.change.NewCandidate("sc-c1", "申請人甲", "sc-v",
				org.partygraph.model.Gender.F, java.time.LocalDate.of(1990, 5, 1)),
				org.partygraph.queries.change.DevelopmentSpans.DEFAULT);
		// The village's org dissolved, two host orgs merged, a member transferred to where they stay.
		this.scenarios.save("收尾", "sc-county", List.of(Operation.merge(List.of("sc-s1", "sc-s2"), "乙丙村聯合黨支部"),
				Operation.dissolve("sc-v", "sc-t"), Operation.transferMember("sc-d1", "sc-e")), null, null);
		Dataset predicted = this.reports.predictedAfter("收尾");
		this.applier.apply("收尾", "chief");

		// Each ends on the apply's day, none is handed on; sc-e3's stay at sc-t is untouched.
		String ended = "date('" + on + "')";
		assertThat(count("MATCH (:Member {id: 'sc-e1'})-[d:DISPATCHED_TO]->(:DissolvedOrg {id: 'sc-v'}) WHERE d.to = "
				+ ended + " RETURN count(d)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'sc-s1a'})-[a:AWAY_AT]->(:DissolvedOrg {id: 'sc-s2'}) WHERE a.to = "
				+ ended + " RETURN count(a)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'sc-e2'})-[a:AWAY_AT]->(:DissolvedOrg {id: 'sc-s1'}) WHERE a.to = "
				+ ended + " RETURN count(a)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'sc-d1'})-[a:AWAY_AT]->(:Org {id: 'sc-e'}) WHERE a.to = " + ended
				+ " RETURN count(a)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'sc-e3'})-[a:AWAY_AT]->(:Org {id: 'sc-t'}) WHERE a.to IS NULL"
				+ " RETURN count(a)")).isEqualTo(1);
		assertThat(count("MATCH (e:Event {scenario: '收尾'}) WHERE e.kind IN ['DISPATCH_ENDED', 'AWAY_ENDED'] AND e.on = "
				+ ended + " RETURN count(e)")).isEqualTo(4);
		// The candidate is handed on the apply's day, the org it left kept, with the scenario's event.
		assertThat(count("MATCH (c:Candidate {id: 'sc-c1'})-[:DEVELOPED_BY]->(:Org {id: 'sc-t'})"
				+ " WHERE c.formerOrgs = ['sc-v'] AND c.formerUntil = [" + ended + "] RETURN count(c)")).isEqualTo(1);
		assertThat(count("MATCH (e:Event {scenario: '收尾', kind: 'CANDIDATE_MOVED', member: 'sc-c1'}) WHERE e.org = 'sc-t'"
				+ " AND e.other = 'sc-v' AND e.on = " + ended + " RETURN count(e)")).isEqualTo(1);
		// The stored relations, at live and retired orgs alike, are the what-if's after.
		assertThat(TestNeo4j.driver()
			.executableQuery("MATCH (m:Member)-[d:DISPATCHED_TO]->(o) RETURN m.id + ' ' + o.id + ' ' + toString(d.from)"
					+ " + ' ' + coalesce(toString(d.to), '-') AS d ORDER BY d")
			.execute().records().stream().map((r) -> r.get("d").asString()).toList())
			.isEqualTo(predicted.dispatches().stream().map((d) -> d.member() + " " + d.village() + " " + d.from() + " "
					+ ((d.to() != null) ? d.to() : "-")).sorted().toList());
		assertThat(TestNeo4j.driver()
			.executableQuery("MATCH (m:Member)-[a:AWAY_AT]->(o) RETURN m.id + ' ' + o.id + ' ' + toString(a.from)"
					+ " + ' ' + coalesce(toString(a.to), '-') AS a ORDER BY a")
			.execute().records().stream().map((r) -> r.get("a").asString()).toList())
			.hasSize(4)
			.isEqualTo(predicted.away().stream().map((a) -> a.member() + " " + a.org() + " " + a.from() + " "
					+ ((a.to() != null) ? a.to() : "-")).sorted().toList());
		assertThat(normalized(this.exporter.exportAll())).isEqualTo(normalized(predicted));
		assertThat(TestNeo4j.exportValidatesAndReimports()).isEmpty();
	}

	@Test
	void aChangeCommittedWhileApplyWaitsForTheLockMakesItRefuse() throws Exception {
		this.scenarios.save("重組", "sc-county", RESTRUCTURING, null, null);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (Session session = TestNeo4j.driver().session(); Transaction tx = session.beginTransaction()) {
			// As a change made through OrgChanges: the dataset's lock first, then the write.
			tx.run("MATCH (d:Dataset {name: $name}) SET d._LOCK_ = true REMOVE d._LOCK_",
					Map.of("name", ScenarioCounty.NAME)).consume();
			tx.run("MATCH (o:Org {id: 'sc-t'}) SET o.name = $name, o.nameKey = $key, o.nameSort = $sort",
					Map.of("name", "甲鎮黨委", "key", org.partygraph.model.NameKeys.searchKey("甲鎮黨委"), "sort",
							org.partygraph.model.NameKeys.sortKey("甲鎮黨委")))
				.consume();
			Future<Refusal> applying = executor.submit(() -> refusal(() -> this.applier.apply("重組", null)));
			Thread.sleep(1500);
			assertThat(applying.isDone()).as("apply waits for the change's lock").isFalse();
			tx.commit();
			assertThat(applying.get(60, TimeUnit.SECONDS)).isEqualTo(Refusal.LIVE_GRAPH_CHANGED);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(count("MATCH (o:Org) WHERE o.id IN ['sc-s1', 'sc-s2', 'sc-d'] RETURN count(o)")).isEqualTo(3);
	}

	@Test
	void aChangeInAnotherCountyLeavesTheScenarioValid() {
		new DatasetImporter(TestNeo4j.driver()).importDataset(SmallCounty.dataset(), ImportProgress.NONE);
		this.scenarios.save("委員會", null, List.of(Operation.electCommittee("sc-e")), null, null);
		new OrgChanges(TestNeo4j.driver()).renameOrg("o-xz", "下寨村新黨總支");

		assertThat(this.reports.summaries()).singleElement().satisfies((s) -> assertThat(s.liveChanged()).isFalse());
		this.applier.apply("委員會", null);
		assertThat(count("MATCH (o:Org {id: 'sc-e'}) WHERE o.hasCommittee RETURN count(o)")).isEqualTo(1);
		assertThat(count("MATCH (o:Org {id: 'o-xz'}) WHERE o.name = '下寨村新黨總支' RETURN count(o)")).isEqualTo(1);
	}

	@Test
	void anOperationNamingAnOrgOutsideWithinIsNeverSaved() {
		// Scope sc-v; the dissolved sc-s2 lies outside it (its member sc-s2a would not even be in the
		// copy): refused at the operation, naming the org and the nearest org holding both, sc-t.
		List<String> live = GraphSnapshot.take();
		ScenarioRejectedException ex = catchThrowableOfType(ScenarioRejectedException.class,
				() -> this.scenarios.save("窄", "sc-v", List.of(Operation.electCommittee("sc-v"),
						Operation.dissolve("sc-s2", "sc-t")), null, null));

		assertThat(ex.refusal()).isEqualTo(Refusal.INVALID_OPERATION);
		assertThat(ex.problems()).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("operations[1]");
			assertThat(p.message()).contains("org: sc-s2", "outside within sc-v",
					"the nearest org whose subtree holds them all is sc-t");
		});
		assertThat(this.scenarios.list()).isEmpty();
		assertThat(GraphSnapshot.take()).isEqualTo(live);
		// With that scope it is accepted, and applies.
		this.scenarios.save("窄", "sc-t", List.of(Operation.dissolve("sc-s2", "sc-t")), null, null);
		this.applier.apply("窄", null);
		assertThat(count("MATCH (o:Org {id: 'sc-s2'}) RETURN count(o)")).isZero();
	}

	@Test
	void detailsGiveStepsBranchSizesAndOrgChartChanges() {
		this.scenarios.save("重組", "sc-county", RESTRUCTURING, null, null);
		ScenarioDetails details = this.reports.details("重組");

		assertThat(details.liveChanged()).isFalse();
		assertThat(details.report()).isNotNull();
		assertThat(details.steps()).hasSize(RESTRUCTURING.size()).allSatisfy((step) -> assertThat(step.live()).isTrue());
		assertThat(details.steps()).extracting(ScenarioDetails.Step::description)
			.isEqualTo(this.scenarios.find("重組").savedSteps());
		assertThat(details.steps().get(0).description()).hasSize(3)
			.first()
			.asString()
			.contains("GENERAL_BRANCH");
		assertThat(details.branches()).anySatisfy((b) -> {
			assertThat(b.orgId()).isEqualTo("sc-v-planting");
			assertThat(b.before()).isNull();
			assertThat(b.after()).isEqualTo(4);
		});
		assertThat(details.branches()).anySatisfy((b) -> {
			assertThat(b.orgId()).isEqualTo("sc-d");
			assertThat(b.before()).isEqualTo(1);
			assertThat(b.after()).isNull();
		});
		assertThat(details.orgChanges()).extracting(ScenarioDetails.OrgChartChange::change,
				ScenarioDetails.OrgChartChange::orgId)
			.contains(org.assertj.core.groups.Tuple.tuple("CREATED", "joint-sc-s1"),
					org.assertj.core.groups.Tuple.tuple("DISSOLVED", "sc-d"),
					org.assertj.core.groups.Tuple.tuple("MOVED", "sc-s2-g"),
					org.assertj.core.groups.Tuple.tuple("KIND_CHANGED", "sc-v"),
					org.assertj.core.groups.Tuple.tuple("CO_MANAGERS_CHANGED", "sc-e"),
					org.assertj.core.groups.Tuple.tuple("COMMITTEE_ELECTED", "sc-e"));
		assertThat(this.reports.details("nope")).isNull();
	}

	@Test
	void compareAndSuggest() {
		this.scenarios.save("甲", "sc-county", List.of(Operation.addCoManager("sc-e", "sc-t")), null, null);
		this.scenarios.save("乙", "sc-county", RESTRUCTURING, null, null);

		ScenarioComparison comparison = this.reports.compare(List.of("甲", "乙"));

		assertThat(comparison.sameScope()).isTrue();
		assertThat(comparison.scenarios()).extracting(ScenarioComparison.Outcome::name).containsExactly("甲", "乙");
		assertThat(comparison.scenarios().get(0).issuesFixed()).isEqualTo(1);
		assertThat(comparison.rows()).anySatisfy((r) -> {
			assertThat(r.key()).isEqualTo("dualManaged");
			assertThat(r.before()).isEqualTo(0.0);
			assertThat(r.values()).containsExactly(1.0, 1.0);
		});
		assertThat(comparison.rows()).anySatisfy((r) -> {
			assertThat(r.key()).isEqualTo("orgs.JOINT_BRANCH");
			assertThat(r.values()).containsExactly(0.0, 1.0);
		});
		assertThat(refusal(() -> this.reports.compare(List.of("甲", "nope")))).isEqualTo(Refusal.NOT_FOUND);

		List<SuggestedScenario> suggested = this.reports.suggested("sc-county");
		assertThat(suggested).isNotEmpty().allSatisfy((s) -> {
			assertThat(s.name()).isEqualTo("fix-" + s.issue().rule() + "-" + s.issue().orgId());
			assertThat(s.operations()).isEqualTo(s.issue().fix()).isNotEmpty();
		});
		assertThat(suggested).extracting(SuggestedScenario::name).contains("fix-DUAL_MANAGEMENT_MISSING-sc-e");
		SuggestedScenario fix = suggested.stream()
			.filter((s) -> s.name().equals("fix-DUAL_MANAGEMENT_MISSING-sc-e"))
			.findFirst()
			.orElseThrow();
		assertThat(this.scenarios.save(fix.name(), fix.within(), fix.operations(), null, null).name())
			.isEqualTo(fix.name());
		assertThat(this.reports.suggested("nope")).isNull();
		// Within the working committee, the township the fix names lies outside: the suggestion's
		// within widens to the county, where it runs.
		SuggestedScenario narrow = this.reports.suggested("sc-npe")
			.stream()
			.filter((s) -> s.name().equals("fix-DUAL_MANAGEMENT_MISSING-sc-e"))
			.findFirst()
			.orElseThrow();
		assertThat(narrow.within()).isEqualTo("sc-county");
		assertThat(this.reports.whatIf(null, narrow.within(), narrow.operations()).issuesFixed())
			.anySatisfy((i) -> assertThat(i.key()).isEqualTo("DUAL_MANAGEMENT_MISSING@sc-e"));
	}

	@Test
	void aScopedCallersOperationsNameWhatLiesOutsideTheirScopeAsIfItDidNotExist() {
		List<String> live = GraphSnapshot.take();
		// sc-e (and its members) lie under sc-npe, outside sc-t; sc-npe itself too.
		List<List<Operation>> outside = List.of(List.of(Operation.dissolve("sc-d", "sc-e")),
				List.of(Operation.addCoManager("sc-v", "sc-npe")), List.of(Operation.moveOrg("sc-v", "sc-npe")),
				List.of(Operation.electCommittee("sc-v"), Operation.merge(List.of("sc-s1", "sc-e"), "跨鄉")),
				List.of(Operation.transferMember("sc-e1", "sc-v")),
				List.of(Operation.assignRole("sc-e1", "sc-v", "SECRETARY")));
		for (List<Operation> operations : outside) {
			List<Operation> madeUp = operations.stream().map(ScenariosIT::madeUp).toList();
			ScenarioRejectedException refused = catchThrowableOfType(ScenarioRejectedException.class,
					() -> this.scenarios.save("越界", "sc-t", operations, null, "hbt", "sc-t"));
			ScenarioRejectedException unknown = catchThrowableOfType(ScenarioRejectedException.class,
					() -> this.scenarios.save("越界", "sc-t", madeUp, null, "hbt", "sc-t"));
			assertThat(refused.refusal()).as(operations.toString()).isEqualTo(Refusal.INVALID_OPERATION);
			assertThat(refused.problems()).as("outside answers exactly as a made-up id")
				.isEqualTo(unknown.problems().stream().map(ScenariosIT::madeUpBack).toList());
			InvalidOperationException whatIf = catchThrowableOfType(InvalidOperationException.class,
					() -> this.reports.whatIf("sc-t", "sc-t", operations));
			InvalidOperationException whatIfUnknown = catchThrowableOfType(InvalidOperationException.class,
					() -> this.reports.whatIf("sc-t", "sc-t", madeUp));
			assertThat(whatIf.getMessage()).isEqualTo(madeUpBack(whatIfUnknown.getMessage()))
				.isEqualTo(refused.problems().get(0).message());
			// Unscoped, the same operations are fine.
			assertThat(this.reports.whatIf(null, "sc-county", operations)).isNotNull();
		}
		assertThat(this.scenarios.list()).isEmpty();

		// An org an earlier operation created lies inside, and may be named.
		Scenario inside = this.scenarios.save("合併", "sc-t",
				List.of(Operation.merge(List.of("sc-s1", "sc-s2"), "聯合"), Operation.transferMember("sc-v1", "joint-sc-s1")),
				null, "hbt", "sc-t");
		assertThat(inside.owner()).isEqualTo("sc-t");

		// The scope's own root is neither dissolved, moved, re-kinded nor merged away.
		for (Operation op : List.of(Operation.upgrade("sc-t", "GENERAL_BRANCH"), Operation.dissolve("sc-t", "sc-v"),
				Operation.merge(List.of("sc-t", "sc-v"), "x"), Operation.splitByTrade("sc-t"))) {
			ScenarioRejectedException root = catchThrowableOfType(ScenarioRejectedException.class,
					() -> this.scenarios.save("根", "sc-t", List.of(op), null, "hbt", "sc-t"));
			assertThat(root.refusal()).isEqualTo(Refusal.INVALID_OPERATION);
			assertThat(root.problems().get(0).message()).as(op.toString()).contains("sc-t is the root of your scope");
		}
		assertThat(this.reports.whatIf("sc-county", "sc-county", List.of(Operation.upgrade("sc-t", "GENERAL_BRANCH"))))
			.as("a scope above may").isNotNull();
		assertThat(GraphSnapshot.take()).isEqualTo(live);
	}

	@Test
	void applyChecksTheOperationsAgainstTheAppliersScopeInItsTransaction() {
		// As saved before operations were checked (against the scope, and against within: sc-e lies
		// outside sc-t), and given its within as owner by V0008.
		List<Operation> old = List.of(Operation.dissolve("sc-d", "sc-e"));
		this.scenarios.save("舊", null, old, null, "hbt");
		TestNeo4j.driver()
			.executableQuery("MATCH (s:Scenario {name: '舊'}) SET s.within = 'sc-t', s.fingerprint = $fingerprint")
			.withParameters(Map.of("fingerprint", Fingerprint.of(this.exporter.snapshot("sc-t"), "sc-t", old)))
			.execute();
		TestNeo4j.driver().executableQuery(migration("V0008__scenario_owners")).execute();
		assertThat(this.scenarios.find("舊").owner()).isEqualTo("sc-t");
		List<String> live = GraphSnapshot.take();

		ScenarioRejectedException refused = catchThrowableOfType(ScenarioRejectedException.class,
				() -> this.applier.apply("舊", "hbt-admin", "sc-t"));

		assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_OPERATION);
		assertThat(refused.problems()).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("operations[0]");
			assertThat(p.message()).isEqualTo("operation 0 (DISSOLVE): target: no org has id 'sc-e'");
		});
		assertThat(GraphSnapshot.take()).as("nothing written").isEqualTo(live);
		assertThat(this.scenarios.find("舊").applied()).isFalse();
		// Outside the applier's scope the scenario itself does not exist.
		assertThat(catchThrowableOfType(ScenarioRejectedException.class, () -> this.applier.apply("舊", null, "sc-npe"))
			.problems()).isEqualTo(catchThrowableOfType(ScenarioRejectedException.class,
					() -> this.applier.apply("沒有", null, "sc-npe")).problems().stream()
				.map((p) -> new Problem("舊", p.field(), p.message().replace("沒有", "舊")))
				.toList());
		// The county's admin sees sc-e, but it lies outside the scenario's within: refused all the same.
		ScenarioRejectedException outside = catchThrowableOfType(ScenarioRejectedException.class,
				() -> this.applier.apply("舊", "chief", "sc-county"));
		assertThat(outside.refusal()).isEqualTo(Refusal.INVALID_OPERATION);
		assertThat(outside.problems()).singleElement()
			.satisfies((p) -> assertThat(p.message()).contains("target: sc-e", "outside within sc-t",
					"the nearest org whose subtree holds them all is sc-county"));
		assertThat(GraphSnapshot.take()).as("nothing written").isEqualTo(live);
	}

	@Test
	void aScenarioBelongsToItsSaversScopeAndStaysAsAppliedOnceApplied() {
		Scenario saved = this.scenarios.save("甲方案", "sc-t", List.of(Operation.electCommittee("sc-v")), "原", "hbt", "sc-t");
		assertThat(saved.owner()).isEqualTo("sc-t");
		assertThat(count("MATCH (s:Scenario {name: '甲方案'}) WHERE s.owner = 'sc-t' RETURN count(s)")).isEqualTo(1);

		// Another scope may neither replace, delete nor apply it, and is not told whose it is.
		ScenarioRejectedException taken = catchThrowableOfType(ScenarioRejectedException.class,
				() -> this.scenarios.save("甲方案", "sc-npe", List.of(Operation.electCommittee("sc-e")), null, "npe",
						"sc-npe"));
		assertThat(taken.refusal()).isEqualTo(Refusal.NAME_TAKEN);
		assertThat(taken.getMessage()).doesNotContain("sc-t").doesNotContain("hbt");
		assertThat(refusal(() -> this.scenarios.delete("甲方案", "sc-npe"))).isEqualTo(Refusal.NOT_FOUND);
		assertThat(refusal(() -> this.applier.apply("甲方案", null, "sc-npe"))).isEqualTo(Refusal.NOT_FOUND);
		assertThat(this.scenarios.find("甲方案")).isEqualTo(saved);

		// A scope above covers it: replaced, it belongs to that scope, and sc-t no longer sees it.
		Scenario replaced = this.scenarios.save("甲方案", "sc-county", List.of(Operation.electCommittee("sc-e")), null,
				"county", "sc-county");
		assertThat(replaced.owner()).isEqualTo("sc-county");
		assertThat(refusal(() -> this.scenarios.save("甲方案", "sc-t", List.of(Operation.electCommittee("sc-v")), null,
				"hbt", "sc-t"))).isEqualTo(Refusal.NAME_TAKEN);

		// Applied, it is the record of what was written: not saved over, not deleted.
		AppliedScenario applied = this.applier.apply("甲方案", "chief", "sc-county");
		assertThat(refusal(() -> this.scenarios.save("甲方案", "sc-county", List.of(Operation.electCommittee("sc-v")),
				null, "county", "sc-county"))).isEqualTo(Refusal.ALREADY_APPLIED);
		assertThat(refusal(() -> this.scenarios.save("甲方案", null, List.of(Operation.electCommittee("sc-v")), null,
				"admin"))).isEqualTo(Refusal.ALREADY_APPLIED);
		assertThat(refusal(() -> this.scenarios.delete("甲方案"))).isEqualTo(Refusal.ALREADY_APPLIED);
		assertThat(this.scenarios.find("甲方案")).isEqualTo(applied.scenario());
		assertThat(this.scenarios.find("甲方案").appliedBy()).isEqualTo("chief");
	}

	@Test
	void theMigrationGivesEarlierScenariosTheirWithinAsOwner() {
		this.scenarios.save("鄉", "sc-t", List.of(Operation.electCommittee("sc-v")), null, null);
		this.scenarios.save("全", null, List.of(Operation.electCommittee("sc-v")), null, null);
		assertThat(this.scenarios.find("鄉").owner()).isNull();

		TestNeo4j.driver().executableQuery(migration("V0008__scenario_owners")).execute();

		assertThat(this.scenarios.find("鄉").owner()).isEqualTo("sc-t");
		assertThat(this.scenarios.find("全").owner()).isNull();
	}

	/** The id named by the operation's last org field, or its member, made up. */
	private static Operation madeUp(Operation op) {
		return new Operation(op.op(), madeUp(op.org()), op.orgs().stream().map(ScenariosIT::madeUp).toList(),
				madeUp(op.member()), madeUp(op.target()), op.kind(), op.name(), op.units());
	}

	private static String madeUp(String id) {
		return (id == null) ? null : id.replace("sc-e", "zz-x").replace("sc-npe", "zz-y");
	}

	private static String madeUpBack(String text) {
		return text.replace("zz-x", "sc-e").replace("zz-y", "sc-npe");
	}

	private static Problem madeUpBack(Problem problem) {
		return new Problem(problem.item(), problem.field(), madeUpBack(problem.message()));
	}

	private static String migration(String script) {
		try (java.io.InputStream in = ScenariosIT.class.getResourceAsStream("/db/migration/" + script + ".cypher")) {
			// One statement; the driver takes it without the script's closing semicolon.
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip().replaceAll(";$", "");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Refusal refusal(Runnable action) {
		return catchThrowableOfType(ScenarioRejectedException.class, action::run).refusal();
	}

	/** Items by id, list fields sorted, a fixed name: equal when the graphs are. */
	static Dataset normalized(Dataset dataset) {
		return new Dataset("normalized",
				dataset.units().stream().sorted(Comparator.comparing(org.partygraph.model.Unit::id)).toList(),
				dataset.orgs()
					.stream()
					.map(Fingerprint::sorted)
					.sorted(Comparator.comparing(org.partygraph.model.Org::id))
					.toList(),
				dataset.members()
					.stream()
					.map(Fingerprint::sorted)
					.sorted(Comparator.comparing(org.partygraph.model.Member::id))
					.toList());
	}

}
