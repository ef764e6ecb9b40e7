package org.partygraph.api.limits;

import java.time.Duration;

import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partygraph.api.TestApp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile: no introspection, no GraphiQL, no schema printer, while queries and
 * the limits work as usual. Its own service (own data directory, free Bolt port, no sample data),
 * closed after these tests.
 *
 * <p>
 * Spring Boot turns introspection off with GraphQL Java's JVM-wide switch
 * ({@code Introspection.enabledJvmWide(false)}), not per schema: one service per JVM, so that is
 * right in production, but here the other tests' cached service shares the JVM. After these tests
 * it is switched back on, or GraphiQL (which introspects) fails in every browser test run later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=prod", "party-graph.sample-data=false" })
@DirtiesContext
class ProdProfileIT {

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApp.properties(registry);
	}

	@AfterAll
	static void introspectionBackOnForTheOtherTests() {
		Introspection.enabledJvmWide(true);
	}

	@Test
	void introspectionIsRefused() {
		GraphQlResponse response = TestApp.tester(this.port, "admin", TestApp.ADMIN_PASSWORD)
			.document("{ __schema { types { name } } }")
			.execute()
			.returnResponse();
		assertThat(response.getErrors()).isNotEmpty()
			.anySatisfy((error) -> assertThat(error.getMessage()).containsIgnoringCase("introspection"));
		assertThat((Object) response.getData()).isNull();
	}

	@Test
	void typeIntrospectionIsRefused() {
		GraphQlResponse response = TestApp.tester(this.port, "admin", TestApp.ADMIN_PASSWORD)
			.document("{ __type(name: \"Org\") { fields { name } } }")
			.execute()
			.returnResponse();
		assertThat(response.getErrors()).isNotEmpty();
		assertThat((Object) response.getData()).isNull();
	}

	@Test
	void queriesAndLimitsWorkAsUsual() {
		TestApp.tester(this.port, "admin", TestApp.ADMIN_PASSWORD)
			.document("{ rules { code } }")
			.execute()
			.path("rules")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);
		GraphQlResponse deep = TestApp.tester(this.port, "admin", TestApp.ADMIN_PASSWORD)
			.document("{ org(id: \"x\") {" + " parent {".repeat(20) + " id" + " }".repeat(20) + " } }")
			.execute()
			.returnResponse();
		assertThat(deep.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getMessage()).contains("party-graph.limits.max-depth"));
	}

	@Test
	void graphiqlIsNotServed() {
		client().get().uri("/graphiql").exchange().expectStatus().isNotFound();
	}

	@Test
	void theSchemaIsNotPrinted() {
		client().get().uri("/graphql/schema").exchange().expectStatus().is4xxClientError();
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://127.0.0.1:" + this.port)
			// As TestApp's tester: a loaded 2-core machine can take a while over a first request.
			.responseTimeout(Duration.ofSeconds(60))
			.defaultHeaders((headers) -> headers.setBasicAuth("admin", TestApp.ADMIN_PASSWORD))
			.build();
	}

}
