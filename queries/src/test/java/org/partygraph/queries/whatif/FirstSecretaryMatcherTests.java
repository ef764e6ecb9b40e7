package org.partygraph.queries.whatif;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
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
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.whatif.FirstSecretaryMatcher.Suggestion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching villages with first secretaries (精準選派) on a hand-built county:
 *
 * <pre>
 * o-c (COUNTY)
 * ├── o-t1 (TOWNSHIP, u-t1)
 * │   ├── o-v1 (BRANCH, village u-v1, BREEDING)   2 FULL: breaks MIN_FULL_MEMBERS (ERROR), weak
 * │   ├── o-v2 (BRANCH, village u-v2)             5 FULL, members PLANTING: not weak, no ERROR
 * │   └── o-v3 (BRANCH, village u-v3)             1 FULL, PLANTING: breaks MIN_FULL_MEMBERS, weak
 * ├── o-farm (BRANCH, enterprise u-farm in u-t1, BREEDING)  f1 FULL; f2 FULL, secretary of o-farm
 * └── o-bur (BRANCH, no unit)                     b1 FULL PLANTING; b2 PROBATIONARY PLANTING
 * </pre>
 */
class FirstSecretaryMatcherTests {

	private static Member member(String id, MemberStatus status, String org, Trade trade, List<RoleAssignment> roles) {
		return new Member(id, id, status, org, null, trade, null, null, null, null, null, null, roles, List.of(), null,
				null);
	}

	private static Structure county() {
		List<Unit> units = List.of(Unit.of("u-c", UnitKind.COUNTY, "縣", null), Unit.of("u-t1", UnitKind.TOWNSHIP, "東鄉", "u-c"),
				Unit.of("u-v1", UnitKind.VILLAGE, "一村", "u-t1"), Unit.of("u-v2", UnitKind.VILLAGE, "二村", "u-t1"),
				Unit.of("u-v3", UnitKind.VILLAGE, "三村", "u-t1"), Unit.of("u-farm", UnitKind.ENTERPRISE, "養殖場", "u-t1"));
		List<Org> orgs = List.of(Org.of("o-c", OrgKind.COUNTY_COMMITTEE, "縣委", null).withUnits(List.of("u-c")),
				Org.of("o-t1", OrgKind.TOWNSHIP_COMMITTEE, "東鄉黨委", "o-c").withUnits(List.of("u-t1")),
				new Org("o-v1", OrgKind.BRANCH, "一村黨支部", "o-t1", List.of(), List.of("u-v1"), Trade.BREEDING, null, null),
				Org.of("o-v2", OrgKind.BRANCH, "二村黨支部", "o-t1").withUnits(List.of("u-v2")),
				Org.of("o-v3", OrgKind.BRANCH, "三村黨支部", "o-t1").withUnits(List.of("u-v3")),
				new Org("o-farm", OrgKind.BRANCH, "養殖場黨支部", "o-c", List.of(), List.of("u-farm"), Trade.BREEDING, null, null),
				Org.of("o-bur", OrgKind.BRANCH, "農業局黨支部", "o-c"));
		List<Member> members = new java.util.ArrayList<>(List.of(member("v1a", MemberStatus.FULL, "o-v1", null, List.of()),
				member("v1b", MemberStatus.FULL, "o-v1", null, List.of()),
				member("v3a", MemberStatus.FULL, "o-v3", Trade.PLANTING, List.of()),
				member("f1", MemberStatus.FULL, "o-farm", null, List.of()),
				member("f2", MemberStatus.FULL, "o-farm", null, List.of(new RoleAssignment("o-farm", Role.SECRETARY))),
				member("b1", MemberStatus.FULL, "o-bur", Trade.PLANTING, List.of()),
				member("b2", MemberStatus.PROBATIONARY, "o-bur", Trade.PLANTING, List.of())));
		for (int i = 0; i < 5; i++) {
			members.add(member("v2" + i, MemberStatus.FULL, "o-v2", Trade.PLANTING, List.of()));
		}
		return Structure.of(new Dataset("t", units, orgs, members));
	}

	private static List<ComplianceIssue> errors(Structure s) {
		return new RuleChecker(RuleThresholds.DEFAULTS).check(s, "o-c", EnumSet.allOf(Rule.class), LocalDate.of(2026, 12, 1));
	}

	@Test
	void villagesThatLackMostGetTheMemberWhoMatchesThemBest() {
		Structure s = county();
		List<Suggestion> suggestions = new FirstSecretaryMatcher(s, 5).match("o-c", errors(s), Set.of(), Set.of(), 20);
		assertThat(suggestions).extracting(Suggestion::village).containsExactly("o-v1", "o-v3");
		Suggestion v1 = suggestions.get(0);
		assertThat(v1.needs()).containsExactly("MIN_FULL_MEMBERS", v1.needs().get(1));
		assertThat(v1.needs().get(1)).startsWith("WEAK: 2 full members, fewer than 5");
		// f2: breeding like o-farm (3) + secretary (2) + o-farm lies in the village's township (1).
		assertThat(v1.member()).isEqualTo("f2");
		assertThat(v1.by()).isEqualTo("o-farm");
		assertThat(v1.score()).isEqualTo(6);
		assertThat(v1.reasons()).hasSize(3)
			.anySatisfy((r) -> assertThat(r).startsWith("trade: the village works in BREEDING (養殖)"))
			.anySatisfy((r) -> assertThat(r).startsWith("experience: holds SECRETARY at 養殖場黨支部"))
			.anySatisfy((r) -> assertThat(r).startsWith("nearby: 養殖場黨支部 is in 東鄉"));
		// o-v3's members plant: b1 (PLANTING, 3) beats f1 (township only, 1); b2 is probationary.
		Suggestion v3 = suggestions.get(1);
		assertThat(v3.member()).isEqualTo("b1");
		assertThat(v3.score()).isEqualTo(3);
	}

	@Test
	void servedVillagesAndServingMembersAreLeftOut() {
		Structure s = county();
		List<Suggestion> suggestions = new FirstSecretaryMatcher(s, 5).match("o-c", errors(s), Set.of("o-v1"), Set.of("b1"), 20);
		assertThat(suggestions).singleElement().satisfies((v3) -> {
			assertThat(v3.village()).isEqualTo("o-v3");
			// b1 serves elsewhere: f1 or f2 (township, 1; f2's office adds 2).
			assertThat(v3.member()).isEqualTo("f2");
			assertThat(v3.score()).isEqualTo(3);
		});
	}

	@Test
	void weaknessIsConfigurableAndAVillageNobodyMatchesIsListedSo() {
		Structure s = county();
		// Weak below 6: o-v2 (5 full) needs one too, with no rule broken; nobody else plants but b1,
		// who goes to o-v3 first (two needs), so o-v2 gets f1 for the township.
		List<Suggestion> six = new FirstSecretaryMatcher(s, 6).match("o-c", errors(s), Set.of(), Set.of(), 20);
		assertThat(six).extracting(Suggestion::village).containsExactly("o-v1", "o-v3", "o-v2");
		assertThat(six.get(2).member()).isEqualTo("f1");
		assertThat(six.get(2).reasons()).singleElement().satisfies((r) -> assertThat(r).startsWith("nearby"));
		// Weakness off: only the rule breakers; with every sender serving, nobody matches.
		List<Suggestion> none = new FirstSecretaryMatcher(s, 0).match("o-t1", errors(s), Set.of(), Set.of("f1", "f2", "b1"), 20);
		assertThat(none).extracting(Suggestion::village).containsExactly("o-v1", "o-v3");
		assertThat(none).allSatisfy((x) -> {
			assertThat(x.member()).isNull();
			assertThat(x.needs()).containsExactly("MIN_FULL_MEMBERS");
			assertThat(x.reasons()).singleElement().satisfies((r) -> assertThat(r).contains("no member in scope matches"));
		});
		assertThat(new FirstSecretaryMatcher(s, 5).match("o-c", errors(s), Set.of(), Set.of(), 1)).hasSize(1);
	}

}
