package org.partygraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A GraphQL-over-HTTP client (POST JSON, optional HTTP Basic), timing each request. */
public final class Gql {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI endpoint;

	private final String authorization;

	private final Duration timeout;

	public Gql(HttpClient http, String endpoint, String user, String password, Duration timeout) {
		this.http = http;
		this.endpoint = URI.create(endpoint);
		this.authorization = (user != null) ? "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) : null;
		this.timeout = timeout;
	}

	public static HttpClient httpClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * One answer: HTTP status, the parsed body (null when not JSON) and how long the round trip took.
	 */
	public record Answer(int status, JsonNode body, String raw, long nanos) {

		public boolean hasErrors() {
			return this.body == null || (this.body.has("errors") && !this.body.get("errors").isEmpty());
		}

		public JsonNode data() {
			return (this.body != null) ? this.body.path("data") : JSON.missingNode();
		}

		/** The first error's message and classification, or the status and raw text. */
		public String errorSummary() {
			if (this.body != null && this.body.has("errors") && !this.body.get("errors").isEmpty()) {
				JsonNode e = this.body.get("errors").get(0);
				String cls = e.path("extensions").path("classification").asString("");
				return (cls.isEmpty() ? "" : cls + ": ") + e.path("message").asString("");
			}
			return "HTTP " + this.status + ": " + ((this.raw.length() > 200) ? this.raw.substring(0, 200) : this.raw);
		}

	}

	/** Sends the query with the variables; IO problems and timeouts come out as exceptions. */
	public Answer post(String query, Map<String, ?> variables) throws IOException, InterruptedException {
		ObjectNode request = JSON.createObjectNode();
		request.put("query", query);
		if (variables != null && !variables.isEmpty()) {
			request.set("variables", JSON.valueToTree(variables));
		}
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request), StandardCharsets.UTF_8));
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.send(builder.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		long nanos = System.nanoTime() - start;
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (RuntimeException ex) {
			body = null;
		}
		return new Answer(response.statusCode(), body, response.body(), nanos);
	}

	/** Like {@link #post} but insists on an answer without errors (for setup and verification). */
	public JsonNode data(String query, Map<String, ?> variables) throws IOException, InterruptedException {
		Answer answer = post(query, variables);
		if (answer.status() != 200 || answer.hasErrors()) {
			throw new IllegalStateException("query failed (" + answer.errorSummary() + "): " + query);
		}
		return answer.data();
	}

}
