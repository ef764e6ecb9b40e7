package org.partygraph.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A POST to /graphql whose body is not a GraphQL request gets a 400 with a GraphQL-style error
 * naming the problem, over plain HTTP and logged in.
 */
class RequestBodyErrorsIT extends ServiceTestBase {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void brokenJsonIs400NamingTheParseProblemAndWhere() throws Exception {
		// The closing brace is missing.
		HttpResponse<String> response = post("{\"query\": \"{ org(id: \\\"s-o-county\\\") { id } }\"");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).startsWith("{\"errors\":[{\"message\":\"request body is not valid JSON: ")
			.containsIgnoringCase("end-of-input")
			.contains("line 1, column ")
			.contains("\"classification\":\"BAD_REQUEST\"")
			.doesNotContain("Source:", "SerializableGraphQlRequest");

		HttpResponse<String> secondLine = post("{\"query\": \"{ org(id: \\\"s-o-county\\\") { id } }\",\n \"variables\": {,}}");
		assertThat(secondLine.statusCode()).isEqualTo(400);
		assertThat(secondLine.body()).contains("request body is not valid JSON: ").contains("line 2, column ");
	}

	@Test
	void aBodyThatIsNotAnObjectOrHasNoQueryIs400SayingWhatToSend() throws Exception {
		for (String body : new String[] { "[1, 2]", "\"{ org(id: \\\"s-o-county\\\") { id } }\"", "42" }) {
			HttpResponse<String> response = post(body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.body()).as(body)
				.startsWith("{\"errors\":[{\"message\":\"request body is not a GraphQL request: expected a JSON object like")
				.contains("\\\"query\\\"")
				.contains("\"classification\":\"BAD_REQUEST\"")
				.doesNotContain("SerializableGraphQlRequest");
		}
		for (String body : new String[] { "{}", "{\"variables\": {\"id\": \"s-o-county\"}}" }) {
			HttpResponse<String> response = post(body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.body()).as(body)
				.startsWith("{\"errors\":[{\"message\":\"request body has no \\\"query\\\"")
				.contains("\"classification\":\"BAD_REQUEST\"");
		}
		HttpResponse<String> empty = post("");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).startsWith("{\"errors\":[{\"message\":\"request body is empty: send a JSON object like")
			.contains("BAD_REQUEST");
	}

	@Test
	void aQueryThatIsNotAStringIs400NamingTheFieldNotCoerced() throws Exception {
		// Jackson's default would make "42" of 42 and GraphQL answer a syntax error about that document.
		for (String body : new String[] { "{\"query\":42}", "{\"query\": 4.2}", "{\"query\": true}",
				"{\"query\": {\"org\": \"s-o-county\"}}", "{\"query\": [\"{ org(id: \\\"s-o-county\\\") { id } }\"]}" }) {
			HttpResponse<String> response = post(body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.body()).as(body)
				.startsWith("{\"errors\":[{\"message\":\"request body field \\\"query\\\" must be a string: send a JSON object like")
				.contains("line 1, column ")
				.contains("\"classification\":\"BAD_REQUEST\"")
				.doesNotContain("Invalid syntax", "SerializableGraphQlRequest", "coerce");
		}
		HttpResponse<String> operationName = post("{\"query\": \"{ org(id: \\\"s-o-county\\\") { id } }\", \"operationName\": 7}");
		assertThat(operationName.statusCode()).isEqualTo(400);
		assertThat(operationName.body()).contains("request body field \\\"operationName\\\" must be a string");
		HttpResponse<String> variables = post("{\"query\": \"{ org(id: \\\"s-o-county\\\") { id } }\", \"variables\": 7}");
		assertThat(variables.statusCode()).isEqualTo(400);
		assertThat(variables.body()).contains("request body field \\\"variables\\\" must be a JSON object");
	}

	@Test
	void aGoodRequestStillWorks() throws Exception {
		HttpResponse<String> response = post("{\"query\": \"{ org(id: \\\"s-o-county\\\") { name } }\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("中共小縣委").doesNotContain("errors");
	}

	private HttpResponse<String> post(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("admin:" + TestApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
