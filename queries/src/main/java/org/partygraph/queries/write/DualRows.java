package org.partygraph.queries.write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partygraph.model.AwayRecord;
import org.partygraph.model.Dispatch;

/**
 * The dual relations of a dataset as an import writes them: each first secretary's dispatch as
 * {@code (:Member)-[:DISPATCHED_TO {from, to, by}]->(:Org)} and each mobile member's stay away as
 * {@code (:Member)-[:AWAY_AT {from, to}]->(:Org)} (docs/graph-model.md), after the members and
 * orgs they join. An absent {@code to} or {@code by} is not stored, as {@link Links#dispatch}
 * leaves it.
 *
 * <p>
 * They go with the members: a re-import deletes the dataset's members with every relationship they
 * start, these too, and writes the file's again.
 */
public final class DualRows {

	/** Creates each row's dispatch. Parameter {@code rows} ({@link #row(Dispatch)}). */
	public static final String CREATE_DISPATCHES = dispatches("");

	/** Creates each row's stay away. Parameter {@code rows} ({@link #row(AwayRecord)}). */
	public static final String CREATE_AWAY = away("");

	/** As {@link #CREATE_DISPATCHES}, between the bulk import's staged members and orgs. */
	public static final String CREATE_STAGED_DISPATCHES = dispatches("Staged");

	/** As {@link #CREATE_AWAY}, between the bulk import's staged members and orgs. */
	public static final String CREATE_STAGED_AWAY = away("Staged");

	private static String dispatches(String prefix) {
		return """
				UNWIND $rows AS row
				MATCH (m:%1$sMember {id: row.member})
				MATCH (o:%1$sOrg {id: row.village})
				CREATE (m)-[d:DISPATCHED_TO]->(o)
				SET d = row.props
				""".formatted(prefix);
	}

	private static String away(String prefix) {
		return """
				UNWIND $rows AS row
				MATCH (m:%1$sMember {id: row.member})
				MATCH (o:%1$sOrg {id: row.org})
				CREATE (m)-[a:AWAY_AT]->(o)
				SET a = row.props
				""".formatted(prefix);
	}

	private DualRows() {
	}

	/** A dispatch as a row of {@link #CREATE_DISPATCHES}: its ends, and {@code from}, {@code to}, {@code by}. */
	public static Map<String, Object> row(Dispatch dispatch) {
		Map<String, Object> props = new HashMap<>();
		Properties.put(props, "from", dispatch.from());
		Properties.put(props, "to", dispatch.to());
		Properties.put(props, "by", dispatch.by());
		Map<String, Object> row = new HashMap<>();
		row.put("member", dispatch.member());
		row.put("village", dispatch.village());
		row.put("props", props);
		return row;
	}

	/** A stay away as a row of {@link #CREATE_AWAY}: its ends, and {@code from}, {@code to}. */
	public static Map<String, Object> row(AwayRecord away) {
		Map<String, Object> props = new HashMap<>();
		Properties.put(props, "from", away.from());
		Properties.put(props, "to", away.to());
		Map<String, Object> row = new HashMap<>();
		row.put("member", away.member());
		row.put("org", away.org());
		row.put("props", props);
		return row;
	}

	/** The rows of the dispatches. */
	public static List<Map<String, Object>> dispatchRows(List<Dispatch> dispatches) {
		return dispatches.stream().map(DualRows::row).toList();
	}

	/** The rows of the stays away. */
	public static List<Map<String, Object>> awayRows(List<AwayRecord> away) {
		return away.stream().map(DualRows::row).toList();
	}

}
