package org.partygraph.queries.change;

import java.time.LocalDate;

import org.partygraph.model.Gender;

/**
 * A person who applies for membership ({@link OrgChanges#applyForMembership}): an APPLICANT from
 * the change's day, developed by {@code org}.
 *
 * @param id unused by any org, unit, member or candidate
 * @param name full name
 * @param org the developing org (where the application was handed in); never a PARTY_GROUP
 * @param gender or {@code null}
 * @param birthDate or {@code null}; when given, the applicant is at least
 * {@link DevelopmentSpans#minAge} on the day of the application
 */
public record NewCandidate(String id, String name, String org, Gender gender, LocalDate birthDate) {
}
