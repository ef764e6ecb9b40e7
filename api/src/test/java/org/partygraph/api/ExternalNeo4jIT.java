package org.partygraph.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.partygraph.embedded.EmbeddedNeo4j;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.schema.Migrations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service without the embedded module or the Neo4j kernel on its class path, in its own JVM,
 * against a Neo4j started separately and reached by {@code spring.neo4j.uri}.
 */
class ExternalNeo4jIT {

	@TempDir
	Path dir;

	@Test
	void servesGraphQlFromAnExternalDatabase() throws Exception {
		List<String> classPath = classPathWithoutEmbeddedNeo4j();
		assertThat(classPath).noneMatch((e) -> e.contains("neo4j-kernel") || e.contains("embedded-neo4j"));
		assertThat(classPath).anyMatch((e) -> e.contains("neo4j-java-driver"));

		try (EmbeddedNeo4j server = EmbeddedNeo4j.start(this.dir.resolve("server"), 0, "external-secret", "32m")) {
			try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", "external-secret"))) {
				new Migrations(driver).apply();
				new DatasetImporter(driver).importDataset(ServiceTestBase.resource("small-county.json"),
						(step, done, total) -> {
						});
			}
			int port = AppProcess.freePort();
			Path log = this.dir.resolve("app.log");
			Process app = new ProcessBuilder(AppProcess.command("256m", classPath, AppProcess.MAIN, "--server.port=" + port,
					"--spring.neo4j.uri=" + server.boltUri(), "--spring.neo4j.authentication.username=neo4j",
					"--spring.neo4j.authentication.password=external-secret",
					"--party-graph.security.admin-password=ext-admin", "--party-graph.data-dir=" + this.dir.resolve("app-data")))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			try {
				HttpResponse<String> answer = queryWhenUp(port, Duration.ofSeconds(90), app, log);
				assertThat(answer.statusCode()).as(Files.readString(log)).isEqualTo(200);
				assertThat(answer.body()).contains("\"memberCount\":5").contains("中共小縣委");
				// Nothing was loaded into someone else's database, and no store was made locally.
				assertThat(answer.body()).doesNotContain("懷仁");
				assertThat(this.dir.resolve("app-data/neo4j")).doesNotExist();
				assertThat(Files.readString(log)).doesNotContain("Embedded Neo4j");
			}
			finally {
				app.destroy();
				app.waitFor(20, TimeUnit.SECONDS);
				app.destroyForcibly();
			}
		}
	}

	/** Asks until the service answers; fails with the service's own log if it exits or stays down. */
	private static HttpResponse<String> queryWhenUp(int port, Duration timeout, Process app, Path log) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String body = "{\"query\":\"{ org(id: \\\"s-o-county\\\") { name memberCount } sample: org(id: \\\"o-county\\\") { name } }\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:ext-admin".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			try {
				return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (java.net.ConnectException ex) {
				if (!app.isAlive()) {
					throw new AssertionError("the service exited with " + app.exitValue() + " before it answered:\n" + Files.readString(log), ex);
				}
				if (System.nanoTime() > deadline) {
					throw new AssertionError("the service did not answer within " + timeout + ":\n" + Files.readString(log), ex);
				}
				Thread.sleep(500);
			}
		}
	}

	/** The app's runtime class path as Maven wrote it, minus the embedded module and the Neo4j kernel. */
	private static List<String> classPathWithoutEmbeddedNeo4j() throws Exception {
		List<String> entries = new ArrayList<>();
		AppProcess.classPath().stream()
			.filter((e) -> !e.contains("embedded-neo4j"))
			// The driver (org.neo4j.driver), its Bolt connection (org.neo4j.bolt) and the Cypher builder the read
			// compiler uses (org.neo4j.cypherdsl) stay; the kernel and the rest of the server go.
			.filter((e) -> !e.contains("/org/neo4j/") || e.contains("/org/neo4j/driver/") || e.contains("/org/neo4j/bolt/")
					|| e.contains("/org/neo4j/neo4j-cypher-dsl/"))
			.forEach(entries::add);
		return entries;
	}

}
