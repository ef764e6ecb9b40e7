package org.partygraph.queries;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Problem;
import org.partygraph.queries.change.AwayRecord;
import org.partygraph.queries.change.ChangeRejectedException;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.read.AwayQueries;
import org.partygraph.queries.read.AwayQueries.TownshipMobility;
import org.partygraph.queries.read.StatementListener;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.write.EventDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Mobile members (流動黨員, docs/contract.md section 8) against a real Neo4j on {@link SmallCounty}:
 * a time away is recorded and ended with its days; refusals name the field and write nothing; the
 * home org and the host org each list the member on the days they are away, the counts per
 * township count each member once; no member tally moves.
 */
class MobileIT {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	private final EventDates dates = new EventDates(
			Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC")), 0);

	private final OrgChanges changes = new OrgChanges(TestNeo4j.driver(), this.dates);

	private final AwayQueries away = new AwayQueries(TestNeo4j.driver(), StatementListener.NONE);

	@BeforeEach
	void load() {
		TestNeo4j.load(SmallCounty.dataset(), this.dates, LocalDate.of(2020, 1, 1));
	}

	@AfterAll
	static void clean() {
		TestNeo4j.clear();
	}

	private static List<Problem> refused(Runnable change) {
		long before = TestNeo4j.count("MATCH (e:Event) RETURN count(e)")
				+ 1000 * TestNeo4j.count("MATCH ()-[a:AWAY_AT]->() RETURN count(a)");
		ChangeRejectedException ex = catchThrowableOfType(ChangeRejectedException.class, change::run);
		assertThat(ex).as("refused").isNotNull();
		assertThat(TestNeo4j.count("MATCH (e:Event) RETURN count(e)")
				+ 1000 * TestNeo4j.count("MATCH ()-[a:AWAY_AT]->() RETURN count(a)")).as("nothing written").isEqualTo(before);
		return ex.problems();
	}

	private static LocalDate day(String text) {
		return LocalDate.parse(text);
	}

	@Test
	void bothOrgsListTheMemberOnTheDaysAwayAndNoTallyMoves() {
		String tallies = "MATCH (o:Org) RETURN sum(o.ownMembers * 7 + o.ownFullMembers * 3 + o.groupMembers * 5 + o.groupFullMembers)";
		long before = TestNeo4j.count(tallies);
		AwayRecord b1 = this.changes.by("alice").recordAway("b1", "o-e1", day("2026-01-01"), null);
		assertThat(b1).isEqualTo(new AwayRecord("b1", "o-xz-b", "o-e1", day("2026-01-01"), null));
		this.changes.recordAway("e1", "o-xz", day("2026-02-01"), day("2026-06-01"));
		assertThat(TestNeo4j.count(tallies)).isEqualTo(before);
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
		assertThat(TestNeo4j.count("MATCH (e:Event {kind: 'AWAY_RECORDED', member: 'b1', org: 'o-e1', other: 'o-xz-b'}) "
				+ "WHERE e.on = date('2026-01-01') AND e.by = 'alice' RETURN count(e)")).isOne();

		assertThat(this.away.flowingIn(List.of("o-e1", "o-xz"), day("2026-03-01")))
			.hasEntrySatisfying("o-e1", (l) -> assertThat(l).extracting(AwayRecord::member).containsExactly("b1"))
			.hasEntrySatisfying("o-xz", (l) -> assertThat(l).extracting(AwayRecord::member).containsExactly("e1"));
		assertThat(this.away.awayFrom(List.of("o-xz-b", "o-e1"), day("2026-03-01")))
			.hasEntrySatisfying("o-xz-b", (l) -> assertThat(l).extracting(AwayRecord::at).containsExactly("o-e1"))
			.hasEntrySatisfying("o-e1", (l) -> assertThat(l).extracting(AwayRecord::at).containsExactly("o-xz"));
		// Before either began, and after e1's ended (its last day is not away).
		assertThat(this.away.flowingIn(List.of("o-e1", "o-xz"), day("2025-12-31"))).isEmpty();
		assertThat(this.away.flowingIn(List.of("o-xz"), day("2026-06-01"))).isEmpty();
		assertThat(this.away.flowingIn(List.of("o-xz"), day("2026-05-31"))).containsKey("o-xz");

		// Per township: o-hbt holds b1's home and o-xz; o-e1 lies under no township (o-npe).
		assertThat(this.away.byTownship(null, day("2026-03-01"))).containsExactlyInAnyOrder(
				new TownshipMobility("o-hbt", "海北頭鄉黨委", 1, 1), new TownshipMobility(null, null, 1, 1));
		assertThat(this.away.byTownship(null, day("2026-07-01"))).containsExactlyInAnyOrder(
				new TownshipMobility("o-hbt", "海北頭鄉黨委", 1, 0), new TownshipMobility(null, null, 0, 1));
		assertThat(this.away.byTownship("o-npe", day("2026-03-01")))
			.containsExactly(new TownshipMobility(null, null, 1, 1));
		assertThat(this.away.ofMembers(List.of("e1")).get("e1")).singleElement()
			.satisfies((a) -> assertThat(a.to()).isEqualTo(day("2026-06-01")));
	}

	@Test
	void aTimeAwayEnds() {
		this.changes.recordAway("b2", "o-e1", day("2026-01-01"), null);
		assertThat(refused(() -> this.changes.on(day("2026-01-01")).endAway("b2", "o-e1")))
			.extracting(Problem::field).containsExactly("on");
		AwayRecord ended = this.changes.on(day("2026-04-01")).endAway("b2", "o-e1");
		assertThat(ended.to()).isEqualTo(day("2026-04-01"));
		assertThat(this.away.flowingIn(List.of("o-e1"), day("2026-04-01"))).isEmpty();
		assertThat(this.away.flowingIn(List.of("o-e1"), day("2026-03-31"))).containsKey("o-e1");
		assertThat(refused(() -> this.changes.on(day("2026-05-01")).endAway("b2", "o-e1")))
			.extracting(Problem::field).containsExactly("at");
		// Once ended, a new time away may start after it.
		this.changes.recordAway("b2", "o-xz", day("2026-04-01"), null);
		assertThat(this.away.ofMembers(List.of("b2")).get("b2")).extracting(AwayRecord::at).containsExactly("o-xz", "o-e1");
	}

	@Test
	void dissolvingAHostOrEndsItsStaysAndTheMovedMembersStaysAtTheirNewOrg() {
		// e1 stays at o-xz-b, which is dissolved into o-xz; b3 (of o-xz-b) stays at o-xz, where its
		// membership moves.
		this.changes.recordAway("e1", "o-xz-b", day("2026-03-01"), null);
		this.changes.recordAway("b3", "o-xz", day("2026-04-01"), day("2027-04-01"));
		this.changes.on(day("2026-10-01")).dissolveOrg("o-xz-b", "o-xz");

		assertThat(TestNeo4j.count("MATCH (:Member {id: 'e1'})-[a:AWAY_AT]->(:DissolvedOrg {id: 'o-xz-b'})"
				+ " WHERE a.to = date('2026-10-01') RETURN count(a)")).isEqualTo(1);
		assertThat(TestNeo4j.count("MATCH (:Member {id: 'b3'})-[a:AWAY_AT]->(:Org {id: 'o-xz'})"
				+ " WHERE a.to = date('2026-10-01') RETURN count(a)")).isEqualTo(1);
		assertThat(TestNeo4j.count("MATCH (e:Event {kind: 'AWAY_ENDED'}) WHERE e.on = date('2026-10-01')"
				+ " AND e.member IN ['e1', 'b3'] RETURN count(e)")).isEqualTo(2);
		// The past still reads: the host that is gone listed e1 on a day before, and e1 was away then.
		assertThat(this.away.flowingIn(List.of("o-xz-b"), day("2026-09-30")).get("o-xz-b"))
			.extracting(AwayRecord::member).containsExactly("e1");
		assertThat(this.away.ofMembers(List.of("e1")).get("e1")).singleElement()
			.satisfies((a) -> assertThat(a.to()).isEqualTo(day("2026-10-01")));
		assertThat(this.away.flowingIn(List.of("o-xz"), day("2026-10-01"))).isEmpty();
		assertThat(TestNeo4j.exportValidatesAndReimports()).isEmpty();
	}

	@Test
	void aRosterImportMovingAMemberOntoTheOrgTheyStayAtOrServeEndsThatOnTheDay() {
		// b1 (o-xz-b) stays at o-e1; e1 (o-e1) serves the village's org o-xz. The roster moves both there.
		this.changes.recordAway("b1", "o-e1", day("2026-03-01"), null);
		this.changes.dispatchFirstSecretary("e1", "o-xz", day("2026-03-01"), null, null);
		org.partygraph.model.roster.RosterSheet sheet = org.partygraph.model.roster.RosterSheet.read(
				List.of("姓名", "党员编号", "党组织编号", "入党时间"),
				List.of(List.of("王二", "b1", "o-e1", ""), List.of("李一", "e1", "o-xz", "")),
				null, true);
		org.partygraph.queries.change.RosterResult dry;
		org.partygraph.queries.change.RosterResult done;
		try {
			// The dry run says, row by row, what the transfer will end, and ends nothing.
			dry = this.changes.on(day("2026-10-01")).importRoster("o-county", sheet, true);
			assertThat(TestNeo4j.count("MATCH (m:Member)-[a:AWAY_AT|DISPATCHED_TO]->(:Org) WHERE m.id IN ['b1', 'e1']"
					+ " AND a.to IS NULL RETURN count(a)")).as("nothing ended by the dry run").isEqualTo(2);
			done = this.changes.on(day("2026-10-01")).importRoster("o-county", sheet, false);
		}
		catch (org.partygraph.model.roster.RosterRejectedException ex) {
			throw new AssertionError(ex.rosterProblems().toString(), ex);
		}
		assertThat(dry.rows()).hasSize(2);
		assertThat(dry.rows().get(0).changes()).contains("org: o-xz-b → o-e1")
			.endsWith("away at o-e1 (from 2026-03-01): ends on 2026-10-01");
		assertThat(dry.rows().get(1).changes()).contains("org: o-e1 → o-xz")
			.endsWith("dispatch to o-xz (from 2026-03-01): ends on 2026-10-01");
		assertThat(done.rows()).as("the import's answer says the same").isEqualTo(dry.rows());

		assertThat(TestNeo4j.count("MATCH (:Member {id: 'b1'})-[a:AWAY_AT]->(:Org {id: 'o-e1'})"
				+ " WHERE a.to = date('2026-10-01') RETURN count(a)")).isEqualTo(1);
		assertThat(TestNeo4j.count("MATCH (:Member {id: 'e1'})-[d:DISPATCHED_TO]->(:Org {id: 'o-xz'})"
				+ " WHERE d.to = date('2026-10-01') RETURN count(d)")).isEqualTo(1);
		assertThat(TestNeo4j.count("MATCH (e:Event) WHERE e.on = date('2026-10-01') AND (e.kind = 'AWAY_ENDED'"
				+ " AND e.member = 'b1' OR e.kind = 'DISPATCH_ENDED' AND e.member = 'e1') RETURN count(e)")).isEqualTo(2);
		assertThat(TestNeo4j.count("MATCH (:Member {id: 'b1'})-[:MEMBER_OF]->(:Org {id: 'o-e1'}) RETURN count(*)"))
			.isEqualTo(1);
		assertThat(TestNeo4j.exportValidatesAndReimports()).isEmpty();
	}

	@Test
	void refusalsNameTheFieldAndWriteNothing() {
		assertThat(refused(() -> this.changes.recordAway("b1", "o-xz-b", day("2026-01-01"), null)))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.item()).isEqualTo("b1");
				assertThat(p.field()).isEqualTo("at");
				assertThat(p.message()).contains("another org than their own");
			});
		assertThat(refused(() -> this.changes.recordAway("b1", "o-xz-g1", day("2026-01-01"), null)))
			.extracting(Problem::field).containsExactly("at");
		assertThat(refused(() -> this.changes.recordAway("b1", "o-e1", day("2026-01-01"), day("2026-01-01"))))
			.extracting(Problem::field).containsExactly("to");
		this.changes.recordAway("b1", "o-e1", day("2026-01-01"), day("2026-03-01"));
		assertThat(refused(() -> this.changes.recordAway("b1", "o-xz", day("2026-02-28"), null))).singleElement()
			.satisfies((p) -> {
				assertThat(p.field()).isEqualTo("from");
				assertThat(p.message()).contains("already away at 'o-e1'");
			});
		// Right after it ends is fine.
		this.changes.recordAway("b1", "o-xz", day("2026-03-01"), null);
		assertThat(refused(() -> this.changes.recordAway("nobody", "o-e1", day("2026-01-01"), null)))
			.extracting(Problem::field).containsExactly("member");
		// A membership does not move to where the member is away while that runs.
		assertThat(refused(() -> this.changes.transferMember("b1", "o-xz", null, null))).singleElement()
			.satisfies((p) -> {
				assertThat(p.field()).isEqualTo("target");
				assertThat(p.message()).contains("end that (endAway)");
			});
		// Outside the caller's scope the host org is unknown, and the date problem names no outside item.
		OrgChanges scoped = this.changes.within(WriteScope.of("o-hbt"));
		assertThat(refused(() -> scoped.recordAway("b3", "o-e1", day("2026-01-01"), null))).singleElement()
			.satisfies((p) -> assertThat(p.message()).isEqualTo("no org 'o-e1'"));
	}

}
