package org.partygraph.seed;

import java.util.ArrayList;
import java.util.List;

import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * Lays out the territorial frame: the county, its townships, villages and industries as units,
 * and the county committee, the non-public-economy working committee and the township committees
 * with the office branches their officers belong to.
 */
final class TerritoryBuilder {

	/** The three villages the report names, with stable short ids. */
	private static final List<String[]> NAMED_VILLAGES = List.of(
			new String[] { "hbt", HuairenCounty.XIAZHAI_VILLAGE, "下寨村" },
			new String[] { "xjy", HuairenCounty.LUZHUANG_VILLAGE, "路莊村" },
			new String[] { "jst", HuairenCounty.YANFENGYING_VILLAGE, "鹽豐營村" });

	/** Industries that cluster villages concentrate on, sheep first as in the report. */
	private static final List<String> CLUSTER_INDUSTRIES = List.of(Industries.SHEEP, Industries.SHEEP,
			Industries.SHEEP, Industries.VEGETABLES, Industries.VEGETABLES, Industries.DAIRY, Industries.GRAINS);

	private final CountyDraft draft;

	TerritoryBuilder(CountyDraft draft) {
		this.draft = draft;
	}

	Territory build() {
		this.draft.add(new Unit(HuairenCounty.COUNTY_UNIT, UnitKind.COUNTY, HuairenCounty.NAME, null, null, null, null,
				null, null, null));
		for (Township township : Township.ALL) {
			this.draft.add(Unit.of(township.unitId(), UnitKind.TOWNSHIP, township.name(), HuairenCounty.COUNTY_UNIT));
		}
		Industries.ALL.forEach(this.draft::add);
		List<Village> villages = addVillages();
		addCommittees();
		return new Territory(villages);
	}

	private List<Village> addVillages() {
		VillageNames names = new VillageNames(this.draft.random());
		for (Township township : Township.ALL) {
			if (township.seatVillage() != null) {
				names.reserve(township.seatVillage());
			}
		}
		NAMED_VILLAGES.forEach((named) -> names.reserve(named[2]));
		List<Village> villages = new ArrayList<>();
		for (Township township : Township.ALL) {
			List<Village> own = villagesOf(township, names);
			for (int i = 0; i < own.size(); i++) {
				Village village = own.get(i);
				this.draft.add(new Unit(village.unitId(), UnitKind.VILLAGE, village.name(), village.township().unitId(),
						village.industry(), null, null, null, null, village.cluster(), neighbours(own, i)));
			}
			villages.addAll(own);
		}
		return villages;
	}

	/**
	 * The villages next to the i-th of a township (each pair listed once, on the earlier village).
	 * The report gives no map, so the sample's adjacency is made up, and plausible only: a township's
	 * villages lie along a road in list order (each next to the one after it), and the seat village,
	 * first, is also next to the third, as a seat usually borders more villages than the others.
	 */
	private static List<String> neighbours(List<Village> own, int i) {
		List<String> next = new ArrayList<>();
		if (i + 1 < own.size()) {
			next.add(own.get(i + 1).unitId());
		}
		if (i == 0 && own.size() > 2) {
			next.add(own.get(2).unitId());
		}
		return next;
	}

	/** The township's villages: its seat first, then the named one, then generated names. */
	private List<Village> villagesOf(Township township, VillageNames names) {
		List<String[]> slots = new ArrayList<>();
		int number = 0;
		if (township.seatVillage() != null) {
			slots.add(new String[] { villageId(township, ++number), township.seatVillage() });
		}
		String[] named = NAMED_VILLAGES.stream().filter((n) -> n[0].equals(township.code())).findFirst().orElse(null);
		if (named != null) {
			slots.add(new String[] { named[1], named[2] });
		}
		while (slots.size() < township.villages()) {
			slots.add(new String[] { villageId(township, ++number), names.next() });
		}
		// the named village is a cluster village upgraded to a general branch (the report says so);
		// the others are drawn, keeping the planted rule breaks in ordinary villages
		List<String> clusterIds = new ArrayList<>();
		List<String> candidates = new ArrayList<>();
		for (String[] slot : slots) {
			if (named != null && slot[0].equals(named[1])) {
				continue;
			}
			if (!HuairenCounty.PLANTED_BREAKS.containsValue("o-" + slot[0].substring(2))) {
				candidates.add(slot[0]);
			}
		}
		this.draft.shuffle(candidates);
		if (named != null) {
			clusterIds.add(named[1]);
		}
		clusterIds.addAll(candidates.subList(0, township.clusterVillages() - clusterIds.size()));
		List<String> generalBranchIds = clusterIds.subList(0, township.generalBranches());
		List<Village> villages = new ArrayList<>();
		for (String[] slot : slots) {
			boolean cluster = clusterIds.contains(slot[0]);
			String industry = null;
			if (cluster) {
				industry = (named != null && slot[0].equals(named[1])) ? Industries.SHEEP
						: this.draft.pick(CLUSTER_INDUSTRIES);
			}
			villages.add(new Village(slot[0], slot[1], township, cluster, generalBranchIds.contains(slot[0]),
					industry));
		}
		return villages;
	}

	private void addCommittees() {
		this.draft.add(new Org(HuairenCounty.COUNTY_COMMITTEE, OrgKind.COUNTY_COMMITTEE, "中共懷仁縣委", null, null,
				List.of(HuairenCounty.COUNTY_UNIT), null, null));
		this.draft.add(Org.of(HuairenCounty.WORKING_COMMITTEE, OrgKind.WORKING_COMMITTEE, "懷仁縣非公經濟組織工委",
				HuairenCounty.COUNTY_COMMITTEE));
		// the county's and the working committee's officers belong to the county office branch
		Roster office = this.draft.roster(HuairenCounty.COUNTY_OFFICE_BRANCH)
			.size(this.draft.between(15, 19))
			.units((i) -> HuairenCounty.COUNTY_UNIT)
			.ages(25, 58, false)
			.alsoHolding(role(HuairenCounty.COUNTY_COMMITTEE, Role.SECRETARY),
					role(HuairenCounty.COUNTY_COMMITTEE, Role.DEPUTY_SECRETARY),
					role(HuairenCounty.COUNTY_COMMITTEE, Role.DEPUTY_SECRETARY),
					role(HuairenCounty.COUNTY_COMMITTEE, Role.COMMITTEE_MEMBER),
					role(HuairenCounty.COUNTY_COMMITTEE, Role.COMMITTEE_MEMBER),
					role(HuairenCounty.COUNTY_COMMITTEE, Role.COMMITTEE_MEMBER),
					role(HuairenCounty.WORKING_COMMITTEE, Role.SECRETARY),
					role(HuairenCounty.WORKING_COMMITTEE, Role.DEPUTY_SECRETARY))
			.enrol();
		this.draft.add(new Org(HuairenCounty.COUNTY_OFFICE_BRANCH, OrgKind.BRANCH, "懷仁縣委機關黨支部",
				HuairenCounty.COUNTY_COMMITTEE, null, List.of(HuairenCounty.COUNTY_UNIT), null, office.hasCommittee()));
		for (Township township : Township.ALL) {
			addTownshipCommittee(township);
		}
	}

	private void addTownshipCommittee(Township township) {
		String committee = township.committeeId();
		this.draft.add(new Org(committee, OrgKind.TOWNSHIP_COMMITTEE, township.name() + "黨委",
				HuairenCounty.COUNTY_COMMITTEE, null, List.of(township.unitId()), null, null));
		List<RoleAssignment> offices = new ArrayList<>();
		offices.add(role(committee, Role.SECRETARY));
		offices.add(role(committee, Role.DEPUTY_SECRETARY));
		// where there is a sheep-industry org, its secretary is the other deputy secretary
		if (township.sheepOrg() == null) {
			offices.add(role(committee, Role.DEPUTY_SECRETARY));
		}
		for (int i = 0; i < 3; i++) {
			offices.add(role(committee, Role.COMMITTEE_MEMBER));
		}
		String officeBranch = committee + "-office";
		Roster office = this.draft.roster(officeBranch)
			.size(this.draft.between(11, 16))
			.units((i) -> township.unitId())
			.ages(25, 58, false)
			.alsoHolding(offices.toArray(RoleAssignment[]::new))
			.enrol();
		this.draft.add(new Org(officeBranch, OrgKind.BRANCH, township.name() + "機關黨支部", committee, null,
				List.of(township.unitId()), null, office.hasCommittee()));
	}

	private static String villageId(Township township, int number) {
		return String.format("u-v-%s-%02d", township.code(), number);
	}

	private static RoleAssignment role(String org, Role role) {
		return new RoleAssignment(org, role);
	}

}
