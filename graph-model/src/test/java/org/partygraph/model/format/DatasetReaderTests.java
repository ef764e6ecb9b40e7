package org.partygraph.model.format;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.Gender;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Problem;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partygraph.model.format.TestFiles.MEMBER;
import static org.partygraph.model.format.TestFiles.ORG;
import static org.partygraph.model.format.TestFiles.UNIT;
import static org.partygraph.model.format.TestFiles.file;
import static org.partygraph.model.format.TestFiles.json;
import static org.partygraph.model.format.TestFiles.problem;
import static org.partygraph.model.format.TestFiles.problems;
import static org.partygraph.model.format.TestFiles.read;

/** Structural problems of {@code party-graph/1} files: one test per kind of problem. */
class DatasetReaderTests {

	@Test
	void contractExampleReadsToTheExpectedRecords() throws IOException {
		DatasetReader.Result result;
		try (InputStream input = getClass().getResourceAsStream("contract-example.json")) {
			result = DatasetReader.read(input);
		}
		assertThat(result.problems()).isEmpty();
		assertThat(result.complete()).isTrue();
		Dataset dataset = result.dataset();
		assertThat(dataset.name()).isEqualTo("懷仁縣");
		assertThat(dataset.units()).extracting(Unit::id)
			.containsExactly("u-county", "u-hbt", "u-xz", "u-sheep", "u-e1", "u-b1", "u-p1", "u-c1");
		assertThat(dataset.units().get(2))
			.isEqualTo(new Unit("u-xz", UnitKind.VILLAGE, "下寨村", "u-hbt", null, null, null, null, null, true));
		assertThat(dataset.units().get(4)).isEqualTo(
				new Unit("u-e1", UnitKind.ENTERPRISE, "某肉業公司", "u-hbt", "u-sheep", null, null, null, true, null));
		assertThat(dataset.units().get(5)).isEqualTo(
				new Unit("u-b1", UnitKind.PRODUCTION_BASE, "下寨養殖基地", "u-xz", null, "u-e1", 120, null, null, null));
		assertThat(dataset.units().get(7).householdsDriven()).isEqualTo(460);
		assertThat(dataset.orgs()).extracting(Org::id)
			.containsExactly("o-county", "o-npe", "o-hbt", "o-e1", "o-xz", "o-xz-breed", "o-xz-breed-g1");
		assertThat(dataset.orgs().get(0)).isEqualTo(new Org("o-county", OrgKind.COUNTY_COMMITTEE, "中共懷仁縣委", null,
				List.of(), List.of("u-county"), null, null));
		assertThat(dataset.orgs().get(3)).isEqualTo(new Org("o-e1", OrgKind.BRANCH, "某肉業公司黨支部", "o-npe",
				List.of("o-hbt"), List.of("u-e1", "u-b1"), null, true));
		assertThat(dataset.orgs().get(5).trade()).isEqualTo(Trade.BREEDING);
		assertThat(dataset.members()).containsExactly(new Member("m-1", "張三", MemberStatus.FULL, "o-e1", "u-b1",
				Trade.BREEDING, null, null, LocalDate.of(2001, 7, 1), "140624198001010011", "13800000000", null,
				List.of(new RoleAssignment("o-e1", Role.SECRETARY)), List.of()));
	}

	@Test
	void malformedJsonIsReportedWithItsLine() {
		List<Problem> problems = problems("{\"format\": \"party-graph/1\",\n\"name\": \"x\",\n\"units\": [{\"id\": }]}");
		assertThat(problems).singleElement().satisfies(problem(Problem.DATASET, "line 3, column 18", "malformed JSON"));
	}

	@Test
	void emptyFileIsReported() {
		assertThat(problems("")).singleElement().satisfies(problem(Problem.DATASET, "(file)", "empty"));
	}

	@Test
	void missingFormatIsReported() {
		List<Problem> problems = problems(json("{'name': 'x', 'units': [], 'orgs': [], 'members': []}"));
		assertThat(problems).singleElement().satisfies(problem(Problem.DATASET, "format", "missing"));
	}

	@Test
	void otherFormatIsReported() {
		List<Problem> problems = problems(json("{'format': 'party-graph/3', 'name': 'x'}"));
		assertThat(problems).singleElement().satisfies(problem(Problem.DATASET, "format", "not supported"));
	}

	@Test
	void format2KeysAreReadAndRefusedInAFormat1File() {
		String org = "{'id': 'o-1', 'kind': 'BRANCH', 'name': 'B', 'electedOn': '2024-05-06'}";
		String member = "{'id': 'm-1', 'name': 'M', 'status': 'PROBATIONARY', 'org': 'o-1', 'probationSince': '2025-01-02'}";
		String v2 = "{'format': 'party-graph/2', 'name': 'x', 'units': [], 'orgs': [" + org + "], 'members': [" + member
				+ "]}";
		assertThat(problems(json(v2))).isEmpty();
		assertThat(problems(json(v2.replace("party-graph/2", "party-graph/1"))))
			.singleElement()
			.satisfies(problem("o-1", "electedOn", "party-graph/2"));
		// null counts as absent, in a /1 file too
		assertThat(problems(json(v2.replace("party-graph/2", "party-graph/1")
			.replace("'2024-05-06'", "null")
			.replace("'2025-01-02'", "null")))).isEmpty();
		assertThat(problems(json(v2.replace("2024-05-06", "2024-13-01"))))
			.singleElement()
			.satisfies(problem("o-1", "electedOn", "ISO date"));
		assertThat(problems(json(v2.replace("2025-01-02", "soon"))))
			.singleElement()
			.satisfies(problem("m-1", "probationSince", "ISO date"));
		// a unit's neighbours are /2 too
		String units = "{'format': 'party-graph/2', 'name': 'x', 'units': [{'id': 'u-1', 'kind': 'VILLAGE', 'name': 'A', "
				+ "'adjacentTo': ['u-2']}, {'id': 'u-2', 'kind': 'VILLAGE', 'name': 'B'}], 'orgs': [], 'members': []}";
		assertThat(problems(json(units))).isEmpty();
		assertThat(problems(json(units.replace("party-graph/2", "party-graph/1")))).singleElement()
			.satisfies(problem("u-1", "adjacentTo", "party-graph/2"));
		assertThat(problems(json(units.replace("['u-2']", "'u-2'")))).singleElement()
			.satisfies(problem("u-1", "adjacentTo", "must be a list of unit ids"));
	}

	/**
	 * Issue #21: an extended probation's end is a {@code /2} key, read and written back, refused in a
	 * {@code /1} file and when it is not after the probation began.
	 */
	@Test
	void probationExtendedToIsReadWrittenAndChecked() throws java.io.IOException {
		String member = "{'id': 'm-1', 'name': 'M', 'status': 'PROBATIONARY', 'org': 'o-1', 'probationSince': '2025-01-02', "
				+ "'probationExtendedTo': '2026-07-02'}";
		String v2 = "{'format': 'party-graph/2', 'name': 'x', 'units': [], 'orgs': [" + TestFiles.ORG + "], 'members': ["
				+ member + "]}";
		assertThat(problems(json(v2))).isEmpty();
		org.partygraph.model.Dataset read = DatasetFormat.read(TestFiles.stream(json(v2)));
		assertThat(read.members().get(0).probationExtendedTo()).isEqualTo(java.time.LocalDate.of(2026, 7, 2));
		assertThat(read.members().get(0).probationEndsOn(12)).isEqualTo(java.time.LocalDate.of(2026, 7, 2));
		String written = DatasetWriter.compact().writeToString(read);
		assertThat(written).contains("\"probationExtendedTo\"");
		assertThat(DatasetFormat.read(TestFiles.stream(written))).isEqualTo(read);
		assertThat(problems(json(v2.replace("party-graph/2", "party-graph/1")))).singleElement()
			.satisfies(problem("m-1", "probationSince", "party-graph/2"));
		assertThat(problems(json(v2.replace("'2025-01-02', ", "null, ").replace("2026-07-02", "2024-12-31"))))
			.isEmpty();
		assertThat(problems(json(v2.replace("2026-07-02", "2025-01-02")))).singleElement()
			.satisfies(problem("m-1", "probationExtendedTo", "not after the probation began"));
	}

	@Test
	void unknownTopLevelKeyIsReported() {
		List<Problem> problems = problems(json("{'format': 'party-graph/1', 'name': 'x', 'memebrs': []}"));
		assertThat(problems).singleElement()
			.satisfies(problem(Problem.DATASET, "memebrs", "unknown key"))
			.satisfies((problem) -> assertThat(problem.message()).contains("did you mean 'members'"));
	}

	@Test
	void missingDatasetNameIsReported() {
		List<Problem> problems = problems(json("{'format': 'party-graph/1', 'units': [" + UNIT + "]}"));
		assertThat(problems).singleElement().satisfies(problem(Problem.DATASET, "name", "missing"));
	}

	@Test
	void listThatIsNotAListIsReported() {
		List<Problem> problems = problems(json("{'format': 'party-graph/1', 'name': 'x', 'orgs': {'id': 'o-1'}}"));
		assertThat(problems).singleElement().satisfies(problem(Problem.DATASET, "orgs", "must be a list"));
	}

	@Test
	void entryThatIsNotAnObjectIsReportedByPosition() {
		List<Problem> problems = problems(file(List.of(), List.of(ORG, "'o-2'"), List.of()));
		assertThat(problems).singleElement().satisfies(problem("orgs[1]", "(item)", "must be an object"));
	}

	@Test
	void unknownKeyInAnItemIsReportedWithTheKeyMeant() {
		List<Problem> problems = problems(
				file(List.of(UNIT, "{'id': 'u-2', 'kind': 'VILLAGE', 'name': 'W', 'locatdIn': 'u-1'}"), List.of(),
						List.of()));
		assertThat(problems).singleElement()
			.satisfies(problem("u-2", "locatdIn", "unknown key"))
			.satisfies((problem) -> assertThat(problem.message()).contains("did you mean 'locatedIn'"));
	}

	@Test
	void keyGivenTwiceIsReported() {
		List<Problem> problems = problems(
				file(List.of(), List.of(ORG, "{'id': 'o-2', 'kind': 'BRANCH', 'name': 'C', 'name': 'D'}"), List.of()));
		assertThat(problems).singleElement().satisfies(problem("o-2", "name", "more than once"));
	}

	@Test
	void everyShapeProblemOfAnItemIsAWordingOfItsEnglish() {
		// problems(...) checks that each problem's wording says its English message (#19).
		String v2 = json("{'format': 'party-graph/2', 'name': 'x', 'units': [{'id': ' ', 'kind': 'VILLAGE', 'name': 'V'}],"
				+ " 'orgs': [{'id': 'o-1', 'kind': 3, 'name': 'B', 'hasCommittee': 'yes'}], 'members': ["
				+ "{'id': 'm-1', 'name': 'M', 'status': 'FULL', 'org': 'o-1', 'roles': 'x'},"
				+ " {'id': 'm-2', 'name': 'M', 'status': 'FULL', 'org': 'o-1', 'roles': [[1]], 'participatesIn': [true]}],"
				+ " 'candidates': [{'id': 'c-1', 'name': 'C', 'org': 'o-1', 'stage': 'APPLIED', 'records': {}},"
				+ " {'id': 'c-2', 'name': 'C', 'org': 'o-1', 'stage': 'APPLIED', 'records': [null]}]}");
		List<Problem> problems = problems(v2);
		assertThat(problems).extracting(Problem::message)
			.contains("id must not be empty", "hasCommittee must be true or false, not \"yes\"",
					"roles must be a list of {org, role} objects, not \"x\"",
					"roles[0] must be an object with org and role, not a list",
					"participatesIn[0] must be an org id, not true",
					"records must be a list of {kind, on, note} objects, not an object",
					"records[0] must be an object with kind, on and note, not null");
		assertThat(problems).anySatisfy(problem("o-1", "kind", "kind must be one of COUNTY_COMMITTEE"));
		String v1 = v2.replace("party-graph/2", "party-graph/1").replace("\"name\": \"x\",", "\"name\": \"x\", \"electedOn\": 1,");
		assertThat(problems(v1)).extracting(Problem::message)
			.contains("candidates is a key of party-graph/2; this file says it is party-graph/1, so change its format to"
					+ " party-graph/2");
		assertThat(problems(v1)).anySatisfy(problem(Problem.DATASET, "electedOn", "unknown key 'electedOn' (allowed: "));
		assertThat(problems(json("{'format': 2, 'name': 'x'}"))).extracting(Problem::message)
			.contains("format 2 is not supported; expected \"party-graph/2\" (or \"party-graph/1\")");
		assertThat(problems(file(List.of(), List.of("{'id': 'o-1', 'kind': 'BRANCH', 'name': 'B', 'name': 'C'}"),
				List.of()))).extracting(Problem::message)
			.contains("name is given more than once; none of its values is read");
	}

	@Test
	void parentGivenAsListIsReported() {
		List<Problem> problems = problems(
				file(List.of(), List.of(ORG, "{'id': 'o-2', 'kind': 'BRANCH', 'name': 'C', 'parent': ['o-1']}"),
						List.of()));
		assertThat(problems).singleElement()
			.satisfies(problem("o-2", "parent", "parent must be a single org id, not a list"));
	}

	@Test
	void idListWithAnEntryThatIsNotAStringIsReported() {
		List<Problem> problems = problems(
				file(List.of(UNIT), List.of("{'id': 'o-1', 'kind': 'BRANCH', 'name': 'B', 'units': ['u-1', 7]}"),
						List.of()));
		assertThat(problems).singleElement().satisfies(problem("o-1", "units[1]", "must be a unit id"));
	}

	@Test
	void countThatIsNotAWholeNumberIsReported() {
		List<Problem> problems = problems(
				file(List.of("{'id': 'u-1', 'kind': 'PRODUCTION_BASE', 'name': 'P', 'households': '120'}"), List.of(),
						List.of()));
		assertThat(problems).singleElement().satisfies(problem("u-1", "households", "whole number"));
	}

	@Test
	void flagThatIsNotABooleanIsReported() {
		List<Problem> problems = problems(
				file(List.of("{'id': 'u-1', 'kind': 'ENTERPRISE', 'name': 'E', 'leading': 'yes'}"), List.of(),
						List.of()));
		assertThat(problems).singleElement().satisfies(problem("u-1", "leading", "true or false"));
	}

	@Test
	void dateThatIsNotIsoIsReported() {
		List<Problem> problems = problems(file(List.of(), List.of(ORG),
				List.of("{'id': 'm-1', 'name': 'M', 'status': 'FULL', 'org': 'o-1', 'joined': '01.07.2001'}")));
		assertThat(problems).singleElement().satisfies(problem("m-1", "joined", "yyyy-MM-dd"));
	}

	@Test
	void badEnumValueIsReportedWithTheAllowedValues() {
		List<Problem> problems = problems(file(List.of(), List.of("{'id': 'o-1', 'kind': 'BRANCHE', 'name': 'B'}"),
				List.of()));
		assertThat(problems).singleElement()
			.satisfies(problem("o-1", "kind", "'BRANCHE' is not allowed"))
			.satisfies((problem) -> assertThat(problem.message()).contains("GENERAL_BRANCH, BRANCH, JOINT_BRANCH"));
	}

	@Test
	void missingIdIsReportedByPosition() {
		List<Problem> problems = problems(file(List.of(UNIT, "{'kind': 'VILLAGE', 'name': 'W'}"), List.of(),
				List.of()));
		assertThat(problems).singleElement().satisfies(problem("units[1]", "id", "missing"));
	}

	@Test
	void idThatIsNotAStringIsReportedByPosition() {
		List<Problem> problems = problems(file(List.of(), List.of("{'id': 7, 'kind': 'BRANCH', 'name': 'B'}"),
				List.of()));
		assertThat(problems).singleElement().satisfies(problem("orgs[0]", "id", "must be a string"));
	}

	@Test
	void missingRequiredMemberFieldsAreReported() {
		List<Problem> problems = problems(file(List.of(), List.of(ORG), List.of("{'id': 'm-1', 'name': 'M'}")));
		assertThat(problems).satisfiesExactly(problem("m-1", "status", "missing"), problem("m-1", "org", "missing"));
	}

	@Test
	void nullCountsAsAbsent() {
		List<Problem> problems = problems(file(List.of(), List.of("{'id': 'o-1', 'kind': null, 'name': 'B'}"),
				List.of()));
		assertThat(problems).singleElement().satisfies(problem("o-1", "kind", "kind is missing"));
	}

	@Test
	void problemsInsideRolesNameTheRole() {
		List<Problem> problems = problems(file(List.of(), List.of(ORG), List.of(
				"{'id': 'm-1', 'name': 'M', 'status': 'FULL', 'org': 'o-1', 'roles': [{'org': 'o-1', 'role': 'SECRETARY'}, {'role': 'BOSS'}]}")));
		assertThat(problems).satisfiesExactlyInAnyOrder(problem("m-1", "roles[1].org", "missing"),
				problem("m-1", "roles[1].role", "SECRETARY, DEPUTY_SECRETARY"));
	}

	@Test
	void contentAfterTheDatasetIsReported() {
		List<Problem> problems = problems(file(List.of(), List.of(), List.of()) + " {}");
		assertThat(problems).singleElement().satisfies(problem(Problem.DATASET, "line 1, column 85", "after the end"));
	}

	@Test
	void badFieldReadsAsNullAndReadingGoesOn() {
		DatasetReader.Result result = read(file(List.of(UNIT),
				List.of("{'id': 'o-1', 'kind': 'BRANCH', 'name': 'B', 'parent': ['o-2'], 'units': ['u-1'], 'trade': 'FISHING'}",
						"{'id': 'o-2', 'kind': 'GENERAL_BRANCH', 'name': 'G'}"),
				List.of(MEMBER)));
		assertThat(result.problems()).extracting(Problem::field).containsExactly("parent", "trade");
		assertThat(result.complete()).isTrue();
		assertThat(result.dataset().orgs()).containsExactly(
				new Org("o-1", OrgKind.BRANCH, "B", null, List.of(), List.of("u-1"), null, null),
				Org.of("o-2", OrgKind.GENERAL_BRANCH, "G", null));
		assertThat(result.dataset().members()).extracting(Member::id).containsExactly("m-1");
	}

	@Test
	void everyMemberFieldIsRead() {
		DatasetReader.Result result = read(file(List.of(UNIT), List.of(ORG), List.of(
				"{'id': 'm-1', 'name': 'M', 'status': 'PROBATIONARY', 'org': 'o-1', 'unit': 'u-1', 'trade': 'COMMERCE', 'gender': 'F', "
						+ "'birthDate': '1990-02-28', 'joined': '2020-01-01', 'idNumber': '1', 'phone': '2', 'participatesIn': ['o-1']}")));
		assertThat(result.problems()).isEmpty();
		assertThat(result.dataset().members()).containsExactly(new Member("m-1", "M", MemberStatus.PROBATIONARY,
				"o-1", "u-1", Trade.COMMERCE, Gender.F, LocalDate.of(1990, 2, 28), LocalDate.of(2020, 1, 1), "1", "2",
				null, List.of(), List.of("o-1")));
	}

}
