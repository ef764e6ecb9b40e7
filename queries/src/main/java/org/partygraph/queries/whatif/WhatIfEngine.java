package org.partygraph.queries.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.queries.limits.TimeBudget;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Text;

/**
 * Plays a list of operations out on an in-memory copy and reports before against after: figures,
 * rule breaks fixed and introduced, members moved, orgs created and dissolved. Never writes. Stops
 * between steps when the current {@link TimeBudget} is spent.
 */
public final class WhatIfEngine {

	private final RuleChecker checker;

	private final BiFunction<Structure, String, List<Metric>> patternFigures;

	/**
	 * @param checker the rules both sides are checked against
	 * @param patternFigures pattern metrics of a structure within an org (or everything for null),
	 * added to the compared figures
	 */
	public WhatIfEngine(RuleChecker checker, BiFunction<Structure, String, List<Metric>> patternFigures) {
		this.checker = checker;
		this.patternFigures = patternFigures;
	}

	/**
	 * @param before the copy to start from (everything the figures need)
	 * @param withinOrgId the scope of the figures and checks, or null for everything
	 * @param operations applied in order
	 * @throws InvalidOperationException naming the first operation that cannot be applied
	 */
	public WhatIfReport run(Dataset before, String withinOrgId, List<Operation> operations) {
		// A what-if has no date: it plays on today by the rules' clock, as the term rules judge.
		WorkingCopy copy = new WorkingCopy(before, this.checker.thresholds().minFullMembers(),
				OperationScope.EVERYTHING, this.checker.terms().today());
		for (int i = 0; i < operations.size(); i++) {
			TimeBudget.checkpoint("applying operations[" + i + "] (" + operations.get(i).op() + ")");
			copy.apply(i, operations.get(i), withinOrgId);
			if (withinOrgId != null && !copy.hasOrg(withinOrgId)) {
				throw new InvalidOperationException(i, operations.get(i).op(),
						Text.of("whatif.removesScope", withinOrgId));
			}
		}
		return report(before, copy.toDataset(), withinOrgId, List.copyOf(copy.created()), List.copyOf(copy.dissolved()),
				List.copyOf(copy.changes()), List.copyOf(copy.changeTexts()),
				(draft, b, a) -> ReportMarkdown.renderAll(draft, operations, b, a, withinOrgId));
	}

	/**
	 * How the structure changed from {@code before} to {@code after} (the same store on two days,
	 * {@code PastReads}), as a what-if report: the same figures, rule breaks fixed and introduced,
	 * members moved and org changes, with {@code changes} the events between them in words.
	 * @param from the first day (its end: before)
	 * @param to the last day (its end: after)
	 */
	public WhatIfReport compare(Dataset before, Dataset after, String withinOrgId, List<String> changes,
			java.time.LocalDate from, java.time.LocalDate to) {
		return report(before, after, withinOrgId, null, null, changes, null, (draft, b, a) -> {
			org.partygraph.model.Org scope = (withinOrgId != null) ? a.org(withinOrgId) : null;
			Text title = (scope != null) ? Text.of("report.spanTitleIn", from.toString(), to.toString(), scope.name(),
					scope.id()) : Text.of("report.spanTitle", from.toString(), to.toString());
			return ReportMarkdown.renderAll(draft, title, Text.of("report.spanIntro"), b, a, withinOrgId);
		});
	}

	/** The markdown of a drafted report, given both structures. */
	private interface Markdown {

		Map<Lang, String> render(WhatIfReport draft, Structure before, Structure after);

	}

	/**
	 * The report of two structures: rules checked on both, figures, member moves, org changes; orgs
	 * created and dissolved from the org changes unless given.
	 */
	private WhatIfReport report(Dataset before, Dataset after, String withinOrgId, List<String> created,
			List<String> dissolved, List<String> changes, List<Text> changeTexts, Markdown markdown) {
		TimeBudget.checkpoint("checking the rules before and after");
		Structure beforeStructure = Structure.of(before);
		Structure afterStructure = Structure.of(after);
		List<ComplianceIssue> issuesBefore = this.checker.check(beforeStructure, withinOrgId, null);
		List<ComplianceIssue> issuesAfter = this.checker.check(afterStructure, withinOrgId, null);
		Set<String> keysBefore = issuesBefore.stream().map(ComplianceIssue::key).collect(Collectors.toSet());
		Set<String> keysAfter = issuesAfter.stream().map(ComplianceIssue::key).collect(Collectors.toSet());
		List<ComplianceIssue> fixed = issuesBefore.stream().filter((i) -> !keysAfter.contains(i.key())).toList();
		List<ComplianceIssue> introduced = issuesAfter.stream().filter((i) -> !keysBefore.contains(i.key())).toList();

		TimeBudget.checkpoint("computing the figures");
		List<Metric> figuresBefore = figures(beforeStructure, withinOrgId, issuesBefore);
		List<Metric> figuresAfter = figures(afterStructure, withinOrgId, issuesAfter);

		Map<String, Member> afterMembers = after.members()
			.stream()
			.collect(Collectors.toMap(Member::id, (m) -> m));
		List<MemberMove> moves = new ArrayList<>();
		for (Member m : before.members()) {
			Member now = afterMembers.get(m.id());
			if (now != null && !now.org().equals(m.org())) {
				moves.add(new MemberMove(m.id(), m.name(), m.org(), now.org()));
			}
		}
		List<WhatIfOrgChange> orgChanges = WhatIfOrgChange.between(beforeStructure, afterStructure, withinOrgId);
		List<String> orgsCreated = (created != null) ? created
				: orgChanges.stream().filter(WhatIfOrgChange::created).map(WhatIfOrgChange::orgId).toList();
		List<String> orgsDissolved = (dissolved != null) ? dissolved
				: orgChanges.stream().filter(WhatIfOrgChange::dissolved).map(WhatIfOrgChange::orgId).toList();
		WhatIfReport draft = new WhatIfReport(figuresBefore, figuresAfter, fixed, introduced, moves.size(), moves,
				orgsCreated, orgsDissolved, changes, null, orgChanges, null, changeTexts);
		TimeBudget.checkpoint("writing the report");
		Map<Lang, String> markdowns = markdown.render(draft, beforeStructure, afterStructure);
		return new WhatIfReport(figuresBefore, figuresAfter, fixed, introduced, moves.size(), moves, orgsCreated,
				orgsDissolved, changes, markdowns.get(Lang.EN), orgChanges, markdowns, changeTexts);
	}

	/** The what-if planner on the same rules and pattern figures. */
	public Planner planner() {
		return new Planner(this.checker, this.patternFigures);
	}

	/** Candidate fixes judged on a copy of {@code before} (see {@link FixVetting}). */
	public FixVetting vetting(Dataset before) {
		return new FixVetting(before, this.checker, this.patternFigures);
	}

	private List<Metric> figures(Structure structure, String withinOrgId, List<ComplianceIssue> issues) {
		List<Metric> metrics = new ArrayList<>(
				StructureFigures.of(structure, withinOrgId, issues, this.checker.terms().today()));
		metrics.addAll(this.patternFigures.apply(structure, withinOrgId));
		return metrics;
	}

}
