package org.partygraph.queries.change;

import java.util.List;

/**
 * What a roster import does (or, in a dry run, would do) with one row.
 *
 * @param row the row as the spreadsheet shows it (header = 1)
 * @param memberId the member's id (for a new member in a dry run: the id it would be given now)
 * @param name the member's name
 * @param action ADDED, UPDATED, TRANSFERRED (the org changed, perhaps with other fields) or UNCHANGED
 * @param changes each change as {@code field: before → after} (a new member: its fields)
 */
public record RosterOutcome(int row, String memberId, String name, String action, List<String> changes) {

	public static final String ADDED = "ADDED";

	public static final String UPDATED = "UPDATED";

	public static final String TRANSFERRED = "TRANSFERRED";

	public static final String UNCHANGED = "UNCHANGED";

}
