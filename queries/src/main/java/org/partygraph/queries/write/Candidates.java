package org.partygraph.queries.write;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;
import org.partygraph.model.Candidate;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.DevelopmentRecord;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.Gender;

/**
 * Candidate nodes (the development of new members, docs/contract.md section 8) as every write path
 * stores them: {@code (:Candidate)-[:DEVELOPED_BY]->(:Org)}, their dated records
 * {@code (:Candidate)-[:RECORDED]->(:DevelopmentRecord)} and, once admitted,
 * {@code (:Candidate)-[:BECAME]->(:Member)} (docs/graph-model.md).
 */
public final class Candidates {

	private static final String CREATE = """
			MATCH (o:Org {id: $org})
			CREATE (c:Candidate)-[:DEVELOPED_BY]->(o)
			SET c = $props, c.dataset = o.dataset
			""";

	private static final String UPDATE = """
			MATCH (c:Candidate {id: $id})
			SET c += $props
			""";

	private static final String RECORD = """
			MATCH (c:Candidate {id: $id})
			CREATE (c)-[:RECORDED]->(r:DevelopmentRecord)
			SET r = $props
			""";

	private static final String BECAME = """
			MATCH (c:Candidate {id: $id})
			MATCH (m:Member {id: $member})
			CREATE (c)-[:BECAME]->(m)
			""";

	// The org left is kept from the day the candidate applied on, in day order (a hand-on dated before
	// either developed nothing then: no day of the past counts the candidate there).
	private static final String MOVE_ALL = """
			MATCH (c:Candidate)-[d:DEVELOPED_BY]->(:Org {id: $from})
			MATCH (t:Org {id: $to})
			DELETE d
			CREATE (c)-[:DEVELOPED_BY]->(t)
			WITH c, (c.appliedOn IS NULL OR $on >= c.appliedOn)
			  AND (size(coalesce(c.formerUntil, [])) = 0 OR $on >= last(c.formerUntil)) AS kept
			SET c.formerOrgs = coalesce(c.formerOrgs, []) + CASE WHEN kept THEN [$from] ELSE [] END,
			  c.formerUntil = coalesce(c.formerUntil, []) + CASE WHEN kept THEN [$on] ELSE [] END
			SET c.handedOn = CASE WHEN size(c.formerOrgs) > 0 THEN true END
			RETURN c.id AS id
			ORDER BY id
			""";

	private static final String LOCK = """
			UNWIND $ids AS id
			MATCH (c:Candidate {id: id})
			""" + WriteLocks.inIdOrder("c");

	private Candidates() {
	}

	/**
	 * The stored properties of a new candidate, an APPLICANT since {@code appliedOn}: as an import
	 * stores one ({@link CandidateRows#properties(Candidate)}).
	 */
	public static Map<String, Object> properties(String id, String name, Gender gender, LocalDate birthDate,
			LocalDate appliedOn) {
		return CandidateRows.properties(new Candidate(id, name, null, CandidateStage.APPLICANT, appliedOn, null, null,
				null, null, gender, birthDate, List.of()));
	}

	/** Creates a candidate developed by the org, in the org's dataset. */
	public static void create(SimpleQueryRunner tx, String org, Map<String, Object> props) {
		tx.run(CREATE, Properties.params("org", org, "props", props)).consume();
	}

	/** Moves a candidate on to {@code stage} on {@code on}. */
	public static void advance(SimpleQueryRunner tx, String id, CandidateStage stage, LocalDate on) {
		tx.run(UPDATE, Map.of("id", id, "props", Map.of("stage", stage.name(), Candidate.sinceKey(stage), on))).consume();
	}

	/** Adds a dated record to a candidate ({@code note} may be {@code null}). */
	public static void record(SimpleQueryRunner tx, String id, DevelopmentRecordKind kind, LocalDate on, String note) {
		tx.run(RECORD, Map.of("id", id, "props", CandidateRows.properties(new DevelopmentRecord(kind, on, note))))
			.consume();
	}

	/** Links an admitted candidate to the member they became. */
	public static void became(SimpleQueryRunner tx, String id, String member) {
		tx.run(BECAME, Map.of("id", id, "member", member)).consume();
	}

	/**
	 * Moves every candidate developed by {@code from} to {@code to} on the log's day (an org dissolved
	 * or merged away hands its candidates on as it hands on its members), one CANDIDATE_MOVED event
	 * each. The org left is kept on the candidate, {@code formerOrgs} with the day it was left in
	 * {@code formerUntil} (oldest first), so a past day counts the candidate where it was developed
	 * then ({@link #ORG_ON_DAY}); not when the day is before the candidate applied or before the last
	 * day kept (the org developed the candidate on no day then, and the lists stay as a dataset's
	 * validation wants them, so an export imports again).
	 * @return the ids moved, in id order
	 */
	public static List<String> moveAll(SimpleQueryRunner tx, String from, String to, Events.Log log) {
		List<String> moved = tx.run(MOVE_ALL, Map.of("from", from, "to", to, "on", log.stamp().on()))
			.list((r) -> r.get("id").asString());
		for (String id : moved) {
			log.member(Events.Kind.CANDIDATE_MOVED, id, to, from,
					"candidate " + id + " handed on from " + from + " to " + to, from, to);
		}
		return moved;
	}

	/**
	 * The id of the org that developed the candidate {@code c} on the day {@code $day}: the first
	 * org it left after that day, else the one developing it now.
	 */
	public static final String ORG_ON_DAY = "coalesce([i IN range(0, size(coalesce(c.formerUntil, [])) - 1)"
			+ " WHERE c.formerUntil[i] > $day | c.formerOrgs[i]][0], [(c)-[:DEVELOPED_BY]->(o:Org) | o.id][0])";

	/** Takes the write locks of the candidates (absent ids skipped), in id order. */
	public static void lock(SimpleQueryRunner tx, List<String> ids) {
		tx.run(LOCK, Map.of("ids", ids)).consume();
	}

}
