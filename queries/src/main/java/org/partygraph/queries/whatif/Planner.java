package org.partygraph.queries.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.partygraph.model.Dataset;
import org.partygraph.queries.limits.TimeBudget;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.Severity;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

/**
 * The what-if planner (issue #20): proposes a small set of operations that reaches goals such as
 * "no ERROR", "none of these WARNINGs" and "keep every pattern metric" within one org's subtree.
 * <p>
 * Greedy over the rule breaks, worst first (the checker's order: severity, rule, org): for the
 * first break the goals want gone, each of its candidate fixes ({@link RuleChecker#fixCandidates},
 * best first) is played out on the structure as the plan has left it ({@link FixVetting}); the first
 * that fixes it, names only orgs inside {@code within}, introduces no break the goals forbid and,
 * when asked, lowers no pattern metric is added to the plan and played, and the planner looks again.
 * A break no candidate fixes that way is given up, with each candidate's objection as the reason,
 * and the planner goes on to the next. Since each step keeps every pattern metric at least where
 * it was, the whole plan does too.
 */
public final class Planner {

	private final RuleChecker checker;

	private final BiFunction<Structure, String, List<Metric>> patternFigures;

	public Planner(RuleChecker checker, BiFunction<Structure, String, List<Metric>> patternFigures) {
		this.checker = checker;
		this.patternFigures = patternFigures;
	}

	/**
	 * @param tree the county {@code within} lies in, with all its members
	 * @param within the org whose subtree the plan works in; every operation names only orgs there
	 * @param goals what the plan is to reach
	 */
	public Plan plan(Dataset tree, String within, Goals goals) {
		Dataset current = tree;
		List<Operation> operations = new ArrayList<>();
		Map<String, Text> givenUp = new LinkedHashMap<>();
		while (true) {
			TimeBudget.checkpoint("planning: after " + operations.size() + " operations");
			Structure structure = Structure.of(current);
			List<ComplianceIssue> open = this.checker.check(structure, within, null)
				.stream()
				.filter(goals::wants)
				.filter((i) -> !givenUp.containsKey(i.key()))
				.toList();
			if (open.isEmpty()) {
				break;
			}
			ComplianceIssue issue = open.get(0);
			FixVetting vetting = new FixVetting(current, this.checker, this.patternFigures);
			Set<String> inside = structure.subtree(within).stream().map((o) -> o.id()).collect(Collectors.toSet());
			List<Text> objections = new ArrayList<>();
			List<Operation> chosen = null;
			for (List<Operation> candidate : this.checker.fixCandidates(structure, issue)) {
				String outside = outside(structure, inside, candidate);
				Text objection = (outside != null) ? Text.of("plan.namesOutside", outside, within)
						: objection(vetting.judge(issue, candidate), goals, inside, within);
				if (objection == null) {
					chosen = candidate;
					break;
				}
				objections.add(Text.of("plan.objection", describe(candidate), objection));
			}
			if (chosen != null && operations.size() + chosen.size() > goals.maxOperations()) {
				givenUp.put(issue.key(), Text.of("plan.full", goals.maxOperations()));
				continue;
			}
			if (chosen == null) {
				givenUp.put(issue.key(), objections.isEmpty()
						? Text.of("plan.noFix", (issue.suggestionText() != null) ? issue.suggestionText() : issue.suggestion())
						: Text.of("plan.fixesFallShort", FixVetting.Verdict.joined(objections, "plan.or")));
				continue;
			}
			WorkingCopy copy = new WorkingCopy(current, this.checker.thresholds().minFullMembers());
			for (Operation op : chosen) {
				// Indexes as in the whole plan, so an org created here gets the id it gets when the
				// plan is played from the start.
				copy.apply(operations.size(), op);
				operations.add(op);
			}
			current = copy.toDataset();
		}
		List<Unresolved> unresolved = this.checker.check(Structure.of(current), within, null)
			.stream()
			.filter(goals::wants)
			.map((i) -> new Unresolved(i, givenUp.getOrDefault(i.key(), Text.of("plan.notReached"))))
			.toList();
		return new Plan(List.copyOf(operations), unresolved);
	}

	/** Why the verdict falls short of the goals, or {@code null} when it meets them. */
	private static Text objection(FixVetting.Verdict verdict, Goals goals, Set<String> inside, String within) {
		// An org outside within may lie outside the caller's scope too: it is not named.
		return verdict.objectionText((i) -> i.severity() == Severity.ERROR || goals.wants(i), goals.keepPatterns(),
				(i) -> inside.contains(i.orgId()) ? FixVetting.Verdict.at(i) : Text.of("vet.outside", within));
	}

	/** An org the operations name (a member by their org) that lies outside within's subtree, if any. */
	private static String outside(Structure structure, Set<String> inside, List<Operation> operations) {
		return Operation.touchedOrgs(structure, operations).stream()
			.filter((id) -> !inside.contains(id))
			.findFirst()
			.orElse(null);
	}

	private static String describe(List<Operation> operations) {
		return operations.stream().map((op) -> {
			List<String> parts = new ArrayList<>();
			if (op.org() != null) {
				parts.add(op.org());
			}
			parts.addAll(op.orgs());
			if (op.member() != null) {
				parts.add(op.member());
			}
			if (op.target() != null) {
				parts.add("→ " + op.target());
			}
			return op.op() + " " + String.join(" ", parts);
		}).collect(Collectors.joining(", "));
	}

	/**
	 * What a plan is to reach within its scope.
	 *
	 * @param noErrors no ERROR break left
	 * @param warnings the WARNING (or INFO) rules whose breaks are to go too
	 * @param keepPatterns no pattern metric lowered
	 * @param maxOperations the most operations the plan may hold
	 */
	public record Goals(boolean noErrors, Set<Rule> warnings, boolean keepPatterns, int maxOperations) {

		public Goals {
			warnings = Set.copyOf(warnings);
			if (maxOperations < 1) {
				throw new IllegalArgumentException("goals.maxOperations: at least 1, not " + maxOperations);
			}
		}

		/** Whether the goals want this break gone. */
		public boolean wants(ComplianceIssue issue) {
			return (this.noErrors && issue.severity() == Severity.ERROR) || this.warnings.contains(issue.rule());
		}

	}

	/**
	 * A break the plan leaves, and why.
	 * @param reasonText why, as a text of the bundles ({@code plan.*}, {@code vet.*}), said in the
	 * reader's language
	 */
	public record Unresolved(ComplianceIssue issue, Text reasonText) {

		/** Why, in English. */
		public String reason() {
			return Messages.bundled().say(this.reasonText, Lang.EN);
		}

	}

	/**
	 * @param operations the plan, in order, to pass to whatIf or saveScenario as it is
	 * @param unresolved the breaks the goals want gone that it leaves, each with why
	 */
	public record Plan(List<Operation> operations, List<Unresolved> unresolved) {

		/** Whether the plan reaches every goal. */
		public boolean goalsMet() {
			return this.unresolved.isEmpty();
		}

	}

}
