package org.partygraph.api.graphql;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema documents itself: every type, field, argument, input field and enum value the service
 * declares in {@code graphql/*.graphqls} has a description (GraphiQL and introspection show it).
 * Type extensions ({@code extend type Query}) cannot carry one in SDL; their fields must.
 */
class SchemaDescriptionsTests {

	private static TypeDefinitionRegistry registry;

	@BeforeAll
	static void loadSchema() throws IOException {
		registry = new TypeDefinitionRegistry();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:graphql/**/*.graphqls");
		assertThat(files).as("schema files").isNotEmpty();
		for (Resource resource : files) {
			try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
				registry.merge(new SchemaParser().parse(reader));
			}
		}
	}

	/**
	 * Every kind of event the log records can be answered: a kind missing from the GraphQL enum
	 * fails every {@code changes} and {@code history} answer that holds one (seen with DISPATCHED).
	 */
	@Test
	void eventKindHasEveryKindTheLogRecords() {
		graphql.language.EnumTypeDefinition kinds = (graphql.language.EnumTypeDefinition) registry.getType("EventKind")
			.orElseThrow();
		assertThat(kinds.getEnumValueDefinitions()).extracting(graphql.language.EnumValueDefinition::getName)
			.containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(org.partygraph.queries.write.Events.Kind.values())
				.map(Enum::name)
				.toList());
	}

	@Test
	void everyTypeFieldArgumentAndEnumValueHasADescription() {
		Census census = new Census();
		for (TypeDefinition<?> type : registry.types().values()) {
			census.check(type.getName(), description(type));
			if (type instanceof ObjectTypeDefinition object) {
				object.getFieldDefinitions().forEach((f) -> census.field(type.getName(), f));
			}
			else if (type instanceof InputObjectTypeDefinition input) {
				input.getInputValueDefinitions().forEach((v) -> census.check(type.getName() + "." + v.getName(),
						v.getDescription()));
			}
			else if (type instanceof EnumTypeDefinition enumType) {
				for (EnumValueDefinition value : enumType.getEnumValueDefinitions()) {
					census.check(type.getName() + "." + value.getName(), value.getDescription());
				}
			}
		}
		registry.objectTypeExtensions()
			.forEach((name, extensions) -> extensions
				.forEach((extension) -> extension.getFieldDefinitions().forEach((f) -> census.field(name, f))));
		for (ScalarTypeDefinition scalar : registry.scalars().values()) {
			if (!ScalarInfo.isGraphqlSpecifiedScalar(scalar.getName())) {
				census.check(scalar.getName(), scalar.getDescription());
			}
		}
		System.out.printf("Schema descriptions: %d of %d elements described (%d of %d fields)%n",
				census.total - census.missing.size(), census.total, census.fields - census.fieldsMissing,
				census.fields);
		assertThat(census.missing).as("schema elements without a description (%d of %d)", census.missing.size(),
				census.total).isEmpty();
	}

	private static Description description(TypeDefinition<?> type) {
		if (type instanceof ObjectTypeDefinition t) {
			return t.getDescription();
		}
		if (type instanceof InputObjectTypeDefinition t) {
			return t.getDescription();
		}
		if (type instanceof EnumTypeDefinition t) {
			return t.getDescription();
		}
		return null;
	}

	private static final class Census {

		final List<String> missing = new ArrayList<>();

		int total;

		int fields;

		int fieldsMissing;

		void field(String typeName, FieldDefinition field) {
			String path = typeName + "." + field.getName();
			this.fields++;
			if (!check(path, field.getDescription())) {
				this.fieldsMissing++;
			}
			for (InputValueDefinition argument : field.getInputValueDefinitions()) {
				check(path + "(" + argument.getName() + ":)", argument.getDescription());
			}
		}

		boolean check(String path, Description description) {
			this.total++;
			if (description == null || description.getContent().isBlank()) {
				this.missing.add(path);
				return false;
			}
			return true;
		}

	}

}
