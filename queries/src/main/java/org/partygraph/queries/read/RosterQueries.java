package org.partygraph.queries.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Every member of a subtree, for a roster download of any size: the subtree's orgs are read once
 * (in tree order, each with its count of members), then their members in batches of orgs holding
 * about {@link #BATCH_MEMBERS} members, each batch one read transaction, handed on row by row. So
 * the caller never holds more than one batch, and no transaction runs longer than one batch.
 * Members are listed org by org (the tree from the top, siblings by name), by name within an org;
 * they are the members whose membership ({@code MEMBER_OF}) org is in the subtree, the same ones the
 * {@code members} list with a {@code within} filter counts. Batches are separate transactions: a
 * member moved while a large roster is being written may appear in neither or both of their orgs.
 */
public final class RosterQueries {

	/** About this many members per batch (an org is never split). */
	public static final int BATCH_MEMBERS = 2_000;

	// The subtree in tree order: each org's path from the top, by name (then id) at every level.
	private static final String ORGS_WITHIN = """
			MATCH path = (:Org {id: $within})<-[:SUBORDINATE_TO*0..]-(d:Org)
			RETURN d.id AS id, COUNT { (d)<-[:MEMBER_OF]-(:Member) } AS members,
			  [n IN reverse(nodes(path)) | [n.name, n.id]] AS order
			ORDER BY order
			""";

	private static final String ORGS_EVERYWHERE = """
			MATCH (top:Org) WHERE NOT (top)-[:SUBORDINATE_TO]->(:Org)
			MATCH path = (top)<-[:SUBORDINATE_TO*0..]-(d:Org)
			RETURN d.id AS id, COUNT { (d)<-[:MEMBER_OF]-(:Member) } AS members,
			  [n IN reverse(nodes(path)) | [n.name, n.id]] AS order
			ORDER BY order
			""";

	// One batch: the members of these orgs, in the orgs' order, by name within each; the same member
	// filters as the members list.
	private static final String BATCH = """
			UNWIND range(0, size($ids) - 1) AS i
			WITH i, $ids[i] AS id
			MATCH (o:Org {id: id})
			USING INDEX SEEK o:Org(id)
			MATCH (o)<-[:MEMBER_OF]-(m:Member)
			WHERE ($status IS NULL OR m.status = $status)
			  AND ($trade IS NULL OR m.trade = $trade)
			  AND ($nameContains IS NULL OR m.name CONTAINS $nameContains)
			  AND ($role IS NULL OR EXISTS { (m)-[:HOLDS {role: $role}]->(:Org) })
			WITH i, o, m ORDER BY i, m.name, m.id
			RETURN o.name AS orgName, %s AS member,
			  head([(m)-[:WORKS_IN]->(u:Unit) | u.name]) AS unitName,
			  head([(m)-[:IN_GROUP]->(g:Org) | g.name]) AS groupName
			""".formatted(Rows.memberValue("m"));

	private final Rows rows;

	public RosterQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	/**
	 * The roster of a subtree, ready to be read.
	 * @param within the subtree's top org; {@code null} for every org
	 * @return the roster, or {@code null} when no org has the id {@code within}
	 */
	public Roster roster(String within) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("within", within);
		List<Record> found = this.rows.read((within != null) ? ORGS_WITHIN : ORGS_EVERYWHERE, parameters);
		if (within != null && found.isEmpty()) {
			return null;
		}
		// An org reached twice (it should not be: the tree has one parent per org) is listed once.
		Map<String, Long> orgs = new LinkedHashMap<>();
		for (Record r : found) {
			orgs.putIfAbsent(r.get("id").asString(), r.get("members").asLong());
		}
		List<List<String>> batches = new ArrayList<>();
		List<String> batch = new ArrayList<>();
		long inBatch = 0;
		long members = 0;
		for (Map.Entry<String, Long> org : orgs.entrySet()) {
			if (org.getValue() == 0) {
				continue;
			}
			batch.add(org.getKey());
			inBatch += org.getValue();
			members += org.getValue();
			if (inBatch >= BATCH_MEMBERS) {
				batches.add(batch);
				batch = new ArrayList<>();
				inBatch = 0;
			}
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return new Roster(within, orgs.size(), members, batches);
	}

	/**
	 * A subtree's members to be read batch by batch.
	 *
	 * @param within the top org, or {@code null} for everything
	 * @param orgs orgs in the subtree
	 * @param members members in it when it was planned (before any filter)
	 * @param batches the orgs holding members, in batches
	 */
	public final class Roster {

		private final String within;

		private final int orgs;

		private final long members;

		private final List<List<String>> batches;

		Roster(String within, int orgs, long members, List<List<String>> batches) {
			this.within = within;
			this.orgs = orgs;
			this.members = members;
			this.batches = batches;
		}

		public String within() {
			return this.within;
		}

		public int orgs() {
			return this.orgs;
		}

		public long members() {
			return this.members;
		}

		public int batches() {
			return this.batches.size();
		}

		/**
		 * Hands every member matching the filter (its {@code within} is ignored: the roster's is used)
		 * to {@code sink}, in roster order, one batch in memory at a time.
		 * @return how many were handed on
		 */
		public long forEach(MemberFilter filter, Consumer<RosterRow> sink) {
			MemberFilter f = (filter != null) ? filter : MemberFilter.ALL;
			long count = 0;
			for (List<String> batch : this.batches) {
				Map<String, Object> parameters = new HashMap<>();
				parameters.put("ids", batch);
				parameters.put("status", (f.status() != null) ? f.status().name() : null);
				parameters.put("trade", (f.trade() != null) ? f.trade().name() : null);
				parameters.put("nameContains",
						(f.nameContains() == null || f.nameContains().isBlank()) ? null : f.nameContains());
				parameters.put("role", (f.role() != null) ? f.role().name() : null);
				List<Record> records = RosterQueries.this.rows.read(BATCH, parameters);
				for (Record r : records) {
					sink.accept(new RosterRow(Rows.member(r.get("member")), r.get("orgName").asString(null),
							r.get("unitName").asString(null), r.get("groupName").asString(null)));
					count++;
				}
			}
			return count;
		}

	}

}
