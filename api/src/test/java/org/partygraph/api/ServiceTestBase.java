package org.partygraph.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.partygraph.model.Dataset;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run against the one shared running service; its driver is wrapped by a
 * {@link StatementRecorder}, which records nothing until a test starts it.
 */
@ServiceTest
@Import(StatementRecorder.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTestBase {

	@LocalServerPort
	protected int port;

	@Autowired
	protected DatasetImporter importer;

	@Autowired
	protected DatasetExporter exporter;

	protected HttpGraphQlTester graphQl;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApp.properties(registry);
	}

	@BeforeAll
	void loadSmallCounty() {
		this.graphQl = TestApp.tester(this.port, "admin", TestApp.ADMIN_PASSWORD);
		if (!this.exporter.datasetNames().contains("小縣")) {
			this.importer.importDataset(resource("small-county.json"), (step, done, total) -> {
			});
		}
	}

	/**
	 * Imports a test's own dataset over GraphQL, as the admin, dated {@code on} (yyyy-MM-dd), and
	 * checks it landed whole under {@code name}.
	 */
	protected void importOwnDataset(String json, String on, String name) {
		this.graphQl.document("mutation($json: String!, $on: Date) { importDataset(json: $json, on: $on) { dataset errors { message } } }")
			.variable("json", json)
			.variable("on", on)
			.execute()
			.path("importDataset.errors").entityList(Object.class).hasSize(0)
			.path("importDataset.dataset").entity(String.class).isEqualTo(name);
	}

	/** The hand-built small county (ids {@code s-…}). */
	public static Dataset smallCounty() {
		return resource("small-county.json");
	}

	protected static Dataset resource(String name) {
		try (InputStream in = ServiceTestBase.class.getResourceAsStream("/" + name)) {
			return DatasetFormat.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected static List<String> ids(List<?> maps) {
		return maps.stream().map((m) -> (String) ((java.util.Map<?, ?>) m).get("id")).toList();
	}

}
