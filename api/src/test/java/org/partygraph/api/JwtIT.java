package org.partygraph.api;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer JWTs over HTTP (the service trusts {@link TestJwt}'s public key): role and scope come from
 * the {@code party_graph_role} and {@code party_graph_scope} claims and follow the same rules as
 * configured users; a bad token is a 401, a token without a known role or scope a 403.
 */
class JwtIT extends ServiceTestBase {

	private HttpGraphQlTester bearer(String token) {
		return TestApp.tester(this.port, "Bearer " + token);
	}

	@Test
	void aScopedAnalystTokenSeesItsSubtreeOnly() {
		HttpGraphQlTester hbt = bearer(TestJwt.token("alice",
				Map.of("party_graph_role", "ANALYST", "party_graph_scope", "o-t-hbt", "name", "Alice")));
		hbt.document("{ county: org(id: \"o-county\") { id } unknown: org(id: \"nope\") { id } own: org(id: \"o-t-hbt\") { id parent { id } } }")
			.execute()
			.path("county").valueIsNull()
			.path("unknown").valueIsNull()
			.path("own.id").entity(String.class).isEqualTo("o-t-hbt")
			.path("own.parent").valueIsNull();
		int scoped = hbt.document("{ orgs { totalCount } }").execute().path("orgs.totalCount").entity(Integer.class)
			.get();
		int adminWithin = this.graphQl.document("{ orgs(filter: {within: \"o-t-hbt\"}) { totalCount } }")
			.execute()
			.path("orgs.totalCount").entity(Integer.class).get();
		assertThat(scoped).isEqualTo(adminWithin).isLessThan(552);
		// An analyst sees member names (inside the scope) but no personal fields.
		GraphQlTester.Response member = hbt.document("{ members(first: 1) { edges { node { name idNumber } } } }").execute();
		member.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
			assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
			assertThat(e.getPath()).isEqualTo("members.edges[0].node.idNumber");
		}));
		member.path("members.edges[0].node.name").entity(String.class).satisfies((n) -> assertThat(n).isNotBlank());
		member.path("members.edges[0].node.idNumber").valueIsNull();
	}

	@Test
	void aViewerTokenIsForbiddenPersonalAndMemberFields() {
		HttpGraphQlTester viewer = bearer(TestJwt.token("victor",
				Map.of("party_graph_role", "viewer", "party_graph_scope", "*")));
		viewer.document("{ org(id: \"o-county\") { memberCount } }").execute().path("org.memberCount")
			.entity(Integer.class).isEqualTo(5507);
		GraphQlTester.Response response = viewer.document("{ member(id: \"m-00001\") { idNumber } }").execute();
		response.errors().satisfy((errors) -> assertThat(errors).anySatisfy((e) -> {
			assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
			assertThat(e.getPath()).isEqualTo("member");
		}));
		response.path("member").valueIsNull();
	}

	@Test
	void anOrgAdminTokenSeesPersonalFieldsAndTheHighestOfSeveralRolesCounts() {
		HttpGraphQlTester admin = bearer(TestJwt.token("olga",
				Map.of("party_graph_role", List.of("VIEWER", "ORG_ADMIN", "something-else"), "party_graph_scope", "*")));
		admin.document("{ member(id: \"m-00001\") { idNumber } }").execute().path("member.idNumber")
			.entity(String.class).satisfies((id) -> assertThat(id).hasSize(18));
	}

	@Test
	void expiredAndWrongKeyTokensAre401() throws Exception {
		Map<String, Object> claims = Map.of("party_graph_role", "ADMIN", "party_graph_scope", "*");
		String expired = TestJwt.token(TestJwt.TRUSTED, "eve", claims, Instant.now().minus(Duration.ofMinutes(10)));
		String wrongKey = TestJwt.token(TestJwt.keyPair(), "eve", claims, Instant.now().plus(Duration.ofMinutes(5)));
		for (String token : List.of(expired, wrongKey, "not-a-jwt")) {
			HttpResponse<String> response = post("Bearer " + token);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
					(h) -> assertThat(h).startsWith("Bearer").contains("invalid_token"));
			assertThat(response.body()).doesNotContain("中共小縣委")
				.contains("login failed: ", "invalid or expired token (Bearer)", "\"classification\":\"UNAUTHORIZED\"");
		}
		// The same claims, in time and with the trusted key, get in.
		HttpResponse<String> ok = post("Bearer " + TestJwt.token("eve", claims));
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("中共小縣委");
	}

	@Test
	void aTokenWithoutAKnownRoleOrWithoutAScopeIs403WithTheReason() throws Exception {
		HttpResponse<String> noRole = post("Bearer " + TestJwt.token("nora", Map.of("party_graph_scope", "*")));
		assertThat(noRole.statusCode()).isEqualTo(403);
		assertThat(noRole.body()).contains("party_graph_role").contains("is missing").doesNotContain("中共小縣委");
		// The same kind of short body as a 401's, classified FORBIDDEN.
		assertThat(noRole.body()).startsWith("{\"errors\":[{\"message\":\"forbidden: The token's claim 'party_graph_role' ")
			.endsWith("\",\"extensions\":{\"classification\":\"FORBIDDEN\"}}]}");
		HttpResponse<String> unknownRole = post("Bearer " + TestJwt.token("nora",
				Map.of("party_graph_role", "SUPERUSER", "party_graph_scope", "*")));
		assertThat(unknownRole.statusCode()).isEqualTo(403);
		assertThat(unknownRole.body()).contains("party_graph_role").contains("SUPERUSER");
		HttpResponse<String> noScope = post("Bearer " + TestJwt.token("nora", Map.of("party_graph_role", "ADMIN")));
		assertThat(noScope.statusCode()).isEqualTo(403);
		assertThat(noScope.body()).contains("party_graph_scope").contains("is missing");
	}

	@Test
	void httpBasicStillWorksBesideTokens() throws Exception {
		HttpResponse<String> basic = post("Basic " + java.util.Base64.getEncoder()
			.encodeToString(("viewer:" + TestApp.USER_PASSWORD).getBytes(StandardCharsets.UTF_8)));
		assertThat(basic.statusCode()).isEqualTo(200);
		assertThat(basic.body()).contains("中共小縣委");
	}

	private HttpResponse<String> post(String authorization) throws Exception {
		return TestApp.postCountyName(this.port, authorization);
	}

}
