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
 */
public record MemberRow(String id, String name, MemberStatus status, Trade trade, Gender gender,
		LocalDate birthDate, LocalDate joined, String idNumber, String phone, String orgId) {

}
