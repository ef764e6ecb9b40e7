package org.partygraph.queries.read;

import java.util.Collection;
import java.util.Map;

import org.neo4j.driver.Driver;

/** Reads about units, each method one statement for any number of units. */
public final class UnitQueries {

	private static final String BY_IDS = """
			UNWIND $ids AS key
			MATCH (u:Unit {id: key})
			RETURN key, u AS value
			""";

	private static final String LOCATED_IN = """
			UNWIND $ids AS key
			MATCH (:Unit {id: key})-[:LOCATED_IN]->(l:Unit)
			RETURN key, l AS value
			""";

	private final Rows rows;

	public UnitQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	public Map<String, UnitRow> byIds(Collection<String> ids) {
		return this.rows.single(BY_IDS, ids, Rows::unit);
	}

	/** The unit each unit lies in; units that lie in none are absent. */
	public Map<String, UnitRow> locatedIn(Collection<String> ids) {
		return this.rows.single(LOCATED_IN, ids, Rows::unit);
	}

}
