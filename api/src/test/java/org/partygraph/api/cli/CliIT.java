package org.partygraph.api.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.Dataset;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.HistoryFormat;
import org.partygraph.model.history.History;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import} and {@code export} against an embedded store, with their exit codes. */
class CliIT {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void importThenExportGivesTheDatasetBackInFilesReadableByTheirOwnerOnly() throws Exception {
		Path input = this.dir.resolve("in.json");
		Files.copy(getClass().getResourceAsStream("/contract-example.json"), input);
		assertThat(run("import", input.toString())).as(text(this.err)).isEqualTo(Cli.OK);
		assertThat(text(this.out)).contains("imported '懷仁縣'").contains("16 nodes");

		Path output = this.dir.resolve("out/export.json");
		assertThat(run("export", output.toString(), "--history")).as(text(this.err)).isEqualTo(Cli.OK);
		// --history: the event log beside it (here the one import), which an import --history brings back
		Path historyFile = this.dir.resolve("out/export.history.json");
		assertThat(text(this.out)).contains("exported the history to " + historyFile + ": 1 events, 0 transfers");
		History history = HistoryFormat.read(historyFile);
		assertThat(history.events()).singleElement().satisfies((e) -> {
			assertThat(e.kind()).isEqualTo("IMPORTED");
			assertThat(e.imported()).isEqualTo("懷仁縣");
		});
		assertThat(runIn(this.dir.resolve("data2"), "import", output.toString(), "--history"))
			.as(text(this.err)).isEqualTo(Cli.OK);
		Path again = this.dir.resolve("out/again.json");
		assertThat(runIn(this.dir.resolve("data2"), "export", again.toString(), "--history=" + this.dir.resolve("out/h.json")))
			.as(text(this.err)).isEqualTo(Cli.OK);
		assertThat(HistoryFormat.read(this.dir.resolve("out/h.json")).events()).as("the first import kept, the second added")
			.hasSize(2)
			.first()
			.isEqualTo(history.events().get(0));
		Dataset exported = DatasetFormat.read(output);
		Dataset original = DatasetFormat.read(input);
		assertThat(exported.name()).isEqualTo("懷仁縣");
		assertThat(exported.orgs()).hasSameSizeAs(original.orgs());
		assertThat(exported.members()).containsExactlyElementsOf(original.members());
		// The commands never load the sample county: only what was imported is there.
		assertThat(exported.units()).hasSameSizeAs(original.units());

		// The file holds ID numbers and phones: 0600 when made, and when it replaces a readable file.
		Assumptions.assumeTrue(this.dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
				"POSIX permissions");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(output))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(historyFile))).isEqualTo("rw-------");
		Path existing = this.dir.resolve("existing.json");
		Files.writeString(existing, "old");
		Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(run("export", existing.toString())).as(text(this.err)).isEqualTo(Cli.OK);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-------");
		assertThat(DatasetFormat.read(existing).name()).isEqualTo("懷仁縣");
	}

	@Test
	void theGeneratedFileIsReadableByItsOwnerOnlyAsAnExportIs() throws Exception {
		// Generated members carry ID numbers and phones like real ones: the file is 0600, as export's.
		Assumptions.assumeTrue(this.dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
				"POSIX permissions");
		Path fresh = this.dir.resolve("gen/fresh.json");
		Path existing = this.dir.resolve("existing.json");
		Files.writeString(existing, "old");
		Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
		for (Path file : java.util.List.of(fresh, existing)) {
			assertThat(Cli.run(new String[] { "generate", file.toString(), "--counties=1", "--blocks=1", "--history-years=2" },
					new PrintStream(this.out, true, StandardCharsets.UTF_8),
					new PrintStream(this.err, true, StandardCharsets.UTF_8)))
				.as(text(this.err))
				.isEqualTo(Cli.OK);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
				.isEqualTo("rw-------");
			// --history-years: the history file beside it, owner-only too, two years of events
			Path history = HistoryFormat.besides(file);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
			History read = HistoryFormat.read(history);
			assertThat(read.events().get(0).kind()).isEqualTo("IMPORTED");
			assertThat(read.events().get(0).on()).isEqualTo(java.time.LocalDate.now().minusYears(2));
			assertThat(read.transfers()).isNotEmpty();
			assertThat(text(this.out)).contains("wrote " + history + ": 2 years from");
		}
		assertThat(DatasetFormat.read(existing).members()).isNotEmpty();
	}

	@Test
	void anInvalidFileExitsTwoWithOneProblemPerLineAndWritesNothing() throws Exception {
		Path input = this.dir.resolve("bad.json");
		Files.writeString(input, """
				{"format": "party-graph/1", "name": "壞縣",
				 "units": [],
				 "orgs": [{"id": "o-a", "kind": "BRANCH", "name": "甲", "parent": "o-missing", "colour": "red"}],
				 "members": [{"id": "m-1", "name": "張三", "status": "MAYBE", "org": "o-a"}]}
				""");
		assertThat(run("import", input.toString())).isEqualTo(Cli.INVALID);
		String[] lines = text(this.err).split("\\R");
		assertThat(lines).anySatisfy((l) -> assertThat(l).startsWith("o-a parent").contains("o-missing"));
		assertThat(lines).anySatisfy((l) -> assertThat(l).startsWith("o-a colour"));
		assertThat(lines).anySatisfy((l) -> assertThat(l).startsWith("m-1 status").contains("MAYBE"));

		Path output = this.dir.resolve("after.json");
		this.out.reset();
		assertThat(run("export", output.toString())).isEqualTo(Cli.OK);
		assertThat(DatasetFormat.read(output).orgs()).isEmpty();
	}

	@Test
	void generatedCountiesLoadThroughTheBulkPathAndExportBackEqual() throws Exception {
		Path generated = this.dir.resolve("gen/two.json");
		this.err.reset();
		assertThat(Cli.run(new String[] { "generate", generated.toString(), "--counties=2", "--blocks=1", "--seed=5" },
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8)))
			.as(text(this.err))
			.isEqualTo(Cli.OK);
		assertThat(text(this.err)).contains("generated 2 / 2 counties");
		Dataset written = DatasetFormat.read(generated);
		assertThat(written.name()).isEqualTo("合成省(2縣,種子5)");
		assertThat(text(this.out)).contains("wrote " + generated).contains(String.format("%,d members", written.members().size()));

		this.out.reset();
		assertThat(run("import", generated.toString(), "--bulk")).as(text(this.err)).isEqualTo(Cli.OK);
		assertThat(text(this.err)).contains("bulk import of").contains("entities").contains("ETA");
		// the lifecycle too (issue #21): candidates with their records, dispatches, stays away
		assertThat(written.candidates()).isNotEmpty();
		assertThat(written.dispatches()).isNotEmpty();
		assertThat(written.away()).isNotEmpty();
		long candidateNodes = written.candidates().stream().mapToLong((c) -> 1 + c.records().size()).sum();
		assertThat(text(this.out)).contains("imported '合成省(2縣,種子5)'")
			.contains((written.size() + candidateNodes) + " nodes");

		Path output = this.dir.resolve("export.json");
		assertThat(run("export", output.toString())).as(text(this.err)).isEqualTo(Cli.OK);
		Dataset exported = DatasetFormat.read(output);
		// export lists a member's roles by org id
		assertThat(exported.members().stream().map(CliIT::rolesSorted).toList())
			.containsExactlyInAnyOrderElementsOf(written.members().stream().map(CliIT::rolesSorted).toList());
		assertThat(exported.orgs()).hasSameSizeAs(written.orgs());
		assertThat(exported.candidates()).containsExactlyInAnyOrderElementsOf(written.candidates());
		assertThat(exported.dispatches()).containsExactlyInAnyOrderElementsOf(written.dispatches());
		assertThat(exported.away()).containsExactlyInAnyOrderElementsOf(written.away());
	}

	@Test
	void badGenerateOptionsExitOneNamingTheOption() {
		assertThat(Cli.run(new String[] { "generate", this.dir.resolve("x.json").toString(), "--counties=many" },
				new PrintStream(this.out), new PrintStream(this.err, true, StandardCharsets.UTF_8)))
			.isEqualTo(Cli.FAILED);
		assertThat(text(this.err)).contains("--counties must be a whole number, not 'many'");
		this.err.reset();
		assertThat(Cli.run(new String[] { "generate", this.dir.resolve("x.json").toString(), "--countys=2" },
				new PrintStream(this.out), new PrintStream(this.err, true, StandardCharsets.UTF_8)))
			.isEqualTo(Cli.FAILED);
		assertThat(text(this.err)).contains("unknown option --countys=2");
		assertThat(this.dir.resolve("x.json")).doesNotExist();
	}

	@Test
	void aFailedStartRemovesTheDataDirTheCommandCreatedButNeverOneThatWasThere() throws Exception {
		Path input = this.dir.resolve("in.json");
		Files.copy(getClass().getResourceAsStream("/contract-example.json"), input);
		Path fresh = this.dir.resolve("fresh-data");
		// The data dir (its password file) is made before Neo4j refuses the page cache size.
		assertThat(runIn(fresh, "import", input.toString(), "--party-graph.embedded.page-cache=lots")).isEqualTo(Cli.FAILED);
		assertThat(text(this.err)).contains("Not a size");
		assertThat(fresh).as("no half-made store is left behind").doesNotExist();

		Path existing = this.dir.resolve("existing-data");
		Files.createDirectories(existing);
		Files.writeString(existing.resolve("keep.txt"), "mine");
		assertThat(runIn(existing, "export", this.dir.resolve("x.json").toString(), "--party-graph.embedded.page-cache=lots"))
			.isEqualTo(Cli.FAILED);
		assertThat(existing.resolve("keep.txt")).hasContent("mine");
	}

	@Test
	void aMissingFileOrArgumentExitsOne() {
		assertThat(run("import", this.dir.resolve("nope.json").toString())).isEqualTo(Cli.FAILED);
		assertThat(text(this.err)).contains("no such file").contains("nope.json");
		assertThat(Cli.run(new String[] { "export" }, new PrintStream(this.out), new PrintStream(this.err)))
			.isEqualTo(Cli.FAILED);
		assertThat(text(this.err)).contains("usage");
	}

	@Test
	void importRosterIntoAnOrgsSubtreeDryRunFirstAndARefusalExitsTwo() throws Exception {
		Path input = this.dir.resolve("in.json");
		Files.copy(getClass().getResourceAsStream("/contract-example.json"), input);
		assertThat(run("import", input.toString())).as(text(this.err)).isEqualTo(Cli.OK);
		Path roster = this.dir.resolve("roster.csv");
		Files.writeString(roster, "姓名,性别,入党时间,人员类别,所在党组织,党员编号\n李四,女,2020-07-01,预备党员,下寨村养殖行业党支部,m-2\n"
				+ "張三,,,,,m-1\n");
		this.out.reset();
		assertThat(run("import-roster", roster.toString(), "--org=o-county", "--dry-run")).as(text(this.err))
			.isEqualTo(Cli.OK);
		assertThat(text(this.out)).contains("row 2: ADDED m-2 李四")
			.contains("dry run, nothing written: " + roster + " into o-county: 1 added, 0 updated, 0 transferred, 1 unchanged");
		this.out.reset();
		assertThat(run("import-roster", roster.toString(), "--org=o-county")).as(text(this.err)).isEqualTo(Cli.OK);
		assertThat(text(this.out)).contains("imported roster " + roster + " into o-county: 1 added");
		Path bad = this.dir.resolve("bad.csv");
		Files.writeString(bad, "姓名,入党时间,人员类别,所在党组织\n李五,2020-13-01,正式党员,无此支部\n");
		assertThat(run("import-roster", bad.toString(), "--org=o-county")).isEqualTo(Cli.INVALID);
		assertThat(text(this.err)).contains("row 2, column 入党时间 (JOINED)")
			.contains("row 2, column 所在党组织 (ORG_NAME): no org is named '无此支部'")
			.contains("2 problem(s); nothing was written");
		Path png = this.dir.resolve("photo.png");
		Files.write(png, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0 });
		assertThat(run("import-roster", png.toString(), "--org=o-county")).isEqualTo(Cli.INVALID);
		assertThat(text(this.err)).contains("is neither an .xlsx workbook nor CSV text");
		// In the language of LC_ALL, LC_MESSAGES or LANG (#19): the file as it is.
		assertThat(runIn(this.dir.resolve("data"), org.partygraph.queries.text.Lang.ZH_HANS, "import-roster",
				png.toString(), "--org=o-county")).isEqualTo(Cli.INVALID);
		assertThat(text(this.err).strip())
			.isEqualTo("import-roster：" + png + "既不是.xlsx工作簿，也不是UTF-8编码的CSV文本；未写入任何内容");
		assertThat(run("import-roster", roster.toString())).isEqualTo(Cli.FAILED);
		assertThat(text(this.err)).contains("import-roster needs --org=ID");
		Path output = this.dir.resolve("after.json");
		this.out.reset();
		assertThat(run("export", output.toString())).isEqualTo(Cli.OK);
		assertThat(DatasetFormat.read(output).members()).extracting((m) -> m.id() + " " + m.name() + " " + m.org() + " " + m.status())
			.containsExactlyInAnyOrder("m-1 張三 o-e1 FULL", "m-2 李四 o-xz-breed PROBATIONARY");
	}

	private int run(String command, String file, String... more) {
		return runIn(this.dir.resolve("data"), command, file, more);
	}

	private int runIn(Path data, String command, String file, String... more) {
		return runIn(data, org.partygraph.queries.text.Lang.EN, command, file, more);
	}

	/** Runs a command with its lines in {@code lang} (English whatever LANG the build runs under). */
	private int runIn(Path data, org.partygraph.queries.text.Lang lang, String command, String file, String... more) {
		this.err.reset();
		String[] args = { command, file, "--party-graph.data-dir=" + data,
				"--party-graph.embedded.bolt-port=0", "--party-graph.embedded.page-cache=32m" };
		args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
			.toArray(String[]::new);
		return Cli.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), lang);
	}

	private static org.partygraph.model.Member rolesSorted(org.partygraph.model.Member m) {
		var roles = m.roles()
			.stream()
			.sorted(java.util.Comparator.comparing((org.partygraph.model.RoleAssignment r) -> r.org())
				.thenComparing((r) -> r.role()))
			.toList();
		return new org.partygraph.model.Member(m.id(), m.name(), m.status(), m.org(), m.unit(), m.trade(), m.gender(),
				m.birthDate(), m.joined(), m.idNumber(), m.phone(), m.group(), roles, m.participatesIn());
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}
