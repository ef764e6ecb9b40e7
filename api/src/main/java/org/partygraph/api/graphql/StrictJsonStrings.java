package org.partygraph.api.graphql;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON the service reads (the GraphQL request body above all) never turns a number or a boolean
 * into a string: Jackson's default would run {@code {"query": 42}} as the document {@code "42"} and
 * answer a syntax error about it. Refused instead, and {@link RequestBodyErrors} names the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonStrings {

	@Bean
	JsonMapperBuilderCustomizer noStringsFromNumbersOrBooleans() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Textual, (config) -> config
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
