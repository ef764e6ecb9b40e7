package org.partygraph.queries.write;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.SimpleQueryRunner;

/**
 * Each org's own member tallies, kept on the org node so that counts over a subtree add up one
 * number per org instead of reading every member below it:
 * <ul>
 * <li>{@code ownMembers}, {@code ownFullMembers}: members whose membership ({@code MEMBER_OF}) is
 * at this very org, all and FULL;</li>
 * <li>{@code groupMembers}, {@code groupFullMembers}: members assigned to it ({@code IN_GROUP}),
 * which is what a party group counts.</li>
 * </ul>
 * An org's subtree count ({@code read.MemberCounts}) is the sum of {@code ownMembers} over its subtree.
 *
 * <p>
 * The tallies are derived data, written in the same transaction as whatever changes memberships or
 * member status: every write path of the service calls {@link #recount} with the orgs its change
 * touched (the orgs the changed members were linked to before and after); the transactional
 * import recounts every org it brings, the bulk import counts each org's members as it writes
 * them. Migration V0007 fills them in for stores made before they existed. A store whose
 * memberships were changed outside the service (say, in Neo4j Browser) is put right by running
 * {@link #RECOUNT_ALL} (the statement of {@code V0007__member_tallies.cypher});
 * {@link #MISMATCHES} lists orgs whose tallies are wrong.
 */
public final class MemberTallies {

	// The four tallies of org o: each property with what it counts (as migration V0007 sets them).
	private static final Map<String, String> COUNTS = new LinkedHashMap<>();

	static {
		COUNTS.put("ownMembers", "COUNT { (o)<-[:MEMBER_OF]-(:Member) }");
		COUNTS.put("ownFullMembers", "COUNT { (o)<-[:MEMBER_OF]-(:Member {status: 'FULL'}) }");
		COUNTS.put("groupMembers", "COUNT { (o)<-[:IN_GROUP]-(:Member) }");
		COUNTS.put("groupFullMembers", "COUNT { (o)<-[:IN_GROUP]-(:Member {status: 'FULL'}) }");
	}

	private static final String TALLIES = COUNTS.entrySet()
		.stream()
		.map((c) -> "o." + c.getKey() + " = " + c.getValue())
		.collect(Collectors.joining(",\n  "));

	// The write locks of the orgs first, in id order (as the changes take theirs), then the counts in
	// a statement of their own: a change to an org's members that committed before the lock was
	// granted is counted, and one still running waits for this transaction (or is retried).
	private static final String LOCK = """
			UNWIND $ids AS id
			MATCH (o:Org {id: id})
			""" + WriteLocks.inIdOrder("o");

	private static final String RECOUNT = """
			UNWIND $ids AS id
			MATCH (o:Org {id: id})
			SET %s
			""".formatted(TALLIES);

	/**
	 * Sets staged orgs' tallies from counts made while their members were written (the bulk import):
	 * each row an org {@code id} and {@code t}, its four tallies in the order ownMembers,
	 * ownFullMembers, groupMembers, groupFullMembers. Parameter {@code rows}.
	 */
	public static final String SET_STAGED = """
			UNWIND $rows AS row
			MATCH (o:StagedOrg {id: row.id})
			SET o.ownMembers = row.t[0], o.ownFullMembers = row.t[1], o.groupMembers = row.t[2],
			  o.groupFullMembers = row.t[3]
			""";

	/** Every live org recounted from the live members (an auto-commit statement, batched). */
	public static final String RECOUNT_ALL = """
			MATCH (o:Org)
			CALL (o) { SET %s } IN TRANSACTIONS OF 10000 ROWS
			""".formatted(TALLIES);

	/** Orgs whose stored tallies differ from their members (at most 100), with both figures. */
	public static final String MISMATCHES = """
			MATCH (o:Org)
			WITH o, [%s] AS counted
			WITH o, counted, [%s] AS stored
			WHERE stored <> counted OR any(s IN stored WHERE s IS NULL)
			RETURN o.id AS id, stored, counted
			ORDER BY id
			LIMIT 100
			""".formatted(String.join(", ", COUNTS.values()),
			COUNTS.keySet().stream().map((property) -> "o." + property).collect(Collectors.joining(", ")));

	// The orgs members are linked to now, as members or assigned to a group.
	private static final String ORGS_OF_MEMBERS = """
			UNWIND $ids AS id
			MATCH (:Member {id: id})-[:MEMBER_OF|IN_GROUP]->(o:Org)
			RETURN DISTINCT o.id AS id
			""";

	private MemberTallies() {
	}

	/**
	 * A Cypher expression: the sum of an org tally over the subtree of the org variable {@code org}
	 * (the org itself included), 0 when none is set.
	 * @param property one of the tally properties, e.g. {@code ownMembers}; taken from code, never from input
	 */
	public static String subtreeSum(String org, String property) {
		return "reduce(n = 0, x IN COLLECT { MATCH (%s)<-[:SUBORDINATE_TO*0..]-(d:Org) RETURN d.%s } | n + coalesce(x, 0))"
			.formatted(org, property);
	}

	/**
	 * Sets the tallies of the orgs with these ids (nulls and ids of no org are passed over), after
	 * taking their write locks: two transactions changing one org's members never both count it
	 * without the other's change.
	 */
	public static void recount(SimpleQueryRunner tx, Collection<String> orgIds) {
		List<String> present = orgIds.stream().filter(Objects::nonNull).distinct().toList();
		if (!present.isEmpty()) {
			Map<String, Object> ids = Map.of("ids", present);
			tx.run(LOCK, ids).consume();
			tx.run(RECOUNT, ids).consume();
		}
	}

	/**
	 * The ids of the orgs these members are linked to (membership or group): taken before and after
	 * a change, they are the orgs whose tallies it can change.
	 */
	public static Set<String> orgsOf(SimpleQueryRunner tx, Collection<String> memberIds) {
		Set<String> ids = new LinkedHashSet<>();
		if (!memberIds.isEmpty()) {
			tx.run(ORGS_OF_MEMBERS, Map.of("ids", List.copyOf(memberIds)))
				.forEachRemaining((r) -> ids.add(r.get("id").asString()));
		}
		return ids;
	}

}
