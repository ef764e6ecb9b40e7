package org.partygraph.queries.structure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Unit;

/**
 * An org structure held in memory with the indexes the rule checks, pattern figures and what-if
 * engine need: children, subtree member counts, office holders. Built once from a
 * {@link Dataset}; read-only.
 *
 * <p>
 * The dataset may be a part of the stored graph (a subtree): members whose org is not among its
 * orgs count nowhere but still hold their offices; references to orgs outside are kept as ids.
 */
public final class Structure {

	/** Deeper than any real hierarchy; stops a walk up a (never expected) loop. */
	private static final int MAX_DEPTH = 64;

	private final Dataset dataset;

	private final Map<String, Org> orgs = new LinkedHashMap<>();

	private final Map<String, Unit> units = new HashMap<>();

	private final Map<String, Member> members = new LinkedHashMap<>();

	private final Map<String, List<Org>> children = new HashMap<>();

	private final Map<String, List<Member>> direct = new HashMap<>();

	private final Map<String, int[]> counts = new HashMap<>();

	private final Map<String, List<Member>> secretaries = new HashMap<>();

	// adjacentTo both ways: a pair listed on either unit
	private final Map<String, java.util.Set<String>> adjacent = new HashMap<>();

	private Structure(Dataset dataset) {
		this.dataset = dataset;
		dataset.orgs().forEach((o) -> this.orgs.put(o.id(), o));
		dataset.units().forEach((u) -> this.units.put(u.id(), u));
		for (Unit unit : dataset.units()) {
			for (String other : unit.adjacentTo()) {
				this.adjacent.computeIfAbsent(unit.id(), (k) -> new java.util.TreeSet<>()).add(other);
				this.adjacent.computeIfAbsent(other, (k) -> new java.util.TreeSet<>()).add(unit.id());
			}
		}
		dataset.members().forEach((m) -> this.members.put(m.id(), m));
		Comparator<Org> byName = Comparator.comparing(Org::name).thenComparing(Org::id);
		for (Org org : dataset.orgs()) {
			if (org.parent() != null && this.orgs.containsKey(org.parent())) {
				this.children.computeIfAbsent(org.parent(), (k) -> new ArrayList<>()).add(org);
			}
		}
		this.children.values().forEach((list) -> list.sort(byName));
		for (Member member : dataset.members()) {
			for (RoleAssignment role : member.roles()) {
				if (role.role() == Role.SECRETARY) {
					this.secretaries.computeIfAbsent(role.org(), (k) -> new ArrayList<>()).add(member);
				}
			}
			if (!this.orgs.containsKey(member.org())) {
				continue;
			}
			this.direct.computeIfAbsent(member.org(), (k) -> new ArrayList<>()).add(member);
			if (member.group() != null) {
				add(member.group(), member);
			}
			String at = member.org();
			for (int depth = 0; at != null && depth < MAX_DEPTH; depth++) {
				Org org = this.orgs.get(at);
				if (org == null) {
					break;
				}
				if (org.kind() != OrgKind.PARTY_GROUP) {
					add(at, member);
				}
				at = org.parent();
			}
		}
	}

	public static Structure of(Dataset dataset) {
		return new Structure(dataset);
	}

	private void add(String orgId, Member member) {
		int[] c = this.counts.computeIfAbsent(orgId, (k) -> new int[2]);
		c[0]++;
		if (member.isFull()) {
			c[1]++;
		}
	}

	public Dataset dataset() {
		return this.dataset;
	}

	public Collection<Org> orgs() {
		return this.orgs.values();
	}

	public Org org(String id) {
		return this.orgs.get(id);
	}

	public Unit unit(String id) {
		return this.units.get(id);
	}

	public Member member(String id) {
		return this.members.get(id);
	}

	/** Orgs directly below, by name. */
	public List<Org> children(String orgId) {
		return this.children.getOrDefault(orgId, List.of());
	}

	/** Members whose membership is this org itself. */
	public List<Member> directMembers(String orgId) {
		return this.direct.getOrDefault(orgId, List.of());
	}

	/** As the API's memberCount: the subtree through parent, or a party group's assigned members. */
	public int memberCount(String orgId) {
		int[] c = this.counts.get(orgId);
		return (c != null) ? c[0] : 0;
	}

	public int fullMemberCount(String orgId) {
		int[] c = this.counts.get(orgId);
		return (c != null) ? c[1] : 0;
	}

	/** Members holding SECRETARY at the org, wherever their own membership is. */
	public List<Member> secretaries(String orgId) {
		return this.secretaries.getOrDefault(orgId, List.of());
	}

	/** The org and everything below it through parent, breadth first. */
	public List<Org> subtree(String rootId) {
		List<Org> result = new ArrayList<>();
		Org root = this.orgs.get(rootId);
		if (root == null) {
			return result;
		}
		Set<String> seen = new HashSet<>();
		result.add(root);
		seen.add(root.id());
		for (int i = 0; i < result.size(); i++) {
			for (Org child : children(result.get(i).id())) {
				if (seen.add(child.id())) {
					result.add(child);
				}
			}
		}
		return result;
	}

	/** The units next to a unit (adjacency goes both ways), by id; empty when none is recorded. */
	public java.util.Set<String> adjacentUnits(String unitId) {
		return this.adjacent.getOrDefault(unitId, java.util.Set.of());
	}

	/** Whether one of the orgs' units is next to one of the other's. */
	public boolean areAdjacent(Org org, Org other) {
		return org.units().stream().anyMatch((u) -> other.units().stream().anyMatch(adjacentUnits(u)::contains));
	}

	/** Whether {@code orgId} is {@code rootId} or lies under it (in this structure). */
	public boolean isInSubtree(String orgId, String rootId) {
		return orgId.equals(rootId) || ancestors(orgId).stream().anyMatch((a) -> a.id().equals(rootId));
	}

	/** Parents up to the root, nearest first (only those held in this structure). */
	public List<Org> ancestors(String orgId) {
		List<Org> result = new ArrayList<>();
		Org org = this.orgs.get(orgId);
		for (int depth = 0; org != null && org.parent() != null && depth < MAX_DEPTH; depth++) {
			org = this.orgs.get(org.parent());
			if (org != null) {
				result.add(org);
			}
		}
		return result;
	}

	/**
	 * The TOWNSHIP unit a unit lies in: itself when it is one, else the nearest TOWNSHIP through
	 * locatedIn; {@code null} when there is none (a county-level unit) or the unit is unknown.
	 */
	public Unit townshipOf(String unitId) {
		Unit unit = this.units.get(unitId);
		for (int depth = 0; unit != null && depth < MAX_DEPTH; depth++) {
			if (unit.kind() == org.partygraph.model.UnitKind.TOWNSHIP) {
				return unit;
			}
			unit = (unit.locatedIn() != null) ? this.units.get(unit.locatedIn()) : null;
		}
		return null;
	}

	/** Units located in {@code unitId} through locatedIn at any depth (itself excluded). */
	public boolean isLocatedIn(String unitId, String containerId) {
		Unit unit = this.units.get(unitId);
		for (int depth = 0; unit != null && unit.locatedIn() != null && depth < MAX_DEPTH; depth++) {
			if (unit.locatedIn().equals(containerId)) {
				return true;
			}
			unit = this.units.get(unit.locatedIn());
		}
		return false;
	}

}
