package org.partygraph.api.limits;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.partygraph.api.ServiceTestBase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document the project ships or documents (the test documents, the README's examples, the
 * org-chart page's queries) passes the default limits. Queries run on the service with dummy
 * variables and every {@code first} at the largest page (a resolver may still refuse a dummy
 * value, the limits must not); mutations, which would change the shared data, are measured
 * without running.
 */
class ExampleQueriesWithinLimitsIT extends ServiceTestBase {

	@Autowired
	private LimitsProperties limits;

	@Autowired
	private GraphQlSource graphQlSource;

	@TestFactory
	Stream<DynamicTest> everyExampleDocumentPassesTheLimits() {
		assertThat(this.limits).isEqualTo(LimitsProperties.defaults());
		Map<String, String> documents = ExampleDocuments.all();
		assertThat(documents.keySet()).anyMatch((name) -> name.startsWith("graphql-test/"))
			.anyMatch((name) -> name.startsWith("README.md"));
		return documents.entrySet()
			.stream()
			.map((entry) -> DynamicTest.dynamicTest(entry.getKey(), () -> check(entry.getKey(), entry.getValue())));
	}

	private void check(String name, String text) {
		GraphQLSchema schema = this.graphQlSource.schema();
		Document document = Parser.parse(text);
		Map<String, Object> variables = DummyVariables.of(document, schema, this.limits.maxPageSize());
		boolean mutation = document.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.anyMatch((operation) -> operation.getOperation() == OperationDefinition.Operation.MUTATION);
		if (mutation) {
			DocumentShape shape = DocumentShape.of(document, null);
			assertThat(shape.depth()).as(name).isLessThanOrEqualTo(this.limits.maxDepth());
			assertThat(shape.aliases()).as(name).isLessThanOrEqualTo(this.limits.maxAliases());
			QueryCost cost = QueryCost.of(schema, document, null, variables, this.limits.listMultiplier());
			assertThat(cost.complexity()).as(name).isLessThanOrEqualTo(this.limits.maxComplexity());
			assertThat(cost.largestPage()).as(name).isLessThanOrEqualTo(this.limits.maxPageSize());
			assertThat(text.length()).as(name).isLessThanOrEqualTo(this.limits.maxCharacters());
			return;
		}
		GraphQlTester.Request<?> request = this.graphQl.document(text);
		variables.forEach(request::variable);
		GraphQlResponse response = request.execute().returnResponse();
		List<String> limitErrors = response.getErrors()
			.stream()
			.map(ResponseError::getMessage)
			.filter((message) -> message != null && message.contains("party-graph.limits"))
			.toList();
		assertThat(limitErrors).as(name).isEmpty();
		// It ran: any error is a field's (dummy variables may be refused by a resolver), none the request's.
		assertThat(response.getErrors()).as(name).allSatisfy((error) -> assertThat(error.getPath()).isNotEmpty());
	}

}
