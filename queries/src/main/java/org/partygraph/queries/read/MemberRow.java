package org.partygraph.queries.read;

import java.time.LocalDate;

import org.partygraph.model.Gender;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Trade;

/** A member's own properties as stored, personal data included; the API decides who sees it. */
public record MemberRow(String id, String name, MemberStatus status, Trade trade, Gender gender,
		LocalDate birthDate, LocalDate joined, String idNumber, String phone) {

}
