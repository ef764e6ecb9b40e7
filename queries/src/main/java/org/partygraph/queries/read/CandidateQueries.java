package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.Gender;
import org.partygraph.queries.change.DevelopmentSpans;
import org.partygraph.queries.write.Candidates;

/**
 * The development of new members (發展黨員, docs/contract.md section 8) over the stored graph.
 * Each candidate carries the day each stage began, so the stage on any past day is read from those
 * days, and the orgs that handed a candidate on are kept on it ({@link Candidates#ORG_ON_DAY}): a
 * past day counts a candidate at the org that developed it that day.
 */
public final class CandidateQueries {

	private static final String VALUE = """
			c{.id, .name, .stage, .appliedOn, .activistSince, .targetSince, .admittedOn, .gender, .birthDate,
			  org: [(c)-[:DEVELOPED_BY]->(o:Org) | o.id][0], member: [(c)-[:BECAME]->(m:Member) | m.id][0]}""";

	private static final String BY_IDS = """
			UNWIND $ids AS key
			MATCH (c:Candidate {id: key})
			RETURN key, %s AS value
			""".formatted(VALUE);

	private static final String OF_MEMBERS = """
			UNWIND $ids AS key
			MATCH (c:Candidate)-[:BECAME]->(:Member {id: key})
			RETURN key, %s AS value
			""".formatted(VALUE);

	// The candidates an org developed on $day: those it develops now and those it handed on later.
	private static final String OF_ORGS = """
			UNWIND $ids AS key
			CALL (key) {
			  MATCH (:Org {id: key})<-[:DEVELOPED_BY]-(c:Candidate)
			  RETURN c
			  UNION
			  MATCH (c:Candidate)
			  WHERE c.handedOn = true AND key IN c.formerOrgs
			  RETURN c
			}
			WITH key, c
			WHERE c.appliedOn <= $day AND %s = key
			RETURN key, %s AS value
			ORDER BY key, c.appliedOn, c.id
			""".formatted(Candidates.ORG_ON_DAY, VALUE);

	private static final String RECORDS = """
			UNWIND $ids AS key
			MATCH (:Candidate {id: key})-[:RECORDED]->(r:DevelopmentRecord)
			RETURN key, r{.kind, .on, .note} AS value
			ORDER BY key, r.on, r.kind
			""";

	private static final String STAGE_ON_DAY = """
			WITH CASE WHEN c.admittedOn <= $day THEN 'ADMITTED' WHEN c.targetSince <= $day THEN 'DEVELOPMENT_TARGET'
			  WHEN c.activistSince <= $day THEN 'ACTIVIST' ELSE 'APPLICANT' END AS stage
			RETURN stage, count(*) AS n
			""";

	private static final String PIPELINE_OWN = """
			UNWIND $ids AS key
			MATCH (o:Org {id: key})
			CALL (o) {
			  MATCH (o)<-[:DEVELOPED_BY]-(c:Candidate)
			  WHERE c.appliedOn <= $day
			  %s
			}
			RETURN key, stage, n
			""".formatted(STAGE_ON_DAY);

	private static final String PIPELINE_SUBTREE = """
			UNWIND $ids AS key
			MATCH (o:Org {id: key})
			CALL (o) {
			  MATCH (o)<-[:SUBORDINATE_TO*0..]-(:Org)<-[:DEVELOPED_BY]-(c:Candidate)
			  WHERE c.appliedOn <= $day
			  %s
			}
			RETURN key, stage, n
			""".formatted(STAGE_ON_DAY);

	// Each org's candidates on a past day, by the org that developed them that day.
	private static final String PIPELINE_ON_DAY = """
			MATCH (c:Candidate)
			WHERE c.appliedOn <= $day
			WITH c, %s AS org
			%s
			""".formatted(Candidates.ORG_ON_DAY, STAGE_ON_DAY.replace("RETURN stage,", "RETURN org, stage,")
				.replace("END AS stage", "END AS stage, org"));

	private static final String PROBATIONERS_OWN = """
			UNWIND $ids AS key
			MATCH (o:Org {id: key})
			RETURN key, COUNT { (o)<-[:MEMBER_OF]-(:Member {status: 'PROBATIONARY'}) } AS n
			""";

	private static final String PROBATIONERS_SUBTREE = """
			UNWIND $ids AS key
			MATCH (o:Org {id: key})
			RETURN key, COUNT { (o)<-[:SUBORDINATE_TO*0..]-(:Org)<-[:MEMBER_OF]-(:Member {status: 'PROBATIONARY'}) } AS n
			""";

	// The first day a candidate (the variable) may take the next step: its stage's least span passed.
	private static final String EARLIEST = """
			CASE %1$s.stage
			    WHEN 'APPLICANT' THEN %1$s.appliedOn + duration({months: $applicantMonths})
			    WHEN 'ACTIVIST' THEN %1$s.activistSince + duration({months: $activistMonths})
			    ELSE %1$s.targetSince + duration({months: $targetMonths}) END""";

	private static final String OPEN = "['APPLICANT', 'ACTIVIST', 'DEVELOPMENT_TARGET']";

	// A page of the due list: the anchor (the candidate $after, which must be an item of the list) is
	// read first, then at most $first items after it in the list's order (day, id), cut here.
	private static final String DUE_PAGE = """
			OPTIONAL MATCH (a:Candidate {id: $after})
			WHERE a.stage IN %2$s
			  AND ($within IS NULL OR EXISTS { (a)-[:DEVELOPED_BY]->(:Org)-[:SUBORDINATE_TO*0..]->(:Org {id: $within}) })
			WITH CASE WHEN a IS NULL THEN null ELSE %3$s END AS anchor
			WITH anchor, ($after IS NULL OR anchor < $before) AS known
			CALL (anchor, known) {
			  %1$s
			  WITH c, %4$s AS earliest
			  WHERE known AND earliest < $before AND %5$s
			  WITH c, earliest ORDER BY earliest, c.id LIMIT $first
			  RETURN collect({value: %6$s, earliest: earliest}) AS page
			}
			RETURN known, page
			""";

	private static final String DUE = DUE_PAGE.formatted("""
			MATCH (c:Candidate)
			  WHERE c.stage IN %s""".formatted(OPEN), OPEN, EARLIEST.formatted("a"), EARLIEST.formatted("c"),
			DuePage.after("earliest", "c.id"), VALUE);

	private static final String DUE_WITHIN = DUE_PAGE.formatted("""
			MATCH (:Org {id: $within})<-[:SUBORDINATE_TO*0..]-(:Org)<-[:DEVELOPED_BY]-(c:Candidate)
			  WHERE c.stage IN %s""".formatted(OPEN), OPEN, EARLIEST.formatted("a"), EARLIEST.formatted("c"),
			DuePage.after("earliest", "c.id"), VALUE);

	private static final String ROOTS = """
			MATCH (o:Org)
			WHERE NOT (o)-[:SUBORDINATE_TO]->(:Org)
			RETURN o.id AS id
			ORDER BY id
			""";

	private final Rows rows;

	public CandidateQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	/** The ids of the orgs without a parent (each dataset's top), in id order. */
	public List<String> rootOrgIds() {
		return this.rows.read(ROOTS, Map.of()).stream().map((r) -> r.get("id").asString()).toList();
	}

	/** The candidates with those ids (unknown ones left out). */
	public Map<String, CandidateRow> byIds(Collection<String> ids) {
		return this.rows.single(BY_IDS, ids, CandidateQueries::row);
	}

	/** The candidate each member was before admission, by member id (members admitted otherwise left out). */
	public Map<String, CandidateRow> ofMembers(Collection<String> memberIds) {
		return this.rows.single(OF_MEMBERS, memberIds, CandidateQueries::row);
	}

	/**
	 * The candidates each org develops who had applied by {@code day}, oldest application first,
	 * those whose stage on the day is in {@code stages}; every org present, maybe with none.
	 */
	public Map<String, List<CandidateRow>> ofOrgs(Collection<String> orgIds, LocalDate day, Set<CandidateStage> stages) {
		Map<String, List<CandidateRow>> all = this.rows.grouped(OF_ORGS, orgIds,
				Map.of("ids", List.copyOf(orgIds), "day", day), CandidateQueries::row);
		all.replaceAll((org, list) -> list.stream().filter((c) -> stages.contains(c.stageOn(day))).toList());
		return all;
	}

	/** Each candidate's records, in the order of their days; every candidate present. */
	public Map<String, List<DevelopmentRecordRow>> records(Collection<String> ids) {
		Map<String, List<DevelopmentRecordRow>> records = this.rows.grouped(RECORDS, ids,
				(v) -> new DevelopmentRecordRow(DevelopmentRecordKind.valueOf(v.get("kind").asString()),
						v.get("on").asLocalDate(), v.get("note").asString(null)));
		// Records of one day in the order of the steps.
		records.replaceAll((id, list) -> list.stream()
			.sorted(java.util.Comparator.comparing(DevelopmentRecordRow::on)
				.thenComparing((r) -> r.kind().ordinal()))
			.toList());
		return records;
	}

	/**
	 * The pipeline of each org on {@code day}: candidates by the stage they had reached then, of the
	 * org alone or of its whole subtree. Probationers are left at 0 ({@link #probationers}).
	 */
	public Map<String, PipelineCounts> pipeline(Collection<String> orgIds, LocalDate day, boolean subtree) {
		Map<String, Map<String, Long>> byOrg = new LinkedHashMap<>();
		orgIds.forEach((id) -> byOrg.put(id, new HashMap<>()));
		for (Record r : this.rows.read(subtree ? PIPELINE_SUBTREE : PIPELINE_OWN,
				Map.of("ids", List.copyOf(orgIds), "day", day))) {
			byOrg.computeIfAbsent(r.get("key").asString(), (k) -> new HashMap<>())
				.put(r.get("stage").asString(), r.get("n").asLong());
		}
		Map<String, PipelineCounts> counts = new LinkedHashMap<>();
		byOrg.forEach((org, n) -> counts.put(org, new PipelineCounts(n.getOrDefault("APPLICANT", 0L),
				n.getOrDefault("ACTIVIST", 0L), n.getOrDefault("DEVELOPMENT_TARGET", 0L), 0)));
		return counts;
	}

	/**
	 * The candidates of every org on a past {@code day}, each at the org that developed it that day
	 * (one an org dissolved or merged away later handed on counts at that org), by the stage
	 * reached then; orgs without any left out. Probationers are left at 0.
	 */
	public Map<String, PipelineCounts> pipelineByOrgOn(LocalDate day) {
		Map<String, Map<String, Long>> byOrg = new LinkedHashMap<>();
		for (Record r : this.rows.read(PIPELINE_ON_DAY, Map.of("day", day))) {
			if (!r.get("org").isNull()) {
				byOrg.computeIfAbsent(r.get("org").asString(), (k) -> new HashMap<>())
					.put(r.get("stage").asString(), r.get("n").asLong());
			}
		}
		Map<String, PipelineCounts> counts = new LinkedHashMap<>();
		byOrg.forEach((org, n) -> counts.put(org, new PipelineCounts(n.getOrDefault("APPLICANT", 0L),
				n.getOrDefault("ACTIVIST", 0L), n.getOrDefault("DEVELOPMENT_TARGET", 0L), 0)));
		return counts;
	}

	/** The PROBATIONARY members of each org today, of the org alone or of its whole subtree. */
	public Map<String, Long> probationers(Collection<String> orgIds, boolean subtree) {
		Map<String, Long> counts = new LinkedHashMap<>();
		orgIds.forEach((id) -> counts.put(id, 0L));
		for (Record r : this.rows.read(subtree ? PROBATIONERS_SUBTREE : PROBATIONERS_OWN,
				Map.of("ids", List.copyOf(orgIds)))) {
			counts.put(r.get("key").asString(), r.get("n").asLong());
		}
		return counts;
	}

	/**
	 * The candidates of {@code within}'s subtree (everywhere when {@code null}) who may take their
	 * next step before {@code before}: the least span of their present stage ends before it.
	 * Soonest first, then by id.
	 */
	public List<DueCandidate> due(String within, LocalDate before, DevelopmentSpans spans) {
		return due(within, before, spans, DuePage.ALL, null).items();
	}

	/**
	 * A page of {@link #due(String, LocalDate, DevelopmentSpans)}: at most {@code first} candidates
	 * after the one with id {@code after} (from the start when {@code null}).
	 */
	public DuePage<DueCandidate> due(String within, LocalDate before, DevelopmentSpans spans, int first, String after) {
		Map<String, Object> params = new HashMap<>();
		params.put("before", before);
		params.put("applicantMonths", spans.applicantMonths());
		params.put("activistMonths", spans.activistMonths());
		params.put("targetMonths", spans.targetMonths());
		params.put("within", within);
		params.put("first", first);
		params.put("after", after);
		Record r = this.rows.read((within != null) ? DUE_WITHIN : DUE, params).get(0);
		List<DueCandidate> due = new ArrayList<>();
		for (Value item : r.get("page").values()) {
			CandidateRow c = row(item.get("value"));
			due.add(new DueCandidate(c, c.stage().next(), item.get("earliest").asLocalDate()));
		}
		return new DuePage<>(due, r.get("known").asBoolean(false));
	}

	static CandidateRow row(Value v) {
		return new CandidateRow(v.get("id").asString(), v.get("name").asString(null), v.get("org").asString(null),
				CandidateStage.valueOf(v.get("stage").asString()), date(v.get("appliedOn")), date(v.get("activistSince")),
				date(v.get("targetSince")), date(v.get("admittedOn")), v.get("member").asString(null),
				v.get("gender").isNull() ? null : Gender.valueOf(v.get("gender").asString()), date(v.get("birthDate")));
	}

	private static LocalDate date(Value v) {
		return v.isNull() ? null : v.asLocalDate();
	}

}
