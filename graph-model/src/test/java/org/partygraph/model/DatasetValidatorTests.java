package org.partygraph.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hard rules that need the whole dataset: one test per kind of problem. */
class DatasetValidatorTests {

	private static final Unit VILLAGE = Unit.of("u-v", UnitKind.VILLAGE, "V", null);

	private static final Org COUNTY = Org.of("o-c", OrgKind.COUNTY_COMMITTEE, "C", null);

	private static final Org BRANCH = Org.of("o-b", OrgKind.BRANCH, "B", "o-c");

	private static final Org GROUP = Org.of("o-g", OrgKind.PARTY_GROUP, "G", "o-b");

	@Test
	void soundDatasetHasNoProblems() {
		Member member = new Member("m-1", "M", MemberStatus.FULL, "o-b", "u-v", Trade.BREEDING, Gender.M, null, null,
				null, null, "o-g", List.of(new RoleAssignment("o-c", Role.SECRETARY)), List.of("o-c"));
		Dataset dataset = new Dataset("d", List.of(VILLAGE),
				List.of(COUNTY, BRANCH.withUnits(List.of("u-v")).withCoManagedBy(List.of("o-c")), GROUP),
				List.of(member));
		assertThat(validate(dataset)).isEmpty();
	}

	@Test
	void namesBreakingTheNameRuleAreReportedOnTheFieldNameOfEachItem() {
		Unit unit = Unit.of("u-1", UnitKind.VILLAGE, "村\u0000", null);
		Org org = Org.of("o-1", OrgKind.BRANCH, "\u202Egnp.exe", "o-c");
		Member tooLong = Member.of("m-1", "王".repeat(201), MemberStatus.FULL, "o-c");
		Member blank = Member.of("m-2", " \u3000", MemberStatus.FULL, "o-c");
		Member zeroWidth = Member.of(null, "\u200B", MemberStatus.FULL, "o-c");
		Dataset dataset = new Dataset("d", List.of(unit), List.of(COUNTY, org), List.of(tooLong, blank, zeroWidth));
		assertThat(validate(dataset)).satisfiesExactly(
				problem("u-1", "name", "name has a control character U+0000 at position 2"),
				problem("o-1", "name", "name has a format character U+202E at position 1"),
				problem("m-1", "name", "name is 201 characters; at most 200"),
				problem("m-2", "name", "name is missing"),
				problem("members[2]", "id", "id is missing"),
				problem("members[2]", "name", "name has a format character U+200B at position 1"));
	}

	/** adjacentTo (party-graph/2): units of the dataset, neither the unit itself nor one listed twice. */
	@Test
	void neighboursMustBeOtherUnitsOfTheDatasetEachOnce() {
		Unit east = Unit.of("u-e", UnitKind.VILLAGE, "E", null).withAdjacentTo(List.of("u-v"));
		assertThat(validate(new Dataset("d", List.of(VILLAGE, east), List.of(COUNTY), List.of()))).isEmpty();
		Unit bad = Unit.of("u-x", UnitKind.VILLAGE, "X", null)
			.withAdjacentTo(java.util.Arrays.asList("u-v", "u-x", "u-v", "u-nowhere", "o-c", null));
		assertThat(validate(new Dataset("d", List.of(VILLAGE, bad), List.of(COUNTY), List.of()))).satisfiesExactly(
				problem("u-x", "adjacentTo[1]", "the unit itself"),
				problem("u-x", "adjacentTo[2]", "lists 'u-v' again"),
				problem("u-x", "adjacentTo[5]", "adjacentTo[5] is missing"),
				problem("u-x", "adjacentTo[3]", "unknown unit 'u-nowhere'"),
				problem("u-x", "adjacentTo[4]", "which is an org, not a unit"));
	}

	@Test
	void namesThatAreSoundOnceNormalizedPass() {
		Org org = Org.of("o-1", OrgKind.BRANCH, "  下寨村黨總支 ", "o-c");
		Member member = Member.of("m-1", "Jose\u0301", MemberStatus.FULL, "o-1");
		assertThat(validate(new Dataset("d", List.of(), List.of(COUNTY, org), List.of(member)))).isEmpty();
	}

	@Test
	void severalRootsAndSoftRuleBreaksAreAllowed() {
		// A committee under a branch breaks the kind order: a compliance issue, not a hard rule.
		Org secondRoot = Org.of("o-root2", OrgKind.BRANCH, "R", null);
		Org committeeUnderBranch = Org.of("o-t", OrgKind.TOWNSHIP_COMMITTEE, "T", "o-root2");
		Dataset dataset = new Dataset("d", List.of(), List.of(COUNTY, secondRoot, committeeUnderBranch), List.of());
		assertThat(validate(dataset)).isEmpty();
	}

	@Test
	void everyOccurrenceOfADuplicateIdIsReported() {
		Dataset dataset = new Dataset("d", List.of(Unit.of("x", UnitKind.VILLAGE, "V", null)),
				List.of(COUNTY, Org.of("x", OrgKind.BRANCH, "B", "o-c")), List.of(Member.of("x", "M", MemberStatus.FULL, "o-c")));
		assertThat(validate(dataset)).satisfiesExactly(
				problem("x", "id", "duplicate id: units[0] has the same id as orgs[1], members[0]"),
				problem("x", "id", "duplicate id: orgs[1] has the same id as units[0], members[0]"),
				problem("x", "id", "duplicate id: members[0] has the same id as units[0], orgs[1]"));
	}

	@Test
	void referenceThatDoesNotResolveIsReportedForEveryReferenceField() {
		Unit unit = new Unit("u-1", UnitKind.PRODUCTION_BASE, "P", "u-no1", "u-no2", "u-no3", null, null, null, null);
		Org org = new Org("o-1", OrgKind.BRANCH, "B", "o-no1", List.of("o-c", "o-no2"), List.of("u-no4"), null, null);
		Member member = new Member("m-1", "M", MemberStatus.FULL, "o-no3", "u-no5", null, null, null, null, null, null,
				"o-no4", List.of(new RoleAssignment("o-no5", Role.SECRETARY)), List.of("o-no6"));
		List<Problem> problems = worded(DatasetValidator
			.validate(new Dataset("d", List.of(unit), List.of(COUNTY, org), List.of(member))));
		assertThat(problems).satisfiesExactly(problem("u-1", "locatedIn", "unknown unit 'u-no1'"),
				problem("u-1", "industry", "unknown unit 'u-no2'"), problem("u-1", "supplies", "unknown unit 'u-no3'"),
				problem("o-1", "parent", "unknown org 'o-no1'"), problem("o-1", "coManagedBy[1]", "unknown org 'o-no2'"),
				problem("o-1", "units[0]", "unknown unit 'u-no4'"), problem("m-1", "org", "unknown org 'o-no3'"),
				problem("m-1", "unit", "unknown unit 'u-no5'"), problem("m-1", "group", "unknown org 'o-no4'"),
				problem("m-1", "roles[0].org", "unknown org 'o-no5'"),
				problem("m-1", "participatesIn[0]", "unknown org 'o-no6'"));
	}

	@Test
	void referenceIntoTheWrongListIsReported() {
		Org org = Org.of("o-1", OrgKind.BRANCH, "B", "u-v");
		List<Problem> problems = validate(new Dataset("d", List.of(VILLAGE), List.of(org), List.of()));
		assertThat(problems).singleElement().satisfies(problem("o-1", "parent", "'u-v', which is a unit, not an org"));
	}

	@Test
	void everyOrgOnASubordinationCycleIsReportedAndNoOther() {
		// a -> b -> c -> a is the cycle; d hangs below it and e is a sound root.
		List<Org> orgs = List.of(Org.of("a", OrgKind.BRANCH, "A", "b"), Org.of("b", OrgKind.BRANCH, "B", "c"),
				Org.of("d", OrgKind.BRANCH, "D", "a"), Org.of("c", OrgKind.BRANCH, "C", "a"),
				Org.of("e", OrgKind.COUNTY_COMMITTEE, "E", null));
		List<Problem> problems = validate(new Dataset("d", List.of(), orgs, List.of()));
		assertThat(problems).satisfiesExactlyInAnyOrder(problem("a", "parent", "subordination cycle: a -> b -> c -> a"),
				problem("b", "parent", "subordination cycle: b -> c -> a -> b"),
				problem("c", "parent", "subordination cycle: c -> a -> b -> c"));
	}

	@Test
	void orgThatIsItsOwnParentIsACycle() {
		List<Problem> problems = worded(DatasetValidator
			.validate(new Dataset("d", List.of(), List.of(Org.of("a", OrgKind.BRANCH, "A", "a")), List.of())));
		assertThat(problems).singleElement().satisfies(problem("a", "parent", "subordination cycle: a -> a"));
	}

	@Test
	void longCycleIsShownShortened() {
		List<Org> orgs = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			orgs.add(Org.of("o" + i, OrgKind.BRANCH, "O", "o" + ((i + 1) % 30)));
		}
		List<Problem> problems = validate(new Dataset("d", List.of(), orgs, List.of()));
		assertThat(problems).hasSize(30);
		assertThat(problems.get(0).message()).isEqualTo(
				"subordination cycle: o0 -> o1 -> o2 -> o3 -> o4 -> o5 -> o6 -> o7 -> o8 -> o9 -> ... (30 orgs) -> o0");
	}

	@Test
	void deepChainIsCheckedWithoutRecursion() {
		// A chain this deep would overflow the stack of a recursive walk.
		List<Org> orgs = new ArrayList<>();
		orgs.add(Org.of("o0", OrgKind.COUNTY_COMMITTEE, "O", null));
		for (int i = 1; i < 200_000; i++) {
			orgs.add(Org.of("o" + i, OrgKind.BRANCH, "O", "o" + (i - 1)));
		}
		orgs.set(0, orgs.get(0).withParent("o199999"));
		List<Problem> problems = validate(new Dataset("d", List.of(), orgs, List.of()));
		assertThat(problems).hasSize(200_000).allSatisfy((problem) -> assertThat(problem.field()).isEqualTo("parent"));
	}

	@Test
	void membershipInAPartyGroupIsReported() {
		Member member = Member.of("m-1", "M", MemberStatus.FULL, "o-g");
		List<Problem> problems = worded(DatasetValidator
			.validate(new Dataset("d", List.of(), List.of(COUNTY, BRANCH, GROUP), List.of(member))));
		assertThat(problems).singleElement().satisfies(problem("m-1", "org", "'o-g' is a PARTY_GROUP"));
	}

	@Test
	void groupThatIsNotAPartyGroupIsReported() {
		Member member = Member.of("m-1", "M", MemberStatus.FULL, "o-b").withGroup("o-c");
		List<Problem> problems = worded(DatasetValidator
			.validate(new Dataset("d", List.of(), List.of(COUNTY, BRANCH, GROUP), List.of(member))));
		assertThat(problems).singleElement().satisfies(problem("m-1", "group", "is a COUNTY_COMMITTEE, not a PARTY_GROUP"));
	}

	@Test
	void groupUnderAnotherOrgIsReported() {
		Org otherBranch = Org.of("o-b2", OrgKind.BRANCH, "B2", "o-c");
		Member member = Member.of("m-1", "M", MemberStatus.FULL, "o-b2").withGroup("o-g");
		List<Problem> problems = worded(DatasetValidator
			.validate(new Dataset("d", List.of(), List.of(COUNTY, BRANCH, otherBranch, GROUP), List.of(member))));
		assertThat(problems).singleElement()
			.satisfies(problem("m-1", "group", "not under the member's org 'o-b2' (its parent is 'o-b')"));
	}

	@Test
	void missingRequiredFieldsAreReportedByPositionWhenTheIdIsMissing() {
		Org nameless = new Org(null, OrgKind.BRANCH, null, "o-c", null, null, null, null);
		Member member = new Member("m-1", "M", null, "o-c", null, null, null, null, null, null, null, null,
				List.of(new RoleAssignment("o-c", null)), null);
		List<Problem> problems = worded(DatasetValidator
			.validate(new Dataset(null, List.of(), List.of(COUNTY, nameless), List.of(member))));
		assertThat(problems).satisfiesExactly(problem(Problem.DATASET, "name", "missing"),
				problem("orgs[1]", "id", "missing"), problem("orgs[1]", "name", "missing"),
				problem("m-1", "status", "missing"), problem("m-1", "roles[0].role", "missing"));
	}

	private static Consumer<Problem> problem(String item, String field, String messagePart) {
		return (problem) -> {
			assertThat(problem.item()).isEqualTo(item);
			assertThat(problem.field()).isEqualTo(field);
			assertThat(problem.message()).contains(messagePart);
		};
	}

	/**
	 * The problems of a dataset checked whole, after checking that the streaming check (members fed
	 * one at a time, as a large file is read) finds exactly the same ones in the same order, and that
	 * each problem's wording says its English message.
	 */
	private static List<Problem> validate(Dataset dataset) {
		List<Problem> whole = DatasetValidator.validate(dataset);
		DatasetValidator.Streaming streaming = DatasetValidator.streaming(dataset.name(), dataset.units(),
				dataset.orgs());
		dataset.members().forEach(streaming::member);
		assertThat(streaming.memberCount()).isEqualTo(dataset.members().size());
		assertThat(streaming.finish()).as("streaming check of the same dataset").containsExactlyElementsOf(whole);
		// Every problem is a wording of the bundles that says its English message (#19).
		whole.forEach(BundledEnglish::assertWorded);
		return whole;
	}

	/** The problems, after checking that each problem's wording says its English message. */
	private static List<Problem> worded(List<Problem> problems) {
		problems.forEach(BundledEnglish::assertWorded);
		return problems;
	}

	@Test
	void streamingCheckNamesAForwardMemberReferenceUnknown() {
		// The one documented difference: a member id used as an org before that member is read.
		Member first = new Member("m-1", "M", MemberStatus.FULL, "m-2", null, null, null, null, null, null, null,
				null, List.of(), List.of());
		Member second = new Member("m-2", "N", MemberStatus.FULL, "o-b", null, null, null, null, null, null, null,
				null, List.of(), List.of());
		DatasetValidator.Streaming streaming = DatasetValidator.streaming("d", List.of(), List.of(COUNTY, BRANCH));
		streaming.member(first);
		streaming.member(second);
		assertThat(worded(streaming.finish())).containsExactly(new Problem("m-1", "org", "org refers to unknown org 'm-2'"));
		Dataset dataset = new Dataset("d", List.of(), List.of(COUNTY, BRANCH), List.of(first, second));
		assertThat(worded(DatasetValidator.validate(dataset)))
			.containsExactly(new Problem("m-1", "org", "org refers to 'm-2', which is a member, not an org"));
	}

}
