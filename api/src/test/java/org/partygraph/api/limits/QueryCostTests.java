package org.partygraph.api.limits;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import graphql.introspection.IntrospectionQuery;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape and cost figures on the service's schema, without a running service. */
class QueryCostTests {

	private static final LimitsProperties LIMITS = LimitsProperties.defaults();

	private static GraphQLSchema schema;

	@BeforeAll
	static void loadSchema() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/**/*.graphqls")) {
			try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
				registry.merge(new SchemaParser().parse(reader));
			}
		}
		schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

	@Test
	void theFormulaAsDocumented() {
		assertThat(cost("{ orgs(first: 50) { totalCount edges { node { name coManagers { name } } } } }")).isEqualTo(751);
		assertThat(cost("{ org(id: \"o-county\") { children { name } } }")).isEqualTo(12);
		// first not given: the resolvers' default page of 20; first: 0 still counts the children once.
		assertThat(cost("{ members { totalCount } }")).isEqualTo(21);
		assertThat(cost("{ members(first: 0) { totalCount } }")).isEqualTo(2);
		// A first from a variable.
		assertThat(cost("query($n: Int) { members(first: $n) { totalCount } }", Map.of("n", 7))).isEqualTo(8);
		// A list of scalars or enums is one field; __typename is free.
		assertThat(cost("{ org(id: \"x\") { patterns __typename } }")).isEqualTo(2);
		// Nested lists multiply.
		assertThat(cost("{ org(id: \"x\") { children { children { id } } } }")).isEqualTo(1 + 1 + 10 * (1 + 10));
	}

	@Test
	void aFragmentCostsEachTimeItIsSpread() {
		long once = cost("{ a: org(id: \"1\") { ...F } } fragment F on Org { children { id } }");
		long twice = cost("{ a: org(id: \"1\") { ...F } b: org(id: \"2\") { ...F } } fragment F on Org { children { id } }");
		assertThat(twice).isEqualTo(2 * once).isEqualTo(2 * (1 + 1 + 10));
	}

	@Test
	void skippedFieldsCostNothing() {
		assertThat(cost("query($no: Boolean!) { org(id: \"1\") { id children @include(if: $no) { id } } }",
				Map.of("no", false))).isEqualTo(2);
		assertThat(cost("{ org(id: \"1\") { id children @skip(if: true) { id } } }")).isEqualTo(2);
	}

	@Test
	void introspectionCostsOneAFieldAndNoDepth() {
		Document document = parse("{ __schema { types { name fields { name type { name ofType { name ofType { name "
				+ "ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } } }");
		DocumentShape shape = DocumentShape.of(document, null);
		assertThat(shape.depth()).isZero();
		assertThat(cost(document, Map.of())).isEqualTo(shape.fields());
	}

	@Test
	void theFullIntrospectionQueryFitsTheDefaults() {
		Document document = parse(IntrospectionQuery.INTROSPECTION_QUERY);
		DocumentShape shape = DocumentShape.of(document, "IntrospectionQuery");
		long cost = cost(document, Map.of());
		System.out.println("introspection query: " + shape + ", complexity " + cost);
		assertThat(shape.depth()).isZero();
		assertThat(cost).isLessThanOrEqualTo(LIMITS.maxComplexity());
	}

	@Test
	void depthAndAliasesCountFragmentsAsSpread() {
		Document document = parse("""
				{ org(id: "x") { ...Deep a: id b: id } org2: org(id: "y") { ...Deep } }
				fragment Deep on Org { parent { parent { x: id ... on Org { y: name } } } }
				""");
		DocumentShape shape = DocumentShape.of(document, null);
		assertThat(shape.depth()).isEqualTo(4);
		assertThat(shape.aliases()).isEqualTo(2 + 1 + 2 * 2);
	}

	@Test
	void theOperationRunIsTheOneMeasured() {
		Document document = parse("query A { org(id: \"x\") { parent { parent { id } } } } query B { org(id: \"x\") { id } }");
		assertThat(DocumentShape.of(document, "A").depth()).isEqualTo(4);
		assertThat(DocumentShape.of(document, "B").depth()).isEqualTo(2);
	}

	@Test
	void fragmentsThatDoubleAreCountedWithoutExpandingThem() {
		StringBuilder text = new StringBuilder("{ org(id: \"x\") { ...F0 } }\n");
		for (int i = 0; i < 80; i++) {
			text.append("fragment F").append(i).append(" on Org { a").append(i).append(": id ...F").append(i + 1)
				.append(" b").append(i).append(": parent { ...F").append(i + 1).append(" } }\n");
		}
		text.append("fragment F80 on Org { id }\n");
		long started = System.nanoTime();
		DocumentShape shape = DocumentShape.of(parse(text.toString()), null);
		assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
		assertThat(shape.fields()).isEqualTo(DocumentShape.CAP);
		assertThat(shape.aliases()).isEqualTo(DocumentShape.CAP);
	}

	@Test
	void fragmentCyclesEnd() {
		DocumentShape shape = DocumentShape.of(parse("{ org(id: \"x\") { ...A } } fragment A on Org { parent { ...B } } "
				+ "fragment B on Org { children { ...A } }"), null);
		assertThat(shape.depth()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void everyExampleDocumentIsWithinTheDefaults() {
		Map<String, String> documents = ExampleDocuments.all();
		assertThat(documents).hasSizeGreaterThan(25);
		documents.forEach((name, text) -> {
			Document document = Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(text)
				.parserOptions(ParserOptions.getDefaultOperationParserOptions()
					.transform((options) -> options.maxTokens(LIMITS.maxTokens())
						.maxWhitespaceTokens(LIMITS.maxWhitespaceTokens())
						.maxCharacters(LIMITS.maxCharacters())))
				.build());
			List<ValidationError> errors = graphql.ParseAndValidate.validate(schema, document);
			assertThat(errors).as(name).isEmpty();
			DocumentShape shape = DocumentShape.of(document, null);
			long cost = cost(document, DummyVariables.of(document, schema, LIMITS.maxPageSize()));
			System.out.printf("%-36s depth %2d  aliases %d  fields %3d  complexity %5d%n", name, shape.depth(),
					shape.aliases(), shape.fields(), cost);
			assertThat(shape.depth()).as(name).isLessThanOrEqualTo(LIMITS.maxDepth());
			assertThat(shape.aliases()).as(name).isLessThanOrEqualTo(LIMITS.maxAliases());
			assertThat(shape.fields()).as(name).isLessThanOrEqualTo(cost);
			assertThat(cost).as(name).isLessThanOrEqualTo(LIMITS.maxComplexity());
		});
	}

	private static long cost(String text) {
		return cost(parse(text), Map.of());
	}

	private static long cost(String text, Map<String, Object> variables) {
		return cost(parse(text), variables);
	}

	private static long cost(Document document, Map<String, Object> variables) {
		return QueryCost.of(schema, document, null, variables, LIMITS.listMultiplier())
			.complexity();
	}

	private static Document parse(String text) {
		try {
			return Parser.parse(text);
		}
		catch (RuntimeException ex) {
			throw new UncheckedIOException(new IOException("cannot parse " + text, ex));
		}
	}

}
