package org.partygraph.queries.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.partygraph.queries.write.NameKeysBackfill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema scripts under {@code db/migration/} in order, each once, and
 * records each applied version as a {@code (:SchemaMigration)} node. Scripts use
 * {@code IF NOT EXISTS}, so a half-applied script can simply run again.
 */
public final class Migrations {

	/** Versions in order; a new script is added here and as {@code db/migration/V<version>__<name>.cypher}. */
	static final List<String> SCRIPTS = List.of("V0001__unique_ids", "V0002__dataset_and_kind_indexes",
			"V0003__transfer_history", "V0004__scenarios", "V0005__bulk_staging", "V0006__member_name_search",
			"V0007__member_tallies", "V0008__scenario_owners", "V0009__name_keys", "V0010__events",
			"V0011__member_status", "V0012__candidates", "V0013__event_recorded_at",
			"V0014__candidate_handed_on");

	/**
	 * Data work done in Java before a script's statements, in the same run (not recorded apart: an
	 * interrupted step runs again with its script, so it must be idempotent).
	 */
	private static final Map<String, ToLongFunction<Driver>> BEFORE = Map.of("V0009__name_keys",
			NameKeysBackfill::fill);

	private static final Logger logger = LoggerFactory.getLogger(Migrations.class);

	private final Driver driver;

	public Migrations(Driver driver) {
		this.driver = driver;
	}

	/** Applies the scripts not applied yet; returns the versions it applied now. */
	public List<String> apply() {
		List<String> applied = new ArrayList<>();
		try (Session session = this.driver.session()) {
			Set<String> done = session
				.executeRead((tx) -> tx.run("MATCH (m:SchemaMigration) RETURN m.version AS version").list())
				.stream()
				.map((r) -> r.get("version").asString())
				.collect(Collectors.toSet());
			for (String script : SCRIPTS) {
				String version = script.substring(1, script.indexOf("__"));
				if (done.contains(version)) {
					continue;
				}
				ToLongFunction<Driver> before = BEFORE.get(script);
				if (before != null) {
					long changed = before.applyAsLong(this.driver);
					logger.info("Migration {}: {} nodes updated in Java", script, changed);
				}
				// Schema commands cannot share a transaction with writes, so each runs on its own;
				// batched data updates (CALL ... IN TRANSACTIONS) need an auto-commit transaction.
				for (String statement : statements(read(script))) {
					if (statement.contains("IN TRANSACTIONS")) {
						session.run(statement).consume();
					}
					else {
						session.executeWriteWithoutResult((tx) -> tx.run(statement));
					}
				}
				session.executeWriteWithoutResult((tx) -> tx.run(
						"MERGE (m:SchemaMigration {version: $version}) SET m.script = $script, m.appliedAt = datetime()",
						Map.of("version", version, "script", script)));
				applied.add(version);
			}
			session.executeWriteWithoutResult((tx) -> tx.run("CALL db.awaitIndexes(300)"));
		}
		if (!applied.isEmpty()) {
			logger.info("Applied schema migrations {}", applied);
		}
		return applied;
	}

	static List<String> statements(String script) {
		String withoutComments = Arrays.stream(script.split("\n"))
			.filter((line) -> !line.strip().startsWith("//"))
			.collect(Collectors.joining("\n"));
		return Arrays.stream(withoutComments.split(";")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	private static String read(String script) {
		String path = "/db/migration/" + script + ".cypher";
		try (InputStream in = Migrations.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing migration script " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
