package org.partygraph.queries.dataset.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partygraph.model.Member;
import org.partygraph.model.RoleAssignment;
import org.partygraph.queries.dataset.GraphRows;

/** Members in batches of {@code batch} rows, each with the relationships its members start. */
final class MemberBatches {

// One statement per batch of members: each node with every relationship it starts. The first
// row's id guards the batch, so a retried transaction that had in fact committed adds nothing.
private static final String CREATE_MEMBERS = """
		OPTIONAL MATCH (done:StagedMember {id: $rows[0].props.id})
		WITH done WHERE done IS NULL
		UNWIND $rows AS row
		CREATE (m:StagedMember)
		SET m = row.props, m.dataset = $dataset
		WITH m, row
		CALL (m, row) { MATCH (o:StagedOrg {id: row.org}) CREATE (m)-[:MEMBER_OF]->(o) }
		CALL (m, row) { MATCH (u:StagedUnit {id: row.unit}) CREATE (m)-[:WORKS_IN]->(u) }
		CALL (m, row) { MATCH (g:StagedOrg {id: row.group}) CREATE (m)-[:IN_GROUP]->(g) }
		CALL (m, row) {
		  UNWIND row.roles AS role
		  MATCH (o:StagedOrg {id: role.org})
		  CREATE (m)-[:HOLDS {role: role.role}]->(o)
		}
		CALL (m, row) {
		  UNWIND row.participatesIn AS id
		  MATCH (o:StagedOrg {id: id})
		  CREATE (m)-[:PARTICIPATES_IN]->(o)
		}
		""";

private final int batch;


	private final BatchWriters writers;

	private final List<Map<String, Object>> rows = new ArrayList<>();

	final OrgTallies tallies = new OrgTallies();

	private long entities;

	MemberBatches(BatchWriters writers, int batch) {
		this.writers = writers;
		this.batch = batch;
	}

	/**
	 * Adds a member, writing the batch once it is full.
	 * @return the entities the member adds: its node and the relationships it starts
	 */
	long add(Member member) {
		this.rows.add(memberRow(member));
		this.tallies.add(member);
		long added = 1 + GraphRows.memberRelationships(member);
		this.entities += added;
		if (this.rows.size() >= this.batch) {
			flush();
		}
		return added;
	}

	/** Writes what is gathered; throws {@link BatchFailed} once any batch has failed. */
	void flush() {
		if (!this.rows.isEmpty()) {
			this.writers.submit(CREATE_MEMBERS, List.copyOf(this.rows), this.entities, "members");
			this.rows.clear();
			this.entities = 0;
		}
	}


private static Map<String, Object> memberRow(Member member) {
	Map<String, Object> row = new HashMap<>();
	row.put("props", GraphRows.memberProps(member));
	row.put("org", member.org());
	row.put("unit", member.unit());
	row.put("group", member.group());
	List<Map<String, Object>> roles = new ArrayList<>(member.roles().size());
	for (RoleAssignment role : member.roles()) {
		roles.add(Map.of("org", role.org(), "role", role.role().name()));
	}
	row.put("roles", roles);
	row.put("participatesIn", member.participatesIn());
	return row;
}

}
