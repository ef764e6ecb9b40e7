package org.partygraph.queries.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.partygraph.model.Candidate;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.Gender;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.change.Lookups.OrgNode;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.text.Text;

/**
 * The rules of the development of new members (發展黨員, docs/contract.md section 8), checked as
 * {@link ChangeChecks} checks every change: inside the write transaction, after the locks, adding
 * every problem found, naming the candidate as the item and the input field at fault. A candidate
 * whose developing org lies outside the caller's scope is refused exactly as an unknown one.
 */
final class CandidateChecks {

	/** The records the stage changes write themselves; the others are recorded as they happen. */
	static final List<DevelopmentRecordKind> WRITTEN_BY_STAGES = List.of(DevelopmentRecordKind.APPLICATION,
			DevelopmentRecordKind.ACTIVIST_DESIGNATION, DevelopmentRecordKind.TARGET_DESIGNATION,
			DevelopmentRecordKind.APPROVAL);

	/** What admission requires on record (細則 第二十二條 to 第二十五條). */
	static final List<DevelopmentRecordKind> BEFORE_ADMISSION = List.of(DevelopmentRecordKind.POLITICAL_REVIEW,
			DevelopmentRecordKind.TRAINING, DevelopmentRecordKind.BRANCH_RESOLUTION);

	/** The longest note a record keeps. */
	static final int MAX_NOTE = 500;

	private static final String CANDIDATE = """
			MATCH (c:Candidate {id: $id})-[:DEVELOPED_BY]->(o:Org)
			RETURN c AS c, o.id AS org, o.dataset AS dataset,
			  [(c)-[:RECORDED]->(r:DevelopmentRecord) | {kind: r.kind, on: r.on}] AS records,
			  [(c)-[:BECAME]->(m:Member) | m.id][0] AS member
			""";

	private static final String MEMBER_ID_TAKEN = """
			RETURN EXISTS { (:Org {id: $id}) } OR EXISTS { (:Unit {id: $id}) } OR EXISTS { (:Member {id: $id}) }
			  OR EXISTS { (c:Candidate {id: $id}) WHERE c.id <> $candidate }
			  OR EXISTS { (:DissolvedOrg {id: $id}) } AS taken
			""";

	private final TransactionContext tx;

	private final WriteScope scope;

	private final Problems problems;

	private final ChangeChecks checks;

	CandidateChecks(TransactionContext tx, WriteScope scope, Problems problems, ChangeChecks checks) {
		this.tx = tx;
		this.scope = scope;
		this.problems = problems;
		this.checks = checks;
	}

	/** A dated record of a candidate. */
	record RecordEntry(DevelopmentRecordKind kind, LocalDate on) {
	}

	/** A candidate as a change sees it. */
	record CandidateNode(String id, String name, String org, String dataset, CandidateStage stage,
			Map<CandidateStage, LocalDate> since, Gender gender, LocalDate birthDate, List<RecordEntry> records,
			String member) {

		/** The stage the candidate had reached on the day ({@code null}: not yet applied). */
		CandidateStage stageOn(LocalDate day) {
			return Candidate.stageOn(this.since::get, day);
		}

		/** The latest record of the kind dated on or before the day, or {@code null}. */
		LocalDate latest(DevelopmentRecordKind kind, LocalDate day) {
			LocalDate latest = null;
			for (RecordEntry r : this.records) {
				if (r.kind() == kind && !r.on().isAfter(day) && (latest == null || r.on().isAfter(latest))) {
					latest = r.on();
				}
			}
			return latest;
		}

	}

	/** The candidate, or {@code null} when there is none with the id inside the scope. */
	CandidateNode candidate(String id) {
		if (id == null) {
			return null;
		}
		List<Record> rows = this.tx.run(CANDIDATE, Map.of("id", id)).list();
		if (rows.isEmpty() || !this.scope.containsOrg(this.tx, rows.get(0).get("org").asString())) {
			return null;
		}
		Record r = rows.get(0);
		Value c = r.get("c");
		Map<CandidateStage, LocalDate> since = new EnumMap<>(CandidateStage.class);
		for (CandidateStage s : CandidateStage.values()) {
			Value day = c.get(Candidate.sinceKey(s));
			if (!day.isNull()) {
				since.put(s, day.asLocalDate());
			}
		}
		List<RecordEntry> records = new ArrayList<>();
		for (Value v : r.get("records").values()) {
			records.add(new RecordEntry(DevelopmentRecordKind.valueOf(v.get("kind").asString()), v.get("on").asLocalDate()));
		}
		return new CandidateNode(id, c.get("name").asString(null), r.get("org").asString(),
				r.get("dataset").asString(null), CandidateStage.valueOf(c.get("stage").asString()), since,
				c.get("gender").isNull() ? null : Gender.valueOf(c.get("gender").asString()),
				c.get("birthDate").isNull() ? null : c.get("birthDate").asLocalDate(), records,
				r.get("member").asString(null));
	}

	/**
	 * An application: a new id, a name, a developing org in the scope that is not a PARTY_GROUP,
	 * and, when the birth date is given, at least {@code spans.minAge()} on the day (field
	 * {@code birthDate}).
	 */
	OrgNode apply(NewCandidate candidate, LocalDate on, DevelopmentSpans spans) {
		String item = Problems.item(candidate.id());
		this.checks.newId(candidate.id());
		this.checks.name(item, candidate.name());
		OrgNode org = this.checks.existingOrg(candidate.org(), "org", item);
		if (org != null && org.kind() == OrgKind.PARTY_GROUP) {
			this.problems.add(item, "org", Text.of("problem.candidate.partyGroup", org.id()));
		}
		if (candidate.birthDate() != null) {
			if (candidate.birthDate().isAfter(on)) {
				this.problems.add(item, "birthDate", Text.of("problem.candidate.bornAfter", candidate.birthDate(), on));
			}
			else if (candidate.birthDate().plusYears(spans.minAge()).isAfter(on)) {
				this.problems.add(item, "birthDate",
						Text.of("problem.candidate.underAge", candidate.birthDate(), spans.minAge(), on));
			}
		}
		return org;
	}

	/**
	 * A move to the next stage, ACTIVIST or DEVELOPMENT_TARGET (admission is {@link #admit}): the
	 * candidate exists in the scope (field {@code candidate}), {@code to} is the stage right after
	 * its present one (field {@code to}), and the day is neither before the present stage began nor
	 * before its least span has passed (field {@code on}).
	 */
	CandidateNode advance(String id, CandidateStage to, LocalDate on, DevelopmentSpans spans) {
		String item = Problems.item(id);
		CandidateNode c = existing(id, item);
		if (to == null) {
			this.problems.add(item, "to", Text.of("problem.missing", "to"));
			return c;
		}
		if (to == CandidateStage.ADMITTED || to == CandidateStage.APPLICANT) {
			this.problems.add(item, "to", Text.of((to == CandidateStage.ADMITTED)
					? "problem.candidate.notAdvancedToAdmitted" : "problem.candidate.notAdvancedToApplicant"));
			return c;
		}
		if (c == null) {
			return null;
		}
		if (c.stage() == CandidateStage.ADMITTED) {
			this.problems.add(item, "candidate", admitted(c));
			return c;
		}
		if (c.stage().next() != to) {
			this.problems.add(item, "to",
					Text.of("problem.candidate.notNextStage", id, stage(c.stage()), c.stage().next(), to));
			return c;
		}
		span(item, c, on, spans);
		return c;
	}

	/**
	 * A record of a step: the candidate exists (field {@code candidate}), the kind is one recorded by
	 * hand (field {@code kind}; the stage changes write the others), the candidate had reached the
	 * kind's stage on the day and was not yet admitted (field {@code on}), the note at most
	 * {@value #MAX_NOTE} characters (field {@code note}).
	 */
	CandidateNode record(String id, DevelopmentRecordKind kind, LocalDate on, String note) {
		String item = Problems.item(id);
		CandidateNode c = existing(id, item);
		if (kind == null) {
			this.problems.add(item, "kind", Text.of("problem.missing", "kind"));
		}
		else if (WRITTEN_BY_STAGES.contains(kind)) {
			this.problems.add(item, "kind", Text.of("problem.candidate.kindByStage", kind,
					(kind == DevelopmentRecordKind.APPROVAL) ? "admitCandidate"
							: (kind == DevelopmentRecordKind.APPLICATION) ? "applyForMembership" : "advanceCandidate"));
		}
		if (note != null && note.length() > MAX_NOTE) {
			this.problems.add(item, "note", Text.of("problem.candidate.noteTooLong", note.length(), MAX_NOTE));
		}
		if (c == null || kind == null || WRITTEN_BY_STAGES.contains(kind)) {
			return c;
		}
		LocalDate admitted = c.since().get(CandidateStage.ADMITTED);
		CandidateStage reached = c.stageOn(on);
		if (admitted != null && !on.isBefore(admitted)) {
			this.problems.add(item, "on", Text.of("problem.candidate.recordAfterAdmission", id, admitted));
		}
		else if (reached == null || reached.compareTo(kind.stage()) < 0) {
			LocalDate began = c.since().get(kind.stage());
			this.problems.add(item, "on", Text.of("problem.candidate.recordBeforeStage", kind, stage(kind.stage()), id,
					(reached == null)
							? Text.of("problem.candidate.notYetApplicant", c.since().get(CandidateStage.APPLICANT))
							: stage(reached),
					on, (began != null) ? Text.of("problem.candidate.stageSince", kind.stage(), began) : Text.plain("")));
		}
		return c;
	}

	/** What an admission writes: the candidate and the day the probation starts. */
	record Admission(CandidateNode candidate, LocalDate probationSince) {
	}

	/**
	 * An admission (接收預備黨員): the candidate is a DEVELOPMENT_TARGET (field {@code candidate}), its
	 * least span has passed (field {@code on}), a POLITICAL_REVIEW, TRAINING and BRANCH_RESOLUTION are
	 * recorded on or before the day (field {@code records}), the approval comes within
	 * {@code approvalMonths} of the branch's resolution (field {@code on}), and the member id is free
	 * (field {@code member}; the candidate's own id by default). The probation starts on the branch
	 * meeting's resolution (細則 第三十二條).
	 */
	Admission admit(String id, String memberId, LocalDate on, DevelopmentSpans spans) {
		String item = Problems.item(id);
		CandidateNode c = existing(id, item);
		String member = (memberId != null) ? memberId : id;
		if (Problems.isBlank(member)) {
			this.problems.add(item, "member", Text.of("problem.blank", "member"));
		}
		else if (this.tx.run(MEMBER_ID_TAKEN, Map.of("id", member, "candidate", (id != null) ? id : ""))
			.single()
			.get("taken")
			.asBoolean()) {
			this.problems.add(item, "member", ChangeChecks.taken(member));
		}
		if (c == null) {
			return null;
		}
		if (c.stage() != CandidateStage.DEVELOPMENT_TARGET) {
			this.problems.add(item, "candidate", (c.stage() == CandidateStage.ADMITTED) ? admitted(c)
					: Text.of("problem.candidate.onlyTargetAdmitted", id, stage(c.stage())));
			return new Admission(c, null);
		}
		span(item, c, on, spans);
		List<String> missing = new ArrayList<>();
		for (DevelopmentRecordKind kind : BEFORE_ADMISSION) {
			LocalDate latest = c.latest(kind, on);
			if (latest == null || latest.isBefore(c.since().get(CandidateStage.DEVELOPMENT_TARGET))) {
				missing.add(kind.name());
			}
		}
		if (!missing.isEmpty()) {
			this.problems.add(item, "records", Text.of("problem.candidate.recordsMissing", id, String.join(", ", missing),
					c.since().get(CandidateStage.DEVELOPMENT_TARGET), on));
		}
		LocalDate resolution = c.latest(DevelopmentRecordKind.BRANCH_RESOLUTION, on);
		if (resolution != null && resolution.plusMonths(spans.approvalMonths()).isBefore(on)) {
			this.problems.add(item, "on",
					Text.of("problem.candidate.approvalLate", on, spans.approvalMonths(), resolution));
		}
		return new Admission(c, resolution);
	}

	/** The day is not before the present stage began, nor before its least span has passed (field on). */
	private void span(String item, CandidateNode c, LocalDate on, DevelopmentSpans spans) {
		LocalDate began = c.since().get(c.stage());
		int months = spans.monthsIn(c.stage());
		LocalDate earliest = began.plusMonths(months);
		if (on.isBefore(began)) {
			this.problems.add(item, "on", Text.of("problem.candidate.onBeforeStage", on, c.id(), stage(c.stage()), began));
		}
		else if (on.isBefore(earliest)) {
			this.problems.add(item, "on", Text.of("problem.candidate.spanNotPassed", c.id(), stage(c.stage()), began,
					months, earliest, key(c.stage())));
		}
	}

	private CandidateNode existing(String id, String item) {
		if (Problems.isBlank(id)) {
			this.problems.add(item, "candidate", Text.of("problem.missing", "candidate"));
			return null;
		}
		CandidateNode c = candidate(id);
		if (c == null) {
			this.problems.add(item, "candidate", Text.of("problem.candidate.unknown", id));
		}
		return c;
	}

	private static String key(CandidateStage stage) {
		if (stage == CandidateStage.APPLICANT) {
			return "applicant-months";
		}
		return (stage == CandidateStage.ACTIVIST) ? "activist-months" : "target-months";
	}

	/** A stage as words (in English its code with its article: an APPLICANT, a DEVELOPMENT_TARGET). */
	private static Text stage(CandidateStage stage) {
		return Text.of("stage." + stage.name());
	}

	/** The candidate was admitted: on which day, as which member. */
	private static Text admitted(CandidateNode c) {
		return Text.of("problem.candidate.admitted", c.id(), c.since().get(CandidateStage.ADMITTED), c.member());
	}

}
