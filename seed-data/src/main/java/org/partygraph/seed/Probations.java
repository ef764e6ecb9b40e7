package org.partygraph.seed;

import java.time.LocalDate;
import java.util.List;

import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;

/**
 * The sample county's probations (預備期): the day each PROBATIONARY member was admitted, so that on
 * 2026-12-06, with the default 12-month probation, most are still on probation, about one in
 * {@value #OVERDUE_ONE_IN} ended before that day with no decision (PROBATION_OVERDUE), and about
 * one in {@value #EXTENDED_ONE_IN} was extended and runs into 2027. The days are a function of the
 * member's id (like {@link Elections}), whatever the seed; {@code joined} is set to the same day
 * (party age counts from admission).
 */
final class Probations {

	/** The first day ordinary probations began: 12 months before 2026-12-06, plus a day. */
	static final LocalDate ORDINARY_FROM = LocalDate.of(2025, 12, 7);

	/** How many days ordinary admissions span (to 2026-11-30). */
	static final int ORDINARY_DAYS = 359;

	/** Overdue probations began in the 6 months before {@link #ORDINARY_FROM}. */
	static final LocalDate OVERDUE_FROM = LocalDate.of(2025, 6, 1);

	static final int OVERDUE_DAYS = 180;

	static final int OVERDUE_ONE_IN = 37;

	static final int EXTENDED_ONE_IN = 53;

	private Probations() {
	}

	/** The members with their probation dates; full members unchanged. */
	static List<Member> admitted(List<Member> members) {
		return members.stream().map(Probations::admitted).toList();
	}

	private static Member admitted(Member m) {
		if (m.status() != MemberStatus.PROBATIONARY) {
			return m;
		}
		int h = Math.floorMod(m.id().hashCode(), 1_000_003);
		LocalDate since;
		LocalDate extendedTo = null;
		if (h % OVERDUE_ONE_IN == 0) {
			since = OVERDUE_FROM.plusDays(h % OVERDUE_DAYS);
		}
		else if (h % EXTENDED_ONE_IN == 1) {
			// Admitted 13 to 18 months before 2026-12-06, extended by a year: ends in 2027.
			since = OVERDUE_FROM.minusMonths(1).plusDays(h % OVERDUE_DAYS);
			extendedTo = since.plusMonths(24);
		}
		else {
			since = ORDINARY_FROM.plusDays(h % ORDINARY_DAYS);
		}
		return new Member(m.id(), m.name(), m.status(), m.org(), m.unit(), m.trade(), m.gender(), m.birthDate(), since,
				m.idNumber(), m.phone(), m.group(), m.roles(), m.participatesIn(), since, extendedTo);
	}

}
