package org.partygraph.queries;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Problem;
import org.partygraph.queries.change.ChangeRejectedException;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.change.ProbationDecided;
import org.partygraph.queries.change.ProbationOutcome;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.history.Past;
import org.partygraph.queries.history.PastStructure;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.write.EventDates;
import org.partygraph.queries.write.MemberTallies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Deciding probations (預備期, docs/contract.md section 8) against a real Neo4j: FULL and EXTENDED
 * are refused before the probation ends and taken on its last day, an extension is 6 to 12 months
 * and given once, CANCELLED removes the member and {@code asOf} brings them back before it; every
 * refusal names the field and writes nothing; tallies stay equal to a recount; PROBATION_OVERDUE
 * fires the day after a probation ends, not on it.
 *
 * <pre>
 * o-xz-b (BRANCH)  b1, b2 FULL; b3 PROBATIONARY since 2025-11-01 (ends 2026-11-01);
 *                  b4 PROBATIONARY, joined 2025-03-01, no probationSince (ends 2026-03-01)
 * o-e1 (BRANCH)    e1 FULL; e2 PROBATIONARY since 2026-06-01 (ends 2027-06-01)
 * </pre>
 */
class ProbationIT {

	private static final LocalDate IMPORTED = LocalDate.of(2025, 1, 1);

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	private final EventDates dates = new EventDates(
			Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC")), 0);

	private final OrgChanges changes = new OrgChanges(TestNeo4j.driver(), this.dates);

	private final DatasetExporter exporter = new DatasetExporter(TestNeo4j.driver());

	private final RuleChecker checker = new RuleChecker(RuleThresholds.DEFAULTS);

	@BeforeEach
	void load() {
		TestNeo4j.load(county(), this.dates, IMPORTED);
	}

	@AfterAll
	static void clean() {
		TestNeo4j.clear();
	}

	static Dataset county() {
		Dataset small = SmallCounty.dataset();
		List<Member> members = new ArrayList<>();
		for (Member m : small.members()) {
			members.add(m.id().equals("b3") ? probationary(m, null, LocalDate.of(2025, 11, 1)) : m);
		}
		members.add(probationary(Member.of("b4", "王五", MemberStatus.PROBATIONARY, "o-xz-b"), LocalDate.of(2025, 3, 1),
				null));
		members.add(probationary(Member.of("e2", "李二", MemberStatus.PROBATIONARY, "o-e1"), null,
				LocalDate.of(2026, 6, 1)));
		return new Dataset(small.name(), small.units(), small.orgs(), members);
	}

	private static Member probationary(Member m, LocalDate joined, LocalDate since) {
		return new Member(m.id(), m.name(), MemberStatus.PROBATIONARY, m.org(), m.unit(), m.trade(), m.gender(),
				m.birthDate(), joined, m.idNumber(), m.phone(), m.group(), m.roles(), m.participatesIn(), since, null);
	}

	private static Member probationer(String id, LocalDate joined, LocalDate since, LocalDate extendedTo) {
		return new Member(id, "張" + id, MemberStatus.PROBATIONARY, "o-e1", null, null, null, null, joined, null, null,
				null, List.of(), List.of(), since, extendedTo);
	}

	private ProbationDecided decide(String member, ProbationOutcome outcome, int months, String day) {
		return this.changes.on(LocalDate.parse(day)).by("alice").decideProbation(member, outcome, months, 12);
	}

	private List<Problem> refused(String member, ProbationOutcome outcome, int months, String day) {
		long events = TestNeo4j.count("MATCH (e:Event) RETURN count(e)");
		ChangeRejectedException ex = catchThrowableOfType(ChangeRejectedException.class,
				() -> decide(member, outcome, months, day));
		assertThat(ex).as("refused: %s %s on %s", member, outcome, day).isNotNull();
		assertThat(TestNeo4j.count("MATCH (e:Event) RETURN count(e)")).as("nothing written").isEqualTo(events);
		return ex.problems();
	}

	/** The two spellings of a probation's end, Java's and the due lists' Cypher, give the same day. */
	@Test
	void theJavaAndTheCypherProbationEndAgree() {
		List<LocalDate> days = java.util.Arrays.asList(null, LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29),
				LocalDate.of(2023, 3, 31), LocalDate.of(2024, 8, 31), LocalDate.of(2025, 12, 31), LocalDate.of(2024, 6, 15));
		List<Map<String, Object>> rows = new ArrayList<>();
		List<LocalDate> expected = new ArrayList<>();
		for (LocalDate since : days) {
			for (LocalDate joined : days.subList(0, 4)) {
				for (LocalDate extendedTo : java.util.Arrays.asList(null, LocalDate.of(2026, 2, 28))) {
					for (int months : new int[] { 1, 6, 12, 13, 24 }) {
						Map<String, Object> row = new java.util.HashMap<>();
						row.put("probationSince", since);
						row.put("joined", joined);
						row.put("probationExtendedTo", extendedTo);
						row.put("months", months);
						rows.add(row);
						expected.add(Member.probationEnd(since, joined, extendedTo, months));
					}
				}
			}
		}
		List<LocalDate> cypher = TestNeo4j.driver()
			.executableQuery("UNWIND $rows AS m WITH m, m.months AS months RETURN "
					+ org.partygraph.queries.read.ProbationQueries.ENDS_ON.formatted("m").replace("$months", "months")
					+ " AS endsOn")
			.withParameters(Map.of("rows", rows))
			.execute()
			.records()
			.stream()
			.map((r) -> r.get("endsOn").isNull() ? null : r.get("endsOn").asLocalDate())
			.toList();
		assertThat(cypher).hasSize(expected.size());
		for (int i = 0; i < rows.size(); i++) {
			assertThat(cypher.get(i)).as("%s", rows.get(i)).isEqualTo(expected.get(i));
		}
	}

	@Test
	void fullIsRefusedBeforeTheProbationEndsAndTakenOnItsLastDay() {
		assertThat(refused("b3", ProbationOutcome.FULL, 12, "2026-10-31")).singleElement().satisfies((p) -> {
			assertThat(p.item()).isEqualTo("b3");
			assertThat(p.field()).isEqualTo("on");
			assertThat(p.message()).contains("began on 2025-11-01", "2026-11-01", "not on 2026-10-31");
		});
		assertThat(status("b3")).isEqualTo("PROBATIONARY");

		ProbationDecided done = decide("b3", ProbationOutcome.FULL, 12, "2026-11-01");
		assertThat(done.removed()).isFalse();
		assertThat(status("b3")).isEqualTo("FULL");
		assertThat(structure().fullMemberCount("o-xz-b")).isEqualTo(3);
		assertThat(TestNeo4j.count("MATCH (e:Event {kind: 'MEMBER_UPDATED', member: 'b3', org: 'o-xz-b'})"
				+ " WHERE e.on = date('2026-11-01') AND e.before CONTAINS 'PROBATIONARY' AND e.after CONTAINS 'FULL'"
				+ " RETURN count(e)")).isEqualTo(1);
		assertTalliesEqualARecount();
		// Decided once: a full member has no probation to decide.
		assertThat(refused("b3", ProbationOutcome.FULL, 12, "2026-12-01")).singleElement()
			.satisfies((p) -> assertThat(p.field()).isEqualTo("member"));
		// The day before, asOf still sees the probationer.
		Past before = new PastStructure(TestNeo4j.driver()).asOf(null, LocalDate.of(2026, 10, 31));
		assertThat(before.structure().member("b3").status()).isEqualTo(MemberStatus.PROBATIONARY);
	}

	@Test
	void anUnrecordedStartFallsBackToJoined() {
		assertThat(refused("b4", ProbationOutcome.FULL, 12, "2026-02-28")).singleElement()
			.satisfies((p) -> assertThat(p.message()).contains("began on 2025-03-01"));
		decide("b4", ProbationOutcome.FULL, 12, "2026-03-01");
		assertThat(status("b4")).isEqualTo("FULL");
	}

	@Test
	void anExtensionIsSixToTwelveMonthsFromTheEndAndGivenOnce() {
		assertThat(refused("b3", ProbationOutcome.EXTENDED, 5, "2026-11-01")).extracting(Problem::field)
			.containsExactly("months");
		assertThat(refused("b3", ProbationOutcome.EXTENDED, 13, "2026-11-01")).extracting(Problem::field)
			.containsExactly("months");
		assertThat(refused("b3", ProbationOutcome.EXTENDED, 6, "2026-10-01")).extracting(Problem::field)
			.containsExactly("on");

		ProbationDecided done = decide("b3", ProbationOutcome.EXTENDED, 6, "2026-11-01");
		assertThat(done.extendedTo()).isEqualTo(LocalDate.of(2027, 5, 1));
		assertThat(status("b3")).isEqualTo("PROBATIONARY");
		Member stored = structure().member("b3");
		assertThat(stored.probationExtendedTo()).isEqualTo(LocalDate.of(2027, 5, 1));
		assertThat(stored.probationEndsOn(12)).isEqualTo(LocalDate.of(2027, 5, 1));

		assertThat(refused("b3", ProbationOutcome.EXTENDED, 6, "2026-12-01")).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("outcome");
			assertThat(p.message()).contains("already extended, to 2027-05-01");
		});
		assertThat(refused("b3", ProbationOutcome.FULL, 12, "2026-12-05")).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("on");
			assertThat(p.message()).contains("was extended to 2027-05-01");
		});
		// An extended probation is not overdue until the extension ends.
		assertThat(overdue("o-xz-b", TODAY)).isEqualTo(1); // b4 alone
		// The extension is undone before its day.
		Past before = new PastStructure(TestNeo4j.driver()).asOf(null, LocalDate.of(2026, 10, 31));
		assertThat(before.structure().member("b3").probationExtendedTo()).isNull();
	}

	@Test
	void cancelledRemovesTheMemberAndAsOfBringsThemBackBeforeIt() {
		ProbationDecided done = decide("b4", ProbationOutcome.CANCELLED, 12, "2026-01-15");
		assertThat(done.removed()).isTrue();
		assertThat(TestNeo4j.count("MATCH (m:Member {id: 'b4'}) RETURN count(m)")).isZero();
		assertThat(structure().memberCount("o-xz-b")).isEqualTo(3);
		assertTalliesEqualARecount();
		assertThat(TestNeo4j.count("MATCH (e:Event {kind: 'MEMBER_REMOVED', member: 'b4', org: 'o-xz-b'})"
				+ " WHERE e.on = date('2026-01-15') RETURN count(e)")).isEqualTo(1);

		PastStructure past = new PastStructure(TestNeo4j.driver());
		Member then = past.asOf("o-xz", LocalDate.of(2026, 1, 14)).structure().member("b4");
		assertThat(then).isNotNull();
		assertThat(then.org()).isEqualTo("o-xz-b");
		assertThat(then.status()).isEqualTo(MemberStatus.PROBATIONARY);
		assertThat(then.joined()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(past.asOf("o-xz", LocalDate.of(2026, 1, 14)).structure().memberCount("o-xz-b")).isEqualTo(4);
		assertThat(past.asOf("o-xz", LocalDate.of(2026, 1, 15)).structure().member("b4")).isNull();
		// And its probation was overdue on neither day: it ended on 2026-03-01.
		assertThat(this.checker.check(past.asOf(null, LocalDate.of(2026, 1, 14)).structure(), null,
				Set.of(Rule.PROBATION_OVERDUE), LocalDate.of(2026, 1, 14))).isEmpty();
	}

	@Test
	void refusalsNameTheFieldAndAMemberOutsideTheScopeIsUnknown() {
		assertThat(refused("b1", ProbationOutcome.CANCELLED, 12, "2026-11-01")).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("member");
			assertThat(p.message()).contains("FULL member");
		});
		assertThat(refused("nobody", ProbationOutcome.FULL, 12, "2026-11-01")).extracting(Problem::field)
			.containsExactly("member");
		ChangeRejectedException outside = catchThrowableOfType(ChangeRejectedException.class,
				() -> this.changes.within(WriteScope.of("o-npe"))
					.on(LocalDate.parse("2026-11-01"))
					.decideProbation("b3", ProbationOutcome.FULL, 12, 12));
		assertThat(outside.problems()).singleElement()
			.satisfies((p) -> assertThat(p.message()).isEqualTo("no member 'b3'"));
		// Inside its scope the township decides it.
		this.changes.within(WriteScope.of("o-xz")).on(LocalDate.parse("2026-11-01"))
			.decideProbation("b3", ProbationOutcome.FULL, 12, 12);
		assertThat(status("b3")).isEqualTo("FULL");
		// A date after today is refused as for every change.
		assertThat(refused("e2", ProbationOutcome.CANCELLED, 12, "2026-12-06")).extracting(Problem::field)
			.containsExactly("on");
	}

	@Test
	void probationOverdueFiresTheDayAfterTheProbationEnds() {
		// b4 ended 2026-03-01, b3 2026-11-01, e2 ends 2027-06-01.
		assertThat(overdue("o-xz-b", LocalDate.of(2026, 3, 1))).isZero();
		assertThat(overdue("o-xz-b", LocalDate.of(2026, 3, 2))).isEqualTo(1);
		assertThat(overdue("o-xz-b", LocalDate.of(2026, 11, 1))).isEqualTo(1);
		assertThat(overdue("o-xz-b", LocalDate.of(2026, 11, 2))).isEqualTo(2);
		assertThat(overdue("o-e1", LocalDate.of(2027, 6, 1))).isZero();
		assertThat(overdue("o-e1", LocalDate.of(2027, 6, 2))).isEqualTo(1);

		ComplianceIssue issue = issues(TODAY).stream().filter((i) -> i.orgId().equals("o-xz-b")).findFirst().orElseThrow();
		assertThat(issue.actual()).isEqualTo(2);
		assertThat(issue.threshold()).isEqualTo(12);
		assertThat(issue.message()).contains("2 probationary members", "2026-03-01", "279 days ago");
		assertThat(issue.messageZh()).contains("2名預備黨員");
		// A longer probation (configuration) moves the day.
		RuleChecker eighteen = new RuleChecker(new RuleThresholds(3, 7, 50, 5, 100, 6, 18));
		assertThat(eighteen.check(structure(), null, Set.of(Rule.PROBATION_OVERDUE), TODAY)).singleElement()
			.satisfies((i) -> assertThat(i.actual()).isEqualTo(1)); // b4 alone: 2025-03-01 + 18 months

		// Decided, the issue goes.
		decide("b3", ProbationOutcome.FULL, 12, "2026-12-01");
		decide("b4", ProbationOutcome.CANCELLED, 12, "2026-12-01");
		assertThat(issues(TODAY)).isEmpty();
	}

	@Test
	void probationsDueListsTheProbationersSoonestFirst() {
		org.partygraph.queries.read.ProbationQueries due = new org.partygraph.queries.read.ProbationQueries(
				TestNeo4j.driver(), org.partygraph.queries.read.StatementListener.NONE);
		assertThat(due.due(null, TODAY, 12)).extracting(org.partygraph.queries.read.MemberRow::id)
			.containsExactly("b4", "b3");
		assertThat(due.due("o-county", LocalDate.of(2027, 7, 1), 12)).extracting(org.partygraph.queries.read.MemberRow::id)
			.containsExactly("b4", "b3", "e2");
		assertThat(due.due("o-npe", TODAY, 12)).isEmpty();
		// The day itself is not before it; a longer probation moves it.
		assertThat(due.due("o-xz", LocalDate.of(2026, 11, 1), 12)).extracting(org.partygraph.queries.read.MemberRow::id)
			.containsExactly("b4");
		assertThat(due.due("o-xz", TODAY, 18)).extracting(org.partygraph.queries.read.MemberRow::id).containsExactly("b4");
		// Extended to 2027-05-01, b3 is no longer due; made full, b4 leaves the list.
		decide("b3", ProbationOutcome.EXTENDED, 6, "2026-11-01");
		decide("b4", ProbationOutcome.FULL, 12, "2026-11-01");
		assertThat(due.due("o-xz", TODAY, 12)).isEmpty();
		assertThat(due.due("o-xz", LocalDate.of(2027, 5, 2), 12)).extracting(org.partygraph.queries.read.MemberRow::id)
			.containsExactly("b3");
	}

	@Test
	void theDueListAndTheJavaRuleAgreeOnMonthEndsLeapDaysAndExtensions() {
		Dataset small = SmallCounty.dataset();
		List<Member> members = new ArrayList<>(small.members());
		members.add(probationer("p1", null, LocalDate.of(2024, 2, 29), null));
		members.add(probationer("p2", LocalDate.of(2024, 1, 31), null, null));
		members.add(probationer("p3", null, LocalDate.of(2024, 8, 31), null));
		members.add(probationer("p4", null, LocalDate.of(2024, 3, 1), null));
		members.add(probationer("p5", null, LocalDate.of(2024, 2, 28), null));
		members.add(probationer("p6", null, LocalDate.of(2023, 12, 31), LocalDate.of(2025, 6, 30)));
		members.add(probationer("p7", LocalDate.of(2024, 11, 30), null, null));
		TestNeo4j.load(new Dataset(small.name(), small.units(), small.orgs(), members), this.dates, IMPORTED);
		org.partygraph.queries.read.ProbationQueries due = new org.partygraph.queries.read.ProbationQueries(
				TestNeo4j.driver(), org.partygraph.queries.read.StatementListener.NONE);
		List<Member> probationers = members.stream().filter((m) -> m.status() == MemberStatus.PROBATIONARY).toList();
		for (int months : new int[] { 1, 12 }) {
			for (LocalDate before = LocalDate.of(2024, 12, 25); before.isBefore(LocalDate.of(2025, 9, 5)); before = before
				.plusDays(1)) {
				LocalDate day = before;
				List<String> expected = probationers.stream()
					.filter((m) -> m.probationEndsOn(months) != null && m.probationEndsOn(months).isBefore(day))
					.sorted(java.util.Comparator.comparing((Member m) -> m.probationEndsOn(months)).thenComparing(Member::id))
					.map(Member::id)
					.toList();
				assertThat(due.due(null, day, months)).as("%d months, before %s", months, day)
					.extracting(org.partygraph.queries.read.MemberRow::id)
					.isEqualTo(expected);
			}
		}
		// The edge cases themselves: 29 February and 28 February end on the same day, 31 January a
		// year on; the extension's end counts, not the months.
		assertThat(due.due(null, LocalDate.of(2025, 3, 1), 12)).extracting(org.partygraph.queries.read.MemberRow::id)
			.containsExactly("p2", "p1", "p5");
		assertThat(due.due(null, LocalDate.of(2025, 7, 1), 12)).extracting(org.partygraph.queries.read.MemberRow::id)
			.containsExactly("p2", "p1", "p5", "p4", "p6");
	}

	private List<ComplianceIssue> issues(LocalDate today) {
		return this.checker.check(structure(), null, Set.of(Rule.PROBATION_OVERDUE), today);
	}

	private int overdue(String org, LocalDate today) {
		return issues(today).stream()
			.filter((i) -> i.orgId().equals(org))
			.mapToInt((i) -> i.actual())
			.sum();
	}

	private Structure structure() {
		return Structure.of(this.exporter.exportAll());
	}

	private static String status(String member) {
		return TestNeo4j.driver()
			.executableQuery("MATCH (m:Member {id: $id}) RETURN m.status AS s")
			.withParameters(Map.of("id", member))
			.execute()
			.records()
			.get(0)
			.get("s")
			.asString();
	}

	private static void assertTalliesEqualARecount() {
		assertThat(TestNeo4j.driver().executableQuery(MemberTallies.MISMATCHES).execute().records())
			.as("tallies differing from a recount").isEmpty();
	}

}
