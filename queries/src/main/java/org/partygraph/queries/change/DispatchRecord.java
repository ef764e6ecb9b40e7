package org.partygraph.queries.change;

import java.time.LocalDate;

/**
 * A first secretary's dispatch (第一書記) as a change left it.
 *
 * @param member the dispatched member's id
 * @param village the village's org
 * @param from the first day
 * @param to the day it ends ({@code null}: open)
 * @param by the dispatching org ({@code null} when none was recorded)
 */
public record DispatchRecord(String member, String village, LocalDate from, LocalDate to, String by) {

	/** Whether the member serves on the day: from {@code from} on, before {@code to}. */
	public boolean runsOn(LocalDate day) {
		return org.partygraph.model.Spans.runsOn(this.from, this.to, day);
	}

}
