package org.partygraph.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A party member ({@code members[]} of the dataset).
 *
 * @param id unique id within the dataset
 * @param name full name
 * @param status FULL or PROBATIONARY
 * @param org the one org the member belongs to (組織關係); never a PARTY_GROUP
 * @param unit the unit the member works or lives in
 * @param trade the member's trade
 * @param gender M or F
 * @param birthDate date of birth (personal data)
 * @param joined date of joining the party
 * @param idNumber resident identity number (personal data)
 * @param phone phone number (personal data)
 * @param group a PARTY_GROUP directly under {@code org}
 * @param roles offices held, never {@code null}
 * @param participatesIn orgs whose activities the member joins without moving membership, never
 * {@code null}
 * @param probationSince for a PROBATIONARY member, the day its probation began, or {@code null}
 * ({@code party-graph/2})
 * @param probationExtendedTo for a PROBATIONARY member whose probation was extended (延長預備期), the
 * day the extended probation ends, or {@code null} ({@code party-graph/2})
 */
public record Member(String id, String name, MemberStatus status, String org, String unit, Trade trade,
		Gender gender, LocalDate birthDate, LocalDate joined, String idNumber, String phone, String group,
		List<RoleAssignment> roles, List<String> participatesIn, LocalDate probationSince,
		LocalDate probationExtendedTo) {

	public Member {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
		participatesIn = (participatesIn != null) ? List.copyOf(participatesIn) : List.of();
	}

	/** A member whose probation, if any, was not extended. */
	public Member(String id, String name, MemberStatus status, String org, String unit, Trade trade, Gender gender,
			LocalDate birthDate, LocalDate joined, String idNumber, String phone, String group,
			List<RoleAssignment> roles, List<String> participatesIn, LocalDate probationSince) {
		this(id, name, status, org, unit, trade, gender, birthDate, joined, idNumber, phone, group, roles,
				participatesIn, probationSince, null);
	}

	/** A member without a probation date (the fields of {@code party-graph/1}). */
	public Member(String id, String name, MemberStatus status, String org, String unit, Trade trade, Gender gender,
			LocalDate birthDate, LocalDate joined, String idNumber, String phone, String group,
			List<RoleAssignment> roles, List<String> participatesIn) {
		this(id, name, status, org, unit, trade, gender, birthDate, joined, idNumber, phone, group, roles,
				participatesIn, null);
	}

	/** A member with only the required fields. */
	public static Member of(String id, String name, MemberStatus status, String org) {
		return new Member(id, name, status, org, null, null, null, null, null, null, null, null, List.of(),
				List.of());
	}

	public boolean isFull() {
		return this.status == MemberStatus.FULL;
	}

	/**
	 * The day a PROBATIONARY member's probation (預備期) began: {@code probationSince}, else
	 * {@code joined} (a member's party age counts from admission, when probation begins); {@code null}
	 * for a full member or when neither is known.
	 */
	public LocalDate probationStart() {
		return (this.status == MemberStatus.PROBATIONARY) ? probationStart(this.probationSince, this.joined) : null;
	}

	/**
	 * The day a PROBATIONARY member's probation ends ({@link #probationEnd}); {@code null} for a full
	 * member or when unknown.
	 */
	public LocalDate probationEndsOn(int months) {
		return (this.status == MemberStatus.PROBATIONARY)
				? probationEnd(this.probationSince, this.joined, this.probationExtendedTo, months) : null;
	}

	/** The day a probation began: {@code since}, else {@code joined}; {@code null} when neither is known. */
	public static LocalDate probationStart(LocalDate since, LocalDate joined) {
		return (since != null) ? since : joined;
	}

	/**
	 * The one rule for when a probation ends (docs/contract.md section 8), for every reader of it: the
	 * extension's end when it was extended, else {@code months} after its start
	 * ({@link #probationStart(LocalDate, LocalDate)}); {@code null} when that is unknown.
	 */
	public static LocalDate probationEnd(LocalDate since, LocalDate joined, LocalDate extendedTo, int months) {
		if (extendedTo != null) {
			return extendedTo;
		}
		LocalDate start = probationStart(since, joined);
		return (start != null) ? start.plusMonths(months) : null;
	}

	/**
	 * The latest start of a probation not extended whose end ({@link #probationEnd}) falls before
	 * {@code before}: a probation so begun is due before the day exactly when its start is on or
	 * before this one. It lets a store read select the probations due by their start alone, so that
	 * the end is worked out here only (the end never decreases as the start moves later, so the days
	 * due form one span up to this one; a month end or 29 February makes several starts end on one
	 * day, which is why this is not simply {@code before} minus the months).
	 */
	public static LocalDate latestStartEndingBefore(LocalDate before, int months) {
		LocalDate start = before.minusMonths(months);
		while (!probationEnd(start, null, null, months).isBefore(before)) {
			start = start.minusDays(1);
		}
		while (probationEnd(start.plusDays(1), null, null, months).isBefore(before)) {
			start = start.plusDays(1);
		}
		return start;
	}

	public Member withOrg(String newOrg) {
		return new Member(this.id, this.name, this.status, newOrg, this.unit, this.trade, this.gender,
				this.birthDate, this.joined, this.idNumber, this.phone, this.group, this.roles,
				this.participatesIn, this.probationSince, this.probationExtendedTo);
	}

	public Member withGroup(String newGroup) {
		return new Member(this.id, this.name, this.status, this.org, this.unit, this.trade, this.gender,
				this.birthDate, this.joined, this.idNumber, this.phone, newGroup, this.roles, this.participatesIn, this.probationSince, this.probationExtendedTo);
	}

	public Member withRoles(List<RoleAssignment> newRoles) {
		return new Member(this.id, this.name, this.status, this.org, this.unit, this.trade, this.gender,
				this.birthDate, this.joined, this.idNumber, this.phone, this.group, newRoles, this.participatesIn, this.probationSince, this.probationExtendedTo);
	}

	public Member withParticipatesIn(List<String> newParticipatesIn) {
		return new Member(this.id, this.name, this.status, this.org, this.unit, this.trade, this.gender,
				this.birthDate, this.joined, this.idNumber, this.phone, this.group, this.roles, newParticipatesIn, this.probationSince, this.probationExtendedTo);
	}

}
