package org.partygraph.model.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.Dataset;
import org.partygraph.model.Gender;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partygraph.model.format.TestFiles.stream;

/** Writing {@code party-graph/1}: the contract's layout, and a round trip back to equal records. */
class DatasetWriterTests {

	/** Every field of every record set, booleans false where they can be. */
	static final Dataset FULL = new Dataset("全", List.of(
			new Unit("u-1", UnitKind.ENTERPRISE, "E", null, "u-2", null, null, null, false, null),
			new Unit("u-2", UnitKind.INDUSTRY, "I", null, null, null, null, null, null, null),
			new Unit("u-3", UnitKind.PRODUCTION_BASE, "P", "u-4", "u-2", "u-1", 0, 12, null, false),
			new Unit("u-4", UnitKind.VILLAGE, "V", null, null, null, null, null, null, true)),
			List.of(Org.of("o-1", OrgKind.TOWNSHIP_COMMITTEE, "T", null),
					new Org("o-2", OrgKind.JOINT_BRANCH, "J", "o-1", List.of("o-1"), List.of("u-1", "u-3"),
							Trade.PROCESSING, false),
					Org.of("o-3", OrgKind.PARTY_GROUP, "G", "o-2")),
			List.of(new Member("m-1", "甲", MemberStatus.PROBATIONARY, "o-2", "u-3", Trade.TRANSPORT, Gender.F,
					LocalDate.of(1970, 12, 31), LocalDate.of(1999, 1, 2), "id", "phone", "o-3",
					List.of(new RoleAssignment("o-2", Role.SECRETARY), new RoleAssignment("o-1", Role.COMMITTEE_MEMBER)),
					List.of("o-1")), Member.of("m-2", "乙", MemberStatus.FULL, "o-2")));

	@Test
	void fullDatasetRoundTripsToEqualRecords() throws IOException {
		for (DatasetWriter writer : List.of(DatasetWriter.pretty(), DatasetWriter.compact())) {
			String json = writer.writeToString(FULL);
			assertThat(DatasetFormat.read(stream(json))).isEqualTo(FULL);
		}
	}

	@Test
	void aWrittenFileIsReadableByItsOwnerOnlyNewOrReplaced(@TempDir Path dir) throws IOException {
		Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
		Path fresh = dir.resolve("fresh.json");
		Path existing = dir.resolve("existing.json");
		Files.writeString(existing, "old content, longer than nothing");
		Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));

		DatasetWriter.pretty().write(FULL, fresh);
		DatasetWriter.compact().write(FULL, existing);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-------");
		assertThat(DatasetFormat.read(fresh)).isEqualTo(FULL);
		assertThat(DatasetFormat.read(existing)).isEqualTo(FULL);
	}

	@Test
	void contractExampleRoundTripsToEqualRecords() throws IOException {
		Dataset example;
		try (InputStream input = getClass().getResourceAsStream("contract-example.json")) {
			example = DatasetFormat.read(input);
		}
		String json = DatasetWriter.pretty().writeToString(example);
		assertThat(DatasetFormat.read(stream(json))).isEqualTo(example);
	}

	@Test
	void prettyLayoutIsOneItemPerLineInTheContractsKeyOrder() {
		String json = DatasetWriter.pretty().writeToString(FULL);
		assertThat(json.lines().toList()).containsSubsequence("{", "  \"format\": \"party-graph/2\",",
				"  \"name\": \"全\",", "  \"units\": [",
				"    {\"id\": \"u-1\", \"kind\": \"ENTERPRISE\", \"name\": \"E\", \"leading\": false, \"industry\": \"u-2\"},",
				"    {\"id\": \"u-3\", \"kind\": \"PRODUCTION_BASE\", \"name\": \"P\", \"locatedIn\": \"u-4\", \"industry\": \"u-2\", "
						+ "\"supplies\": \"u-1\", \"households\": 0, \"householdsDriven\": 12, \"industryCluster\": false},",
				"  ],", "  \"orgs\": [",
				"    {\"id\": \"o-2\", \"kind\": \"JOINT_BRANCH\", \"name\": \"J\", \"parent\": \"o-1\", \"units\": [\"u-1\", \"u-3\"], "
						+ "\"coManagedBy\": [\"o-1\"], \"trade\": \"PROCESSING\", \"hasCommittee\": false},",
				"  \"members\": [",
				"    {\"id\": \"m-1\", \"name\": \"甲\", \"status\": \"PROBATIONARY\", \"org\": \"o-2\", \"unit\": \"u-3\", "
						+ "\"trade\": \"TRANSPORT\", \"gender\": \"F\", \"birthDate\": \"1970-12-31\", \"joined\": \"1999-01-02\", "
						+ "\"idNumber\": \"id\", \"phone\": \"phone\", \"group\": \"o-3\", "
						+ "\"roles\": [{\"org\": \"o-2\", \"role\": \"SECRETARY\"}, {\"org\": \"o-1\", \"role\": \"COMMITTEE_MEMBER\"}], "
						+ "\"participatesIn\": [\"o-1\"]},",
				"  ]", "}");
	}

	@Test
	void absentFieldsAndEmptyListsAreLeftOut() {
		String json = DatasetWriter.compact().writeToString(new Dataset("d", List.of(),
				List.of(Org.of("o-1", OrgKind.BRANCH, "B", null)), List.of(Member.of("m-1", "M", MemberStatus.FULL, "o-1"))));
		assertThat(json).isEqualTo("{\"format\":\"party-graph/2\",\"name\":\"d\",\"units\":[],"
				+ "\"orgs\":[{\"id\":\"o-1\",\"kind\":\"BRANCH\",\"name\":\"B\"}],"
				+ "\"members\":[{\"id\":\"m-1\",\"name\":\"M\",\"status\":\"FULL\",\"org\":\"o-1\"}]}");
	}

	@Test
	void streamIsLeftOpenForTheCaller() throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream() {

			@Override
			public void close() {
				throw new AssertionError("the writer closed the caller's stream");
			}

		};
		DatasetWriter.compact().write(new Dataset("d", List.of(), List.of(), List.of()), output);
		assertThat(output.toString()).startsWith("{\"format\"");
	}

}
