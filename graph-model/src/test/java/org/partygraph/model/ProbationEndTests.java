package org.partygraph.model;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one probation-end rule ({@link Member#probationEnd}) and the start bound the store read
 * selects with ({@link Member#latestStartEndingBefore}): for every start and every day over years
 * with month ends and 29 February, a probation is due before the day exactly when its start is on
 * or before the bound.
 */
class ProbationEndTests {

	@Test
	void theBoundSelectsExactlyTheStartsWhoseEndFallsBeforeTheDay() {
		for (int months : new int[] { 1, 6, 12, 18, 24 }) {
			for (LocalDate before = LocalDate.of(2024, 1, 1); before.isBefore(LocalDate.of(2026, 7, 1)); before = before
				.plusDays(1)) {
				LocalDate bound = Member.latestStartEndingBefore(before, months);
				for (int d = -5; d <= 5; d++) {
					LocalDate start = bound.plusDays(d);
					boolean due = Member.probationEnd(start, null, null, months).isBefore(before);
					assertThat(due).as("start %s, %d months, before %s (bound %s)", start, months, before, bound)
						.isEqualTo(!start.isAfter(bound));
				}
			}
		}
	}

	@Test
	void monthEndsAndLeapDays() {
		// 29 February plus a year is 28 February; a start on 31 January ends on the last of February.
		assertThat(Member.probationEnd(LocalDate.of(2024, 2, 29), null, null, 12)).isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(Member.probationEnd(null, LocalDate.of(2025, 1, 31), null, 1)).isEqualTo(LocalDate.of(2025, 2, 28));
		// Due before 2025-03-01 with 12 months: starts up to 2024-02-29 (ending 2025-02-28).
		assertThat(Member.latestStartEndingBefore(LocalDate.of(2025, 3, 1), 12)).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(Member.latestStartEndingBefore(LocalDate.of(2025, 2, 28), 12)).isEqualTo(LocalDate.of(2024, 2, 27));
		// Before 1 March 2025 with one month: every start to 31 January ends by 28 February.
		assertThat(Member.latestStartEndingBefore(LocalDate.of(2025, 3, 1), 1)).isEqualTo(LocalDate.of(2025, 1, 31));
		// The extension's end wins over the months.
		assertThat(Member.probationEnd(LocalDate.of(2024, 2, 29), null, LocalDate.of(2025, 8, 31), 12))
			.isEqualTo(LocalDate.of(2025, 8, 31));
	}

}
