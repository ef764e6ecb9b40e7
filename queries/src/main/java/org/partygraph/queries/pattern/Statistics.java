package org.partygraph.queries.pattern;

import java.util.List;

/**
 * The size and shape of an org tree (the whole graph, or one org's subtree): orgs and members
 * counted several ways, and the tree's levels. Counts with nothing to count are left out of the
 * lists; an unknown within org gives {@link #EMPTY}.
 *
 * @param orgs orgs in the tree
 * @param members members whose membership org is in the tree
 * @param orgsByKind orgs per kind, in kind order (highest first)
 * @param membersByStatus members per status, FULL first
 * @param membersByTrade members per trade in trade order, those with none last under
 * {@code NONE}
 * @param membersByTownship members per name of the nearest TOWNSHIP_COMMITTEE at or above their
 * membership org (even one above the within org), by name; those under no township last under
 * {@code (none)}
 * @param depth how many levels there are below the root level (0 for a lone org)
 * @param levels the levels from the root down
 */
public record Statistics(int orgs, int members, List<Count> orgsByKind, List<Count> membersByStatus,
		List<Count> membersByTrade, List<Count> membersByTownship, int depth, List<Level> levels) {

	/** Nothing at all: the statistics of an unknown org. */
	public static final Statistics EMPTY = new Statistics(0, 0, List.of(), List.of(), List.of(), List.of(), 0,
			List.of());

	public Statistics {
		orgsByKind = List.copyOf(orgsByKind);
		membersByStatus = List.copyOf(membersByStatus);
		membersByTrade = List.copyOf(membersByTrade);
		membersByTownship = List.copyOf(membersByTownship);
		levels = List.copyOf(levels);
	}

}
