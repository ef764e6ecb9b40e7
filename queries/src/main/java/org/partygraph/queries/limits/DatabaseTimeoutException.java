package org.partygraph.queries.limits;

import java.time.Duration;

/**
 * A transaction ran longer than the database timeout and was rolled back by the database: nothing
 * it meant to write was written. Callers answer a clear error instead of a stack trace.
 */
public class DatabaseTimeoutException extends RuntimeException {

	private final Duration timeout;

	public DatabaseTimeoutException(Duration timeout, Throwable cause) {
		super("The database did not answer within " + Durations.text(timeout) + " (" + TimeLimitedDriver.PROPERTY
				+ "); the request was stopped and nothing was written. Ask for less (a narrower within, a smaller "
				+ "page) or try again later", cause);
		this.timeout = timeout;
	}

	public Duration timeout() {
		return this.timeout;
	}

}
