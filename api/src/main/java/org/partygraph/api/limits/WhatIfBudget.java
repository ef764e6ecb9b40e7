package org.partygraph.api.limits;

import java.time.Duration;
import java.util.function.Supplier;

import org.partygraph.queries.limits.TimeBudget;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time budget of one what-if ({@code whatIf}, {@code saveScenario}, {@code suggestedScenarios}):
 * reading the snapshot, applying the operations and the report together, default 20s. Past it the
 * request is refused with an error naming {@value #PROPERTY}, and nothing is written.
 */
@Component
public class WhatIfBudget {

	public static final String PROPERTY = "party-graph.limits.what-if-budget";

	private final Duration budget;

	public WhatIfBudget(@Value("${" + PROPERTY + ":20s}") Duration budget) {
		if (budget.isNegative() || budget.isZero()) {
			throw new IllegalArgumentException(PROPERTY + " must be positive, was " + budget);
		}
		this.budget = budget;
	}

	public Duration budget() {
		return this.budget;
	}

	/** Runs a what-if under the budget, counted from now. */
	public <T> T run(Supplier<T> whatIf) {
		return new TimeBudget("what-if", this.budget, PROPERTY).run(whatIf);
	}

}
