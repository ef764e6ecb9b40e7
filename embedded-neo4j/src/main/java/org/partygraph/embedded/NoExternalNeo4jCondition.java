package org.partygraph.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code spring.neo4j.uri} is not configured at all. */
class NoExternalNeo4jCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String uri = context.getEnvironment().getProperty("spring.neo4j.uri");
		if (uri != null && !uri.isBlank()) {
			return ConditionOutcome.noMatch("spring.neo4j.uri is set to " + uri);
		}
		return ConditionOutcome.match("no spring.neo4j.uri");
	}

}
