package org.partygraph.queries.change;

import java.time.LocalDate;
import java.util.List;

/**
 * An election recorded ({@link OrgChanges#recordElection}).
 *
 * @param org the org that held it
 * @param electedOn the day its new term began
 * @param hasCommittee whether a committee was elected
 * @param assigned the offices given that were not held before
 * @param removed the offices that ended (held before, not given again)
 */
public record Election(String org, LocalDate electedOn, boolean hasCommittee, List<HeldRole> assigned,
		List<HeldRole> removed) {

	public Election {
		assigned = List.copyOf(assigned);
		removed = List.copyOf(removed);
	}

}
