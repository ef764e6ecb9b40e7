package org.partygraph.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A person in the development of new members (發展黨員; {@code candidates[]} of a {@code party-graph/2}
 * dataset, docs/contract.md section 8).
 *
 * @param id unique among candidates
 * @param name full name
 * @param org the org that develops the candidate (培養黨組織); never a PARTY_GROUP
 * @param stage the stage reached
 * @param appliedOn the day of the written application; every candidate has one
 * @param activistSince the day the candidate became an activist, once reached, else {@code null}
 * @param targetSince the day the candidate became a development target, once reached, else {@code null}
 * @param admittedOn the day of admission, for an ADMITTED candidate, else {@code null}
 * @param member the member an ADMITTED candidate became, else {@code null}
 * @param gender M or F, or {@code null}
 * @param birthDate date of birth (personal data), or {@code null}
 * @param records the dated records of the development, never {@code null}
 * @param formerOrgs the orgs that handed the candidate on to another (dissolved or merged away), oldest
 * first; ids of orgs that may no longer exist; never {@code null}
 * @param formerUntil the day each of {@code formerOrgs} handed the candidate on, in the same order;
 * never {@code null}
 */
public record Candidate(String id, String name, String org, CandidateStage stage, LocalDate appliedOn,
		LocalDate activistSince, LocalDate targetSince, LocalDate admittedOn, String member, Gender gender,
		LocalDate birthDate, List<DevelopmentRecord> records, List<String> formerOrgs, List<LocalDate> formerUntil) {

	public Candidate {
		records = (records != null) ? List.copyOf(records) : List.of();
		formerOrgs = (formerOrgs != null) ? List.copyOf(formerOrgs) : List.of();
		formerUntil = (formerUntil != null) ? List.copyOf(formerUntil) : List.of();
	}

	/** A candidate never handed on ({@code formerOrgs} and {@code formerUntil} empty). */
	public Candidate(String id, String name, String org, CandidateStage stage, LocalDate appliedOn,
			LocalDate activistSince, LocalDate targetSince, LocalDate admittedOn, String member, Gender gender,
			LocalDate birthDate, List<DevelopmentRecord> records) {
		this(id, name, org, stage, appliedOn, activistSince, targetSince, admittedOn, member, gender, birthDate,
				records, null, null);
	}

	/** The same candidate with the orgs that handed it on and the days they did. */
	public Candidate withFormer(List<String> orgs, List<LocalDate> until) {
		return new Candidate(this.id, this.name, this.org, this.stage, this.appliedOn, this.activistSince,
				this.targetSince, this.admittedOn, this.member, this.gender, this.birthDate, this.records, orgs, until);
	}

	/**
	 * The day the candidate reached a stage, as recorded: {@code appliedOn} for APPLICANT,
	 * {@code activistSince}, {@code targetSince}, {@code admittedOn}.
	 */
	public LocalDate since(CandidateStage of) {
		return since(of, this.appliedOn, this.activistSince, this.targetSince, this.admittedOn);
	}

	/** Of the four days each stage began (any {@code null} when not reached), the one of the stage. */
	public static LocalDate since(CandidateStage of, LocalDate appliedOn, LocalDate activistSince,
			LocalDate targetSince, LocalDate admittedOn) {
		return switch (of) {
			case APPLICANT -> appliedOn;
			case ACTIVIST -> activistSince;
			case DEVELOPMENT_TARGET -> targetSince;
			case ADMITTED -> admittedOn;
		};
	}

	/** The dataset key of the day a stage was reached: {@code appliedOn}, {@code activistSince}, ... */
	public static String sinceKey(CandidateStage of) {
		return switch (of) {
			case APPLICANT -> "appliedOn";
			case ACTIVIST -> "activistSince";
			case DEVELOPMENT_TARGET -> "targetSince";
			case ADMITTED -> "admittedOn";
		};
	}

	/** The stage reached on the day, from the days each stage began; {@code null} before the application. */
	public CandidateStage stageOn(LocalDate day) {
		return stageOn(this::since, day);
	}

	/**
	 * The stage reached on the day, given the day each stage began ({@code null} for one not
	 * reached); {@code null} before the application. The one reading of a past stage, for every
	 * view of a candidate.
	 */
	public static CandidateStage stageOn(java.util.function.Function<CandidateStage, LocalDate> since, LocalDate day) {
		CandidateStage reached = null;
		for (CandidateStage s : CandidateStage.values()) {
			LocalDate began = since.apply(s);
			if (began != null && !began.isAfter(day)) {
				reached = s;
			}
		}
		return reached;
	}

	/** Whether the candidate has reached the stage (an unknown stage reaches none). */
	public boolean reached(CandidateStage of) {
		return this.stage != null && this.stage.compareTo(of) >= 0;
	}

}
