package org.partygraph.queries.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;
import org.partygraph.queries.read.ReadStatements;
import org.partygraph.queries.read.StatementListener;

/**
 * Counts an org tree for an overview: orgs by kind, members by status, trade and township, and
 * the tree's depth and span of control per level. Two statements, one over the orgs and one over
 * the members, each aggregating in the database so that only a few rows come back whatever the
 * size of the county.
 */
public final class StatisticsQueries {

	/** The key of members without a trade. */
	public static final String NO_TRADE = "NONE";

	/** The key of members under no township committee. */
	public static final String NO_TOWNSHIP = "(none)";

	// The roots are the within org, or every org without a parent. The tree has no cycles (import
	// rejects them), so each org is reached from its root by one path, whose length is its level.
	private static final String ORGS = """
			CALL () {
			  MATCH (r:Org) WHERE $within IS NULL AND NOT EXISTS { (r)-[:SUBORDINATE_TO]->(:Org) } RETURN r
			  UNION ALL
			  MATCH (r:Org {id: $within}) RETURN r
			}
			MATCH p = (r)<-[:SUBORDINATE_TO*0..]-(o:Org)
			WITH length(p) AS level, o.kind AS kind, COUNT { (o)<-[:SUBORDINATE_TO]-(:Org) } AS span
			RETURN level, kind, count(*) AS orgs, min(span) AS minSpan, sum(span) AS totalSpan, max(span) AS maxSpan
			""";

	// Members are grouped by org first, so that each org's township is looked up once.
	private static final String MEMBERS = """
			CALL () {
			  MATCH (o:Org) WHERE $within IS NULL RETURN o
			  UNION ALL
			  MATCH (:Org {id: $within})<-[:SUBORDINATE_TO*0..]-(o:Org) RETURN o
			}
			MATCH (o)<-[:MEMBER_OF]-(m:Member)
			WITH o, m.status AS status, coalesce(m.trade, $noTrade) AS trade, count(m) AS members
			WITH status, trade, members,
			     coalesce(head(COLLECT { MATCH p = (o)-[:SUBORDINATE_TO*0..]->(t:Org {kind: 'TOWNSHIP_COMMITTEE'})
			                             RETURN t.name ORDER BY length(p) LIMIT 1 }), $noTownship) AS township
			RETURN status, trade, township, sum(members) AS members
			""";

	static final List<String> KIND_ORDER = names(OrgKind.values());

	static final List<String> STATUS_ORDER = names(MemberStatus.values());

	static final List<String> TRADE_ORDER = names(Trade.values());

	private final ReadStatements statements;

	public StatisticsQueries(Driver driver, StatementListener listener) {
		this.statements = new ReadStatements(driver, listener);
	}

	/**
	 * The statistics of the within org's subtree (the org itself at level 0), or of the whole graph
	 * for {@code null} (every org without a parent at level 0). Two statements.
	 */
	public Statistics statistics(String withinOrgId) {
		Map<String, Object> parameters = PatternQueries.within(withinOrgId);
		List<Record> orgRows = this.statements.read(ORGS, parameters);
		if (orgRows.isEmpty()) {
			// an unknown org, or a graph without orgs: no members can be in scope either
			return Statistics.EMPTY;
		}
		parameters.put("noTrade", NO_TRADE);
		parameters.put("noTownship", NO_TOWNSHIP);
		List<Record> memberRows = this.statements.read(MEMBERS, parameters);

		Map<String, Long> byKind = new TreeMap<>();
		Map<Integer, long[]> byLevel = new TreeMap<>();
		for (Record r : orgRows) {
			long orgs = r.get("orgs").asLong();
			byKind.merge(r.get("kind").asString(), orgs, Long::sum);
			long[] level = byLevel.computeIfAbsent(r.get("level").asInt(),
					(l) -> new long[] { 0, Long.MAX_VALUE, 0, Long.MIN_VALUE });
			level[0] += orgs;
			level[1] = Math.min(level[1], r.get("minSpan").asLong());
			level[2] += r.get("totalSpan").asLong();
			level[3] = Math.max(level[3], r.get("maxSpan").asLong());
		}
		List<Level> levels = new ArrayList<>();
		byLevel.forEach((level, v) -> levels.add(new Level(level, (int) v[0], (int) v[1], (double) v[2] / v[0], (int) v[3])));

		Map<String, Long> byStatus = new TreeMap<>();
		Map<String, Long> byTrade = new TreeMap<>();
		Map<String, Long> byTownship = new TreeMap<>();
		long members = 0;
		for (Record r : memberRows) {
			long count = r.get("members").asLong();
			members += count;
			byStatus.merge(r.get("status").asString(), count, Long::sum);
			byTrade.merge(r.get("trade").asString(), count, Long::sum);
			byTownship.merge(r.get("township").asString(), count, Long::sum);
		}
		long orgs = byKind.values().stream().mapToLong(Long::longValue).sum();
		return new Statistics((int) orgs, (int) members, counts(byKind, rankIn(KIND_ORDER)),
				counts(byStatus, rankIn(STATUS_ORDER)), counts(byTrade, rankIn(TRADE_ORDER)),
				counts(byTownship, (key) -> NO_TOWNSHIP.equals(key) ? 1 : 0), levels.size() - 1, levels);
	}

	/** Counts by rank, then by key (the maps are sorted by key already, and the sort is stable). */
	static List<Count> counts(Map<String, Long> counts, Function<String, Integer> rank) {
		return counts.entrySet()
			.stream()
			.sorted(Comparator.comparing((Map.Entry<String, Long> e) -> rank.apply(e.getKey())))
			.map((e) -> new Count(e.getKey(), e.getValue()))
			.toList();
	}

	/** The key's place in the order; keys not in it (NONE, or a kind from a newer model) after. */
	static Function<String, Integer> rankIn(List<String> order) {
		return (key) -> {
			int index = order.indexOf(key);
			return (index >= 0) ? index : order.size();
		};
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
