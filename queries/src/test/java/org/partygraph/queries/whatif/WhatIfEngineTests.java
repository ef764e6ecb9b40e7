package org.partygraph.queries.whatif;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partygraph.model.AwayRecord;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.rules.Severity;
import org.partygraph.queries.rules.TestGraph;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.text.Lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The what-if operations of docs/contract.md section 2 on small hand-built graphs: what each does to
 * the structure (read from {@link WorkingCopy}, the copy the engine plays them on), and what the
 * engine reports (figures, issues fixed and introduced, members moved, errors).
 */
class WhatIfEngineTests {

	private final RuleChecker checker = new RuleChecker(RuleThresholds.DEFAULTS);

	private final WhatIfEngine engine = new WhatIfEngine(this.checker, (structure, within) -> List.of());

	// ---- helpers ----------------------------------------------------------------------------

	private static Dataset play(Dataset before, Operation... ops) {
		WorkingCopy copy = new WorkingCopy(before, RuleThresholds.DEFAULTS.minFullMembers());
		for (int i = 0; i < ops.length; i++) {
			copy.apply(i, ops[i]);
		}
		return copy.toDataset();
	}

	private static Map<String, Org> orgs(Dataset d) {
		return d.orgs().stream().collect(Collectors.toMap(Org::id, Function.identity()));
	}

	private static Map<String, Member> members(Dataset d) {
		return d.members().stream().collect(Collectors.toMap(Member::id, Function.identity()));
	}

	private static double value(List<Metric> metrics, String key) {
		List<Metric> found = metrics.stream().filter((m) -> m.key().equals(key)).toList();
		assertThat(found).as("metric " + key).hasSize(1);
		return found.get(0).value();
	}

	private static Set<String> keys(List<ComplianceIssue> issues) {
		return issues.stream().map(ComplianceIssue::key).collect(Collectors.toSet());
	}

	private InvalidOperationException invalid(Dataset d, Operation... ops) {
		InvalidOperationException ex = catchThrowableOfType(InvalidOperationException.class,
				() -> this.engine.run(d, null, List.of(ops)));
		assertThat(ex).as("an InvalidOperationException").isNotNull();
		assertThat(ex.getMessage()).contains("operation " + ex.index());
		return ex;
	}

	// ---- scenarios ----------------------------------------------------------------------------

	/**
	 * <pre>
	 * o-c (COUNTY_COMMITTEE, u-c)
	 * └── o-t (TOWNSHIP_COMMITTEE, u-t)
	 *     └── o-v  下寨村黨支部 (BRANCH, u-v, no committee)
	 *         └── o-v-g1 第一黨小組 (PARTY_GROUP)
	 * o-v members: PLANTING p1..p4 FULL, p5 PROBATIONARY; BREEDING b1..b3 FULL; PROCESSING c1, c2 FULL;
	 * no trade n1 (SECRETARY of o-v), n2. p1 is DEPUTY_SECRETARY of o-v. b1, c1, n2 are in o-v-g1.
	 * </pre>
	 */
	static TestGraph village() {
		TestGraph g = TestGraph.countyWithTownship()
			.unit("u-v", UnitKind.VILLAGE, "下寨村", "u-t")
			.org("o-v", OrgKind.BRANCH, "下寨村黨支部", "o-t", "u-v")
			.committee("o-v", false)
			.org("o-v-g1", OrgKind.PARTY_GROUP, "第一黨小組", "o-v");
		for (int i = 1; i <= 4; i++) {
			g.member("p" + i, "種植" + i, MemberStatus.FULL, "o-v", Trade.PLANTING, null);
		}
		g.member("p5", "種植5", MemberStatus.PROBATIONARY, "o-v", Trade.PLANTING, null);
		g.member("b1", "養殖1", MemberStatus.FULL, "o-v", Trade.BREEDING, "o-v-g1");
		g.member("b2", "養殖2", MemberStatus.FULL, "o-v", Trade.BREEDING, null);
		g.member("b3", "養殖3", MemberStatus.FULL, "o-v", Trade.BREEDING, null);
		g.member("c1", "加工1", MemberStatus.FULL, "o-v", Trade.PROCESSING, "o-v-g1");
		g.member("c2", "加工2", MemberStatus.FULL, "o-v", Trade.PROCESSING, null);
		g.member("n1", "無業1", MemberStatus.FULL, "o-v", null, null);
		g.member("n2", "無業2", MemberStatus.FULL, "o-v", null, "o-v-g1");
		g.role("n1", "o-v", Role.SECRETARY).role("p1", "o-v", Role.DEPUTY_SECRETARY);
		return g;
	}

	/**
	 * <pre>
	 * o-c (COUNTY_COMMITTEE, u-c)
	 * ├── o-t  甲鄉黨委 (TOWNSHIP_COMMITTEE, u-t)      member t1 (COMMITTEE_MEMBER of o-b, participates in o-a)
	 * ├── o-t2 乙鄉黨委 (TOWNSHIP_COMMITTEE, u-t2)
	 * └── o-npe 非公經濟組織工委 (WORKING_COMMITTEE)
	 *     ├── o-a 甲公司黨支部 (BRANCH, u-e1; co-managed by o-t)          a1 (SECRETARY, in o-a-g), a2
	 *     │   └── o-a-g (PARTY_GROUP)
	 *     ├── o-b 乙公司黨支部 (BRANCH, u-e2, u-b2; co-managed by o-t, o-t2) b1 (SECRETARY), b2 PROBATIONARY
	 *     │   └── o-b-g (PARTY_GROUP)
	 *     └── o-s 丙公司黨支部 (BRANCH, u-e3; co-managed by o-t)          s1..s3 (s1 SECRETARY)
	 * </pre>
	 * o-a and o-b are both short of full members (2 and 1).
	 */
	static TestGraph enterprises() {
		TestGraph g = TestGraph.countyWithTownship()
			.unit("u-t2", UnitKind.TOWNSHIP, "乙鄉", "u-c")
			.org("o-t2", OrgKind.TOWNSHIP_COMMITTEE, "乙鄉黨委", "o-c", "u-t2")
			.org("o-npe", OrgKind.WORKING_COMMITTEE, "非公經濟組織工委", "o-c")
			.unit("u-e1", UnitKind.ENTERPRISE, "甲公司", "u-t")
			.unit("u-e2", UnitKind.ENTERPRISE, "乙公司", "u-t2")
			.unit("u-b2", UnitKind.PRODUCTION_BASE, "乙基地", "u-t2")
			.unit("u-e3", UnitKind.ENTERPRISE, "丙公司", "u-t")
			.org("o-a", OrgKind.BRANCH, "甲公司黨支部", "o-npe", "u-e1")
			.coManagedBy("o-a", "o-t")
			.org("o-a-g", OrgKind.PARTY_GROUP, "甲公司黨小組", "o-a")
			.org("o-b", OrgKind.BRANCH, "乙公司黨支部", "o-npe", "u-e2", "u-b2")
			.coManagedBy("o-b", "o-t", "o-t2")
			.org("o-b-g", OrgKind.PARTY_GROUP, "乙公司黨小組", "o-b")
			.org("o-s", OrgKind.BRANCH, "丙公司黨支部", "o-npe", "u-e3")
			.coManagedBy("o-s", "o-t");
		g.member("a1", "甲一", MemberStatus.FULL, "o-a", null, "o-a-g");
		g.member("a2", "甲二", MemberStatus.FULL, "o-a", null, null);
		g.member("b1", "乙一", MemberStatus.FULL, "o-b", null, null);
		g.member("b2", "乙二", MemberStatus.PROBATIONARY, "o-b", null, null);
		g.member("s1", "丙一", MemberStatus.FULL, "o-s", null, null);
		g.member("s2", "丙二", MemberStatus.FULL, "o-s", null, null);
		g.member("s3", "丙三", MemberStatus.FULL, "o-s", null, null);
		g.member("t1", "鄉一", MemberStatus.FULL, "o-t", null, null);
		g.member(g.member("t1").withParticipatesIn(List.of("o-a")));
		g.role("a1", "o-a", Role.SECRETARY)
			.role("b1", "o-b", Role.SECRETARY)
			.role("s1", "o-s", Role.SECRETARY)
			.role("t1", "o-b", Role.COMMITTEE_MEMBER);
		return g;
	}

	private static final Operation MERGE_A_B = Operation.merge(List.of("o-a", "o-b"), "甲乙公司聯合黨支部");

	// ---- SPLIT_BY_TRADE -----------------------------------------------------------------------

	@Nested
	class SplitByTrade {

		private final Dataset before = village().dataset();

		@Test
		void theStructureAfter() {
			Dataset after = play(this.before, Operation.splitByTrade("o-v"));
			Map<String, Org> orgs = orgs(after);
			Map<String, Member> members = members(after);
			Org was = orgs(this.before).get("o-v");

			// the org becomes a GENERAL_BRANCH keeping its id, units and officers
			assertThat(orgs.get("o-v")).isEqualTo(was.withKind(OrgKind.GENERAL_BRANCH));
			assertThat(members.get("n1").roles()).containsExactly(new RoleAssignment("o-v", Role.SECRETARY));
			assertThat(members.get("p1").roles()).containsExactly(new RoleAssignment("o-v", Role.DEPUTY_SECRETARY));

			List<Org> created = after.orgs().stream().filter((o) -> !orgs(this.before).containsKey(o.id())).toList();
			assertThat(created).hasSize(3).allSatisfy((o) -> assertThat(o.parent()).isEqualTo("o-v"));
			assertThat(created).extracting(Org::kind, Org::trade)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(OrgKind.BRANCH, Trade.PLANTING),
						org.assertj.core.groups.Tuple.tuple(OrgKind.BRANCH, Trade.BREEDING),
						org.assertj.core.groups.Tuple.tuple(OrgKind.PARTY_GROUP, Trade.PROCESSING));
			String planting = idOf(created, Trade.PLANTING);
			String breeding = idOf(created, Trade.BREEDING);
			String processing = idOf(created, Trade.PROCESSING);

			// trades with 3+ full members move, all their members (probationary too), out of any group
			assertThat(List.of("p1", "p2", "p3", "p4", "p5"))
				.allSatisfy((id) -> assertThat(members.get(id).org()).isEqualTo(planting));
			assertThat(List.of("b1", "b2", "b3"))
				.allSatisfy((id) -> assertThat(members.get(id).org()).isEqualTo(breeding));
			assertThat(members.get("b1").group()).isNull();
			// fewer: membership stays, assigned to the new group
			assertThat(List.of("c1", "c2")).allSatisfy((id) -> {
				assertThat(members.get(id).org()).isEqualTo("o-v");
				assertThat(members.get(id).group()).isEqualTo(processing);
			});
			// no trade: stay, group kept
			assertThat(members.get("n1").org()).isEqualTo("o-v");
			assertThat(members.get("n2").org()).isEqualTo("o-v");
			assertThat(members.get("n2").group()).isEqualTo("o-v-g1");
			// existing children stay under the org
			assertThat(orgs.get("o-v-g1")).isEqualTo(orgs(this.before).get("o-v-g1"));

			Structure s = Structure.of(after);
			assertThat(s.memberCount(planting)).isEqualTo(5);
			assertThat(s.fullMemberCount(planting)).isEqualTo(4);
			assertThat(s.memberCount(breeding)).isEqualTo(3);
			assertThat(s.memberCount(processing)).isEqualTo(2);
			assertThat(s.memberCount("o-v")).isEqualTo(12);
			assertThat(s.directMembers("o-v")).extracting(Member::id).containsExactlyInAnyOrder("c1", "c2", "n1", "n2");
		}

		private String idOf(List<Org> orgs, Trade trade) {
			return orgs.stream().filter((o) -> o.trade() == trade).findFirst().orElseThrow().id();
		}

		@Test
		void theReport() {
			WhatIfReport report = WhatIfEngineTests.this.engine.run(this.before, null,
					List.of(Operation.splitByTrade("o-v")));

			assertThat(report.membersMoved()).isEqualTo(8);
			assertThat(report.moves()).extracting(MemberMove::memberId)
				.containsExactlyInAnyOrder("p1", "p2", "p3", "p4", "p5", "b1", "b2", "b3");
			assertThat(report.moves()).allSatisfy((m) -> assertThat(m.fromOrg()).isEqualTo("o-v"));
			assertThat(report.orgsCreated()).hasSize(3).doesNotHaveDuplicates().doesNotContain("o-v", "o-v-g1");
			assertThat(report.orgsDissolved()).isEmpty();

			assertThat(value(report.before(), "orgs")).isEqualTo(4);
			assertThat(value(report.before(), "orgs.BRANCH")).isEqualTo(1);
			assertThat(value(report.before(), "orgs.GENERAL_BRANCH")).isEqualTo(0);
			assertThat(value(report.before(), "orgs.PARTY_GROUP")).isEqualTo(1);
			assertThat(value(report.before(), "branchMembers.min")).isEqualTo(12);
			assertThat(value(report.before(), "branchMembers.median")).isEqualTo(12);
			assertThat(value(report.before(), "branchMembers.max")).isEqualTo(12);

			assertThat(value(report.after(), "orgs")).isEqualTo(7);
			assertThat(value(report.after(), "orgs.BRANCH")).isEqualTo(2);
			assertThat(value(report.after(), "orgs.GENERAL_BRANCH")).isEqualTo(1);
			assertThat(value(report.after(), "orgs.PARTY_GROUP")).isEqualTo(2);
			assertThat(value(report.after(), "orgs.JOINT_BRANCH")).isEqualTo(0);
			assertThat(value(report.after(), "branchMembers.min")).isEqualTo(3);
			assertThat(value(report.after(), "branchMembers.median")).isEqualTo(4);
			assertThat(value(report.after(), "branchMembers.max")).isEqualTo(5);
			assertThat(value(report.after(), "members")).isEqualTo(12);
			assertThat(value(report.after(), "members.FULL")).isEqualTo(11);
			assertThat(value(report.after(), "depth")).isEqualTo(3);
			assertThat(report.before()).extracting(Metric::key)
				.containsExactlyElementsOf(report.after().stream().map(Metric::key).toList());

			// 11 full members without a committee: gone with the branch
			assertThat(keys(report.issuesFixed())).contains("COMMITTEE_REQUIRED@o-v");
			assertThat(report.issuesIntroduced()).noneMatch((i) -> i.severity() == Severity.ERROR);
			assertThat(report.issuesIntroduced()).extracting(ComplianceIssue::rule)
				.containsOnly(Rule.SECRETARY_MISSING);
		}

		@Test
		void aJointBranchCanBeSplitButAGeneralBranchCannot() {
			Dataset joint = village().change("o-v", (o) -> o.withKind(OrgKind.JOINT_BRANCH)).dataset();
			assertThat(orgs(play(joint, Operation.splitByTrade("o-v"))).get("o-v").kind())
				.isEqualTo(OrgKind.GENERAL_BRANCH);

			Dataset general = village().change("o-v", (o) -> o.withKind(OrgKind.GENERAL_BRANCH)).dataset();
			InvalidOperationException ex = invalid(general, Operation.splitByTrade("o-v"));
			assertThat(ex.index()).isZero();
			assertThat(ex.getMessage()).contains("org");
		}

		@Test
		void withinTheOrgTheFiguresCountItsSubtreeOnly() {
			WhatIfReport report = WhatIfEngineTests.this.engine.run(this.before, "o-v",
					List.of(Operation.splitByTrade("o-v")));
			assertThat(value(report.before(), "orgs")).isEqualTo(2);
			assertThat(value(report.after(), "orgs")).isEqualTo(5);
			assertThat(report.membersMoved()).isEqualTo(8);
			assertThat(report.issuesFixed()).allSatisfy((i) -> assertThat(i.orgId()).isIn("o-v", "o-v-g1"));
		}

	}

	// ---- MERGE --------------------------------------------------------------------------------

	@Nested
	class Merge {

		private final Dataset before = enterprises().dataset();

		@Test
		void theJointBranchTakesEverything() {
			Dataset after = play(this.before, MERGE_A_B);
			Map<String, Org> orgs = orgs(after);
			Map<String, Member> members = members(after);

			assertThat(orgs).doesNotContainKeys("o-a", "o-b");
			List<Org> created = after.orgs().stream().filter((o) -> !orgs(this.before).containsKey(o.id())).toList();
			assertThat(created).hasSize(1);
			Org joint = created.get(0);
			assertThat(joint.kind()).isEqualTo(OrgKind.JOINT_BRANCH);
			assertThat(joint.name()).isEqualTo("甲乙公司聯合黨支部");
			assertThat(joint.parent()).isEqualTo("o-npe");
			assertThat(joint.units()).containsExactlyInAnyOrder("u-e1", "u-e2", "u-b2");
			assertThat(joint.coManagedBy()).containsExactlyInAnyOrder("o-t", "o-t2");

			for (String id : List.of("a1", "a2", "b1", "b2")) {
				assertThat(members.get(id).org()).as(id).isEqualTo(joint.id());
			}
			assertThat(members.get("s1").org()).isEqualTo("o-s");
			assertThat(orgs.get("o-a-g").parent()).isEqualTo(joint.id());
			assertThat(orgs.get("o-b-g").parent()).isEqualTo(joint.id());
			assertThat(orgs.get("o-s")).isEqualTo(orgs(this.before).get("o-s"));
			// roles held at them now point at it; so does participation
			assertThat(members.get("a1").roles()).containsExactly(new RoleAssignment(joint.id(), Role.SECRETARY));
			assertThat(members.get("b1").roles()).containsExactly(new RoleAssignment(joint.id(), Role.SECRETARY));
			assertThat(members.get("t1").roles())
				.containsExactly(new RoleAssignment(joint.id(), Role.COMMITTEE_MEMBER));
			assertThat(members.get("t1").participatesIn()).containsExactly(joint.id());
			assertThat(members.get("t1").org()).isEqualTo("o-t");
		}

		@Test
		void aMemberKeepsTheirPartyGroupWhenTheGroupMovesWithThem() {
			// a1 is in o-a-g, under o-a; both move to the joint branch, so a1's group is still valid
			Dataset after = play(this.before, MERGE_A_B);
			assertThat(members(after).get("a1").group()).isEqualTo("o-a-g");
		}

		@Test
		void theReport() {
			WhatIfReport report = WhatIfEngineTests.this.engine.run(this.before, null, List.of(MERGE_A_B));
			assertThat(keys(report.issuesFixed())).contains("MIN_FULL_MEMBERS@o-a", "MIN_FULL_MEMBERS@o-b");
			assertThat(report.issuesIntroduced()).noneMatch((i) -> i.severity() == Severity.ERROR);
			assertThat(report.issuesIntroduced()).noneMatch((i) -> i.rule() == Rule.SECRETARY_MISSING);
			assertThat(report.membersMoved()).isEqualTo(4);
			assertThat(report.orgsCreated()).hasSize(1);
			assertThat(report.orgsDissolved()).containsExactlyInAnyOrder("o-a", "o-b");
			assertThat(report.moves()).allSatisfy((m) -> assertThat(m.toOrg()).isEqualTo(report.orgsCreated().get(0)));
			assertThat(value(report.before(), "orgs.BRANCH")).isEqualTo(3);
			assertThat(value(report.after(), "orgs.BRANCH")).isEqualTo(1);
			assertThat(value(report.after(), "orgs.JOINT_BRANCH")).isEqualTo(1);
			assertThat(value(report.before(), "issues.ERROR")).isEqualTo(2);
			assertThat(value(report.after(), "issues.ERROR")).isEqualTo(0);
			assertThat(value(report.before(), "dualManaged")).isEqualTo(3);
			assertThat(value(report.after(), "dualManaged")).isEqualTo(2);
		}

		@Test
		void theDepthFigureFollowsReparentedChildren() {
			// o-c → o-npe → joint → o-a-g is still 3 deep, as o-c → o-npe → o-a → o-a-g was
			WhatIfReport report = WhatIfEngineTests.this.engine.run(this.before, null, List.of(MERGE_A_B));
			assertThat(value(report.before(), "depth")).isEqualTo(3);
			assertThat(value(report.after(), "depth")).isEqualTo(3);
		}

		@Test
		void movingAnOrgUnderAPartyGroupIsRefused() {
			// No org is subordinate to a party group: a what-if refuses it as it would refuse a cycle.
			InvalidOperationException ex = invalid(this.before, Operation.moveOrg("o-t2", "o-a-g"));
			assertThat(ex.index()).isZero();
			assertThat(ex.getMessage()).contains("target").contains("PARTY_GROUP");
		}

		@Test
		void mergingAcrossTwoRootsIsRefused() {
			Dataset two = enterprises().org("o-c2", OrgKind.COUNTY_COMMITTEE, "鄰縣縣委", null)
				.org("o-z", OrgKind.BRANCH, "鄰縣黨支部", "o-c2")
				.dataset();
			InvalidOperationException ex = invalid(two, Operation.merge(List.of("o-a", "o-z"), "跨縣聯合黨支部"));
			assertThat(ex.index()).isZero();
			assertThat(ex.getMessage()).contains("orgs").contains("o-z");
		}

		@Test
		void mergingNestedOrgsOrTooFewIsRefused() {
			assertThat(invalid(this.before, Operation.merge(List.of("o-a", "o-a-g"), "x")).getMessage())
				.contains("orgs");
			assertThat(invalid(this.before, Operation.merge(List.of("o-a"), "x")).getMessage()).contains("orgs");
			assertThat(invalid(this.before, Operation.merge(List.of("o-a", "o-b"), " ")).getMessage())
				.contains("name");
		}

		@Test
		void aJointBranchNameBreakingTheNameRuleIsRefusedNamingTheField() {
			assertThat(invalid(this.before, Operation.merge(List.of("o-a", "o-b"), "聯合\u0000支部")).getMessage())
				.isEqualTo("operation 0 (MERGE): name: name has a control character U+0000 at position 3");
			assertThat(invalid(this.before, Operation.merge(List.of("o-a", "o-b"), "\u202Egnp.exe")).getMessage())
				.endsWith("name: name has a format character U+202E at position 1");
			assertThat(invalid(this.before, Operation.merge(List.of("o-a", "o-b"), "支".repeat(201))).getMessage())
				.endsWith("name: name is 201 characters; at most 200");
		}

		@Test
		void theJointBranchGetsTheNameInItsStoredForm() {
			Dataset after = play(this.before, Operation.merge(List.of("o-a", "o-b"), "  Jose\u0301 聯合黨支部 "));
			Org joint = after.orgs().stream().filter((o) -> !orgs(this.before).containsKey(o.id())).findFirst().orElseThrow();
			assertThat(joint.name()).isEqualTo("Jos\u00E9 聯合黨支部");
		}

	}

	// ---- errors -------------------------------------------------------------------------------

	@Nested
	class Errors {

		private final Dataset village = village().dataset();

		@Test
		void aMoveThatMakesACycleNamesItsIndexAndTarget() {
			InvalidOperationException ex = invalid(this.village, Operation.moveOrg("o-t", "o-v"));
			assertThat(ex.index()).isZero();
			assertThat(ex.getMessage()).contains("target");
			assertThat(invalid(this.village, Operation.moveOrg("o-v", "o-v")).getMessage()).contains("target");
		}

		@Test
		void unknownIds() {
			InvalidOperationException org = invalid(this.village, Operation.upgrade("o-nope", "GENERAL_BRANCH"));
			assertThat(org.index()).isZero();
			assertThat(org.getMessage()).contains("org").contains("o-nope");
			assertThat(invalid(this.village, Operation.moveOrg("o-v", "o-nope")).getMessage()).contains("target")
				.contains("o-nope");
			assertThat(invalid(this.village, Operation.transferMember("m-nope", "o-t")).getMessage())
				.contains("member")
				.contains("m-nope");
			assertThat(invalid(this.village, Operation.merge(List.of("o-v", "o-nope"), "x")).getMessage())
				.contains("orgs")
				.contains("o-nope");
			assertThat(invalid(this.village, Operation.upgrade("o-v", "NOT_A_KIND")).getMessage()).contains("kind");
			assertThat(invalid(this.village, Operation.assignRole("n1", "o-v", "KING")).getMessage()).contains("kind");
		}

		@Test
		void membershipIsNeverInAPartyGroup() {
			InvalidOperationException ex = invalid(this.village, Operation.transferMember("n1", "o-v-g1"));
			assertThat(ex.index()).isZero();
			assertThat(ex.getMessage()).contains("target");
			assertThat(invalid(this.village, Operation.dissolve("o-v", "o-v-g1")).getMessage()).contains("target");
			assertThat(invalid(this.village, Operation.upgrade("o-v", "PARTY_GROUP")).getMessage()).contains("kind");
		}

		@Test
		void coManagerErrors() {
			assertThat(invalid(this.village, Operation.removeCoManager("o-v", "o-t")).getMessage()).contains("target");
			assertThat(invalid(this.village, Operation.addCoManager("o-v", "o-v")).getMessage()).contains("target");
		}

		@Test
		void theIndexIsThatOfTheFailingOperation() {
			InvalidOperationException third = invalid(this.village, Operation.upgrade("o-v", "GENERAL_BRANCH"),
					Operation.electCommittee("o-v"), Operation.transferMember("n1", "o-v-g1"));
			assertThat(third.index()).isEqualTo(2);
			assertThat(third.getMessage()).contains("operation 2");

			InvalidOperationException second = invalid(this.village, Operation.electCommittee("o-v"),
					Operation.splitByTrade("o-t"), Operation.electCommittee("o-v"));
			assertThat(second.index()).isEqualTo(1);
		}

		@Test
		void anOrgRemovedByAnEarlierOperationIsUnknownLater() {
			InvalidOperationException ex = invalid(enterprises().dataset(), MERGE_A_B,
					Operation.electCommittee("o-a"));
			assertThat(ex.index()).isEqualTo(1);
			assertThat(ex.getMessage()).contains("o-a");
			// splitting twice: the second sees a GENERAL_BRANCH
			assertThat(invalid(this.village, Operation.splitByTrade("o-v"), Operation.splitByTrade("o-v")).index())
				.isEqualTo(1);
		}

		@Test
		void aFailedRunChangesNothing() {
			Dataset copy = village().dataset();
			invalid(this.village, Operation.splitByTrade("o-v"), Operation.moveOrg("o-t", "o-v"));
			assertThat(this.village).isEqualTo(copy);
		}

	}

	// ---- the other operations -------------------------------------------------------------------

	@Nested
	class OtherOperations {

		@Test
		void transferMemberClearsTheGroup() {
			Dataset before = village().dataset();
			Dataset after = play(before, Operation.transferMember("n2", "o-t"));
			assertThat(members(after).get("n2").org()).isEqualTo("o-t");
			assertThat(members(after).get("n2").group()).isNull();
			assertThat(members(after).get("n2").roles()).isEqualTo(members(before).get("n2").roles());

			WhatIfReport report = WhatIfEngineTests.this.engine.run(before, null,
					List.of(Operation.transferMember("n2", "o-t")));
			assertThat(report.membersMoved()).isEqualTo(1);
			assertThat(report.moves()).containsExactly(new MemberMove("n2", "無業2", "o-v", "o-t"));
			assertThat(report.orgsCreated()).isEmpty();
		}

		@Test
		void transferringTwiceBackHomeMovesNobody() {
			WhatIfReport report = WhatIfEngineTests.this.engine.run(village().dataset(), null,
					List.of(Operation.transferMember("n1", "o-t"), Operation.transferMember("n1", "o-v")));
			assertThat(report.membersMoved()).isZero();
		}

		/**
		 * o-t → o-gb 下寨村黨總支 (g1 SECRETARY, g2; g3 in o-gb-1 is DEPUTY_SECRETARY of o-gb) with
		 * children o-gb-1, o-gb-2; o-s a sibling branch under o-t.
		 */
		private TestGraph generalBranch() {
			TestGraph g = TestGraph.countyWithTownship()
				.org("o-gb", OrgKind.GENERAL_BRANCH, "下寨村黨總支", "o-t")
				.org("o-gb-1", OrgKind.BRANCH, "種植黨支部", "o-gb")
				.org("o-gb-2", OrgKind.BRANCH, "養殖黨支部", "o-gb")
				.org("o-s", OrgKind.BRANCH, "上寨村黨支部", "o-t")
				.org("o-e", OrgKind.BRANCH, "某企業黨支部", "o-t")
				.coManagedBy("o-e", "o-gb", "o-t");
			g.member("g1", "總一", MemberStatus.FULL, "o-gb", null, null);
			g.member("g2", "總二", MemberStatus.PROBATIONARY, "o-gb", null, null);
			g.member("g3", "支一", MemberStatus.FULL, "o-gb-1", null, null);
			g.full("o-gb-1", 2).full("o-gb-2", 3).full("o-s", 3).full("o-e", 3);
			g.member(g.member("g3").withParticipatesIn(List.of("o-gb")));
			g.role("g1", "o-gb", Role.SECRETARY)
				.role("g3", "o-gb", Role.DEPUTY_SECRETARY)
				.role("g3", "o-gb-1", Role.SECRETARY);
			return g;
		}

		@Test
		void dissolveMovesMembersToTargetChildrenToParentAndEndsRoles() {
			Dataset before = generalBranch().dataset();
			Dataset after = play(before, Operation.dissolve("o-gb", "o-s"));
			Map<String, Org> orgs = orgs(after);
			Map<String, Member> members = members(after);
			assertThat(orgs).doesNotContainKey("o-gb");
			assertThat(orgs.get("o-gb-1").parent()).isEqualTo("o-t");
			assertThat(orgs.get("o-gb-2").parent()).isEqualTo("o-t");
			assertThat(members.get("g1").org()).isEqualTo("o-s");
			assertThat(members.get("g2").org()).isEqualTo("o-s");
			assertThat(members.get("g1").roles()).isEmpty();
			assertThat(members.get("g3").org()).isEqualTo("o-gb-1");
			assertThat(members.get("g3").roles()).containsExactly(new RoleAssignment("o-gb-1", Role.SECRETARY));
			assertThat(members.get("g3").participatesIn()).isEmpty();
			assertThat(orgs.get("o-e").coManagedBy()).containsExactly("o-t");

			WhatIfReport report = WhatIfEngineTests.this.engine.run(before, null,
					List.of(Operation.dissolve("o-gb", "o-s")));
			assertThat(report.membersMoved()).isEqualTo(2);
			assertThat(report.orgsDissolved()).containsExactly("o-gb");
			assertThat(value(report.after(), "orgs.GENERAL_BRANCH")).isEqualTo(0);
			assertThat(value(report.after(), "members")).isEqualTo(value(report.before(), "members"));
		}

		@Test
		void dissolvingARootWithChildrenIsRefused() {
			assertThat(invalid(generalBranch().dataset(), Operation.dissolve("o-c", "o-t")).getMessage())
				.contains("org");
		}

		/**
		 * o-npe (WORKING_COMMITTEE) with o-e1 in leading u-e1 (no co-manager) and o-e2 in leading u-e2
		 * (co-managed by o-t); both enterprises lie in u-t.
		 */
		private TestGraph leadingEnterprises() {
			TestGraph g = TestGraph.countyWithTownship()
				.org("o-npe", OrgKind.WORKING_COMMITTEE, "非公經濟組織工委", "o-c")
				.leadingEnterprise("u-e1", "某肉業公司", "u-t")
				.leadingEnterprise("u-e2", "某乳業公司", "u-t")
				.org("o-e1", OrgKind.BRANCH, "某肉業公司黨支部", "o-npe", "u-e1")
				.org("o-e2", OrgKind.BRANCH, "某乳業公司黨支部", "o-npe", "u-e2")
				.coManagedBy("o-e2", "o-t");
			g.full("o-e1", 3).full("o-e2", 3);
			return g;
		}

		@Test
		void addCoManagerFixesDualManagement() {
			WhatIfReport report = WhatIfEngineTests.this.engine.run(leadingEnterprises().dataset(), null,
					List.of(Operation.addCoManager("o-e1", "o-t")));
			assertThat(value(report.before(), "dualManaged")).isEqualTo(1);
			assertThat(value(report.after(), "dualManaged")).isEqualTo(2);
			assertThat(keys(report.issuesFixed())).containsExactly("DUAL_MANAGEMENT_MISSING@o-e1");
			assertThat(report.issuesIntroduced()).isEmpty();
			assertThat(report.membersMoved()).isZero();
			assertThat(invalid(leadingEnterprises().dataset(), Operation.addCoManager("o-e2", "o-t")).getMessage())
				.contains("target");
		}

		@Test
		void removeCoManagerBreaksDualManagement() {
			Dataset before = leadingEnterprises().dataset();
			assertThat(orgs(play(before, Operation.removeCoManager("o-e2", "o-t"))).get("o-e2").coManagedBy())
				.isEmpty();
			WhatIfReport report = WhatIfEngineTests.this.engine.run(before, null,
					List.of(Operation.removeCoManager("o-e2", "o-t")));
			assertThat(value(report.before(), "dualManaged")).isEqualTo(1);
			assertThat(value(report.after(), "dualManaged")).isEqualTo(0);
			assertThat(keys(report.issuesIntroduced())).containsExactly("DUAL_MANAGEMENT_MISSING@o-e2");
			assertThat(report.issuesFixed()).isEmpty();
		}

		@Test
		void upgradeChangesTheKindOnly() {
			Dataset before = village().dataset();
			Dataset after = play(before, Operation.upgrade("o-v", "GENERAL_BRANCH"));
			List<Org> expected = new ArrayList<>();
			for (Org o : before.orgs()) {
				expected.add(o.id().equals("o-v") ? o.withKind(OrgKind.GENERAL_BRANCH) : o);
			}
			assertThat(after.orgs()).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(after.members()).containsExactlyInAnyOrderElementsOf(before.members());
			assertThat(after.units()).isEqualTo(before.units());

			WhatIfReport report = WhatIfEngineTests.this.engine.run(before, null,
					List.of(Operation.upgrade("o-v", "GENERAL_BRANCH")));
			assertThat(report.membersMoved()).isZero();
			assertThat(report.orgsCreated()).isEmpty();
			assertThat(report.orgsDissolved()).isEmpty();
			assertThat(value(report.after(), "orgs.GENERAL_BRANCH")).isEqualTo(1);
			assertThat(value(report.after(), "orgs.BRANCH")).isEqualTo(0);
		}

		@Test
		void electCommitteeFixesCommitteeRequired() {
			WhatIfReport report = WhatIfEngineTests.this.engine.run(village().dataset(), null,
					List.of(Operation.electCommittee("o-v")));
			assertThat(keys(report.issuesFixed())).containsExactly("COMMITTEE_REQUIRED@o-v");
			assertThat(report.issuesIntroduced()).isEmpty();
		}

		@Test
		void assignSecretaryFixesSecretaryMissing() {
			Dataset before = village().dataset();
			WhatIfReport report = WhatIfEngineTests.this.engine.run(before, null,
					List.of(Operation.assignRole("p2", "o-t", "SECRETARY")));
			assertThat(keys(report.issuesFixed())).containsExactly("SECRETARY_MISSING@o-t");
			assertThat(report.issuesIntroduced()).isEmpty();
			assertThat(report.membersMoved()).isZero();
			assertThat(members(play(before, Operation.assignRole("p2", "o-t", "SECRETARY"))).get("p2").roles())
				.containsExactly(new RoleAssignment("o-t", Role.SECRETARY));
		}

	}

	// ---- the scope of operations (within) -------------------------------------------------------

	@Nested
	class Within {

		/** enterprises() with a village branch o-v2 under the second township o-t2. */
		private Dataset county() {
			return enterprises().unit("u-v2", UnitKind.VILLAGE, "乙村", "u-t2")
				.org("o-v2", OrgKind.BRANCH, "乙村黨支部", "o-t2", "u-v2")
				.org("o-v1", OrgKind.BRANCH, "甲村黨支部", "o-t", "u-t")
				.dataset();
		}

		private InvalidOperationException refused(String within, Operation... ops) {
			InvalidOperationException ex = catchThrowableOfType(InvalidOperationException.class,
					() -> WhatIfEngineTests.this.engine.run(county(), within, List.of(ops)));
			assertThat(ex).as("refused").isNotNull();
			return ex;
		}

		@Test
		void aMergeNamingAnOrgOfAnotherTownshipIsRefusedNamingIndexOrgAndTheNearestHolder() {
			InvalidOperationException ex = refused("o-t", Operation.electCommittee("o-v1"),
					Operation.merge(List.of("o-v1", "o-v2"), "甲乙村聯合黨支部"));
			assertThat(ex.index()).isEqualTo(1);
			assertThat(ex.getMessage()).contains("operation 1 (MERGE)", "orgs: o-v2", "outside within o-t",
					"the nearest org whose subtree holds them all is o-c");
		}

		@Test
		void aCoManagerChangeOnAnOrgOutsideIsRefusedThoughItsTargetIsInside() {
			InvalidOperationException ex = refused("o-t", Operation.addCoManager("o-a", "o-t"));
			assertThat(ex.index()).isZero();
			assertThat(ex.getMessage()).contains("org: o-a", "outside within o-t", "holds them all is o-c");
		}

		@Test
		void aMemberWhoseOrgIsOutsideIsRefusedAndTheHolderIsTheLowestOne() {
			// s1 is of o-s, under o-npe; within o-a (also under o-npe) the nearest holder is o-npe.
			InvalidOperationException ex = refused("o-a", Operation.transferMember("s1", "o-a"));
			assertThat(ex.getMessage()).contains("member: s1's org o-s", "outside within o-a",
					"holds them all is o-npe");
			assertThat(refused("o-a", Operation.moveOrg("o-a-g", "o-s")).getMessage()).contains("target: o-s",
					"holds them all is o-npe");
		}

		@Test
		void everythingInsideAndOrgsCreatedInsideAreAccepted() {
			WhatIfReport report = WhatIfEngineTests.this.engine.run(county(), "o-npe",
					List.of(MERGE_A_B, Operation.transferMember("s1", "joint-o-a"), Operation.moveOrg("o-s", "o-npe")));
			assertThat(report.orgsCreated()).containsExactly("joint-o-a");
			assertThat(WhatIfEngineTests.this.engine.run(county(), null, List.of(Operation.addCoManager("o-a", "o-t2"))))
				.as("no within: anything in the copy").isNotNull();
		}

		@Test
		void unknownIdsAreStillUnknownWithin() {
			assertThat(refused("o-t", Operation.electCommittee("nope")).getMessage()).contains("no org has id 'nope'");
		}

	}

	// ---- the rules added in #20, as the what-if sees them ------------------------------------------

	@Test
	void mergingTwoOrgsEachWithASecretaryIntroducesSecretaryDuplicate() {
		// o-a and o-b each have a secretary (a1, b1): the joint branch has two.
		WhatIfReport report = this.engine.run(enterprises().dataset(), null, List.of(MERGE_A_B));
		assertThat(report.issuesIntroduced()).filteredOn((i) -> i.rule() == Rule.SECRETARY_DUPLICATE)
			.singleElement()
			.satisfies((i) -> {
				assertThat(i.orgId()).isEqualTo("joint-o-a");
				assertThat(i.actual()).isEqualTo(2);
				assertThat(i.fix()).extracting(Operation::op).containsExactly(Operation.Op.END_ROLE,
						Operation.Op.ASSIGN_ROLE);
			});
		// Its fix, played after the merge, leaves one secretary and a deputy.
		ComplianceIssue duplicate = report.issuesIntroduced()
			.stream()
			.filter((i) -> i.rule() == Rule.SECRETARY_DUPLICATE)
			.findFirst()
			.orElseThrow();
		List<Operation> fixed = new ArrayList<>(List.of(MERGE_A_B));
		fixed.addAll(duplicate.fix());
		WhatIfReport after = this.engine.run(enterprises().dataset(), null, fixed);
		assertThat(keys(after.issuesIntroduced())).doesNotContain("SECRETARY_DUPLICATE@joint-o-a");
		Dataset played = play(enterprises().dataset(), fixed.toArray(Operation[]::new));
		assertThat(played.members().stream().filter((m) -> m.roles()
			.contains(new RoleAssignment("joint-o-a", Role.SECRETARY)))).hasSize(1);
		assertThat(played.members().stream().filter((m) -> m.roles()
			.contains(new RoleAssignment("joint-o-a", Role.DEPUTY_SECRETARY)))).hasSize(1);
	}

	@Test
	void aSplitByTradeThatLeavesAPartyGroupEmptyIntroducesEmptyOrg() {
		// o-v's group o-v-g1 holds b1, c1, n2: with n2 and c1 moved out first, the split takes b1 to
		// the breeding branch and leaves the group with nobody.
		Dataset before = village().dataset();
		WhatIfReport report = this.engine.run(before, null, List.of(Operation.transferMember("n2", "o-t"),
				Operation.transferMember("c1", "o-t"), Operation.splitByTrade("o-v")));
		assertThat(keys(report.issuesIntroduced())).contains("EMPTY_ORG@o-v-g1");
		// b1 left it for the breeding branch; nobody is assigned to it any more.
		assertThat(members(play(before, Operation.transferMember("n2", "o-t"), Operation.transferMember("c1", "o-t"),
				Operation.splitByTrade("o-v"))).values()).noneMatch((m) -> "o-v-g1".equals(m.group()));
	}

	@Test
	void endRoleRefusesAnOfficeNotHeld() {
		InvalidOperationException ex = invalid(enterprises().dataset(), Operation.endRole("a2", "o-a", "SECRETARY"));
		assertThat(ex.getMessage()).contains("operation 0 (END_ROLE)", "a2 does not hold SECRETARY at o-a");
		assertThat(invalid(enterprises().dataset(), Operation.endRole("a1", "o-a", "KING")).getMessage())
			.contains("'KING' is not a role");
	}

	// ---- CREATE_ORG ------------------------------------------------------------------------------

	@Nested
	class CreateOrg {

		private final Operation create = Operation.createOrg("o-npe", "BRANCH", "丁公司黨支部", List.of("u-e3"));

		@Test
		void aNewOrgKnownAsNewIndexTakesMembersAndOrgsOfLaterOperations() {
			Dataset before = enterprises().dataset();
			Operation[] ops = { Operation.electCommittee("o-s"), this.create, Operation.transferMember("s2", "new-1"),
					Operation.transferMember("s3", "new-1"), Operation.transferMember("a2", "new-1"),
					Operation.moveOrg("o-b-g", "new-1") };
			Dataset after = play(before, ops);
			Org created = orgs(after).get("new-1");
			assertThat(created).isEqualTo(new Org("new-1", OrgKind.BRANCH, "丁公司黨支部", "o-npe", List.of(),
					List.of("u-e3"), null, false));
			assertThat(members(after).get("s2").org()).isEqualTo("new-1");
			assertThat(orgs(after).get("o-b-g").parent()).isEqualTo("new-1");

			WhatIfReport report = WhatIfEngineTests.this.engine.run(before, "o-npe", List.of(ops));
			assertThat(report.orgsCreated()).containsExactly("new-1");
			assertThat(report.membersMoved()).isEqualTo(3);
			assertThat(report.changes().get(1)).contains("new BRANCH 丁公司黨支部 (new-1) under 非公經濟組織工委");
			// Created with no member: a branch short of members and without a secretary until filled.
			WhatIfReport alone = WhatIfEngineTests.this.engine.run(before, null, List.of(this.create));
			assertThat(keys(alone.issuesIntroduced())).contains("EMPTY_ORG@new-0", "MIN_FULL_MEMBERS@new-0",
					"SECRETARY_MISSING@new-0");
			assertThat(alone.membersMoved()).isZero();
		}

		@Test
		void aKindThatCannotBeUnderTheTargetIsARuleBreakNotAnError() {
			WhatIfReport report = WhatIfEngineTests.this.engine.run(enterprises().dataset(), null,
					List.of(Operation.createOrg("o-a", "TOWNSHIP_COMMITTEE", "丙鄉黨委", List.of())));
			assertThat(keys(report.issuesIntroduced())).contains("PARENT_KIND@new-0");
		}

		@Test
		void badFieldsAreErrorsNamingIndexAndField() {
			Dataset d = enterprises().dataset();
			assertThat(invalid(d, Operation.electCommittee("o-a"),
					Operation.createOrg("o-npe", "BRANCH", "某黨支部", List.of("u-e1", "nope"))).getMessage())
				.contains("operation 1 (CREATE_ORG): units: no unit has id 'nope'");
			assertThat(invalid(d, Operation.createOrg("o-npe", "BRANCHY", "某黨支部", List.of())).getMessage())
				.contains("operation 0 (CREATE_ORG): kind: 'BRANCHY' is not an org kind");
			assertThat(invalid(d, Operation.createOrg("o-npe", null, "某黨支部", List.of())).getMessage())
				.contains("kind is missing");
			assertThat(invalid(d, Operation.createOrg("o-npe", "BRANCH", " ", List.of())).getMessage())
				.contains("name: the new org needs a name");
			assertThat(invalid(d, Operation.createOrg("nope", "BRANCH", "某黨支部", List.of())).getMessage())
				.contains("target: no org has id 'nope'");
			assertThat(invalid(d, Operation.createOrg("o-a-g", "BRANCH", "某黨支部", List.of())).getMessage())
				.contains("target: o-a-g is a PARTY_GROUP");
			assertThat(invalid(d, Operation.transferMember("a1", "new-0")).getMessage())
				.as("no CREATE_ORG at 0").contains("target: no org has id 'new-0'");
		}

		@Test
		void withinTheTargetMustLieInside() {
			InvalidOperationException ex = catchThrowableOfType(InvalidOperationException.class,
					() -> WhatIfEngineTests.this.engine.run(enterprises().dataset(), "o-npe",
							List.of(Operation.createOrg("o-t", "BRANCH", "甲村黨支部", List.of()))));
			assertThat(ex.getMessage()).contains("target: o-t", "outside within o-npe", "holds them all is o-c");
		}

	}

	// ---- the report as a whole ----------------------------------------------------------------

	@Test
	void theInputDatasetIsUnchanged() {
		Dataset before = enterprises().dataset();
		Dataset copy = enterprises().dataset();
		assertThat(before).isEqualTo(copy);
		this.engine.run(before, null,
				List.of(MERGE_A_B, Operation.transferMember("s1", "o-t"), Operation.dissolve("o-s", "o-t"),
						Operation.addCoManager("o-t2", "o-t"), Operation.assignRole("t1", "o-npe", "SECRETARY")));
		assertThat(before).isEqualTo(copy);

		Dataset village = village().dataset();
		this.engine.run(village, null, List.of(Operation.splitByTrade("o-v"), Operation.electCommittee("o-v")));
		assertThat(village).isEqualTo(village().dataset());
	}

	@Test
	void theMarkdownHasItsSectionsAndNamesTheOrgsInvolved() {
		WhatIfReport report = this.engine.run(enterprises().dataset(), null, List.of(MERGE_A_B));
		assertThat(report.markdown()).contains("# What-if: 1 change", "## Changes, in order", "## Figures",
				"## Rule breaks fixed (", "## Rule breaks introduced (", "## Members moved (4)", "## Orgs created (1)",
				"## Orgs dissolved (2)", "甲公司黨支部", "乙公司黨支部", "甲乙公司聯合黨支部", "MIN_FULL_MEMBERS");
		assertThat(report.markdown()).doesNotContain("null");

		WhatIfReport split = this.engine.run(village().dataset(), "o-t", List.of(Operation.splitByTrade("o-v")));
		assertThat(split.markdown()).contains("甲鄉黨委", "下寨村黨支部", "下寨村種植行業黨支部", "下寨村養殖行業黨支部",
				"## Members moved (8)", "## Orgs created (3)");
	}

	@Test
	void theMarkdownTitleCountsTheChangesItLists() {
		// Two operations, several changes: the split adds a line per trade branch or group it creates.
		WhatIfReport report = this.engine.run(village().dataset(), "o-t",
				List.of(Operation.splitByTrade("o-v"), Operation.electCommittee("o-v")));
		List<String> lines = report.markdown().lines().toList();
		int from = lines.indexOf("## Changes, in order");
		long listed = lines.subList(from + 1, lines.size())
			.stream()
			.takeWhile((line) -> !line.startsWith("## "))
			.filter((line) -> line.matches("\\d+\\. .*"))
			.count();
		assertThat(listed).isEqualTo(report.changes().size()).isGreaterThan(2);
		assertThat(lines.get(0)).startsWith("# What-if: " + listed + " changes from 2 operations in ");
	}

	@Test
	void theChangesAreSaidInTheRequestsLanguageWithNamesAndIdsAsStored() {
		WhatIfReport split = this.engine.run(village().dataset(), "o-t",
				List.of(Operation.splitByTrade("o-v"), Operation.electCommittee("o-v")));
		String planting = split.orgsCreated().stream().filter((id) -> id.contains("planting")).findFirst().orElseThrow();
		// English as it always was; the same lines as the report's changes.
		assertThat(split.changes(Lang.EN)).isEqualTo(split.changes());
		assertThat(split.changes()).startsWith("下寨村黨支部 (o-v): BRANCH → GENERAL_BRANCH, split by trade")
			.contains("new trade branch 下寨村種植行業黨支部 (" + planting + ") takes 5 PLANTING members")
			.endsWith("下寨村黨支部 (o-v) elects a committee");
		assertThat(split.changes(Lang.ZH_HANS)).hasSameSizeAs(split.changes())
			.startsWith("下寨村黨支部（o-v）：党支部 → 党总支，按行业拆分")
			.contains("新设行业党支部下寨村種植行業黨支部（" + planting + "），种植行业党员5名转入")
			.endsWith("下寨村黨支部（o-v）选举产生支部委员会");
		assertThat(split.changes(Lang.ZH_HANT)).startsWith("下寨村黨支部（o-v）：黨支部 → 黨總支，按行業拆分")
			.contains("新設行業黨支部下寨村種植行業黨支部（" + planting + "），種植行業黨員5名轉入")
			.endsWith("下寨村黨支部（o-v）選舉產生支部委員會");
		assertThat(split.markdown(Lang.ZH_HANS)).contains("1. 下寨村黨支部（o-v）：党支部 → 党总支，按行业拆分\n")
			.doesNotContain("split by trade");
		assertThat(split.markdown(Lang.EN)).contains("1. 下寨村黨支部 (o-v): BRANCH → GENERAL_BRANCH, split by trade\n");

		WhatIfReport merged = this.engine.run(enterprises().dataset(), null, List.of(MERGE_A_B));
		String joint = merged.orgsCreated().get(0);
		assertThat(merged.changes()).singleElement().asString()
			.startsWith("merged 甲公司黨支部 (o-a), 乙公司黨支部 (o-b) into joint branch 甲乙公司聯合黨支部 (" + joint + "); ")
			.endsWith(" members moved");
		assertThat(merged.changes(Lang.ZH_HANS)).singleElement().asString()
			.isEqualTo("甲公司黨支部（o-a）、乙公司黨支部（o-b）合并为联合党支部甲乙公司聯合黨支部（" + joint + "）；转移党员4名");
		assertThat(merged.changes(Lang.ZH_HANT)).singleElement().asString()
			.isEqualTo("甲公司黨支部（o-a）、乙公司黨支部（o-b）合併為聯合黨支部甲乙公司聯合黨支部（" + joint + "）；轉移黨員4名");

		WhatIfReport dissolved = this.engine.run(enterprises().dataset(), null,
				List.of(Operation.dissolve("o-a", "o-s"), Operation.assignRole("a1", "o-s", "SECRETARY")));
		assertThat(dissolved.changes()).containsExactly(
				"甲公司黨支部 (o-a) dissolved; 2 members to 丙公司黨支部, 1 sub-orgs to 非公經濟組織工委",
				"甲一 (a1) becomes SECRETARY of 丙公司黨支部");
		assertThat(dissolved.changes(Lang.ZH_HANS)).containsExactly(
				"甲公司黨支部（o-a）撤销；2名党员转入丙公司黨支部，1个下级组织改隶非公經濟組織工委",
				"甲一（a1）任丙公司黨支部书记");
		assertThat(dissolved.changes(Lang.ZH_HANT)).containsExactly(
				"甲公司黨支部（o-a）撤銷；2名黨員轉入丙公司黨支部，1個下級組織改隸非公經濟組織工委",
				"甲一（a1）任丙公司黨支部書記");
	}

	// ---- every suggested fix ----------------------------------------------------------------------

	/**
	 * A county with planted breaks:
	 * <pre>
	 * o-c 測試縣委
	 * ├── o-t 甲鄉黨委 (u-t)
	 * │   ├── o-gb1 甲村黨總支 (3 full)
	 * │   │   ├── o-s1 一組 (2 full), o-s2 二組 (1 full, 1 probationary)    MIN_FULL_MEMBERS → merge
	 * │   │   └── o-ok 三組 (4 full, committee) └── o-nest 四組 (3 full)     PARENT_KIND → move
	 * │   ├── o-gb2 乙村黨總支 (5 full) └── o-lone (2 full)                  MIN_FULL_MEMBERS → dissolve
	 * │   ├── o-big 丙村 (8 full)                                           COMMITTEE_REQUIRED
	 * │   ├── o-huge 丁村 (30 planting, 20 breeding, 2 processing)           GENERAL_BRANCH_ADVISED → split
	 * │   ├── o-huge2 戊村 (51, no trades, committee)                        GENERAL_BRANCH_ADVISED → upgrade
	 * │   └── o-gb3 己村黨總支 (60 + 40 in o-gb3-1)                           PRIMARY_COMMITTEE_ADVISED
	 * │   ├── o-two 庚村 (3 full, two of them SECRETARY)                      SECRETARY_DUPLICATE → deputy
	 * │   ├── o-empty 辛村 (no members) └── o-empty-g (PARTY_GROUP)          EMPTY_ORG (both) → dissolve
	 * │   ├── o-gb4 壬村黨總支 (3 planting + 1 full, no branch)                GENERAL_BRANCH_WITHOUT_BRANCHES → split
	 * │   ├── o-gb5 癸村黨總支 (4 full, no trade, no branch)                  GENERAL_BRANCH_WITHOUT_BRANCHES → branch
	 * │   └── o-jb 聯合黨支部 (u-v1 in u-t, u-v2 in u-t2; 3 full)            JOINT_BRANCH_ACROSS_TOWNSHIPS
	 * └── o-npe 工委
	 *     ├── o-t2 乙鄉黨委                                                   PARENT_KIND → move
	 *     └── o-e1 肉業公司黨支部 (u-e1 leading, in u-t; 3 full)               DUAL_MANAGEMENT_MISSING
	 * </pre>
	 * and no other secretaries (SECRETARY_MISSING, fixed by appointing one).
	 */
	static TestGraph plantedCounty() {
		TestGraph g = TestGraph.countyWithTownship()
			.org("o-npe", OrgKind.WORKING_COMMITTEE, "非公經濟組織工委", "o-c")
			.unit("u-t2", UnitKind.TOWNSHIP, "乙鄉", "u-c")
			.org("o-t2", OrgKind.TOWNSHIP_COMMITTEE, "乙鄉黨委", "o-npe", "u-t2")
			.leadingEnterprise("u-e1", "某肉業公司", "u-t")
			.org("o-e1", OrgKind.BRANCH, "某肉業公司黨支部", "o-npe", "u-e1")
			.org("o-gb1", OrgKind.GENERAL_BRANCH, "甲村黨總支", "o-t")
			.org("o-s1", OrgKind.BRANCH, "甲村一組黨支部", "o-gb1")
			.org("o-s2", OrgKind.BRANCH, "甲村二組黨支部", "o-gb1")
			.org("o-ok", OrgKind.BRANCH, "甲村三組黨支部", "o-gb1")
			.committee("o-ok", true)
			.org("o-nest", OrgKind.BRANCH, "甲村四組黨支部", "o-ok")
			.org("o-gb2", OrgKind.GENERAL_BRANCH, "乙村黨總支", "o-t")
			.org("o-lone", OrgKind.BRANCH, "乙村黨支部", "o-gb2")
			.org("o-big", OrgKind.BRANCH, "丙村黨支部", "o-t")
			.org("o-huge", OrgKind.BRANCH, "丁村黨支部", "o-t")
			.org("o-huge2", OrgKind.BRANCH, "戊村黨支部", "o-t")
			.committee("o-huge2", true)
			.org("o-gb3", OrgKind.GENERAL_BRANCH, "己村黨總支", "o-t")
			.org("o-gb3-1", OrgKind.BRANCH, "己村一組黨支部", "o-gb3")
			.committee("o-gb3-1", true);
		g.full("o-e1", 3).full("o-gb1", 3).full("o-s1", 2).full("o-s2", 1).probationary("o-s2", 1);
		g.full("o-ok", 4).full("o-nest", 3).full("o-gb2", 5).full("o-lone", 2).full("o-big", 8);
		g.add("o-huge", 30, MemberStatus.FULL, Trade.PLANTING);
		g.add("o-huge", 20, MemberStatus.FULL, Trade.BREEDING);
		g.add("o-huge", 2, MemberStatus.FULL, Trade.PROCESSING);
		g.full("o-huge2", 45).probationary("o-huge2", 6);
		g.full("o-gb3", 60).full("o-gb3-1", 40);
		g.org("o-two", OrgKind.BRANCH, "庚村黨支部", "o-t")
			.org("o-empty", OrgKind.BRANCH, "辛村黨支部", "o-t")
			.org("o-empty-g", OrgKind.PARTY_GROUP, "辛村黨小組", "o-empty")
			.org("o-gb4", OrgKind.GENERAL_BRANCH, "壬村黨總支", "o-t")
			.org("o-gb5", OrgKind.GENERAL_BRANCH, "癸村黨總支", "o-t")
			.unit("u-v1", UnitKind.VILLAGE, "子村", "u-t")
			.unit("u-v2", UnitKind.VILLAGE, "丑村", "u-t2")
			.org("o-jb", OrgKind.JOINT_BRANCH, "子丑村聯合黨支部", "o-t", "u-v1", "u-v2");
		List<String> two = g.add("o-two", 3, MemberStatus.FULL, null);
		g.role(two.get(0), "o-two", Role.SECRETARY).role(two.get(1), "o-two", Role.SECRETARY);
		g.add("o-gb4", 3, MemberStatus.FULL, Trade.PLANTING);
		g.full("o-gb4", 1).full("o-gb5", 4).full("o-jb", 3);
		return g;
	}

	@Test
	void everySuggestedFixFixesItsIssueAndIntroducesNoError() {
		Dataset county = plantedCounty().dataset();
		List<ComplianceIssue> issues = this.checker.check(Structure.of(county), null, null);
		Set<String> planted = Set.of("MIN_FULL_MEMBERS@o-s1", "MIN_FULL_MEMBERS@o-s2", "MIN_FULL_MEMBERS@o-lone",
				"PARENT_KIND@o-nest", "PARENT_KIND@o-t2", "COMMITTEE_REQUIRED@o-big",
				"GENERAL_BRANCH_ADVISED@o-huge", "GENERAL_BRANCH_ADVISED@o-huge2", "PRIMARY_COMMITTEE_ADVISED@o-gb3",
				"DUAL_MANAGEMENT_MISSING@o-e1", "SECRETARY_MISSING@o-s1", "SECRETARY_MISSING@o-gb3",
				"SECRETARY_DUPLICATE@o-two", "EMPTY_ORG@o-empty", "EMPTY_ORG@o-empty-g",
				"GENERAL_BRANCH_WITHOUT_BRANCHES@o-gb4", "GENERAL_BRANCH_WITHOUT_BRANCHES@o-gb5");
		assertThat(keys(issues)).containsAll(planted);

		Set<Operation.Op> opsSeen = EnumSet.noneOf(Operation.Op.class);
		Set<Rule> rulesTried = EnumSet.noneOf(Rule.class);
		SoftAssertions soft = new SoftAssertions();
		for (ComplianceIssue issue : issues) {
			if (issue.fix().isEmpty()) {
				continue;
			}
			issue.fix().forEach((op) -> opsSeen.add(op.op()));
			rulesTried.add(issue.rule());
			WhatIfReport report;
			try {
				report = this.engine.run(county, null, issue.fix());
			}
			catch (RuntimeException ex) {
				soft.fail("the fix of " + issue.key() + " " + issue.fix() + " fails: " + ex.getMessage());
				continue;
			}
			soft.assertThat(keys(report.issuesFixed())).as("fixed by the fix of %s", issue.key()).contains(issue.key());
			soft.assertThat(report.issuesIntroduced().stream().filter((i) -> i.severity() == Severity.ERROR)
				.map(ComplianceIssue::key)
				.toList()).as("errors introduced by the fix of %s %s", issue.key(), issue.fix()).isEmpty();
		}
		soft.assertAll();
		assertThat(planted).allSatisfy((key) -> assertThat(issues.stream()
			.filter((i) -> i.key().equals(key))
			.findFirst()
			.orElseThrow()
			.fix()).as("fix of %s", key).isNotEmpty());
		assertThat(keys(issues)).as("advisory only, no fix").contains("JOINT_BRANCH_ACROSS_TOWNSHIPS@o-jb");
		// The term rules are put right by an election (recordElection, a dated mutation), and
		// PROBATION_OVERDUE by a decision (decideProbation), which no what-if operation plays: their
		// suggestion names it and their fix is empty.
		assertThat(rulesTried).containsAll(EnumSet.complementOf(EnumSet.of(Rule.JOINT_BRANCH_TOO_WIDE,
				Rule.JOINT_BRANCH_ACROSS_TOWNSHIPS, Rule.TERM_EXPIRED, Rule.TERM_ENDING, Rule.PROBATION_OVERDUE)));
		assertThat(opsSeen).contains(Operation.Op.MERGE, Operation.Op.DISSOLVE, Operation.Op.MOVE_ORG,
				Operation.Op.SPLIT_BY_TRADE, Operation.Op.UPGRADE, Operation.Op.ELECT_COMMITTEE,
				Operation.Op.ASSIGN_ROLE, Operation.Op.ADD_CO_MANAGER, Operation.Op.END_ROLE);
	}

	// ---- DISPATCH and RECALL (first secretaries, 第一書記) ---------------------------------------

	@Nested
	class Dispatch {

		private static final java.time.LocalDate DAY = java.time.LocalDate.of(2026, 3, 10);

		private static final java.time.LocalDate EARLIER = java.time.LocalDate.of(2025, 1, 1);

		/** Rules (and the what-if's day) judged as on {@link #DAY}. */
		private final WhatIfEngine onDay = new WhatIfEngine(new RuleChecker(RuleThresholds.DEFAULTS,
				org.partygraph.queries.rules.Terms.DEFAULTS.withClock(java.time.Clock.fixed(
						DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC))),
				(structure, within) -> List.of());

		/**
		 * <pre>
		 * o-c 中共測試縣委
		 * └── o-t 甲鄉黨委 (u-t)                    t1, t2
		 *     ├── o-v1 東村黨支部 (BRANCH, VILLAGE u-v1) v1
		 *     ├── o-v2 西村黨支部 (BRANCH, VILLAGE u-v2)
		 *     └── o-e  甲公司黨支部 (BRANCH, ENTERPRISE u-e)
		 * t2 is dispatched to o-v2 since 2025-01-01, sent by o-c (open).
		 * </pre>
		 */
		private Dataset villages() {
			TestGraph g = TestGraph.countyWithTownship()
				.unit("u-v1", UnitKind.VILLAGE, "東村", "u-t")
				.unit("u-v2", UnitKind.VILLAGE, "西村", "u-t")
				.unit("u-e", UnitKind.ENTERPRISE, "甲公司", "u-t")
				.org("o-v1", OrgKind.BRANCH, "東村黨支部", "o-t", "u-v1")
				.org("o-v2", OrgKind.BRANCH, "西村黨支部", "o-t", "u-v2")
				.org("o-e", OrgKind.BRANCH, "甲公司黨支部", "o-t", "u-e");
			g.member("t1", "王某", MemberStatus.FULL, "o-t", null, null);
			g.member("t2", "李某", MemberStatus.FULL, "o-t", null, null);
			g.member("v1", "張某", MemberStatus.FULL, "o-v1", null, null);
			return g.dataset()
				.withDuals(List.of(new org.partygraph.model.Dispatch("t2", "o-v2", EARLIER, null, "o-c")), List.of());
		}

		private WorkingCopy copy(Dataset d, OperationScope scope) {
			return new WorkingCopy(d, RuleThresholds.DEFAULTS.minFullMembers(), scope, DAY);
		}

		private WorkingCopy played(Dataset d, Operation... ops) {
			WorkingCopy copy = copy(d, OperationScope.EVERYTHING);
			for (int i = 0; i < ops.length; i++) {
				copy.apply(i, ops[i]);
			}
			return copy;
		}

		private InvalidOperationException refused(Dataset d, OperationScope scope, Operation... ops) {
			WorkingCopy copy = copy(d, scope);
			InvalidOperationException ex = catchThrowableOfType(InvalidOperationException.class, () -> {
				for (int i = 0; i < ops.length; i++) {
					copy.apply(i, ops[i]);
				}
			});
			assertThat(ex).as("an InvalidOperationException").isNotNull();
			assertThat(ex.getMessage()).startsWith("operation " + ex.index() + " (" + ops[ex.index()].op() + "): ");
			return ex;
		}

		@Test
		void addsAnOpenDispatchFromTheDaySentByTheMembersOrgAndSaysSo() {
			WorkingCopy copy = played(villages(), Operation.dispatch("t1", "o-v1", null));
			assertThat(copy.toDataset().dispatches()).containsExactly(
					new org.partygraph.model.Dispatch("t2", "o-v2", EARLIER, null, "o-c"),
					new org.partygraph.model.Dispatch("t1", "o-v1", DAY, null, "o-t"));
			assertThat(copy.changes()).containsExactly(
					"王某 (t1) dispatched as first secretary (第一書記) to 東村黨支部 (o-v1), sent by 甲鄉黨委 (o-t)");
			// The membership stays where it is.
			assertThat(members(copy.toDataset()).get("t1").org()).isEqualTo("o-t");
		}

		@Test
		void targetIsTheSendingOrg() {
			WorkingCopy copy = played(villages(), Operation.dispatch("t1", "o-v1", "o-c"));
			assertThat(copy.toDataset().dispatches()).contains(
					new org.partygraph.model.Dispatch("t1", "o-v1", DAY, null, "o-c"));
			assertThat(copy.changes().get(0)).endsWith("sent by 中共測試縣委 (o-c)");
		}

		@Test
		void refusesWithTheIndexAndField() {
			Dataset d = villages();
			InvalidOperationException notVillage = refused(d, OperationScope.EVERYTHING,
					Operation.dispatch("t1", "o-e", null));
			assertThat(notVillage.index()).isZero();
			assertThat(notVillage.getMessage()).contains("org: o-e (甲公司黨支部) is not a village's org");
			InvalidOperationException own = refused(d, OperationScope.EVERYTHING, Operation.dispatch("v1", "o-v1", null));
			assertThat(own.getMessage()).contains("org: v1 is a member of o-v1");
			InvalidOperationException twice = refused(d, OperationScope.EVERYTHING,
					Operation.dispatch("t1", "o-v1", null), Operation.dispatch("t1", "o-v2", null));
			assertThat(twice.index()).isEqualTo(1);
			assertThat(twice.getMessage()).contains("member: t1 is already dispatched to o-v1 (東村黨支部) from " + DAY
					+ " with no end; one person serves one village at a time");
			InvalidOperationException serving = refused(d, OperationScope.EVERYTHING,
					Operation.dispatch("t2", "o-v1", null));
			assertThat(serving.getMessage()).contains("member: t2 is already dispatched to o-v2");
			assertThat(refused(d, OperationScope.EVERYTHING, Operation.dispatch("m-nope", "o-v1", null)).getMessage())
				.contains("member: no member has id 'm-nope'");
			assertThat(refused(d, OperationScope.EVERYTHING, Operation.dispatch("t1", "o-nope", null)).getMessage())
				.contains("org: no org has id 'o-nope'");
			assertThat(refused(d, OperationScope.EVERYTHING, Operation.dispatch("t1", "o-v1", "o-nope")).getMessage())
				.contains("target: no org has id 'o-nope'");
			assertThat(refused(d, OperationScope.EVERYTHING, new Operation(Operation.Op.DISPATCH, null, null, "t1", null,
					null, null, null)).getMessage()).contains("org is missing");
			// Nothing of a refused list is kept: the engine answers no report.
			assertThat(catchThrowableOfType(InvalidOperationException.class, () -> this.onDay.run(d, null,
					List.of(Operation.dispatch("t1", "o-e", null)))).index()).isZero();
		}

		@Test
		void recallEndsTheOpenDispatchOnTheDay() {
			WorkingCopy copy = played(villages(), Operation.recall("t2", "o-v2"));
			assertThat(copy.toDataset().dispatches()).containsExactly(
					new org.partygraph.model.Dispatch("t2", "o-v2", EARLIER, DAY, "o-c"));
			assertThat(copy.changes()).containsExactly(
					"李某 (t2) recalled as first secretary (第一書記) from 西村黨支部 (o-v2), where they served from " + EARLIER);
			// Recalled, the member may go elsewhere the same day.
			WorkingCopy moved = played(villages(), Operation.recall("t2", "o-v2"), Operation.dispatch("t2", "o-v1", null));
			assertThat(moved.toDataset().dispatches()).contains(
					new org.partygraph.model.Dispatch("t2", "o-v1", DAY, null, "o-t"));
		}

		@Test
		void recallOfADispatchTheSameListMadeTakesItBack() {
			WorkingCopy copy = played(villages(), Operation.dispatch("t1", "o-v1", null), Operation.recall("t1", "o-v1"));
			assertThat(copy.toDataset().dispatches()).containsExactly(
					new org.partygraph.model.Dispatch("t2", "o-v2", EARLIER, null, "o-c"));
			assertThat(copy.changes()).hasSize(2);
		}

		@Test
		void recallRefusals() {
			Dataset d = villages();
			InvalidOperationException none = refused(d, OperationScope.EVERYTHING, Operation.dispatch("t1", "o-v1", null),
					Operation.recall("t2", "o-v1"));
			assertThat(none.index()).isEqualTo(1);
			assertThat(none.getMessage()).contains("org: t2 has no open dispatch to o-v1 (東村黨支部)");
			InvalidOperationException again = refused(d, OperationScope.EVERYTHING, Operation.recall("t2", "o-v2"),
					Operation.recall("t2", "o-v2"));
			assertThat(again.index()).isEqualTo(1);
			assertThat(again.getMessage()).contains("org: t2 has no open dispatch to o-v2");
			Dataset future = d.withDuals(List.of(new org.partygraph.model.Dispatch("t2", "o-v2", DAY, null, "o-c")), null);
			assertThat(refused(future, OperationScope.EVERYTHING, Operation.recall("t2", "o-v2")).getMessage())
				.contains("org: the dispatch of t2 to o-v2 begins on " + DAY);
			assertThat(refused(d, OperationScope.EVERYTHING, Operation.recall("m-nope", "o-v2")).getMessage())
				.contains("member: no member has id 'm-nope'");
		}

		@Test
		void figuresCountVillagesWithAFirstSecretaryBeforeAndAfter() {
			Dataset d = villages();
			WhatIfReport sent = this.onDay.run(d, null, List.of(Operation.dispatch("t1", "o-v1", null)));
			assertThat(value(sent.before(), "villagesWithFirstSecretary")).isEqualTo(1);
			assertThat(value(sent.after(), "villagesWithFirstSecretary")).isEqualTo(2);
			assertThat(sent.changes()).hasSize(1);
			assertThat(sent.markdown()).contains("| villagesWithFirstSecretary | 1 | 2 | +1 |");
			WhatIfReport recalled = this.onDay.run(d, null, List.of(Operation.recall("t2", "o-v2")));
			assertThat(value(recalled.after(), "villagesWithFirstSecretary")).isZero();
			// Within the township too; an ended dispatch, or one to no village's org, counts for none.
			WhatIfReport within = this.onDay.run(d, "o-t", List.of(Operation.dispatch("t1", "o-v1", null)));
			assertThat(value(within.after(), "villagesWithFirstSecretary")).isEqualTo(2);
			assertThat(value(within.before(), "members")).isEqualTo(3);
			Dataset ended = d.withDuals(List.of(new org.partygraph.model.Dispatch("t2", "o-v2", EARLIER, DAY, "o-c"),
					new org.partygraph.model.Dispatch("t1", "o-e", EARLIER, null, "o-t")), null);
			assertThat(value(this.onDay.run(ended, null, List.of()).before(), "villagesWithFirstSecretary")).isZero();
		}

		@Test
		void dissolveMergeAndTransferEndTheDispatchesAndStaysOnTheDayAndTheAfterValidates() {
			// t1 stays at o-e, v1 (of o-v1) at o-v2; t2 serves o-v2 (open).
			Dataset base = villages();
			Dataset d = base.withDuals(base.dispatches(), List.of(new AwayRecord("t1", "o-e", EARLIER, null),
					new AwayRecord("v1", "o-v2", EARLIER, DAY.plusDays(30))));
			// o-v2 dissolved: t2's dispatch and v1's stay there end on the day, not handed to o-t.
			WorkingCopy dissolved = played(d, Operation.dissolve("o-v2", "o-t"));
			assertThat(dissolved.toDataset().dispatches())
				.containsExactly(new org.partygraph.model.Dispatch("t2", "o-v2", EARLIER, DAY, "o-c"));
			assertThat(dissolved.toDataset().away()).containsExactlyInAnyOrder(new AwayRecord("t1", "o-e", EARLIER, null),
					new AwayRecord("v1", "o-v2", EARLIER, DAY));
			assertThat(dissolved.changes().get(0)).endsWith("; 2 dispatches and stays ended");
			// o-v1 and o-v2 merged: the same, and v1's stay at o-v2 ends with it.
			WorkingCopy merged = played(d, Operation.merge(List.of("o-v1", "o-v2"), "東西村聯合黨支部"));
			assertThat(merged.toDataset().dispatches()).extracting(org.partygraph.model.Dispatch::to).containsExactly(DAY);
			assertThat(merged.toDataset().away()).contains(new AwayRecord("v1", "o-v2", EARLIER, DAY));
			// t1 transferred to o-e, where they stay: the stay ends; a dissolution moving v1 into
			// o-v2 ends v1's there too.
			WorkingCopy transferred = played(d, Operation.transferMember("t1", "o-e"));
			assertThat(transferred.toDataset().away()).contains(new AwayRecord("t1", "o-e", EARLIER, DAY));
			WorkingCopy movedIn = played(d, Operation.dissolve("o-v1", "o-v2"));
			assertThat(movedIn.toDataset().away()).contains(new AwayRecord("v1", "o-v2", EARLIER, DAY));
			// Each after is a dataset the validator accepts (no open stay or dispatch at one's own org;
			// the ended ones at an org that is gone left out, as the export leaves them).
			for (WorkingCopy copy : List.of(dissolved, merged, transferred, movedIn)) {
				Dataset after = copy.toDataset();
				java.util.Set<String> orgs = new java.util.HashSet<>();
				after.orgs().forEach((o) -> orgs.add(o.id()));
				assertThat(org.partygraph.model.format.DatasetFormat.validate(after.withDuals(
						after.dispatches().stream().filter((x) -> orgs.contains(x.village())).toList(),
						after.away().stream().filter((x) -> orgs.contains(x.org())).toList()))).isEmpty();
			}
			// One of the live graph that begins on or after the day cannot end then: refused naming it.
			Dataset future = d.withDuals(d.dispatches(), List.of(new AwayRecord("t1", "o-e", DAY.plusDays(1), null)));
			assertThat(refused(future, OperationScope.EVERYTHING, Operation.transferMember("t1", "o-e")).getMessage())
				.contains("org: the stay of t1 at o-e begins on " + DAY.plusDays(1));
		}

		@Test
		void outOfScopeMembersAndOrgsAnswerAsUnknown() {
			OperationScope scope = new OperationScope("o-t", Set.of("o-v1"), Set.of("t2"));
			Dataset d = villages();
			assertThat(refused(d, scope, Operation.dispatch("t1", "o-v1", null)).getMessage())
				.contains("org: no org has id 'o-v1'");
			assertThat(refused(d, scope, Operation.dispatch("t2", "o-v2", null)).getMessage())
				.contains("member: no member has id 't2'");
			assertThat(refused(d, scope, Operation.recall("t2", "o-v2")).getMessage())
				.contains("member: no member has id 't2'");
			assertThat(refused(d, scope, Operation.dispatch("t1", "o-v2", "o-v1")).getMessage())
				.contains("target: no org has id 'o-v1'");
			// With within, the member's own org lies outside o-v2.
			InvalidOperationException outside = catchThrowableOfType(InvalidOperationException.class,
					() -> this.onDay.run(d, "o-v2", List.of(Operation.dispatch("t1", "o-v2", null))));
			assertThat(outside.getMessage()).contains("member: t1's org o-t").contains("lies outside within o-v2");
		}

	}

}
