package org.partygraph.queries.read;

/**
 * The database cannot be reached (down, restarting, network gone) even after the driver's retries:
 * callers answer a clear "try again" instead of a stack trace, and never wait long for it.
 */
public class DatabaseUnavailableException extends RuntimeException {

	public DatabaseUnavailableException(Throwable cause) {
		super("The database is unavailable; try again shortly (" + cause.getMessage() + ")", cause);
	}

}
