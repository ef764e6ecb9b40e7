package org.partygraph.queries.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;
import org.partygraph.model.Candidate;
import org.partygraph.model.DevelopmentRecord;

/**
 * The candidates of a dataset as an import writes them: one {@code (:Candidate)} per candidate with
 * its {@code DEVELOPED_BY} org, a {@code (:DevelopmentRecord)} per record ({@code RECORDED}) and, for
 * an ADMITTED one, {@code BECAME} to the member (docs/graph-model.md). A re-import of the dataset
 * deletes its candidates and their records first.
 *
 * <p>
 * The single-candidate writes of the changes are in {@link Candidates}; both name a candidate
 * through {@link Properties#putName}, so the two paths cannot differ.
 */
public final class CandidateRows {

	/** Rows per statement: a candidate row carries its records, a few each. */
	public static final int BATCH = 2_000;

	/**
	 * Deletes the dataset's candidates and their records. Parameter {@code dataset}; returns
	 * {@code deleted}, the nodes deleted.
	 */
	public static final String DELETE_DATASET = """
			MATCH (c:Candidate {dataset: $dataset})
			OPTIONAL MATCH (c)-[:RECORDED]->(r:DevelopmentRecord)
			WITH c, collect(r) AS records
			FOREACH (r IN records | DETACH DELETE r)
			DETACH DELETE c
			RETURN count(c) + sum(size(records)) AS deleted
			""";

	public static final String FIND_FOREIGN_IDS = """
			UNWIND $ids AS id
			MATCH (c:Candidate {id: id})
			WHERE coalesce(c.dataset, '') <> $dataset
			RETURN c.id AS id, coalesce(c.dataset, '(none: made outside an import)') AS owner
			""";

	/**
	 * Creates each row's candidate with every relationship it starts and its records. Parameters
	 * {@code rows} ({@link #row}), {@code dataset}.
	 */
	public static final String CREATE = create("");

	/**
	 * As {@link #CREATE}, for the bulk import: the candidates under the staging label
	 * {@code StagedCandidate}, joined to the staged orgs and members ({@code StagedOrg},
	 * {@code StagedMember}); their records need none, as nothing reads a record but from its candidate.
	 */
	public static final String CREATE_STAGED = create("Staged");

	/**
	 * Deletes, in transactions of 10,000, every candidate under the label (a bulk import's
	 * {@code StagedCandidate} or {@code RetiredCandidate}, %s) with its records.
	 */
	public static final String DELETE_LABELLED = """
			MATCH (c:%s)
			CALL (c) {
			  OPTIONAL MATCH (c)-[:RECORDED]->(r:DevelopmentRecord)
			  WITH c, collect(r) AS records
			  FOREACH (r IN records | DETACH DELETE r)
			  DETACH DELETE c
			} IN TRANSACTIONS OF 10000 ROWS
			""";

	private static String create(String prefix) {
		return """
				UNWIND $rows AS row
				MATCH (o:%1$sOrg {id: row.org})
				CREATE (c:%1$sCandidate)-[:DEVELOPED_BY]->(o)
				SET c = row.props, c.dataset = $dataset
				WITH c, row
				CALL (c, row) { MATCH (m:%1$sMember {id: row.member}) CREATE (c)-[:BECAME]->(m) }
				CALL (c, row) {
				  UNWIND row.records AS record
				  CREATE (c)-[:RECORDED]->(r:DevelopmentRecord)
				  SET r = record
				}
				""".formatted(prefix);
	}

	private CandidateRows() {
	}

	/**
	 * The stored properties of a candidate node (its dataset apart): the name with its keys as a
	 * member's ({@link Properties#putName}), enums as their names, dates as dates, absent values left out;
	 * {@code formerOrgs} and {@code formerUntil} (lists) and {@code handedOn} when the candidate was handed on.
	 */
	public static Map<String, Object> properties(Candidate candidate) {
		Map<String, Object> props = new HashMap<>();
		Properties.put(props, "id", candidate.id());
		Properties.putName(props, candidate.name());
		Properties.put(props, "stage", (candidate.stage() != null) ? candidate.stage().name() : null);
		Properties.put(props, "appliedOn", candidate.appliedOn());
		Properties.put(props, "activistSince", candidate.activistSince());
		Properties.put(props, "targetSince", candidate.targetSince());
		Properties.put(props, "admittedOn", candidate.admittedOn());
		Properties.put(props, "gender", (candidate.gender() != null) ? candidate.gender().name() : null);
		Properties.put(props, "birthDate", candidate.birthDate());
		// A hand-on's history (Candidates.ORG_ON_DAY reads it), only when the candidate was handed on.
		if (!candidate.formerOrgs().isEmpty()) {
			props.put("formerOrgs", candidate.formerOrgs());
			props.put("formerUntil", candidate.formerUntil());
			props.put("handedOn", true); // indexed (V0014): CandidateQueries finds them by the org left
		}
		return props;
	}

	/** The properties of a record node: {@code kind}, {@code on}, {@code note} when there is one. */
	public static Map<String, Object> properties(DevelopmentRecord record) {
		Map<String, Object> props = new HashMap<>();
		Properties.put(props, "kind", record.kind().name());
		Properties.put(props, "on", record.on());
		Properties.put(props, "note", record.note());
		return props;
	}

	/** A candidate as a row of {@link #CREATE}. */
	public static Map<String, Object> row(Candidate candidate) {
		Map<String, Object> row = new HashMap<>();
		row.put("props", properties(candidate));
		row.put("org", candidate.org());
		row.put("member", candidate.member());
		List<Map<String, Object>> records = new ArrayList<>(candidate.records().size());
		candidate.records().forEach((r) -> records.add(properties(r)));
		row.put("records", records);
		return row;
	}

	/** Nodes a dataset's candidates make: each candidate and each of its records. */
	public static long nodeCount(List<Candidate> candidates) {
		return candidates.stream().mapToLong((c) -> 1 + c.records().size()).sum();
	}

	/** Relationships they start: DEVELOPED_BY, RECORDED per record, BECAME when admitted. */
	public static long relationshipCount(List<Candidate> candidates) {
		return candidates.stream().mapToLong((c) -> 1 + c.records().size() + ((c.member() != null) ? 1 : 0)).sum();
	}

	/** Deletes the dataset's candidates and their records; how many nodes went. */
	public static long delete(SimpleQueryRunner tx, String dataset) {
		return tx.run(DELETE_DATASET, Map.of("dataset", dataset)).single().get("deleted").asLong();
	}

}
