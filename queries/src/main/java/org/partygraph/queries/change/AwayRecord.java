package org.partygraph.queries.change;

import java.time.LocalDate;

/**
 * A mobile member's time away (流動黨員, docs/contract.md section 8): the member keeps their
 * membership at {@code home} and flows in at {@code at} from {@code from} up to, not including,
 * {@code to}.
 *
 * @param member the member's id
 * @param home the member's membership org (as read; {@code null} when unknown)
 * @param at the org the member flows in at
 * @param from the first day
 * @param to the day it ends ({@code null}: open)
 */
public record AwayRecord(String member, String home, String at, LocalDate from, LocalDate to) {

	/** Whether it overlaps the days from {@code otherFrom} to {@code otherTo} (null: open). */
	public boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
		return Lookups.overlap(this.from, this.to, otherFrom, otherTo);
	}

	/** Whether the member is away on the day. */
	public boolean on(LocalDate day) {
		return org.partygraph.model.Spans.runsOn(this.from, this.to, day);
	}

}
