package org.partygraph.model;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probation-end rule ({@link Member#probationEnd}) on month ends, 29 February and extensions.
 * The due list's Cypher orders by the same end; ProbationIT checks the two agree on every day over
 * months of such starts.
 */
class ProbationEndTests {

	@Test
	void monthEndsAndLeapDays() {
		// 29 February plus a year is 28 February; a start on 31 January ends on the last of February.
		assertThat(Member.probationEnd(LocalDate.of(2024, 2, 29), null, null, 12)).isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(Member.probationEnd(null, LocalDate.of(2025, 1, 31), null, 1)).isEqualTo(LocalDate.of(2025, 2, 28));
		// The extension's end wins over the months.
		assertThat(Member.probationEnd(LocalDate.of(2024, 2, 29), null, LocalDate.of(2025, 8, 31), 12))
			.isEqualTo(LocalDate.of(2025, 8, 31));
	}

}
