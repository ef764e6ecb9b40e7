package org.partygraph.seed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * Pattern 3 (村黨組織+農民合作社): the county's 846 farmers' cooperatives, and in 43 of them a
 * cooperative branch under the village general branch, divided into industry-chain party groups
 * (村黨總支—合作社黨支部—產業鏈黨小組—產業黨員).
 *
 * <p>
 * Units come first ({@link #addUnits()}), the branches after the village orgs exist
 * ({@link #addOrgs()}), since a cooperative branch hangs under its village's general branch.
 */
final class CooperativeBuilder {

	/** The report's count of farmers' cooperatives. */
	static final int COOPERATIVES = 846;

	/** The report's count of cooperative party orgs. */
	static final int COOPERATIVE_ORGS = 43;

	/** Industries of ordinary cooperatives, as often as they are met. */
	private static final List<String> INDUSTRY_MIX = List.of(Industries.SHEEP, Industries.SHEEP, Industries.SHEEP,
			Industries.SHEEP, Industries.VEGETABLES, Industries.VEGETABLES, Industries.VEGETABLES, Industries.DAIRY,
			Industries.GRAINS, Industries.GRAINS);

	/** Trade names that tell apart two cooperatives of the same village and product. */
	private static final List<String> BRANDS = List.of("興旺", "富民", "惠農", "鑫農", "豐收", "聚源", "綠源", "金穗",
			"宏達", "順發");

	private static final int MAX_PER_VILLAGE = 12;

	private final CountyDraft draft;

	private final Territory territory;

	private final Set<String> names = new HashSet<>();

	/** Per village general branch, the cooperatives that set up a branch, in creation order. */
	private final Map<String, List<Unit>> withOrg = new LinkedHashMap<>();

	CooperativeBuilder(CountyDraft draft, Territory territory) {
		this.draft = draft;
		this.territory = territory;
	}

	void addUnits() {
		List<Village> villages = this.territory.villages();
		int[] counts = cooperativesPerVillage(villages);
		List<Integer> orgCounts = orgsPerGeneralBranch(this.territory.generalBranchVillages().size());
		List<Integer> households = drivenHouseholds();
		int number = 0;
		int nextOrgCount = 0;
		int nextHouseholds = 0;
		for (int v = 0; v < villages.size(); v++) {
			Village village = villages.get(v);
			int orgs = village.generalBranch() ? orgCounts.get(nextOrgCount++) : 0;
			for (int k = 0; k < counts[v]; k++) {
				boolean organized = k < orgs;
				String industry = (organized || (village.cluster() && this.draft.chance(50))) ? village.industry()
						: this.draft.pick(INDUSTRY_MIX);
				// the organized ones are the large cooperatives; most others drive a few dozen households
				int driven = organized ? households.get(nextHouseholds++) : this.draft.between(12, 150);
				Unit cooperative = this.draft.add(new Unit(String.format("u-c-%03d", ++number), UnitKind.COOPERATIVE,
						name(village, industry), village.unitId(), industry, null, null, driven, null, null));
				if (organized) {
					this.withOrg.computeIfAbsent(village.orgId(), (key) -> new ArrayList<>()).add(cooperative);
				}
			}
		}
	}

	void addOrgs() {
		this.withOrg.forEach((generalBranch, cooperatives) -> cooperatives
			.forEach((cooperative) -> cooperativeBranch(generalBranch, cooperative)));
	}

	private void cooperativeBranch(String generalBranch, Unit cooperative) {
		String org = "o" + cooperative.id().substring(1);
		int size = this.draft.between(4, 10);
		List<String> stages = Industries.chainStages(cooperative.industry());
		// a small branch is one production group; a larger one adds a sales group
		List<String> groupStages = (size >= 7) ? List.of(stages.get(0), stages.get(stages.size() - 1))
				: List.of(stages.get(0));
		Trade producing = Industries.trade(cooperative.industry());
		Roster roster = this.draft.roster(org)
			.size(size)
			.units((i) -> cooperative.id())
			.groups((i) -> org + "-g" + (i % groupStages.size() + 1))
			.trades((i) -> "銷售".equals(groupStages.get(i % groupStages.size())) ? Trade.COMMERCE : producing)
			.enrol();
		// no trade: a cooperative branch is not a trade branch, though it sits under a general branch
		this.draft.add(new Org(org, OrgKind.BRANCH, cooperative.name() + "黨支部", generalBranch, null,
				List.of(cooperative.id()), null, roster.hasCommittee()));
		for (int g = 0; g < groupStages.size(); g++) {
			// groups are set up in nothing, or they would count as cooperative orgs
			this.draft.add(Org.of(org + "-g" + (g + 1), OrgKind.PARTY_GROUP, groupStages.get(g) + "產業鏈黨小組", org));
		}
	}

	private int[] cooperativesPerVillage(List<Village> villages) {
		int[] counts = new int[villages.size()];
		int total = 0;
		for (int v = 0; v < villages.size(); v++) {
			Village village = villages.get(v);
			if (village.generalBranch()) {
				counts[v] = this.draft.between(6, 10);
			}
			else if (village.cluster()) {
				counts[v] = this.draft.between(5, 8);
			}
			else {
				counts[v] = this.draft.between(2, 6);
			}
			total += counts[v];
		}
		// nudge random villages until the county has exactly the report's 846
		while (total != COOPERATIVES) {
			int v = this.draft.random().nextInt(villages.size());
			int min = villages.get(v).generalBranch() ? 2 : 1;
			if (total < COOPERATIVES && counts[v] < MAX_PER_VILLAGE) {
				counts[v]++;
				total++;
			}
			else if (total > COOPERATIVES && counts[v] > min) {
				counts[v]--;
				total--;
			}
		}
		return counts;
	}

	/** One or two cooperative branches per upgraded village, 43 in all. */
	private List<Integer> orgsPerGeneralBranch(int generalBranches) {
		int twos = COOPERATIVE_ORGS - generalBranches;
		if (twos < 0 || twos > generalBranches) {
			throw new IllegalStateException(generalBranches + " general branches cannot hold 43 cooperative orgs");
		}
		List<Integer> counts = new ArrayList<>();
		for (int i = 0; i < generalBranches; i++) {
			counts.add((i < twos) ? 2 : 1);
		}
		this.draft.shuffle(counts);
		return counts;
	}

	/** Households driven by the 43 organized cooperatives, adding up to exactly the county figure. */
	private List<Integer> drivenHouseholds() {
		List<Integer> values = new ArrayList<>();
		int sum = 0;
		for (int i = 0; i < COOPERATIVE_ORGS; i++) {
			int value = this.draft.between(300, 700);
			values.add(value);
			sum += value;
		}
		int difference = HuairenCounty.HOUSEHOLDS_DRIVEN - sum;
		int each = difference / COOPERATIVE_ORGS;
		int rest = difference % COOPERATIVE_ORGS;
		for (int i = 0; i < COOPERATIVE_ORGS; i++) {
			values.set(i, values.get(i) + each + ((i < Math.abs(rest)) ? Integer.signum(rest) : 0));
		}
		return values;
	}

	private String name(Village village, String industry) {
		List<String> products = Industries.products(industry);
		String product = this.draft.pick(products);
		String name = "懷仁縣" + village.stem() + product + "專業合作社";
		while (!this.names.add(name)) {
			name = "懷仁縣" + village.stem() + this.draft.pick(BRANDS) + this.draft.pick(products) + "專業合作社";
		}
		return name;
	}

}
