package org.partygraph.queries.write;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.partygraph.queries.write.Events.Kind;

/**
 * The one rule every write path follows when an org stops being somewhere a member can serve or
 * stay away at (docs/contract.md section 8, docs/graph-model.md "Dual relations"): the first
 * secretaries' dispatches to it ({@code DISPATCHED_TO}) and the stays away at it ({@code AWAY_AT})
 * that still run on the change's day end on that day; nothing is handed to another org. That
 * happens when the org is dissolved or merged away (all of them), and when a membership moves onto
 * the org (the moving members' own: a member is never away at, or sent to, their own org). A
 * dispatch or stay that begins on or after the day has not begun, so it is removed, its days kept
 * in the event. Each one ended is a DISPATCH_ENDED or AWAY_ENDED event, so {@code asOf} reads of a
 * day before still show it (the relation stays, also at a retired org: {@link Orgs#retireAll}).
 */
public final class DualEnds {

	private static final String END = """
			MATCH (m:Member)-[d:DISPATCHED_TO|AWAY_AT]->(:Org {id: $org})
			WHERE ($members IS NULL OR m.id IN $members) AND (d.to IS NULL OR d.to > $day)
			WITH m, d, type(d) AS type, d.from AS from, d.to AS before, d.by AS by, d.from < $day AS begun,
			  [(m)-[:MEMBER_OF]->(h:Org) | h.id][0] AS home
			ORDER BY m.id, from
			FOREACH (x IN CASE WHEN begun THEN [1] ELSE [] END | SET d.to = $day)
			FOREACH (x IN CASE WHEN begun THEN [] ELSE [1] END | DELETE d)
			RETURN m.id AS member, type, from, before, by, begun, home
			""";

	// What END would end for each (member, org) pair, read only: a roster's plan says it row by row.
	private static final String RUNNING = """
			UNWIND $pairs AS pair
			MATCH (m:Member {id: pair.member})-[d:DISPATCHED_TO|AWAY_AT]->(:Org {id: pair.org})
			WHERE d.to IS NULL OR d.to > $day
			WITH pair, m, d
			ORDER BY pair.member, d.from
			RETURN pair.member AS member, pair.org AS org, type(d) AS type, d.from AS from, d.to AS before, d.by AS by,
			  d.from < $day AS begun, [(m)-[:MEMBER_OF]->(h:Org) | h.id][0] AS home
			""";

	private static final String MEMBERS = """
			MATCH (m:Member)-[d:DISPATCHED_TO|AWAY_AT]->(:Org {id: $org})
			WHERE d.to IS NULL OR d.to > $day
			RETURN DISTINCT m.id AS member
			""";

	/**
	 * One dispatch or stay ended.
	 * @param dispatch a dispatch ({@code DISPATCHED_TO}), else a stay away ({@code AWAY_AT})
	 * @param before its {@code to} before ({@code null}: open)
	 * @param begun it began before the day (its {@code to} became the day), else it was removed
	 * @param home the member's org when it ended
	 */
	public record Ended(String member, String org, boolean dispatch, LocalDate from, LocalDate before, String by,
			boolean begun, String home) {
	}

	private DualEnds() {
	}

	/** The members with a dispatch to or a stay at the org still running on the day (to lock them). */
	public static List<String> members(SimpleQueryRunner tx, String org, LocalDate day) {
		return tx.run(MEMBERS, Map.of("org", org, "day", day)).list((r) -> r.get("member").asString());
	}

	/**
	 * Ends on {@code day} the dispatches to and the stays at {@code org} still running then, of the
	 * {@code members} only (or of everyone: {@code null}), and records an event for each on the log.
	 * @param because why, for the events' details
	 * @return the ones ended
	 */
	public static List<Ended> endAt(SimpleQueryRunner tx, String org, Collection<String> members, LocalDate day,
			String because, Events.Log log) {
		Map<String, Object> params = new HashMap<>();
		params.put("org", org);
		params.put("members", (members != null) ? List.copyOf(members) : null);
		params.put("day", day);
		List<Ended> ended = tx.run(END, params).list((r) -> ended(r, org));
		for (Ended e : ended) {
			log(e, day, because, log);
		}
		return ended;
	}

	/**
	 * What {@link #endAt} would end on {@code day} for each member at the org given, writing nothing:
	 * the dispatches and stays of {@code orgByMember}'s members at their org still running then.
	 */
	public static List<Ended> running(SimpleQueryRunner tx, Map<String, String> orgByMember, LocalDate day) {
		if (orgByMember.isEmpty()) {
			return List.of();
		}
		List<Map<String, Object>> pairs = new ArrayList<>();
		orgByMember.forEach((member, org) -> pairs.add(Map.of("member", member, "org", org)));
		return tx.run(RUNNING, Map.of("pairs", pairs, "day", day)).list((r) -> ended(r, r.get("org").asString()));
	}

	// One row of END or RUNNING (both return the same columns; END's org is its parameter).
	private static Ended ended(Record r, String org) {
		return new Ended(r.get("member").asString(), org, r.get("type").asString().equals("DISPATCHED_TO"),
				r.get("from").asLocalDate(), r.get("before").isNull() ? null : r.get("before").asLocalDate(),
				r.get("by").asString(null), r.get("begun").asBoolean(), r.get("home").asString(null));
	}

	/** One line for a dispatch or stay a change ends on the day, as a roster's outcome lists it. */
	public static String said(Ended e, LocalDate day) {
		String what = e.dispatch() ? "dispatch to " + e.org() : "away at " + e.org();
		return what + " (from " + e.from() + "): " + (e.begun() ? "ends on " + day : "removed, not begun by " + day);
	}

	/** Records the event of one dispatch or stay ended on the day (shared with the scenarios' apply). */
	public static void log(Ended e, LocalDate day, String because, Events.Log log) {
		Map<String, Object> before = new LinkedHashMap<>();
		Map<String, Object> after = new LinkedHashMap<>();
		if (e.begun()) {
			before.put("to", (e.before() != null) ? e.before().toString() : null);
			after.put("to", day.toString());
		}
		else {
			// Not begun by the day: removed, its days kept here.
			before.put("from", e.from().toString());
			before.put("to", (e.before() != null) ? e.before().toString() : null);
			if (e.dispatch()) {
				before.put("by", e.by());
			}
			after.put("removed", true);
		}
		String what = e.begun() ? " ended on " + day : " removed (it had not begun by " + day + ")";
		if (e.dispatch()) {
			log.member(Kind.DISPATCH_ENDED, e.member(), e.org(), null, "dispatch of member " + e.member() + " to "
					+ e.org() + " (from " + e.from() + ")" + what + " (" + because + ")", before, after);
		}
		else {
			log.member(Kind.AWAY_ENDED, e.member(), e.org(), e.home(), "member " + e.member() + " away at " + e.org()
					+ " (from " + e.from() + ")" + what + " (" + because + ")", before, after);
		}
	}

}
