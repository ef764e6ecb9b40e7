package org.partygraph.queries.write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;
import org.partygraph.queries.dataset.GraphSchema;

/**
 * Nodes and relationships written in batches of rows ({@code UNWIND}), as the imports and a
 * scenario's apply write them. A node row is the node's property map ({@link Orgs#properties},
 * {@link Members#properties}); a relationship row is {@code from} and {@code to} ids with any
 * properties of the relationship beside them ({@link #link}). Labels and types come from
 * {@link GraphSchema}, never from input.
 */
public final class Rows {

	/**
	 * Creates a node of label {@code %s} per row, the row its properties, in dataset
	 * {@code $dataset}. Parameters {@code rows}, {@code dataset}.
	 */
	public static final String CREATE_NODES = """
			UNWIND $rows AS row
			CREATE (n:%s)
			SET n = row, n.dataset = $dataset
			""";

	/**
	 * Creates a relationship per row, from the node of the first label with id {@code row.from} to
	 * the one of the second with id {@code row.to}, of the type {@code %s} (the third), with the
	 * row's other entries as its properties. Parameter {@code rows}.
	 */
	public static final String CREATE_RELATIONSHIPS = """
			UNWIND $rows AS row
			MATCH (a:%s {id: row.from})
			MATCH (b:%s {id: row.to})
			CREATE (a)-[r:%s]->(b)
			SET r += row{.*, from: null, to: null}
			""";

	private Rows() {
	}

	/** {@link #CREATE_RELATIONSHIPS} for a relationship type between the live labels. */
	public static String createRelationships(GraphSchema.Rel rel) {
		return createRelationships(rel.from().cypher(), rel.to().cypher(), rel);
	}

	/** {@link #CREATE_RELATIONSHIPS} between the given labels, e.g. staged ones. */
	public static String createRelationships(String fromLabel, String toLabel, GraphSchema.Rel rel) {
		return CREATE_RELATIONSHIPS.formatted(fromLabel, toLabel, rel.name());
	}

	/**
	 * Creates the relationships of one type between live nodes.
	 * @return how many were created (a row whose end is missing creates none)
	 */
	public static long createAll(SimpleQueryRunner tx, GraphSchema.Rel rel, List<Map<String, Object>> rows) {
		return tx.run(createRelationships(rel) + "RETURN count(r) AS count", Map.of("rows", rows))
			.single()
			.get("count")
			.asLong();
	}

	/** A relationship row: from and to ids. */
	public static Map<String, Object> link(String from, String to) {
		return Map.of("from", from, "to", to);
	}

	/** A relationship row of an office ({@code HOLDS}): from and to ids, and the role's name. */
	public static Map<String, Object> link(String from, String to, String role) {
		Map<String, Object> row = new HashMap<>();
		row.put("from", from);
		row.put("to", to);
		row.put("role", role);
		return row;
	}

}
