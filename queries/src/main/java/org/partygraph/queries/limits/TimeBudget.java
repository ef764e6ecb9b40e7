package org.partygraph.queries.limits;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A time budget for a whole piece of work on one thread (a what-if: reading the snapshot, applying
 * the operations, the report; a save also its write). While it {@link #run runs}, every
 * transaction's timeout is cut to what is left of it ({@link TimeLimitedDriver}) and the work calls
 * {@link #checkpoint} between steps; past the budget it stops with a
 * {@link TimeBudgetExceededException} before writing anything.
 */
public final class TimeBudget {

	private static final ThreadLocal<TimeBudget> CURRENT = new ThreadLocal<>();

	private final String name;

	private final Duration budget;

	private final String property;

	private long deadline;

	/**
	 * @param name what the work is called in the error, e.g. {@code what-if}
	 * @param budget how long it may take
	 * @param property the property that sets the budget, named in the error
	 */
	public TimeBudget(String name, Duration budget, String property) {
		if (budget.isNegative() || budget.isZero()) {
			throw new IllegalArgumentException(property + " must be positive, was " + budget);
		}
		this.name = name;
		this.budget = budget;
		this.property = property;
	}

	public String name() {
		return this.name;
	}

	public Duration budget() {
		return this.budget;
	}

	public String property() {
		return this.property;
	}

	/** Runs the work with this budget, counted from now. */
	public <T> T run(Supplier<T> work) {
		TimeBudget outer = CURRENT.get();
		if (outer != null) {
			// Nested (a save reports a what-if): the outer budget already counts.
			return work.get();
		}
		this.deadline = System.nanoTime() + this.budget.toNanos();
		CURRENT.set(this);
		try {
			return work.get();
		}
		finally {
			CURRENT.remove();
		}
	}

	/**
	 * Stops the current work when its budget is spent.
	 * @param doing what it is about to do, for the error ("applying operation 3")
	 * @throws TimeBudgetExceededException past the budget
	 */
	public static void checkpoint(String doing) {
		TimeBudget current = CURRENT.get();
		if (current != null && current.remainingNanos() <= 0) {
			throw new TimeBudgetExceededException(current, doing);
		}
	}

	/** Whether the current thread works under a budget (which other threads would not see). */
	public static boolean active() {
		return CURRENT.get() != null;
	}

	/** The budget the current thread works under, or {@code null}. */
	static TimeBudget current() {
		return CURRENT.get();
	}

	long remainingNanos() {
		return this.deadline - System.nanoTime();
	}

}
