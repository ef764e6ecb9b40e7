package org.partygraph.queries.rules;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import org.partygraph.model.Dataset;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.limits.TimeBudget;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.WhatIfEngine;
import org.partygraph.queries.whatif.WhatIfReport;

/**
 * Rule checks and what-if reports over the stored graph: one consistent read of the scope into
 * memory (three statements in one read transaction), then the checks in Java, so a check and
 * both sides of a what-if apply exactly the same rules.
 */
public final class ComplianceQueries {

	private final DatasetExporter exporter;

	private final RuleChecker checker;

	private final WhatIfEngine whatIf;

	public ComplianceQueries(DatasetExporter exporter, RuleChecker checker,
			BiFunction<Structure, String, List<Metric>> patternFigures) {
		this.exporter = exporter;
		this.checker = checker;
		this.whatIf = new WhatIfEngine(checker, patternFigures);
	}

	public RuleThresholds thresholds() {
		return this.checker.thresholds();
	}

	/**
	 * Every break of the given rules (all when empty) in {@code withinOrgId}'s subtree, or
	 * everywhere when it is null.
	 * @return the issues, or {@code null} when no org has id {@code withinOrgId}
	 */
	public List<ComplianceIssue> issues(String withinOrgId, Set<Rule> rules) {
		if (withinOrgId == null) {
			// Tree by tree (county by county): the same issues as one whole-graph check, with memory
			// bounded by the largest county rather than the province.
			List<ComplianceIssue> all = new java.util.ArrayList<>();
			for (String root : this.exporter.roots()) {
				List<ComplianceIssue> issues = issues(root, rules);
				if (issues != null) {
					all.addAll(issues);
				}
			}
			return all;
		}
		Dataset snapshot = this.exporter.snapshot(withinOrgId);
		TimeBudget.checkpoint("checking the rules");
		Structure structure = Structure.of(snapshot);
		if (withinOrgId != null && structure.org(withinOrgId) == null) {
			return null;
		}
		return this.checker.check(structure, withinOrgId, rules);
	}

	/**
	 * Plays the operations out on a copy of the scope; nothing stored changes.
	 * @return the report, or {@code null} when no org has id {@code withinOrgId}
	 * @throws org.partygraph.queries.whatif.InvalidOperationException naming the failing operation
	 */
	public WhatIfReport whatIf(String withinOrgId, List<Operation> operations) {
		Dataset snapshot = this.exporter.snapshot(withinOrgId);
		if (withinOrgId != null && snapshot.orgs().stream().noneMatch((o) -> o.id().equals(withinOrgId))) {
			return null;
		}
		return whatIf(snapshot, withinOrgId, operations);
	}

	/**
	 * Plays the operations out on a snapshot already read ({@code withinOrgId}'s, which must hold it).
	 * @throws org.partygraph.queries.whatif.InvalidOperationException naming the failing operation
	 */
	public WhatIfReport whatIf(Dataset snapshot, String withinOrgId, List<Operation> operations) {
		return this.whatIf.run(snapshot, withinOrgId, operations);
	}

}
