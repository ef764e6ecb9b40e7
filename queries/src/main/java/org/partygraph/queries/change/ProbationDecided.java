package org.partygraph.queries.change;

import java.time.LocalDate;

/**
 * What {@link OrgChanges#decideProbation} did.
 *
 * @param member the member's id
 * @param org the org the member belonged to
 * @param outcome the decision
 * @param extendedTo for EXTENDED, the day the extended probation ends; else {@code null}
 */
public record ProbationDecided(String member, String org, ProbationOutcome outcome, LocalDate extendedTo) {

	/** Whether the member was removed (CANCELLED). */
	public boolean removed() {
		return this.outcome == ProbationOutcome.CANCELLED;
	}

}
