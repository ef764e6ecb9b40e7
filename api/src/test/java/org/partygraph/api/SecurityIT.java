package org.partygraph.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

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
	void graphiqlNeedsALoginButHealthDoesNot() throws Exception {
		assertThat(get("/graphiql", null).statusCode()).isEqualTo(401);
		assertThat(get("/graphiql", "admin:" + TestApp.ADMIN_PASSWORD).statusCode()).isIn(200, 302, 307);
		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("UP").doesNotContain("neo4j");
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
