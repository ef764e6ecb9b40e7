package org.partygraph.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.partygraph.embedded.EmbeddedNeo4j;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.schema.Migrations;
import org.partygraph.queries.spring.SessionDefaults;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service configured as for a cluster: {@code spring.neo4j.uri=neo4j://…} (the routing
 * scheme) and {@code party-graph.database}, against a Neo4j started separately. A single server
 * answers the driver's routing request with itself as router, reader and writer, so reads and writes
 * go through routing exactly as in a cluster, only all to one place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterRoutingIT {

	private static final String PASSWORD = "routing-secret";

	private static EmbeddedNeo4j server;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	HttpGraphQlTester graphQl;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("party-graph-routing");
		// A fixed port: the routing table lists the server's advertised address, which must be the real one.
		server = EmbeddedNeo4j.start(dir.resolve("server"), freePort(), PASSWORD, "32m");
		try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD))) {
			new Migrations(driver).apply();
			new DatasetImporter(driver).importDataset(ServiceTestBase.smallCounty(), (step, done, total) -> {
			});
		}
		TestApp.properties(registry);
		registry.add("spring.neo4j.uri", () -> "neo4j://127.0.0.1:" + server.boltPort());
		registry.add("spring.neo4j.authentication.username", () -> "neo4j");
		registry.add("spring.neo4j.authentication.password", () -> PASSWORD);
		registry.add("party-graph.database", () -> "neo4j");
	}

	@BeforeAll
	void tester() {
		this.graphQl = TestApp.tester(this.port, "admin", TestApp.ADMIN_PASSWORD);
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void theServiceUsesTheRoutingScheme() {
		assertThat(this.context.getBean(Neo4jConnectionDetails.class).getUri().getScheme()).isEqualTo("neo4j");
		// No embedded store was started: the service talks to the separate server only.
		assertThat(this.context.getBeanNamesForType(EmbeddedNeo4j.class)).isEmpty();
		// A routing URI turns causal consistency on: sessions share bookmarks, so reads on a secondary wait for writes.
		assertThat(this.context.getBean(Driver.class)).isInstanceOfSatisfying(SessionDefaults.class,
				(sessions) -> assertThat(sessions.causal()).isTrue());
		// What the driver gets when it asks for a routing table: this server in every role.
		String address = "127.0.0.1:" + server.boltPort();
		try (Driver driver = GraphDatabase.driver("neo4j://" + address, AuthTokens.basic("neo4j", PASSWORD));
				Session session = driver.session()) {
			List<Value> servers = session
				.executeRead((tx) -> tx.run("CALL dbms.routing.getRoutingTable({}, 'neo4j')").single().get("servers"))
				.asList((v) -> v);
			Map<String, List<String>> byRole = servers.stream()
				.collect(Collectors.toMap((s) -> s.get("role").asString(), (s) -> s.get("addresses").asList(Value::asString)));
			assertThat(byRole).containsOnlyKeys("WRITE", "READ", "ROUTE")
				.allSatisfy((role, addresses) -> assertThat(addresses).containsExactly(address));
		}
	}

	@Test
	void readsAndWritesGoThroughRouting() {
		this.graphQl.document("{ org(id: \"s-o-county\") { name memberCount } }")
			.execute()
			.path("org.name").entity(String.class).isEqualTo("中共小縣委")
			.path("org.memberCount").entity(Integer.class).isEqualTo(5);

		// A write (to the leader), then reads of it in later requests (from a secondary in a cluster;
		// the shared bookmarks make them wait for the write).
		this.graphQl.document("mutation { renameOrg(id: \"s-o-xz\", name: \"下寨村黨總支（路由）\") { org { name } errors { message } } }")
			.execute()
			.path("renameOrg.errors").entityList(Object.class).hasSize(0)
			.path("renameOrg.org.name").entity(String.class).isEqualTo("下寨村黨總支（路由）");
		this.graphQl.document("{ org(id: \"s-o-xz\") { name } orgs(filter: {nameContains: \"（路由）\"}) { totalCount } }")
			.execute()
			.path("org.name").entity(String.class).isEqualTo("下寨村黨總支（路由）")
			.path("orgs.totalCount").entity(Integer.class).isEqualTo(1);
		this.graphQl.document("{ complianceIssues(within: \"s-o-county\") { rule orgId } patternSummary(within: \"s-o-county\") { pattern } }")
			.execute()
			.path("patternSummary").entityList(Object.class).hasSizeGreaterThan(0);

		// The write reached the database itself.
		try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD))) {
			assertThat(driver.executableQuery("MATCH (o:Org {id: 's-o-xz'}) RETURN o.name AS name")
				.execute()
				.records()
				.get(0)
				.get("name")
				.asString()).isEqualTo("下寨村黨總支（路由）");
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
