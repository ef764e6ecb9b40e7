package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Probations (預備期, docs/contract.md section 8) over the stored graph: the PROBATIONARY members
 * whose probation ends before a day, soonest first. A probation ends on its extension's end
 * ({@code probationExtendedTo}), else {@code months} after {@code probationSince}, else after
 * {@code joined}; one whose start is unknown never comes due.
 */
public final class ProbationQueries {

	/**
	 * The day a PROBATIONARY member's (the variable's, {@code %1$s}) probation ends, with
	 * {@code $months}: the Cypher spelling of {@link org.partygraph.model.Member#probationEnd}, which
	 * the due lists need inside their statements; {@code ProbationIT} checks the two agree on every
	 * kind of day (month ends, leap days, an extension, an unknown start).
	 */
	public static final String ENDS_ON = """
			coalesce(%1$s.probationExtendedTo, coalesce(%1$s.probationSince, %1$s.joined) + duration({months: $months}))""";

	// A page of the due list: the anchor (the member $after, which must be an item of the list) is
	// read first, then at most $first items after it in the list's order (day, id), cut here.
	private static final String DUE_PAGE = """
			OPTIONAL MATCH (a:Member {id: $after, status: 'PROBATIONARY'})
			WHERE $within IS NULL OR EXISTS { (a)-[:MEMBER_OF]->(:Org)-[:SUBORDINATE_TO*0..]->(:Org {id: $within}) }
			WITH CASE WHEN a IS NULL THEN null ELSE %2$s END AS anchor
			WITH anchor, ($after IS NULL OR anchor < $before) AS known
			CALL (anchor, known) {
			  %1$s
			  WITH m, %3$s AS endsOn
			  WHERE known AND endsOn IS NOT NULL AND endsOn < $before AND %4$s
			  WITH m, endsOn ORDER BY endsOn, m.id LIMIT $first
			  RETURN collect(%5$s) AS page
			}
			RETURN known, page
			""";

	private static final String DUE = DUE_PAGE.formatted("MATCH (m:Member {status: 'PROBATIONARY'})",
			ENDS_ON.formatted("a"), ENDS_ON.formatted("m"), DuePage.after("endsOn", "m.id"), Rows.memberValue("m"));

	private static final String DUE_WITHIN = DUE_PAGE.formatted(
			"MATCH (:Org {id: $within})<-[:SUBORDINATE_TO*0..]-(:Org)<-[:MEMBER_OF]-(m:Member {status: 'PROBATIONARY'})",
			ENDS_ON.formatted("a"), ENDS_ON.formatted("m"), DuePage.after("endsOn", "m.id"), Rows.memberValue("m"));

	private final Rows rows;

	public ProbationQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	/**
	 * The PROBATIONARY members of {@code within}'s subtree (everywhere when {@code null}) whose
	 * probation ends before {@code before}, soonest first (then by id).
	 * @param months how long a probation lasts ({@code party-graph.rules.probation-months})
	 */
	public List<MemberRow> due(String within, LocalDate before, int months) {
		return due(within, before, months, DuePage.ALL, null).items();
	}

	/**
	 * A page of {@link #due(String, LocalDate, int)}: at most {@code first} members after the one
	 * with id {@code after} (from the start when {@code null}).
	 */
	public DuePage<MemberRow> due(String within, LocalDate before, int months, int first, String after) {
		Map<String, Object> params = new HashMap<>();
		params.put("before", before);
		params.put("months", months);
		params.put("within", within);
		params.put("first", first);
		params.put("after", after);
		Record r = this.rows.read((within != null) ? DUE_WITHIN : DUE, params).get(0);
		return new DuePage<>(r.get("page").asList(Rows::member), r.get("known").asBoolean(false));
	}

}
