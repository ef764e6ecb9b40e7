package org.partygraph.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing answers without a login except the health probe. */
class SecurityIT extends ServiceTestBase {

	private final HttpClient http = HttpClient.newHttpClient();

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
