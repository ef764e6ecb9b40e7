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
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
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
		// A page of 50 orgs, each with its co-managers (assumed 2): 50 × (1 + 2 × 1).
		assertThat(cost("{ orgs(first: 50) { totalCount edges { node { name coManagers { name } } } } }")).isEqualTo(150);
		// Lists without first: 10 each (the list multiplier), nested ones multiply.
		assertThat(cost("{ org(id: \"o-county\") { children { name children { name } } } }")).isEqualTo(1 + 10 * (1 + 10));
		// first not given: the default page of 20; scalars (totalCount) hold no object, and a
		// top-level field costs at least 1.
		assertThat(cost("{ members { edges { node { id name } } } }")).isEqualTo(20);
		assertThat(cost("{ members { totalCount } }")).isEqualTo(1);
		assertThat(cost("{ members(first: 0) { edges { node { id } } } }")).isEqualTo(1);
		// A first from a variable.
		assertThat(cost("query($n: Int) { members(first: $n) { edges { node { id } } } }", Map.of("n", 7))).isEqualTo(7);
		// Scalars, lists of them and __typename are free: the org is the one object.
		assertThat(cost("{ org(id: \"x\") { id name kind patterns __typename } }")).isEqualTo(1);
		// A single object is 1, an assumed size from @listSize: ancestors 6, officers 5 each with a member.
		assertThat(cost("{ org(id: \"x\") { parent { id } ancestors { id } officers { role member { id } } } }"))
			.isEqualTo(1 + 1 + 6 + 5 * (1 + 1));
	}

	/** The due lists are sliced by their first (default 100, up to 1000): priced at it, not at max-page-size. */
	@Test
	void slicedListsArePricedAtTheirFirst() {
		assertThat(cost("{ termsDue(before: \"2030-01-01\") { id } }")).isEqualTo(100);
		assertThat(cost("{ termsDue(before: \"2030-01-01\", first: 7) { id parent { id } } }")).isEqualTo(7 * 2);
		assertThat(cost("{ probationsDue(before: \"2030-01-01\", first: 0) { id } }")).isEqualTo(1);
		assertThat(cost("query($n: Int) { candidatesDue(before: \"2030-01-01\", first: $n) { earliest candidate { id } } }",
				Map.of("n", 300))).isEqualTo(300 * 2);
		// Their first is bounded by their resolvers (1000), not by max-page-size (100).
		QueryCost wide = QueryCost.of(schema, parse("{ termsDue(before: \"2030-01-01\", first: 1000) { id } }"), null,
				Map.of(), LIMITS.listMultiplier());
		assertThat(wide.largestPage()).isZero();
		assertThat(wide.complexity()).isEqualTo(1000);
		GraphQLObjectType query = schema.getObjectType("Query");
		assertThat(List.of("termsDue", "probationsDue", "candidatesDue"))
			.allSatisfy((name) -> assertThat(QueryCost.sliced(query.getFieldDefinition(name))).as(name).isTrue());
		assertThat(QueryCost.sliced(query.getFieldDefinition("orgs"))).isFalse();
	}

	@Test
	void assumedSizesComeFromTheSchema() {
		GraphQLObjectType org = schema.getObjectType("Org");
		assertThat(QueryCost.assumedSize(org.getFieldDefinition("coManagers"), 10)).isEqualTo(2);
		assertThat(QueryCost.assumedSize(org.getFieldDefinition("children"), 10)).isEqualTo(10);
		assertThat(QueryCost.assumedSize(org.getFieldDefinition("children"), 7)).isEqualTo(7);
	}

	@Test
	void aFragmentCostsEachTimeItIsSpread() {
		long once = cost("{ a: org(id: \"1\") { ...F } } fragment F on Org { children { id } }");
		long twice = cost("{ a: org(id: \"1\") { ...F } b: org(id: \"2\") { ...F } } fragment F on Org { children { id } }");
		assertThat(twice).isEqualTo(2 * once).isEqualTo(2 * (1 + 10));
	}

	@Test
	void skippedFieldsCostNothing() {
		assertThat(cost("query($no: Boolean!) { org(id: \"1\") { id children @include(if: $no) { id } } }",
				Map.of("no", false))).isEqualTo(1);
		assertThat(cost("query($no: Boolean!) { org(id: \"1\") { id children @include(if: $no) { id } } }",
				Map.of("no", true))).isEqualTo(11);
		assertThat(cost("{ org(id: \"1\") { id children @skip(if: true) { id } } }")).isEqualTo(1);
	}

	@Test
	void introspectionCostsOneAnObjectAndNoDepth() {
		Document document = parse("{ __schema { types { name fields { name type { name ofType { name } } } } } }");
		assertThat(DocumentShape.of(document, null).depth()).isZero();
		// __schema, types, fields, type, ofType: one each, no list sizes.
		assertThat(cost(document, Map.of())).isEqualTo(5);
	}

	/**
	 * Issue #20: an analyst's "everything about 100 orgs and what they link to" passes. The document
	 * is built from the schema, so a field added to Org is in it: every field of Org, a relation
	 * asked with the scalar fields of what it leads to (one level), arguments left at their defaults.
	 */
	@Test
	void aHundredOrgsWithEveryFieldAndOneLevelOfRelationsPass() {
		String document = "{ orgs(first: 100) { totalCount edges { node { " + everyField("Org", 1) + " } } } }";
		List<ValidationError> errors = graphql.ParseAndValidate.validate(schema, parse(document));
		assertThat(errors).as(document).isEmpty();
		long cost = cost(document);
		System.out.println("100 orgs, every field, one level of relations: complexity " + cost + "; " + document);
		assertThat(cost).isBetween(100L * 50, (long) LIMITS.maxComplexity());
	}

	/** The shapes RequestLimitsIT refuses stay refused at the defaults. */
	@Test
	void abusiveShapesStayOverTheDefaults() {
		assertThat(cost("{ org(id: \"x\") { id children { id children { id children { id children { id } } } } } }"))
			.isEqualTo(1 + 10 * (1 + 10 * (1 + 10 * (1 + 10))))
			.isGreaterThan(LIMITS.maxComplexity());
		StringBuilder spreads = new StringBuilder("{");
		for (int i = 0; i < 17; i++) {
			spreads.append(" o").append(i).append(": orgs(first: 100) { ...Page }");
		}
		spreads.append(" }\nfragment Page on OrgConnection { edges { node { id children { id } } } }");
		assertThat(cost(spreads.toString())).isEqualTo(17 * 100 * (1 + 10)).isGreaterThan(LIMITS.maxComplexity());
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
			assertThat(shape.fields()).as(name).isLessThanOrEqualTo(LIMITS.maxFields());
			assertThat(cost).as(name).isLessThanOrEqualTo(LIMITS.maxComplexity());
		});
	}

	/** The benchmark's own queries (not the peer's, which are for another schema) pass the defaults. */
	@Test
	void everyBenchmarkQueryOfOursIsWithinTheDefaults() {
		int ours = 0;
		for (Map.Entry<String, String> entry : ExampleDocuments.benchmark().entrySet()) {
			Document document = parse(entry.getValue());
			if (!graphql.ParseAndValidate.validate(schema, document).isEmpty()) {
				continue;
			}
			ours++;
			DocumentShape shape = DocumentShape.of(document, null);
			long cost = cost(document, DummyVariables.of(document, schema, LIMITS.maxPageSize()));
			System.out.printf("%-40s depth %2d  fields %3d  complexity %5d%n", entry.getKey(), shape.depth(),
					shape.fields(), cost);
			assertThat(shape.depth()).as(entry.getKey()).isLessThanOrEqualTo(LIMITS.maxDepth());
			assertThat(shape.fields()).as(entry.getKey()).isLessThanOrEqualTo(LIMITS.maxFields());
			assertThat(cost).as(entry.getKey()).isLessThanOrEqualTo(LIMITS.maxComplexity());
		}
		// ComparedShapes' and StandardQueries' shapes of ours (a peer's shape does not validate here).
		assertThat(ours).isGreaterThanOrEqualTo(15);
	}

	/** The fields of a type: scalars by name, relations (while levels last) with their targets' scalars. */
	private static String everyField(String typeName, int levels) {
		GraphQLObjectType type = schema.getObjectType(typeName);
		StringBuilder fields = new StringBuilder();
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			GraphQLType element = GraphQLTypeUtil.unwrapAll(field.getType());
			boolean required = field.getArguments().stream().anyMatch((a) -> GraphQLTypeUtil.isNonNull(a.getType()));
			if (required) {
				continue;
			}
			if (GraphQLTypeUtil.isLeaf(element)) {
				fields.append(field.getName()).append(' ');
			}
			else if (levels > 0) {
				GraphQLObjectType target = (GraphQLObjectType) element;
				GraphQLFieldDefinition edges = target.getFieldDefinition("edges");
				String inner;
				if (edges != null && target.getFieldDefinition("pageInfo") != null) {
					// A connection: its objects are the nodes of its edges.
					GraphQLObjectType edge = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(edges.getType());
					String node = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(edge.getFieldDefinition("node").getType()))
						.getName();
					inner = everyField(target.getName(), 0) + "edges { node { " + everyField(node, levels - 1) + "} } ";
				}
				else {
					inner = everyField(target.getName(), levels - 1);
				}
				fields.append(field.getName()).append(" { ").append(inner).append("} ");
			}
		}
		String text = fields.toString();
		// A type of only relations, past the last level: its type name is all that is asked.
		return text.isBlank() ? "__typename " : text;
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
