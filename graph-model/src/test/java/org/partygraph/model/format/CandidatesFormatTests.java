package org.partygraph.model.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.Candidate;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.Dataset;
import org.partygraph.model.DevelopmentRecord;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.Gender;
import org.partygraph.model.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partygraph.model.format.TestFiles.json;
import static org.partygraph.model.format.TestFiles.problem;
import static org.partygraph.model.format.TestFiles.problems;

/**
 * The {@code candidates} of {@code party-graph/2}: read, written back the same, refused in a
 * {@code /1} file, and each bad field named with its item.
 */
class CandidatesFormatTests {

	private static final String ORGS = "{'id': 'o-1', 'kind': 'BRANCH', 'name': 'B'}, "
			+ "{'id': 'o-1-g', 'kind': 'PARTY_GROUP', 'name': 'G', 'parent': 'o-1'}";

	private static final String MEMBERS = "{'id': 'm-1', 'name': 'M', 'status': 'PROBATIONARY', 'org': 'o-1', "
			+ "'probationSince': '2026-06-01'}";

	private static final String APPLICANT = "{'id': 'c-1', 'name': '王小明', 'org': 'o-1', 'stage': 'APPLICANT', "
			+ "'appliedOn': '2026-03-01', 'gender': 'M', 'birthDate': '2000-05-04', "
			+ "'records': [{'kind': 'APPLICATION', 'on': '2026-03-01'}, {'kind': 'TALK', 'on': '2026-03-20', 'note': '支部書記談話'}]}";

	private static final String ADMITTED = "{'id': 'c-2', 'name': '李華', 'org': 'o-1', 'stage': 'ADMITTED', "
			+ "'appliedOn': '2023-01-10', 'activistSince': '2023-04-01', 'targetSince': '2024-05-01', "
			+ "'admittedOn': '2026-06-01', 'member': 'm-1', "
			+ "'records': [{'kind': 'APPLICATION', 'on': '2023-01-10'}, {'kind': 'APPROVAL', 'on': '2026-06-01'}]}";

	/** A {@code /2} file with the two orgs, the member and the given candidates. */
	private static String file(String... candidates) {
		return json("{'format': 'party-graph/2', 'name': 'x', 'units': [], 'orgs': [" + ORGS + "], 'members': ["
				+ MEMBERS + "], 'candidates': [" + String.join(", ", candidates) + "]}");
	}

	/** The file with one candidate, the sound applicant with {@code from} replaced by {@code to}. */
	private static List<Problem> applicantWith(String from, String to) {
		assertThat(APPLICANT).contains(from);
		return problems(file(APPLICANT.replace(from, to)));
	}

	private static List<Problem> admittedWith(String from, String to) {
		assertThat(ADMITTED).contains(from);
		return problems(file(ADMITTED.replace(from, to)));
	}

	@Test
	void candidatesAreReadIntoRecords() throws IOException {
		assertThat(problems(file(APPLICANT, ADMITTED))).isEmpty();
		Dataset dataset = DatasetFormat.read(TestFiles.stream(file(APPLICANT, ADMITTED)));
		assertThat(dataset.candidates()).containsExactly(
				new Candidate("c-1", "王小明", "o-1", CandidateStage.APPLICANT, LocalDate.of(2026, 3, 1), null, null, null,
						null, Gender.M, LocalDate.of(2000, 5, 4),
						List.of(new DevelopmentRecord(DevelopmentRecordKind.APPLICATION, LocalDate.of(2026, 3, 1), null),
								new DevelopmentRecord(DevelopmentRecordKind.TALK, LocalDate.of(2026, 3, 20), "支部書記談話"))),
				new Candidate("c-2", "李華", "o-1", CandidateStage.ADMITTED, LocalDate.of(2023, 1, 10),
						LocalDate.of(2023, 4, 1), LocalDate.of(2024, 5, 1), LocalDate.of(2026, 6, 1), "m-1", null, null,
						List.of(new DevelopmentRecord(DevelopmentRecordKind.APPLICATION, LocalDate.of(2023, 1, 10), null),
								new DevelopmentRecord(DevelopmentRecordKind.APPROVAL, LocalDate.of(2026, 6, 1), null))));
		// Candidates are not among the items size() counts: units, orgs and members.
		assertThat(dataset.size()).isEqualTo(3);
	}

	@Test
	void absentCandidatesAreNone() throws IOException {
		String without = json("{'format': 'party-graph/2', 'name': 'x', 'units': [], 'orgs': [" + ORGS
				+ "], 'members': [], 'candidates': null}");
		assertThat(DatasetFormat.read(TestFiles.stream(without)).candidates()).isEmpty();
		assertThat(new Dataset("x", List.of(), List.of(), List.of()).candidates()).isEmpty();
	}

	@Test
	void writtenCandidatesReadBackEqualAndTheTextRoundTrips() throws IOException {
		Dataset read = DatasetFormat.read(TestFiles.stream(file(APPLICANT, ADMITTED)));
		String pretty = DatasetWriter.pretty().writeToString(read);
		// One candidate per line, its records inline, after the members.
		assertThat(pretty).contains("  \"candidates\": [\n    {\"id\": \"c-1\", \"name\": \"王小明\", \"org\": \"o-1\", "
				+ "\"stage\": \"APPLICANT\", \"appliedOn\": \"2026-03-01\", \"gender\": \"M\", \"birthDate\": \"2000-05-04\", "
				+ "\"records\": [{\"kind\": \"APPLICATION\", \"on\": \"2026-03-01\"}, "
				+ "{\"kind\": \"TALK\", \"on\": \"2026-03-20\", \"note\": \"支部書記談話\"}]},\n");
		assertThat(pretty.indexOf("\"candidates\"")).isGreaterThan(pretty.indexOf("\"members\""));
		Dataset again = DatasetFormat.read(TestFiles.stream(pretty));
		assertThat(again).isEqualTo(read);
		assertThat(DatasetWriter.pretty().writeToString(again)).isEqualTo(pretty);
		assertThat(DatasetFormat.read(TestFiles.stream(DatasetWriter.compact().writeToString(read)))).isEqualTo(read);
	}

	@Test
	void aHandOnIsReadAndWrittenBack() throws IOException {
		// Handed on by o-gone (dissolved since: not in the file) on 2024-02-01, then by o-1-old on 2025-07-01.
		String handedOn = ADMITTED.replace("'member': 'm-1', ", "'member': 'm-1', "
				+ "'formerOrgs': ['o-gone', 'o-1-old'], 'formerUntil': ['2024-02-01', '2025-07-01'], ");
		assertThat(problems(file(APPLICANT, handedOn))).isEmpty();
		Dataset read = DatasetFormat.read(TestFiles.stream(file(APPLICANT, handedOn)));
		Candidate c2 = read.candidates().get(1);
		assertThat(c2.formerOrgs()).containsExactly("o-gone", "o-1-old");
		assertThat(c2.formerUntil()).containsExactly(LocalDate.of(2024, 2, 1), LocalDate.of(2025, 7, 1));
		assertThat(read.candidates().get(0).formerOrgs()).isEmpty();
		String pretty = DatasetWriter.pretty().writeToString(read);
		assertThat(pretty).contains("\"formerOrgs\": [\"o-gone\", \"o-1-old\"], \"formerUntil\": [\"2024-02-01\", \"2025-07-01\"]")
			.containsOnlyOnce("formerOrgs");
		assertThat(DatasetFormat.read(TestFiles.stream(pretty))).isEqualTo(read);
		assertThat(DatasetFormat.read(TestFiles.stream(DatasetWriter.compact().writeToString(read)))).isEqualTo(read);
		// A day for each org, oldest first, none before the application; dates as everywhere.
		assertThat(problems(file(handedOn.replace(", '2025-07-01'", "")))).anySatisfy(
				problem("c-2", "formerUntil", "1 days for 2 formerOrgs"));
		assertThat(problems(file(handedOn.replace("'2025-07-01'", "'2024-01-31'")))).singleElement()
			.satisfies(problem("c-2", "formerUntil[1]", "before formerUntil[0] 2024-02-01"));
		assertThat(problems(file(handedOn.replace("'2024-02-01'", "'2023-01-09'")))).singleElement()
			.satisfies(problem("c-2", "formerUntil[0]", "before appliedOn 2023-01-10"));
		assertThat(problems(file(handedOn.replace("'2024-02-01'", "'2024-02-30'")))).anySatisfy(
				problem("c-2", "formerUntil[0]", "ISO date"));
	}

	@Test
	void aDatasetWithoutCandidatesIsWrittenWithoutTheKey() {
		Dataset none = new Dataset("x", List.of(), List.of(), List.of());
		assertThat(DatasetWriter.pretty().writeToString(none)).doesNotContain("candidates");
	}

	@Test
	void theStreamingWriterWritesWhatThePrettyWriterWrites(@TempDir Path dir) throws IOException {
		Dataset read = DatasetFormat.read(TestFiles.stream(file(APPLICANT, ADMITTED)));
		Path file = dir.resolve("streamed.json");
		try (StreamingDatasetWriter writer = new StreamingDatasetWriter(file, read.name())) {
			read.candidates().forEach(writer::candidate);
			read.members().forEach(writer::member);
			read.orgs().forEach(writer::org);
			assertThat(writer.candidateCount()).isEqualTo(2);
		}
		assertThat(Files.readString(file)).isEqualTo(DatasetWriter.pretty().writeToString(read));
		Path none = dir.resolve("none.json");
		try (StreamingDatasetWriter writer = new StreamingDatasetWriter(none, read.name())) {
			read.orgs().forEach(writer::org);
		}
		assertThat(Files.readString(none)).doesNotContain("candidates")
			.isEqualTo(DatasetWriter.pretty().writeToString(new Dataset("x", List.of(), read.orgs(), List.of())));
	}

	@Test
	void theStreamingReaderHandsCandidatesToItsSink() throws IOException {
		List<Candidate> candidates = new java.util.ArrayList<>();
		DatasetReader.Result result = DatasetReader.stream(TestFiles.stream(file(APPLICANT, ADMITTED)),
				DatasetReader.ItemSink.of((u) -> {
				}, (o) -> {
				}, (m) -> {
				}, candidates::add));
		assertThat(result.problems()).isEmpty();
		assertThat(candidates).extracting(Candidate::id).containsExactly("c-1", "c-2");
	}

	@Test
	void aPartyGraph1FileMayNotHaveCandidates() {
		String v1 = file(APPLICANT).replace("party-graph/2", "party-graph/1")
			.replace(json(", 'probationSince': '2026-06-01'"), "");
		assertThat(problems(v1)).singleElement().satisfies(problem(Problem.DATASET, "candidates", "party-graph/2"));
		assertThat(problems(json("{'format': 'party-graph/1', 'name': 'x', 'units': [], 'orgs': [], 'members': [], "
				+ "'candidates': null}"))).isEmpty();
	}

	@Test
	void structuralProblemsNameTheCandidateAndField() {
		assertThat(applicantWith("'stage': 'APPLICANT'", "'stage': 'APPLIED'")).singleElement()
			.satisfies(problem("c-1", "stage", "not allowed"));
		assertThat(applicantWith("'appliedOn': '2026-03-01'", "'appliedOn': '2026-02-30'")).singleElement()
			.satisfies(problem("c-1", "appliedOn", "ISO date"));
		assertThat(applicantWith("'kind': 'TALK'", "'kind': 'CHAT'")).singleElement()
			.satisfies(problem("c-1", "records[1].kind", "not allowed"));
		assertThat(applicantWith("'note': '支部書記談話'", "'notes': 'x'")).singleElement()
			.satisfies(problem("c-1", "records[1].notes", "unknown key"));
		assertThat(applicantWith("'gender': 'M'", "'sex': 'M'")).singleElement()
			.satisfies(problem("c-1", "sex", "unknown key"));
		assertThat(applicantWith("'records': [", "'records': 'none', 'x': [")).anySatisfy(
				problem("c-1", "records", "must be a list"));
		assertThat(problems(file("'c-3'"))).singleElement()
			.satisfies(problem("candidates[0]", ItemReader.WHOLE_ITEM, "must be an object"));
	}

	@Test
	void requiredFieldsAreNamed() {
		assertThat(applicantWith("'id': 'c-1', ", "")).singleElement().satisfies(problem("candidates[0]", "id", "missing"));
		assertThat(applicantWith("'name': '王小明', ", "")).singleElement().satisfies(problem("c-1", "name", "missing"));
		assertThat(applicantWith("'org': 'o-1', ", "")).singleElement().satisfies(problem("c-1", "org", "missing"));
		assertThat(applicantWith("'stage': 'APPLICANT', ", "")).singleElement()
			.satisfies(problem("c-1", "stage", "missing"));
		assertThat(applicantWith("'appliedOn': '2026-03-01', ", "")).singleElement()
			.satisfies(problem("c-1", "appliedOn", "missing"));
		assertThat(applicantWith("'kind': 'APPLICATION', ", "")).singleElement()
			.satisfies(problem("c-1", "records[0].kind", "missing"));
		assertThat(applicantWith(", 'on': '2026-03-20'", "")).singleElement()
			.satisfies(problem("c-1", "records[1].on", "missing"));
	}

	@Test
	void idsAreUniqueAmongCandidates() {
		assertThat(problems(file(APPLICANT, ADMITTED.replace("'c-2'", "'c-1'")))).singleElement()
			.satisfies(problem("c-1", "id", "candidates[1] has the same id as candidates[0]"));
	}

	@Test
	void theOrgIsAKnownOrgAndNoPartyGroup() {
		assertThat(applicantWith("'org': 'o-1'", "'org': 'o-9'")).singleElement()
			.satisfies(problem("c-1", "org", "unknown org 'o-9'"));
		assertThat(applicantWith("'org': 'o-1'", "'org': 'm-1'")).singleElement()
			.satisfies(problem("c-1", "org", "which is a member, not an org"));
		assertThat(applicantWith("'org': 'o-1'", "'org': 'o-1-g'")).singleElement()
			.satisfies(problem("c-1", "org", "PARTY_GROUP"));
	}

	@Test
	void theDayOfEachStageReachedIsGivenAndNoOther() {
		assertThat(admittedWith("'activistSince': '2023-04-01', ", "")).singleElement()
			.satisfies(problem("c-2", "activistSince", "missing"));
		assertThat(admittedWith("'targetSince': '2024-05-01', ", "")).singleElement()
			.satisfies(problem("c-2", "targetSince", "missing"));
		assertThat(admittedWith("'admittedOn': '2026-06-01', ", "")).singleElement()
			.satisfies(problem("c-2", "admittedOn", "missing"));
		assertThat(applicantWith("'appliedOn': '2026-03-01'", "'appliedOn': '2026-03-01', 'activistSince': '2026-05-01'"))
			.singleElement()
			.satisfies(problem("c-1", "activistSince", "stage APPLICANT"));
		assertThat(applicantWith("'appliedOn': '2026-03-01'", "'appliedOn': '2026-03-01', 'admittedOn': '2026-05-01'"))
			.singleElement()
			.satisfies(problem("c-1", "admittedOn", "stage APPLICANT"));
	}

	@Test
	void theDaysAreInOrderAndTheLaterOneIsNamed() {
		assertThat(admittedWith("'activistSince': '2023-04-01'", "'activistSince': '2022-12-31'")).singleElement()
			.satisfies(problem("c-2", "activistSince", "before appliedOn 2023-01-10"));
		assertThat(admittedWith("'targetSince': '2024-05-01'", "'targetSince': '2023-03-01'")).singleElement()
			.satisfies(problem("c-2", "targetSince", "before activistSince 2023-04-01"));
		assertThat(admittedWith("'admittedOn': '2026-06-01'", "'admittedOn': '2024-04-30'")).singleElement()
			.satisfies(problem("c-2", "admittedOn", "before targetSince 2024-05-01"));
		// The same day twice is in order.
		assertThat(admittedWith("'targetSince': '2024-05-01'", "'targetSince': '2023-04-01'")).isEmpty();
	}

	@Test
	void theMemberIsGivenOnlyWhenAdmittedAndIsAMember() {
		// Admitted, and no longer a member (a probation cancelled since): no member, no problem.
		assertThat(admittedWith("'member': 'm-1', ", "")).isEmpty();
		assertThat(admittedWith("'member': 'm-1'", "'member': 'm-9'")).singleElement()
			.satisfies(problem("c-2", "member", "unknown member 'm-9'"));
		assertThat(admittedWith("'member': 'm-1'", "'member': 'o-1'")).singleElement()
			.satisfies(problem("c-2", "member", "which is an org, not a member"));
		assertThat(applicantWith("'appliedOn': '2026-03-01'", "'appliedOn': '2026-03-01', 'member': 'm-1'"))
			.singleElement()
			.satisfies(problem("c-1", "member", "only an ADMITTED candidate"));
	}

	@Test
	void recordsAreNotBeforeTheApplicationNorOfAStageNotReached() {
		assertThat(applicantWith("'on': '2026-03-20'", "'on': '2026-02-28'")).singleElement()
			.satisfies(problem("c-1", "records[1].on", "before appliedOn 2026-03-01"));
		assertThat(applicantWith("'kind': 'TALK'", "'kind': 'CULTIVATION'")).singleElement()
			.satisfies(problem("c-1", "records[1].kind", "needs stage ACTIVIST"));
		assertThat(applicantWith("'kind': 'TALK'", "'kind': 'APPROVAL'")).singleElement()
			.satisfies(problem("c-1", "records[1].kind", "needs stage ADMITTED"));
		// An admitted candidate keeps the records of every earlier stage.
		assertThat(admittedWith("'kind': 'APPLICATION'", "'kind': 'TRAINING'")).isEmpty();
	}

}
