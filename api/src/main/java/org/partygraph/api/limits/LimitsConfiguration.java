package org.partygraph.api.limits;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Request limits for GraphQL ({@code party-graph.limits.*}): Spring Boot adds every
 * {@code Instrumentation} bean to the GraphQL engine, this one first.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsConfiguration {

	private static final Log logger = LogFactory.getLog(LimitsConfiguration.class);

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RequestLimitsInstrumentation requestLimitsInstrumentation(LimitsProperties limits) {
		logger.info("GraphQL request limits: depth " + limits.maxDepth() + ", complexity " + limits.maxComplexity()
				+ " (list multiplier " + limits.listMultiplier() + "), page size " + limits.maxPageSize()
				+ ", aliases " + limits.maxAliases() + ", tokens " + limits.maxTokens() + ", whitespace tokens "
				+ limits.maxWhitespaceTokens() + ", characters " + limits.maxCharacters());
		return new RequestLimitsInstrumentation(limits);
	}

}
