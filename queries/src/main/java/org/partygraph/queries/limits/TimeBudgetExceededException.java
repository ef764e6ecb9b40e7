package org.partygraph.queries.limits;

/**
 * Work under a {@link TimeBudget} ran past it; it stopped where it was and wrote nothing.
 */
public class TimeBudgetExceededException extends RuntimeException {

	private final TimeBudget budget;

	TimeBudgetExceededException(TimeBudget budget, String doing) {
		super("The " + budget.name() + " took longer than its time budget of " + Durations.text(budget.budget())
				+ " (" + budget.property() + ") and was stopped while " + doing
				+ "; nothing was written. Narrow it (a lower within, fewer operations) or try again later");
		this.budget = budget;
	}

	public TimeBudget budget() {
		return this.budget;
	}

}
