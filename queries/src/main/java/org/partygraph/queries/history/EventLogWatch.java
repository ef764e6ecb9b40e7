package org.partygraph.queries.history;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * Watches the event log (docs/graph-model.md, "The event log") for what was written since the last
 * look: every write path records its events in its own transaction and nothing is ever removed from
 * the log, so the events a look has not seen are exactly what changed since it. A result computed
 * from the graph can then be kept and only the part those events touch computed again
 * ({@code KeptCompliance}).
 *
 * <p>
 * Each look is one statement when nothing was written (the number of events, from Neo4j's count
 * store) and two when something was: the events recorded since the last look, less a margin. An
 * event's {@code recordedAt} is its transaction's start, and a write stays open at most the
 * database timeout, so an event committed after the last look was recorded at most that long before
 * it; the margin is that timeout and a minute (clocks a little apart in a cluster). An event older
 * than that (an import has no timeout) is caught by the count: when the events found are fewer than
 * the log grew by, the look says that anything may have changed ({@link Look#everything}).
 *
 * <p>
 * Looks are taken one at a time (the statements run in the order of the looks, so the count only
 * grows from one to the next).
 */
public final class EventLogWatch {

	private static final String COUNT = """
			CALL () { MATCH (e:Event) RETURN count(e) AS events }
			RETURN events, datetime() AS now
			""";

	private static final String RECORDED_SINCE = """
			MATCH (e:Event) WHERE e.recordedAt >= $since
			RETURN e.id AS id, e.kind AS kind, e.org AS org, e.other AS other, e.member AS member,
			  e.before AS before, e.after AS after
			""";

	private final Duration margin;

	private long events = -1;

	private ZonedDateTime lastLook;

	/** The ids of the events recorded since the last look's {@code lastLook - margin}. */
	private Set<String> window = Set.of();

	/**
	 * @param writeTimeout the longest a write transaction can stay open (the database timeout)
	 */
	public EventLogWatch(Duration writeTimeout) {
		this.margin = writeTimeout.plusMinutes(1);
	}

	/**
	 * What was written since the last look, in a transaction the caller holds. The first look, and
	 * a look that cannot tell, answer {@link Look#everything}.
	 */
	public synchronized Look look(SimpleQueryRunner tx) {
		Record now = tx.run(COUNT).single();
		long count = now.get("events").asLong();
		ZonedDateTime at = now.get("now").asZonedDateTime();
		if (this.events >= 0 && count == this.events) {
			this.lastLook = at;
			return new Look(false, List.of());
		}
		ZonedDateTime since = ((this.lastLook != null) ? this.lastLook : at).minus(this.margin);
		List<Event> found = tx.run(RECORDED_SINCE, Map.of("since", since)).list(EventLogWatch::event);
		Set<String> window = new HashSet<>();
		List<Event> fresh = new ArrayList<>();
		for (Event e : found) {
			window.add(e.id());
			if (!this.window.contains(e.id())) {
				fresh.add(e);
			}
		}
		boolean first = this.events < 0;
		boolean missed = !first && fresh.size() != count - this.events;
		this.events = count;
		this.lastLook = at;
		this.window = window;
		return new Look(first || missed, first ? List.of() : List.copyOf(fresh));
	}

	private static Event event(Record r) {
		return new Event(r.get("id").asString(), r.get("kind").asString(null), r.get("org").asString(null),
				r.get("other").asString(null), r.get("member").asString(null), strings(r.get("before")),
				strings(r.get("after")));
	}

	// The plain ids a before or after value holds: a text (not a JSON state) or a list of texts.
	private static List<String> strings(Value value) {
		if (value.isNull()) {
			return List.of();
		}
		Object v = value.asObject();
		if (v instanceof String s) {
			return (s.startsWith("{") || s.startsWith("[")) ? List.of() : List.of(s);
		}
		if (v instanceof List<?> list) {
			return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
		}
		return List.of();
	}

	/**
	 * What a look found.
	 * @param everything whether anything may have changed (the first look, or events were missed)
	 * @param events the events not seen before (empty when {@code everything})
	 */
	public record Look(boolean everything, List<Event> events) {

		/** Whether nothing was written since the last look. */
		public boolean nothing() {
			return !this.everything && this.events.isEmpty();
		}

	}

	/**
	 * An event as a watcher needs it: what it is about. {@code before} and {@code after} hold the plain
	 * ids among its values (a MOVED event's parents, a PARTICIPATION_CHANGED event's orgs).
	 */
	public record Event(String id, String kind, String org, String other, String member, List<String> before,
			List<String> after) {
	}

}
