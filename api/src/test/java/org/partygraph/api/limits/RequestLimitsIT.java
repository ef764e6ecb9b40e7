package org.partygraph.api.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.api.ServiceTestBase;
import org.partygraph.api.graphql.PreparsedDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each limit on the running service: a request at the limit passes, one just over it is refused
 * with an error naming the property, and the refusal costs no database round trip (the debug
 * extension counts them).
 */
class RequestLimitsIT extends ServiceTestBase {

	@Autowired
	private LimitsProperties limits;

	@Autowired
	private PreparsedDocuments documents;

	@Test
	void theDefaultsAreInForce() {
		assertThat(this.limits).isEqualTo(LimitsProperties.defaults());
	}

	@Test
	void depth() {
		int max = this.limits.maxDepth();
		GraphQlResponse atLimit = passes(nestedParents(max));
		assertThat(roundTrips(atLimit)).isPositive();
		GraphQlResponse over = refused(nestedParents(max + 1), "party-graph.limits.max-depth");
		assertThat(over.getErrors().get(0).getMessage())
			.isEqualTo("query depth " + (max + 1) + " exceeds the limit of " + max + " (party-graph.limits.max-depth)");
		assertThat(over.getErrors().get(0).getExtensions()).containsEntry("limit", "party-graph.limits.max-depth")
			.containsEntry("actual", max + 1)
			.containsEntry("max", max)
			.containsEntry("classification", "BAD_REQUEST");
		// In the request's language (#19): the measure and the words; figures, property and extensions the same.
		GraphQlResponse simplified = this.graphQl.mutate()
			.header("Accept-Language", "zh-CN")
			.build()
			.document(nestedParents(max + 1))
			.execute()
			.returnResponse();
		assertThat(simplified.getErrors()).singleElement().satisfies((e) -> {
			assertThat(e.getMessage()).isEqualTo("查询深度为" + (max + 1) + "，超过上限" + max + "（party-graph.limits.max-depth）");
			assertThat(e.getExtensions()).containsEntry("limit", "party-graph.limits.max-depth").containsEntry("actual", max + 1);
		});
		GraphQlResponse traditional = this.graphQl.mutate()
			.header("Accept-Language", "zh-HK")
			.build()
			.document("{rules{code}}" + " ".repeat(this.limits.maxWhitespaceTokens() + 1))
			.execute()
			.returnResponse();
		assertThat(traditional.getErrors()).singleElement()
			.satisfies((e) -> assertThat(e.getMessage()).isEqualTo("查詢空白標記數超過上限" + this.limits.maxWhitespaceTokens()
					+ "（party-graph.limits.max-whitespace-tokens）"));
	}

	@Test
	void complexity() {
		int max = this.limits.maxComplexity();
		passes(ofComplexity(max));
		refused(ofComplexity(max + 1), "query complexity " + (max + 1) + " exceeds the limit of " + max
				+ " (party-graph.limits.max-complexity)");
	}

	@Test
	void complexityOfNestedListsMultiplies() {
		// org 1 + 10 × (1 + 10 × (1 + 10 × (1 + 10 × 1))) children = 11 111.
		refused("{ org(id: \"s-o-county\") { id children { id children { id children { id children { id } } } } } }",
				"query complexity 11111 exceeds the limit of " + this.limits.maxComplexity()
						+ " (party-graph.limits.max-complexity)");
	}

	@Test
	void complexityCountsEveryFragmentSpread() {
		StringBuilder document = new StringBuilder("{");
		for (int i = 0; i < 17; i++) {
			document.append(" o").append(i).append(": orgs(first: 100) { ...Page }");
		}
		document.append(" }\nfragment Page on OrgConnection { edges { node { id children { id } } } }");
		// 17 × 100 × (1 + 10): each spread pays for its page.
		refused(document.toString(), "query complexity 18700 exceeds");
	}

	@Test
	void aDocumentOfTooManyFieldsIsRefusedBeforeValidation() {
		int max = this.limits.maxFields();
		String document = "{ org(id: \"s-o-county\") {" + " id".repeat(max + 1) + " } }";
		refused(document, "field count " + (max + 2) + " exceeds the limit of " + max
				+ " (party-graph.limits.max-fields)");
		// Fragments that double, each spread twice: 2^40 fields once expanded, counted without
		// expanding them, and refused before validation would walk them.
		StringBuilder doubling = new StringBuilder("{ org(id: \"s-o-county\") { ...F0 } }\n");
		for (int i = 0; i < 40; i++) {
			doubling.append("fragment F").append(i).append(" on Org { id ...F").append(i + 1).append(" ...F")
				.append(i + 1).append(" }\n");
		}
		doubling.append("fragment F40 on Org { id }\n");
		assertThat(send(doubling.toString()).getErrors()).singleElement()
			.extracting(ResponseError::getMessage)
			.asString()
			.startsWith("field count ")
			.endsWith(" exceeds the limit of " + max + " (party-graph.limits.max-fields)");
	}

	@Test
	void pageSize() {
		int max = this.limits.maxPageSize();
		passes("{ orgs(first: " + max + ") { totalCount edges { node { id } } } }");
		refused("{ orgs(first: " + (max + 1) + ") { totalCount } }",
				"first " + (max + 1) + " exceeds the limit of " + max + " (party-graph.limits.max-page-size)");
		// Also a first from a variable, on a nested field.
		GraphQlResponse over = this.graphQl
			.document("query($n: Int) { org(id: \"s-o-county\") { name members(first: $n) { totalCount } } }")
			.variable("n", max + 1)
			.extension("debug", true)
			.execute()
			.returnResponse();
		assertRefused(over, "party-graph.limits.max-page-size");
	}

	@Test
	void aKeptDocumentIsStillCheckedForEveryLimitThatDependsOnVariables() {
		String document = "query($n: Int) { org(id: \"s-o-county\") { id members(first: $n) { totalCount } } }";
		int before = this.documents.size();
		assertThat(this.graphQl.document(document).variable("n", 1).execute().returnResponse().getErrors()).isEmpty();
		assertThat(this.documents.size()).isEqualTo(before + 1);
		// the same text: not parsed again (kept), and the page size still refused
		GraphQlResponse over = this.graphQl.document(document)
			.variable("n", this.limits.maxPageSize() + 1)
			.extension("debug", true)
			.execute()
			.returnResponse();
		assertRefused(over, "party-graph.limits.max-page-size");
		assertThat(this.documents.size()).isEqualTo(before + 1);
	}

	@Test
	void documentsOverALimitOrWithErrorsAreNeverKept() {
		int before = this.documents.size();
		for (int i = 0; i < 2; i++) {
			refused(nestedParents(this.limits.maxDepth() + 1), "party-graph.limits.max-depth");
			assertThat(send("{ org(id: \"s-o-county\") { id ").getErrors()).singleElement()
				.extracting(ResponseError::getMessage)
				.asString()
				.contains("Invalid syntax");
			assertThat(send("{ org(id: \"s-o-county\") { noSuchField } }").getErrors()).singleElement()
				.extracting(ResponseError::getMessage)
				.asString()
				.contains("noSuchField");
		}
		assertThat(this.documents.size()).isEqualTo(before);
	}

	@Test
	void aliases() {
		int max = this.limits.maxAliases();
		GraphQlResponse atLimit = passes(aliased(max));
		assertThat(roundTrips(atLimit)).isPositive();
		refused(aliased(max + 1), "alias count " + (max + 1) + " exceeds the limit of " + max
				+ " (party-graph.limits.max-aliases)");
	}

	@Test
	void aliasesCountEveryFragmentSpread() {
		int half = this.limits.maxAliases() / 2 + 1;
		StringBuilder fragment = new StringBuilder("fragment Ids on Org {");
		for (int i = 0; i < half; i++) {
			fragment.append(" a").append(i).append(": id");
		}
		fragment.append(" }");
		refused("{ org(id: \"s-o-county\") { ...Ids parent { ...Ids } } }\n" + fragment,
				"party-graph.limits.max-aliases");
	}

	@Test
	void tokens() {
		int max = this.limits.maxTokens();
		// 20 tokens around the ids, the end of the document counted as one.
		String atLimit = ids(max - 20);
		assertThat(atLimit.length()).isLessThanOrEqualTo(this.limits.maxCharacters());
		passes(atLimit);
		refused(ids(max - 19), "query token count exceeds the limit of " + max + " (party-graph.limits.max-tokens)");
	}

	@Test
	void whitespaceTokens() {
		int max = this.limits.maxWhitespaceTokens();
		passes("{rules{code}}" + " ".repeat(max));
		refused("{rules{code}}" + " ".repeat(max + 1), "query whitespace token count exceeds the limit of " + max
				+ " (party-graph.limits.max-whitespace-tokens)");
	}

	@Test
	void characters() {
		int max = this.limits.maxCharacters();
		String start = "{rules{code}}#";
		passes(start + "x".repeat(max - start.length()));
		refused(start + "x".repeat(max - start.length() + 1), "query length " + (max + 1) + " exceeds the limit of "
				+ max + " (party-graph.limits.max-characters)");
	}

	/** {@code org { parent { parent ... { id } } } }}: {@code depth} levels of fields. */
	private static String nestedParents(int depth) {
		return "{ org(id: \"s-o-county\") {" + " parent {".repeat(depth - 2) + " id" + " }".repeat(depth - 2) + " } }";
	}

	/** {@code count} aliased org lookups. */
	private static String aliased(int count) {
		StringBuilder document = new StringBuilder("{");
		for (int i = 0; i < count; i++) {
			document.append(" o").append(i).append(": org(id: \"s-o-county\") { id }");
		}
		return document.append(" }").toString();
	}

	/** An org list filtered by {@code count} ids: {@code count + 20} tokens. */
	private static String ids(int count) {
		return "{orgs(filter:{ids:[" + "\"a\",".repeat(count) + "]},first:1){totalCount}}";
	}

	/**
	 * Org pages of exactly {@code complexity}: {@code orgs(first: f) { edges { node { children { id } } } }}
	 * costs {@code 11f}, {@code orgs(first: g) { edges { node { id } } }} {@code g} (at least 1).
	 */
	private String ofComplexity(long complexity) {
		List<String> fields = new ArrayList<>();
		long left = complexity;
		while (left > this.limits.maxPageSize()) {
			long first = Math.min(this.limits.maxPageSize(), left / 11);
			fields.add("orgs(first: " + first + ") { edges { node { children { id } } } }");
			left -= 11 * first;
		}
		if (left > 0) {
			fields.add("orgs(first: " + left + ") { edges { node { id } } }");
		}
		assertThat(fields.size()).isLessThanOrEqualTo(this.limits.maxAliases());
		StringBuilder document = new StringBuilder("{");
		for (int i = 0; i < fields.size(); i++) {
			document.append(" c").append(i).append(": ").append(fields.get(i));
		}
		return document.append(" }").toString();
	}

	private GraphQlResponse passes(String document) {
		GraphQlResponse response = send(document);
		assertThat(response.getErrors()).as(document.length() > 300 ? document.substring(0, 300) : document)
			.isEmpty();
		assertThat((Object) response.getData()).isNotNull();
		return response;
	}

	private GraphQlResponse refused(String document, String message) {
		GraphQlResponse response = send(document);
		assertRefused(response, message);
		return response;
	}

	private static void assertRefused(GraphQlResponse response, String message) {
		assertThat(response.getErrors()).singleElement()
			.extracting(ResponseError::getMessage)
			.asString()
			.contains(message);
		assertThat((Object) response.getData()).isNull();
		assertThat(roundTrips(response)).isZero();
	}

	private GraphQlResponse send(String document) {
		return this.graphQl.document(document).extension("debug", true).execute().returnResponse();
	}

	/** The database round trips the request took (0 when the debug extension says nothing). */
	@SuppressWarnings("unchecked")
	private static int roundTrips(GraphQlResponse response) {
		Map<String, Object> debug = (Map<String, Object>) response.getExtensions().get("debug");
		return (debug != null) ? ((Number) debug.getOrDefault("databaseRoundTrips", 0)).intValue() : 0;
	}

}
