package org.partygraph.queries.change;

import java.util.List;

/**
 * What {@link OrgChanges#dissolveOrg} did.
 *
 * @param org the dissolved org, now gone
 * @param parent its former parent, which took its children ({@code null} for a root without
 * children)
 * @param target the org its members moved to ({@code null} when it had none and none was given)
 * @param membersMoved ids of the members whose membership moved to {@code target}, sorted
 * @param childrenMoved ids of its children, now under {@code parent}, sorted
 * @param rolesEnded roles (HOLDS) that were held at it
 * @param groupAssignmentsEnded IN_GROUP assignments ended: those to it (a party group) and those of
 * moved members whose group no longer sits under their new org
 * @param participationsEnded PARTICIPATES_IN edges that pointed at it
 */
public record OrgDissolved(String org, String parent, String target, List<String> membersMoved,
		List<String> childrenMoved, int rolesEnded, int groupAssignmentsEnded, int participationsEnded) {

	public OrgDissolved {
		membersMoved = List.copyOf(membersMoved);
		childrenMoved = List.copyOf(childrenMoved);
	}

}
