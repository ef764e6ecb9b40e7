package org.partygraph.queries.scenario;

import java.util.List;

import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.Planner;
import org.partygraph.queries.whatif.WhatIfReport;

/**
 * What the planner proposes for one scope: operations ready for whatIf or saveScenario, the breaks
 * they leave with why, and their what-if report.
 *
 * @param within the scope the operations work in
 * @param operations the plan, in order
 * @param unresolved the breaks the goals want gone that the plan leaves, each with why
 * @param goalsMet whether it leaves none
 * @param report the plan's what-if report, as the caller sees it
 */
public record PlannedScenario(String within, List<Operation> operations, List<Planner.Unresolved> unresolved,
		boolean goalsMet, WhatIfReport report) {
}
