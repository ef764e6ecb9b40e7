package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.partygraph.model.Member;

/**
 * Probations (預備期, docs/contract.md section 8) over the stored graph: the PROBATIONARY members
 * whose probation ends before a day, soonest first. A probation ends on its extension's end
 * ({@code probationExtendedTo}), else {@code months} after {@code probationSince}, else after
 * {@code joined}; one whose start is unknown never comes due. That rule is {@code
 * Member.probationEnd} alone: the statement compares the stored days with days worked out by it
 * ({@code Member.latestStartEndingBefore}), and the order is by the end it gives; no month
 * arithmetic happens in Cypher.
 */
public final class ProbationQueries {

	// Extended: its end is stored; else due when it began on or before $lastStart (from Java).
	private static final String ENDS_ON = """
			WITH m
			WHERE CASE WHEN m.probationExtendedTo IS NOT NULL THEN m.probationExtendedTo < $before
			  ELSE coalesce(m.probationSince, m.joined) <= $lastStart END
			RETURN %s AS n
			""".formatted(Rows.memberValue("m"));

	private static final String DUE = """
			MATCH (m:Member {status: 'PROBATIONARY'})
			""" + ENDS_ON;

	private static final String DUE_WITHIN = """
			MATCH (:Org {id: $within})<-[:SUBORDINATE_TO*0..]-(:Org)<-[:MEMBER_OF]-(m:Member {status: 'PROBATIONARY'})
			""" + ENDS_ON;

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
		Map<String, Object> params = new HashMap<>();
		params.put("before", before);
		params.put("lastStart", Member.latestStartEndingBefore(before, months));
		if (within != null) {
			params.put("within", within);
		}
		return this.rows.read((within != null) ? DUE_WITHIN : DUE, params)
			.stream()
			.map((r) -> Rows.member(r.get("n")))
			.sorted(java.util.Comparator.comparing((MemberRow m) -> m.probationEndsOn(months))
				.thenComparing(MemberRow::id))
			.toList();
	}

}
