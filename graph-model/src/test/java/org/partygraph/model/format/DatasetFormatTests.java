package org.partygraph.model.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.Dataset;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.partygraph.model.format.TestFiles.MEMBER;
import static org.partygraph.model.format.TestFiles.ORG;
import static org.partygraph.model.format.TestFiles.UNIT;
import static org.partygraph.model.format.TestFiles.file;
import static org.partygraph.model.format.TestFiles.problem;
import static org.partygraph.model.format.TestFiles.problems;
import static org.partygraph.model.format.TestFiles.stream;

/** Reading and checking a file in one go: every problem at once, none twice. */
class DatasetFormatTests {

	@Test
	void contractExampleIsValid() throws IOException {
		try (InputStream input = getClass().getResourceAsStream("contract-example.json")) {
			Dataset dataset = DatasetFormat.read(input);
			assertThat(dataset.size()).isEqualTo(16);
		}
	}

	@Test
	void fileWithSeveralProblemsReportsThemAllAtOnce() {
		String json = file(List.of(UNIT, "{'id': 'u-2', 'kind': 'FARM', 'name': 'F', 'locatedIn': 'u-9'}"),
				List.of(ORG, "{'id': 'o-2', 'kind': 'BRANCH', 'name': 'C', 'parent': 'o-3', 'colour': 'red'}",
						"{'id': 'o-3', 'kind': 'BRANCH', 'name': 'D', 'parent': 'o-2'}",
						"{'id': 'u-1', 'kind': 'PARTY_GROUP', 'name': 'G', 'parent': 'o-1'}"),
				List.of(MEMBER, "{'id': 'm-2', 'name': 'N', 'status': 'FULL', 'org': 'u-1', 'joined': 'yesterday'}"));
		assertThatExceptionOfType(InvalidDatasetException.class).isThrownBy(() -> DatasetFormat.read(stream(json)))
			.satisfies((ex) -> assertThat(ex.problems()).satisfiesExactlyInAnyOrder(
					problem("u-2", "kind", "'FARM' is not allowed"), problem("o-2", "colour", "unknown key"),
					problem("m-2", "joined", "yyyy-MM-dd"), problem("u-1", "id", "units[0] has the same id as orgs[3]"),
					problem("u-1", "id", "orgs[3] has the same id as units[0]"),
					problem("u-2", "locatedIn", "unknown unit 'u-9'"), problem("m-2", "org", "is a PARTY_GROUP"),
					problem("o-2", "parent", "cycle"), problem("o-3", "parent", "cycle")));
	}

	@Test
	void fieldFoundMalformedIsNotReportedAgainAsMissing() {
		String json = file(List.of(), List.of(ORG, "'not an org'"), List.of(
				"{'id': 'm-1', 'name': 'M', 'status': 'FULL', 'org': ['o-1'], 'roles': ['SECRETARY', {'org': 'o-1', 'role': 'SECRETARY'}]}"));
		assertThat(problems(json)).satisfiesExactly(problem("orgs[1]", "(item)", "must be an object"),
				problem("m-1", "org", "must be a single org id, not a list"),
				problem("m-1", "roles[0]", "must be an object"));
	}

	@Test
	void keyGivenTwiceIsNotCheckedFurther() {
		String json = file(List.of(), List.of(ORG),
				List.of("{'id': 'm-1', 'name': 'M', 'status': 'FULL', 'org': 'o-9', 'org': 'o-1'}"));
		assertThat(problems(json)).singleElement().satisfies(problem("m-1", "org", "more than once"));
	}

	@Test
	void malformedFileIsNotCheckedForReferences() {
		// Orgs after the break are never read; members pointing at them are not at fault.
		String json = TestFiles.json("{'format': 'party-graph/1', 'name': 'x', 'members': [" + MEMBER + ", {'id': ");
		assertThat(problems(json)).singleElement().satisfies(problem(Problem.DATASET, "line 1, column 121", "malformed"));
	}

	@Test
	void namesAreReadInTheirStoredFormNfcAndTrimmed() throws IOException {
		String json = file(List.of("{'id': 'u-1', 'kind': 'VILLAGE', 'name': ' Jose\u0301 '}"),
				List.of("{'id': 'o-1', 'kind': 'BRANCH', 'name': '\u3000下寨村黨總支 '}"),
				List.of("{'id': 'm-1', 'name': ' 王小明', 'status': 'FULL', 'org': 'o-1'}"));
		Dataset dataset = DatasetFormat.read(stream(json));
		assertThat(dataset.units().get(0).name()).isEqualTo("Jos\u00E9");
		assertThat(dataset.orgs().get(0).name()).isEqualTo("下寨村黨總支");
		assertThat(dataset.members().get(0).name()).isEqualTo("王小明");
	}

	@Test
	void aFileWithBadNamesIsRefusedNamingEachItemAndTheFieldName() {
		String json = file(List.of("{'id': 'u-1', 'kind': 'VILLAGE', 'name': 'V\\u0000'}"),
				List.of("{'id': 'o-1', 'kind': 'BRANCH', 'name': '\u202Egnp.exe'}"),
				List.of("{'id': 'm-1', 'name': '" + "王".repeat(201) + "', 'status': 'FULL', 'org': 'o-1'}",
						"{'id': 'm-2', 'name': '\u200B', 'status': 'FULL', 'org': 'o-1'}"));
		assertThatExceptionOfType(InvalidDatasetException.class).isThrownBy(() -> DatasetFormat.read(stream(json)))
			.satisfies((ex) -> assertThat(ex.problems()).satisfiesExactly(
					problem("u-1", "name", "control character U+0000 at position 2"),
					problem("o-1", "name", "format character U+202E at position 1"),
					problem("m-1", "name", "name is 201 characters; at most 200"),
					problem("m-2", "name", "format character U+200B at position 1")));
	}

	@Test
	void readsAFile(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("d.json");
		java.nio.file.Files.writeString(file, file(List.of(UNIT), List.of(ORG), List.of(MEMBER)), StandardCharsets.UTF_8);
		assertThat(DatasetFormat.read(file).size()).isEqualTo(3);
	}

	@Test
	void validateChecksADatasetInMemory() {
		Dataset dataset = TestFiles.read(file(List.of(), List.of(), List.of(MEMBER))).dataset();
		assertThat(DatasetFormat.validate(dataset)).singleElement().satisfies(problem("m-1", "org", "unknown org"));
	}

}
