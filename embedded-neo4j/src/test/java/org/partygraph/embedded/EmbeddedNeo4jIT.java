package org.partygraph.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedNeo4jIT {

	@TempDir
	Path dataDir;

	@Test
	void servesBoltWithPasswordAndKeepsDataAcrossRestarts() {
		String password = PasswordFile.resolve(this.dataDir, null);
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(this.dataDir.resolve("neo4j"), 0, password, "32m")) {
			assertThat(neo4j.boltPort()).isPositive();
			assertThat(neo4j.boltUri().getHost()).isEqualTo("127.0.0.1");
			try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", password))) {
				driver.executableQuery("CREATE (:Probe {n: 42})").execute();
			}
			try (Driver wrong = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", "wrong"))) {
				assertThatExceptionOfType(AuthenticationException.class).isThrownBy(wrong::verifyConnectivity);
			}
			try (Driver anonymous = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
				assertThatExceptionOfType(AuthenticationException.class).isThrownBy(anonymous::verifyConnectivity);
			}
		}
		// Same store, same kept password: the node is still there.
		assertThat(PasswordFile.resolve(this.dataDir, null)).isEqualTo(password);
		// Paths like the default ./data arrive unnormalized; Neo4j refuses those unless we normalize.
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(this.dataDir.resolve("./x/../neo4j"), 0, password, "32m");
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", password))) {
			long n = driver.executableQuery("MATCH (p:Probe) RETURN p.n AS n").execute().records().get(0).get("n").asLong();
			assertThat(n).isEqualTo(42);
		}
	}

	@Test
	void generatedPasswordIsKeptReadableByOwnerOnly() throws Exception {
		String first = PasswordFile.resolve(this.dataDir, null);
		Path file = this.dataDir.resolve(PasswordFile.NAME);
		assertThat(first).hasSizeGreaterThanOrEqualTo(20);
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		assertThat(PasswordFile.resolve(this.dataDir, null)).isEqualTo(first);
		assertThat(PasswordFile.resolve(this.dataDir, "configured")).isEqualTo("configured");
	}

	@Test
	void theStoreDirectoryIsClosedToEveryoneButItsOwner() throws Exception {
		Assumptions.assumeTrue(this.dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"),
				"POSIX permissions");
		Path data = this.dataDir.resolve("fresh/data");
		String password = PasswordFile.resolve(data, null);
		// a store left by an earlier version, world-readable
		Path old = this.dataDir.resolve("old");
		Files.createDirectories(old, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(data.resolve("neo4j"), 0, password, "32m")) {
			assertThat(mode(data)).as("data directory created by the service").isEqualTo("rwx------");
			assertThat(mode(this.dataDir.resolve("fresh"))).as("its parent, created with it").isEqualTo("rwx------");
			assertThat(mode(data.resolve("neo4j"))).as("store").isEqualTo("rwx------");
			assertThat(data.resolve("neo4j/data/databases")).isDirectory();
		}
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(old, 0, password, "32m")) {
			assertThat(mode(old)).as("existing store").isEqualTo("rwx------");
		}
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	@Test
	void parsesSizes() {
		assertThat(EmbeddedNeo4j.parseBytes("256m")).isEqualTo(256L << 20);
		assertThat(EmbeddedNeo4j.parseBytes("2G")).isEqualTo(2L << 30);
		assertThat(EmbeddedNeo4j.parseBytes("1024")).isEqualTo(1024);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> EmbeddedNeo4j.parseBytes("lots"))
			.withMessageContaining("lots");
	}

}
