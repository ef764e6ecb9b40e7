package org.partygraph.queries.dataset;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.partygraph.model.history.History;
import org.partygraph.model.history.HistoryEvent;
import org.partygraph.model.history.HistoryScenario;
import org.partygraph.model.history.HistoryTransfer;

/**
 * The past that goes with an export (docs/dataset-format.md, "History file"): the event log, the
 * transfer history and the saved scenarios (an applied one with its report), read whole by {@link #export()} and written back in an import's own transaction
 * by {@link org.partygraph.queries.write.ImportedHistory#write}, so that export → import keeps every {@code asOf} answer, {@code Org.history},
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

	private static final String SCENARIOS = """
			MATCH (s:Scenario)
			RETURN s
			ORDER BY s.name
			""";

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
		List<HistoryScenario> scenarios = tx.run(SCENARIOS).list((r) -> scenario(r.get("s")));
		return new History(events, transfers, scenarios);
	}

	private static HistoryScenario scenario(Value s) {
		return new HistoryScenario(s.get("name").asString(), string(s, "within"), string(s, "owner"),
				string(s, "operations"), s.get("operationCount").asLong(0), string(s, "note"), instant(s.get("savedAt")),
				string(s, "savedBy"), string(s, "fingerprint"), string(s, "steps"), instant(s.get("appliedAt")),
				string(s, "appliedBy"), s.get("appliedOn").asLocalDate(null), string(s, "appliedReport"));
	}

	private static Instant instant(Value v) {
		return v.isNull() ? null : v.asZonedDateTime().withZoneSameInstant(ZoneOffset.UTC).toInstant();
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
