package org.partygraph.queries.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.partygraph.model.NameKeys;
import org.partygraph.queries.dataset.GraphSchema;

/**
 * Gives the orgs, members and units stored before name keys existed (live or staged by an
 * interrupted bulk import) their {@code nameKey} and {@code nameSort}, as {@link Properties#putName}
 * writes them. Keys are computed in Java ({@link NameKeys}); one read streams the nodes lacking a
 * key, writes go in batches, each its own transaction. Idempotent: a node that has its key is not
 * read again, so an interrupted backfill simply runs again.
 */
public final class NameKeysBackfill {

	private static final String LACKING = """
			MATCH (n:%s) WHERE n.nameKey IS NULL AND n.name IS NOT NULL
			RETURN elementId(n) AS node, n.name AS name
			""";

	private static final String SET_KEYS = """
			UNWIND $rows AS row
			MATCH (n) WHERE elementId(n) = row.node
			SET n.nameKey = row.nameKey, n.nameSort = row.nameSort
			""";

	private static final int BATCH = 5_000;

	private NameKeysBackfill() {
	}

	/**
	 * Fills in the keys of every node of the live and staged org, member and unit labels lacking them.
	 * @return how many nodes got keys
	 */
	public static long fill(Driver driver) {
		long filled = 0;
		for (GraphSchema.Label label : GraphSchema.Label.values()) {
			filled += fill(driver, label.cypher());
			filled += fill(driver, "Staged" + label.cypher());
		}
		return filled;
	}

	private static long fill(Driver driver, String label) {
		long filled = 0;
		try (Session reading = driver.session(); Session writing = driver.session()) {
			Result lacking = reading.run(LACKING.formatted(label));
			List<Map<String, Object>> rows = new ArrayList<>(BATCH);
			while (lacking.hasNext()) {
				Record r = lacking.next();
				Map<String, Object> row = new HashMap<>();
				row.put("node", r.get("node").asString());
				row.put("nameKey", NameKeys.searchKey(r.get("name").asString()));
				row.put("nameSort", NameKeys.sortKey(r.get("name").asString()));
				rows.add(row);
				if (rows.size() == BATCH) {
					filled += write(writing, rows);
					rows = new ArrayList<>(BATCH);
				}
			}
			filled += write(writing, rows);
		}
		return filled;
	}

	private static long write(Session session, List<Map<String, Object>> rows) {
		if (!rows.isEmpty()) {
			session.executeWriteWithoutResult((tx) -> tx.run(SET_KEYS, Map.of("rows", rows)).consume());
		}
		return rows.size();
	}

}
