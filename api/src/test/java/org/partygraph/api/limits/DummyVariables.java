package org.partygraph.api.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

/**
 * Variables to run a document with: the required ones get a value of their type (an id of the
 * sample county, the first enum value, an empty list, a day in 2020...), and every {@code first} the largest page,
 * the worst case for the limits; other optional ones are left out.
 */
final class DummyVariables {

	private DummyVariables() {
	}

	static Map<String, Object> of(Document document, GraphQLSchema schema, int largestPage) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			for (VariableDefinition variable : operation.getVariableDefinitions()) {
				if ("first".equals(variable.getName())) {
					variables.put(variable.getName(), largestPage);
				}
				else if (variable.getType() instanceof NonNullType required) {
					variables.put(variable.getName(), value(required.getType(), schema));
				}
			}
		}
		return variables;
	}

	private static Object value(Type<?> type, GraphQLSchema schema) {
		if (type instanceof NonNullType nonNull) {
			return value(nonNull.getType(), schema);
		}
		if (type instanceof ListType) {
			return List.of();
		}
		String name = ((TypeName) type).getName();
		GraphQLType named = schema.getType(name);
		if (named instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		return switch (name) {
			case "Int" -> 1;
			case "Float" -> 1.0;
			case "Boolean" -> true;
			case "ID", "String" -> "o-county";
			case "Date" -> "2020-01-01";
			case "DateTime" -> "2020-01-01T00:00:00Z";
			default -> Map.of();
		};
	}

}
