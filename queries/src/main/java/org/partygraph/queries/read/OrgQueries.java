package org.partygraph.queries.read;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Reads about orgs, each method one statement for any number of orgs (the API batches a level of
 * a GraphQL query into one call).
 */
public final class OrgQueries {

	private static final String BY_IDS = """
			UNWIND $ids AS key
			MATCH (o:Org {id: key})
			RETURN key, o AS value
			""";

	private static final String PARENTS = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})-[:SUBORDINATE_TO]->(p:Org)
			RETURN key, p AS value
			""";

	private static final String CHILDREN = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})<-[:SUBORDINATE_TO]-(c:Org)
			RETURN key, c AS value
			ORDER BY key, c.name, c.id
			""";

	private static final String CO_MANAGERS = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})-[:CO_MANAGED_BY]->(c:Org)
			RETURN key, c AS value
			ORDER BY key, c.name, c.id
			""";

	private static final String UNITS = """
			UNWIND $ids AS key
			MATCH (:Org {id: key})-[:SET_UP_IN]->(u:Unit)
			RETURN key, u AS value
			ORDER BY key, u.name, u.id
			""";

	// A party group counts the members assigned to it; any other org its subtree through parent.
	private static final String MEMBER_COUNTS = """
			UNWIND $ids AS key
			MATCH (o:Org {id: key})
			CALL (o) {
			  MATCH (o)<-[:SUBORDINATE_TO*0..]-(:Org)<-[:MEMBER_OF]-(m:Member)
			  WHERE o.kind <> 'PARTY_GROUP'
			  RETURN m
			  UNION ALL
			  MATCH (o)<-[:IN_GROUP]-(m:Member)
			  WHERE o.kind = 'PARTY_GROUP'
			  RETURN m
			}
			RETURN key, count(m) AS total, count(CASE m.status WHEN 'FULL' THEN 1 END) AS full
			""";

	private final Rows rows;

	public OrgQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	public Map<String, OrgRow> byIds(Collection<String> ids) {
		return this.rows.single(BY_IDS, ids, Rows::org);
	}

	/** Each org's parent; orgs without one (roots) are absent. */
	public Map<String, OrgRow> parents(Collection<String> ids) {
		return this.rows.single(PARENTS, ids, Rows::org);
	}

	public Map<String, List<OrgRow>> children(Collection<String> ids) {
		return this.rows.grouped(CHILDREN, ids, Rows::org);
	}

	public Map<String, List<OrgRow>> coManagers(Collection<String> ids) {
		return this.rows.grouped(CO_MANAGERS, ids, Rows::org);
	}

	public Map<String, List<UnitRow>> units(Collection<String> ids) {
		return this.rows.grouped(UNITS, ids, Rows::unit);
	}

	/** Member counts per org; every requested id present (zero when it has no members). */
	public Map<String, MemberCounts> memberCounts(Collection<String> ids) {
		Map<String, MemberCounts> counts = new HashMap<>();
		ids.forEach((id) -> counts.put(id, MemberCounts.NONE));
		for (Record r : this.rows.read(MEMBER_COUNTS, Map.of("ids", List.copyOf(ids)))) {
			counts.put(r.get("key").asString(), new MemberCounts(r.get("total").asInt(), r.get("full").asInt()));
		}
		return counts;
	}

}
