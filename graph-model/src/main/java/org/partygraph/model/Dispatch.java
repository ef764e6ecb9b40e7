package org.partygraph.model;

import java.time.LocalDate;

/**
 * A first secretary's dispatch (第一書記; {@code dispatches[]} of a {@code party-graph/2} dataset,
 * docs/contract.md section 8): a member sent to a village's org, serving there from {@code from}
 * up to, not including, {@code to}, while the membership stays where it is. Stored as
 * {@code (:Member)-[:DISPATCHED_TO {from, to, by}]->(:Org)}.
 *
 * @param member the member dispatched
 * @param village the village's org served: set up in a VILLAGE unit, not the member's own org
 * @param from the first day served
 * @param to the day the dispatch ended (not served), after {@code from}; {@code null} while open
 * @param by the org that sent the member, or {@code null} when not recorded
 */
public record Dispatch(String member, String village, LocalDate from, LocalDate to, String by) {

	/** Whether it runs on a day: from {@code from} on, before {@code to}. */
	public boolean runsOn(LocalDate day) {
		return Spans.runsOn(this.from, this.to, day);
	}

}
