package org.partygraph.api.cli;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks {@code import} and {@code export} make before starting; across processes: CliBesideServiceIT. */
class PreflightTests {

	@TempDir
	Path dir;

	@Test
	void aLockedStoreIsInUseAndTheCheckLeavesTheLockInPlace() throws Exception {
		Path lockFile = this.dir.resolve(Preflight.STORE_LOCK);
		Files.createDirectories(lockFile.getParent());
		Files.createFile(lockFile);
		assertThat(Preflight.storeHolder(lockFile)).as("nobody holds it").isNull();
		assertThat(new Preflight(true, this.dir, 0).refusal("export")).isNull();

		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.lock()) {
			Preflight.Holder holder = Preflight.storeHolder(lockFile);
			assertThat(holder).isNotNull();
			if (holder.pid().isPresent()) {
				assertThat(holder.pid().getAsLong()).isEqualTo(ProcessHandle.current().pid());
			}
			assertThat(new Preflight(true, this.dir, 0).refusal("export")).startsWith("export: the store in " + this.dir)
				.contains("is in use by another process")
				.contains("--spring.neo4j.uri=bolt://127.0.0.1:PORT")
				.doesNotContain("\n");
			// Checking did not drop the lock this JVM holds (closing a channel would, on POSIX).
			assertThat(lock.isValid()).isTrue();
			assertThat(Preflight.storeHolder(lockFile)).isNotNull();
		}
		assertThat(Preflight.storeHolder(lockFile)).as("released").isNull();
	}

	@Test
	void aBoltPortInUseIsNamedWithItsProperty() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = taken.getLocalPort();
			assertThat(Preflight.portInUse(port)).isTrue();
			String refusal = new Preflight(true, this.dir.resolve("data"), port).refusal("import");
			assertThat(refusal).startsWith("import: Bolt port " + port + " on 127.0.0.1 is in use")
				.contains("--party-graph.embedded.bolt-port=N")
				.doesNotContain("\n");
			if (Files.isReadable(Path.of("/proc/net/tcp"))) {
				// Linux: the holder is named, here this very JVM.
				assertThat(refusal).contains("in use by pid " + ProcessHandle.current().pid() + " (").contains("java");
			}
			assertThat(new Preflight(false, this.dir.resolve("data"), port).refusal("import"))
				.as("an external database: nothing embedded to check")
				.isNull();
		}
	}

	@Test
	void theSettingsAreTheOnesSpringWouldStartWith() {
		Preflight defaults = Preflight.of(new String[0]);
		assertThat(defaults.embedded()).isTrue();
		assertThat(defaults.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
		assertThat(defaults.boltPort()).isEqualTo(7687);

		Preflight given = Preflight.of(new String[] { "--party-graph.data-dir=" + this.dir.resolve("d"),
				"--party-graph.embedded.bolt-port=1234", "--bulk" });
		assertThat(given.dataDir()).isEqualTo(this.dir.resolve("d"));
		assertThat(given.boltPort()).isEqualTo(1234);

		assertThat(Preflight.of(new String[] { "--spring.neo4j.uri=bolt://db:7687" }).embedded()).isFalse();
		assertThat(Preflight.of(new String[] { "--party-graph.embedded.enabled=false" }).embedded()).isFalse();
		assertThat(Preflight.of(new String[] { "--party-graph.embedded.bolt-port=not-a-port" }).embedded())
			.as("a setting that does not bind is left to the start to report")
			.isFalse();
	}

	@Test
	void withoutSpringTheSettingsAreTheSameAsWithIt() throws Exception {
		for (String[] args : List.of(new String[0],
				new String[] { "export", "x.json", "--party-graph.data-dir=" + this.dir.resolve("d"),
						"--party-graph.embedded.bolt-port=1234", "--bulk" },
				new String[] { "--spring.neo4j.uri=bolt://db:7687" }, new String[] { "--spring.neo4j.uri=" },
				new String[] { "--party-graph.embedded.enabled=off" },
				new String[] { "--party-graph.embedded.bolt-port=0" })) {
			Preflight quick = Preflight.Quickly.resolve(args);
			Preflight spring = Preflight.BySpringBoot.resolve(args);
			assertThat(quick).as(String.join(" ", args)).isNotNull();
			assertThat(List.of(quick.embedded(), quick.dataDir(), quick.boltPort())).as(String.join(" ", args))
				.isEqualTo(List.of(spring.embedded(), spring.dataDir(), spring.boltPort()));
		}
	}

	@Test
	void whatOnlySpringBootReadsIsLeftToIt() throws Exception {
		assertThat(Preflight.Quickly.resolve(new String[] { "--spring.profiles.active=prod" })).isNull();
		assertThat(Preflight.Quickly.resolve(new String[] { "--spring.config.additional-location=x/" })).isNull();
		assertThat(Preflight.Quickly.resolve(new String[] { "--party-graph.data-dir=${user.home}/pg" })).isNull();
		assertThat(Preflight.Quickly.resolve(new String[] { "--party-graph.embedded.bolt-port=1",
				"--party-graph.embedded.bolt-port=2" })).isNull();
		assertThat(Preflight.of(new String[] { "--party-graph.data-dir=${user.home}/pg" }).dataDir())
			.isEqualTo(Path.of(System.getProperty("user.home"), "pg"));
	}

	@Test
	void thePortsHolderIsFoundThroughItsSocketsInode() throws Exception {
		// A procfs of two processes; the second listens on 7687 (0x1E07) over IPv6, the first only connects to it.
		Path proc = this.dir.resolve("proc");
		Files.createDirectories(proc.resolve("net"));
		Files.writeString(proc.resolve("net/tcp"), String.join("\n",
				"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
				"   0: 0100007F:D431 0100007F:1E07 01 00000000:00000000 00:00000000 00000000  1000        0 111 1 0",
				"   1: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 222 1 0", ""));
		Files.writeString(proc.resolve("net/tcp6"), String.join("\n",
				"  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
				"   0: 00000000000000000000000001000000:1E07 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 333 1 0",
				""));
		for (String[] process : new String[][] { { "41", "111", "curl\0localhost:7687\0" },
				{ "43", "444", "java\0-cp\0/a.jar:/b.jar\0org.partygraph.api.PartyGraphApplication\0--server.port=9\0" },
				{ "4242", "333", "java\0-jar\0party-graph.jar\0--party-graph.data-dir=/srv/pg/data\0" } }) {
			Path fd = proc.resolve(process[0]).resolve("fd");
			Files.createDirectories(fd);
			Files.createSymbolicLink(fd.resolve("0"), Path.of("/dev/null"));
			Files.createSymbolicLink(fd.resolve("7"), Path.of("socket:[" + process[1] + "]"));
			Files.writeString(proc.resolve(process[0]).resolve("cmdline"), process[2]);
		}
		Files.createDirectories(proc.resolve("self"));
		assertThat(Preflight.portHolder(proc, 7687))
			.isEqualTo(new Preflight.PortHolder(4242, "java -jar party-graph.jar --party-graph.data-dir=/srv/pg/data"));
		assertThat(Preflight.portHolder(proc, 8080)).as("listening, but no process of ours holds inode 222").isNull();
		// The class path is left out, the main class kept.
		Files.writeString(proc.resolve("net/tcp"), "   2: 0100007F:0009 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 444 1 0\n",
				java.nio.file.StandardOpenOption.APPEND);
		assertThat(Preflight.portHolder(proc, 9))
			.isEqualTo(new Preflight.PortHolder(43, "java -cp … org.partygraph.api.PartyGraphApplication --server.port=9"));
		assertThat(Preflight.portHolder(proc, 7688)).as("nobody listens").isNull();
		assertThat(Preflight.portHolder(this.dir.resolve("no-proc"), 7687)).as("not Linux").isNull();
	}

	@Test
	void importRosterReadsItsMappingBeforeAnythingStarts() throws Exception {
		Path mappingFile = this.dir.resolve("mapping.txt");
		Files.writeString(mappingFile, "\uFEFF# 我們的表頭\n名字 = NAME\n\n支部=ORG_ID\n");
		java.util.Map<String, String> mapping = Cli.rosterMapping(List.of("入党=入黨時間, 类=STATUS", "名字=姓名"), mappingFile);
		assertThat(mapping).containsExactly(java.util.Map.entry("名字", "姓名"), java.util.Map.entry("支部", "ORG_ID"),
				java.util.Map.entry("入党", "入黨時間"), java.util.Map.entry("类", "STATUS"));
		// The mapping reads a file whose headers differ, as GraphQL's and HTTP's do.
		org.partygraph.model.roster.RosterSheet sheet = org.partygraph.api.roster.RosterFiles.read("r.csv",
				"名字,入党,支部,类\n甲,2000-01-01,o-b,正式党员\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				org.partygraph.api.roster.RosterFormat.CSV, mapping, true);
		assertThat(sheet.problems()).isEmpty();
		assertThat(sheet.entries()).singleElement().satisfies((e) -> {
			assertThat(e.name()).isEqualTo("甲");
			assertThat(e.joined()).isEqualTo(java.time.LocalDate.of(2000, 1, 1));
			assertThat(e.orgId()).isEqualTo("o-b");
			assertThat(e.status()).isEqualTo(org.partygraph.model.MemberStatus.FULL);
		});

		// A bad pair: one line naming it, exit 2, before any database starts (the data dir is not left behind).
		Path roster = this.dir.resolve("r.csv");
		Files.writeString(roster, "名字,入党\n甲,2000-01-01\n");
		Path data = this.dir.resolve("data");
		for (String[] bad : new String[][] { { "--mapping=名字=NAME,入党", "--mapping: '入党' is not a HEADER=FIELD pair" },
				{ "--mapping=名字=NAMES", "--mapping: '名字=NAMES': 'NAMES' is no roster field (one of [NAME, " },
				{ "--mapping= =NAME", "--mapping: '=NAME' is not a HEADER=FIELD pair" },
				{ "--mapping-file=" + mappingFile, null } }) {
			if (bad[1] == null) {
				Files.writeString(mappingFile, "名字=NAME\n# ok\n入党 JOINED\n");
				bad[1] = "--mapping-file " + mappingFile + " line 3: '入党 JOINED' is not a HEADER=FIELD pair";
			}
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
			int status = Cli.run(new String[] { "import-roster", roster.toString(), "--org=o-county", bad[0],
					"--party-graph.data-dir=" + data, "--party-graph.embedded.bolt-port=0" },
					new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
					new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
					org.partygraph.queries.text.Lang.EN);
			String text = err.toString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(status).as(text).isEqualTo(Cli.INVALID);
			assertThat(text).startsWith("import-roster: " + bad[1]).endsWith("; nothing was written\n");
			assertThat(text.lines()).hasSize(1);
			assertThat(out.size()).isZero();
			assertThat(data).doesNotExist();
		}
		assertThatThrownBy(() -> Cli.rosterMapping(List.of(), this.dir.resolve("none.txt")))
			.hasMessage("--mapping-file " + this.dir.resolve("none.txt") + " cannot be read (no such file)");
	}

}
