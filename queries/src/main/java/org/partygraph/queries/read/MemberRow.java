package org.partygraph.queries.read;

import java.time.LocalDate;

import org.partygraph.model.Gender;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Trade;

/**
 * A member's own properties as stored, personal data included (the API decides who sees it), with
 * the id of its membership org, by which the API decides whether the member is in a user's scope.
 *
 * @param orgId the org the member belongs to ({@code MEMBER_OF}); {@code null} only for a member
 * without one, which no scope holds
 * @param probationSince the day a probation began, when recorded
 * @param probationExtendedTo the day an extended probation ends, when it was extended
 */
public record MemberRow(String id, String name, MemberStatus status, Trade trade, Gender gender,
		LocalDate birthDate, LocalDate joined, String idNumber, String phone, String orgId, LocalDate probationSince,
		LocalDate probationExtendedTo) {

	/** A row without probation dates. */
	public MemberRow(String id, String name, MemberStatus status, Trade trade, Gender gender, LocalDate birthDate,
			LocalDate joined, String idNumber, String phone, String orgId) {
		this(id, name, status, trade, gender, birthDate, joined, idNumber, phone, orgId, null, null);
	}

	/**
	 * The day a PROBATIONARY member's probation ends: the extension's end, else {@code months} after
	 * {@code probationSince} (else {@code joined}); {@code null} for a full member or when unknown.
	 */
	public LocalDate probationEndsOn(int months) {
		return (this.status == MemberStatus.PROBATIONARY) ? org.partygraph.model.Member
			.probationEnd(this.probationSince, this.joined, this.probationExtendedTo, months) : null;
	}

}
