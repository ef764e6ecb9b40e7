package org.partygraph.seed;

import java.util.ArrayList;
import java.util.List;

import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * Pattern 1 (龍頭企業黨組織+基地): the 15 leading enterprises with their production bases, and one
 * party org in each that takes in the party members among the base farm households. Each org is
 * subordinate to the working committee and co-managed by the township committee where the
 * enterprise sits (dual management).
 */
final class EnterpriseBuilder {

	/** The report's count of base farmer members taken in. */
	static final int BASE_MEMBERS = 105;

	/** The leading enterprises; the names are invented, the industries follow the county's. */
	private static final List<Leading> LEADING = List.of(
			new Leading("懷仁縣鑫源羔羊肉業有限公司", "jst", Industries.SHEEP, true),
			new Leading("懷仁縣瑞祥牧業有限公司", "hbt", Industries.SHEEP, false),
			new Leading("懷仁縣聚豐肉羊養殖有限公司", "mjz", Industries.SHEEP, false),
			new Leading("懷仁縣恒泰清真肉食品有限公司", "yz", Industries.SHEEP, true),
			new Leading("懷仁縣綠野種羊繁育有限公司", "hjb", Industries.SHEEP, false),
			new Leading("懷仁縣金穗飼料有限公司", "wjy", Industries.SHEEP, false),
			new Leading("懷仁縣福興皮毛加工有限公司", "xjy", Industries.SHEEP, false),
			new Leading("懷仁縣草原情牧業有限公司", "qh", Industries.SHEEP, false),
			new Leading("懷仁縣仁興乳業有限公司", "yz", Industries.DAIRY, false),
			new Leading("懷仁縣康源奶牛養殖有限公司", "mxz", Industries.DAIRY, false),
			new Leading("懷仁縣鮮達乳製品有限公司", "ht", Industries.DAIRY, false),
			new Leading("懷仁縣綠園蔬菜產銷有限公司", "xjy", Industries.VEGETABLES, false),
			new Leading("懷仁縣豐禾農業科技有限公司", "hjb", Industries.VEGETABLES, false),
			new Leading("懷仁縣金田果蔬有限公司", "jst", Industries.VEGETABLES, false),
			new Leading("懷仁縣五穀雜糧開發有限公司", "emk", Industries.GRAINS, false));

	/** Enterprises that are not leading and have no org of their own. */
	private static final List<String[]> OTHERS = List.of(new String[] { "懷仁縣通達物流有限公司", "yz" },
			new String[] { "懷仁縣宏運農機服務有限公司", "wjy" }, new String[] { "懷仁縣鑫達建材有限公司", "hbt" });

	private static final List<Trade> STAFF_TRADES = List.of(Trade.PROCESSING, Trade.PROCESSING, Trade.PROCESSING,
			Trade.COMMERCE, Trade.COMMERCE, Trade.TRANSPORT);

	private final CountyDraft draft;

	private final Territory territory;

	EnterpriseBuilder(CountyDraft draft, Territory territory) {
		this.draft = draft;
		this.territory = territory;
	}

	void build() {
		List<Integer> baseMembers = baseMembersPerEnterprise();
		for (int e = 0; e < LEADING.size(); e++) {
			leading(e + 1, LEADING.get(e), baseMembers.get(e));
		}
		for (int i = 0; i < OTHERS.size(); i++) {
			Township township = Township.byCode(OTHERS.get(i)[1]);
			this.draft.add(new Unit(String.format("u-e-n%02d", i + 1), UnitKind.ENTERPRISE, OTHERS.get(i)[0],
					township.unitId(), null, null, null, null, false, null));
		}
	}

	private void leading(int number, Leading spec, int baseMemberCount) {
		Township township = Township.byCode(spec.township());
		String unit = String.format("u-e-%02d", number);
		String org = String.format("o-e-%02d", number);
		this.draft.add(new Unit(unit, UnitKind.ENTERPRISE, spec.name(), township.unitId(), spec.industry(), null, null,
				null, true, null));
		List<Unit> bases = bases(unit, spec, township, spec.big() ? 3 : this.draft.between(1, 3));
		List<String> orgUnits = new ArrayList<>();
		orgUnits.add(unit);
		bases.forEach((base) -> orgUnits.add(base.id()));
		OrgKind kind = spec.big() ? OrgKind.GENERAL_BRANCH : OrgKind.BRANCH;
		String name = spec.name() + (spec.big() ? "黨總支" : "黨支部");
		int staff = spec.big() ? this.draft.between(4, 7) : this.draft.between(6, 22);
		int size = staff + baseMemberCount;
		Trade baseTrade = Industries.trade(spec.industry());
		// staff first (the officers come from the enterprise), then the base farmers, spread over the bases
		RosterBuilder builder = this.draft.roster(org)
			.size(size)
			.units((i) -> (i < staff) ? unit : bases.get((i - staff) % bases.size()).id())
			.trades((i) -> (i < staff) ? this.draft.pick(STAFF_TRADES) : baseTrade)
			// base farmers still join their home village's activities
			.participation((i) -> (i < staff) ? List.of()
					: List.of(villageOrg(bases.get((i - staff) % bases.size()).locatedIn())));
		if (spec.big()) {
			builder.committee(true);
		}
		Roster roster = builder.enrol();
		this.draft.add(new Org(org, kind, name, HuairenCounty.WORKING_COMMITTEE, List.of(township.committeeId()),
				orgUnits, null, spec.big() || roster.hasCommittee()));
		if (spec.big()) {
			workshopBranch(org + "-1", spec.name() + "生產車間黨支部", org, unit, Trade.PROCESSING);
			workshopBranch(org + "-2", spec.name() + "經營管理黨支部", org, unit, Trade.COMMERCE);
		}
	}

	/**
	 * A branch under a big enterprise's general branch. It is set up in the enterprise but is not
	 * co-managed: dual management applies to the enterprise's top org only.
	 */
	private void workshopBranch(String org, String name, String parent, String unit, Trade trade) {
		Roster roster = this.draft.roster(org)
			.size(this.draft.between(9, 18))
			.units((i) -> unit)
			.trades((i) -> trade)
			.ages(22, 60, false)
			.enrol();
		this.draft.add(new Org(org, OrgKind.BRANCH, name, parent, null, List.of(unit), null, roster.hasCommittee()));
	}

	private List<Unit> bases(String enterprise, Leading spec, Township township, int count) {
		List<Village> villages = new ArrayList<>(this.territory.villagesOf(township));
		this.draft.shuffle(villages);
		List<Unit> bases = new ArrayList<>();
		for (int b = 0; b < count; b++) {
			Village village = villages.get(b);
			bases.add(this.draft.add(new Unit(enterprise.replace("u-e-", "u-b-") + "-" + (b + 1),
					UnitKind.PRODUCTION_BASE, village.stem() + Industries.baseKind(spec.industry()),
					village.unitId(), spec.industry(), enterprise, this.draft.between(40, 260), null, null, null)));
		}
		return bases;
	}

	/** Base farmers per enterprise, 4 to 10 each, adding up to the report's 105. */
	private List<Integer> baseMembersPerEnterprise() {
		List<Integer> counts = new ArrayList<>();
		int total = 0;
		for (int e = 0; e < LEADING.size(); e++) {
			int count = this.draft.between(4, 10);
			counts.add(count);
			total += count;
		}
		while (total != BASE_MEMBERS) {
			int e = this.draft.random().nextInt(counts.size());
			if (total < BASE_MEMBERS && counts.get(e) < 10) {
				counts.set(e, counts.get(e) + 1);
				total++;
			}
			else if (total > BASE_MEMBERS && counts.get(e) > 4) {
				counts.set(e, counts.get(e) - 1);
				total--;
			}
		}
		return counts;
	}

	private static String villageOrg(String villageUnit) {
		return "o-" + villageUnit.substring(2);
	}

	/**
	 * One leading enterprise.
	 * @param name its name
	 * @param township code of the township it sits in
	 * @param industry its INDUSTRY unit id
	 * @param big whether it has a general branch with workshop branches rather than one branch
	 */
	private record Leading(String name, String township, String industry, boolean big) {
	}

}
