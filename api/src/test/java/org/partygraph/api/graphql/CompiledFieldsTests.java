package org.partygraph.api.graphql;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.queries.read.CompiledReads;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compiled field skips its resolver, so the roles its resolver requires must be in
 * CompiledFields.ROLES: this reads every controller's {@code @PreAuthorize} on a field the compiler
 * answers and requires the table to say the same, and nothing more.
 */
class CompiledFieldsTests {

	@Test
	void everyRoleRequiredByTheResolverOfACompiledFieldIsInTheTable() {
		Map<String, String> required = new HashMap<>();
		for (Class<?> controller : List.of(OrgController.class, MemberController.class, UnitController.class)) {
			for (Method method : controller.getDeclaredMethods()) {
				String type = null;
				String field = method.getName();
				SchemaMapping schema = method.getAnnotation(SchemaMapping.class);
				BatchMapping batch = method.getAnnotation(BatchMapping.class);
				if (schema != null) {
					type = schema.typeName();
					field = schema.field().isEmpty() ? (schema.value().isEmpty() ? field : schema.value()) : schema.field();
				}
				else if (batch != null) {
					type = batch.typeName();
					field = batch.field().isEmpty() ? (batch.value().isEmpty() ? field : batch.value()) : batch.field();
				}
				PreAuthorize role = method.getAnnotation(PreAuthorize.class);
				if (type != null && role != null && CompiledReads.compiles(type, field)) {
					required.put(type + "." + field,
							"ROLE_" + role.value().replaceAll(".*hasRole\\('([A-Z_]+)'\\).*", "$1"));
				}
			}
		}
		assertThat(required).containsEntry("Org.members", "ROLE_ANALYST");
		assertThat(CompiledFields.ROLES).isEqualTo(required);
	}

}
