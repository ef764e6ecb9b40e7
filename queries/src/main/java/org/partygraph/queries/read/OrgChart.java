package org.partygraph.queries.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.partygraph.queries.change.AwayRecord;
import org.partygraph.queries.change.DispatchRecord;

/**
 * An org chart ready to draw: the orgs of a subtree, the orgs co-managing them and the units they
 * are set up in as nodes; subordination, co-management, set-up-in and first secretaries'
 * dispatches (第一書記, from the dispatching org to the village's org) and mobile members (流動黨員,
 * from the home org to the org flowed in at) as edges.
 *
 * @param nodes every node once
 * @param edges every edge once, both ends among the nodes
 */
public record OrgChart(List<Node> nodes, List<Edge> edges) {

	/** The kind of the edges from a dispatching org to the village's org its first secretaries serve. */
	public static final String DISPATCH = "DISPATCH";

	/** The kind of the edges from a mobile member's home org to the org they flow in at (流動黨員). */
	public static final String AWAY = "AWAY";

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
	 * This chart with a {@code DISPATCH} edge from each dispatching org to each village's org it
	 * has first secretaries serving, counted, after the other edges: the village among the orgs
	 * of the subtree (not an outside co-manager), the dispatching org among the orgs drawn (in the
	 * subtree or an outside co-manager). Dispatches with no dispatching org recorded, or either end
	 * not drawn, draw nothing. The villages come in the order of the nodes, each one's dispatching
	 * orgs by their first secretary's first day, then member id.
	 * @param serving the dispatches serving on the chart's day
	 */
	public OrgChart withDispatches(Collection<DispatchRecord> serving) {
		if (serving.isEmpty()) {
			return this;
		}
		Set<String> orgs = orgIds(false);
		Set<String> inTree = orgIds(true);
		Map<String, List<DispatchRecord>> byVillage = serving.stream()
			.filter((d) -> d.by() != null && orgs.contains(d.by()) && inTree.contains(d.village()))
			.sorted(Comparator.comparing(DispatchRecord::from).thenComparing(DispatchRecord::member))
			.collect(Collectors.groupingBy(DispatchRecord::village, LinkedHashMap::new, Collectors.toList()));
		if (byVillage.isEmpty()) {
			return this;
		}
		List<Edge> edges = new ArrayList<>(this.edges);
		for (Node node : this.nodes) {
			Map<String, Integer> counts = new LinkedHashMap<>();
			byVillage.getOrDefault(node.id(), List.of()).forEach((d) -> counts.merge(d.by(), 1, Integer::sum));
			counts.forEach((by, count) -> edges.add(new Edge(by, node.id(), DISPATCH, count)));
		}
		return new OrgChart(this.nodes, edges);
	}

	/**
	 * This chart with an {@code AWAY} edge from each home org to each org its members flow in at
	 * (流動黨員), counting the members away there, after the other edges: the org flowed in at among
	 * the orgs of the subtree (not an outside co-manager), the home org among the orgs drawn (in
	 * the subtree or an outside co-manager). A member counts once per pair however many of their
	 * times away the list holds; times away whose home is unknown or not drawn draw nothing. The
	 * hosts come in the order of the nodes, each one's home orgs by their first member's first day,
	 * then member id.
	 * @param away the times away running on the chart's day (at orgs of the subtree)
	 */
	public OrgChart withAway(Collection<AwayRecord> away) {
		if (away.isEmpty()) {
			return this;
		}
		Set<String> orgs = orgIds(false);
		Set<String> inTree = orgIds(true);
		Map<String, List<AwayRecord>> byHost = away.stream()
			.filter((a) -> a.home() != null && !a.home().equals(a.at()) && orgs.contains(a.home())
					&& inTree.contains(a.at()))
			.sorted(Comparator.comparing(AwayRecord::from).thenComparing(AwayRecord::member))
			.collect(Collectors.groupingBy(AwayRecord::at, LinkedHashMap::new, Collectors.toList()));
		if (byHost.isEmpty()) {
			return this;
		}
		List<Edge> edges = new ArrayList<>(this.edges);
		for (Node node : this.nodes) {
			Map<String, Set<String>> members = new LinkedHashMap<>();
			byHost.getOrDefault(node.id(), List.of())
				.forEach((a) -> members.computeIfAbsent(a.home(), (k) -> new java.util.HashSet<>()).add(a.member()));
			members.forEach((home, who) -> edges.add(new Edge(home, node.id(), AWAY, who.size())));
		}
		return new OrgChart(this.nodes, edges);
	}

	/**
	 * A drawn relation.
	 *
	 * @param source the org the relation starts at (the child, the co-managed org, the org set up,
	 * the dispatching org, the mobile members' home org)
	 * @param target the parent, the co-manager, the unit, the village's org served, the org flowed in at
	 * @param kind SUBORDINATE_TO, CO_MANAGED_BY, SET_UP_IN, DISPATCH or AWAY
	 * @param count for DISPATCH, the source's first secretaries serving the target on the chart's
	 * day; for AWAY, the source's members away at the target that day (1 or more each);
	 * {@code null} for the other kinds
	 */
	public record Edge(String source, String target, String kind, Integer count) {

		/** An edge of a kind that counts nothing. */
		public Edge(String source, String target, String kind) {
			this(source, target, kind, null);
		}

	}

	/** The ids of the orgs drawn: all, or only those of the subtree (not an outside co-manager). */
	private Set<String> orgIds(boolean subtreeOnly) {
		return this.nodes.stream()
			.filter((n) -> !n.unit() && !(subtreeOnly && n.external()))
			.map(Node::id)
			.collect(Collectors.toSet());
	}

}
