package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Committee terms over the stored graph (docs/contract.md section 6): the orgs whose present term
 * ends before a day. A term begins at the org's latest recorded election ({@code electedOn}) and
 * lasts the years configured for its kind ({@code party-graph.terms.<KIND>}), which the caller
 * passes in; a kind without a length has no term.
 */
public final class TermQueries {

	// The day an org's (the variable's) present term ends; null without one.
	private static final String ENDS_ON = "%1$s.electedOn + duration({years: $years[%1$s.kind]})";

	// endsOn is computed in the statement, so that the order and the cut are the database's. A page:
	// the anchor (the org $after, which must be an item of the list) is read first, then at most
	// $first items after it in the list's order (day, id).
	private static final String DUE_PAGE = """
			OPTIONAL MATCH (a:Org {id: $after})
			WHERE a.electedOn IS NOT NULL AND $years[a.kind] IS NOT NULL
			  AND ($within IS NULL OR EXISTS { (a)-[:SUBORDINATE_TO*0..]->(:Org {id: $within}) })
			WITH CASE WHEN a IS NULL THEN null ELSE %2$s END AS anchor
			WITH anchor, ($after IS NULL OR anchor < $before) AS known
			CALL (anchor, known) {
			  %1$s
			  WHERE o.electedOn IS NOT NULL AND $years[o.kind] IS NOT NULL
			  WITH o, %3$s AS endsOn
			  WHERE known AND endsOn < $before AND %4$s
			  WITH o, endsOn ORDER BY endsOn, o.id LIMIT $first
			  RETURN collect(o) AS page
			}
			RETURN known, page
			""";

	private static final String DUE = DUE_PAGE.formatted("MATCH (o:Org)", ENDS_ON.formatted("a"),
			ENDS_ON.formatted("o"), DuePage.after("endsOn", "o.id"));

	private static final String DUE_WITHIN = DUE_PAGE.formatted("MATCH (:Org {id: $within})<-[:SUBORDINATE_TO*0..]-(o:Org)",
			ENDS_ON.formatted("a"), ENDS_ON.formatted("o"), DuePage.after("endsOn", "o.id"));

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
		return due(within, before, years, DuePage.ALL, null).items();
	}

	/**
	 * A page of {@link #due(String, LocalDate, Map)}: at most {@code first} orgs after the one with
	 * id {@code after} (from the start when {@code null}).
	 */
	public DuePage<OrgRow> due(String within, LocalDate before, Map<String, Object> years, int first, String after) {
		Map<String, Object> params = new HashMap<>();
		params.put("before", before);
		params.put("years", years);
		params.put("within", within);
		params.put("first", first);
		params.put("after", after);
		Record r = this.rows.read((within != null) ? DUE_WITHIN : DUE, params).get(0);
		return new DuePage<>(r.get("page").asList(Rows::org), r.get("known").asBoolean(false));
	}

}
