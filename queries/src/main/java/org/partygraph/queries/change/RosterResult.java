package org.partygraph.queries.change;

import java.util.List;

/**
 * The answer of a roster import: counts by action and every row's outcome, in file order.
 *
 * @param dryRun whether nothing was written (the plan only)
 */
public record RosterResult(boolean dryRun, int added, int updated, int transferred, int unchanged,
		List<RosterOutcome> rows) {

	static RosterResult of(boolean dryRun, List<RosterOutcome> rows) {
		int added = 0;
		int updated = 0;
		int transferred = 0;
		int unchanged = 0;
		for (RosterOutcome row : rows) {
			switch (row.action()) {
				case RosterOutcome.ADDED -> added++;
				case RosterOutcome.UPDATED -> updated++;
				case RosterOutcome.TRANSFERRED -> transferred++;
				default -> unchanged++;
			}
		}
		return new RosterResult(dryRun, added, updated, transferred, unchanged, List.copyOf(rows));
	}

}
