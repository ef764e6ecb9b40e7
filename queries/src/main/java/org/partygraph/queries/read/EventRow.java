package org.partygraph.queries.read;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of the log ({@code write.Events}), as read.
 *
 * @param id the event's id
 * @param on its effective date
 * @param kind what happened ({@code write.Events.Kind}'s name)
 * @param detail what happened, in words
 * @param by the login of who made the change; {@code null} when not known
 * @param recordedAt when it was recorded
 * @param scenario the applied scenario it came from; {@code null} for other changes
 * @param org the org it is about (a member event's org); {@code null} for an import
 * @param other a second org it touches; may be {@code null}
 * @param member the member it is about; {@code null} for an org event
 */
public record EventRow(String id, LocalDate on, String kind, String detail, String by, Instant recordedAt,
		String scenario, String org, String other, String member) {

}
