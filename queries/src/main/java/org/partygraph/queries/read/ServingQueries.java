package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;

/** Who serves where as first secretary (第一書記) on a day: every dispatch running then. */
public final class ServingQueries {

	private static final String SERVING = """
			MATCH (m:Member)-[d:DISPATCHED_TO]->(o:Org)
			WHERE d.from <= $day AND (d.to IS NULL OR d.to > $day)
			RETURN m.id AS member, o.id AS village
			ORDER BY village, member
			""";

	private final Rows rows;

	public ServingQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	/** A member serving a village. */
	public record Serving(String member, String village) {
	}

	/** Every dispatch running on the day, by village then member. */
	public List<Serving> on(LocalDate day) {
		return this.rows.read(SERVING, Map.of("day", day))
			.stream()
			.map((r) -> new Serving(r.get("member").asString(), r.get("village").asString()))
			.toList();
	}

}
