package org.partygraph.api.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The text of a 401 for each way of logging in the service may be configured with. */
class UnauthorizedBodyTests {

	@Test
	void theMessageNamesOnlyTheWaysInThatAreOn() {
		UnauthorizedBody both = new UnauthorizedBody(true, true);
		assertThat(both.bodyFor(null)).contains("login required: send a user name and password (HTTP Basic) or a token (Bearer)");
		assertThat(both.bodyFor("Basic YTpi")).contains("login failed: wrong user name or password (HTTP Basic) or an "
				+ "invalid or expired token (Bearer)");
		assertThat(both.bodyFor("bearer x.y.z")).isEqualTo(both.bodyFor("Basic YTpi"));
		assertThat(both.bodyFor("Digest x")).contains("login failed: only HTTP Basic and Bearer tokens log in here");

		UnauthorizedBody basic = new UnauthorizedBody(true, false);
		assertThat(basic.bodyFor("Basic YTpi")).contains("login failed: wrong user name or password (HTTP Basic)")
			.doesNotContain("Bearer");
		assertThat(basic.bodyFor("Bearer x.y.z")).contains("login failed: only HTTP Basic logs in here");

		UnauthorizedBody tokens = new UnauthorizedBody(false, true);
		assertThat(tokens.bodyFor("Bearer x.y.z")).contains("login failed: an invalid or expired token (Bearer)")
			.doesNotContain("HTTP Basic");
		assertThat(tokens.bodyFor("Basic YTpi")).contains("login failed: only Bearer tokens log in here");
		assertThat(tokens.bodyFor(" ")).contains("login required: send a token (Bearer)");
		assertThat(tokens.bodyFor(null)).startsWith("{\"errors\":[{\"message\":\"")
			.endsWith("\",\"extensions\":{\"classification\":\"UNAUTHORIZED\"}}]}");
	}

	@Test
	void a403HasTheSameShapeClassifiedForbiddenAndQuotesAClaimSafely() {
		assertThat(UnauthorizedBody.forbidden(null, false)).isEqualTo(
				"{\"errors\":[{\"message\":\"forbidden: this login may not do this\",\"extensions\":{\"classification\":\"FORBIDDEN\"}}]}");
		assertThat(UnauthorizedBody.forbidden(null, true)).contains("forbidden: a form sent here needs its CSRF token");
		// A claim's value is the token's: quotes, backslashes, control characters and markup escaped.
		String body = UnauthorizedBody.forbidden("The token's claim 'party_graph_role' holds no known role (a\"b\\c\n<x>)", false);
		assertThat(body).contains("(a\\\"b\\\\c\\u000a\\u003cx\\u003e)").endsWith("\"classification\":\"FORBIDDEN\"}}]}");
		assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).at("/errors/0/message").asString())
			.isEqualTo("forbidden: The token's claim 'party_graph_role' holds no known role (a\"b\\c\n<x>)");
	}

}
