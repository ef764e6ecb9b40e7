package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;

/**
 * Committee terms over the stored graph (docs/contract.md section 6): the orgs whose present term
 * ends before a day. A term begins at the org's latest recorded election ({@code electedOn}) and
 * lasts the years configured for its kind ({@code party-graph.terms.<KIND>}), which the caller
 * passes in; a kind without a length has no term.
 */
public final class TermQueries {

	// endsOn is computed in the statement, so that the order and the cut are the database's.
	private static final String DUE = """
			MATCH (o:Org)
			WHERE o.electedOn IS NOT NULL AND $years[o.kind] IS NOT NULL
			WITH o, o.electedOn + duration({years: $years[o.kind]}) AS endsOn
			WHERE endsOn < $before
			RETURN o AS n, endsOn
			ORDER BY endsOn, o.id
			""";

	private static final String DUE_WITHIN = """
			MATCH (:Org {id: $within})<-[:SUBORDINATE_TO*0..]-(o:Org)
			WHERE o.electedOn IS NOT NULL AND $years[o.kind] IS NOT NULL
			WITH o, o.electedOn + duration({years: $years[o.kind]}) AS endsOn
			WHERE endsOn < $before
			RETURN o AS n, endsOn
			ORDER BY endsOn, o.id
			""";

	private final Rows rows;

	public TermQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	/**
	 * The orgs of {@code within}'s subtree (everywhere when {@code null}) whose present term ends
	 * before {@code before}, soonest first (then by id).
	 * @param years the term length in years by kind name; a kind left out has no term
	 */
	public List<OrgRow> due(String within, LocalDate before, Map<String, Object> years) {
		Map<String, Object> params = new HashMap<>();
		params.put("before", before);
		params.put("years", years);
		if (within != null) {
			params.put("within", within);
		}
		return this.rows.read((within != null) ? DUE_WITHIN : DUE, params)
			.stream()
			.map((r) -> Rows.org(r.get("n")))
			.toList();
	}

}
