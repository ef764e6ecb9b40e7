package org.partygraph.queries.read;

import java.time.LocalDate;

import org.partygraph.model.Candidate;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.Gender;

/**
 * A candidate in the development of new members (docs/contract.md section 8), as a read answers it:
 * the fields of {@link Candidate} that are stored on the node, without its records and hand-on
 * history (the records are loaded apart, only when a query asks for them), so an empty list is
 * never mistaken for none recorded. The stage rules are {@link Candidate}'s.
 *
 * @param id the candidate's id
 * @param name full name
 * @param org the developing org's id
 * @param stage the stage reached today
 * @param appliedOn the application's day
 * @param activistSince the day they became an activist, or {@code null}
 * @param targetSince the day they became a development target, or {@code null}
 * @param admittedOn the admission's day, or {@code null}
 * @param member the member they became, or {@code null}
 * @param gender or {@code null}
 * @param birthDate or {@code null} (personal data)
 */
public record CandidateRow(String id, String name, String org, CandidateStage stage, LocalDate appliedOn,
		LocalDate activistSince, LocalDate targetSince, LocalDate admittedOn, String member, Gender gender,
		LocalDate birthDate) {

	/** The day the stage began, or {@code null} when it was not reached ({@link Candidate#since}). */
	public LocalDate since(CandidateStage s) {
		return Candidate.since(s, this.appliedOn, this.activistSince, this.targetSince, this.admittedOn);
	}

	/** The stage reached on the day; {@code null} before the application. */
	public CandidateStage stageOn(LocalDate day) {
		return Candidate.stageOn(this::since, day);
	}

}
