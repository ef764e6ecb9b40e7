package org.partygraph.queries.rules;

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
import org.partygraph.queries.whatif.Operation;

/**
 * Checks an in-memory {@link Structure} against the setup rules and says, for each break, what
 * would put it right (in words and as what-if operations). The same checker serves the compliance
 * query and both sides of a what-if report, so they can never disagree.
 */
public final class RuleChecker {

	private final RuleThresholds thresholds;

	public RuleChecker(RuleThresholds thresholds) {
		this.thresholds = thresholds;
	}

	public RuleThresholds thresholds() {
		return this.thresholds;
	}

	/**
	 * Every break of the given rules at the orgs of {@code rootId}'s subtree (all orgs when
	 * {@code rootId} is null), ordered by severity, rule, org name.
	 */
	public List<ComplianceIssue> check(Structure structure, String rootId, Set<Rule> rules) {
		Set<Rule> wanted = (rules == null || rules.isEmpty()) ? EnumSet.allOf(Rule.class) : rules;
		List<Org> scope = (rootId != null) ? structure.subtree(rootId) : List.copyOf(structure.orgs());
		List<ComplianceIssue> issues = new ArrayList<>();
		for (Org org : scope) {
			for (Rule rule : wanted) {
				check(structure, org, rule).ifPresent(issues::add);
			}
		}
		issues.sort(Comparator.comparing(ComplianceIssue::severity)
			.thenComparing(ComplianceIssue::rule)
			.thenComparing(ComplianceIssue::orgName)
			.thenComparing(ComplianceIssue::orgId));
		return issues;
	}

	private Optional<ComplianceIssue> check(Structure s, Org org, Rule rule) {
		int threshold = this.thresholds.of(rule);
		int members = s.memberCount(org.id());
		int full = s.fullMemberCount(org.id());
		return switch (rule) {
			case MIN_FULL_MEMBERS -> (org.kind().isBranch() && full < threshold)
					? Optional.of(minFullMembers(s, org, full, threshold)) : Optional.empty();
			case COMMITTEE_REQUIRED -> (org.kind().isBranch() && full >= threshold && !org.committee())
					? Optional.of(issue(org, rule, full, threshold,
							full + " full members and no branch committee (needed from " + threshold + ")",
							"正式黨員" + full + "人，未設支部委員會（" + threshold + "人以上應設立）",
							"elect a branch committee of 3 to 5 members", List.of(Operation.electCommittee(org.id()))))
					: Optional.empty();
			case GENERAL_BRANCH_ADVISED -> (org.kind() == OrgKind.BRANCH && members > threshold)
					? Optional.of(generalBranchAdvised(s, org, members, threshold)) : Optional.empty();
			case JOINT_BRANCH_TOO_WIDE -> (org.kind() == OrgKind.JOINT_BRANCH && org.units().size() > threshold)
					? Optional.of(issue(org, rule, org.units().size(), threshold,
							"set up in " + org.units().size() + " units (at most " + threshold + ")",
							"覆蓋" + org.units().size() + "個單位（一般不超過" + threshold + "個）",
							"split into joint branches of at most " + threshold + " neighbouring units", List.of()))
					: Optional.empty();
			case PRIMARY_COMMITTEE_ADVISED -> (org.kind() == OrgKind.GENERAL_BRANCH && members >= threshold)
					? Optional.of(issue(org, rule, members, threshold,
							members + " members in its subtree (a primary committee from " + threshold + ")",
							"黨員" + members + "人（" + threshold + "人以上可成立基層黨委）",
							"upgrade to a primary committee, with county approval",
							List.of(Operation.upgrade(org.id(), OrgKind.PRIMARY_COMMITTEE.name()))))
					: Optional.empty();
			case PARENT_KIND -> parentKind(s, org);
			case SECRETARY_MISSING -> (org.kind() != OrgKind.PARTY_GROUP && s.secretaries(org.id()).isEmpty())
					? Optional.of(secretaryMissing(s, org)) : Optional.empty();
			case DUAL_MANAGEMENT_MISSING -> dualManagementMissing(s, org);
		};
	}

	private ComplianceIssue minFullMembers(Structure s, Org org, int full, int threshold) {
		String what = full + " full members, needs " + threshold;
		String whatZh = "正式黨員" + full + "人，不足" + threshold + "人";
		Org parent = (org.parent() != null) ? s.org(org.parent()) : null;
		if (parent == null) {
			return issue(org, Rule.MIN_FULL_MEMBERS, full, threshold, what, whatZh,
					"form a joint branch with neighbouring units", List.of());
		}
		// A sibling branch to merge with: together they reach the threshold and stay narrow enough;
		// one that is itself short of members first (both breaks go), then the smallest.
		Optional<Org> partner = s.children(parent.id())
			.stream()
			.filter((o) -> !o.id().equals(org.id()) && o.kind().isBranch())
			.filter((o) -> full + s.fullMemberCount(o.id()) >= threshold)
			.filter((o) -> org.units().size() + o.units().size() <= this.thresholds.jointBranchMaxUnits())
			.min(Comparator.comparing((Org o) -> s.fullMemberCount(o.id()) >= threshold)
				.thenComparing((Org o) -> s.fullMemberCount(o.id()))
				.thenComparing(Org::id));
		if (partner.isPresent()) {
			Org other = partner.get();
			String name = shortName(org.name()) + "、" + shortName(other.name()) + "聯合黨支部";
			return issue(org, Rule.MIN_FULL_MEMBERS, full, threshold, what, whatZh,
					"merge with " + other.name() + " into a joint branch (" + name + ")",
					List.of(Operation.merge(List.of(org.id(), other.id()), name)));
		}
		return issue(org, Rule.MIN_FULL_MEMBERS, full, threshold, what, whatZh,
				"dissolve it and transfer its members to " + parent.name(),
				List.of(Operation.dissolve(org.id(), parent.id())));
	}

	private ComplianceIssue generalBranchAdvised(Structure s, Org org, int members, int threshold) {
		String what = members + " members (a branch usually has at most " + threshold + ")";
		String whatZh = "黨員" + members + "人（一般不超過" + threshold + "人）";
		Map<Trade, Long> fullByTrade = s.directMembers(org.id())
			.stream()
			.filter((m) -> m.trade() != null && m.isFull())
			.collect(Collectors.groupingBy(Member::trade, Collectors.counting()));
		boolean splittable = fullByTrade.values().stream().anyMatch((n) -> n >= this.thresholds.minFullMembers());
		if (splittable) {
			return issue(org, Rule.GENERAL_BRANCH_ADVISED, members, threshold, what, whatZh,
					"upgrade to a general branch and split its members into trade branches",
					List.of(Operation.splitByTrade(org.id())));
		}
		return issue(org, Rule.GENERAL_BRANCH_ADVISED, members, threshold, what, whatZh,
				"upgrade to a general branch", List.of(Operation.upgrade(org.id(), OrgKind.GENERAL_BRANCH.name())));
	}

	private Optional<ComplianceIssue> parentKind(Structure s, Org org) {
		Org parent = (org.parent() != null) ? s.org(org.parent()) : null;
		if (parent == null || parent.kind().isAbove(org.kind())) {
			return Optional.empty();
		}
		String what = "subordinate to " + parent.name() + " (" + parent.kind() + "), not of a higher kind than "
				+ org.kind();
		String whatZh = "隸屬於" + parent.name() + "，其層級不高於本組織";
		Optional<Org> higher = s.ancestors(org.id()).stream().filter((a) -> a.kind().isAbove(org.kind())).findFirst();
		return Optional.of(higher
			.map((a) -> issue(org, Rule.PARENT_KIND, null, null, what, whatZh, "move it under " + a.name(),
					List.of(Operation.moveOrg(org.id(), a.id()))))
			.orElseGet(() -> issue(org, Rule.PARENT_KIND, null, null, what, whatZh,
					"move it under an org of a higher kind", List.of())));
	}

	private ComplianceIssue secretaryMissing(Structure s, Org org) {
		String what = "no member holds SECRETARY here";
		String whatZh = "未配備書記";
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
			.map((m) -> issue(org, Rule.SECRETARY_MISSING, null, null, what, whatZh,
					"appoint " + m.name() + " (" + m.id() + ") secretary",
					"appoint a secretary: the deputy secretary, or else the longest-standing full member",
					List.of(Operation.assignRole(m.id(), org.id(), Role.SECRETARY.name()))))
			.orElseGet(() -> issue(org, Rule.SECRETARY_MISSING, null, null, what, whatZh, "appoint a secretary",
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
		String what = "set up in leading enterprise " + enterprise.get().name()
				+ " under the working committee, with no township committee co-managing it";
		String whatZh = "龍頭企業黨組織，未由所在鄉鎮黨委共同管理";
		Optional<Org> township = townshipCommitteeOf(s, enterprise.get());
		return Optional.of(township
			.map((t) -> issue(org, Rule.DUAL_MANAGEMENT_MISSING, null, null, what, whatZh,
					"add " + t.name() + " as co-manager", List.of(Operation.addCoManager(org.id(), t.id()))))
			.orElseGet(() -> issue(org, Rule.DUAL_MANAGEMENT_MISSING, null, null, what, whatZh,
					"add the township committee where the enterprise sits as co-manager", List.of())));
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

	private ComplianceIssue issue(Org org, Rule rule, Integer actual, Integer threshold, String what, String whatZh,
			String suggestion, List<Operation> fix) {
		return issue(org, rule, actual, threshold, what, whatZh, suggestion, suggestion, fix);
	}

	/** An issue whose suggestion names members; {@code withoutMembers} says it without them. */
	private ComplianceIssue issue(Org org, Rule rule, Integer actual, Integer threshold, String what, String whatZh,
			String suggestion, String withoutMembers, List<Operation> fix) {
		return new ComplianceIssue(rule, org.id(), org.name(), org.kind().name(),
				org.name() + ": " + what + ". " + rule.statement(this.thresholds),
				org.name() + "：" + whatZh + "。" + rule.statementZh(this.thresholds), actual, threshold, suggestion, fix,
				withoutMembers);
	}

	private static String shortName(String orgName) {
		return orgName.replaceAll("(聯合)?黨(總)?支部$", "");
	}

}
