package org.partygraph.queries.scenario;

import java.util.List;

/**
 * Saved scenarios side by side.
 *
 * @param scenarios each scenario's outcome, in the order asked for
 * @param rows for each figure key of the reports, the value before and each scenario's value after
 */
public record ScenarioComparison(List<Outcome> scenarios, List<Row> rows) {

	/**
	 * @param name the scenario
	 * @param within its scope
	 * @param issuesFixed rule breaks it fixes; {@code null} when there is no report
	 * @param issuesIntroduced rule breaks it introduces; {@code null} when there is no report
	 * @param membersMoved members whose membership moves; {@code null} when there is no report
	 * @param error why there is no report
	 */
	public record Outcome(String name, String within, Integer issuesFixed, Integer issuesIntroduced,
			Integer membersMoved, String error) {

	}

	/**
	 * @param key the figure
	 * @param before its value before (of the first scenario with a report; scenarios with another
	 * scope have another before, see {@link ScenarioComparison#sameScope()})
	 * @param values each scenario's value after, in the order of {@link #scenarios()}; {@code null}
	 * for a scenario without a report
	 */
	public record Row(String key, Double before, List<Double> values) {

	}

	/** Whether every scenario has the same scope, so one before column fits them all. */
	public boolean sameScope() {
		return this.scenarios.stream().map(Outcome::within).distinct().count() <= 1;
	}

}
