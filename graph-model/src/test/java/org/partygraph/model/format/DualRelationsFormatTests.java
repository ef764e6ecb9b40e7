package org.partygraph.model.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.AwayRecord;
import org.partygraph.model.Dataset;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partygraph.model.format.TestFiles.json;
import static org.partygraph.model.format.TestFiles.problem;
import static org.partygraph.model.format.TestFiles.problems;

/**
 * The {@code dispatches} (first secretaries, 第一書記) and {@code away} (mobile members, 流動黨員) of
 * {@code party-graph/2}: read, written back the same and only when there are some, refused in a
 * {@code /1} file, and each bad field named with its item, {@code dispatches[i]} or {@code away[i]}.
 */
class DualRelationsFormatTests {

	private static final String UNITS = "{'id': 'u-v', 'kind': 'VILLAGE', 'name': 'V'}, "
			+ "{'id': 'u-e', 'kind': 'ENTERPRISE', 'name': 'E'}";

	private static final String ORGS = "{'id': 'o-v', 'kind': 'BRANCH', 'name': 'VB', 'units': ['u-v']}, "
			+ "{'id': 'o-e', 'kind': 'BRANCH', 'name': 'EB', 'units': ['u-e']}, "
			+ "{'id': 'o-e-g', 'kind': 'PARTY_GROUP', 'name': 'G', 'parent': 'o-e'}, "
			+ "{'id': 'o-b', 'kind': 'BRANCH', 'name': 'Bureau'}";

	private static final String MEMBERS = "{'id': 'm-1', 'name': 'M', 'status': 'FULL', 'org': 'o-b'}, "
			+ "{'id': 'm-2', 'name': 'N', 'status': 'FULL', 'org': 'o-v'}";

	private static final String ENDED = "{'member': 'm-1', 'village': 'o-v', 'from': '2024-03-01', 'to': '2025-03-01', "
			+ "'by': 'o-b'}";

	/** Begins the day the first ended: the spans touch, they do not overlap. */
	private static final String OPEN = "{'member': 'm-1', 'village': 'o-v', 'from': '2025-03-01'}";

	private static final String AWAY_ENDED = "{'member': 'm-2', 'org': 'o-e', 'from': '2025-05-01', 'to': '2026-01-01'}";

	private static final String AWAY_OPEN = "{'member': 'm-2', 'org': 'o-e', 'from': '2026-01-01'}";

	private static String file(List<String> dispatches, List<String> away) {
		return json("{'format': 'party-graph/2', 'name': 'x', 'units': [" + UNITS + "], 'orgs': [" + ORGS
				+ "], 'members': [" + MEMBERS + "], 'dispatches': [" + String.join(", ", dispatches) + "], 'away': ["
				+ String.join(", ", away) + "]}");
	}

	private static String sound() {
		return file(List.of(ENDED, OPEN), List.of(AWAY_ENDED, AWAY_OPEN));
	}

	private static List<Problem> dispatchWith(String from, String to) {
		assertThat(ENDED).contains(from);
		return problems(file(List.of(ENDED.replace(from, to)), List.of()));
	}

	private static List<Problem> awayWith(String from, String to) {
		assertThat(AWAY_ENDED).contains(from);
		return problems(file(List.of(), List.of(AWAY_ENDED.replace(from, to))));
	}

	private static LocalDate day(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void dispatchesAndStaysAwayAreReadIntoRecords() throws IOException {
		assertThat(problems(sound())).isEmpty();
		Dataset dataset = DatasetFormat.read(TestFiles.stream(sound()));
		assertThat(dataset.dispatches()).containsExactly(
				new Dispatch("m-1", "o-v", day("2024-03-01"), day("2025-03-01"), "o-b"),
				new Dispatch("m-1", "o-v", day("2025-03-01"), null, null));
		assertThat(dataset.away()).containsExactly(new AwayRecord("m-2", "o-e", day("2025-05-01"), day("2026-01-01")),
				new AwayRecord("m-2", "o-e", day("2026-01-01"), null));
		// They are not among the items size() counts: units, orgs and members.
		assertThat(dataset.size()).isEqualTo(8);
		assertThat(dataset.dispatches().get(0).runsOn(day("2025-02-28"))).isTrue();
		assertThat(dataset.dispatches().get(0).runsOn(day("2025-03-01"))).isFalse();
	}

	@Test
	void absentOrNullListsAreNone() throws IOException {
		String nulls = json("{'format': 'party-graph/2', 'name': 'x', 'units': [], 'orgs': [], 'members': [], "
				+ "'dispatches': null, 'away': null}");
		assertThat(problems(nulls)).isEmpty();
		Dataset read = DatasetFormat.read(TestFiles.stream(nulls));
		assertThat(read.dispatches()).isEmpty();
		assertThat(read.away()).isEmpty();
		assertThat(new Dataset("x", List.of(), List.of(), List.of(), List.of()).dispatches()).isEmpty();
		assertThat(new Dataset("x", List.of(), List.of(), List.of()).away()).isEmpty();
	}

	@Test
	void writtenAfterTheCandidatesOnePerLineAndTheTextRoundTrips() throws IOException {
		Dataset read = DatasetFormat.read(TestFiles.stream(sound()));
		String pretty = DatasetWriter.pretty().writeToString(read);
		assertThat(pretty).contains("  \"dispatches\": [\n    {\"member\": \"m-1\", \"village\": \"o-v\", "
				+ "\"from\": \"2024-03-01\", \"to\": \"2025-03-01\", \"by\": \"o-b\"},\n    {\"member\": \"m-1\", "
				+ "\"village\": \"o-v\", \"from\": \"2025-03-01\"}\n  ],\n");
		assertThat(pretty).contains("  \"away\": [\n    {\"member\": \"m-2\", \"org\": \"o-e\", \"from\": \"2025-05-01\", "
				+ "\"to\": \"2026-01-01\"},\n");
		assertThat(pretty.indexOf("\"dispatches\"")).isGreaterThan(pretty.indexOf("\"members\""));
		assertThat(pretty.indexOf("\"away\"")).isGreaterThan(pretty.indexOf("\"dispatches\""));
		Dataset again = DatasetFormat.read(TestFiles.stream(pretty));
		assertThat(again).isEqualTo(read);
		assertThat(DatasetWriter.pretty().writeToString(again)).isEqualTo(pretty);
		assertThat(DatasetFormat.read(TestFiles.stream(DatasetWriter.compact().writeToString(read)))).isEqualTo(read);
	}

	@Test
	void aDatasetWithoutThemIsWrittenWithoutTheKeys() throws IOException {
		Dataset read = DatasetFormat.read(TestFiles.stream(sound()));
		String none = DatasetWriter.pretty().writeToString(new Dataset("x", read.units(), read.orgs(), read.members()));
		assertThat(none).doesNotContain("dispatches").doesNotContain("away");
		// Only one of the two: only its key.
		String onlyAway = DatasetWriter.pretty().writeToString(read.withDuals(List.of(), read.away()));
		assertThat(onlyAway).doesNotContain("dispatches").contains("\"away\"");
	}

	@Test
	void theStreamingWriterWritesWhatThePrettyWriterWrites(@TempDir Path dir) throws IOException {
		Dataset read = DatasetFormat.read(TestFiles.stream(sound()));
		Path file = dir.resolve("streamed.json");
		try (StreamingDatasetWriter writer = new StreamingDatasetWriter(file, read.name())) {
			read.away().forEach(writer::away);
			read.dispatches().forEach(writer::dispatch);
			read.members().forEach(writer::member);
			read.orgs().forEach(writer::org);
			read.units().forEach(writer::unit);
			assertThat(writer.dispatchCount()).isEqualTo(2);
			assertThat(writer.awayCount()).isEqualTo(2);
		}
		assertThat(Files.readString(file)).isEqualTo(DatasetWriter.pretty().writeToString(read));
		Path onlyDispatches = dir.resolve("dispatches.json");
		try (StreamingDatasetWriter writer = new StreamingDatasetWriter(onlyDispatches, read.name())) {
			read.units().forEach(writer::unit);
			read.orgs().forEach(writer::org);
			read.members().forEach(writer::member);
			read.dispatches().forEach(writer::dispatch);
		}
		assertThat(Files.readString(onlyDispatches)).doesNotContain("\"away\"")
			.isEqualTo(DatasetWriter.pretty().writeToString(read.withDuals(read.dispatches(), List.of())));
	}

	@Test
	void theStreamingReaderHandsThemToItsSink() throws IOException {
		List<Object> taken = new ArrayList<>();
		DatasetReader.Result result = DatasetReader.stream(TestFiles.stream(sound()), new DatasetReader.ItemSink() {

			@Override
			public void unit(org.partygraph.model.Unit unit) {
			}

			@Override
			public void org(org.partygraph.model.Org org) {
			}

			@Override
			public void member(org.partygraph.model.Member member) {
			}

			@Override
			public void dispatch(Dispatch dispatch) {
				taken.add(dispatch);
			}

			@Override
			public void away(AwayRecord record) {
				taken.add(record);
			}

		});
		assertThat(result.problems()).isEmpty();
		assertThat(taken).hasSize(4);
		assertThat(taken.get(0)).isInstanceOf(Dispatch.class);
		assertThat(taken.get(3)).isInstanceOf(AwayRecord.class);
		// A sink that does not take them passes them over.
		assertThat(DatasetReader.stream(TestFiles.stream(sound()), DatasetReader.ItemSink.membersOnly((m) -> {
		})).problems()).isEmpty();
	}

	@Test
	void aPartyGraph1FileMayNotHaveThem() {
		String v1 = file(List.of(ENDED), List.of()).replace("party-graph/2", "party-graph/1")
			.replace(json(", 'away': []"), "");
		assertThat(problems(v1)).singleElement().satisfies(problem(Problem.DATASET, "dispatches", "party-graph/2"));
		String v1Away = file(List.of(), List.of(AWAY_ENDED)).replace("party-graph/2", "party-graph/1")
			.replace(json(", 'dispatches': []"), "");
		assertThat(problems(v1Away)).singleElement().satisfies(problem(Problem.DATASET, "away", "party-graph/2"));
		assertThat(problems(json("{'format': 'party-graph/1', 'name': 'x', 'units': [], 'orgs': [], 'members': [], "
				+ "'dispatches': null, 'away': null}"))).isEmpty();
	}

	@Test
	void structuralProblemsNameTheItemAndField() {
		assertThat(dispatchWith("'from': '2024-03-01'", "'from': '2024-02-30'")).singleElement()
			.satisfies(problem("dispatches[0]", "from", "ISO date"));
		assertThat(dispatchWith("'to': '2025-03-01'", "'until': '2025-03-01'")).singleElement()
			.satisfies(problem("dispatches[0]", "until", "unknown key"));
		assertThat(dispatchWith("'by': 'o-b'", "'by': ['o-b']")).singleElement()
			.satisfies(problem("dispatches[0]", "by", "single org id"));
		assertThat(awayWith("'to': '2026-01-01'", "'to': 2026")).singleElement()
			.satisfies(problem("away[0]", "to", "ISO date"));
		assertThat(problems(file(List.of(ENDED, "'m-1'"), List.of()))).singleElement()
			.satisfies(problem("dispatches[1]", ItemReader.WHOLE_ITEM, "must be an object"));
		assertThat(problems(file(List.of(), List.of("3")))).singleElement()
			.satisfies(problem("away[0]", ItemReader.WHOLE_ITEM, "must be an object"));
	}

	@Test
	void requiredFieldsAreNamed() {
		assertThat(dispatchWith("'member': 'm-1', ", "")).singleElement()
			.satisfies(problem("dispatches[0]", "member", "missing"));
		assertThat(dispatchWith("'village': 'o-v', ", "")).singleElement()
			.satisfies(problem("dispatches[0]", "village", "missing"));
		assertThat(dispatchWith("'from': '2024-03-01', ", "")).singleElement()
			.satisfies(problem("dispatches[0]", "from", "missing"));
		// to and by are optional
		assertThat(dispatchWith(", 'to': '2025-03-01', 'by': 'o-b'", "")).isEmpty();
		assertThat(awayWith("'member': 'm-2', ", "")).singleElement().satisfies(problem("away[0]", "member", "missing"));
		assertThat(awayWith("'org': 'o-e', ", "")).singleElement().satisfies(problem("away[0]", "org", "missing"));
		assertThat(awayWith("'from': '2025-05-01', ", "")).singleElement().satisfies(problem("away[0]", "from", "missing"));
		assertThat(awayWith(", 'to': '2026-01-01'", "")).isEmpty();
	}

	@Test
	void theMemberIsAKnownMember() {
		assertThat(dispatchWith("'member': 'm-1'", "'member': 'm-9'")).singleElement()
			.satisfies(problem("dispatches[0]", "member", "unknown member 'm-9'"));
		assertThat(dispatchWith("'member': 'm-1'", "'member': 'o-b'")).singleElement()
			.satisfies(problem("dispatches[0]", "member", "which is an org, not a member"));
		assertThat(awayWith("'member': 'm-2'", "'member': 'm-9'")).singleElement()
			.satisfies(problem("away[0]", "member", "unknown member 'm-9'"));
		assertThat(awayWith("'member': 'm-2'", "'member': 'u-v'")).singleElement()
			.satisfies(problem("away[0]", "member", "which is a unit, not a member"));
	}

	@Test
	void theVillageIsAKnownVillagesOrgNotTheMembersOwn() {
		assertThat(dispatchWith("'village': 'o-v'", "'village': 'o-9'")).singleElement()
			.satisfies(problem("dispatches[0]", "village", "unknown org 'o-9'"));
		assertThat(dispatchWith("'village': 'o-v'", "'village': 'u-v'")).singleElement()
			.satisfies(problem("dispatches[0]", "village", "which is a unit, not an org"));
		assertThat(dispatchWith("'village': 'o-v'", "'village': 'o-e'")).singleElement()
			.satisfies(problem("dispatches[0]", "village", "set up in no VILLAGE unit"));
		// Open: refused. Ended: history (the member moved to the village's org later).
		assertThat(problems(file(List.of(OPEN.replace("'member': 'm-1'", "'member': 'm-2'")), List.of())))
			.singleElement()
			.satisfies(problem("dispatches[0]", "village", "'m-2' is a member of 'o-v'"));
		assertThat(dispatchWith("'member': 'm-1'", "'member': 'm-2'")).isEmpty();
	}

	@Test
	void bySendingOrgIsAKnownOrg() {
		assertThat(dispatchWith("'by': 'o-b'", "'by': 'o-9'")).singleElement()
			.satisfies(problem("dispatches[0]", "by", "unknown org 'o-9'"));
		assertThat(dispatchWith("'by': 'o-b'", "'by': 'm-1'")).singleElement()
			.satisfies(problem("dispatches[0]", "by", "which is a member, not an org"));
	}

	@Test
	void theAwayOrgIsAKnownOrgNeitherTheMembersOwnNorAPartyGroup() {
		assertThat(awayWith("'org': 'o-e'", "'org': 'o-9'")).singleElement()
			.satisfies(problem("away[0]", "org", "unknown org 'o-9'"));
		// Open: refused. Ended: history (the member moved to that org later).
		assertThat(problems(file(List.of(), List.of(AWAY_OPEN.replace("'org': 'o-e'", "'org': 'o-v'")))))
			.singleElement()
			.satisfies(problem("away[0]", "org", "'m-2' is a member of 'o-v'"));
		assertThat(awayWith("'org': 'o-e'", "'org': 'o-v'")).isEmpty();
		assertThat(awayWith("'org': 'o-e'", "'org': 'o-e-g'")).singleElement()
			.satisfies(problem("away[0]", "org", "PARTY_GROUP"));
	}

	@Test
	void toIsAfterFrom() {
		assertThat(dispatchWith("'to': '2025-03-01'", "'to': '2024-03-01'")).singleElement()
			.satisfies(problem("dispatches[0]", "to", "to 2024-03-01 is not after from 2024-03-01"));
		assertThat(dispatchWith("'to': '2025-03-01'", "'to': '2023-03-01'")).singleElement()
			.satisfies(problem("dispatches[0]", "to", "not after from"));
		assertThat(awayWith("'to': '2026-01-01'", "'to': '2025-05-01'")).singleElement()
			.satisfies(problem("away[0]", "to", "not after from"));
	}

	@Test
	void oneMembersSpansDoNotOverlapAndTheLaterOneIsNamed() {
		assertThat(problems(file(List.of(ENDED, OPEN.replace("2025-03-01", "2025-02-28")), List.of()))).singleElement()
			.satisfies(problem("dispatches[1]", "from", "already dispatched to 'o-v' from 2024-03-01 to 2025-03-01"));
		// an open one first: any later start overlaps it
		assertThat(problems(file(List.of(OPEN, ENDED.replace("2024-03-01", "2026-03-01").replace("2025-03-01", "2027-03-01")),
				List.of()))).singleElement()
			.satisfies(problem("dispatches[1]", "from", "with no end"));
		// other members' spans are their own
		assertThat(problems(file(List.of(ENDED), List.of(AWAY_ENDED, AWAY_ENDED.replace("m-2", "m-1"))))).isEmpty();
		assertThat(problems(file(List.of(), List.of(AWAY_OPEN, AWAY_ENDED.replace("2026-01-01", "2026-01-02")))))
			.singleElement()
			.satisfies(problem("away[1]", "from", "already away at 'o-e' from 2026-01-01"));
		// A member away and dispatched at once is not refused here: the two relations are separate.
		assertThat(problems(file(List.of(OPEN), List.of(AWAY_OPEN.replace("m-2", "m-1"))))).isEmpty();
	}

}
