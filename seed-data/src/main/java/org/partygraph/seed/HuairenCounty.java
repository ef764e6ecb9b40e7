package org.partygraph.seed;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.partygraph.model.Dataset;

/**
 * The sample county: a synthetic but plausible {@code party-graph/1} dataset of 懷仁縣 that
 * reproduces, metric for metric, the figures the Huairen organization department reports for its
 * four patterns of party-organization setup.
 *
 * <p>
 * Units, orgs and members are generated from a fixed seed, so every call in every JVM returns an
 * equal dataset. Names of places are real (traditional characters); people, enterprises and
 * cooperatives are invented.
 *
 * <p>
 * The figures (see {@link #FIGURES}, keys as in {@code patternSummary}):
 * <ul>
 * <li>ENTERPRISE_BASE: 15 leading enterprises, all 15 with an org, 105 base members, 15 co-managed
 * orgs;</li>
 * <li>INDUSTRY_PARK: 4 townships with a sheep-industry general branch, 6 with a sheep-industry
 * branch, 14 park branches;</li>
 * <li>VILLAGE_COOPERATIVE: 846 cooperatives, 43 cooperative orgs, {@value #HOUSEHOLDS_DRIVEN}
 * households driven (the report's "21000多");</li>
 * <li>VILLAGE_TRADE_BRANCH: 45 industry-cluster villages, 32 upgraded to a general branch, 82 trade
 * branches.</li>
 * </ul>
 *
 * <p>
 * Planted rule breaks, so that compliance checks have something realistic to find. None changes a
 * figure above, and no other branch breaks these rules:
 * <ul>
 * <li>{@value #MIN_FULL_MEMBERS_BREAK} (MIN_FULL_MEMBERS): an ordinary village branch with 2 full
 * members and 1 probationary;</li>
 * <li>{@value #GENERAL_BRANCH_ADVISED_BREAK} (GENERAL_BRANCH_ADVISED): an ordinary village branch of
 * 56 members never upgraded to a general branch (it has a committee);</li>
 * <li>{@value #COMMITTEE_REQUIRED_BREAK} (COMMITTEE_REQUIRED): a village branch of 11 full members
 * without an elected committee;</li>
 * <li>{@value #SECRETARY_MISSING_BREAK} (SECRETARY_MISSING): a village branch of 18 members whose
 * secretary's post is vacant.</li>
 * </ul>
 */
public final class HuairenCounty {

	/** The dataset's name. */
	public static final String NAME = "懷仁縣";

	/** The seed of the generator; changing it changes every synthetic detail, not the figures. */
	public static final long SEED = 20151106L;

	/** The date the data describes (the report's year end): ages and probation are as of this day. */
	public static final LocalDate REFERENCE_DATE = LocalDate.of(2015, 12, 31);

	/** The COUNTY unit. */
	public static final String COUNTY_UNIT = "u-county";

	/** The INDUSTRY unit 羊產業. */
	public static final String SHEEP_INDUSTRY = "u-i-sheep";

	/** 中共懷仁縣委, the root org. */
	public static final String COUNTY_COMMITTEE = "o-county";

	/** 懷仁縣委機關黨支部, where the county's and the working committee's officers are members. */
	public static final String COUNTY_OFFICE_BRANCH = "o-county-office";

	/** 非公經濟組織工委, the parent of the leading enterprises' orgs. */
	public static final String WORKING_COMMITTEE = "o-npe";

	/** The TOWNSHIP unit 海北頭鄉. */
	public static final String HAIBEITOU_TOWNSHIP = "u-t-hbt";

	/** 海北頭鄉黨委: a township committee with a sheep-industry general branch and cluster villages. */
	public static final String HAIBEITOU_COMMITTEE = "o-t-hbt";

	/** The sheep-industry general branch of 海北頭鄉. */
	public static final String HAIBEITOU_SHEEP_GENERAL_BRANCH = "o-i-hbt";

	/** The VILLAGE unit 下寨村 (海北頭鄉). */
	public static final String XIAZHAI_VILLAGE = "u-v-xz";

	/** 下寨村黨總支, with its trade branches and cooperative branches. */
	public static final String XIAZHAI_GENERAL_BRANCH = "o-v-xz";

	/** The VILLAGE unit 路莊村 (新家園鄉). */
	public static final String LUZHUANG_VILLAGE = "u-v-lz";

	/** 路莊村黨總支. */
	public static final String LUZHUANG_GENERAL_BRANCH = "o-v-lz";

	/** The VILLAGE unit 鹽豐營村 (金沙灘鎮). */
	public static final String YANFENGYING_VILLAGE = "u-v-yfy";

	/** 鹽豐營村黨總支. */
	public static final String YANFENGYING_GENERAL_BRANCH = "o-v-yfy";

	/** The first leading enterprise, 懷仁縣鑫源羔羊肉業有限公司 (金沙灘鎮), a big one with three bases. */
	public static final String FIRST_LEADING_ENTERPRISE = "u-e-01";

	/** The general branch of {@link #FIRST_LEADING_ENTERPRISE}. */
	public static final String FIRST_ENTERPRISE_ORG = "o-e-01";

	/** A village branch with fewer than 3 full members. */
	public static final String MIN_FULL_MEMBERS_BREAK = "o-v-emk-06";

	/** A village branch of more than 50 members. */
	public static final String GENERAL_BRANCH_ADVISED_BREAK = "o-v-yz-07";

	/** A village branch of 7 or more full members with no committee. */
	public static final String COMMITTEE_REQUIRED_BREAK = "o-v-ht-05";

	/** A village branch with no secretary. */
	public static final String SECRETARY_MISSING_BREAK = "o-v-qh-09";

	/**
	 * The orgs whose term ended before 2026-12-06 with no election since (TERM_EXPIRED), with the
	 * day of their last election; terms last 5 years by default (docs/source-report.md).
	 */
	public static final Map<String, LocalDate> TERMS_EXPIRED = Elections.EXPIRED;

	/** The orgs whose term ends from 2026-12-06 to 2027-06-06 (TERM_ENDING), with their election day. */
	public static final Map<String, LocalDate> TERMS_ENDING = Elections.ENDING;

	/** Rule code to the id of the org planted to break it (one each). */
	public static final Map<String, String> PLANTED_BREAKS = Map.of("MIN_FULL_MEMBERS", MIN_FULL_MEMBERS_BREAK,
			"GENERAL_BRANCH_ADVISED", GENERAL_BRANCH_ADVISED_BREAK, "COMMITTEE_REQUIRED", COMMITTEE_REQUIRED_BREAK,
			"SECRETARY_MISSING", SECRETARY_MISSING_BREAK);

	/** Households driven by the 43 cooperatives with an org: the report's "21000多", exactly. */
	public static final int HOUSEHOLDS_DRIVEN = 21_468;

	/** The county-wide {@code patternSummary} figures of this dataset, by metric key. */
	public static final Map<String, Integer> FIGURES = figures();

	private HuairenCounty() {
	}

	/** Builds the sample county; every call returns an equal dataset. */
	public static Dataset dataset() {
		return dataset(SEED);
	}

	/**
	 * A county built the same way from another seed: the same structure, figures and planted breaks,
	 * other people, dates and sizes within each pattern's bounds.
	 */
	static Dataset dataset(long seed) {
		CountyDraft draft = new CountyDraft(seed);
		Territory territory = new TerritoryBuilder(draft).build();
		CooperativeBuilder cooperatives = new CooperativeBuilder(draft, territory);
		cooperatives.addUnits();
		new VillageBuilder(draft, territory).build();
		cooperatives.addOrgs();
		new EnterpriseBuilder(draft, territory).build();
		new IndustryParkBuilder(draft, territory).build();
		Dataset built = draft.toDataset(NAME);
		return DualRelations.with(Development.withCandidates(new Dataset(built.name(), built.units(),
				Elections.elected(built.orgs()), Probations.admitted(built.members()))));
	}

	private static Map<String, Integer> figures() {
		Map<String, Integer> figures = new LinkedHashMap<>();
		figures.put("leadingEnterprises", 15);
		figures.put("enterprisesWithOrg", 15);
		figures.put("baseMembers", EnterpriseBuilder.BASE_MEMBERS);
		figures.put("coManaged", 15);
		figures.put("townshipsWithIndustryGeneralBranch", 4);
		figures.put("townshipsWithIndustryBranch", 6);
		figures.put("parkBranches", IndustryParkBuilder.PARK_BRANCHES);
		figures.put("cooperatives", CooperativeBuilder.COOPERATIVES);
		figures.put("cooperativeOrgs", CooperativeBuilder.COOPERATIVE_ORGS);
		figures.put("householdsDriven", HOUSEHOLDS_DRIVEN);
		figures.put("clusterVillages", 45);
		figures.put("upgradedToGeneralBranch", 32);
		figures.put("tradeBranches", VillageBuilder.TRADE_BRANCHES);
		return Collections.unmodifiableMap(figures);
	}

}
