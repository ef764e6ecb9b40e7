package org.partygraph.queries.dataset;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.partygraph.model.history.History;
import org.partygraph.model.history.HistoryEvent;
import org.partygraph.model.history.HistoryTransfer;

/**
 * The past that goes with an export (docs/dataset-format.md, "History file"): the event log and the
 * transfer history, read whole by {@link #export()} and written back in an import's own transaction
 * by {@link #write}, so that export → import keeps every {@code asOf} answer, {@code Org.history},
 * {@code changes} and {@code Member.transfers}. Events and transfers keep their ids; one already in
 * the store (the same history imported again) is left as it is. An org the history dissolved is
 * retired again ({@code DissolvedOrg}, from its DISSOLVED event's state) unless the store has it.
 */
public final class DatasetHistory {

	private static final String EVENTS = """
			MATCH (e:Event)
			RETURN e
			ORDER BY e.on, e.recordedAt, e.seq, e.id
			""";

	private static final String TRANSFERS = """
			MATCH (t:Transfer)
			RETURN t
			ORDER BY t.member, t.seq, t.id
			""";

	// The imported dataset's name replaces another dataset name an IMPORTED event of the file names
	// (an export of several datasets is imported as one): its first import is the earliest of theirs.
	private static final String WRITE_EVENTS = """
			UNWIND $rows AS row
			MERGE (e:Event {id: row.id})
			ON CREATE SET e += row.properties, e.on = date(row.on), e.recordedAt = datetime(row.recordedAt),
			  e.imported = CASE WHEN row.properties.kind = 'IMPORTED' THEN $dataset ELSE null END
			""";

	private static final String WRITE_TRANSFERS = """
			UNWIND $rows AS row
			MERGE (t:Transfer {id: row.id})
			ON CREATE SET t += row.properties, t.at = datetime(row.at),
			  t.on = CASE WHEN row.on IS NULL THEN null ELSE date(row.on) END, t.dataset = $dataset
			""";

	// An org dissolved in the history and not in the dataset is retired again, as its dissolution left
	// it: its id stays taken, and reads of the past find the tree it was in (lastParent).
	private static final String RETIRED = """
			UNWIND $rows AS row
			WITH row WHERE NOT EXISTS { (:Org {id: row.id}) } AND NOT EXISTS { (:DissolvedOrg {id: row.id}) }
			CREATE (d:DissolvedOrg)
			SET d = row.properties, d.dissolvedOn = date(row.on), d.dataset = $dataset
			""";

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private static final int BATCH = 2_000;

	private final Driver driver;

	public DatasetHistory(Driver driver) {
		this.driver = driver;
	}

	/** Every event and transfer of the store, in one read transaction. */
	public History export() {
		try (Session session = this.driver.session()) {
			return session.executeRead(DatasetHistory::read);
		}
	}

	static History read(SimpleQueryRunner tx) {
		List<HistoryEvent> events = tx.run(EVENTS).list((r) -> event(r.get("e")));
		List<HistoryTransfer> transfers = tx.run(TRANSFERS).list((r) -> transfer(r.get("t")));
		return new History(events, transfers);
	}

	/**
	 * Writes the history into the import's transaction, the transfers' dataset and the IMPORTED
	 * events' dataset set to the imported one.
	 * @return how many nodes were written (those already there not counted)
	 */
	static long write(SimpleQueryRunner tx, History history, String dataset) {
		long written = 0;
		List<Map<String, Object>> events = new ArrayList<>();
		for (HistoryEvent e : history.events()) {
			Map<String, Object> properties = new HashMap<>();
			properties.put("kind", e.kind());
			properties.put("seq", e.seq());
			properties.put("by", e.by());
			properties.put("scenario", e.scenario());
			properties.put("org", e.org());
			properties.put("other", e.other());
			properties.put("member", e.member());
			properties.put("detail", e.detail());
			properties.put("before", e.before());
			properties.put("after", e.after());
			properties.put("transfer", e.transfer());
			properties.values().removeIf((v) -> v == null);
			Map<String, Object> row = new HashMap<>();
			row.put("id", e.id());
			row.put("on", e.on().toString());
			row.put("recordedAt", e.recordedAt().toString());
			row.put("properties", properties);
			events.add(row);
		}
		written += batches(tx, WRITE_EVENTS, events, dataset);
		Map<String, HistoryEvent> dissolved = new java.util.LinkedHashMap<>();
		history.events().stream().filter((e) -> "DISSOLVED".equals(e.kind()) && e.org() != null)
			.forEach((e) -> dissolved.put(e.org(), e));
		List<Map<String, Object>> retired = new ArrayList<>();
		for (HistoryEvent e : dissolved.values()) {
			Map<String, Object> properties = new HashMap<>();
			properties.put("id", e.org());
			if (e.before() instanceof String text && text.startsWith("{")) {
				@SuppressWarnings("unchecked")
				Map<String, Object> state = JSON.readValue(text, Map.class);
				for (String key : List.of("name", "kind", "trade", "hasCommittee")) {
					if (state.get(key) != null) {
						properties.put(key, state.get(key));
					}
				}
			}
			if (e.other() != null) {
				properties.put("lastParent", e.other());
			}
			retired.add(Map.of("id", e.org(), "on", e.on().toString(), "properties", properties));
		}
		written += batches(tx, RETIRED, retired, dataset);
		List<Map<String, Object>> transfers = new ArrayList<>();
		for (HistoryTransfer t : history.transfers()) {
			Map<String, Object> properties = new HashMap<>();
			properties.put("member", t.member());
			properties.put("from", t.from());
			properties.put("to", t.to());
			properties.put("reason", t.reason());
			properties.put("seq", t.seq());
			properties.put("by", t.by());
			properties.values().removeIf((v) -> v == null);
			Map<String, Object> row = new HashMap<>();
			row.put("id", t.id());
			row.put("at", t.at().toString());
			row.put("on", (t.on() != null) ? t.on().toString() : null);
			row.put("properties", properties);
			transfers.add(row);
		}
		written += batches(tx, WRITE_TRANSFERS, transfers, dataset);
		return written;
	}

	private static long batches(SimpleQueryRunner tx, String cypher, List<Map<String, Object>> rows, String dataset) {
		long created = 0;
		for (int start = 0; start < rows.size(); start += BATCH) {
			created += tx.run(cypher, Map.of("rows", rows.subList(start, Math.min(rows.size(), start + BATCH)),
					"dataset", dataset)).consume().counters().nodesCreated();
		}
		return created;
	}

	private static HistoryEvent event(Value e) {
		return new HistoryEvent(e.get("id").asString(), e.get("kind").asString(), e.get("on").asLocalDate(null),
				e.get("recordedAt").isNull() ? null : e.get("recordedAt").asZonedDateTime().toInstant(),
				e.get("seq").asLong(0), string(e, "by"), string(e, "scenario"), string(e, "org"), string(e, "other"),
				string(e, "member"), string(e, "detail"), value(e.get("before")), value(e.get("after")),
				string(e, "transfer"), string(e, "imported"));
	}

	private static HistoryTransfer transfer(Value t) {
		Value at = t.get("at");
		return new HistoryTransfer(t.get("id").asString(), string(t, "member"), string(t, "from"), string(t, "to"),
				at.isNull() ? null : at.asZonedDateTime().withZoneSameInstant(ZoneOffset.UTC).toInstant(),
				string(t, "reason"), t.get("seq").asLong(0), t.get("on").asLocalDate(null), string(t, "by"),
				string(t, "dataset"));
	}

	private static String string(Value node, String key) {
		return node.get(key).asString(null);
	}

	private static Object value(Value v) {
		return v.isNull() ? null : v.asObject();
	}

}
