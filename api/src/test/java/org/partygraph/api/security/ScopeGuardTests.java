package org.partygraph.api.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.Office;
import org.partygraph.queries.read.OrgRow;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard on a schema of its own, with fetchers that know nothing of scopes: what it hides follows
 * from the fields' types alone, so a field added later is covered as it is.
 */
class ScopeGuardTests {

	private static final String SCHEMA = """
			type Query {
			  org(id: ID!): Org
			  orgs: [Org!]!
			  later: Later
			}
			type Org { id: ID! parent: Org secretary: Member officers: [Office!]! }
			type Member { id: ID! org: Org! }
			type Office { member: Member! org: Org! }
			"A type added later, whose fields nobody thought of scoping."
			type Later { someOrg: Org, orgsSoon: [Org!]!, note: String }
			""";

	// a and b are inside (b under a); x, the county above a, is outside.
	private static final Map<String, OrgRow> ORGS = Map.of("a", org("a"), "b", org("b"), "x", org("x"));

	private static final Map<String, String> PARENTS = Map.of("a", "x", "b", "a");

	private static final MemberRow INSIDER = member("m-in", "b");

	private static final MemberRow OUTSIDER = member("m-out", "x");

	@Test
	void outsideOrgsAndMembersAreNullOrLeftOutWhereverTheyAppear() {
		ExecutionResult result = execute(view("a", "a", "b"), """
				{ orgs { id parent { id } secretary { id } officers { member { id } } }
				  x: org(id: "x") { id }
				  later { someOrg { id } orgsSoon { id } note } }""");
		assertThat(result.getErrors()).isEmpty();
		Map<String, Object> data = result.getData();
		assertThat(data.get("orgs")).isEqualTo(List.of(
				map("id", "a", "parent", nothing(), "secretary", map("id", "m-in"),
						"officers", List.of(map("member", map("id", "m-in")))),
				map("id", "b", "parent", map("id", "a"), "secretary", nothing(), "officers", List.of())));
		assertThat(data.get("x")).isNull();
		// The field nobody wrote a scope check for: its outside org is null, its list keeps the inside.
		assertThat(data.get("later")).isEqualTo(map("someOrg", nothing(), "orgsSoon", List.of(map("id", "b")),
				"note", "n"));
	}

	@Test
	void aUserWhoSeesEverythingGetsEveryValueAsFetched() {
		ExecutionResult result = execute(Scope.View.EVERYTHING, "{ orgs { id parent { id } } later { someOrg { id } } }");
		assertThat(result.getErrors()).isEmpty();
		Map<String, Object> data = result.getData();
		assertThat((List<?>) data.get("orgs")).hasSize(3);
		assertThat(data.get("later")).isEqualTo(map("someOrg", map("id", "x")));
	}

	@Test
	void aTypeWithANonNullFieldOfAScopedTypeAndNoRuleStopsTheSchema() {
		String schema = SCHEMA + "type Holder { org: Org! }\nextend type Query { holder: Holder }\n";
		assertThatThrownBy(() -> source(schema, view("a", "a")).graphQl())
			.hasStackTraceContaining("type Holder has the non-null field org of the scoped type Org!");
	}

	@Test
	void aValueOfAnUnexpectedClassCountsAsOutside() {
		ScopeGuard guard = new ScopeGuard(fixed(view("a", "a")));
		assertThat(guard.filter("Org", "a", view("a", "a"))).isNull();
		assertThat(guard.filter("Org", List.of(ORGS.get("a"), "a"), view("a", "a"))).isEqualTo(List.of(ORGS.get("a")));
		assertThat(guard.scopedTypes()).contains("Org", "Member", "Transfer", "Scenario", "Office");
	}

	private static ExecutionResult execute(Scope.View view, String query) {
		return source(SCHEMA, view).graphQl().execute(query);
	}

	private static GraphQlSource source(String schema, Scope.View view) {
		GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
			.schemaResources(new ByteArrayResource(schema.getBytes(StandardCharsets.UTF_8)))
			.configureRuntimeWiring((wiring) -> wiring
				.type("Query", (t) -> t.dataFetcher("org", (env) -> ORGS.get(env.<String>getArgument("id")))
					// Batch loads answer with futures: those are filtered when they complete.
					.dataFetcher("orgs", (env) -> CompletableFuture.completedFuture(List.of(ORGS.get("x"),
							ORGS.get("a"), ORGS.get("b"))))
					.dataFetcher("later", (env) -> Map.of("note", "n")))
				// Controller methods may answer with a Mono (Spring adapts it outside the guard).
				.type("Later", (t) -> t.dataFetcher("someOrg", (env) -> reactor.core.publisher.Mono.just(ORGS.get("x")))
					.dataFetcher("orgsSoon", (env) -> reactor.core.publisher.Mono.just(List.of(ORGS.get("x"), ORGS.get("b")))))
				.type("Org", (t) -> t
					.dataFetcher("parent", (env) -> ORGS.get(PARENTS.getOrDefault(env.<OrgRow>getSource().id(), "none")))
					// a's secretary is a member of b (inside); b's is a member of the county (outside).
					.dataFetcher("secretary", (env) -> "a".equals(env.<OrgRow>getSource().id()) ? INSIDER : OUTSIDER)
					.dataFetcher("officers", (env) -> List.of(new Office(
							"a".equals(env.<OrgRow>getSource().id()) ? INSIDER : OUTSIDER, env.<OrgRow>getSource().id(),
							org.partygraph.model.Role.SECRETARY))))
				.type("Member", (t) -> t.dataFetcher("org", (env) -> ORGS.get(env.<MemberRow>getSource().orgId())))
				.type("Office", (t) -> t.dataFetcher("org", (env) -> ORGS.get(env.<Office>getSource().orgId()))));
		new ScopeGuard(fixed(view)).customize(builder);
		return builder.build();
	}

	private static Scope fixed(Scope.View view) {
		return new Scope(null) {

			@Override
			public Scope.View view() {
				return view;
			}

		};
	}

	private static Scope.View view(String root, String... ids) {
		return new Scope.View(root, Set.of(ids));
	}

	private static OrgRow org(String id) {
		return new OrgRow(id, "org " + id, OrgKind.BRANCH, null, false, null);
	}

	private static MemberRow member(String id, String orgId) {
		return new MemberRow(id, "member " + id, MemberStatus.FULL, null, null, null, null, null, null, orgId);
	}

	// A JSON null in an expected answer.
	private static Object nothing() {
		return null;
	}

	// Map.of takes no nulls.
	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
