package org.partygraph.queries.change;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One transfer of a member's membership (組織關係轉接), as kept in the
 * {@code (:Member)-[:TRANSFERRED]->(:Transfer)} history.
 *
 * @param id the transfer's own id
 * @param member the member transferred
 * @param from the membership org before, or {@code null} if the member had none
 * @param to the membership org after
 * @param at when the transfer took effect
 * @param reason why, as given, or {@code null}
 * @param on its effective date; {@code null} for a transfer recorded before changes were dated
 * @param by the login of who made it, or {@code null}
 */
public record TransferRecord(String id, String member, String from, String to, Instant at, String reason, LocalDate on,
		String by) {

}
