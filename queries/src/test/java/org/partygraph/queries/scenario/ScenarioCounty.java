package org.partygraph.queries.scenario;

import java.util.ArrayList;
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
 * A county of the scenario tests' own, every id prefixed {@code sc-}.
 *
 * <pre>
 * sc-county (COUNTY_COMMITTEE)                 set up in sc-u
 * ├── sc-t (TOWNSHIP_COMMITTEE)                set up in sc-u-t
 * │   ├── sc-v (BRANCH)                        set up in sc-u-v; 4 PLANTING full, 2 BREEDING full + 1 probationary,
 * │   │                                        1 without trade; sc-v1 SECRETARY; sc-v2 participates in sc-d
 * │   ├── sc-s1 (BRANCH)                       sc-s1a, sc-s1b full
 * │   ├── sc-s2 (BRANCH)                       sc-s2a full, in group sc-s2-g
 * │   │   └── sc-s2-g (PARTY_GROUP)
 * │   └── sc-d (BRANCH)                        sc-d1 full
 * └── sc-npe (WORKING_COMMITTEE)
 *     └── sc-e (BRANCH)                        set up in leading enterprise sc-u-e; sc-e1..sc-e3 full; no co-manager
 * </pre>
 */
final class ScenarioCounty {

	static final String NAME = "情景縣";

	private ScenarioCounty() {
	}

	static Dataset dataset() {
		List<Unit> units = List.of(Unit.of("sc-u", UnitKind.COUNTY, "情景縣", null),
				Unit.of("sc-u-t", UnitKind.TOWNSHIP, "甲鄉", "sc-u"),
				new Unit("sc-u-v", UnitKind.VILLAGE, "甲村", "sc-u-t", null, null, null, null, null, true),
				new Unit("sc-u-e", UnitKind.ENTERPRISE, "甲肉業公司", "sc-u-t", null, null, null, null, true, null));
		List<Org> orgs = List.of(
				Org.of("sc-county", OrgKind.COUNTY_COMMITTEE, "中共情景縣委", null).withUnits(List.of("sc-u")),
				Org.of("sc-t", OrgKind.TOWNSHIP_COMMITTEE, "甲鄉黨委", "sc-county").withUnits(List.of("sc-u-t")),
				Org.of("sc-v", OrgKind.BRANCH, "甲村黨支部", "sc-t").withUnits(List.of("sc-u-v")),
				Org.of("sc-s1", OrgKind.BRANCH, "乙村黨支部", "sc-t"),
				Org.of("sc-s2", OrgKind.BRANCH, "丙村黨支部", "sc-t"),
				Org.of("sc-s2-g", OrgKind.PARTY_GROUP, "丙村第一黨小組", "sc-s2"),
				Org.of("sc-d", OrgKind.BRANCH, "丁村黨支部", "sc-t"),
				Org.of("sc-npe", OrgKind.WORKING_COMMITTEE, "非公經濟組織工委", "sc-county"),
				Org.of("sc-e", OrgKind.BRANCH, "甲肉業公司黨支部", "sc-npe").withUnits(List.of("sc-u-e")));
		List<Member> members = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			members.add(member("sc-v" + i, "張" + i, MemberStatus.FULL, "sc-v", Trade.PLANTING));
		}
		members.add(member("sc-v5", "李五", MemberStatus.FULL, "sc-v", Trade.BREEDING));
		members.add(member("sc-v6", "李六", MemberStatus.FULL, "sc-v", Trade.BREEDING));
		members.add(member("sc-v7", "李七", MemberStatus.PROBATIONARY, "sc-v", Trade.BREEDING));
		members.add(member("sc-v8", "王八", MemberStatus.FULL, "sc-v", null));
		members.set(0, members.get(0).withRoles(List.of(new RoleAssignment("sc-v", Role.SECRETARY))));
		members.set(1, members.get(1).withParticipatesIn(List.of("sc-d")));
		members.add(member("sc-s1a", "趙甲", MemberStatus.FULL, "sc-s1", null));
		members.add(member("sc-s1b", "趙乙", MemberStatus.FULL, "sc-s1", null));
		members.add(member("sc-s2a", "錢甲", MemberStatus.FULL, "sc-s2", null).withGroup("sc-s2-g"));
		members.add(member("sc-d1", "孫甲", MemberStatus.FULL, "sc-d", null));
		for (int i = 1; i <= 3; i++) {
			members.add(member("sc-e" + i, "周" + i, MemberStatus.FULL, "sc-e", Trade.PROCESSING));
		}
		return new Dataset(NAME, units, orgs, members);
	}

	private static Member member(String id, String name, MemberStatus status, String org, Trade trade) {
		return new Member(id, name, status, org, null, trade, null, null, null, null, null, null, List.of(),
				List.of());
	}

}
