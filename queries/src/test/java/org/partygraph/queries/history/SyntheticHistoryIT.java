package org.partygraph.queries.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.history.History;
import org.partygraph.model.history.HistoryEvent;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.write.EventDates;
import org.partygraph.seed.SyntheticCounties;
import org.partygraph.seed.SyntheticHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated county with five years of generated history ({@code generate --history-years=5}),
 * imported with it: on any day the rebuilt structure is a sound dataset (it validates: no dangling
 * reference, no cycle, every kind under a higher one), holds every org and member, and places each
 * item as its events say: a member transferred after the day in the org their first later transfer
 * left, a renamed org under its name before the first later rename, a moved org under its earlier
 * parent.
 */
class SyntheticHistoryIT {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	private final EventDates dates = new EventDates(
			Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC")), 0);

	@AfterAll
	static void clean() {
		TestNeo4j.clear();
	}

	@Test
	void everyDayOfTheGeneratedHistoryIsASoundStructureAsItsEventsSay() throws Exception {
		TestNeo4j.clear();
		SyntheticHistory generator = new SyntheticHistory(5, TODAY, 11);
		Path file = Files.createTempDirectory("synthetic").resolve("c.json");
		new SyntheticCounties(1, 1, 11).write(file, "合成縣", (done, total, members) -> {
		}, generator);
		Dataset county = DatasetFormat.read(file);
		History history = generator.history("合成縣", county.units().size());
		new DatasetImporter(TestNeo4j.driver(), this.dates).importDataset(county, history, ImportProgress.NONE, TODAY,
				"admin");

		PastStructure past = new PastStructure(TestNeo4j.driver());
		assertThat(past.asOf(null, TODAY.minusYears(5).minusDays(1)).dataset().orgs()).as("before the import").isEmpty();
		for (LocalDate day : List.of(TODAY.minusYears(5), TODAY.minusYears(3).minusDays(40), TODAY.minusYears(1),
				TODAY)) {
			Dataset then = past.asOf(null, day).dataset();
			assertThat(DatasetFormat.validate(then)).as("the structure on " + day + " is sound").isEmpty();
			assertThat(then.orgs()).as("orgs on " + day).hasSameSizeAs(county.orgs());
			assertThat(then.members()).as("members on " + day).hasSameSizeAs(county.members());
			Map<String, Org> orgs = new HashMap<>();
			then.orgs().forEach((o) -> orgs.put(o.id(), o));
			Map<String, Member> members = new HashMap<>();
			then.members().forEach((m) -> members.put(m.id(), m));
			// Each item as its first event after the day had it before.
			Map<String, HistoryEvent> firstAfter = new HashMap<>();
			for (HistoryEvent e : history.events()) {
				if (e.on().isAfter(day) && !e.kind().equals("IMPORTED")) {
					firstAfter.putIfAbsent(e.kind() + "|" + ((e.member() != null) ? e.member() : e.org()), e);
				}
			}
			int checked = 0;
			for (HistoryEvent e : firstAfter.values()) {
				switch (e.kind()) {
					case "TRANSFERRED" -> assertThat(members.get(e.member()).org()).as(e.detail()).isEqualTo(e.before());
					case "RENAMED" -> assertThat(orgs.get(e.org()).name()).as(e.detail()).isEqualTo(e.before());
					case "MOVED" -> assertThat(orgs.get(e.org()).parent()).as(e.detail()).isEqualTo(e.before());
					default -> assertThat(orgs.get(e.org()).coManagedBy()).as(e.detail()).doesNotContain(e.other());
				}
				checked++;
			}
			if (!day.equals(TODAY)) {
				assertThat(checked).as("items changed after " + day).isPositive();
			}
			else {
				assertThat(then.orgs()).extracting((o) -> o.id() + " " + o.name() + " " + o.parent() + " " + o.coManagedBy())
					.containsExactlyInAnyOrderElementsOf(county.orgs().stream()
						.map((o) -> o.id() + " " + o.name() + " " + o.parent() + " " + o.coManagedBy())
						.toList());
			}
		}
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
	}

}
