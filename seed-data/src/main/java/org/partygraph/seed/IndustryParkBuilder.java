package org.partygraph.seed;

import java.util.ArrayList;
import java.util.List;

import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * Pattern 2 (產業黨組織+園區黨支部): a sheep-industry general branch in 4 townships and a
 * sheep-industry branch in 6 others, each led by a township deputy secretary; and 14 park branches,
 * set up alone (單獨組建) or jointly with the small enterprises of a park (區域聯建).
 */
final class IndustryParkBuilder {

	/** The report's count of park branches. */
	static final int PARK_BRANCHES = 14;

	/**
	 * The parks. {@code branches} lists each park branch: 0 for one set up in the park alone, n for a
	 * joint branch of the park and n of its small enterprises.
	 */
	private static final List<Park> PARKS = List.of(
			new Park("u-p-jst-1", "金沙灘羊產業園區", "jst", Industries.SHEEP, List.of(0)),
			new Park("u-p-jst-2", "金沙灘肉羊養殖園區", "jst", Industries.SHEEP, List.of(3)),
			new Park("u-p-hbt-1", "海北頭肉羊養殖園區", "hbt", Industries.SHEEP, List.of(0)),
			new Park("u-p-hbt-2", "海北頭羊產業加工園區", "hbt", Industries.SHEEP, List.of(2)),
			new Park("u-p-mjz-1", "毛家皂生態養殖園區", "mjz", Industries.SHEEP, List.of(0)),
			new Park("u-p-mjz-2", "毛家皂羊產業園區", "mjz", Industries.SHEEP, List.of(4)),
			new Park("u-p-hjb-1", "何家堡肉羊養殖園區", "hjb", Industries.SHEEP, List.of(0)),
			new Park("u-p-hjb-2", "何家堡現代農業園區", "hjb", Industries.VEGETABLES, List.of(0)),
			new Park("u-p-wjy", "吳家窯奶牛養殖園區", "wjy", Industries.DAIRY, List.of(0)),
			new Park("u-p-xjy", "新家園設施蔬菜園區", "xjy", Industries.VEGETABLES, List.of(0)),
			new Park("u-p-mxz", "馬辛莊肉羊養殖園區", "mxz", Industries.SHEEP, List.of(3)),
			new Park("u-p-ht", "河頭羊產業園區", "ht", Industries.SHEEP, List.of(0)),
			new Park("u-p-yz", "懷仁縣農產品加工物流園區", "yz", null, List.of(0, 3)));

	/** Small enterprises in the parks, too small for a branch each (names invented). */
	private static final List<String> SMALL_ENTERPRISES = List.of("懷仁縣興旺養殖有限公司", "懷仁縣順發肉食品有限公司",
			"懷仁縣宏達飼料有限公司", "懷仁縣金羊皮毛製品有限公司", "懷仁縣富民養殖有限公司", "懷仁縣聚源牧業有限公司",
			"懷仁縣惠農飼草有限公司", "懷仁縣鑫農肉羊屠宰有限公司", "懷仁縣豐收冷鏈物流有限公司", "懷仁縣綠源有機肥有限公司",
			"懷仁縣恒通包裝有限公司", "懷仁縣安達運輸有限公司", "懷仁縣福瑞養殖有限公司", "懷仁縣利民牧業有限公司",
			"懷仁縣長順食品有限公司");

	private static final List<Trade> PARK_TRADES = List.of(Trade.BREEDING, Trade.BREEDING, Trade.PROCESSING,
			Trade.PROCESSING, Trade.COMMERCE, Trade.TRANSPORT);

	private final CountyDraft draft;

	private final Territory territory;

	private int smallEnterprises;

	IndustryParkBuilder(CountyDraft draft, Territory territory) {
		this.draft = draft;
		this.territory = territory;
	}

	void build() {
		for (Township township : Township.ALL) {
			if (township.sheepOrg() != null) {
				industryOrg(township);
			}
		}
		for (Park park : PARKS) {
			park(park);
		}
	}

	static String industryOrgId(Township township) {
		return "o-i-" + township.code();
	}

	/**
	 * The township's sheep-industry org, set up in the industry and the township, under the
	 * township committee; its secretary is a deputy secretary of that committee.
	 */
	private void industryOrg(Township township) {
		String org = industryOrgId(township);
		boolean general = township.sheepOrg() == OrgKind.GENERAL_BRANCH;
		List<Village> villages = this.territory.villagesOf(township);
		RosterBuilder builder = this.draft.roster(org)
			.size(general ? this.draft.between(6, 9) : this.draft.between(5, 11))
			.secretaryAlsoHolds(new RoleAssignment(township.committeeId(), Role.DEPUTY_SECRETARY))
			// the secretary works at the township; the other members are sheep farmers of its villages
			.units((i) -> (i == 0) ? township.unitId() : this.draft.pick(villages).unitId())
			.trades((i) -> (i == 0) ? null : Trade.BREEDING);
		if (general) {
			builder.committee(true);
		}
		Roster roster = builder.enrol();
		this.draft.add(new Org(org, township.sheepOrg(), township.name() + "羊產業" + (general ? "黨總支" : "黨支部"),
				township.committeeId(), null, List.of(Industries.SHEEP, township.unitId()), null,
				general || roster.hasCommittee()));
	}

	private void park(Park park) {
		Township township = Township.byCode(park.township());
		this.draft.add(new Unit(park.id(), UnitKind.PARK, park.name(), township.unitId(), park.industry(), null, null,
				null, null, null));
		// park branches sit under the industry general branch where there is one (a branch cannot
		// be under another branch), otherwise under the township committee
		String parent = (township.sheepOrg() == OrgKind.GENERAL_BRANCH) ? industryOrgId(township)
				: township.committeeId();
		for (int b = 0; b < park.branches().size(); b++) {
			String org = "o" + park.id().substring(1) + ((park.branches().size() > 1) ? "-" + (b + 1) : "");
			int partners = park.branches().get(b);
			if (partners == 0) {
				Roster roster = this.draft.roster(org)
					.size(this.draft.between(5, 14))
					.units((i) -> park.id())
					.trades((i) -> this.draft.pick(PARK_TRADES))
					.enrol();
				this.draft.add(new Org(org, OrgKind.BRANCH, park.name() + "黨支部", parent, null, List.of(park.id()), null,
						roster.hasCommittee()));
			}
			else {
				jointBranch(org, park, township, parent, partners);
			}
		}
	}

	/** A joint branch of the park and a few of its small enterprises, at most 5 units in all. */
	private void jointBranch(String org, Park park, Township township, String parent, int partners) {
		List<String> enterprises = new ArrayList<>();
		for (int e = 0; e < partners; e++) {
			String id = String.format("u-e-s%02d", ++this.smallEnterprises);
			this.draft.add(new Unit(id, UnitKind.ENTERPRISE, SMALL_ENTERPRISES.get(this.smallEnterprises - 1), park.id(),
					park.industry(), null, null, null, false, null));
			enterprises.add(id);
		}
		Roster roster = this.draft.roster(org)
			.size(partners * 2 + this.draft.between(0, 2))
			.units((i) -> enterprises.get(i % enterprises.size()))
			.trades((i) -> this.draft.pick(PARK_TRADES))
			.ages(22, 65, false)
			.enrol();
		List<String> units = new ArrayList<>();
		units.add(park.id());
		units.addAll(enterprises);
		this.draft.add(new Org(org, OrgKind.JOINT_BRANCH, park.name() + "聯合黨支部", parent, null, units, null,
				roster.hasCommittee()));
	}

	/**
	 * An industrial park.
	 * @param id its unit id
	 * @param name its name
	 * @param township code of the township it lies in
	 * @param industry its INDUSTRY unit id, or {@code null} for a mixed park
	 * @param branches one entry per park branch: 0 alone, n jointly with n small enterprises
	 */
	private record Park(String id, String name, String township, String industry, List<Integer> branches) {
	}

}
