package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.partygraph.queries.change.AwayRecord;

/**
 * Mobile members (流動黨員, docs/contract.md section 8) over the stored graph: the {@code AWAY_AT}
 * relations, each with its days ({@code from} up to, not including, {@code to}). A member away is
 * still a member of their own org and is counted there only: no count anywhere follows
 * {@code AWAY_AT}. The day a read asks about is compared with the relations' own days; an org's
 * members away on a day are its members of that day (the transfers since undone).
 */
public final class AwayQueries {

	private static final String ON_DAY = "a.from <= $day AND (a.to IS NULL OR a.to > $day)";

	private static final String FLOWING_IN = """
			UNWIND $ids AS key
			CALL (key) {
			  MATCH (o:Org {id: key}) RETURN o
			  UNION
			  MATCH (o:DissolvedOrg {id: key}) RETURN o
			}
			MATCH (o)<-[a:AWAY_AT]-(m:Member)
			WHERE %s
			RETURN key, m.id AS member, key AS at, [(m)-[:MEMBER_OF]->(h:Org) | h.id][0] AS home, a.from AS from, a.to AS to
			ORDER BY key, a.from, m.id
			""".formatted(ON_DAY);

	// The id of the member m's membership org on $day: the org its first transfer after that day
	// left, else today's.
	static final String HOME_ON_DAY = """
			coalesce(COLLECT { MATCH (m)-[:TRANSFERRED]->(t:Transfer) WHERE t.on > $day
			  RETURN t.from ORDER BY t.on, t.seq LIMIT 1 }[0], [(m)-[:MEMBER_OF]->(h:Org) | h.id][0])""";

	// The members of the org on $day (today's and those who transferred away since) away that day.
	private static final String AWAY_FROM = """
			UNWIND $ids AS key
			CALL (key) {
			  MATCH (:Org {id: key})<-[:MEMBER_OF]-(m:Member)
			  RETURN m
			  UNION
			  MATCH (t:Transfer {from: key})
			  MATCH (m:Member {id: t.member})
			  RETURN m
			}
			MATCH (m)-[a:AWAY_AT]->(o)
			WHERE %s AND %s = key
			RETURN key, m.id AS member, o.id AS at, key AS home, a.from AS from, a.to AS to
			ORDER BY key, a.from, m.id
			""".formatted(ON_DAY, HOME_ON_DAY);

	private static final String OF_MEMBERS = """
			UNWIND $ids AS key
			MATCH (m:Member {id: key})-[a:AWAY_AT]->(o)
			RETURN key, m.id AS member, o.id AS at, [(m)-[:MEMBER_OF]->(h:Org) | h.id][0] AS home, a.from AS from, a.to AS to
			ORDER BY key, a.from DESC
			""";

	// Per township committee (the nearest at or above the org): members of its subtree away, and
	// members flowing in at orgs of its subtree, on the day; limited to the subtree of $within.
	private static final String BY_TOWNSHIP = """
			CALL () {
			  MATCH (home:Org)<-[:MEMBER_OF]-(m:Member)-[a:AWAY_AT]->(:Org)
			  WHERE %1$s AND ($within IS NULL OR EXISTS { (home)-[:SUBORDINATE_TO*0..]->(:Org {id: $within}) })
			  OPTIONAL MATCH (home)-[:SUBORDINATE_TO*0..]->(t:Org {kind: 'TOWNSHIP_COMMITTEE'})
			  RETURN t.id AS township, t.name AS name, 'away' AS what, count(DISTINCT m) AS n
			  UNION ALL
			  MATCH (m:Member)-[a:AWAY_AT]->(host:Org)
			  WHERE %1$s AND ($within IS NULL OR EXISTS { (host)-[:SUBORDINATE_TO*0..]->(:Org {id: $within}) })
			  OPTIONAL MATCH (host)-[:SUBORDINATE_TO*0..]->(t:Org {kind: 'TOWNSHIP_COMMITTEE'})
			  RETURN t.id AS township, t.name AS name, 'in' AS what, count(DISTINCT m) AS n
			}
			RETURN township, name, what, n
			ORDER BY name, township
			""".formatted(ON_DAY);

	// Every time away running on the day, at a live org or at one dissolved since.
	private static final String ON_DAY_ALL = """
			MATCH (m:Member)-[a:AWAY_AT]->(host)
			WHERE %s AND (host:Org OR host:DissolvedOrg)
			RETURN m.id AS member, host.id AS at
			ORDER BY member
			""".formatted(ON_DAY);

	private final Rows rows;

	public AwayQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	/** The members flowing in at each org on the day, by org id (orgs with none left out). */
	public Map<String, List<AwayRecord>> flowingIn(Collection<String> orgIds, LocalDate day) {
		return grouped(FLOWING_IN, orgIds, day);
	}

	/** The members of each org away elsewhere on the day, by org id (orgs with none left out). */
	public Map<String, List<AwayRecord>> awayFrom(Collection<String> orgIds, LocalDate day) {
		return grouped(AWAY_FROM, orgIds, day);
	}

	/** Every time away of each member, newest first, by member id (members with none left out). */
	public Map<String, List<AwayRecord>> ofMembers(Collection<String> memberIds) {
		Map<String, List<AwayRecord>> byKey = new LinkedHashMap<>();
		for (Record r : this.rows.read(OF_MEMBERS, Map.of("ids", List.copyOf(memberIds)))) {
			byKey.computeIfAbsent(r.get("key").asString(), (k) -> new ArrayList<>()).add(record(r));
		}
		return byKey;
	}

	/** Members away and flowing in per township committee. */
	public record TownshipMobility(String township, String name, long away, long flowingIn) {
	}

	/**
	 * Per township committee (the nearest at or above an org; {@code null} for orgs under none):
	 * the members of its subtree away on the day, and the members flowing in at its orgs, each
	 * member once; limited to {@code within}'s subtree (everything when {@code null}). Townships
	 * with neither are left out. By name.
	 */
	public List<TownshipMobility> byTownship(String within, LocalDate day) {
		Map<String, Object> params = new HashMap<>();
		params.put("within", within);
		params.put("day", day);
		Map<String, long[]> counts = new LinkedHashMap<>();
		Map<String, String> names = new HashMap<>();
		for (Record r : this.rows.read(BY_TOWNSHIP, params)) {
			String id = r.get("township").asString(null);
			String key = (id != null) ? id : "";
			names.put(key, r.get("name").asString(null));
			long[] n = counts.computeIfAbsent(key, (k) -> new long[2]);
			n["away".equals(r.get("what").asString()) ? 0 : 1] += r.get("n").asLong();
		}
		List<TownshipMobility> result = new ArrayList<>();
		counts.forEach((key, n) -> result.add(new TownshipMobility(key.isEmpty() ? null : key, names.get(key), n[0], n[1])));
		return result;
	}

	/** A member away on a day and the org they were away at (live or dissolved since). */
	public record AwayOnDay(String member, String at) {
	}

	/**
	 * Every member away on the day, with the org they were away at: the relations' own days, for a
	 * caller that places the members and orgs in the structure of that day.
	 */
	public List<AwayOnDay> onDay(LocalDate day) {
		return this.rows.read(ON_DAY_ALL, Map.of("day", day))
			.stream()
			.map((r) -> new AwayOnDay(r.get("member").asString(), r.get("at").asString()))
			.toList();
	}

	private Map<String, List<AwayRecord>> grouped(String cypher, Collection<String> orgIds, LocalDate day) {
		Map<String, List<AwayRecord>> byKey = new LinkedHashMap<>();
		for (Record r : this.rows.read(cypher, Map.of("ids", List.copyOf(orgIds), "day", day))) {
			byKey.computeIfAbsent(r.get("key").asString(), (k) -> new ArrayList<>()).add(record(r));
		}
		return byKey;
	}

	private static AwayRecord record(Record r) {
		return new AwayRecord(r.get("member").asString(), r.get("home").asString(null), r.get("at").asString(),
				r.get("from").asLocalDate(), r.get("to").isNull() ? null : r.get("to").asLocalDate());
	}

}
