package org.partygraph.queries.write;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * The transfer history: each move of a member's membership (組織關係轉接) kept as a
 * {@code (:Member)-[:TRANSFERRED]->(:Transfer)} node, whether a change or a scenario made it. A
 * transfer outlives its orgs and a re-import of its dataset (which links it again). The reads of
 * the history are {@code read.TransferQueries}. Each transfer has its TRANSFERRED event in the
 * event log ({@link Events}), and carries the change's effective date {@code on} and login {@code by}.
 */
public final class Transfers {

	// Without a given time the clock is read here, under the member's lock, so that times follow
	// the order transfers were made in; seq orders transfers of one member at the same time.
	private static final String RECORD = """
			MATCH (m:Member {id: $member})
			WITH m, COUNT { (m)-[:TRANSFERRED]->(:Transfer) } AS earlier
			CREATE (m)-[:TRANSFERRED]->(t:Transfer)
			SET t.id = $id, t.member = m.id, t.from = $from, t.to = $to, t.at = coalesce($at, datetime.statement()),
			  t.reason = $reason, t.seq = earlier + 1, t.dataset = m.dataset, t.on = $on, t.by = $by
			RETURN t
			""";

	// As RECORD, all at the transaction's time.
	private static final String RECORD_ALL = """
			UNWIND $rows AS row
			MATCH (m:Member {id: row.member})
			WITH m, row, COUNT { (m)-[:TRANSFERRED]->(:Transfer) } AS earlier
			CREATE (m)-[:TRANSFERRED]->(t:Transfer)
			SET t.id = row.id, t.member = m.id, t.from = row.from, t.to = row.to, t.at = datetime.transaction(),
			  t.reason = $reason, t.seq = earlier + 1, t.dataset = m.dataset, t.on = $on, t.by = $by
			RETURN count(t) AS count
			""";

	/**
	 * Transfer history is not part of a dataset file; it outlives a re-import and is linked again to
	 * the members that come back with the same id. Parameter {@code dataset}.
	 */
	public static final String RELINK = """
			MATCH (t:Transfer {dataset: $dataset})
			MATCH (m:Member {id: t.member})
			MERGE (m)-[:TRANSFERRED]->(t)
			""";

	private Transfers() {
	}

	/**
	 * Records a transfer of the member.
	 * @param id fixed before the transaction, so that a retried attempt records the same transfer
	 * @param at when it took effect; {@code null} for the database's clock now
	 * @param reason may be {@code null}
	 * @return the {@code Transfer} node
	 */
	public static Value record(SimpleQueryRunner tx, String member, String id, String from, String to,
			OffsetDateTime at, String reason, Events.Log log) {
		Value t = tx
			.run(RECORD,
					Properties.params("member", member, "id", id, "from", from, "to", to, "at", at, "reason", reason,
							"on", log.stamp().on(), "by", log.stamp().by()))
			.single()
			.get("t");
		log.transfer(id, member, from, to, reason);
		return t;
	}

	/** A row of {@link #recordAll}. */
	public static Map<String, Object> row(String id, String member, String from, String to) {
		return Properties.params("id", id, "member", member, "from", from, "to", to);
	}

	/**
	 * Records transfers at the transaction's time, all for the same reason.
	 * @return how many were recorded
	 */
	public static long recordAll(SimpleQueryRunner tx, List<Map<String, Object>> rows, String reason,
			Events.Log log) {
		for (Map<String, Object> row : rows) {
			log.transfer((String) row.get("id"), (String) row.get("member"), (String) row.get("from"),
					(String) row.get("to"), reason);
		}
		return tx.run(RECORD_ALL, Properties.params("rows", rows, "reason", reason, "on", log.stamp().on(), "by",
				log.stamp().by())).single().get("count").asLong();
	}

	/** Links the dataset's transfer history again to its members ({@link #RELINK}). */
	public static void relink(SimpleQueryRunner tx, String dataset) {
		tx.run(RELINK, Map.of("dataset", dataset)).consume();
	}

}
