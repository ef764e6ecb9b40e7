package org.partygraph.queries.pattern;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.structure.Structure;

/**
 * The pattern figures of {@link PatternQueries#summary(String)} computed in memory on a
 * {@link Structure}, as the what-if engine needs them for a structure that is not stored: the same
 * 13 metrics, the same definitions and the same reading of {@code within} (see
 * {@link PatternQueries}):
 * <ul>
 * <li>org-based figures count the orgs in the within org's subtree through {@code parent}, the
 * within org included;</li>
 * <li>{@code baseMembers} counts the structure's members whose membership org is in that subtree
 * (a member the structure does not hold does not count);</li>
 * <li>unit-based figures count the units located through one or more {@code locatedIn} steps in a
 * unit, not themselves, that the within org is set up in; {@code enterprisesWithOrg} and
 * {@code upgradedToGeneralBranch} need an in-scope org set up in the in-scope unit.</li>
 * </ul>
 * {@code null} within means everything; a within id the structure does not hold gives all zeros.
 * Cycles through {@code parent} or {@code locatedIn} end a walk instead of looping.
 *
 * <p>
 * Time is linear in the structure: one pass over the units, one over the orgs in scope and one
 * over the direct members of the in-scope orgs set up in a leading enterprise.
 */
public final class PatternFigures {

	private PatternFigures() {
	}

	/**
	 * The 13 pattern metrics, flat, in the order of {@link PatternQueries#METRIC_KEYS} (pattern
	 * order, then the contract's key order). Usable as the what-if engine's
	 * {@code BiFunction<Structure, String, List<Metric>>} ({@code PatternFigures::of}).
	 * @param structure the org structure; its orgs and units complete, its members possibly only
	 * those of a subtree
	 * @param withinOrgId the org whose subtree to count in, {@code null} for everything
	 */
	public static List<Metric> of(Structure structure, String withinOrgId) {
		Map<String, Double> figures = new Counter(structure, withinOrgId).figures();
		List<Metric> metrics = new ArrayList<>(figures.size());
		PatternQueries.METRIC_KEYS.values()
			.forEach((keys) -> keys.forEach((key) -> metrics.add(new Metric(key, figures.getOrDefault(key, 0.0)))));
		return List.copyOf(metrics);
	}

	/** The same figures per pattern, as {@link PatternQueries#summary(String)} returns them. */
	public static List<PatternSummary> summary(Structure structure, String withinOrgId) {
		Map<String, Double> figures = new Counter(structure, withinOrgId).figures();
		List<PatternSummary> summaries = new ArrayList<>();
		PatternQueries.METRIC_KEYS.forEach((pattern, keys) -> summaries.add(new PatternSummary(pattern,
				keys.stream().map((key) -> new Metric(key, figures.getOrDefault(key, 0.0))).toList())));
		return List.copyOf(summaries);
	}

	/** One computation: the scopes, then one pass over the units and one over the in-scope orgs. */
	private static final class Counter {

		private final Structure structure;

		private final String within;

		/** Ids of the in-scope orgs; {@code null} when everything is in scope. */
		private final Set<String> orgScope;

		/** Ids of the in-scope units; {@code null} when everything is in scope. */
		private final Set<String> unitScope;

		Counter(Structure structure, String within) {
			this.structure = structure;
			this.within = within;
			if (within == null) {
				this.orgScope = null;
				this.unitScope = null;
			}
			else {
				this.orgScope = orgScope(structure, within);
				this.unitScope = unitScope(structure, structure.org(within));
			}
		}

		Map<String, Double> figures() {
			Map<String, Double> figures = new HashMap<>();
			if (this.within != null && this.structure.org(this.within) == null) {
				return figures; // unknown within: all zeros
			}
			// One pass over the in-scope orgs.
			Set<String> setUpByScopedOrg = new HashSet<>();
			Set<String> setUpByScopedGeneralBranch = new HashSet<>();
			Set<String> baseMembers = new HashSet<>();
			Set<String> generalBranchTownships = new HashSet<>();
			Set<String> branchTownships = new HashSet<>();
			long coManaged = 0;
			long parkBranches = 0;
			long cooperativeOrgs = 0;
			long tradeBranches = 0;
			for (Org org : scopedOrgs()) {
				Set<String> leadingEnterprises = new HashSet<>();
				boolean industry = false;
				boolean park = false;
				boolean cooperative = false;
				for (String unitId : org.units()) {
					Unit unit = this.structure.unit(unitId);
					if (unit == null) {
						continue; // no SET_UP_IN to a unit that is not there
					}
					setUpByScopedOrg.add(unitId);
					if (org.kind() == OrgKind.GENERAL_BRANCH) {
						setUpByScopedGeneralBranch.add(unitId);
					}
					if (isLeadingEnterprise(unit)) {
						leadingEnterprises.add(unitId);
					}
					industry |= unit.kind() == UnitKind.INDUSTRY;
					park |= unit.kind() == UnitKind.PARK;
					cooperative |= unit.kind() == UnitKind.COOPERATIVE;
				}
				// ENTERPRISE_BASE
				if (!leadingEnterprises.isEmpty()) {
					for (Member member : this.structure.directMembers(org.id())) {
						Unit base = (member.unit() != null) ? this.structure.unit(member.unit()) : null;
						if (base != null && base.kind() == UnitKind.PRODUCTION_BASE && base.supplies() != null
								&& leadingEnterprises.contains(base.supplies())) {
							baseMembers.add(member.id());
						}
					}
					if (org.coManagedBy().stream().map(this.structure::org)
						.anyMatch((c) -> c != null && c.kind() == OrgKind.TOWNSHIP_COMMITTEE)) {
						coManaged++;
					}
				}
				// INDUSTRY_PARK
				Org parent = (org.parent() != null) ? this.structure.org(org.parent()) : null;
				if (industry && parent != null && parent.kind() == OrgKind.TOWNSHIP_COMMITTEE) {
					if (org.kind() == OrgKind.GENERAL_BRANCH) {
						generalBranchTownships.add(parent.id());
					}
					else if (org.kind() == OrgKind.BRANCH) {
						branchTownships.add(parent.id());
					}
				}
				if (park && org.kind().isBranch()) {
					parkBranches++;
				}
				// VILLAGE_COOPERATIVE
				if (cooperative) {
					cooperativeOrgs++;
				}
				// VILLAGE_TRADE_BRANCH
				if (org.kind() == OrgKind.BRANCH && org.trade() != null && parent != null
						&& parent.kind() == OrgKind.GENERAL_BRANCH && parent.units()
							.stream()
							.map(this.structure::unit)
							.anyMatch((u) -> u != null && u.kind() == UnitKind.VILLAGE)) {
					tradeBranches++;
				}
			}
			// One pass over the units.
			long leadingEnterprises = 0;
			long enterprisesWithOrg = 0;
			long cooperatives = 0;
			long householdsDriven = 0;
			long clusterVillages = 0;
			long upgradedToGeneralBranch = 0;
			for (Unit unit : units(this.structure)) {
				if (unit.kind() == UnitKind.COOPERATIVE && setUpByScopedOrg.contains(unit.id())
						&& unit.householdsDriven() != null) {
					householdsDriven += unit.householdsDriven(); // not scoped by location
				}
				if (!inUnitScope(unit)) {
					continue;
				}
				if (isLeadingEnterprise(unit)) {
					leadingEnterprises++;
					if (setUpByScopedOrg.contains(unit.id())) {
						enterprisesWithOrg++;
					}
				}
				else if (unit.kind() == UnitKind.COOPERATIVE) {
					cooperatives++;
				}
				else if (unit.kind() == UnitKind.VILLAGE && unit.isIndustryCluster()) {
					clusterVillages++;
					if (setUpByScopedGeneralBranch.contains(unit.id())) {
						upgradedToGeneralBranch++;
					}
				}
			}
			figures.put("leadingEnterprises", (double) leadingEnterprises);
			figures.put("enterprisesWithOrg", (double) enterprisesWithOrg);
			figures.put("baseMembers", (double) baseMembers.size());
			figures.put("coManaged", (double) coManaged);
			figures.put("townshipsWithIndustryGeneralBranch", (double) generalBranchTownships.size());
			figures.put("townshipsWithIndustryBranch", (double) branchTownships.size());
			figures.put("parkBranches", (double) parkBranches);
			figures.put("cooperatives", (double) cooperatives);
			figures.put("cooperativeOrgs", (double) cooperativeOrgs);
			figures.put("householdsDriven", (double) householdsDriven);
			figures.put("clusterVillages", (double) clusterVillages);
			figures.put("upgradedToGeneralBranch", (double) upgradedToGeneralBranch);
			figures.put("tradeBranches", (double) tradeBranches);
			return figures;
		}

		private Collection<Org> scopedOrgs() {
			if (this.orgScope == null) {
				return this.structure.orgs();
			}
			List<Org> orgs = new ArrayList<>(this.orgScope.size());
			this.orgScope.forEach((id) -> orgs.add(this.structure.org(id)));
			return orgs;
		}

		private boolean inUnitScope(Unit unit) {
			return this.unitScope == null || this.unitScope.contains(unit.id());
		}

		private static boolean isLeadingEnterprise(Unit unit) {
			return unit.kind() == UnitKind.ENTERPRISE && unit.isLeading();
		}

		/** The within org and every org whose parent chain reaches it (cycle-safe: each org once). */
		private static Set<String> orgScope(Structure structure, String within) {
			Set<String> scope = new HashSet<>();
			structure.subtree(within).forEach((o) -> scope.add(o.id()));
			return scope;
		}

		/**
		 * The units U with a unit S that the within org is set up in, S not U, reached from U through
		 * one or more locatedIn steps: found by walking down from each S through the units located
		 * in it. Each walk visits a unit once, so a locatedIn cycle ends it; S itself, met again
		 * round a cycle, is not added for that S.
		 */
		private static Set<String> unitScope(Structure structure, Org within) {
			Set<String> scope = new HashSet<>();
			if (within == null || within.units().isEmpty()) {
				return scope;
			}
			Map<String, List<String>> locatedHere = new HashMap<>();
			for (Unit unit : units(structure)) {
				if (unit.locatedIn() != null && structure.unit(unit.locatedIn()) != null) {
					locatedHere.computeIfAbsent(unit.locatedIn(), (k) -> new ArrayList<>()).add(unit.id());
				}
			}
			for (String setUpIn : new HashSet<>(within.units())) {
				if (structure.unit(setUpIn) == null) {
					continue;
				}
				Set<String> seen = new HashSet<>();
				Deque<String> queue = new ArrayDeque<>();
				queue.add(setUpIn);
				while (!queue.isEmpty()) {
					for (String inside : locatedHere.getOrDefault(queue.poll(), List.of())) {
						if (seen.add(inside)) {
							if (!inside.equals(setUpIn)) {
								scope.add(inside);
							}
							queue.add(inside);
						}
					}
				}
			}
			return scope;
		}

		/** The structure's units, each id once (the one the structure holds). */
		private static List<Unit> units(Structure structure) {
			Dataset dataset = structure.dataset();
			List<Unit> units = new ArrayList<>(dataset.units().size());
			for (Unit unit : dataset.units()) {
				if (structure.unit(unit.id()) == unit) {
					units.add(unit);
				}
			}
			return units;
		}

	}

}
