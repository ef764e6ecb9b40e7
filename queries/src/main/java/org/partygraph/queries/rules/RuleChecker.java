package org.partygraph.queries.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.whatif.Operation;

/**
 * Checks an in-memory {@link Structure} against the setup rules and says, for each break, what
 * would put it right (in words and as what-if operations). The same checker serves the compliance
 * query and both sides of a what-if report, so they can never disagree.
 */
public final class RuleChecker {

	private final RuleThresholds thresholds;

	private final Terms terms;

	/** A checker with the default term lengths ({@link Terms#DEFAULTS}), today by the system clock. */
	public RuleChecker(RuleThresholds thresholds) {
		this(thresholds, Terms.DEFAULTS);
	}

	public RuleChecker(RuleThresholds thresholds, Terms terms) {
		this.thresholds = thresholds;
		this.terms = java.util.Objects.requireNonNull(terms, "terms");
	}

	/** The term lengths and the clock the term rules judge by. */
	public Terms terms() {
		return this.terms;
	}

	public RuleThresholds thresholds() {
		return this.thresholds;
	}

	/**
	 * Every break of the given rules at the orgs of {@code rootId}'s subtree (all orgs when
	 * {@code rootId} is null), ordered by severity, rule, org name.
	 */
	public List<ComplianceIssue> check(Structure structure, String rootId, Set<Rule> rules) {
		return check(structure, rootId, rules, this.terms.today());
	}

	/**
	 * As {@link #check(Structure, String, Set)}, with the term rules (TERM_EXPIRED, TERM_ENDING)
	 * judged as on {@code today}.
	 */
	public List<ComplianceIssue> check(Structure structure, String rootId, Set<Rule> rules, LocalDate today) {
		Set<Rule> wanted = (rules == null || rules.isEmpty()) ? EnumSet.allOf(Rule.class) : rules;
		List<Org> scope = (rootId != null) ? structure.subtree(rootId) : List.copyOf(structure.orgs());
		List<ComplianceIssue> issues = new ArrayList<>();
		for (Org org : scope) {
			for (Rule rule : wanted) {
				check(structure, org, rule, today).ifPresent(issues::add);
			}
		}
		issues.sort(Comparator.comparing(ComplianceIssue::severity)
			.thenComparing(ComplianceIssue::rule)
			.thenComparing(ComplianceIssue::orgName)
			.thenComparing(ComplianceIssue::orgId));
		return issues;
	}

	private Optional<ComplianceIssue> check(Structure s, Org org, Rule rule, LocalDate today) {
		int threshold = this.thresholds.of(rule);
		int members = s.memberCount(org.id());
		int full = s.fullMemberCount(org.id());
		return switch (rule) {
			case MIN_FULL_MEMBERS -> (org.kind().isBranch() && full < threshold)
					? Optional.of(minFullMembers(s, org, full, threshold)) : Optional.empty();
			case COMMITTEE_REQUIRED -> (org.kind().isBranch() && full >= threshold && !org.committee())
					? Optional.of(issue(org, rule, full, threshold,
							Text.of("what.COMMITTEE_REQUIRED", full, threshold), Text.of("fix.electCommittee"),
							List.of(Operation.electCommittee(org.id()))))
					: Optional.empty();
			case GENERAL_BRANCH_ADVISED -> (org.kind() == OrgKind.BRANCH && members > threshold)
					? Optional.of(generalBranchAdvised(s, org, members, threshold)) : Optional.empty();
			case JOINT_BRANCH_TOO_WIDE -> (org.kind() == OrgKind.JOINT_BRANCH && org.units().size() > threshold)
					? Optional.of(issue(org, rule, org.units().size(), threshold,
							Text.of("what.JOINT_BRANCH_TOO_WIDE", org.units().size(), threshold),
							Text.of("fix.splitJointBranch", threshold), List.of()))
					: Optional.empty();
			case PRIMARY_COMMITTEE_ADVISED -> (org.kind() == OrgKind.GENERAL_BRANCH && members >= threshold)
					? Optional.of(issue(org, rule, members, threshold,
							Text.of("what.PRIMARY_COMMITTEE_ADVISED", members, threshold), Text.of("fix.primaryCommittee"),
							List.of(Operation.upgrade(org.id(), OrgKind.PRIMARY_COMMITTEE.name()))))
					: Optional.empty();
			case PARENT_KIND -> parentKind(s, org);
			case SECRETARY_MISSING -> (org.kind() != OrgKind.PARTY_GROUP && s.secretaries(org.id()).isEmpty())
					? Optional.of(secretaryMissing(s, org)) : Optional.empty();
			case DUAL_MANAGEMENT_MISSING -> dualManagementMissing(s, org);
			case SECRETARY_DUPLICATE -> (s.secretaries(org.id()).size() > 1)
					? Optional.of(secretaryDuplicate(s, org)) : Optional.empty();
			case EMPTY_ORG -> ((org.kind().isBranch() || org.kind() == OrgKind.PARTY_GROUP) && members == 0)
					? Optional.of(emptyOrg(s, org)) : Optional.empty();
			case GENERAL_BRANCH_WITHOUT_BRANCHES -> (org.kind() == OrgKind.GENERAL_BRANCH
					&& s.subtree(org.id()).stream().noneMatch((o) -> o.kind().isBranch()))
					? Optional.of(generalBranchWithoutBranches(s, org, full)) : Optional.empty();
			case JOINT_BRANCH_ACROSS_TOWNSHIPS -> jointBranchAcrossTownships(s, org);
			case TERM_EXPIRED -> termExpired(s, org, today);
			case TERM_ENDING -> termEnding(org, today, threshold);
			case PROBATION_OVERDUE -> probationOverdue(s, org, today, threshold);
		};
	}

	/**
	 * PROBATION_OVERDUE: the org's own PROBATIONARY members whose probation ended before today with
	 * no decision recorded (an extended probation ends on its {@code probationExtendedTo}, any other
	 * {@code months} after {@code probationSince}, else {@code joined}). One issue per org, counting
	 * them; no member is named (the message is for readers who may not see members).
	 */
	private Optional<ComplianceIssue> probationOverdue(Structure s, Org org, LocalDate today, int months) {
		int overdue = 0;
		LocalDate oldest = null;
		for (Member m : s.directMembers(org.id())) {
			LocalDate endsOn = m.probationEndsOn(months);
			if (endsOn != null && endsOn.isBefore(today)) {
				overdue++;
				oldest = (oldest == null || endsOn.isBefore(oldest)) ? endsOn : oldest;
			}
		}
		if (overdue == 0) {
			return Optional.empty();
		}
		int days = (int) java.time.temporal.ChronoUnit.DAYS.between(oldest, today);
		return Optional.of(issue(org, Rule.PROBATION_OVERDUE, overdue, months,
				Text.of("what.PROBATION_OVERDUE", overdue, months, oldest, days), Text.of("fix.decideProbation"),
				List.of()));
	}

	/**
	 * TERM_EXPIRED: an org with a committee or a secretary whose present term (from its latest
	 * recorded election) ended before today. No recorded election, no issue.
	 */
	private Optional<ComplianceIssue> termExpired(Structure s, Org org, LocalDate today) {
		LocalDate endsOn = this.terms.endsOn(org.kind(), org.electedOn());
		if (endsOn == null || !endsOn.isBefore(today)
				|| !(org.committee() || !s.secretaries(org.id()).isEmpty())) {
			return Optional.empty();
		}
		int overdue = (int) java.time.temporal.ChronoUnit.DAYS.between(endsOn, today);
		return Optional.of(issue(org, Rule.TERM_EXPIRED, overdue, null,
				Text.of("what.TERM_EXPIRED", org.electedOn(), endsOn, overdue), Text.of("fix.holdElection"), List.of()));
	}

	/** TERM_ENDING: a present term that ends today or within the warning months. */
	private Optional<ComplianceIssue> termEnding(Org org, LocalDate today, int months) {
		LocalDate endsOn = this.terms.endsOn(org.kind(), org.electedOn());
		if (endsOn == null || endsOn.isBefore(today) || endsOn.isAfter(today.plusMonths(months))) {
			return Optional.empty();
		}
		int left = (int) java.time.temporal.ChronoUnit.DAYS.between(today, endsOn);
		return Optional.of(issue(org, Rule.TERM_ENDING, left, months,
				Text.of("what.TERM_ENDING", org.electedOn(), endsOn, left, months), Text.of("fix.prepareElection", endsOn),
				List.of()));
	}

	private ComplianceIssue minFullMembers(Structure s, Org org, int full, int threshold) {
		Text what = Text.of("what.MIN_FULL_MEMBERS", full, threshold);
		Org parent = (org.parent() != null) ? s.org(org.parent()) : null;
		if (parent == null) {
			return issue(org, Rule.MIN_FULL_MEMBERS, full, threshold, what, Text.of("fix.formJointBranch"), List.of());
		}
		Optional<Org> partner = partners(s, org, full, threshold).stream().findFirst();
		if (partner.isPresent()) {
			Org other = partner.get();
			return issue(org, Rule.MIN_FULL_MEMBERS, full, threshold, what,
					Text.of("fix.mergeInto", other.name(), jointName(org, other)),
					List.of(merge(org, other)));
		}
		return issue(org, Rule.MIN_FULL_MEMBERS, full, threshold, what, Text.of("fix.dissolveMoveMembers", parent.name()),
				List.of(Operation.dissolve(org.id(), parent.id())));
	}

	/**
	 * The sibling branches a branch short of full members could merge with, best first: together they
	 * reach the threshold and stay narrow enough; a branch of the same kind set up in an adjacent
	 * unit (a neighbouring village, {@code Unit.adjacentTo}) first, as the regulation points to a
	 * neighbouring village; then one that is itself short of members (both breaks go), then the
	 * smallest. An org set up in an industry, a park or an enterprise is a partner only for a branch
	 * that is one too: a village's branch merged into an industry branch would take that industry's
	 * pattern apart.
	 */
	private List<Org> partners(Structure s, Org org, int full, int threshold) {
		if (org.parent() == null) {
			return List.of();
		}
		boolean economic = economic(s, org);
		return s.children(org.parent())
			.stream()
			.filter((o) -> !o.id().equals(org.id()) && o.kind().isBranch())
			.filter((o) -> full + s.fullMemberCount(o.id()) >= threshold)
			.filter((o) -> org.units().size() + o.units().size() <= this.thresholds.jointBranchMaxUnits())
			.filter((o) -> economic || !economic(s, o))
			.sorted(Comparator.comparing((Org o) -> !(o.kind() == org.kind() && s.areAdjacent(org, o)))
				.thenComparing((Org o) -> s.fullMemberCount(o.id()) >= threshold)
				.thenComparing((Org o) -> s.fullMemberCount(o.id()))
				.thenComparing(Org::id))
			.toList();
	}

	/** Set up in an industry, a park or an enterprise (a pattern's own kind of unit). */
	private static boolean economic(Structure s, Org org) {
		return org.units().stream().map(s::unit).anyMatch((u) -> u != null && (u.kind() == UnitKind.INDUSTRY
				|| u.kind() == UnitKind.PARK || u.kind() == UnitKind.ENTERPRISE));
	}

	private static String jointName(Org org, Org other) {
		return shortName(org.name()) + "、" + shortName(other.name()) + "聯合黨支部";
	}

	private static Operation merge(Org org, Org other) {
		return Operation.merge(List.of(org.id(), other.id()), jointName(org, other));
	}

	/**
	 * Every fix to try for an issue, best first: for a branch short of full members each partner to
	 * merge with (as {@link #partners}), then dissolving it into its parent; for any other issue its
	 * one fix. Empty when nothing fixes it by operations. What a suggestion offers is the first of
	 * these that plays out well (see {@code WhatIfEngine.vetting}).
	 */
	public List<List<Operation>> fixCandidates(Structure s, ComplianceIssue issue) {
		Org org = s.org(issue.orgId());
		if (issue.rule() != Rule.MIN_FULL_MEMBERS || org == null || org.parent() == null
				|| issue.actual() == null || issue.threshold() == null) {
			return issue.fix().isEmpty() ? List.of() : List.of(issue.fix());
		}
		List<List<Operation>> candidates = new ArrayList<>();
		for (Org other : partners(s, org, issue.actual(), issue.threshold())) {
			candidates.add(List.of(merge(org, other)));
		}
		candidates.add(List.of(Operation.dissolve(org.id(), org.parent())));
		return candidates;
	}

	private ComplianceIssue generalBranchAdvised(Structure s, Org org, int members, int threshold) {
		Text what = Text.of("what.GENERAL_BRANCH_ADVISED", members, threshold);
		Map<Trade, Long> fullByTrade = s.directMembers(org.id())
			.stream()
			.filter((m) -> m.trade() != null && m.isFull())
			.collect(Collectors.groupingBy(Member::trade, Collectors.counting()));
		boolean splittable = fullByTrade.values().stream().anyMatch((n) -> n >= this.thresholds.minFullMembers());
		if (splittable) {
			return issue(org, Rule.GENERAL_BRANCH_ADVISED, members, threshold, what, Text.of("fix.splitByTrade"),
					List.of(Operation.splitByTrade(org.id())));
		}
		return issue(org, Rule.GENERAL_BRANCH_ADVISED, members, threshold, what, Text.of("fix.upgradeGeneralBranch"),
				List.of(Operation.upgrade(org.id(), OrgKind.GENERAL_BRANCH.name())));
	}

	private Optional<ComplianceIssue> parentKind(Structure s, Org org) {
		Org parent = (org.parent() != null) ? s.org(org.parent()) : null;
		if (parent == null || parent.kind().isAbove(org.kind())) {
			return Optional.empty();
		}
		Text what = Text.of("what.PARENT_KIND", parent.name(), kind(parent.kind()), kind(org.kind()));
		Optional<Org> higher = s.ancestors(org.id()).stream().filter((a) -> a.kind().isAbove(org.kind())).findFirst();
		return Optional.of(higher
			.map((a) -> issue(org, Rule.PARENT_KIND, null, null, what, Text.of("fix.moveUnder", a.name()),
					List.of(Operation.moveOrg(org.id(), a.id()))))
			.orElseGet(() -> issue(org, Rule.PARENT_KIND, null, null, what, Text.of("fix.moveUnderHigher"),
					List.of())));
	}

	private ComplianceIssue secretaryMissing(Structure s, Org org) {
		Text what = Text.of("what.SECRETARY_MISSING");
		// The deputy steps up; failing that, the longest-standing full member of the org.
		Optional<Member> deputy = s.directMembers(org.id())
			.stream()
			.filter((m) -> m.isFull() && m.roles().contains(new RoleAssignment(org.id(), Role.DEPUTY_SECRETARY)))
			.findFirst();
		Optional<Member> candidate = deputy.or(() -> s.directMembers(org.id())
			.stream()
			.filter(Member::isFull)
			.min(Comparator.comparing((Member m) -> (m.joined() != null) ? m.joined().toString() : "9999")
				.thenComparing(Member::id)));
		return candidate
			.map((m) -> issue(org, Rule.SECRETARY_MISSING, null, null, what, Text.of("fix.appointSecretary", m.name(), m.id()),
					Text.of("fix.appointSecretaryWithoutMembers"),
					List.of(Operation.assignRole(m.id(), org.id(), Role.SECRETARY.name()))))
			.orElseGet(() -> issue(org, Rule.SECRETARY_MISSING, null, null, what, Text.of("fix.appointSecretaryPlain"),
					List.of()));
	}

	private Optional<ComplianceIssue> dualManagementMissing(Structure s, Org org) {
		Org parent = (org.parent() != null) ? s.org(org.parent()) : null;
		if (parent == null || parent.kind() != OrgKind.WORKING_COMMITTEE) {
			return Optional.empty();
		}
		Optional<Unit> enterprise = org.units()
			.stream()
			.map(s::unit)
			.filter((u) -> u != null && u.kind() == UnitKind.ENTERPRISE && u.isLeading())
			.findFirst();
		if (enterprise.isEmpty() || org.coManagedBy()
			.stream()
			.map(s::org)
			.anyMatch((c) -> c != null && c.kind() == OrgKind.TOWNSHIP_COMMITTEE)) {
			return Optional.empty();
		}
		Text what = Text.of("what.DUAL_MANAGEMENT_MISSING", enterprise.get().name());
		Optional<Org> township = townshipCommitteeOf(s, enterprise.get());
		return Optional.of(township
			.map((t) -> issue(org, Rule.DUAL_MANAGEMENT_MISSING, null, null, what, Text.of("fix.addCoManager", t.name()),
					List.of(Operation.addCoManager(org.id(), t.id()))))
			.orElseGet(() -> issue(org, Rule.DUAL_MANAGEMENT_MISSING, null, null, what,
					Text.of("fix.addTownshipCoManager"), List.of())));
	}

	private ComplianceIssue secretaryDuplicate(Structure s, Org org) {
		List<Member> secretaries = s.secretaries(org.id());
		// Keep a secretary whose membership is here, then the longest-standing, then by id.
		Member kept = secretaries.stream()
			.min(Comparator.comparing((Member m) -> !org.id().equals(m.org()))
				.thenComparing((Member m) -> (m.joined() != null) ? m.joined().toString() : "9999")
				.thenComparing(Member::id))
			.orElseThrow();
		List<Member> others = secretaries.stream().filter((m) -> !m.id().equals(kept.id())).toList();
		boolean deputyHeld = s.dataset()
			.members()
			.stream()
			.anyMatch((m) -> m.roles().contains(new RoleAssignment(org.id(), Role.DEPUTY_SECRETARY)));
		List<Operation> fix = new ArrayList<>();
		List<Text> words = new ArrayList<>();
		for (int i = 0; i < others.size(); i++) {
			Member other = others.get(i);
			fix.add(Operation.endRole(other.id(), org.id(), Role.SECRETARY.name()));
			if (i == 0 && !deputyHeld) {
				fix.add(Operation.assignRole(other.id(), org.id(), Role.DEPUTY_SECRETARY.name()));
				words.add(Text.of("fix.becomesDeputy", other.name(), other.id()));
			}
			else {
				words.add(Text.of("fix.givesUpOffice", other.name(), other.id()));
			}
		}
		return issue(org, Rule.SECRETARY_DUPLICATE, secretaries.size(), null,
				Text.of("what.SECRETARY_DUPLICATE", secretaries.size()),
				Text.of("fix.keepSecretary", kept.name(), kept.id(), list(words)),
				Text.of(deputyHeld ? "fix.keepOneSecretary" : "fix.keepOneSecretaryDeputy"), fix);
	}

	private ComplianceIssue emptyOrg(Structure s, Org org) {
		boolean group = org.kind() == OrgKind.PARTY_GROUP;
		Text what = Text.of(group ? "what.EMPTY_ORG.group" : "what.EMPTY_ORG");
		Org parent = (org.parent() != null) ? s.org(org.parent()) : null;
		if (parent == null || parent.kind() == OrgKind.PARTY_GROUP) {
			return issue(org, Rule.EMPTY_ORG, 0, null, what, Text.of("fix.dissolve"), List.of());
		}
		// Its own party groups (empty too, since it has no members) go first: moved up to the parent
		// they would break PARENT_KIND. Any empty branch below moves up, which its kind allows.
		List<Operation> fix = new ArrayList<>();
		for (Org child : s.children(org.id())) {
			if (child.kind() == OrgKind.PARTY_GROUP) {
				fix.add(Operation.dissolve(child.id(), org.id()));
			}
		}
		fix.add(Operation.dissolve(org.id(), parent.id()));
		return issue(org, Rule.EMPTY_ORG, 0, null, what,
				Text.of((fix.size() > 1) ? "fix.dissolveWithGroupsInto" : "fix.dissolveInto", parent.name()), fix);
	}

	private ComplianceIssue generalBranchWithoutBranches(Structure s, Org org, int full) {
		Text what = Text.of("what.GENERAL_BRANCH_WITHOUT_BRANCHES");
		boolean onlyGroupsBelow = s.children(org.id()).stream().allMatch((c) -> c.kind() == OrgKind.PARTY_GROUP);
		boolean tradesAllow = s.directMembers(org.id())
			.stream()
			.filter((m) -> m.trade() != null && m.isFull())
			.collect(Collectors.groupingBy(Member::trade, Collectors.counting()))
			.values()
			.stream()
			.anyMatch((n) -> n >= this.thresholds.minFullMembers());
		if (onlyGroupsBelow && tradesAllow) {
			// SPLIT_BY_TRADE splits a branch: as a branch for a moment, then a general branch again.
			return issue(org, Rule.GENERAL_BRANCH_WITHOUT_BRANCHES, 0, null, what, Text.of("fix.setUpTradeBranches"),
					List.of(Operation.upgrade(org.id(), OrgKind.BRANCH.name()), Operation.splitByTrade(org.id())));
		}
		if (onlyGroupsBelow && full >= this.thresholds.minFullMembers()) {
			return issue(org, Rule.GENERAL_BRANCH_WITHOUT_BRANCHES, 0, null, what, Text.of("fix.makeBranch"),
					List.of(Operation.upgrade(org.id(), OrgKind.BRANCH.name())));
		}
		return issue(org, Rule.GENERAL_BRANCH_WITHOUT_BRANCHES, 0, null, what,
				Text.of("fix.setUpBranches", this.thresholds.minFullMembers()), List.of());
	}

	private Optional<ComplianceIssue> jointBranchAcrossTownships(Structure s, Org org) {
		if (org.kind() != OrgKind.JOINT_BRANCH) {
			return Optional.empty();
		}
		Map<String, List<String>> byTownship = new java.util.TreeMap<>();
		for (String unitId : org.units()) {
			Unit township = s.townshipOf(unitId);
			if (township != null) {
				byTownship.computeIfAbsent(township.name(), (k) -> new ArrayList<>())
					.add((s.unit(unitId) != null) ? s.unit(unitId).name() : unitId);
			}
		}
		if (byTownship.size() <= 1) {
			return Optional.empty();
		}
		String townships = String.join("; ", byTownship.entrySet()
			.stream()
			.map((e) -> e.getKey() + ": " + String.join(", ", e.getValue()))
			.toList());
		return Optional.of(issue(org, Rule.JOINT_BRANCH_ACROSS_TOWNSHIPS, byTownship.size(), null,
				Text.of("what.JOINT_BRANCH_ACROSS_TOWNSHIPS", byTownship.size(), townships), Text.of("fix.splitPerTownship"),
				List.of()));
	}

	/** The TOWNSHIP_COMMITTEE set up in the township unit the enterprise lies in. */
	private static Optional<Org> townshipCommitteeOf(Structure s, Unit enterprise) {
		Function<Org, Boolean> inTownship = (o) -> o.kind() == OrgKind.TOWNSHIP_COMMITTEE && o.units()
			.stream()
			.map(s::unit)
			.anyMatch((u) -> u != null && u.kind() == UnitKind.TOWNSHIP
					&& (u.id().equals(enterprise.locatedIn()) || s.isLocatedIn(enterprise.id(), u.id())));
		return s.orgs().stream().filter(inTownship::apply).findFirst();
	}

	private ComplianceIssue issue(Org org, Rule rule, Integer actual, Integer threshold, Text what, Text suggestion,
			List<Operation> fix) {
		return issue(org, rule, actual, threshold, what, suggestion, suggestion, fix);
	}

	/**
	 * An issue whose suggestion names members; {@code withoutMembers} says it without them. Its
	 * message is {@code issue.message}: the org's name, what is wrong and the rule's statement, in
	 * the bundles' languages.
	 */
	private ComplianceIssue issue(Org org, Rule rule, Integer actual, Integer threshold, Text what, Text suggestion,
			Text withoutMembers, List<Operation> fix) {
		return ComplianceIssue.of(rule, org.id(), org.name(), org.kind().name(),
				Text.of("issue.message", org.name(), what, rule.statementText(this.thresholds)), actual, threshold,
				suggestion, fix, withoutMembers);
	}

	/** An org kind in words (in English its code). */
	private static Text kind(OrgKind kind) {
		return Text.of("kind." + kind.name());
	}

	/** Texts as one list: "a, b, c" in the reader's language. */
	private static Text list(List<Text> items) {
		Text joined = items.get(items.size() - 1);
		for (int i = items.size() - 2; i >= 0; i--) {
			joined = Text.of("list.and", items.get(i), joined);
		}
		return joined;
	}

	private static String shortName(String orgName) {
		return orgName.replaceAll("(聯合)?黨(總)?支部$", "");
	}

}
