package org.partygraph.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.http.client.reactive.JdkClientHttpConnector;

/** Settings shared by the tests that start the whole service on its embedded Neo4j. */
public final class TestApp {

	public static final String ADMIN_PASSWORD = "test-admin-password";

	/** The password of the configured test users (viewer, analyst, hbt-analyst, hbt-admin, walk-…). */
	public static final String USER_PASSWORD = "test-user-password";

	private TestApp() {
	}

	/** A fresh data directory, a free Bolt port, a known admin password. */
	public static void properties(DynamicPropertyRegistry registry) {
		Path dataDir;
		try {
			dataDir = Files.createTempDirectory("party-graph-api-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		registry.add("party-graph.data-dir", dataDir::toString);
		registry.add("party-graph.embedded.bolt-port", () -> "0");
		registry.add("party-graph.embedded.page-cache", () -> "64m");
		// No query warm-up thread: it would only add its statements to a test's (QueryPlansIT records
		// every statement), and its CPU to every service a test starts. The README and CLI tests start
		// the jar as users do, warm-up included.
		registry.add("party-graph.warm-up", () -> "false");
		registry.add("party-graph.security.admin-password", () -> ADMIN_PASSWORD);
		// Small enough for RosterImportIT to send a file over it (the default is 20MB).
		registry.add("party-graph.roster.max-bytes", () -> "2MB");
		// Bearer JWTs signed with the test's own key log in too (JwtIT), besides HTTP Basic.
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
				() -> TestJwt.publicKeyFile().toUri().toString());
		// One user per role, scoped and not, all with the same password (hashed, as configuration must be).
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(USER_PASSWORD);
		String[][] fixed = { { "viewer", "VIEWER", "" }, { "analyst", "ANALYST", "" },
				{ "hbt-analyst", "ANALYST", "o-t-hbt" }, { "hbt-admin", "ORG_ADMIN", "o-t-hbt" } };
		// The scope walk's users (ScopeWalkIT): each role below ADMIN in a township, the working committee
		// and a village general branch, named walk-<role>-<scope>, e.g. walk-org-admin-o-npe.
		java.util.List<String[]> all = new java.util.ArrayList<>(java.util.List.of(fixed));
		for (String scope : new String[] { "o-t-hbt", "o-npe", "o-v-xz" }) {
			for (String role : new String[] { "VIEWER", "ANALYST", "ORG_ADMIN" }) {
				all.add(new String[] { "walk-" + role.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + scope,
						role, scope });
			}
		}
		String[][] users = all.toArray(String[][]::new);
		for (int i = 0; i < users.length; i++) {
			String prefix = "party-graph.security.users[" + i + "].";
			String[] user = users[i];
			registry.add(prefix + "name", () -> user[0]);
			registry.add(prefix + "password", () -> hash);
			registry.add(prefix + "role", () -> user[1]);
			registry.add(prefix + "scope", () -> user[2]);
		}
	}

	/**
	 * A plain HTTP POST of the query for the small county's name, with this {@code Authorization}
	 * header (for status codes and challenge headers, which a GraphQL tester does not show).
	 */
	public static java.net.http.HttpResponse<String> postCountyName(int port, String authorization)
			throws IOException, InterruptedException {
		return java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Authorization", authorization)
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString("{\"query\":\"{ org(id: \\\"s-o-county\\\") { name } }\"}"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** A GraphQL tester that talks HTTP to the running service, logged in as {@code user}. */
	public static HttpGraphQlTester tester(int port, String user, String password) {
		return tester(port, "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	/** A GraphQL tester that sends this {@code Authorization} header, e.g. {@code Bearer <jwt>}. */
	public static HttpGraphQlTester tester(int port, String authorization) {
		WebTestClient client = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://127.0.0.1:" + port + "/graphql")
			// First statements of a fresh JVM and store plan and warm up slowly on a 2-core machine.
			.responseTimeout(Duration.ofSeconds(60))
			.defaultHeader("Authorization", authorization)
			// A county's whole list (ScopeWalkIT's documents, every field of every candidate due)
			// answers more than WebClient's default 256 KiB.
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
		return HttpGraphQlTester.create(client);
	}

}
