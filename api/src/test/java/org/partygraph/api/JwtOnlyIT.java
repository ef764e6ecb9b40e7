package org.partygraph.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.partygraph.embedded.EmbeddedNeo4j;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.schema.Migrations;
import org.partygraph.queries.spring.SessionDefaults;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code party-graph.security.http-basic=false}: bearer JWTs are the only way in, and a start with
 * neither HTTP Basic nor a JWT setting is refused. Against a separate Neo4j over {@code bolt://}
 * (one server), which also shows causal consistency off there by default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "party-graph.security.http-basic=false")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtOnlyIT {

	private static final String PASSWORD = "jwt-only-secret";

	private static EmbeddedNeo4j server;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("party-graph-jwt-only");
		server = EmbeddedNeo4j.start(dir.resolve("server"), 0, PASSWORD, "32m");
		try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD))) {
			new Migrations(driver).apply();
			new DatasetImporter(driver).importDataset(ServiceTestBase.smallCounty(), (step, done, total) -> {
			});
		}
		TestApp.properties(registry);
		registry.add("spring.neo4j.uri", () -> "bolt://127.0.0.1:" + server.boltPort());
		registry.add("spring.neo4j.authentication.username", () -> "neo4j");
		registry.add("spring.neo4j.authentication.password", () -> PASSWORD);
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void basicIsRefusedEvenWithTheRightPasswordAndATokenGetsIn() throws Exception {
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("admin:" + TestApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> refused = post(basic);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().allValues("WWW-Authenticate")).isNotEmpty()
			.allSatisfy((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(refused.body()).doesNotContain("中共小縣委")
			.contains("login failed: only Bearer tokens log in here", "\"classification\":\"UNAUTHORIZED\"");

		HttpResponse<String> bearer = post("Bearer " + TestJwt.token("ada",
				Map.of("party_graph_role", "ADMIN", "party_graph_scope", "*")));
		assertThat(bearer.statusCode()).isEqualTo(200);
		assertThat(bearer.body()).contains("中共小縣委");
	}

	@Test
	void theOrgChartPageWantsATokenToo() throws Exception {
		HttpResponse<String> page = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/chart.html")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(page.statusCode()).isEqualTo(401);
		assertThat(page.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(page.body()).contains("login required: send a token (Bearer)");
	}

	@Test
	void onOneServerReadsCarryNoBookmarksByDefault() {
		Driver driver = this.context.getBean(Driver.class);
		assertThat(driver).isInstanceOf(SessionDefaults.class);
		assertThat(((SessionDefaults) driver).causal()).isFalse();
	}

	@Test
	void withNeitherBasicNorAJwtSettingTheServiceRefusesToStartAndSaysWhy() {
		// Command-line arguments, which outrank application.properties as they do for a real start.
		Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(PartyGraphApplication.class)
			.run("--server.port=0", "--party-graph.security.http-basic=false", "--party-graph.warm-up=false",
					"--party-graph.security.admin-password=" + TestApp.ADMIN_PASSWORD,
					"--spring.neo4j.uri=bolt://127.0.0.1:" + server.boltPort(),
					"--spring.neo4j.authentication.username=neo4j", "--spring.neo4j.authentication.password=" + PASSWORD)
			.close());
		assertThat(thrown).isNotNull();
		Throwable cause = thrown;
		while (cause.getCause() != null && !(cause instanceof IllegalStateException
				&& String.valueOf(cause.getMessage()).contains("http-basic"))) {
			cause = cause.getCause();
		}
		assertThat(cause).hasMessageContaining("party-graph.security.http-basic is false and no JWT setting")
			.hasMessageContaining("nobody could log in");
	}

	private HttpResponse<String> post(String authorization) throws Exception {
		return TestApp.postCountyName(this.port, authorization);
	}

}
