package org.partygraph.queries.read;

/** Told of every read statement run, so a caller can count round trips and database time. */
@FunctionalInterface
public interface StatementListener {

	StatementListener NONE = (nanos) -> {
	};

	void statementRan(long nanos);

}
