package org.partygraph.queries.write;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;
import org.partygraph.model.Gender;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;

/**
 * Member nodes as every write path stores them: one property map ({@link #properties}), created
 * with their membership, one at a time by a change or in batches, with every link they start, by
 * the bulk import.
 */
public final class Members {

	private static final String CREATE = """
			MATCH (o:Org {id: $org})
			CREATE (m:Member)-[:MEMBER_OF]->(o)
			SET m = $props, m.dataset = $dataset
			""";

	/**
	 * One statement per batch of staged members ({@link #stagedRow}): each node with every
	 * relationship it starts, to the staged units and orgs. The first row's id guards the batch, so
	 * a retried transaction that had in fact committed adds nothing. Parameters {@code rows},
	 * {@code dataset}.
	 */
	public static final String CREATE_STAGED_WITH_LINKS = """
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

	private static final String UPDATE = """
			MATCH (m:Member {id: $id})
			SET m += $props
			""";

	private static final String REMOVE = """
			MATCH (m:Member {id: $id})
			DETACH DELETE m
			""";

	private Members() {
	}

	/**
	 * Sets some properties of a member (a map from {@link #properties}, built with only the values
	 * that change, so a name comes with its keys); the others stay.
	 */
	public static void update(SimpleQueryRunner tx, String id, Map<String, Object> props) {
		tx.run(UPDATE, Properties.params("id", id, "props", props)).consume();
	}

	/**
	 * The stored properties of a member node (its dataset apart): enums as their names, dates as
	 * dates, absent optional values left out.
	 */
	public static Map<String, Object> properties(String id, String name, MemberStatus status, Trade trade,
			Gender gender, LocalDate birthDate, LocalDate joined, String idNumber, String phone) {
		Map<String, Object> props = new HashMap<>();
		Properties.put(props, "id", id);
		Properties.putName(props, name);
		Properties.put(props, "status", Properties.name(status));
		Properties.put(props, "trade", Properties.name(trade));
		Properties.put(props, "gender", Properties.name(gender));
		Properties.put(props, "birthDate", birthDate);
		Properties.put(props, "joined", joined);
		Properties.put(props, "idNumber", idNumber);
		Properties.put(props, "phone", phone);
		return props;
	}

	/** The stored properties of the member, as {@link #properties(String, String, MemberStatus, Trade, Gender, LocalDate, LocalDate, String, String)}. */
	public static Map<String, Object> properties(Member member) {
		Map<String, Object> props = properties(member.id(), member.name(), member.status(), member.trade(),
				member.gender(), member.birthDate(), member.joined(), member.idNumber(), member.phone());
		Properties.put(props, "probationSince", member.probationSince());
		Properties.put(props, "probationExtendedTo", member.probationExtendedTo());
		return props;
	}

	/**
	 * Removes a member with its links (membership, group, unit, offices, participation). Its
	 * {@code Transfer} records stay, as they do for a dissolved org; the caller records the event and
	 * recounts the tallies of the orgs it was linked to.
	 */
	public static void remove(SimpleQueryRunner tx, String id) {
		tx.run(REMOVE, Map.of("id", id)).consume();
	}

	/** Creates a member node with these properties and its membership of the org, in the dataset. */
	public static void create(SimpleQueryRunner tx, String org, Map<String, Object> props, String dataset) {
		tx.run(CREATE, Properties.params("org", org, "props", props, "dataset", dataset)).consume();
	}

	/** A member as a row of {@link #CREATE_STAGED_WITH_LINKS}: its properties and what it links to. */
	public static Map<String, Object> stagedRow(Member member) {
		Map<String, Object> row = new HashMap<>();
		row.put("props", properties(member));
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
