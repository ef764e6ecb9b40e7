package org.partygraph.queries.pattern;

import java.util.List;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * A hand-built county where each pattern metric is obvious, and each has a near miss that a wrong
 * reading of its definition would count.
 *
 * <pre>
 * o-county (COUNTY_COMMITTEE)                     u-c
 * ├── o-npe (WORKING_COMMITTEE)                   (set up in nothing)
 * │   ├── o-e1 (BRANCH)  co-managed by o-t1       u-e1 (leading), u-b1      m1 (at u-b1), m2 (at u-b2), m3 (at u-e1)
 * │   ├── o-e2 (BRANCH)  co-managed by o-county   u-e2 (leading)            m4 (at u-b2)
 * │   └── o-e4 (GENERAL_BRANCH)                   u-e4 (not leading)
 * │       └── o-e4-pr (BRANCH, PROCESSING)        u-e4: a trade branch, but not in a village
 * ├── o-t1 (TOWNSHIP_COMMITTEE)                   u-t1
 * │   ├── o-i1 (GENERAL_BRANCH)                   u-sheep (industry)        m8 secretary, also o-t1 deputy secretary
 * │   │   ├── o-i3 (BRANCH)                       u-sheep: parent is no township
 * │   │   └── o-p1 (JOINT_BRANCH)                 u-p1 (park), u-e4
 * │   ├── o-v1 (GENERAL_BRANCH)                   u-v1 (cluster village)    m5 (at u-b1)
 * │   │   ├── o-v1-br (BRANCH, BREEDING)          u-v1                      m7 PROBATIONARY
 * │   │   ├── o-v1-co (BRANCH)                    u-co1 (300 households)    m6 in group o-v1-co-g
 * │   │   │   └── o-v1-co-g (PARTY_GROUP)
 * │   │   └── o-v1-co2 (BRANCH)                   u-co1 again
 * │   └── o-v3 (GENERAL_BRANCH)                   u-v3 (village, not cluster)
 * │       └── o-v3-pl (BRANCH, PLANTING)          u-v3
 * └── o-t2 (TOWNSHIP_COMMITTEE)                   u-t2                      m9, secretary of o-i2, not a deputy
 *     ├── o-i2 (BRANCH)                           u-sheep
 *     ├── o-i4 (BRANCH)                           u-sheep: same township again
 *     ├── o-p2 (BRANCH)                           u-p2 (park)
 *     ├── o-p3 (GENERAL_BRANCH)                   u-p2: not a branch
 *     ├── o-v2 (BRANCH)                           u-v2 (cluster village, not upgraded)
 *     └── o-x (BRANCH)                            u-x1 (cooperative, 7 households)
 * </pre>
 * Units: u-c (COUNTY) holds u-t1 and u-t2; u-t1 holds u-v1, u-v3, u-e1, u-e4, u-p1; u-t2 holds
 * u-v2, u-e2, u-e3 (leading, no org), u-p2; u-v1 holds u-b1 (supplies u-e1, 100 households), u-b2
 * (supplies u-e2, 40 households) and u-co1; u-v2 holds u-co2 (50 households, no org). u-x1 and u-x2
 * (cooperatives) are located in each other: a LOCATED_IN cycle.
 */
final class TinyCounty {

	static final String NAME = "小縣";

	private TinyCounty() {
	}

	static Dataset dataset() {
		List<Unit> units = List.of(Unit.of("u-c", UnitKind.COUNTY, "小縣", null),
				Unit.of("u-t1", UnitKind.TOWNSHIP, "甲鄉", "u-c"), Unit.of("u-t2", UnitKind.TOWNSHIP, "乙鄉", "u-c"),
				Unit.of("u-sheep", UnitKind.INDUSTRY, "羊產業", null),
				new Unit("u-v1", UnitKind.VILLAGE, "甲村", "u-t1", "u-sheep", null, null, null, null, true),
				new Unit("u-v2", UnitKind.VILLAGE, "乙村", "u-t2", null, null, null, null, null, true),
				new Unit("u-v3", UnitKind.VILLAGE, "丙村", "u-t1", null, null, null, null, null, false),
				new Unit("u-e1", UnitKind.ENTERPRISE, "甲肉業公司", "u-t1", "u-sheep", null, null, null, true, null),
				new Unit("u-e2", UnitKind.ENTERPRISE, "乙乳業公司", "u-t2", null, null, null, null, true, null),
				new Unit("u-e3", UnitKind.ENTERPRISE, "丙糧油公司", "u-t2", null, null, null, null, true, null),
				new Unit("u-e4", UnitKind.ENTERPRISE, "丁運輸公司", "u-t1", null, null, null, null, false, null),
				new Unit("u-b1", UnitKind.PRODUCTION_BASE, "甲村養殖基地", "u-v1", "u-sheep", "u-e1", 100, null, null,
						null),
				new Unit("u-b2", UnitKind.PRODUCTION_BASE, "甲村奶牛基地", "u-v1", null, "u-e2", 40, null, null, null),
				new Unit("u-p1", UnitKind.PARK, "甲鄉羊產業園區", "u-t1", "u-sheep", null, null, null, null, null),
				new Unit("u-p2", UnitKind.PARK, "乙鄉羊產業園區", "u-t2", "u-sheep", null, null, null, null, null),
				new Unit("u-co1", UnitKind.COOPERATIVE, "甲村養羊合作社", "u-v1", "u-sheep", null, null, 300, null, null),
				new Unit("u-co2", UnitKind.COOPERATIVE, "乙村蔬菜合作社", "u-v2", null, null, null, 50, null, null),
				new Unit("u-x1", UnitKind.COOPERATIVE, "環一合作社", "u-x2", null, null, null, 7, null, null),
				new Unit("u-x2", UnitKind.COOPERATIVE, "環二合作社", "u-x1", null, null, null, 11, null, null));
		List<Org> orgs = List.of(
				Org.of("o-county", OrgKind.COUNTY_COMMITTEE, "中共小縣委", null).withUnits(List.of("u-c")),
				Org.of("o-npe", OrgKind.WORKING_COMMITTEE, "非公經濟組織工委", "o-county"),
				Org.of("o-e1", OrgKind.BRANCH, "甲肉業公司黨支部", "o-npe")
					.withUnits(List.of("u-e1", "u-b1"))
					.withCoManagedBy(List.of("o-t1")),
				Org.of("o-e2", OrgKind.BRANCH, "乙乳業公司黨支部", "o-npe")
					.withUnits(List.of("u-e2"))
					.withCoManagedBy(List.of("o-county")),
				Org.of("o-e4", OrgKind.GENERAL_BRANCH, "丁運輸公司黨總支", "o-npe").withUnits(List.of("u-e4")),
				new Org("o-e4-pr", OrgKind.BRANCH, "丁運輸公司加工黨支部", "o-e4", null, List.of("u-e4"), Trade.PROCESSING,
						null),
				Org.of("o-t1", OrgKind.TOWNSHIP_COMMITTEE, "甲鄉黨委", "o-county").withUnits(List.of("u-t1")),
				Org.of("o-i1", OrgKind.GENERAL_BRANCH, "甲鄉羊產業黨總支", "o-t1").withUnits(List.of("u-sheep")),
				Org.of("o-i3", OrgKind.BRANCH, "甲鄉羊產業第二黨支部", "o-i1").withUnits(List.of("u-sheep")),
				Org.of("o-p1", OrgKind.JOINT_BRANCH, "甲鄉羊產業園區聯合黨支部", "o-i1").withUnits(List.of("u-p1", "u-e4")),
				Org.of("o-v1", OrgKind.GENERAL_BRANCH, "甲村黨總支", "o-t1").withUnits(List.of("u-v1")),
				new Org("o-v1-br", OrgKind.BRANCH, "甲村養殖行業黨支部", "o-v1", null, List.of("u-v1"), Trade.BREEDING, null),
				Org.of("o-v1-co", OrgKind.BRANCH, "甲村養羊合作社黨支部", "o-v1").withUnits(List.of("u-co1")),
				Org.of("o-v1-co-g", OrgKind.PARTY_GROUP, "養殖產業鏈黨小組", "o-v1-co"),
				Org.of("o-v1-co2", OrgKind.BRANCH, "甲村養羊合作社第二黨支部", "o-v1").withUnits(List.of("u-co1")),
				Org.of("o-v3", OrgKind.GENERAL_BRANCH, "丙村黨總支", "o-t1").withUnits(List.of("u-v3")),
				new Org("o-v3-pl", OrgKind.BRANCH, "丙村種植行業黨支部", "o-v3", null, List.of("u-v3"), Trade.PLANTING, null),
				Org.of("o-t2", OrgKind.TOWNSHIP_COMMITTEE, "乙鄉黨委", "o-county").withUnits(List.of("u-t2")),
				Org.of("o-i2", OrgKind.BRANCH, "乙鄉羊產業黨支部", "o-t2").withUnits(List.of("u-sheep")),
				Org.of("o-i4", OrgKind.BRANCH, "乙鄉羊產業第二黨支部", "o-t2").withUnits(List.of("u-sheep")),
				Org.of("o-p2", OrgKind.BRANCH, "乙鄉羊產業園區黨支部", "o-t2").withUnits(List.of("u-p2")),
				Org.of("o-p3", OrgKind.GENERAL_BRANCH, "乙鄉羊產業園區黨總支", "o-t2").withUnits(List.of("u-p2")),
				Org.of("o-v2", OrgKind.BRANCH, "乙村黨支部", "o-t2").withUnits(List.of("u-v2")),
				Org.of("o-x", OrgKind.BRANCH, "環一合作社黨支部", "o-t2").withUnits(List.of("u-x1")));
		List<Member> members = List.of(member("m1", "趙一", "o-e1", "u-b1"), member("m2", "趙二", "o-e1", "u-b2"),
				member("m3", "趙三", "o-e1", "u-e1"), member("m4", "錢一", "o-e2", "u-b2"),
				member("m5", "孫一", "o-v1", "u-b1"), member("m6", "孫二", "o-v1-co", "u-co1").withGroup("o-v1-co-g"),
				new Member("m7", "孫三", MemberStatus.PROBATIONARY, "o-v1-br", "u-v1", Trade.BREEDING, null, null, null,
						null, null, null, List.of(), List.of()),
				member("m8", "李一", "o-i1", "u-t1").withRoles(List.of(new RoleAssignment("o-i1", Role.SECRETARY),
						new RoleAssignment("o-t1", Role.DEPUTY_SECRETARY))),
				member("m9", "周一", "o-t2", "u-t2").withRoles(List.of(new RoleAssignment("o-i2", Role.SECRETARY))));
		return new Dataset(NAME, units, orgs, members);
	}

	private static Member member(String id, String name, String org, String unit) {
		return new Member(id, name, MemberStatus.FULL, org, unit, null, null, null, null, null, null, null, List.of(),
				List.of());
	}

}
