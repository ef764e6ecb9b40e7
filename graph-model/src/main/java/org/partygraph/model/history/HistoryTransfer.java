package org.partygraph.model.history;

import java.time.Instant;
import java.time.LocalDate;

/** One transfer of a member's membership (組織關係轉接) as stored, its ends as ids. */
public record HistoryTransfer(String id, String member, String from, String to, Instant at, String reason, long seq,
		LocalDate on, String by, String dataset) {
}
