package org.partygraph.queries.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;
import org.partygraph.model.history.History;
import org.partygraph.model.history.HistoryEvent;
import org.partygraph.model.history.HistoryScenario;
import org.partygraph.model.history.HistoryTransfer;

/**
 * The history of an {@code import --history} written in the import's own transaction
 * ({@code dataset.DatasetHistory} reads it for {@code export --history}): the events and transfer
 * records with their ids and the saved scenarios by name, those already stored left as they are,
 * and the orgs the history dissolved retired again. Here because it creates history nodes, which only the write package does.
 */
public final class ImportedHistory {

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

	// A saved scenario under a name the store does not hold yet; one it holds is left as it is.
	private static final String WRITE_SCENARIOS = """
			UNWIND $rows AS row
			MERGE (s:Scenario {name: row.name})
			ON CREATE SET s += row.properties, s.savedAt = datetime(row.savedAt),
			  s.appliedAt = CASE WHEN row.appliedAt IS NULL THEN null ELSE datetime(row.appliedAt) END,
			  s.appliedOn = CASE WHEN row.appliedOn IS NULL THEN null ELSE date(row.appliedOn) END
			""";

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private static final int BATCH = 2_000;

	private ImportedHistory() {
	}

	/**
	 * Writes the history into the import's transaction, the transfers' dataset and the IMPORTED
	 * events' dataset set to the imported one.
	 * @return how many nodes were written (those already there not counted)
	 */
	public static long write(SimpleQueryRunner tx, History history, String dataset) {
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
		List<Map<String, Object>> scenarios = new ArrayList<>();
		for (HistoryScenario sc : history.scenarios()) {
			Map<String, Object> properties = new HashMap<>();
			properties.put("within", sc.within());
			properties.put("owner", sc.owner());
			properties.put("operations", sc.operations());
			properties.put("operationCount", sc.operationCount());
			properties.put("note", sc.note());
			properties.put("savedBy", sc.savedBy());
			properties.put("fingerprint", sc.fingerprint());
			properties.put("steps", sc.steps());
			properties.put("appliedBy", sc.appliedBy());
			properties.put("appliedReport", sc.appliedReport());
			properties.values().removeIf((v) -> v == null);
			Map<String, Object> row = new HashMap<>();
			row.put("name", sc.name());
			row.put("savedAt", sc.savedAt().toString());
			row.put("appliedAt", (sc.appliedAt() != null) ? sc.appliedAt().toString() : null);
			row.put("appliedOn", (sc.appliedOn() != null) ? sc.appliedOn().toString() : null);
			row.put("properties", properties);
			scenarios.add(row);
		}
		written += batches(tx, WRITE_SCENARIOS, scenarios, dataset);
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

}
