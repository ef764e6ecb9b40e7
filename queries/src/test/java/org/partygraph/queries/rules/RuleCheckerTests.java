package org.partygraph.queries.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.Operation.Op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each rule of docs/contract.md section 3 on small hand-built graphs: where it breaks and where it
 * holds, at its threshold and one either side, and the fix it suggests.
 */
class RuleCheckerTests {

	private static final RuleChecker DEFAULT = new RuleChecker(RuleThresholds.DEFAULTS);

	private static List<ComplianceIssue> check(TestGraph g, Rule rule) {
		return DEFAULT.check(g.structure(), null, Set.of(rule));
	}

	private static Optional<ComplianceIssue> issueAt(TestGraph g, Rule rule, String orgId) {
		return issueAt(DEFAULT, g, rule, orgId);
	}

	private static Optional<ComplianceIssue> issueAt(RuleChecker checker, TestGraph g, Rule rule, String orgId) {
		List<ComplianceIssue> found = checker.check(g.structure(), null, Set.of(rule))
			.stream()
			.filter((i) -> i.orgId().equals(orgId))
			.toList();
		assertThat(found).as("at most one %s issue at %s", rule, orgId).hasSizeLessThanOrEqualTo(1);
		return found.stream().findFirst();
	}

	private static ComplianceIssue assertIssue(TestGraph g, Rule rule, String orgId, Integer actual,
			Integer threshold) {
		ComplianceIssue issue = issueAt(g, rule, orgId).orElseThrow(
				() -> new AssertionError("expected " + rule + " at " + orgId + "; got " + check(g, rule)));
		assertThat(issue.rule()).isEqualTo(rule);
		assertThat(issue.orgId()).isEqualTo(orgId);
		assertThat(issue.orgName()).isEqualTo(g.org(orgId).name());
		assertThat(issue.orgKind()).isEqualTo(g.org(orgId).kind().name());
		assertThat(issue.severity()).isEqualTo(rule.severity());
		assertThat(issue.actual()).isEqualTo(actual);
		assertThat(issue.threshold()).isEqualTo(threshold);
		assertThat(issue.key()).isEqualTo(rule.name() + "@" + orgId);
		assertThat(issue.message()).contains(g.org(orgId).name());
		return issue;
	}

	/** o-c county, o-t township, o-b village BRANCH under o-t with the given members. */
	private static TestGraph villageBranch(OrgKind kind, int full, int probationary) {
		TestGraph g = TestGraph.countyWithTownship()
			.unit("u-v", UnitKind.VILLAGE, "下寨村", "u-t")
			.org("o-b", kind, "下寨村黨支部", "o-t", "u-v");
		g.full("o-b", full).probationary("o-b", probationary);
		return g;
	}

	@Test
	void severitiesAreThoseOfTheContract() {
		assertThat(Rule.MIN_FULL_MEMBERS.severity()).isEqualTo(Severity.ERROR);
		assertThat(Rule.COMMITTEE_REQUIRED.severity()).isEqualTo(Severity.WARNING);
		assertThat(Rule.GENERAL_BRANCH_ADVISED.severity()).isEqualTo(Severity.WARNING);
		assertThat(Rule.JOINT_BRANCH_TOO_WIDE.severity()).isEqualTo(Severity.WARNING);
		assertThat(Rule.PRIMARY_COMMITTEE_ADVISED.severity()).isEqualTo(Severity.INFO);
		assertThat(Rule.PARENT_KIND.severity()).isEqualTo(Severity.ERROR);
		assertThat(Rule.SECRETARY_MISSING.severity()).isEqualTo(Severity.WARNING);
		assertThat(Rule.DUAL_MANAGEMENT_MISSING.severity()).isEqualTo(Severity.WARNING);
		assertThat(Rule.SECRETARY_DUPLICATE.severity()).isEqualTo(Severity.WARNING);
		assertThat(Rule.EMPTY_ORG.severity()).isEqualTo(Severity.WARNING);
		assertThat(Rule.GENERAL_BRANCH_WITHOUT_BRANCHES.severity()).isEqualTo(Severity.INFO);
		assertThat(Rule.JOINT_BRANCH_ACROSS_TOWNSHIPS.severity()).isEqualTo(Severity.WARNING);
		assertThat(RuleThresholds.DEFAULTS).isEqualTo(new RuleThresholds(3, 7, 50, 5, 100));
	}

	@Nested
	class MinFullMembers {

		@ParameterizedTest
		@CsvSource({ "0, 0, true", "2, 0, true", "2, 5, true", "3, 0, false", "3, 4, false", "4, 0, false" })
		void branchNeedsThreeFullMembersAndProbationaryDoNotCount(int full, int probationary, boolean breaks) {
			TestGraph g = villageBranch(OrgKind.BRANCH, full, probationary);
			if (breaks) {
				assertIssue(g, Rule.MIN_FULL_MEMBERS, "o-b", full, 3);
			}
			else {
				assertThat(check(g, Rule.MIN_FULL_MEMBERS)).isEmpty();
			}
		}

		@Test
		void jointBranchCountsToo() {
			assertIssue(villageBranch(OrgKind.JOINT_BRANCH, 2, 3), Rule.MIN_FULL_MEMBERS, "o-b", 2, 3);
			assertThat(check(villageBranch(OrgKind.JOINT_BRANCH, 3, 0), Rule.MIN_FULL_MEMBERS)).isEmpty();
		}

		@Test
		void otherKindsAreNeverShort() {
			for (OrgKind kind : List.of(OrgKind.GENERAL_BRANCH, OrgKind.PRIMARY_COMMITTEE)) {
				assertThat(check(villageBranch(kind, 1, 0), Rule.MIN_FULL_MEMBERS)).as(kind.name()).isEmpty();
			}
			// the county and township committees have no members at all
			assertThat(check(TestGraph.countyWithTownship(), Rule.MIN_FULL_MEMBERS)).isEmpty();
		}

		@Test
		void membersAssignedToAPartyGroupStillCountOnce() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 0, 0).org("o-b-g", OrgKind.PARTY_GROUP, "第一黨小組", "o-b");
			for (String id : g.add("o-b", 2, MemberStatus.FULL, null)) {
				g.group(id, "o-b-g");
			}
			assertIssue(g, Rule.MIN_FULL_MEMBERS, "o-b", 2, 3);
			assertThat(check(g, Rule.MIN_FULL_MEMBERS)).extracting(ComplianceIssue::orgId).containsExactly("o-b");
		}

		@Test
		void shortSiblingIsTheMergePartnerOfChoiceForBoth() {
			TestGraph g = TestGraph.countyWithTownship()
				.org("o-gb", OrgKind.GENERAL_BRANCH, "下寨村黨總支", "o-t")
				.org("o-a", OrgKind.BRANCH, "甲組黨支部", "o-gb")
				.org("o-b", OrgKind.BRANCH, "乙組黨支部", "o-gb")
				.org("o-big", OrgKind.BRANCH, "丙組黨支部", "o-gb");
			g.full("o-a", 2).full("o-b", 1).probationary("o-b", 2).full("o-big", 5);

			ComplianceIssue a = assertIssue(g, Rule.MIN_FULL_MEMBERS, "o-a", 2, 3);
			assertThat(a.fix()).hasSize(1);
			Operation merge = a.fix().get(0);
			assertThat(merge.op()).isEqualTo(Op.MERGE);
			assertThat(merge.orgs()).containsExactly("o-a", "o-b");
			assertThat(merge.name()).isEqualTo("甲組、乙組聯合黨支部");

			ComplianceIssue b = assertIssue(g, Rule.MIN_FULL_MEMBERS, "o-b", 1, 3);
			assertThat(b.fix()).singleElement().satisfies((op) -> {
				assertThat(op.op()).isEqualTo(Op.MERGE);
				assertThat(op.orgs()).containsExactlyInAnyOrder("o-a", "o-b");
			});
			assertThat(issueAt(g, Rule.MIN_FULL_MEMBERS, "o-big")).isEmpty();
		}

		/**
		 * Neighbours first (issue #20): of two sibling village branches that could take the small one
		 * in, the one in the adjacent village is the fix, although the other is itself short of members
		 * (the order without neighbours, as in the test above); adjacency recorded on either village counts.
		 */
		@Test
		void aBranchInTheNeighbouringVillageIsThePartnerOfChoice() {
			for (boolean recordedOnTheSmallOnesVillage : new boolean[] { true, false }) {
				TestGraph g = TestGraph.countyWithTownship()
					.unit(new Unit("u-v1", UnitKind.VILLAGE, "甲村", "u-t", null, null, null, null, null, null,
							recordedOnTheSmallOnesVillage ? List.of("u-v3") : List.of()))
					.unit("u-v2", UnitKind.VILLAGE, "乙村", "u-t")
					.unit(new Unit("u-v3", UnitKind.VILLAGE, "丙村", "u-t", null, null, null, null, null, null,
							recordedOnTheSmallOnesVillage ? List.of() : List.of("u-v1")))
					.org("o-a", OrgKind.BRANCH, "甲村黨支部", "o-t", "u-v1")
					.org("o-b", OrgKind.BRANCH, "乙村黨支部", "o-t", "u-v2")
					.org("o-c", OrgKind.BRANCH, "丙村黨支部", "o-t", "u-v3");
				g.full("o-a", 2).full("o-b", 1).probationary("o-b", 2).full("o-c", 6);
				ComplianceIssue a = assertIssue(g, Rule.MIN_FULL_MEMBERS, "o-a", 2, 3);
				assertThat(a.fix()).singleElement()
					.satisfies((op) -> assertThat(op.orgs()).containsExactly("o-a", "o-c"));
				assertThat(DEFAULT.fixCandidates(g.structure(), a))
					.extracting((ops) -> ops.get(0).orgs().isEmpty() ? ops.get(0).op().name() : String.join("+", ops.get(0).orgs()))
					.containsExactly("o-a+o-c", "o-a+o-b", "DISSOLVE");
			}
		}

		@Test
		void partnerMustBringEnoughFullMembers() {
			// o-a (1 full) with o-b (1 full) reaches only 2: the partner must be o-big.
			TestGraph g = TestGraph.countyWithTownship()
				.org("o-gb", OrgKind.GENERAL_BRANCH, "下寨村黨總支", "o-t")
				.org("o-a", OrgKind.BRANCH, "甲組黨支部", "o-gb")
				.org("o-b", OrgKind.BRANCH, "乙組黨支部", "o-gb")
				.org("o-big", OrgKind.BRANCH, "丙組黨支部", "o-gb");
			g.full("o-a", 1).full("o-b", 1).full("o-big", 4);
			ComplianceIssue a = assertIssue(g, Rule.MIN_FULL_MEMBERS, "o-a", 1, 3);
			assertThat(a.fix()).singleElement()
				.satisfies((op) -> assertThat(op.orgs()).containsExactly("o-a", "o-big"));
		}

		@Test
		void withoutASiblingItSuggestsDissolvingIntoTheParent() {
			TestGraph g = TestGraph.countyWithTownship()
				.org("o-gb", OrgKind.GENERAL_BRANCH, "下寨村黨總支", "o-t")
				.org("o-a", OrgKind.BRANCH, "甲組黨支部", "o-gb");
			g.full("o-a", 2);
			ComplianceIssue a = assertIssue(g, Rule.MIN_FULL_MEMBERS, "o-a", 2, 3);
			assertThat(a.fix()).containsExactly(Operation.dissolve("o-a", "o-gb"));
		}

		@Test
		void aRootBranchGetsNoOperations() {
			TestGraph g = TestGraph.named("x").org("o-a", OrgKind.BRANCH, "孤立黨支部", null);
			g.full("o-a", 1);
			assertThat(assertIssue(g, Rule.MIN_FULL_MEMBERS, "o-a", 1, 3).fix()).isEmpty();
		}

	}

	@Nested
	class CommitteeRequired {

		@ParameterizedTest
		@CsvSource({ "6, false", "7, true", "8, true" })
		void sevenFullMembersWithoutCommittee(int full, boolean breaks) {
			TestGraph g = villageBranch(OrgKind.BRANCH, full, 3).committee("o-b", false);
			if (breaks) {
				ComplianceIssue issue = assertIssue(g, Rule.COMMITTEE_REQUIRED, "o-b", full, 7);
				assertThat(issue.severity()).isEqualTo(Severity.WARNING);
				assertThat(issue.fix()).containsExactly(Operation.electCommittee("o-b"));
			}
			else {
				assertThat(check(g, Rule.COMMITTEE_REQUIRED)).isEmpty();
			}
		}

		@Test
		void probationaryMembersDoNotCount() {
			// 6 full + 10 probationary: 16 members, but only 6 full
			assertThat(check(villageBranch(OrgKind.BRANCH, 6, 10), Rule.COMMITTEE_REQUIRED)).isEmpty();
		}

		@Test
		void hasCommitteeAbsentMeansFalse() {
			assertIssue(villageBranch(OrgKind.BRANCH, 7, 0).committee("o-b", null), Rule.COMMITTEE_REQUIRED, "o-b", 7,
					7);
		}

		@Test
		void aCommitteeHolds() {
			assertThat(check(villageBranch(OrgKind.BRANCH, 7, 0).committee("o-b", true), Rule.COMMITTEE_REQUIRED))
				.isEmpty();
			assertThat(check(villageBranch(OrgKind.BRANCH, 8, 0).committee("o-b", true), Rule.COMMITTEE_REQUIRED))
				.isEmpty();
		}

		@Test
		void jointBranchesToo_generalBranchesNot() {
			assertIssue(villageBranch(OrgKind.JOINT_BRANCH, 7, 0), Rule.COMMITTEE_REQUIRED, "o-b", 7, 7);
			assertThat(check(villageBranch(OrgKind.GENERAL_BRANCH, 9, 0), Rule.COMMITTEE_REQUIRED)).isEmpty();
		}

	}

	@Nested
	class GeneralBranchAdvised {

		@ParameterizedTest
		@CsvSource({ "40, 9, false", "40, 10, false", "40, 11, true", "52, 0, true" })
		void branchWithMoreThanFiftyMembersCountingProbationary(int full, int probationary, boolean breaks) {
			TestGraph g = villageBranch(OrgKind.BRANCH, full, probationary);
			if (breaks) {
				assertIssue(g, Rule.GENERAL_BRANCH_ADVISED, "o-b", full + probationary, 50);
			}
			else {
				assertThat(check(g, Rule.GENERAL_BRANCH_ADVISED)).isEmpty();
			}
		}

		@Test
		void onlyForBranchNotJointBranch() {
			assertThat(check(villageBranch(OrgKind.JOINT_BRANCH, 40, 11), Rule.GENERAL_BRANCH_ADVISED)).isEmpty();
			assertThat(check(villageBranch(OrgKind.GENERAL_BRANCH, 60, 0), Rule.GENERAL_BRANCH_ADVISED)).isEmpty();
		}

		@Test
		void withoutTradesTheFixIsAnUpgrade() {
			ComplianceIssue issue = assertIssue(villageBranch(OrgKind.BRANCH, 51, 0), Rule.GENERAL_BRANCH_ADVISED, "o-b",
					51, 50);
			assertThat(issue.fix()).containsExactly(Operation.upgrade("o-b", "GENERAL_BRANCH"));
		}

		@Test
		void withATradeOfThreeFullMembersTheFixIsASplitByTrade() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 45, 0);
			g.add("o-b", 3, MemberStatus.FULL, Trade.PLANTING);
			g.add("o-b", 3, MemberStatus.PROBATIONARY, Trade.BREEDING);
			ComplianceIssue issue = assertIssue(g, Rule.GENERAL_BRANCH_ADVISED, "o-b", 51, 50);
			assertThat(issue.fix()).containsExactly(Operation.splitByTrade("o-b"));
		}

		@Test
		void tradesWithOnlyProbationaryOrTooFewFullMembersDoNotMakeItSplittable() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 45, 0);
			g.add("o-b", 2, MemberStatus.FULL, Trade.PLANTING);
			g.add("o-b", 4, MemberStatus.PROBATIONARY, Trade.BREEDING);
			ComplianceIssue issue = assertIssue(g, Rule.GENERAL_BRANCH_ADVISED, "o-b", 51, 50);
			assertThat(issue.fix()).containsExactly(Operation.upgrade("o-b", "GENERAL_BRANCH"));
		}

	}

	@Nested
	class JointBranchTooWide {

		private TestGraph jointIn(OrgKind kind, int units) {
			TestGraph g = villageBranch(kind, 3, 0);
			String[] ids = new String[units];
			for (int i = 0; i < units; i++) {
				ids[i] = "u-x" + i;
				g.unit(ids[i], UnitKind.ENTERPRISE, "企業" + i, "u-t");
			}
			return g.setUpIn("o-b", ids);
		}

		@ParameterizedTest
		@CsvSource({ "4, false", "5, false", "6, true", "9, true" })
		void atMostFiveUnits(int units, boolean breaks) {
			TestGraph g = jointIn(OrgKind.JOINT_BRANCH, units);
			if (breaks) {
				ComplianceIssue issue = assertIssue(g, Rule.JOINT_BRANCH_TOO_WIDE, "o-b", units, 5);
				assertThat(issue.severity()).isEqualTo(Severity.WARNING);
			}
			else {
				assertThat(check(g, Rule.JOINT_BRANCH_TOO_WIDE)).isEmpty();
			}
		}

		@Test
		void onlyJointBranches() {
			assertThat(check(jointIn(OrgKind.BRANCH, 6), Rule.JOINT_BRANCH_TOO_WIDE)).isEmpty();
			assertThat(check(jointIn(OrgKind.GENERAL_BRANCH, 6), Rule.JOINT_BRANCH_TOO_WIDE)).isEmpty();
		}

	}

	@Nested
	class PrimaryCommitteeAdvised {

		/** o-gb GENERAL_BRANCH: 10 direct members (3 probationary), o-gb-1 and o-gb-2 below it. */
		private TestGraph generalBranch(int inFirst, int inSecond) {
			TestGraph g = TestGraph.countyWithTownship()
				.org("o-gb", OrgKind.GENERAL_BRANCH, "下寨村黨總支", "o-t")
				.org("o-gb-1", OrgKind.BRANCH, "種植黨支部", "o-gb")
				.org("o-gb-2", OrgKind.BRANCH, "養殖黨支部", "o-gb")
				.org("o-gb-2-g", OrgKind.PARTY_GROUP, "第一黨小組", "o-gb-2");
			g.full("o-gb", 7).probationary("o-gb", 3).full("o-gb-1", inFirst);
			// half of the second branch is also assigned to its party group: it must not count twice
			List<String> second = g.add("o-gb-2", inSecond, MemberStatus.FULL, null);
			second.subList(0, inSecond / 2).forEach((id) -> g.group(id, "o-gb-2-g"));
			return g;
		}

		@ParameterizedTest
		@CsvSource({ "45, 44, false", "45, 45, true", "46, 46, true" })
		void generalBranchWithAHundredMembersInItsSubtree(int inFirst, int inSecond, boolean breaks) {
			TestGraph g = generalBranch(inFirst, inSecond);
			int total = 10 + inFirst + inSecond;
			if (breaks) {
				ComplianceIssue issue = assertIssue(g, Rule.PRIMARY_COMMITTEE_ADVISED, "o-gb", total, 100);
				assertThat(issue.severity()).isEqualTo(Severity.INFO);
				assertThat(issue.fix()).containsExactly(Operation.upgrade("o-gb", "PRIMARY_COMMITTEE"));
			}
			else {
				assertThat(total).isEqualTo(99);
				assertThat(check(g, Rule.PRIMARY_COMMITTEE_ADVISED)).isEmpty();
			}
		}

		@Test
		void onlyGeneralBranches() {
			TestGraph g = generalBranch(50, 50).change("o-gb", (o) -> o.withKind(OrgKind.PRIMARY_COMMITTEE));
			assertThat(check(g, Rule.PRIMARY_COMMITTEE_ADVISED)).isEmpty();
			// a BRANCH of 120 is GENERAL_BRANCH_ADVISED, not PRIMARY_COMMITTEE_ADVISED
			assertThat(check(villageBranch(OrgKind.BRANCH, 120, 0), Rule.PRIMARY_COMMITTEE_ADVISED)).isEmpty();
		}

	}

	@Nested
	class ParentKind {

		private TestGraph tree() {
			return TestGraph.countyWithTownship()
				.org("o-npe", OrgKind.WORKING_COMMITTEE, "非公經濟組織工委", "o-c")
				.org("o-gb", OrgKind.GENERAL_BRANCH, "下寨村黨總支", "o-t")
				.org("o-b", OrgKind.BRANCH, "下寨村黨支部", "o-gb");
		}

		@Test
		void theWellFormedTreeHolds() {
			TestGraph g = tree().org("o-g", OrgKind.PARTY_GROUP, "第一黨小組", "o-b")
				.org("o-pc", OrgKind.PRIMARY_COMMITTEE, "某基層黨委", "o-t")
				.org("o-pc-b", OrgKind.JOINT_BRANCH, "某聯合黨支部", "o-pc");
			assertThat(check(g, Rule.PARENT_KIND)).isEmpty();
		}

		@Test
		void branchUnderBranchIsReportedOnTheChild() {
			TestGraph g = tree().org("o-bb", OrgKind.BRANCH, "下寨村二支部", "o-b");
			ComplianceIssue issue = assertIssue(g, Rule.PARENT_KIND, "o-bb", null, null);
			assertThat(issue.severity()).isEqualTo(Severity.ERROR);
			assertThat(check(g, Rule.PARENT_KIND)).extracting(ComplianceIssue::orgId).containsExactly("o-bb");
			// the nearest ancestor of a higher kind is the general branch
			assertThat(issue.fix()).containsExactly(Operation.moveOrg("o-bb", "o-gb"));
		}

		@Test
		void jointBranchUnderBranchIsEqualRank() {
			TestGraph g = tree().org("o-jb", OrgKind.JOINT_BRANCH, "聯合黨支部", "o-b");
			assertIssue(g, Rule.PARENT_KIND, "o-jb", null, null);
		}

		@Test
		void townshipUnderWorkingCommitteeIsEqualRank() {
			TestGraph g = tree().org("o-t2", OrgKind.TOWNSHIP_COMMITTEE, "乙鄉黨委", "o-npe");
			ComplianceIssue issue = assertIssue(g, Rule.PARENT_KIND, "o-t2", null, null);
			assertThat(issue.fix()).containsExactly(Operation.moveOrg("o-t2", "o-c"));
		}

		@Test
		void lowerKindAsParentBreaks() {
			TestGraph g = tree().org("o-gb2", OrgKind.GENERAL_BRANCH, "總支", "o-b");
			assertIssue(g, Rule.PARENT_KIND, "o-gb2", null, null);
		}

		@Test
		void branchUnderGeneralBranchHolds() {
			assertThat(issueAt(tree(), Rule.PARENT_KIND, "o-b")).isEmpty();
		}

		@Test
		void noHigherAncestorGivesNoOperation() {
			TestGraph g = TestGraph.named("x")
				.org("o-b1", OrgKind.BRANCH, "一支部", null)
				.org("o-b2", OrgKind.BRANCH, "二支部", "o-b1");
			assertThat(assertIssue(g, Rule.PARENT_KIND, "o-b2", null, null).fix()).isEmpty();
		}

	}

	@Nested
	class SecretaryMissing {

		@Test
		void anOrgWithoutSecretaryBreaks_theFixAppointsTheLongestStandingFullMember() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 0, 0);
			g.probationary("o-b", 1); // joined first, but probationary
			List<String> full = g.add("o-b", 3, MemberStatus.FULL, null);
			ComplianceIssue issue = assertIssue(g, Rule.SECRETARY_MISSING, "o-b", null, null);
			assertThat(issue.severity()).isEqualTo(Severity.WARNING);
			assertThat(issue.fix()).containsExactly(Operation.assignRole(full.get(0), "o-b", "SECRETARY"));
		}

		@Test
		void aFullDeputyIsPreferred() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 0, 0);
			List<String> full = g.add("o-b", 3, MemberStatus.FULL, null);
			g.role(full.get(2), "o-b", Role.DEPUTY_SECRETARY);
			ComplianceIssue issue = assertIssue(g, Rule.SECRETARY_MISSING, "o-b", null, null);
			assertThat(issue.fix()).containsExactly(Operation.assignRole(full.get(2), "o-b", "SECRETARY"));
		}

		@Test
		void aSecretaryHeldByAMemberOfAnotherOrgCounts() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 3, 0);
			g.full("o-t", 1);
			String townshipMember = "o-t-m4";
			g.role(townshipMember, "o-b", Role.SECRETARY);
			assertThat(issueAt(g, Rule.SECRETARY_MISSING, "o-b")).isEmpty();
			// o-t itself still has none: holding an office elsewhere is not holding it here
			assertThat(issueAt(g, Rule.SECRETARY_MISSING, "o-t")).isPresent();
		}

		@Test
		void otherOfficesDoNotCount() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 3, 0);
			g.role("o-b-m1", "o-b", Role.DEPUTY_SECRETARY).role("o-b-m2", "o-b", Role.COMMITTEE_MEMBER);
			assertThat(issueAt(g, Rule.SECRETARY_MISSING, "o-b")).isPresent();
			g.role("o-b-m3", "o-b", Role.SECRETARY);
			assertThat(issueAt(g, Rule.SECRETARY_MISSING, "o-b")).isEmpty();
		}

		@Test
		void aPartyGroupIsNeverReported_everyOtherKindIs() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 3, 0).org("o-g", OrgKind.PARTY_GROUP, "第一黨小組", "o-b")
				.org("o-npe", OrgKind.WORKING_COMMITTEE, "非公經濟組織工委", "o-c");
			assertThat(check(g, Rule.SECRETARY_MISSING)).extracting(ComplianceIssue::orgId)
				.containsExactlyInAnyOrder("o-c", "o-t", "o-b", "o-npe");
		}

		@Test
		void anOrgWithoutFullMembersGetsNoOperation() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 0, 2);
			assertThat(assertIssue(g, Rule.SECRETARY_MISSING, "o-b", null, null).fix()).isEmpty();
		}

	}

	@Nested
	class DualManagementMissing {

		/**
		 * u-t2 (township, listed first so its committee o-t2 is seen first), u-t with leading
		 * enterprise u-e1, non-leading u-e2, village u-v holding leading enterprise u-e3. o-e1 is set up
		 * in u-e1 under the working committee o-npe.
		 */
		private TestGraph enterprise() {
			TestGraph g = TestGraph.county()
				.unit("u-t2", UnitKind.TOWNSHIP, "乙鄉", "u-c")
				.org("o-t2", OrgKind.TOWNSHIP_COMMITTEE, "乙鄉黨委", "o-c", "u-t2")
				.unit("u-t", UnitKind.TOWNSHIP, "甲鄉", "u-c")
				.org("o-t", OrgKind.TOWNSHIP_COMMITTEE, "甲鄉黨委", "o-c", "u-t")
				.leadingEnterprise("u-e1", "某肉業公司", "u-t")
				.unit("u-e2", UnitKind.ENTERPRISE, "某小公司", "u-t")
				.unit("u-v", UnitKind.VILLAGE, "下寨村", "u-t")
				.leadingEnterprise("u-e3", "某乳業公司", "u-v")
				.unit("u-b1", UnitKind.PRODUCTION_BASE, "養殖基地", "u-v")
				.org("o-npe", OrgKind.WORKING_COMMITTEE, "非公經濟組織工委", "o-c")
				.org("o-e1", OrgKind.BRANCH, "某肉業公司黨支部", "o-npe", "u-e1");
			g.full("o-e1", 3);
			return g;
		}

		@Test
		void leadingEnterpriseUnderTheWorkingCommitteeWithoutTownshipBreaks() {
			TestGraph g = enterprise();
			ComplianceIssue issue = assertIssue(g, Rule.DUAL_MANAGEMENT_MISSING, "o-e1", null, null);
			assertThat(issue.severity()).isEqualTo(Severity.WARNING);
			assertThat(issue.fix()).containsExactly(Operation.addCoManager("o-e1", "o-t"));
			assertThat(check(g, Rule.DUAL_MANAGEMENT_MISSING)).extracting(ComplianceIssue::orgId)
				.containsExactly("o-e1");
		}

		@Test
		void coManagedByATownshipHolds() {
			assertThat(check(enterprise().coManagedBy("o-e1", "o-t"), Rule.DUAL_MANAGEMENT_MISSING)).isEmpty();
			// any township committee will do for the rule
			assertThat(check(enterprise().coManagedBy("o-e1", "o-t2"), Rule.DUAL_MANAGEMENT_MISSING)).isEmpty();
		}

		@Test
		void coManagedByANonTownshipStillBreaks() {
			TestGraph g = enterprise().coManagedBy("o-e1", "o-c");
			assertIssue(g, Rule.DUAL_MANAGEMENT_MISSING, "o-e1", null, null);
		}

		@Test
		void aNonLeadingEnterpriseHolds() {
			assertThat(check(enterprise().setUpIn("o-e1", "u-e2"), Rule.DUAL_MANAGEMENT_MISSING)).isEmpty();
		}

		@Test
		void parentNotAWorkingCommitteeHolds() {
			assertThat(check(enterprise().change("o-e1", (o) -> o.withParent("o-t")), Rule.DUAL_MANAGEMENT_MISSING))
				.isEmpty();
			assertThat(check(enterprise().change("o-e1", (o) -> o.withParent("o-c")), Rule.DUAL_MANAGEMENT_MISSING))
				.isEmpty();
		}

		@Test
		void enterpriseAmongSeveralUnitsAndDeeperInTheTownship() {
			TestGraph g = enterprise().setUpIn("o-e1", "u-b1", "u-e3");
			ComplianceIssue issue = assertIssue(g, Rule.DUAL_MANAGEMENT_MISSING, "o-e1", null, null);
			assertThat(issue.fix()).containsExactly(Operation.addCoManager("o-e1", "o-t"));
		}

		@Test
		void noTownshipCommitteeForTheEnterpriseGivesNoOperation() {
			TestGraph g = enterprise().leadingEnterprise("u-e9", "外縣公司", null).setUpIn("o-e1", "u-e9");
			assertThat(assertIssue(g, Rule.DUAL_MANAGEMENT_MISSING, "o-e1", null, null).fix()).isEmpty();
		}

	}

	@Nested
	class ThresholdsFilterAndScope {

		private final RuleChecker custom = new RuleChecker(new RuleThresholds(2, 5, 30, 4, 60));

		@Test
		void customThresholdsChangeResults() {
			TestGraph two = villageBranch(OrgKind.BRANCH, 2, 0);
			assertThat(issueAt(two, Rule.MIN_FULL_MEMBERS, "o-b")).isPresent();
			assertThat(issueAt(custom, two, Rule.MIN_FULL_MEMBERS, "o-b")).isEmpty();
			assertThat(issueAt(custom, villageBranch(OrgKind.BRANCH, 1, 0), Rule.MIN_FULL_MEMBERS, "o-b"))
				.hasValueSatisfying((i) -> assertThat(i.threshold()).isEqualTo(2));

			TestGraph five = villageBranch(OrgKind.BRANCH, 5, 0);
			assertThat(issueAt(five, Rule.COMMITTEE_REQUIRED, "o-b")).isEmpty();
			assertThat(issueAt(custom, five, Rule.COMMITTEE_REQUIRED, "o-b"))
				.hasValueSatisfying((i) -> assertThat(i.threshold()).isEqualTo(5));
			assertThat(issueAt(custom, villageBranch(OrgKind.BRANCH, 4, 0), Rule.COMMITTEE_REQUIRED, "o-b")).isEmpty();

			TestGraph thirtyOne = villageBranch(OrgKind.BRANCH, 3, 28);
			assertThat(issueAt(thirtyOne, Rule.GENERAL_BRANCH_ADVISED, "o-b")).isEmpty();
			assertThat(issueAt(custom, thirtyOne, Rule.GENERAL_BRANCH_ADVISED, "o-b"))
				.hasValueSatisfying((i) -> assertThat(i.actual()).isEqualTo(31));
			assertThat(issueAt(custom, villageBranch(OrgKind.BRANCH, 3, 27), Rule.GENERAL_BRANCH_ADVISED, "o-b"))
				.isEmpty();

			TestGraph wide = villageBranch(OrgKind.JOINT_BRANCH, 3, 0);
			for (int i = 0; i < 5; i++) {
				wide.unit("u-x" + i, UnitKind.ENTERPRISE, "企業" + i, "u-t");
			}
			wide.setUpIn("o-b", "u-x0", "u-x1", "u-x2", "u-x3", "u-x4");
			assertThat(issueAt(wide, Rule.JOINT_BRANCH_TOO_WIDE, "o-b")).isEmpty();
			assertThat(issueAt(custom, wide, Rule.JOINT_BRANCH_TOO_WIDE, "o-b"))
				.hasValueSatisfying((i) -> assertThat(i.threshold()).isEqualTo(4));

			TestGraph sixty = villageBranch(OrgKind.GENERAL_BRANCH, 60, 0);
			assertThat(issueAt(sixty, Rule.PRIMARY_COMMITTEE_ADVISED, "o-b")).isEmpty();
			assertThat(issueAt(custom, sixty, Rule.PRIMARY_COMMITTEE_ADVISED, "o-b"))
				.hasValueSatisfying((i) -> assertThat(i.threshold()).isEqualTo(60));
			assertThat(issueAt(custom, villageBranch(OrgKind.GENERAL_BRANCH, 59, 0), Rule.PRIMARY_COMMITTEE_ADVISED,
					"o-b"))
				.isEmpty();
		}

		@Test
		void messagesCarryTheConfiguredThreshold() {
			ComplianceIssue issue = issueAt(custom, villageBranch(OrgKind.BRANCH, 1, 0), Rule.MIN_FULL_MEMBERS, "o-b")
				.orElseThrow();
			assertThat(issue.message()).contains("at least 2 full members").doesNotContain("at least 3");
			assertThat(issue.messageZh()).contains("不足2人");
		}

		@Test
		void thresholdsBelowOneAreRefused() {
			org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
				.isThrownBy(() -> new RuleThresholds(0, 7, 50, 5, 100));
		}

		/** Breaks in two townships: o-t (o-b short, no secretaries) and o-t2 (o-x under o-y). */
		private TestGraph twoTownships() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 2, 0).unit("u-t2", UnitKind.TOWNSHIP, "乙鄉", "u-c")
				.org("o-t2", OrgKind.TOWNSHIP_COMMITTEE, "乙鄉黨委", "o-c", "u-t2")
				.org("o-y", OrgKind.BRANCH, "乙支部", "o-t2")
				.org("o-x", OrgKind.BRANCH, "甲支部", "o-y");
			g.full("o-y", 3).full("o-x", 3);
			return g;
		}

		@Test
		void theRulesFilterKeepsOnlyTheRulesAsked() {
			TestGraph g = twoTownships();
			List<ComplianceIssue> all = DEFAULT.check(g.structure(), null, null);
			assertThat(all).extracting(ComplianceIssue::rule)
				.contains(Rule.MIN_FULL_MEMBERS, Rule.PARENT_KIND, Rule.SECRETARY_MISSING);
			assertThat(DEFAULT.check(g.structure(), null, Set.of())).isEqualTo(all);
			assertThat(DEFAULT.check(g.structure(), null, Set.of(Rule.PARENT_KIND)))
				.extracting(ComplianceIssue::key)
				.containsExactly("PARENT_KIND@o-x");
			assertThat(DEFAULT.check(g.structure(), null, EnumSet.of(Rule.PARENT_KIND, Rule.MIN_FULL_MEMBERS)))
				.extracting(ComplianceIssue::key)
				.containsExactlyInAnyOrder("PARENT_KIND@o-x", "MIN_FULL_MEMBERS@o-b");
		}

		@Test
		void theRootIdLimitsTheCheckToItsSubtree() {
			TestGraph g = twoTownships();
			List<ComplianceIssue> inT = DEFAULT.check(g.structure(), "o-t", null);
			assertThat(inT).extracting(ComplianceIssue::orgId).containsOnly("o-t", "o-b");
			assertThat(inT).extracting(ComplianceIssue::key).contains("MIN_FULL_MEMBERS@o-b");
			List<ComplianceIssue> inT2 = DEFAULT.check(g.structure(), "o-t2", null);
			assertThat(inT2).extracting(ComplianceIssue::orgId).containsOnly("o-t2", "o-y", "o-x");
			assertThat(inT2).extracting(ComplianceIssue::key).contains("PARENT_KIND@o-x");
			assertThat(DEFAULT.check(g.structure(), "o-x", null)).extracting(ComplianceIssue::orgId)
				.containsOnly("o-x");
			assertThat(DEFAULT.check(g.structure(), "no-such-org", null)).isEmpty();
			assertThat(DEFAULT.check(g.structure(), "o-c", null)).hasSameElementsAs(DEFAULT.check(g.structure(), null, null));
		}

		@Test
		void issuesComeOrderedBySeverity() {
			List<ComplianceIssue> all = DEFAULT.check(twoTownships().structure(), null, null);
			assertThat(all).extracting(ComplianceIssue::severity).isSortedAccordingTo(Enum::compareTo);
			assertThat(all.get(0).severity()).isEqualTo(Severity.ERROR);
		}

	}


	// ---- the rules added in #20 --------------------------------------------------------------------

	@Nested
	class SecretaryDuplicate {

		@Test
		void oneSecretaryHoldsTwoBreak() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 4, 0);
			List<String> ids = g.add("o-b", 2, MemberStatus.FULL, null);
			g.role(ids.get(0), "o-b", Role.SECRETARY);
			assertThat(issueAt(g, Rule.SECRETARY_DUPLICATE, "o-b")).as("one secretary").isEmpty();
			// A secretary whose own membership is elsewhere counts too.
			g.full("o-t", 1);
			String outsider = g.structure().directMembers("o-t").get(0).id();
			g.role(outsider, "o-b", Role.SECRETARY);
			ComplianceIssue issue = assertIssue(g, Rule.SECRETARY_DUPLICATE, "o-b", 2, null);
			// The one whose membership is here stays; the other becomes deputy.
			assertThat(issue.fix()).containsExactly(Operation.endRole(outsider, "o-b", "SECRETARY"),
					Operation.assignRole(outsider, "o-b", "DEPUTY_SECRETARY"));
			assertThat(issue.messageZh()).contains("2名書記");
			g.role(ids.get(1), "o-b", Role.SECRETARY);
			assertThat(assertIssue(g, Rule.SECRETARY_DUPLICATE, "o-b", 3, null).fix()).hasSize(3);
		}

		@Test
		void withADeputyAlreadyTheOthersOnlyGiveUpTheOffice() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 4, 0);
			List<String> ids = g.add("o-b", 3, MemberStatus.FULL, null);
			g.role(ids.get(0), "o-b", Role.SECRETARY)
				.role(ids.get(1), "o-b", Role.SECRETARY)
				.role(ids.get(2), "o-b", Role.DEPUTY_SECRETARY);
			assertThat(assertIssue(g, Rule.SECRETARY_DUPLICATE, "o-b", 2, null).fix())
				.containsExactly(Operation.endRole(ids.get(1), "o-b", "SECRETARY"));
		}

	}

	@Nested
	class EmptyOrg {

		@Test
		void noMembersBreaksOneDoesNot() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 0, 0).org("o-b-g", OrgKind.PARTY_GROUP, "第一黨小組", "o-b");
			ComplianceIssue branch = assertIssue(g, Rule.EMPTY_ORG, "o-b", 0, null);
			assertThat(branch.fix()).containsExactly(Operation.dissolve("o-b-g", "o-b"), Operation.dissolve("o-b", "o-t"));
			assertThat(assertIssue(g, Rule.EMPTY_ORG, "o-b-g", 0, null).fix())
				.containsExactly(Operation.dissolve("o-b-g", "o-b"));

			g.probationary("o-b", 1);
			assertThat(issueAt(g, Rule.EMPTY_ORG, "o-b")).as("one probationary member").isEmpty();
			assertThat(issueAt(g, Rule.EMPTY_ORG, "o-b-g")).as("nobody assigned to the group").isPresent();
			g.group(g.structure().directMembers("o-b").get(0).id(), "o-b-g");
			assertThat(issueAt(g, Rule.EMPTY_ORG, "o-b-g")).as("one assigned").isEmpty();
		}

		@Test
		void onlyBranchesJointBranchesAndGroups() {
			TestGraph g = villageBranch(OrgKind.GENERAL_BRANCH, 0, 0);
			assertThat(issueAt(g, Rule.EMPTY_ORG, "o-b")).isEmpty();
			assertThat(issueAt(villageBranch(OrgKind.JOINT_BRANCH, 0, 0), Rule.EMPTY_ORG, "o-b")).isPresent();
			assertThat(issueAt(g, Rule.EMPTY_ORG, "o-t")).isEmpty();
		}

	}

	@Nested
	class GeneralBranchWithoutBranches {

		@Test
		void aBranchBelowAtAnyDepthHoldsTheRule() {
			TestGraph g = villageBranch(OrgKind.GENERAL_BRANCH, 4, 0).org("o-b-g", OrgKind.PARTY_GROUP, "黨小組", "o-b");
			ComplianceIssue issue = assertIssue(g, Rule.GENERAL_BRANCH_WITHOUT_BRANCHES, "o-b", 0, null);
			assertThat(issue.severity()).isEqualTo(Severity.INFO);
			assertThat(issue.fix()).as("no trade to split by: a branch").containsExactly(
					Operation.upgrade("o-b", "BRANCH"));
			g.org("o-b-1", OrgKind.JOINT_BRANCH, "一組聯合黨支部", "o-b");
			assertThat(issueAt(g, Rule.GENERAL_BRANCH_WITHOUT_BRANCHES, "o-b")).as("a joint branch below").isEmpty();
		}

		@Test
		void tradesAllowingASplitGiveTheSplit() {
			TestGraph g = villageBranch(OrgKind.GENERAL_BRANCH, 0, 0);
			g.add("o-b", 2, MemberStatus.FULL, Trade.PLANTING);
			assertThat(assertIssue(g, Rule.GENERAL_BRANCH_WITHOUT_BRANCHES, "o-b", 0, null).fix())
				.as("2 full members: neither split nor branch").isEmpty();
			g.add("o-b", 1, MemberStatus.FULL, Trade.PLANTING);
			assertThat(assertIssue(g, Rule.GENERAL_BRANCH_WITHOUT_BRANCHES, "o-b", 0, null).fix())
				.containsExactly(Operation.upgrade("o-b", "BRANCH"), Operation.splitByTrade("o-b"));
		}

	}

	@Nested
	class JointBranchAcrossTownships {

		@Test
		void unitsInTwoTownshipsBreakInOneDoNot() {
			TestGraph g = TestGraph.countyWithTownship()
				.unit("u-t2", UnitKind.TOWNSHIP, "乙鄉", "u-c")
				.unit("u-v1", UnitKind.VILLAGE, "甲村", "u-t")
				.unit("u-v2", UnitKind.VILLAGE, "乙村", "u-t")
				.unit("u-e", UnitKind.ENTERPRISE, "丙公司", "u-v1")
				.unit("u-v3", UnitKind.VILLAGE, "丙村", "u-t2")
				.org("o-j", OrgKind.JOINT_BRANCH, "甲乙村聯合黨支部", "o-t", "u-v1", "u-v2", "u-e", "u-c");
			assertThat(issueAt(g, Rule.JOINT_BRANCH_ACROSS_TOWNSHIPS, "o-j")).as("one township (and the county)")
				.isEmpty();
			g.setUpIn("o-j", "u-v1", "u-v2", "u-e", "u-v3");
			ComplianceIssue issue = assertIssue(g, Rule.JOINT_BRANCH_ACROSS_TOWNSHIPS, "o-j", 2, null);
			assertThat(issue.message()).contains("甲鄉", "乙鄉");
			assertThat(issue.messageZh()).contains("2個鄉鎮");
			g.change("o-j", (o) -> o.withKind(OrgKind.BRANCH));
			assertThat(issueAt(g, Rule.JOINT_BRANCH_ACROSS_TOWNSHIPS, "o-j")).as("only joint branches").isEmpty();
		}

	}

	@Nested
	class TermRules {

		private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 6);

		private List<ComplianceIssue> terms(TestGraph g, java.time.LocalDate today) {
			return DEFAULT.check(g.structure(), null, Set.of(Rule.TERM_EXPIRED, Rule.TERM_ENDING), today);
		}

		/** o-b elected on the day given, with a secretary. */
		private TestGraph elected(OrgKind kind, java.time.LocalDate electedOn) {
			TestGraph g = villageBranch(kind, 3, 0).secretariesEverywhere();
			g.change("o-b", (o) -> o.withElectedOn(electedOn));
			return g;
		}

		@Test
		void severitiesAndThreshold() {
			assertThat(Rule.TERM_EXPIRED.severity()).isEqualTo(Severity.ERROR);
			assertThat(Rule.TERM_ENDING.severity()).isEqualTo(Severity.INFO);
			assertThat(RuleThresholds.DEFAULTS.of(Rule.TERM_ENDING)).isEqualTo(6);
			assertThat(Rule.TERM_ENDING.statementZh(RuleThresholds.DEFAULTS)).contains("6個月");
			assertThat(Rule.TERM_EXPIRED.article()).contains("選舉工作條例", "3年至5年");
		}

		@Test
		void expiredTheDayAfterItsEndEndingWithinSixMonths() {
			// 5 years from 2021-12-05: ended 2026-12-05, the day before TODAY.
			TestGraph g = elected(OrgKind.BRANCH, java.time.LocalDate.of(2021, 12, 5));
			assertThat(terms(g, TODAY)).extracting(ComplianceIssue::rule, ComplianceIssue::orgId, ComplianceIssue::actual)
				.containsExactly(tuple(Rule.TERM_EXPIRED, "o-b", 1));
			ComplianceIssue expired = terms(g, TODAY).get(0);
			assertThat(expired.message()).contains("2026-12-05").contains(g.org("o-b").name());
			assertThat(expired.messageZh()).contains("屆滿");
			assertThat(expired.suggestion()).contains("recordElection");
			// Ending today: not expired yet, ending.
			assertThat(terms(g, java.time.LocalDate.of(2026, 12, 5)))
				.extracting(ComplianceIssue::rule, ComplianceIssue::actual, ComplianceIssue::threshold)
				.containsExactly(tuple(Rule.TERM_ENDING, 0, 6));
			// Exactly 6 months ahead: ending; a day more: nothing.
			assertThat(terms(g, java.time.LocalDate.of(2026, 6, 5))).extracting(ComplianceIssue::rule)
				.containsExactly(Rule.TERM_ENDING);
			assertThat(terms(g, java.time.LocalDate.of(2026, 6, 4))).isEmpty();
		}

		@Test
		void noElectionNoTermAndAPartyGroupHasNone() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 3, 0).secretariesEverywhere();
			assertThat(terms(g, TODAY)).isEmpty();
			g.org(Org.of("o-g", OrgKind.PARTY_GROUP, "第一黨小組", "o-b").withElectedOn(java.time.LocalDate.of(2000, 1, 1)));
			assertThat(terms(g, TODAY)).isEmpty();
		}

		@Test
		void expiredNeedsACommitteeOrASecretary() {
			TestGraph g = villageBranch(OrgKind.BRANCH, 3, 0);
			g.change("o-b", (o) -> o.withElectedOn(java.time.LocalDate.of(2020, 1, 1)));
			assertThat(terms(g, TODAY)).as("neither").isEmpty();
			g.committee("o-b", true);
			assertThat(terms(g, TODAY)).extracting(ComplianceIssue::rule).containsExactly(Rule.TERM_EXPIRED);
		}

		@Test
		void termLengthAndWarningComeFromConfiguration() {
			java.util.Map<OrgKind, Integer> years = org.partygraph.queries.rules.Terms.defaultYears();
			years.put(OrgKind.BRANCH, 3);
			RuleChecker threeYears = new RuleChecker(new RuleThresholds(3, 7, 50, 5, 100, 1),
					new org.partygraph.queries.rules.Terms(years, java.time.Clock.systemUTC()));
			// 3 years from 2023-12-20: ends 2026-12-20, within one month of TODAY.
			TestGraph g = elected(OrgKind.BRANCH, java.time.LocalDate.of(2023, 12, 20));
			assertThat(threeYears.check(g.structure(), null, Set.of(Rule.TERM_ENDING, Rule.TERM_EXPIRED), TODAY))
				.extracting(ComplianceIssue::rule, ComplianceIssue::actual, ComplianceIssue::threshold)
				.containsExactly(tuple(Rule.TERM_ENDING, 14, 1));
			assertThat(terms(g, TODAY)).as("5 years by default: ends 2028").isEmpty();
			// A general branch keeps the default 5 years.
			TestGraph general = elected(OrgKind.GENERAL_BRANCH, java.time.LocalDate.of(2021, 12, 1));
			assertThat(threeYears.check(general.structure(), null, Set.of(Rule.TERM_EXPIRED), TODAY))
				.extracting(ComplianceIssue::actual)
				.containsExactly(5);
		}

	}

}
