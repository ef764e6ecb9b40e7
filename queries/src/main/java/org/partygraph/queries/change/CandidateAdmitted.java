package org.partygraph.queries.change;

import java.time.LocalDate;

/**
 * An admission ({@link OrgChanges#admitCandidate}).
 *
 * @param candidate the candidate's id
 * @param member the new PROBATIONARY member's id
 * @param org the developing org, now the member's
 * @param admittedOn the approval's day
 * @param probationSince the branch meeting's resolution, where the probation starts
 */
public record CandidateAdmitted(String candidate, String member, String org, LocalDate admittedOn,
		LocalDate probationSince) {
}
