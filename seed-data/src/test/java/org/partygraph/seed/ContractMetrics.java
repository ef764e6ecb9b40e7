package org.partygraph.seed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.partygraph.model.Dataset;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * The county-wide {@code patternSummary} metrics computed straight from a dataset's records,
 * following docs/contract.md section 2 word for word, independently of the generator.
 */
final class ContractMetrics {

	private final Dataset dataset;

	private final Map<String, Unit> units;

	private final Map<String, Org> orgs;

	ContractMetrics(Dataset dataset) {
		this.dataset = dataset;
		this.units = dataset.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
		this.orgs = dataset.orgs().stream().collect(Collectors.toMap(Org::id, Function.identity()));
	}

	Map<String, Long> all() {
		Map<String, Long> metrics = new LinkedHashMap<>();
		Set<String> leading = this.dataset.units()
			.stream()
			.filter((u) -> u.kind() == UnitKind.ENTERPRISE && Boolean.TRUE.equals(u.leading()))
			.map(Unit::id)
			.collect(Collectors.toSet());
		metrics.put("leadingEnterprises", (long) leading.size());
		metrics.put("enterprisesWithOrg",
				leading.stream().filter((e) -> this.dataset.orgs().stream().anyMatch((o) -> o.units().contains(e))).count());
		// members whose membership org is set up in a leading enterprise E and whose unit is a base supplying E
		metrics.put("baseMembers", this.dataset.members().stream().filter((m) -> {
			Org org = this.orgs.get(m.org());
			Unit unit = (m.unit() != null) ? this.units.get(m.unit()) : null;
			return unit != null && unit.kind() == UnitKind.PRODUCTION_BASE && unit.supplies() != null
					&& leading.contains(unit.supplies()) && org.units().contains(unit.supplies());
		}).count());
		metrics.put("coManaged", this.dataset.orgs()
			.stream()
			.filter((o) -> o.units().stream().anyMatch(leading::contains))
			.filter((o) -> o.coManagedBy().stream().anyMatch((c) -> kind(c) == OrgKind.TOWNSHIP_COMMITTEE))
			.count());
		metrics.put("townshipsWithIndustryGeneralBranch", industryOrgParents(OrgKind.GENERAL_BRANCH));
		metrics.put("townshipsWithIndustryBranch", industryOrgParents(OrgKind.BRANCH));
		metrics.put("parkBranches",
				this.dataset.orgs()
					.stream()
					.filter((o) -> o.kind() == OrgKind.BRANCH || o.kind() == OrgKind.JOINT_BRANCH)
					.filter((o) -> setUpIn(o, UnitKind.PARK))
					.count());
		metrics.put("cooperatives", this.dataset.units().stream().filter((u) -> u.kind() == UnitKind.COOPERATIVE).count());
		metrics.put("cooperativeOrgs",
				this.dataset.orgs().stream().filter((o) -> setUpIn(o, UnitKind.COOPERATIVE)).count());
		// each cooperative once, however many orgs are set up in it
		metrics.put("householdsDriven", this.dataset.orgs()
			.stream()
			.flatMap((o) -> o.units().stream())
			.map(this.units::get)
			.filter((u) -> u.kind() == UnitKind.COOPERATIVE)
			.distinct()
			.mapToLong((u) -> (u.householdsDriven() != null) ? u.householdsDriven() : 0)
			.sum());
		Set<String> clusterVillages = this.dataset.units()
			.stream()
			.filter((u) -> u.kind() == UnitKind.VILLAGE && Boolean.TRUE.equals(u.industryCluster()))
			.map(Unit::id)
			.collect(Collectors.toSet());
		metrics.put("clusterVillages", (long) clusterVillages.size());
		metrics.put("upgradedToGeneralBranch", clusterVillages.stream()
			.filter((v) -> this.dataset.orgs()
				.stream()
				.anyMatch((o) -> o.kind() == OrgKind.GENERAL_BRANCH && o.units().contains(v)))
			.count());
		metrics.put("tradeBranches", this.dataset.orgs()
			.stream()
			.filter((o) -> o.kind() == OrgKind.BRANCH && o.trade() != null && o.parent() != null)
			.filter((o) -> {
				Org parent = this.orgs.get(o.parent());
				return parent.kind() == OrgKind.GENERAL_BRANCH && setUpIn(parent, UnitKind.VILLAGE);
			})
			.count());
		return metrics;
	}

	/** An industry org: set up in an INDUSTRY unit, its parent a TOWNSHIP_COMMITTEE. */
	boolean isIndustryOrg(Org org) {
		return setUpIn(org, UnitKind.INDUSTRY) && org.parent() != null
				&& kind(org.parent()) == OrgKind.TOWNSHIP_COMMITTEE;
	}

	private long industryOrgParents(OrgKind kind) {
		return this.dataset.orgs()
			.stream()
			.filter((o) -> o.kind() == kind && isIndustryOrg(o))
			.map(Org::parent)
			.filter(Objects::nonNull)
			.distinct()
			.count();
	}

	private boolean setUpIn(Org org, UnitKind kind) {
		return org.units().stream().anyMatch((u) -> this.units.get(u).kind() == kind);
	}

	private OrgKind kind(String org) {
		return this.orgs.get(org).kind();
	}

}
