package org.partygraph.seed;

import java.util.List;

import org.partygraph.model.Member;

/**
 * The members just enrolled into one org, and what the setup rules need to know about them.
 *
 * @param members the members, officers first
 * @param fullMembers how many of them are full members
 * @param hasCommittee whether the org elected a committee (the value for {@code Org.hasCommittee})
 */
record Roster(List<Member> members, int fullMembers, boolean hasCommittee) {

	Roster {
		members = List.copyOf(members);
	}

}
