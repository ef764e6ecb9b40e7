package org.partygraph.model.history;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of the log (docs/graph-model.md, "The event log"), as stored.
 *
 * @param before what the change undoes to: {@code null}, a string, a number, a boolean or a list of
 * strings (a whole state is JSON text)
 * @param after the same, after the change
 */
public record HistoryEvent(String id, String kind, LocalDate on, Instant recordedAt, long seq, String by,
		String scenario, String org, String other, String member, String detail, Object before, Object after,
		String transfer, String imported) {
}
