package org.partygraph.queries.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.partygraph.queries.change.TransferRecord;

/**
 * The transfer history (written by {@code write.Transfers}): a member's transfers, and those into
 * and out of an org, kept after the org is dissolved. Newest first.
 */
public final class TransferQueries {

	private static final String OF_MEMBER = """
			MATCH (:Member {id: $member})-[:TRANSFERRED]->(t:Transfer)
			RETURN t
			ORDER BY t.at DESC, t.seq DESC
			""";

	private static final String INTO = """
			MATCH (t:Transfer {to: $org})
			RETURN t
			ORDER BY t.at DESC, t.member, t.seq DESC
			""";

	private static final String OUT_OF = """
			MATCH (t:Transfer {from: $org})
			RETURN t
			ORDER BY t.at DESC, t.member, t.seq DESC
			""";

	private static final String OF_MEMBERS = """
			UNWIND $ids AS key
			MATCH (m:Member {id: key})-[:TRANSFERRED]->(t:Transfer)
			USING INDEX SEEK m:Member(id)
			RETURN key, t
			ORDER BY key, t.at DESC, t.seq DESC
			""";

	private final Driver driver;

	public TransferQueries(Driver driver) {
		this.driver = driver;
	}

	/** The transfers of a member, newest first; empty for an unknown member. */
	public List<TransferRecord> ofMember(String memberId) {
		return read(OF_MEMBER, Collections.singletonMap("member", memberId));
	}

	/** The transfers whose target was the org (kept after the org is dissolved), newest first. */
	public List<TransferRecord> into(String orgId) {
		return read(INTO, Collections.singletonMap("org", orgId));
	}

	/** The transfers whose origin was the org (kept after the org is dissolved), newest first. */
	public List<TransferRecord> outOf(String orgId) {
		return read(OUT_OF, Collections.singletonMap("org", orgId));
	}

	/** Transfers of each member, newest first, in one statement (for a level of a GraphQL query). */
	public Map<String, List<TransferRecord>> ofMembers(Collection<String> memberIds) {
		Map<String, List<TransferRecord>> result = new HashMap<>();
		memberIds.forEach((id) -> result.put(id, new ArrayList<>()));
		try (Session session = this.driver.session()) {
			session.executeRead((tx) -> tx.run(OF_MEMBERS, Map.of("ids", List.copyOf(memberIds))).list())
				.forEach((r) -> result.get(r.get("key").asString()).add(transfer(r.get("t"))));
		}
		return result;
	}

	/** A {@code (:Transfer)} node as a record. */
	public static TransferRecord transfer(Value t) {
		return new TransferRecord(t.get("id").asString(), t.get("member").asString(null), t.get("from").asString(null),
				t.get("to").asString(null), t.get("at").asZonedDateTime().toInstant(), t.get("reason").asString(null),
				t.get("on").isNull() ? null : t.get("on").asLocalDate(), t.get("by").asString(null));
	}

	private List<TransferRecord> read(String cypher, Map<String, Object> parameters) {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run(cypher, parameters).list((r) -> transfer(r.get("t"))));
		}
	}

}
