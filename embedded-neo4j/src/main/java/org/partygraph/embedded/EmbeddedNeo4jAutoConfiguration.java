package org.partygraph.embedded;

import java.net.URI;
import java.nio.file.Path;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts {@link EmbeddedNeo4j} and points Boot's Neo4j driver at it, but only when no
 * {@code spring.neo4j.uri} is configured: with one, this module stays idle and the driver talks to
 * that external database.
 */
@AutoConfiguration(before = Neo4jAutoConfiguration.class)
@Conditional(NoExternalNeo4jCondition.class)
@ConditionalOnProperty(name = "party-graph.embedded.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
public class EmbeddedNeo4jAutoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties) {
		Path dataDir = Path.of(properties.dataDir());
		String password = PasswordFile.resolve(dataDir, properties.embedded().password());
		return EmbeddedNeo4j.start(dataDir.resolve("neo4j"), properties.embedded().boltPort(), password,
				properties.embedded().pageCache());
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
		return new Neo4jConnectionDetails() {

			@Override
			public URI getUri() {
				return neo4j.boltUri();
			}

			@Override
			public AuthToken getAuthToken() {
				return AuthTokens.basic(EmbeddedNeo4j.USER, neo4j.password());
			}

		};
	}

}
