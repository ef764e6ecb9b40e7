package org.partygraph.queries;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Problem;
import org.partygraph.model.ProblemsException;
import org.partygraph.model.Role;
import org.partygraph.queries.change.NewMember;
import org.partygraph.queries.change.NewOrg;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.read.EventQueries;
import org.partygraph.queries.read.EventRow;
import org.partygraph.queries.read.TransferQueries;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.scenario.ScenarioApplier;
import org.partygraph.queries.scenario.ScenarioRejectedException;
import org.partygraph.queries.scenario.ScenarioReports;
import org.partygraph.queries.scenario.ScenarioStore;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.write.EventDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.partygraph.queries.TestNeo4j.count;

/**
 * The event log on the small county ({@link SmallCounty}), imported on 2026-01-01 with "today"
 * fixed at 2026-12-05: every write path records dated events with the values before and after,
 * refuses dates before an item's latest event or after today, keeps dissolved orgs, and the reads
 * give an org's history and a span of days, scoped.
 */
class EventLogIT {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	private static final LocalDate IMPORTED = LocalDate.of(2026, 1, 1);

	private final EventDates dates = new EventDates(
			Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC")), 0);

	private final OrgChanges changes = new OrgChanges(TestNeo4j.driver(), this.dates);

	private final EventQueries events = new EventQueries(TestNeo4j.driver());

	private final DatasetImporter importer = new DatasetImporter(TestNeo4j.driver(), this.dates);

	@BeforeEach
	void loadSmallCounty() {
		TestNeo4j.clear();
		TestNeo4j.driver().executableQuery("MATCH (s:Scenario) DETACH DELETE s").execute();
		this.importer.importDataset(SmallCounty.dataset(), ImportProgress.NONE, IMPORTED, "admin");
	}

	@AfterAll
	static void clean() {
		TestNeo4j.clear();
		TestNeo4j.driver().executableQuery("MATCH (s:Scenario) DETACH DELETE s").execute();
	}

	private OrgChanges on(String day) {
		return this.changes.on(LocalDate.parse(day)).by("alice");
	}

	@Test
	void anImportIsOneImportedEventDatedByItsOn() {
		List<EventRow> all = this.events.span(IMPORTED, IMPORTED, null, true);
		assertThat(all).singleElement().satisfies((e) -> {
			assertThat(e.kind()).isEqualTo("IMPORTED");
			assertThat(e.by()).isEqualTo("admin");
			assertThat(e.detail()).contains("小縣").contains("7 orgs");
		});
	}

	@Test
	void everyOrgChangeIsRecordedWithBeforeAfterByAndOn() {
		on("2026-02-01").createOrg(new NewOrg("o-new", OrgKind.BRANCH, "新支部", "o-xz", List.of("u-xz"), null, null));
		on("2026-02-02").renameOrg("o-new", "更新支部");
		on("2026-02-03").moveOrg("o-new", "o-hbt");
		on("2026-02-04").addCoManager("o-new", "o-npe");
		on("2026-02-05").removeCoManager("o-new", "o-npe");
		on("2026-02-06").dissolveOrg("o-new", null);

		List<Record> rows = TestNeo4j.driver().executableQuery("""
				MATCH (e:Event {org: 'o-new'})
				RETURN e.kind AS kind, toString(e.on) AS on, e.by AS by, e.before AS before, e.after AS after,
				  e.other AS other
				ORDER BY e.on, e.seq""").execute().records();
		assertThat(rows).extracting((r) -> r.get("kind").asString(), (r) -> r.get("on").asString(),
				(r) -> r.get("by").asString(), (r) -> r.get("other").asString(null))
			.containsExactly(tuple("CREATED", "2026-02-01", "alice", "o-xz"),
					tuple("RENAMED", "2026-02-02", "alice", null), tuple("MOVED", "2026-02-03", "alice", "o-hbt"),
					tuple("CO_MANAGER_ADDED", "2026-02-04", "alice", "o-npe"),
					tuple("CO_MANAGER_REMOVED", "2026-02-05", "alice", "o-npe"),
					tuple("DISSOLVED", "2026-02-06", "alice", "o-hbt"));
		assertThat(rows.get(0).get("after").asString()).contains("\"name\":\"新支部\"")
			.contains("\"parent\":\"o-xz\"")
			.contains("\"units\":[\"u-xz\"]");
		assertThat(rows.get(1).get("before").asString()).isEqualTo("新支部");
		assertThat(rows.get(1).get("after").asString()).isEqualTo("更新支部");
		assertThat(rows.get(2).get("before").asString()).isEqualTo("o-xz");
		assertThat(rows.get(2).get("after").asString()).isEqualTo("o-hbt");
		assertThat(rows.get(3).get("after").asString()).isEqualTo("o-npe");
		assertThat(rows.get(4).get("before").asString()).isEqualTo("o-npe");
		assertThat(rows.get(5).get("before").asString()).contains("\"name\":\"更新支部\"")
			.contains("\"parent\":\"o-hbt\"")
			.contains("\"coManagedBy\":[]");
		assertThat(rows.get(5).get("after").isNull()).isTrue();
	}

	@Test
	void everyMemberChangeIsRecorded() {
		on("2026-03-01").addMember(NewMember.of("n1", "新黨員", MemberStatus.FULL, "o-xz-b"));
		on("2026-03-02").assignGroup("n1", "o-xz-g1");
		on("2026-03-03").assignRole("n1", "o-xz-b", Role.SECRETARY);
		on("2026-03-04").removeRole("n1", "o-xz-b", Role.SECRETARY);
		on("2026-03-05").transferMember("n1", "o-e1", "搬遷", null);

		List<Record> rows = TestNeo4j.driver().executableQuery("""
				MATCH (e:Event {member: 'n1'})
				RETURN e.kind AS kind, toString(e.on) AS on, e.org AS org, e.before AS before, e.after AS after
				ORDER BY e.on, e.seq""").execute().records();
		assertThat(rows).extracting((r) -> r.get("kind").asString(), (r) -> r.get("on").asString(),
				(r) -> r.get("org").asString())
			.containsExactly(tuple("MEMBER_ADDED", "2026-03-01", "o-xz-b"), tuple("GROUP_CHANGED", "2026-03-02", "o-xz-b"),
					tuple("ROLE_ASSIGNED", "2026-03-03", "o-xz-b"), tuple("ROLE_REMOVED", "2026-03-04", "o-xz-b"),
					// The transfer ends the group assignment, kept as its own event so that asOf can undo it.
					tuple("GROUP_CHANGED", "2026-03-05", "o-xz-b"), tuple("TRANSFERRED", "2026-03-05", "o-xz-b"));
		assertThat(rows.get(0).get("after").asString()).contains("\"org\":\"o-xz-b\"").doesNotContain("idNumber");
		assertThat(rows.get(1).get("after").asString()).isEqualTo("o-xz-g1");
		assertThat(rows.get(2).get("after").asString()).isEqualTo("SECRETARY");
		assertThat(rows.get(3).get("before").asString()).isEqualTo("SECRETARY");
		assertThat(rows.get(4).get("before").asString()).isEqualTo("o-xz-g1");
		assertThat(rows.get(4).get("after").isNull()).isTrue();
		assertThat(rows.get(5).get("before").asString()).isEqualTo("o-xz-b");
		assertThat(rows.get(5).get("after").asString()).isEqualTo("o-e1");
		assertThat(count("MATCH (t:Transfer {member: 'n1', on: date('2026-03-05'), by: 'alice'}) RETURN count(t)"))
			.isEqualTo(1);
	}

	@Test
	void aChangeDatedBeforeTheLatestEventOfAnItemItTouchesIsRefusedAndWritesNothing() {
		on("2026-03-01").renameOrg("o-hbt", "海北頭鄉委");
		long before = count("MATCH (e:Event) RETURN count(e)");

		// o-xz itself has only the import; the new parent o-hbt was renamed on 03-01.
		ProblemsException refused = catchThrowableOfType(ProblemsException.class,
				() -> on("2026-02-01").addCoManager("o-xz", "o-hbt"));

		assertThat(refused.problems()).singleElement().satisfies((p) -> {
			assertThat(p.item()).isEqualTo("o-hbt");
			assertThat(p.field()).isEqualTo("on");
			assertThat(p.message()).contains("2026-02-01").contains("RENAMED on 2026-03-01");
		});
		assertThat(count("MATCH (e:Event) RETURN count(e)")).isEqualTo(before);
		assertThat(count("MATCH (:Org {id: 'o-xz'})-[r:CO_MANAGED_BY]->() RETURN count(r)")).isZero();
		// The same day as the latest event is fine.
		on("2026-03-01").addCoManager("o-xz", "o-hbt");
		assertThat(count("MATCH (:Org {id: 'o-xz'})-[r:CO_MANAGED_BY]->() RETURN count(r)")).isEqualTo(1);
	}

	@Test
	void aChangeBeforeTheImportOfItsDatasetIsRefused() {
		ProblemsException refused = catchThrowableOfType(ProblemsException.class,
				() -> on("2025-12-31").renameOrg("o-xz", "x"));

		assertThat(refused.problems()).extracting(Problem::item, Problem::field).containsExactly(tuple("o-xz", "on"));
		assertThat(refused.problems().get(0).message()).contains("IMPORTED on 2026-01-01");
	}

	@Test
	void aDateAfterTodayPlusTheAllowedDaysIsRefused() {
		ProblemsException refused = catchThrowableOfType(ProblemsException.class,
				() -> on("2026-12-06").renameOrg("o-xz", "x"));

		assertThat(refused.problems()).extracting(Problem::item, Problem::field).containsExactly(tuple("o-xz", "on"));
		assertThat(refused.problems().get(0).message()).contains("2026-12-06").contains("max-future-days");
		assertThat(count("MATCH (o:Org {id: 'o-xz', name: '下寨村黨總支'}) RETURN count(o)")).isEqualTo(1);

		new OrgChanges(TestNeo4j.driver(), new EventDates(this.dates.clock(), 3)).on(LocalDate.parse("2026-12-08"))
			.renameOrg("o-xz", "x");
		assertThat(count("MATCH (e:Event {org: 'o-xz', kind: 'RENAMED', on: date('2026-12-08')}) RETURN count(e)"))
			.isEqualTo(1);
		// Without a date: today.
		this.changes.renameOrg("o-hbt", "y");
		assertThat(count("MATCH (e:Event {org: 'o-hbt', kind: 'RENAMED', on: date('2026-12-05')}) RETURN count(e)"))
			.isEqualTo(1);
	}

	@Test
	void anImportDatedBeforeAnEventOfItsItemsIsRefused() {
		on("2026-05-01").renameOrg("o-xz", "x");

		InvalidDatasetException refused = catchThrowableOfType(InvalidDatasetException.class,
				() -> this.importer.importDataset(SmallCounty.dataset(), ImportProgress.NONE, LocalDate.of(2026, 4, 1),
						"admin"));

		assertThat(refused.problems()).extracting(Problem::item, Problem::field)
			.containsExactly(tuple("o-xz", "on"));
		assertThat(refused.problems().get(0).message()).contains("RENAMED on 2026-05-01");
		assertThat(count("MATCH (o:Org {id: 'o-xz', name: 'x'}) RETURN count(o)")).isEqualTo(1);
	}

	@Test
	void aDissolvedOrgIsKeptItsTransfersKeepBothEndsAndItsIdIsNotReused() {
		on("2026-04-01").dissolveOrg("o-xz-b", "o-xz");

		assertThat(count("MATCH (o:Org {id: 'o-xz-b'}) RETURN count(o)")).isZero();
		assertThat(count("""
				MATCH (o:DissolvedOrg {id: 'o-xz-b', name: '下寨村養殖行業黨支部', dissolvedOn: date('2026-04-01'),
				  lastParent: 'o-xz'})
				WHERE NOT (o)--()
				RETURN count(o)""")).isEqualTo(1);
		assertThat(new TransferQueries(TestNeo4j.driver()).ofMember("b1")).singleElement().satisfies((t) -> {
			assertThat(t.from()).isEqualTo("o-xz-b");
			assertThat(t.to()).isEqualTo("o-xz");
		});
		String state = TestNeo4j.driver()
			.executableQuery("MATCH (e:Event {org: 'o-xz-b', kind: 'DISSOLVED'}) RETURN e.before AS state")
			.execute()
			.records()
			.get(0)
			.get("state")
			.asString();
		assertThat(state).contains("\"members\":[\"b1\",\"b2\",\"b3\"]")
			.contains("\"children\":[\"o-xz-g1\"]")
			.contains("\"trade\":\"BREEDING\"");
		assertThat(count("MATCH (e:Event {kind: 'MOVED', org: 'o-xz-g1', before: 'o-xz-b', after: 'o-xz'}) RETURN count(e)"))
			.isEqualTo(1);

		ProblemsException refused = catchThrowableOfType(ProblemsException.class,
				() -> on("2026-04-02").createOrg(NewOrg.of("o-xz-b", OrgKind.BRANCH, "又一支部", "o-xz")));
		assertThat(refused.problems()).singleElement().satisfies((p) -> {
			assertThat(p.item()).isEqualTo("o-xz-b");
			assertThat(p.field()).isEqualTo("id");
			assertThat(p.message()).contains("dissolved on 2026-04-01");
		});
		assertThat(count("MATCH (o:Org {id: 'o-xz-b'}) RETURN count(o)")).isZero();
	}

	@Test
	void historyIsOldestFirstAndASpanIsInclusiveAndScoped() {
		on("2026-02-01").renameOrg("o-xz", "一");
		on("2026-02-01").renameOrg("o-xz", "二");
		on("2026-03-01").renameOrg("o-e1", "企業支部");
		on("2026-04-01").renameOrg("o-xz", "三");

		assertThat(this.events.history(List.of("o-xz", "o-npe")))
			.hasEntrySatisfying("o-xz", (h) -> assertThat(h).extracting(EventRow::on, EventRow::detail)
				.containsExactly(tuple(LocalDate.parse("2026-02-01"), "org o-xz renamed from '下寨村黨總支' to '一'"),
						tuple(LocalDate.parse("2026-02-01"), "org o-xz renamed from '一' to '二'"),
						tuple(LocalDate.parse("2026-04-01"), "org o-xz renamed from '二' to '三'")))
			.hasEntrySatisfying("o-npe", (h) -> assertThat(h).isEmpty());

		assertThat(this.events.span(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"), null, true))
			.extracting(EventRow::org)
			.containsExactly("o-xz", "o-xz", "o-e1");
		assertThat(this.events.span(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-04-01"), null, true))
			.extracting(EventRow::org)
			.containsExactly("o-e1", "o-xz");
		// A user of the o-hbt subtree sees the o-xz events, not o-e1's (under o-npe), nor the import.
		assertThat(this.events.span(IMPORTED, TODAY, Set.of("o-hbt", "o-xz", "o-xz-b", "o-xz-g1"), true))
			.extracting(EventRow::org)
			.containsExactly("o-xz", "o-xz", "o-xz");
	}

	@Test
	void anAppliedScenarioRecordsTaggedEventsAndKeepsItsReport() {
		DatasetExporter exporter = new DatasetExporter(TestNeo4j.driver());
		ComplianceQueries compliance = new ComplianceQueries(exporter, new RuleChecker(RuleThresholds.DEFAULTS),
				PatternFigures::of);
		ScenarioStore store = new ScenarioStore(TestNeo4j.driver(), exporter, compliance);
		ScenarioApplier applier = new ScenarioApplier(TestNeo4j.driver(), exporter, compliance, this.dates);
		store.save("併入", null, List.of(Operation.addCoManager("o-xz", "o-npe"), Operation.dissolve("o-e1", "o-xz")),
				null, "bob", null);

		ScenarioRejectedException early = catchThrowableOfType(ScenarioRejectedException.class,
				() -> applier.apply("併入", "carol", null, LocalDate.parse("2025-06-01")));
		assertThat(early.refusal()).isEqualTo(ScenarioRejectedException.Refusal.INVALID_DATE);
		assertThat(early.problems()).extracting(Problem::field).containsOnly("on");

		applier.apply("併入", "carol", null, LocalDate.parse("2026-06-01"));

		assertThat(this.events.span(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-01"), null, true))
			.extracting(EventRow::kind, EventRow::org, EventRow::by, EventRow::scenario)
			.containsExactlyInAnyOrder(tuple("CO_MANAGER_ADDED", "o-xz", "carol", "併入"),
					// b3 (of o-xz-b) participated in o-e1
					tuple("PARTICIPATION_CHANGED", "o-xz-b", "carol", "併入"),
					tuple("TRANSFERRED", "o-e1", "carol", "併入"), tuple("DISSOLVED", "o-e1", "carol", "併入"));
		assertThat(count("MATCH (o:DissolvedOrg {id: 'o-e1'}) RETURN count(o)")).isEqualTo(1);
		var applied = store.find("併入");
		assertThat(applied.appliedBy()).isEqualTo("carol");
		assertThat(applied.appliedOn()).isEqualTo(LocalDate.parse("2026-06-01"));
		// The operations no longer apply to the live graph (o-e1 is gone); the kept report answers.
		var report = new ScenarioReports(TestNeo4j.driver(), exporter, compliance, store).report(applied, null);
		assertThat(report.orgsDissolved()).containsExactly("o-e1");
		assertThat(report.markdown()).isNotBlank();
	}

}
