package org.partygraph.model;

import java.time.LocalDate;

/**
 * A mobile member's stay away (流動黨員; {@code away[]} of a {@code party-graph/2} dataset,
 * docs/contract.md section 8): the member lives or works away and flows in at another org from
 * {@code from} up to, not including, {@code to}, while the membership stays where it is. Stored as
 * {@code (:Member)-[:AWAY_AT {from, to}]->(:Org)}.
 *
 * @param member the member away
 * @param org the org the member flows in at: not the member's own org, never a PARTY_GROUP
 * @param from the first day away
 * @param to the day the member came back (no longer away), after {@code from}; {@code null} while open
 */
public record AwayRecord(String member, String org, LocalDate from, LocalDate to) {

	/** Whether the member is away on a day: from {@code from} on, before {@code to}. */
	public boolean runsOn(LocalDate day) {
		return Spans.runsOn(this.from, this.to, day);
	}

}
