package org.partygraph.queries.history;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * The event log's marker (docs/graph-model.md, "The event log"): the number of events and the id
 * of the newest by {@code (on, recordedAt, seq)}, read in one statement. The log is only appended
 * to and every write path records an event, so the marker changes on every write: a result computed
 * from the graph can be kept under the marker it was read at and reused while the marker is the
 * same ({@link PastStructure}'s rebuilds, the first-secretary suggestions' input).
 */
public final class EventLogMarker {

	// One round trip: the number of events and the newest by (on, recordedAt, seq).
	private static final String MARKER = """
			CALL () { MATCH (e:Event) RETURN count(e) AS events }
			CALL () {
			  OPTIONAL MATCH (e:Event) WHERE e.on IS NOT NULL
			  WITH e ORDER BY e.on DESC, e.recordedAt DESC, e.seq DESC LIMIT 1
			  RETURN e.id AS id
			}
			RETURN events, id
			""";

	private final Driver driver;

	public EventLogMarker(Driver driver) {
		this.driver = driver;
	}

	/** The marker now, in a read transaction of its own. */
	public String read() {
		try (Session session = this.driver.session()) {
			return session.executeRead(EventLogMarker::read);
		}
	}

	/** The marker, inside a read transaction the caller holds. */
	public static String read(SimpleQueryRunner tx) {
		Record r = tx.run(MARKER).single();
		return r.get("events").asLong() + "/" + r.get("id").asString("");
	}

}
