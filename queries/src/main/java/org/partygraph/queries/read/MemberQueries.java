package org.partygraph.queries.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.partygraph.model.Role;

/** Reads about members, each method one statement for any number of members or orgs. */
public final class MemberQueries {

	// Every batch lookup by member id carries an index SEEK hint: with sampled statistics the planner
	// may otherwise scan the whole member id index and hash-join it with the ids, and a plain index
	// hint still allows that scan (QueryPlansIT saw both happen in CI).
	private static final String BY_IDS = """
			UNWIND $ids AS key
			MATCH (m:Member {id: key})
			USING INDEX SEEK m:Member(id)
			RETURN key, %s AS value
			""".formatted(Rows.memberValue("m"));

	private static final String ORGS = """
			UNWIND $ids AS key
			MATCH (m:Member {id: key})-[:MEMBER_OF]->(o:Org)
			USING INDEX SEEK m:Member(id)
			RETURN key, o AS value
			""";

	private static final String PARTICIPATES_IN = """
			UNWIND $ids AS key
			MATCH (m:Member {id: key})-[:PARTICIPATES_IN]->(o:Org)
			USING INDEX SEEK m:Member(id)
			RETURN key, o AS value
			ORDER BY key, o.nameSort, o.id
			""";

	private static final String GROUPS = """
			UNWIND $ids AS key
			MATCH (m:Member {id: key})-[:IN_GROUP]->(g:Org)
			USING INDEX SEEK m:Member(id)
			RETURN key, g AS value
			""";

	private static final String UNITS = """
			UNWIND $ids AS key
			MATCH (m:Member {id: key})-[:WORKS_IN]->(u:Unit)
			USING INDEX SEEK m:Member(id)
			RETURN key, u AS value
			""";

	private static final String OFFICES = """
			UNWIND $ids AS key
			MATCH (m:Member {id: key})-[h:HOLDS]->(o:Org)
			USING INDEX SEEK m:Member(id)
			RETURN key, %s AS member, o.id AS org, h.role AS role
			ORDER BY key, o.id, h.role
			""".formatted(Rows.memberValue("m"));

	// Members of each org's subtree (or its direct members), in id order after the cursor; one
	// more than asked for tells whether a next page exists.
	private static final String PAGE = """
			UNWIND $ids AS key
			MATCH (o:Org {id: key})
			CALL (o) {
			  MATCH (o)<-[:SUBORDINATE_TO*0..]-(d:Org)<-[:MEMBER_OF]-(m:Member)
			  WHERE o.kind <> 'PARTY_GROUP' AND ($subtree OR d = o)
			  RETURN m
			  UNION ALL
			  MATCH (o)<-[:IN_GROUP]-(m:Member)
			  WHERE o.kind = 'PARTY_GROUP'
			  RETURN m
			}
			WITH key, m ORDER BY m.id
			WITH key, collect(m) AS ms
			RETURN key, size(ms) AS total,
			  [p IN [m IN ms WHERE $after IS NULL OR m.id > $after][0..$limit] | %s] AS page
			""".formatted(Rows.memberValue("p"));

	private final Rows rows;

	public MemberQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	public Map<String, MemberRow> byIds(Collection<String> ids) {
		return this.rows.single(BY_IDS, ids, Rows::member);
	}

	/** The org each member belongs to (membership). */
	public Map<String, OrgRow> orgs(Collection<String> memberIds) {
		return this.rows.single(ORGS, memberIds, Rows::org);
	}

	public Map<String, List<OrgRow>> participatesIn(Collection<String> memberIds) {
		return this.rows.grouped(PARTICIPATES_IN, memberIds, Rows::org);
	}

	/** The party group each member is assigned to, if any. */
	public Map<String, OrgRow> groups(Collection<String> memberIds) {
		return this.rows.single(GROUPS, memberIds, Rows::org);
	}

	/** The unit each member works or lives in, if recorded. */
	public Map<String, UnitRow> units(Collection<String> memberIds) {
		return this.rows.single(UNITS, memberIds, Rows::unit);
	}

	/** Offices each member holds, wherever they are. */
	public Map<String, List<Office>> offices(Collection<String> memberIds) {
		Map<String, List<Office>> result = new HashMap<>();
		memberIds.forEach((id) -> result.put(id, new ArrayList<>()));
		for (Record r : this.rows.read(OFFICES, Map.of("ids", List.copyOf(memberIds)))) {
			result.get(r.get("key").asString())
				.add(new Office(Rows.member(r.get("member")), r.get("org").asString(),
						Role.valueOf(r.get("role").asString())));
		}
		return result;
	}

	/**
	 * A page of members for each org.
	 * @param orgIds the orgs
	 * @param subtree members of the whole subtree through {@code parent}, or direct members only
	 * @param first page size
	 * @param afterId the id of the last member of the previous page, or {@code null}
	 */
	public Map<String, MemberPage> pages(Collection<String> orgIds, boolean subtree, int first, String afterId) {
		Map<String, MemberPage> pages = new HashMap<>();
		orgIds.forEach((id) -> pages.put(id, new MemberPage(List.of(), 0, false)));
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("ids", List.copyOf(orgIds));
		parameters.put("subtree", subtree);
		parameters.put("after", afterId);
		parameters.put("limit", first + 1);
		for (Record r : this.rows.read(PAGE, parameters)) {
			List<MemberRow> page = r.get("page").asList(Rows::member);
			boolean hasNext = page.size() > first;
			pages.put(r.get("key").asString(),
					new MemberPage(hasNext ? page.subList(0, first) : page, r.get("total").asInt(), hasNext));
		}
		return pages;
	}

}
