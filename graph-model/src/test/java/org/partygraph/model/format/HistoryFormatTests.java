package org.partygraph.model.format;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Problem;
import org.partygraph.model.history.History;
import org.partygraph.model.history.HistoryEvent;
import org.partygraph.model.history.HistoryScenario;
import org.partygraph.model.history.HistoryTransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The history file: written and read back equal; every problem named by item and field. */
class HistoryFormatTests {

	@TempDir
	Path dir;

	@Test
	void whatIsWrittenIsReadBackEqual() throws Exception {
		History history = new History(List.of(
				new HistoryEvent("e1", "IMPORTED", LocalDate.of(2024, 1, 1), Instant.parse("2024-01-01T08:00:00.123456Z"),
						0, "admin", null, null, null, null, "dataset 懷仁縣 imported", null, "{\"orgs\":3}", null, "懷仁縣"),
				new HistoryEvent("e2", "UNITS_CHANGED", LocalDate.of(2024, 2, 1), Instant.parse("2024-02-01T08:00:00Z"),
						1, null, "合併", "o-1", null, null, "units", List.of("u-1", "u-2"), List.of(), null, null),
				new HistoryEvent("e3", "COMMITTEE_CHANGED", LocalDate.of(2024, 3, 1), Instant.parse("2024-03-01T08:00:00Z"),
						0, null, null, "o-1", null, null, "committee", false, true, null, null)),
				List.of(new HistoryTransfer("t1", "m-1", "o-1", "o-2", Instant.parse("2024-02-01T08:00:00Z"), "搬遷", 1,
						LocalDate.of(2024, 2, 1), "admin", "懷仁縣")),
				List.of(new HistoryScenario("合併", "o-t1", null, "[{\"op\":\"MERGE\"}]", 1, "兩村合併",
						Instant.parse("2024-01-20T08:00:00Z"), "admin", "fp", "[]", Instant.parse("2024-02-01T08:00:00Z"),
						"admin", LocalDate.of(2024, 2, 1), "{\"summary\":{}}"),
						new HistoryScenario("草案", null, "o-t2", "[]", 0, null, Instant.parse("2024-03-01T08:00:00Z"), null,
								null, null, null, null, null, null)));
		Path file = HistoryFormat.besides(this.dir.resolve("county.json"));
		assertThat(file.getFileName().toString()).isEqualTo("county.history.json");
		HistoryFormat.write(history, file);
		History read = HistoryFormat.read(file);
		assertThat(read.transfers()).isEqualTo(history.transfers());
		assertThat(read.scenarios()).isEqualTo(history.scenarios());
		assertThat(read.events()).hasSize(3);
		assertThat(read.events().get(0)).isEqualTo(history.events().get(0));
		assertThat(read.events().get(1).before()).isEqualTo(List.of("u-1", "u-2"));
		assertThat(read.events().get(1).after()).isEqualTo(List.of());
		assertThat(read.events().get(2).before()).isEqualTo(false);
		assertThat(read.events().get(2).scenario()).isNull();
		assertThat(Files.readString(file)).contains("\"format\" : \"party-graph-history/1\"");
	}

	@Test
	void everyProblemIsNamedByItemAndField() {
		String text = """
				{"format": "party-graph-history/1",
				 "events": [
				   {"id": "e1", "kind": "moved", "on": "2024-13-01", "recordedAt": "yesterday", "seq": -1,
				    "before": {"a": 1}, "after": [[1]]},
				   {"kind": "MOVED", "on": "2024-01-01", "recordedAt": "2024-01-01T00:00:00Z", "seq": 0},
				   {"id": "e1", "kind": "MOVED", "on": "2024-01-01", "recordedAt": "2024-01-01T00:00:00Z", "seq": 0,
				    "org": 5}],
				 "transfers": [{"id": "t1", "at": "2024-01-01T00:00:00Z", "seq": 1}, 7],
				 "scenarios": [
				   {"name": "s1", "savedAt": "then", "operationCount": -1, "appliedOn": "2024-02-30"},
				   {"operations": "[]", "savedAt": "2024-01-01T00:00:00Z", "operationCount": 0},
				   {"name": "s1", "operations": "[]", "savedAt": "2024-01-01T00:00:00Z", "operationCount": 0}]}""";
		assertThatExceptionOfType(InvalidDatasetException.class).isThrownBy(() -> read(text))
			.satisfies(HistoryFormatTests::worded)
			.satisfies((ex) -> assertThat(ex.problems()).extracting(Problem::item, Problem::field)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("e1", "kind"),
						org.assertj.core.groups.Tuple.tuple("e1", "on"),
						org.assertj.core.groups.Tuple.tuple("e1", "recordedAt"),
						org.assertj.core.groups.Tuple.tuple("e1", "seq"),
						org.assertj.core.groups.Tuple.tuple("e1", "before"),
						org.assertj.core.groups.Tuple.tuple("e1", "after"),
						org.assertj.core.groups.Tuple.tuple("transfers[1]", "(item)"),
						org.assertj.core.groups.Tuple.tuple("events[1]", "id"),
						org.assertj.core.groups.Tuple.tuple("events[2]", "id"),
						org.assertj.core.groups.Tuple.tuple("e1", "org"),
						org.assertj.core.groups.Tuple.tuple("t1", "member"),
						org.assertj.core.groups.Tuple.tuple("s1", "operations"),
						org.assertj.core.groups.Tuple.tuple("s1", "savedAt"),
						org.assertj.core.groups.Tuple.tuple("s1", "operationCount"),
						org.assertj.core.groups.Tuple.tuple("s1", "appliedOn"),
						org.assertj.core.groups.Tuple.tuple("scenarios[1]", "name"),
						org.assertj.core.groups.Tuple.tuple("scenarios[2]", "name")));
	}

	@Test
	void aFileOfAnotherFormatOrNotJsonIsRefused() {
		assertThatExceptionOfType(InvalidDatasetException.class).isThrownBy(() -> read("{\"format\": \"party-graph/2\"}"))
			.satisfies(HistoryFormatTests::worded)
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.satisfies((p) -> assertThat(p.field()).isEqualTo("format")));
		assertThatExceptionOfType(InvalidDatasetException.class).isThrownBy(() -> read("[1, 2"))
			.satisfies(HistoryFormatTests::worded)
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.satisfies((p) -> assertThat(p.message()).startsWith("not JSON")));
		assertThatExceptionOfType(InvalidDatasetException.class).isThrownBy(() -> read("[]"))
			.satisfies(HistoryFormatTests::worded)
			.satisfies((ex) -> assertThat(ex.problems()).extracting(Problem::message).containsExactly("not a JSON object"));
		assertThatExceptionOfType(InvalidDatasetException.class)
			.isThrownBy(() -> read("{\"format\": \"party-graph-history/1\", \"events\": {}, \"scenarios\": 1}"))
			.satisfies(HistoryFormatTests::worded)
			.satisfies((ex) -> assertThat(ex.problems()).extracting(Problem::field, Problem::message)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("events", "must be a list"),
						org.assertj.core.groups.Tuple.tuple("scenarios", "must be a list")));
	}

	@Test
	void problemsSayTheirEnglishOfBefore() {
		String text = """
				{"format": "party-graph-history/1",
				 "events": [{"id": "e1", "kind": "MOVED", "on": "2024-13-01", "recordedAt": "now", "seq": 0, "by": 3,
				   "before": [{}]}, {"id": "e1", "kind": "x", "recordedAt": "2024-01-01T00:00:00Z"}],
				 "scenarios": [{"name": "s1", "operationCount": 0}]}""";
		assertThatExceptionOfType(InvalidDatasetException.class).isThrownBy(() -> read(text))
			.satisfies(HistoryFormatTests::worded)
			.satisfies((ex) -> assertThat(ex.problems()).extracting(Problem::toString)
				.containsExactlyInAnyOrder("e1 on: '2024-13-01' is not a date yyyy-MM-dd",
						"e1 recordedAt: 'now' is not an instant such as 2024-01-02T03:04:05Z", "e1 by: must be a text",
						"e1 before: a list may hold texts, numbers and booleans only", "events[1] id: 'e1' is used twice",
						"e1 kind: required: an event kind such as MOVED", "e1 on: required: a date yyyy-MM-dd",
						"e1 seq: required: a whole number, 0 or more", "s1 operations: required: the operations as JSON text",
						"s1 savedAt: required: an instant such as 2024-01-02T03:04:05Z"));
	}

	/** Each problem of the refusal is a wording of the bundles that says its English message (#19). */
	private static void worded(InvalidDatasetException ex) {
		ex.problems().forEach(org.partygraph.model.BundledEnglish::assertWorded);
	}

	private static History read(String text) throws Exception {
		return HistoryFormat.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

}
