package org.partygraph.queries.pattern;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * The pattern metrics computed in plain Java from a dataset's records, following docs/contract.md's
 * definitions word by word: the independent answer the Cypher of {@link PatternQueries} is checked
 * against. Scope as PatternQueries documents it: org-based figures over the within org's subtree,
 * member-based over members whose org is in it, unit-based over units located (one or more
 * {@code locatedIn} steps) in a unit, not themselves, that the within org is set up in.
 */
final class ContractFigures {

	private final Map<String, Unit> units;

	private final Map<String, Org> orgs;

	private final List<Member> members;

	private final Set<String> orgScope;

	private final Set<String> unitScope;

	private ContractFigures(Dataset dataset, String within) {
		this.units = dataset.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
		this.orgs = dataset.orgs().stream().collect(Collectors.toMap(Org::id, Function.identity()));
		this.members = dataset.members();
		if (within == null) {
			this.orgScope = this.orgs.keySet();
			this.unitScope = this.units.keySet();
		}
		else {
			this.orgScope = new HashSet<>();
			for (Org org : dataset.orgs()) {
				if (isAtOrBelow(org.id(), within)) {
					this.orgScope.add(org.id());
				}
			}
			Set<String> setUpIn = this.orgs.containsKey(within) ? Set.copyOf(this.orgs.get(within).units()) : Set.of();
			this.unitScope = new HashSet<>();
			for (Unit unit : dataset.units()) {
				if (locatedInOneOf(unit, setUpIn)) {
					this.unitScope.add(unit.id());
				}
			}
		}
	}

	/** Every metric key with its value, in the contract's order. */
	static Map<String, Double> of(Dataset dataset, String within) {
		return new ContractFigures(dataset, within).figures();
	}

	private Map<String, Double> figures() {
		Map<String, Double> figures = new LinkedHashMap<>();
		// ENTERPRISE_BASE
		List<Unit> leading = this.units.values()
			.stream()
			.filter((u) -> u.kind() == UnitKind.ENTERPRISE && u.isLeading() && this.unitScope.contains(u.id()))
			.toList();
		figures.put("leadingEnterprises", (double) leading.size());
		figures.put("enterprisesWithOrg",
				(double) leading.stream().filter((e) -> scopedOrgs().anyMatch((o) -> o.units().contains(e.id()))).count());
		figures.put("baseMembers", (double) this.members.stream().filter((m) -> this.orgScope.contains(m.org())).filter((m) -> {
			Org org = this.orgs.get(m.org());
			Unit base = (m.unit() != null) ? this.units.get(m.unit()) : null;
			return base != null && base.kind() == UnitKind.PRODUCTION_BASE && base.supplies() != null
					&& org.units().contains(base.supplies()) && isLeadingEnterprise(base.supplies());
		}).count());
		figures.put("coManaged", (double) scopedOrgs().filter((o) -> o.units().stream().anyMatch(this::isLeadingEnterprise))
			.filter((o) -> o.coManagedBy().stream().anyMatch((c) -> this.orgs.get(c).kind() == OrgKind.TOWNSHIP_COMMITTEE))
			.count());
		// INDUSTRY_PARK
		Map<OrgKind, Set<String>> townships = new HashMap<>();
		scopedOrgs().filter((o) -> o.units().stream().anyMatch((u) -> this.units.get(u).kind() == UnitKind.INDUSTRY))
			.filter((o) -> o.parent() != null && this.orgs.get(o.parent()).kind() == OrgKind.TOWNSHIP_COMMITTEE)
			.forEach((o) -> townships.computeIfAbsent(o.kind(), (k) -> new HashSet<>()).add(o.parent()));
		figures.put("townshipsWithIndustryGeneralBranch",
				(double) townships.getOrDefault(OrgKind.GENERAL_BRANCH, Set.of()).size());
		figures.put("townshipsWithIndustryBranch", (double) townships.getOrDefault(OrgKind.BRANCH, Set.of()).size());
		figures.put("parkBranches", (double) scopedOrgs().filter((o) -> o.kind().isBranch())
			.filter((o) -> o.units().stream().anyMatch((u) -> this.units.get(u).kind() == UnitKind.PARK))
			.count());
		// VILLAGE_COOPERATIVE
		figures.put("cooperatives", (double) this.units.values()
			.stream()
			.filter((u) -> u.kind() == UnitKind.COOPERATIVE && this.unitScope.contains(u.id()))
			.count());
		figures.put("cooperativeOrgs", (double) scopedOrgs()
			.filter((o) -> o.units().stream().anyMatch((u) -> this.units.get(u).kind() == UnitKind.COOPERATIVE))
			.count());
		Set<String> organized = new HashSet<>();
		scopedOrgs().forEach((o) -> o.units()
			.stream()
			.filter((u) -> this.units.get(u).kind() == UnitKind.COOPERATIVE)
			.forEach(organized::add));
		figures.put("householdsDriven", organized.stream()
			.map(this.units::get)
			.mapToDouble((c) -> (c.householdsDriven() != null) ? c.householdsDriven() : 0)
			.sum());
		// VILLAGE_TRADE_BRANCH
		List<Unit> cluster = this.units.values()
			.stream()
			.filter((u) -> u.kind() == UnitKind.VILLAGE && u.isIndustryCluster() && this.unitScope.contains(u.id()))
			.toList();
		figures.put("clusterVillages", (double) cluster.size());
		figures.put("upgradedToGeneralBranch", (double) cluster.stream()
			.filter((v) -> scopedOrgs().anyMatch((o) -> o.kind() == OrgKind.GENERAL_BRANCH && o.units().contains(v.id())))
			.count());
		figures.put("tradeBranches", (double) scopedOrgs().filter((o) -> o.kind() == OrgKind.BRANCH && o.trade() != null)
			.filter((o) -> {
				Org parent = (o.parent() != null) ? this.orgs.get(o.parent()) : null;
				return parent != null && parent.kind() == OrgKind.GENERAL_BRANCH
						&& parent.units().stream().anyMatch((u) -> this.units.get(u).kind() == UnitKind.VILLAGE);
			})
			.count());
		return figures;
	}

	private java.util.stream.Stream<Org> scopedOrgs() {
		return this.orgs.values().stream().filter((o) -> this.orgScope.contains(o.id()));
	}

	private boolean isLeadingEnterprise(String unitId) {
		Unit unit = this.units.get(unitId);
		return unit.kind() == UnitKind.ENTERPRISE && unit.isLeading();
	}

	private boolean isAtOrBelow(String orgId, String ancestor) {
		Set<String> seen = new HashSet<>();
		for (String id = orgId; id != null && seen.add(id); id = this.orgs.get(id).parent()) {
			if (id.equals(ancestor)) {
				return true;
			}
		}
		return false;
	}

	/** Walks locatedIn from the unit (at least one step, stopping at a repeat) looking for another set-up unit. */
	private boolean locatedInOneOf(Unit unit, Set<String> setUpIn) {
		Set<String> seen = new HashSet<>();
		for (String id = unit.locatedIn(); id != null && seen.add(id); id = this.units.get(id).locatedIn()) {
			if (setUpIn.contains(id) && !id.equals(unit.id())) {
				return true;
			}
		}
		return false;
	}

}
