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

	/**
	 * As {@link #CREATE_NODES}, returning each new node's {@code id} and {@code node}, its element id:
	 * what {@link #CREATE_RELATIONSHIPS_BETWEEN_NODES} links in the same transaction.
	 */
	public static final String CREATE_NODES_KEYED = CREATE_NODES + "RETURN n.id AS id, elementId(n) AS node\n";

	/**
	 * Creates a relationship of type {@code %s} per row, from the node whose element id is
	 * {@code row.a} to the one of {@code row.b}, with {@code row.props} as its properties. Parameter
	 * {@code rows} ({@link #between}).
	 * <p>
	 * An import that replaces a dataset deletes its nodes and makes them again in one transaction;
	 * there, finding an end by its id ({@link #CREATE_RELATIONSHIPS}) goes through the id index, which
	 * then holds both the deleted node and the new one, and took about ten times as long as in a
	 * store without them (1.4 s against 0.1 s for the sample county's 5,507 memberships). The node
	 * created just before is found by its element id without an index.
	 */
	public static final String CREATE_RELATIONSHIPS_BETWEEN_NODES = """
			UNWIND $rows AS row
			MATCH (a) WHERE elementId(a) = row.a
			MATCH (b) WHERE elementId(b) = row.b
			CREATE (a)-[r:%s]->(b)
			SET r = row.props
			""";

	private Rows() {
	}

	/**
	 * A row of {@link #CREATE_RELATIONSHIPS_BETWEEN_NODES} from a relationship row ({@link #link}):
	 * its ends' element ids and its other entries as the properties.
	 */
	public static Map<String, Object> between(String a, String b, Map<String, Object> link) {
		Map<String, Object> props = new HashMap<>(link);
		props.remove("from");
		props.remove("to");
		Map<String, Object> row = new HashMap<>();
		row.put("a", a);
		row.put("b", b);
		row.put("props", props);
		return row;
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
