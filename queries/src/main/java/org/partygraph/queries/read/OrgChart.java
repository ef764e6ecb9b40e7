package org.partygraph.queries.read;

import java.util.List;

/**
 * An org chart ready to draw: the orgs of a subtree, the orgs co-managing them and the units they
 * are set up in as nodes; subordination, co-management and set-up-in as edges.
 *
 * @param nodes every node once
 * @param edges every edge once, both ends among the nodes
 */
public record OrgChart(List<Node> nodes, List<Edge> edges) {

	/**
	 * A drawn org or unit.
	 *
	 * @param id the org's or unit's id
	 * @param label its name
	 * @param kind the org kind or unit kind
	 * @param unit whether it is a unit rather than an org
	 * @param memberCount members in its subtree (0 for units)
	 * @param fullMemberCount full members in its subtree (0 for units)
	 * @param depth levels below the chart's root; -1 for nodes outside the subtree
	 * @param parent the parent org's id, when the parent is drawn
	 * @param childCount orgs directly below it, drawn or not (for drill-down)
	 * @param external whether it lies outside the subtree (a co-manager elsewhere)
	 */
	public record Node(String id, String label, String kind, boolean unit, int memberCount, int fullMemberCount,
			int depth, String parent, int childCount, boolean external) {
	}

	/**
	 * A drawn relation.
	 *
	 * @param source the org the relation starts at (the child, the co-managed org, the org set up)
	 * @param target the parent, the co-manager, the unit
	 * @param kind SUBORDINATE_TO, CO_MANAGED_BY or SET_UP_IN
	 */
	public record Edge(String source, String target, String kind) {
	}

}
