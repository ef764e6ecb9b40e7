package org.partygraph.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.api.security.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing answers without a login except the health probe. */
class SecurityIT extends ServiceTestBase {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private ApplicationContext context;

	@Test
	void graphQlNeedsALogin() throws Exception {
		assertThat(post(null).statusCode()).isEqualTo(401);
		assertThat(post("admin:wrong").statusCode()).isEqualTo(401);
		HttpResponse<String> ok = post("admin:" + TestApp.ADMIN_PASSWORD);
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("中共小縣委");
	}

	@Test
	void aRefusedLoginGetsAShortJsonBodyBesideItsChallenge() throws Exception {
		HttpResponse<String> wrongPassword = post("admin:wrong");
		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		assertThat(wrongPassword.headers().allValues("WWW-Authenticate")).isNotEmpty()
			.allSatisfy((challenge) -> assertThat(challenge).startsWith("Basic realm="));
		assertThat(wrongPassword.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(wrongPassword.body()).startsWith("{\"errors\":[{\"message\":\"login failed: ")
			.contains("wrong user name or password (HTTP Basic)", "invalid or expired token (Bearer)",
					"\"extensions\":{\"classification\":\"UNAUTHORIZED\"}")
			.doesNotContain("中共小縣委");
		// An unknown user gets the very same answer: nothing says whether a user exists.
		HttpResponse<String> noSuchUser = post("nobody-here:wrong");
		assertThat(noSuchUser.statusCode()).isEqualTo(401);
		assertThat(noSuchUser.body()).isEqualTo(wrongPassword.body());
		assertThat(noSuchUser.headers().allValues("WWW-Authenticate"))
			.isEqualTo(wrongPassword.headers().allValues("WWW-Authenticate"));

		HttpResponse<String> noLogin = post(null);
		assertThat(noLogin.statusCode()).isEqualTo(401);
		assertThat(noLogin.headers().allValues("WWW-Authenticate")).isNotEmpty();
		assertThat(noLogin.body()).startsWith("{\"errors\":[{\"message\":\"login required: ")
			.contains("UNAUTHORIZED");
		// Pages and files too, not only /graphql.
		for (String path : new String[] { "/graphiql", "/chart.html", "/scenarios" }) {
			HttpResponse<String> page = get(path, "admin:wrong");
			assertThat(page.statusCode()).as(path).isEqualTo(401);
			assertThat(page.headers().firstValue("WWW-Authenticate")).as(path).isPresent();
			assertThat(page.body()).as(path).contains("login failed");
		}
	}

	@Test
	void aRefusalOfALoggedInUserGetsTheSameKindOfShortJsonBody() throws Exception {
		// Logged in, but a POST outside /graphql without its CSRF token: Spring Security's 403.
		HttpResponse<String> forbidden = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/scenarios"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("name=x")), "admin:" + TestApp.ADMIN_PASSWORD);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(forbidden.body()).isEqualTo("{\"errors\":[{\"message\":\"forbidden: a form sent here needs its CSRF "
				+ "token (GraphQL POSTs to /graphql do not)\",\"extensions\":{\"classification\":\"FORBIDDEN\"}}]}");
	}

	@Test
	void graphiqlNeedsALoginButHealthDoesNot() throws Exception {
		assertThat(get("/graphiql", null).statusCode()).isEqualTo(401);
		assertThat(get("/graphiql", "admin:" + TestApp.ADMIN_PASSWORD).statusCode()).isIn(200, 302, 307);
		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("UP").doesNotContain("neo4j");
	}

	@Test
	void healthDetailsAreForAdminsOnly() throws Exception {
		for (String user : new String[] { "viewer", "analyst" }) {
			HttpResponse<String> health = get("/actuator/health", user + ":" + TestApp.USER_PASSWORD);
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).as(user).contains("UP").doesNotContain("components").doesNotContain("neo4j")
				.doesNotContain("diskSpace").doesNotContain("bolt");
		}
		HttpResponse<String> admin = get("/actuator/health", "admin:" + TestApp.ADMIN_PASSWORD);
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("components").contains("neo4j").contains("diskSpace");
	}

	@Test
	void everyPageAndAnswerCarriesAContentSecurityPolicy() throws Exception {
		String admin = "admin:" + TestApp.ADMIN_PASSWORD;
		for (String path : new String[] { "/", "/index.html", "/chart.html", "/chart/main.js" }) {
			HttpResponse<String> page = get(path, admin);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(policy(page)).as(path).isEqualTo(SecurityConfiguration.POLICY)
				.contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "base-uri 'self'",
						"frame-ancestors 'none'")
				.doesNotContain("unsafe-inline");
		}
		assertThat(get("/", admin).body()).doesNotContain("<script>").contains("<script src=\"index.js\">");
		// refusals and the anonymous health probe too
		assertThat(policy(get("/chart.html", null))).isEqualTo(SecurityConfiguration.POLICY);
		assertThat(policy(post("admin:wrong"))).isEqualTo(SecurityConfiguration.POLICY);
		assertThat(policy(get("/actuator/health", null))).isEqualTo(SecurityConfiguration.POLICY);
		assertThat(policy(post("admin:" + TestApp.ADMIN_PASSWORD))).isEqualTo(SecurityConfiguration.POLICY);
	}

	@Test
	void aScenarioReportPageCarriesAPolicyAllowingOnlyItsOwnInlineScriptAndStyle() throws Exception {
		String name = "security-csp";
		this.graphQl.documentName("scenarioDelete").variable("name", name).execute();
		this.graphQl.documentName("scenarioSave")
			.variable("name", name)
			.variable("within", "s-o-county")
			.variable("operations", List.of(Map.of("op", "ELECT_COMMITTEE", "org", "s-o-xz-b")))
			.execute()
			.path("saveScenario.refusal").valueIsNull()
			.path("saveScenario.errors").entityList(Object.class).hasSize(0);
		try {
			HttpResponse<String> report = get("/scenarios/" + name + "/report.html", "admin:" + TestApp.ADMIN_PASSWORD);
			assertThat(report.statusCode()).isEqualTo(200);
			assertThat(report.body()).contains("<h1>Scenario: security-csp</h1>");
			assertThat(policy(report)).isEqualTo(SecurityConfiguration.REPORT_POLICY)
				.contains("default-src 'self'", "script-src 'self' 'unsafe-inline';", "object-src 'none'",
						"base-uri 'self'", "frame-ancestors 'none'", "connect-src 'self' blob:");
		}
		finally {
			this.graphQl.documentName("scenarioDelete").variable("name", name).execute();
		}
	}

	@Test
	void graphiqlHasItsOwnPolicyWithoutFramingOrPlugins() throws Exception {
		HttpResponse<String> graphiql = get("/graphiql", "admin:" + TestApp.ADMIN_PASSWORD);
		assertThat(graphiql.statusCode()).isEqualTo(200);
		assertThat(policy(graphiql)).isEqualTo(SecurityConfiguration.GRAPHIQL_POLICY)
			.contains("script-src 'self';", "connect-src 'self';", "object-src 'none'", "base-uri 'self'",
					"frame-ancestors 'none'")
			.doesNotContain("esm.sh", "https:", "http:", "'unsafe-eval'", "script-src 'self' 'unsafe-inline'");
		// The page and its bundle come from the jar, under the same policy.
		assertThat(graphiql.body()).contains("graphiql/graphiql.js").doesNotContain("https://", "esm.sh");
		HttpResponse<String> bundle = get("/graphiql/graphiql.js", "admin:" + TestApp.ADMIN_PASSWORD);
		assertThat(bundle.statusCode()).isEqualTo(200);
		assertThat(policy(bundle)).isEqualTo(SecurityConfiguration.GRAPHIQL_POLICY);
		assertThat(get("/graphiql/graphiql.css", "admin:" + TestApp.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
		assertThat(get("/graphiql/graphiql.js", null).statusCode()).isEqualTo(401);
	}

	private static String policy(HttpResponse<String> response) {
		return response.headers().firstValue("Content-Security-Policy").orElse(null);
	}

	@Test
	void securityObservationsAreOffWithBootsSwitch() {
		// management.observations.enable.spring.security=false (application.properties) turns Spring
		// Security's own settings off too: Boot's switch alone left a no-op observation around each
		// filter of every request. (Tests run on a no-op registry, so the chain itself looks the same
		// here either way; the benchmark shows the difference.)
		SecurityObservationSettings settings = this.context.getBean(SecurityObservationSettings.class);
		assertThat(settings.shouldObserveRequests()).isFalse();
		assertThat(settings.shouldObserveAuthentications()).isFalse();
		assertThat(settings.shouldObserveAuthorizations()).isFalse();
	}

	private HttpResponse<String> post(String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ org(id: \\\"s-o-county\\\") { name } }\"}"));
		return send(request, credentials);
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET(), credentials);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String credentials) throws Exception {
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
