package org.partygraph.api.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partygraph.api.ServiceTestBase;
import org.partygraph.api.TestApp;
import org.partygraph.embedded.EmbeddedNeo4j;
import org.partygraph.queries.dataset.DatasetImporter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The external database goes away and comes back: reads, changes and rule checks fail fast with a
 * clear error, health turns DOWN, and service resumes by itself once the database is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageIT {

	private static Path home;

	private static int boltPort;

	private static EmbeddedNeo4j database;

	@LocalServerPort
	int port;

	@Autowired
	DatasetImporter importer;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		home = Files.createTempDirectory("party-graph-outage");
		try (ServerSocket socket = new ServerSocket(0)) {
			boltPort = socket.getLocalPort();
		}
		database = EmbeddedNeo4j.start(home, boltPort, "outage-secret", "32m");
		TestApp.properties(registry);
		registry.add("spring.neo4j.uri", () -> "bolt://127.0.0.1:" + boltPort);
		registry.add("spring.neo4j.authentication.username", () -> "neo4j");
		registry.add("spring.neo4j.authentication.password", () -> "outage-secret");
	}

	@AfterAll
	static void stop() {
		if (database != null) {
			database.close();
		}
	}

	@Test
	void failsFastWhileTheDatabaseIsAwayAndResumesWhenItIsBack() throws Exception {
		this.importer.importDataset(ServiceTestBase.smallCounty(), (step, done, total) -> {
		});
		HttpGraphQlTester graphQl = TestApp.tester(this.port, "admin", TestApp.ADMIN_PASSWORD);
		graphQl.document("{ org(id: \"s-o-county\") { memberCount } }").execute().path("org.memberCount")
			.entity(Integer.class).isEqualTo(5);
		assertThat(health()).isEqualTo(200);

		database.close();
		long started = System.nanoTime();
		GraphQlTester.Response response = graphQl.document("{ org(id: \"s-o-county\") { memberCount } }").execute();
		double seconds = (System.nanoTime() - started) / 1e9;
		response.errors().satisfy((errors) -> assertThat(errors).isNotEmpty()
			.anySatisfy((e) -> assertThat(e.getMessage()).contains("database is unavailable")));
		assertThat(seconds).as("answered within the retry budget, not the driver's 30 s default").isLessThan(20);
		assertThat(health()).isEqualTo(503);
		// Changes and the rule checks' snapshot answer the same clear error, just as fast.
		for (String document : new String[] { "mutation { renameOrg(id: \"s-o-county\", name: \"x\") { errors { field } } }",
				"{ complianceIssues { rule } }" }) {
			long start = System.nanoTime();
			graphQl.document(document).execute().errors().satisfy((errors) -> assertThat(errors).isNotEmpty()
				.allSatisfy((e) -> assertThat(e.getMessage()).startsWith("The database is unavailable; try again shortly")));
			assertThat((System.nanoTime() - start) / 1e9).as(document).isLessThan(20);
		}

		database = EmbeddedNeo4j.start(home, boltPort, "outage-secret", "32m");
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (health() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		assertThat(health()).isEqualTo(200);
		graphQl.document("{ org(id: \"s-o-county\") { memberCount } }").execute().path("org.memberCount")
			.entity(Integer.class).isEqualTo(5);
	}

	private int health() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

}
