package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;

/**
 * Probations (預備期, docs/contract.md section 8) over the stored graph: the PROBATIONARY members
 * whose probation ends before a day, soonest first. A probation ends on its extension's end
 * ({@code probationExtendedTo}), else {@code months} after {@code probationSince}, else after
 * {@code joined}; one whose start is unknown never comes due.
 */
public final class ProbationQueries {

	private static final String ENDS_ON = """
			WITH m, coalesce(m.probationExtendedTo,
			  coalesce(m.probationSince, m.joined) + duration({months: $months})) AS endsOn
			WHERE endsOn IS NOT NULL AND endsOn < $before
			RETURN %s AS n, endsOn
			ORDER BY endsOn, m.id
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
		params.put("months", months);
		if (within != null) {
			params.put("within", within);
		}
		return this.rows.read((within != null) ? DUE_WITHIN : DUE, params)
			.stream()
			.map((r) -> Rows.member(r.get("n")))
			.toList();
	}

}
