package org.partygraph.model.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.Unit;

import static org.assertj.core.api.Assertions.assertThat;

/** Files too large to hold: written item by item, read item by item. */
class StreamingDatasetTests {

	private static final Dataset FULL = DatasetWriterTests.FULL;

	@TempDir
	Path dir;

	@Test
	void itemsGivenInAnyOrderGiveTheSameBytesAsThePrettyWriter() throws IOException {
		Path file = this.dir.resolve("out.json");
		try (StreamingDatasetWriter writer = new StreamingDatasetWriter(file, FULL.name())) {
			// members first, lists interleaved: the file still has units, orgs, members in given order
			FULL.members().forEach(writer::member);
			writer.org(FULL.orgs().get(0));
			FULL.units().forEach(writer::unit);
			FULL.orgs().subList(1, FULL.orgs().size()).forEach(writer::org);
			assertThat(writer.memberCount()).isEqualTo(2);
			assertThat(writer.unitCount()).isEqualTo(4);
			assertThat(writer.orgCount()).isEqualTo(3);
		}
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(DatasetWriter.pretty().writeToString(FULL));
		assertThat(DatasetFormat.read(file)).isEqualTo(FULL);
		try (var left = Files.list(this.dir)) {
			assertThat(left).as("no spool file left behind").containsExactly(file);
		}
	}

	@Test
	void theFileIsReadableByItsOwnerOnlyNewOrReplaced() throws IOException {
		// Same as DatasetWriter: a dataset holds personal data (ID numbers, phones); generate writes this way.
		Assumptions.assumeTrue(this.dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
				"POSIX permissions");
		Path fresh = this.dir.resolve("fresh.json");
		Path existing = this.dir.resolve("existing.json");
		Files.writeString(existing, "old");
		Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
		for (Path file : List.of(fresh, existing)) {
			try (StreamingDatasetWriter writer = new StreamingDatasetWriter(file, FULL.name())) {
				FULL.units().forEach(writer::unit);
				FULL.orgs().forEach(writer::org);
				FULL.members().forEach(writer::member);
			}
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
				.isEqualTo("rw-------");
			assertThat(DatasetFormat.read(file)).isEqualTo(FULL);
		}
	}

	@Test
	void emptyListsAreWrittenAsEmptyLists() throws IOException {
		Path file = this.dir.resolve("empty.json");
		new StreamingDatasetWriter(file, "空").close();
		Dataset empty = new Dataset("空", List.of(), List.of(), List.of());
		assertThat(DatasetFormat.read(file)).isEqualTo(empty);
	}

	@Test
	void streamGivesEveryItemInFileOrderAndAnnouncesEachListsEnd() throws IOException {
		Path file = this.dir.resolve("in.json");
		DatasetWriter.pretty().write(FULL, file);
		List<Object> seen = new ArrayList<>();
		DatasetReader.Result result = DatasetReader.stream(file, new DatasetReader.ItemSink() {

			@Override
			public void unit(Unit unit) {
				seen.add(unit);
			}

			@Override
			public void org(Org org) {
				seen.add(org);
			}

			@Override
			public void member(Member member) {
				seen.add(member);
			}

			@Override
			public void endOfList(String list) {
				seen.add("end " + list);
			}

		});
		List<Object> expected = new ArrayList<>(FULL.units());
		expected.add("end units");
		expected.addAll(FULL.orgs());
		expected.add("end orgs");
		expected.addAll(FULL.members());
		expected.add("end members");
		assertThat(seen).containsExactlyElementsOf(expected);
		assertThat(result.problems()).isEmpty();
		assertThat(result.complete()).isTrue();
		assertThat(result.dataset().name()).isEqualTo(FULL.name());
		assertThat(result.dataset().size()).as("nothing held").isZero();
	}

	@Test
	void streamReportsStructuralProblemsLikeRead() throws IOException {
		Path file = this.dir.resolve("bad.json");
		Files.writeString(file, TestFiles.file(List.of(TestFiles.UNIT), List.of("{'id': 'o-1', 'kind': 'BRANCHY', 'name': 'B'}"),
				List.of(TestFiles.MEMBER)), StandardCharsets.UTF_8);
		List<Member> members = new ArrayList<>();
		DatasetReader.Result streamed = DatasetReader.stream(file, DatasetReader.ItemSink.membersOnly(members::add));
		assertThat(streamed.problems()).isNotEmpty().isEqualTo(DatasetReader.read(file).problems());
		assertThat(streamed.problems().get(0).item()).isEqualTo("o-1");
		assertThat(streamed.problems().get(0).field()).isEqualTo("kind");
		assertThat(members).extracting(Member::id).containsExactly("m-1");
	}

}
