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
import org.partygraph.queries.change.ChangeRejectedException;
import org.partygraph.queries.change.DispatchRecord;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.history.PastStructure;
import org.partygraph.queries.read.Compiled;
import org.partygraph.queries.read.CompiledReads;
import org.partygraph.queries.read.DispatchQueries;
import org.partygraph.queries.read.OrgFilter;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.SearchQueries;
import org.partygraph.queries.read.Sort;
import org.partygraph.queries.read.StatementListener;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.write.EventDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * First secretaries (第一書記, docs/contract.md section 8) against a real Neo4j, on the small county
 * ({@link SmallCounty}: o-xz is the village's org, set up in u-xz): a dispatch is a dual relation
 * with its days, membership untouched; refusals name the field and write nothing; a day's
 * first secretaries are read from the dispatch's own days; the {@code hasFirstSecretary} filter
 * answers the same through the resolvers' search and the read compiler.
 */
class DispatchIT {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	private final EventDates dates = new EventDates(
			Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC")), 0);

	private final OrgChanges changes = new OrgChanges(TestNeo4j.driver(), this.dates).by("alice");

	private final DispatchQueries dispatches = new DispatchQueries(TestNeo4j.driver(), StatementListener.NONE);

	private final SearchQueries search = new SearchQueries(TestNeo4j.driver(), StatementListener.NONE);

	private final CompiledReads compiled = new CompiledReads(TestNeo4j.driver(), StatementListener.NONE);

	@BeforeEach
	void load() {
		TestNeo4j.load(SmallCounty.dataset(), this.dates, LocalDate.of(2025, 1, 1));
	}

	@AfterAll
	static void clean() {
		TestNeo4j.clear();
	}

	private List<Problem> refused(String member, String village, String from, String to, String by) {
		long events = TestNeo4j.count("MATCH (e:Event) RETURN count(e)");
		ChangeRejectedException ex = catchThrowableOfType(ChangeRejectedException.class,
				() -> this.changes.dispatchFirstSecretary(member, village, LocalDate.parse(from),
						(to != null) ? LocalDate.parse(to) : null, by));
		assertThat(ex).as("refused: %s to %s", member, village).isNotNull();
		assertThat(TestNeo4j.count("MATCH (e:Event) RETURN count(e)")).as("nothing written").isEqualTo(events);
		assertThat(TestNeo4j.count("MATCH ()-[d:DISPATCHED_TO]->() RETURN count(d)")).isZero();
		return ex.problems();
	}

	@Test
	void aDispatchIsADualRelationWithItsDaysAndMembershipStays() {
		DispatchRecord done = this.changes.dispatchFirstSecretary("e1", "o-xz", LocalDate.of(2026, 3, 1), null, null);
		assertThat(done.by()).as("by defaults to the member's own org").isEqualTo("o-e1");
		assertThat(TestNeo4j.count("MATCH (:Member {id: 'e1'})-[:MEMBER_OF]->(:Org {id: 'o-e1'}) RETURN count(*)"))
			.isEqualTo(1);
		assertThat(TestNeo4j.count("MATCH (e:Event {kind: 'DISPATCHED', member: 'e1', org: 'o-xz', other: 'o-e1', by: 'alice'})"
				+ " WHERE e.on = date('2026-03-01') RETURN count(e)")).isEqualTo(1);

		assertThat(this.dispatches.serving(List.of("o-xz"), LocalDate.of(2026, 2, 28))).isEmpty();
		assertThat(this.dispatches.serving(List.of("o-xz"), LocalDate.of(2026, 3, 1)).get("o-xz"))
			.extracting(DispatchRecord::member).containsExactly("e1");

		// Ended on 2026-09-01: served up to the day before.
		this.changes.on(LocalDate.of(2026, 9, 1)).endDispatch("e1", "o-xz");
		assertThat(this.dispatches.serving(List.of("o-xz"), LocalDate.of(2026, 8, 31))).containsKey("o-xz");
		assertThat(this.dispatches.serving(List.of("o-xz"), LocalDate.of(2026, 9, 1))).isEmpty();
		assertThat(this.dispatches.ofMembers(List.of("e1")).get("e1")).singleElement()
			.satisfies((d) -> assertThat(d.to()).isEqualTo(LocalDate.of(2026, 9, 1)));
		assertThat(TestNeo4j.count("MATCH (e:Event {kind: 'DISPATCH_ENDED', member: 'e1'}) WHERE e.on = date('2026-09-01')"
				+ " RETURN count(e)")).isEqualTo(1);
		// Nothing else open: ending again is refused naming the village.
		ChangeRejectedException again = catchThrowableOfType(ChangeRejectedException.class,
				() -> this.changes.on(LocalDate.of(2026, 10, 1)).endDispatch("e1", "o-xz"));
		assertThat(again.problems()).extracting(Problem::field).containsExactly("village");
		// A second dispatch after the first ended is fine; the past structure reads past both events.
		this.changes.dispatchFirstSecretary("e1", "o-xz", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 10, 1), "o-npe");
		assertThat(this.dispatches.ofMembers(List.of("e1")).get("e1")).extracting(DispatchRecord::from, DispatchRecord::by)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 10, 1), "o-npe"),
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 1), "o-e1"));
		assertThat(new PastStructure(TestNeo4j.driver()).asOf(null, LocalDate.of(2026, 1, 1)).structure().member("e1").org())
			.isEqualTo("o-e1");
	}

	@Test
	void dissolvingTheVillagesOrgEndsItsDispatchesOnTheDayAndKeepsThePast() {
		this.changes.dispatchFirstSecretary("e1", "o-xz", LocalDate.of(2026, 3, 1), null, null);
		this.changes.on(LocalDate.of(2026, 10, 1)).dissolveOrg("o-xz", "o-hbt");

		// Ended, not deleted, not handed on: served up to the day before the dissolution.
		assertThat(TestNeo4j.count("MATCH (:Member {id: 'e1'})-[d:DISPATCHED_TO]->(:DissolvedOrg {id: 'o-xz'})"
				+ " WHERE d.to = date('2026-10-01') RETURN count(d)")).isEqualTo(1);
		assertThat(TestNeo4j.count("MATCH (:Member {id: 'e1'})-[d:DISPATCHED_TO]->(:Org) RETURN count(d)")).isZero();
		assertThat(TestNeo4j.count("MATCH (e:Event {kind: 'DISPATCH_ENDED', member: 'e1', org: 'o-xz'})"
				+ " WHERE e.on = date('2026-10-01') RETURN count(e)")).isEqualTo(1);
		// A past day still reads the first secretary; the day of the dissolution and after do not.
		assertThat(this.dispatches.serving(List.of("o-xz"), LocalDate.of(2026, 9, 30)).get("o-xz"))
			.extracting(DispatchRecord::member).containsExactly("e1");
		assertThat(this.dispatches.serving(List.of("o-xz"), LocalDate.of(2026, 10, 1))).isEmpty();
		assertThat(this.dispatches.ofMembers(List.of("e1")).get("e1")).singleElement()
			.satisfies((d) -> assertThat(d.to()).isEqualTo(LocalDate.of(2026, 10, 1)));
		// What is exported re-imports (the ended dispatch to a retired org is not part of a dataset).
		assertThat(TestNeo4j.exportValidatesAndReimports()).isEmpty();
	}

	@Test
	void refusalsNameTheFieldAndWriteNothing() {
		assertThat(refused("e1", "o-xz-b", "2026-03-01", null, null)).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("village");
			assertThat(p.message()).contains("not a village's org");
		});
		assertThat(refused("a1", "o-xz", "2026-03-01", null, null)).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("village");
			assertThat(p.message()).contains("from outside the village");
		});
		assertThat(refused("e1", "o-xz", "2026-03-01", "2026-03-01", null)).extracting(Problem::field)
			.containsExactly("to");
		assertThat(refused("nobody", "o-xz", "2026-03-01", null, null)).extracting(Problem::field)
			.containsExactly("member");
		assertThat(refused("e1", "o-xz", "2026-03-01", null, "o-nowhere")).extracting(Problem::field)
			.containsExactly("by");
		assertThat(refused("e1", "o-xz", "2026-12-06", null, null)).extracting(Problem::field).containsExactly("on");
		// A township's admin cannot reach e1 (under o-npe): an unknown member.
		ChangeRejectedException outside = catchThrowableOfType(ChangeRejectedException.class,
				() -> this.changes.within(WriteScope.of("o-hbt"))
					.dispatchFirstSecretary("e1", "o-xz", LocalDate.of(2026, 3, 1), null, null));
		assertThat(outside.problems()).extracting(Problem::message).containsExactly("no member 'e1'");
	}

	@Test
	void oneVillageAtATime() {
		this.changes.dispatchFirstSecretary("e1", "o-xz", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1), null);
		assertThat(TestNeo4j.count("MATCH ()-[d:DISPATCHED_TO]->() RETURN count(d)")).isEqualTo(1);
		ChangeRejectedException overlap = catchThrowableOfType(ChangeRejectedException.class,
				() -> this.changes.dispatchFirstSecretary("e1", "o-xz", LocalDate.of(2026, 8, 31), null, null));
		assertThat(overlap.problems()).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("from");
			assertThat(p.message()).contains("already dispatched to 'o-xz' from 2026-03-01 to 2026-09-01");
		});
		// The day it ends is free.
		this.changes.dispatchFirstSecretary("e1", "o-xz", LocalDate.of(2026, 9, 1), null, null);
		assertThat(TestNeo4j.count("MATCH ()-[d:DISPATCHED_TO]->() RETURN count(d)")).isEqualTo(2);
	}

	@Test
	void theFilterAnswersTheSameThroughSearchAndCompiler() {
		this.changes.dispatchFirstSecretary("e1", "o-xz", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1), null);
		assertThat(villages(true, LocalDate.of(2026, 5, 1))).containsExactly("o-xz");
		assertThat(villages(false, LocalDate.of(2026, 5, 1))).isEmpty();
		assertThat(villages(true, TODAY)).isEmpty();
		assertThat(villages(false, TODAY)).containsExactly("o-xz");
		assertThat(villages(null, TODAY)).containsExactly("o-xz");
	}

	/** The orgs set up in a VILLAGE unit, with or without a first secretary on the day, both ways. */
	private List<String> villages(Boolean has, LocalDate day) {
		OrgFilter filter = new OrgFilter(null, null, null, null, null, null, null,
				org.partygraph.model.UnitKind.VILLAGE, null, null, null, has, (has != null) ? day : null);
		List<String> searched = this.search.orgs(filter, Sort.BY_NAME, 50, 0).items().stream().map(OrgRow::id).toList();
		List<String> compiledIds = this.compiled.orgs(filter, Sort.BY_NAME, 50, 0, List.of(), null)
			.items()
			.stream()
			.map(Compiled::row)
			.map((r) -> ((OrgRow) r).id())
			.toList();
		assertThat(compiledIds).as("compiled = searched").isEqualTo(searched);
		return searched;
	}

}
