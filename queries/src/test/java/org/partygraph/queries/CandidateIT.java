package org.partygraph.queries;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.Gender;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Problem;
import org.partygraph.queries.change.CandidateAdmitted;
import org.partygraph.queries.change.ChangeRejectedException;
import org.partygraph.queries.change.DevelopmentSpans;
import org.partygraph.queries.change.NewCandidate;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.history.PastStructure;
import org.partygraph.queries.read.CandidateQueries;
import org.partygraph.queries.read.CandidateRow;
import org.partygraph.queries.read.DevelopmentRecordRow;
import org.partygraph.queries.read.DueCandidate;
import org.partygraph.queries.read.PipelineCounts;
import org.partygraph.queries.read.StatementListener;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.write.EventDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The development of new members (發展黨員, docs/contract.md section 8) against a real Neo4j: each
 * step at, before and after its least span; stages in order; the records admission needs; an
 * admission making a PROBATIONARY member whose probation starts on the branch's resolution; every
 * refusal naming the field and writing nothing; the pipeline counts against a hand count, on a
 * past day too; who is due; a dissolved org handing its candidates on. On {@link SmallCounty}.
 */
class CandidateIT {

	private static final LocalDate IMPORTED = LocalDate.of(2020, 1, 1);

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	private static final DevelopmentSpans SPANS = DevelopmentSpans.DEFAULT;

	private final EventDates dates = new EventDates(
			Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC")), 0);

	private final OrgChanges changes = new OrgChanges(TestNeo4j.driver(), this.dates);

	private final CandidateQueries candidates = new CandidateQueries(TestNeo4j.driver(), StatementListener.NONE);

	@BeforeEach
	void load() {
		TestNeo4j.load(SmallCounty.dataset(), this.dates, IMPORTED);
	}

	@AfterAll
	static void clean() {
		TestNeo4j.clear();
	}

	private OrgChanges on(String day) {
		return this.changes.on(LocalDate.parse(day)).by("alice");
	}

	private void apply(String id, String org, String day) {
		on(day).applyForMembership(new NewCandidate(id, "申請人" + id, org, Gender.F, LocalDate.of(1990, 5, 1)), SPANS);
	}

	/** An applicant on 2024-01-10, activist on 2024-03-01, target on 2025-03-01, with every record admission needs. */
	private void target(String id, String org) {
		apply(id, org, "2024-01-10");
		on("2024-03-01").advanceCandidate(id, CandidateStage.ACTIVIST, SPANS);
		on("2025-03-01").advanceCandidate(id, CandidateStage.DEVELOPMENT_TARGET, SPANS);
		on("2025-04-01").recordDevelopmentStep(id, DevelopmentRecordKind.POLITICAL_REVIEW, "政審合格");
		on("2025-05-01").recordDevelopmentStep(id, DevelopmentRecordKind.TRAINING, null);
		on("2025-06-01").recordDevelopmentStep(id, DevelopmentRecordKind.BRANCH_RESOLUTION, "支部大會通過");
	}

	private static long writes() {
		return TestNeo4j.count("MATCH (e:Event) RETURN count(e)") * 1_000_000
				+ TestNeo4j.count("MATCH (c:Candidate) RETURN count(c)") * 1000
				+ TestNeo4j.count("MATCH (r:DevelopmentRecord) RETURN count(r)")
				+ TestNeo4j.count("MATCH (m:Member) RETURN count(m)") * 100_000;
	}

	private static List<Problem> refused(Runnable change) {
		long before = writes();
		ChangeRejectedException ex = catchThrowableOfType(ChangeRejectedException.class, change::run);
		assertThat(ex).as("refused").isNotNull();
		assertThat(writes()).as("nothing written").isEqualTo(before);
		return ex.problems();
	}

	private CandidateRow row(String id) {
		return this.candidates.byIds(List.of(id)).get(id);
	}

	@Test
	void anApplicationMakesAnApplicantWithItsRecordAndEvent() {
		apply("c1", "o-xz-b", "2026-03-01");
		CandidateRow c = row("c1");
		assertThat(c.stage()).isEqualTo(CandidateStage.APPLICANT);
		assertThat(c.org()).isEqualTo("o-xz-b");
		assertThat(c.appliedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(c.birthDate()).isEqualTo(LocalDate.of(1990, 5, 1));
		assertThat(this.candidates.records(List.of("c1")).get("c1"))
			.containsExactly(new DevelopmentRecordRow(DevelopmentRecordKind.APPLICATION, LocalDate.of(2026, 3, 1), null));
		assertThat(TestNeo4j.count("MATCH (e:Event {kind: 'CANDIDATE_ADDED', member: 'c1', org: 'o-xz-b'}) "
				+ "WHERE e.on = date('2026-03-01') AND e.by = 'alice' RETURN count(e)")).isOne();
		assertThat(TestNeo4j.count("MATCH (c:Candidate {id: 'c1'}) WHERE c.dataset = '小縣' RETURN count(c)"))
			.as("in its org's dataset").isOne();
	}

	@Test
	void anApplicationIsRefusedNamingTheField() {
		apply("c1", "o-xz-b", "2026-03-01");
		assertThat(refused(() -> apply("b1", "o-xz-b", "2026-03-01"))).extracting(Problem::item, Problem::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("b1", "id"));
		assertThat(refused(() -> apply("c1", "o-xz-b", "2026-03-01"))).extracting(Problem::field).containsExactly("id");
		assertThat(refused(() -> apply("c2", "o-xz-g1", "2026-03-01"))).extracting(Problem::field).containsExactly("org");
		assertThat(refused(() -> apply("c2", "o-none", "2026-03-01"))).singleElement()
			.satisfies((p) -> assertThat(p.message()).contains("no org 'o-none'"));
		// 18 on 2008-05-01 + 18 years: refused the day before the birthday, taken on it.
		List<Problem> young = refused(() -> on("2026-04-30").applyForMembership(
				new NewCandidate("c3", "少年", "o-xz-b", null, LocalDate.of(2008, 5, 1)), SPANS));
		assertThat(young).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("birthDate");
			assertThat(p.message()).contains("under 18");
		});
		on("2026-05-01").applyForMembership(new NewCandidate("c3", "少年", "o-xz-b", null, LocalDate.of(2008, 5, 1)), SPANS);
		assertThat(row("c3")).isNotNull();
		// A caller whose scope is o-npe cannot apply at o-xz-b: refused as an unknown org.
		OrgChanges scoped = this.changes.within(WriteScope.of("o-npe")).on(LocalDate.of(2026, 3, 1));
		assertThat(refused(() -> scoped.applyForMembership(new NewCandidate("c4", "某", "o-xz-b", null, null), SPANS)))
			.singleElement()
			.satisfies((p) -> assertThat(p.message()).isEqualTo("no org 'o-xz-b'"));
	}

	@Test
	void anActivistBecomesATargetAfterTwelveMonthsNotBefore() {
		apply("c1", "o-xz-b", "2025-01-05");
		// The 細則 sets no span for an applicant: the same day is allowed.
		on("2025-01-05").advanceCandidate("c1", CandidateStage.ACTIVIST, SPANS);
		List<Problem> early = refused(() -> on("2026-01-04").advanceCandidate("c1", CandidateStage.DEVELOPMENT_TARGET, SPANS));
		assertThat(early).singleElement().satisfies((p) -> {
			assertThat(p.item()).isEqualTo("c1");
			assertThat(p.field()).isEqualTo("on");
			assertThat(p.message()).contains("2026-01-05 at the earliest").contains("activist-months");
		});
		on("2026-01-05").advanceCandidate("c1", CandidateStage.DEVELOPMENT_TARGET, SPANS);
		CandidateRow c = row("c1");
		assertThat(c.stage()).isEqualTo(CandidateStage.DEVELOPMENT_TARGET);
		assertThat(c.activistSince()).isEqualTo(LocalDate.of(2025, 1, 5));
		assertThat(c.targetSince()).isEqualTo(LocalDate.of(2026, 1, 5));
		assertThat(this.candidates.records(List.of("c1")).get("c1")).extracting(DevelopmentRecordRow::kind)
			.containsExactly(DevelopmentRecordKind.APPLICATION, DevelopmentRecordKind.ACTIVIST_DESIGNATION,
					DevelopmentRecordKind.TARGET_DESIGNATION);
		// A day after the span is fine as well.
		apply("c2", "o-xz-b", "2025-01-05");
		on("2025-02-01").advanceCandidate("c2", CandidateStage.ACTIVIST, SPANS);
		on("2026-02-02").advanceCandidate("c2", CandidateStage.DEVELOPMENT_TARGET, SPANS);
		assertThat(row("c2").stage()).isEqualTo(CandidateStage.DEVELOPMENT_TARGET);
	}

	@Test
	void aConfiguredSpanMovesTheEarliestDay() {
		DevelopmentSpans six = new DevelopmentSpans(1, 6, 0, 3, 18);
		apply("c1", "o-xz-b", "2025-01-05");
		assertThat(refused(() -> on("2025-02-04").advanceCandidate("c1", CandidateStage.ACTIVIST, six)))
			.extracting(Problem::field).containsExactly("on");
		on("2025-02-05").advanceCandidate("c1", CandidateStage.ACTIVIST, six);
		on("2025-08-05").advanceCandidate("c1", CandidateStage.DEVELOPMENT_TARGET, six);
		assertThat(row("c1").targetSince()).isEqualTo(LocalDate.of(2025, 8, 5));
	}

	@Test
	void stagesAreTakenInOrderAndNotBeforeThePreviousOne() {
		apply("c1", "o-xz-b", "2025-06-01");
		assertThat(refused(() -> on("2026-09-01").advanceCandidate("c1", CandidateStage.DEVELOPMENT_TARGET, SPANS)))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.field()).isEqualTo("to");
				assertThat(p.message()).contains("the stage after it is ACTIVIST");
			});
		assertThat(refused(() -> on("2026-09-01").advanceCandidate("c1", CandidateStage.ADMITTED, SPANS)))
			.extracting(Problem::field).containsExactly("to");
		// An event dated before the application is refused by the event dates, and the stage by its own check.
		assertThat(refused(() -> on("2025-05-31").advanceCandidate("c1", CandidateStage.ACTIVIST, SPANS)))
			.extracting(Problem::field).contains("on");
		assertThat(refused(() -> on("2026-01-01").advanceCandidate("c-none", CandidateStage.ACTIVIST, SPANS)))
			.singleElement()
			.satisfies((p) -> assertThat(p.field()).isEqualTo("candidate"));
	}

	@Test
	void recordsNeedTheirStage() {
		apply("c1", "o-xz-b", "2025-06-01");
		on("2025-06-20").recordDevelopmentStep("c1", DevelopmentRecordKind.TALK, "談話");
		assertThat(refused(() -> on("2025-07-01").recordDevelopmentStep("c1", DevelopmentRecordKind.POLITICAL_REVIEW, null)))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.field()).isEqualTo("on");
				assertThat(p.message()).contains("a step of a DEVELOPMENT_TARGET");
			});
		assertThat(refused(() -> on("2025-07-01").recordDevelopmentStep("c1", DevelopmentRecordKind.ACTIVIST_DESIGNATION, null)))
			.extracting(Problem::field).containsExactly("kind");
		assertThat(refused(() -> on("2025-07-01").recordDevelopmentStep("c1", DevelopmentRecordKind.TALK, "很".repeat(501))))
			.extracting(Problem::field).containsExactly("note");
		assertThat(this.candidates.records(List.of("c1")).get("c1")).extracting(DevelopmentRecordRow::kind, DevelopmentRecordRow::note)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(DevelopmentRecordKind.APPLICATION, null),
					org.assertj.core.groups.Tuple.tuple(DevelopmentRecordKind.TALK, "談話"));
	}

	@Test
	void admissionNeedsTheReviewTrainingAndResolutionAndMakesAProbationaryMember() {
		apply("c1", "o-xz-b", "2024-01-10");
		on("2024-03-01").advanceCandidate("c1", CandidateStage.ACTIVIST, SPANS);
		on("2025-03-01").advanceCandidate("c1", CandidateStage.DEVELOPMENT_TARGET, SPANS);
		assertThat(refused(() -> on("2025-04-01").admitCandidate("c1", null, SPANS))).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("records");
			assertThat(p.message()).contains("POLITICAL_REVIEW, TRAINING, BRANCH_RESOLUTION");
		});
		on("2025-04-01").recordDevelopmentStep("c1", DevelopmentRecordKind.POLITICAL_REVIEW, null);
		on("2025-05-01").recordDevelopmentStep("c1", DevelopmentRecordKind.TRAINING, null);
		on("2025-06-01").recordDevelopmentStep("c1", DevelopmentRecordKind.BRANCH_RESOLUTION, null);
		// More than three months after the branch's resolution: refused.
		assertThat(refused(() -> on("2025-09-02").admitCandidate("c1", null, SPANS))).singleElement()
			.satisfies((p) -> assertThat(p.field()).isEqualTo("on"));
		assertThat(refused(() -> on("2025-07-01").admitCandidate("c1", "b1", SPANS))).singleElement()
			.satisfies((p) -> assertThat(p.field()).isEqualTo("member"));
		long fullBefore = TestNeo4j.count("MATCH (o:Org {id: 'o-xz-b'}) RETURN o.ownFullMembers");
		CandidateAdmitted done = on("2025-07-01").admitCandidate("c1", null, SPANS);
		assertThat(done.member()).isEqualTo("c1");
		assertThat(done.probationSince()).isEqualTo(LocalDate.of(2025, 6, 1));
		assertThat(TestNeo4j.count("""
				MATCH (c:Candidate {id: 'c1', stage: 'ADMITTED'})-[:BECAME]->(m:Member {id: 'c1', status: 'PROBATIONARY'})
				      -[:MEMBER_OF]->(:Org {id: 'o-xz-b'})
				WHERE m.probationSince = date('2025-06-01') AND m.joined = date('2025-06-01')
				  AND c.admittedOn = date('2025-07-01') AND m.name = c.name AND m.gender = 'F'
				RETURN count(m)""")).isOne();
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
		assertThat(TestNeo4j.count("MATCH (o:Org {id: 'o-xz-b'}) RETURN o.ownMembers")).isEqualTo(4);
		assertThat(TestNeo4j.count("MATCH (o:Org {id: 'o-xz-b'}) RETURN o.ownFullMembers")).isEqualTo(fullBefore);
		assertThat(TestNeo4j.count("MATCH (e:Event) WHERE e.kind IN ['CANDIDATE_ADMITTED', 'MEMBER_ADDED'] "
				+ "AND e.on = date('2025-07-01') RETURN count(e)")).isEqualTo(2);
		assertThat(this.candidates.ofMembers(List.of("c1")).get("c1").id()).isEqualTo("c1");
		// Admitted once only; no records after it.
		assertThat(refused(() -> on("2025-08-01").admitCandidate("c1", "c1-2", SPANS))).extracting(Problem::field)
			.containsExactly("candidate");
		assertThat(refused(() -> on("2025-08-01").recordDevelopmentStep("c1", DevelopmentRecordKind.TALK, null)))
			.extracting(Problem::field).containsExactly("on");
		// Before the admission, the past structure has no such member; on the day it has.
		PastStructure past = new PastStructure(TestNeo4j.driver());
		assertThat(past.asOf(null, LocalDate.of(2025, 6, 30)).dataset().members()).extracting(Member::id).doesNotContain("c1");
		assertThat(past.asOf(null, LocalDate.of(2025, 7, 1)).dataset().members())
			.filteredOn((m) -> m.id().equals("c1")).singleElement()
			.satisfies((m) -> assertThat(m.status()).isEqualTo(MemberStatus.PROBATIONARY));
	}

	@Test
	void thePipelineCountsEachPersonOnceAtTheStageOfTheDay() {
		// o-xz-b: c1 applicant; c2 activist; c3 target; c4 admitted (a probationer, with b3).
		// o-e1: c5 activist. o-xz (above o-xz-b): c6 applicant from 2026-11-01.
		target("c3", "o-xz-b");
		target("c4", "o-xz-b");
		on("2025-07-01").admitCandidate("c4", null, SPANS);
		apply("c1", "o-xz-b", "2026-02-01");
		apply("c2", "o-xz-b", "2025-02-01");
		on("2025-03-01").advanceCandidate("c2", CandidateStage.ACTIVIST, SPANS);
		apply("c5", "o-e1", "2025-02-01");
		on("2025-03-01").advanceCandidate("c5", CandidateStage.ACTIVIST, SPANS);
		apply("c6", "o-xz", "2026-11-01");
		Map<String, PipelineCounts> own = this.candidates.pipeline(List.of("o-xz-b", "o-e1", "o-xz", "o-npe"), TODAY, false);
		assertThat(own.get("o-xz-b")).isEqualTo(new PipelineCounts(1, 1, 1, 0));
		assertThat(own.get("o-e1")).isEqualTo(new PipelineCounts(0, 1, 0, 0));
		assertThat(own.get("o-xz")).isEqualTo(new PipelineCounts(1, 0, 0, 0));
		assertThat(own.get("o-npe")).isEqualTo(PipelineCounts.NONE);
		Map<String, PipelineCounts> subtree = this.candidates.pipeline(List.of("o-county", "o-hbt"), TODAY, true);
		assertThat(subtree.get("o-county")).isEqualTo(new PipelineCounts(2, 2, 1, 0));
		assertThat(subtree.get("o-hbt")).isEqualTo(new PipelineCounts(2, 1, 1, 0));
		assertThat(this.candidates.probationers(List.of("o-xz-b", "o-county"), true))
			.containsEntry("o-xz-b", 2L).containsEntry("o-county", 2L);
		// On 2025-04-15: c1 and c6 had not applied; c2 activist; c3 and c4 targets; c5 activist.
		LocalDate day = LocalDate.of(2025, 4, 15);
		assertThat(this.candidates.pipeline(List.of("o-county"), day, true).get("o-county"))
			.isEqualTo(new PipelineCounts(0, 2, 2, 0));
		// On 2024-02-01: c3 and c4 were applicants.
		assertThat(this.candidates.pipeline(List.of("o-xz-b"), LocalDate.of(2024, 2, 1), false).get("o-xz-b"))
			.isEqualTo(new PipelineCounts(2, 0, 0, 0));
		assertThat(this.candidates.ofOrgs(List.of("o-xz-b"), day, EnumSet.of(CandidateStage.DEVELOPMENT_TARGET)).get("o-xz-b"))
			.extracting(CandidateRow::id).containsExactly("c3", "c4");
		assertThat(this.candidates.ofOrgs(List.of("o-xz-b"), TODAY, EnumSet.allOf(CandidateStage.class)).get("o-xz-b"))
			.extracting(CandidateRow::id).containsExactly("c3", "c4", "c2", "c1");
	}

	@Test
	void dueListsWhoseSpanEndsBeforeTheDay() {
		apply("c1", "o-xz-b", "2025-02-01");
		on("2025-03-01").advanceCandidate("c1", CandidateStage.ACTIVIST, SPANS); // target from 2026-03-01
		apply("c2", "o-e1", "2025-02-01");
		on("2025-06-01").advanceCandidate("c2", CandidateStage.ACTIVIST, SPANS); // target from 2026-06-01
		apply("c3", "o-xz-b", "2026-10-01"); // activist from 2026-10-01
		List<DueCandidate> due = this.candidates.due(null, LocalDate.of(2026, 6, 1), SPANS);
		assertThat(due).extracting((d) -> d.candidate().id(), DueCandidate::next, DueCandidate::earliest)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("c1", CandidateStage.DEVELOPMENT_TARGET, LocalDate.of(2026, 3, 1)));
		assertThat(this.candidates.due(null, LocalDate.of(2026, 12, 1), SPANS)).extracting((d) -> d.candidate().id())
			.containsExactly("c1", "c2", "c3");
		assertThat(this.candidates.due("o-hbt", LocalDate.of(2026, 12, 1), SPANS)).extracting((d) -> d.candidate().id())
			.containsExactly("c1", "c3");
	}

	@Test
	void aDissolvedOrgHandsItsCandidatesAndTheDispatchesItSentOnWithItsMembers() {
		apply("c1", "o-e1", "2025-02-01");
		// e1 (of o-e1) serves o-xz as first secretary, sent by o-e1; the SmallCounty village is o-xz (u-xz).
		this.changes.dispatchFirstSecretary("e1", "o-xz", LocalDate.of(2025, 3, 1), null, "o-e1");
		this.changes.on(LocalDate.of(2026, 1, 1)).dissolveOrg("o-e1", "o-npe");
		assertThat(row("c1").org()).isEqualTo("o-npe");
		assertThat(TestNeo4j.count("MATCH (:Member {id: 'e1'})-[d:DISPATCHED_TO]->(:Org {id: 'o-xz'}) WHERE d.by = 'o-npe' RETURN count(d)"))
			.as("the dispatch names the org that took o-e1's place").isOne();
	}

}
