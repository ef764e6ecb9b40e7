package org.partygraph.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.partygraph.embedded.EmbeddedNeo4j;
import org.partygraph.model.Dataset;
import org.partygraph.model.NameKeys;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.queries.write.MemberTallies;
import org.partygraph.queries.schema.Migrations;

/**
 * One real Neo4j for the whole test run, reached over Bolt like any server; tests clear the data
 * they need cleared. Started on first use, stopped when the JVM exits.
 */
public final class TestNeo4j {

	private static EmbeddedNeo4j neo4j;

	private static Driver driver;

	private TestNeo4j() {
	}

	public static synchronized Driver driver() {
		if (driver == null) {
			try {
				Path home = Files.createTempDirectory("party-graph-test-neo4j");
				neo4j = EmbeddedNeo4j.start(home, 0, "test-password", "64m");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, "test-password"));
			new Migrations(driver).apply();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				driver.close();
				neo4j.close();
			}));
		}
		return driver;
	}

	/** Removes every dataset item, keeping the schema. */
	public static void clear() {
		driver().executableQuery("MATCH (n) WHERE n:Org OR n:Unit OR n:Member OR n:Dataset OR n:Transfer OR n:Event OR n:DissolvedOrg OR n:Candidate OR n:DevelopmentRecord DETACH DELETE n").execute();
	}

	/**
	 * Orgs whose stored member tallies differ from their members ({@link MemberTallies#MISMATCHES}),
	 * as "id stored [..] counted [..]" lines (at most 100); every test that writes checks it is empty
	 * afterwards.
	 */
	public static List<String> tallyMismatches() {
		try (Session session = driver().session()) {
			return session.run(MemberTallies.MISMATCHES)
				.list((r) -> r.get("id").asString() + " stored " + r.get("stored").asList() + " counted "
						+ r.get("counted").asList());
		}
	}

	/**
	 * Ids of the orgs, members and units whose stored {@code nameKey} or {@code nameSort} is not
	 * what {@link NameKeys} makes of their name; every write path keeps them so.
	 */
	public static List<String> nameKeyMismatches() {
		try (Session session = driver().session()) {
			return session
				.run("MATCH (n) WHERE n:Org OR n:Member OR n:Unit RETURN n.id AS id, n.name AS name, n.nameKey AS key, n.nameSort AS sort")
				.list((r) -> {
					String name = r.get("name").asString();
					boolean same = NameKeys.searchKey(name).equals(r.get("key").asString(null))
							&& NameKeys.sortKey(name).equals(r.get("sort").asString(null));
					return same ? "" : r.get("id").asString();
				})
				.stream()
				.filter((id) -> !id.isEmpty())
				.toList();
		}
	}

	/** A count from a Cypher statement returning one number. */
	/**
	 * Clears the store and imports the dataset dated {@code on} by "admin", with these dates (the
	 * clock a test's changes are judged by).
	 */
	public static void load(org.partygraph.model.Dataset dataset, org.partygraph.queries.write.EventDates dates,
			java.time.LocalDate on) {
		clear();
		new org.partygraph.queries.dataset.DatasetImporter(driver(), dates).importDataset(dataset,
				org.partygraph.queries.dataset.ImportProgress.NONE, on, "admin");
	}

	/**
	 * Exports the stored datasets (as the export does), validates them as an import would, and, when
	 * they pass, imports them again into a cleared store: the write paths must leave a graph whose
	 * export re-imports (docs/contract.md section 8).
	 * @return the validator's problems (empty: it was re-imported)
	 */
	public static java.util.List<org.partygraph.model.Problem> exportValidatesAndReimports() {
		Dataset exported = new org.partygraph.queries.dataset.DatasetExporter(driver()).exportAll();
		java.util.List<org.partygraph.model.Problem> problems = org.partygraph.model.format.DatasetFormat.validate(exported);
		if (problems.isEmpty()) {
			clear();
			new org.partygraph.queries.dataset.DatasetImporter(driver()).importDataset(exported,
					org.partygraph.queries.dataset.ImportProgress.NONE);
		}
		return problems;
	}

	public static long count(String cypher) {
		return driver().executableQuery(cypher).execute().records().get(0).get(0).asLong();
	}

	public static Dataset resource(String name) {
		try (InputStream in = TestNeo4j.class.getResourceAsStream("/" + name)) {
			return DatasetFormat.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
