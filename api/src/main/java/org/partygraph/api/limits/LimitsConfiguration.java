package org.partygraph.api.limits;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.partygraph.api.graphql.PreparsedDocuments;
import org.partygraph.api.text.SpringMessages;

import org.springframework.beans.factory.annotation.Value;
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

	/**
	 * The GraphQL requests running at once: {@code party-graph.limits.concurrent-requests} (default
	 * 0: twice the processors the JVM sees) and the longest one waits for a slot,
	 * {@code party-graph.limits.queue-wait} (default 30s); see {@link Admission}.
	 */
	@Bean
	Admission admission(@Value("${party-graph.limits.concurrent-requests:0}") int concurrentRequests,
			@Value("${party-graph.limits.queue-wait:30s}") Duration queueWait) {
		if (concurrentRequests < 0) {
			throw new IllegalArgumentException(
					"party-graph.limits.concurrent-requests must be 0 (twice the processors) or more, was "
							+ concurrentRequests);
		}
		if (queueWait.isNegative() || queueWait.isZero()) {
			throw new IllegalArgumentException("party-graph.limits.queue-wait must be positive, was " + queueWait);
		}
		int slots = (concurrentRequests > 0) ? concurrentRequests : 2 * Runtime.getRuntime().availableProcessors();
		logger.info("GraphQL requests running at once: " + slots + " (party-graph.limits.concurrent-requests), the "
				+ "others wait up to " + queueWait.toSeconds() + " s (party-graph.limits.queue-wait): applies and "
				+ "imports first, then other changes, then reads");
		return new Admission(slots, queueWait);
	}

	@Bean
	AdmissionInterceptor admissionInterceptor(Admission admission, SpringMessages messages, LimitsProperties limits,
			PreparsedDocuments documents) {
		return new AdmissionInterceptor(admission, messages, limits, documents);
	}

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
