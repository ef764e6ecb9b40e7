package org.partygraph.queries.read;

import java.util.Collection;
import java.util.List;
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

	private static final String ORGS = """
			UNWIND $ids AS key
			MATCH (:Unit {id: key})<-[:SET_UP_IN]-(o:Org)
			RETURN key, o AS value
			ORDER BY key, o.nameSort, o.id
			""";

	private static final String SUPPLIES = """
			UNWIND $ids AS key
			MATCH (:Unit {id: key})-[:SUPPLIES]->(e:Unit)
			RETURN key, e AS value
			""";

	private static final String SUPPLIED_BY = """
			UNWIND $ids AS key
			MATCH (:Unit {id: key})<-[:SUPPLIES]-(b:Unit)
			RETURN key, b AS value
			ORDER BY key, b.nameSort, b.id
			""";

	// Adjacency goes both ways: a pair may be stored on either unit (or both).
	private static final String ADJACENT = """
			UNWIND $ids AS key
			MATCH (:Unit {id: key})-[:ADJACENT_TO]-(n:Unit)
			WITH DISTINCT key, n
			RETURN key, n AS value
			ORDER BY key, n.nameSort, n.id
			""";

	private static final String INDUSTRIES = """
			UNWIND $ids AS key
			MATCH (:Unit {id: key})-[:IN_INDUSTRY]->(i:Unit)
			RETURN key, i AS value
			""";

	private static final String CONTAINS = """
			UNWIND $ids AS key
			MATCH (:Unit {id: key})<-[:LOCATED_IN]-(u:Unit)
			RETURN key, u AS value
			ORDER BY key, u.nameSort, u.id
			""";

	private final Rows rows;

	public UnitQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	public Map<String, UnitRow> byIds(Collection<String> ids) {
		return this.rows.single(BY_IDS, ids, Rows::unit);
	}

	/** Orgs set up in each unit. */
	public Map<String, List<OrgRow>> orgs(Collection<String> ids) {
		return this.rows.grouped(ORGS, ids, Rows::org);
	}

	/** For a production base, the enterprise it supplies. */
	public Map<String, UnitRow> supplies(Collection<String> ids) {
		return this.rows.single(SUPPLIES, ids, Rows::unit);
	}

	/** For an enterprise, the production bases that supply it. */
	public Map<String, List<UnitRow>> suppliedBy(Collection<String> ids) {
		return this.rows.grouped(SUPPLIED_BY, ids, Rows::unit);
	}

	/** The units next to each unit (recorded on either side), in name order. */
	public Map<String, List<UnitRow>> adjacent(Collection<String> ids) {
		return this.rows.grouped(ADJACENT, ids, Rows::unit);
	}

	public Map<String, UnitRow> industries(Collection<String> ids) {
		return this.rows.single(INDUSTRIES, ids, Rows::unit);
	}

	/** Units located directly in each unit (a township's villages...). */
	public Map<String, List<UnitRow>> contains(Collection<String> ids) {
		return this.rows.grouped(CONTAINS, ids, Rows::unit);
	}

	/** The unit each unit lies in; units that lie in none are absent. */
	public Map<String, UnitRow> locatedIn(Collection<String> ids) {
		return this.rows.single(LOCATED_IN, ids, Rows::unit);
	}

}
