package org.partygraph.queries.schema;

/**
 * The Cypher that takes write locks on nodes without changing them, shared by the changes (the orgs
 * of the members they touch) and the member tallies (the orgs they recount).
 */
public final class WriteLocks {

	private WriteLocks() {
	}

	/**
	 * Cypher that takes the write lock of each distinct node bound to {@code variable}, in id order, so
	 * that two transactions locking overlapping sets cannot deadlock. Setting and removing a property
	 * takes the lock and leaves the node as it was.
	 * @param variable the nodes' variable in the statement so far
	 * @return the clauses to append; the statement returns nothing after them
	 */
	public static String inIdOrder(String variable) {
		return """
				WITH DISTINCT %1$s
				ORDER BY %1$s.id
				SET %1$s._LOCK_ = true
				REMOVE %1$s._LOCK_
				""".formatted(variable);
	}

}
