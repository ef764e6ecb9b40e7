package org.partygraph.seed;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.history.History;
import org.partygraph.model.history.HistoryEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated history: about 10% of the orgs changed and 5% of the members transferred per year,
 * every event in the span, and each item's events chained back from today's value (the value after
 * one is the value before the next; the last one's is today's), so undoing them is sound.
 */
class SyntheticHistoryTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@TempDir
	Path dir;

	@Test
	void eachItemsEventsChainBackFromTodayAtTheYearlyRates() throws Exception {
		SyntheticHistory generator = new SyntheticHistory(5, TODAY, 3);
		Path file = this.dir.resolve("c.json");
		new SyntheticCounties(1, 1, 3).write(file, "合成縣", (done, total, members) -> {
		}, generator);
		Dataset county = DatasetFormat.read(file);
		History history = generator.history("合成縣", county.units().size());
		assertThat(generator.start()).isEqualTo(TODAY.minusYears(5));

		HistoryEvent imported = history.events().get(0);
		assertThat(imported.kind()).isEqualTo("IMPORTED");
		assertThat(imported.on()).isEqualTo(TODAY.minusYears(5));
		assertThat(imported.imported()).isEqualTo("合成縣");
		List<HistoryEvent> changes = history.events().subList(1, history.events().size());
		assertThat(changes).allSatisfy((e) -> assertThat(e.on()).isAfter(TODAY.minusYears(5)).isBeforeOrEqualTo(TODAY));
		assertThat(history.events()).isSortedAccordingTo(Comparator.comparing(HistoryEvent::on)
			.thenComparing(HistoryEvent::recordedAt));

		long orgItems = changes.stream().filter((e) -> e.member() == null).count();
		long transfers = changes.stream().filter((e) -> e.kind().equals("TRANSFERRED")).count();
		// rates per year, less the few dropped (a second change of one item on one day)
		assertThat(orgItems).isBetween((long) (county.orgs().size() * 0.10 * 5 * 0.85), (long) (county.orgs().size() * 0.10 * 5));
		assertThat(transfers).isBetween((long) (county.members().size() * 0.05 * 5 * 0.85),
				(long) (county.members().size() * 0.05 * 5));
		assertThat(history.transfers()).hasSize((int) transfers);
		assertThat(changes.stream().map(HistoryEvent::kind).distinct()).contains("RENAMED", "MOVED", "TRANSFERRED");

		Map<String, Org> orgs = new HashMap<>();
		county.orgs().forEach((o) -> orgs.put(o.id(), o));
		Map<String, Member> members = new HashMap<>();
		county.members().forEach((m) -> members.put(m.id(), m));
		Map<String, List<HistoryEvent>> byItem = new HashMap<>();
		for (HistoryEvent e : changes) {
			String item = (e.member() != null) ? e.member() : e.org();
			byItem.computeIfAbsent(e.kind() + "|" + item, (k) -> new ArrayList<>()).add(e);
		}
		for (List<HistoryEvent> chain : byItem.values()) {
			for (int i = 0; i + 1 < chain.size(); i++) {
				assertThat(chain.get(i).after()).as("chained: " + chain).isEqualTo(chain.get(i + 1).before());
				assertThat(chain.get(i).on()).isBefore(chain.get(i + 1).on());
			}
			HistoryEvent last = chain.get(chain.size() - 1);
			Object today = switch (last.kind()) {
				case "RENAMED" -> orgs.get(last.org()).name();
				case "MOVED" -> orgs.get(last.org()).parent();
				case "CO_MANAGER_ADDED" -> last.other();
				default -> members.get(last.member()).org();
			};
			assertThat(last.after()).as("the last of " + chain).isEqualTo(today);
			chain.forEach((e) -> assertThat(e.before()).as("a change changes: " + e).isNotEqualTo(e.after()));
		}
		// Moved orgs are childless; moved between parents of one kind; transferred members hold no office.
		changes.stream().filter((e) -> e.kind().equals("MOVED")).forEach((e) -> {
			assertThat(county.orgs()).noneMatch((o) -> e.org().equals(o.parent()));
			assertThat(orgs.get((String) e.before()).kind()).isEqualTo(orgs.get((String) e.after()).kind());
		});
		changes.stream().filter((e) -> e.kind().equals("TRANSFERRED"))
			.forEach((e) -> assertThat(members.get(e.member()).roles()).isEmpty());
		// Deterministic for a seed.
		SyntheticHistory again = new SyntheticHistory(5, TODAY, 3);
		new SyntheticCounties(1, 1, 3).write(this.dir.resolve("d.json"), "合成縣", (done, total, m) -> {
		}, again);
		assertThat(again.history("合成縣", county.units().size())).isEqualTo(history);
	}

}
