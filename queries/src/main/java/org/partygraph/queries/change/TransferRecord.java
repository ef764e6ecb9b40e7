package org.partygraph.queries.change;

import java.time.Instant;

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
 */
public record TransferRecord(String id, String member, String from, String to, Instant at, String reason) {

}
