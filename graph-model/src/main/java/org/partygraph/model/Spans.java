package org.partygraph.model;

import java.time.LocalDate;

/**
 * Spans of days as the member lifecycle keeps them (a dispatch, a time away): from {@code from}, the
 * first day, up to, not including, {@code to}; {@code to} null while open. The one reading of
 * "runs on a day" and "overlaps" for every record that has such a span.
 */
public final class Spans {

	private Spans() {
	}

	/** Whether the span runs on the day: from {@code from} on, before {@code to}. */
	public static boolean runsOn(LocalDate from, LocalDate to, LocalDate day) {
		return from != null && !day.isBefore(from) && (to == null || day.isBefore(to));
	}

	/** Whether two spans share a day. */
	public static boolean overlap(LocalDate from, LocalDate to, LocalDate otherFrom, LocalDate otherTo) {
		boolean startsBeforeOtherEnds = otherTo == null || from.isBefore(otherTo);
		boolean endsAfterOtherStarts = to == null || to.isAfter(otherFrom);
		return startsBeforeOtherEnds && endsAfterOtherStarts;
	}

}
