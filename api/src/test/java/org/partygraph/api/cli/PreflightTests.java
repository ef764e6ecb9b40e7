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
			assertThat(new Preflight(true, this.dir.resolve("data"), port).refusal("import"))
				.startsWith("import: Bolt port " + port + " on 127.0.0.1 is in use")
				.contains("--party-graph.embedded.bolt-port=N");
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

}
