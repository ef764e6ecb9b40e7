package org.partygraph.bench;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LatencyStatsTests {

	@Test
	void nearestRankOnOneToHundred() {
		long[] samples = LongStream.rangeClosed(1, 100).toArray();
		LatencyStats stats = LatencyStats.of(samples);
		assertThat(stats.count()).isEqualTo(100);
		assertThat(stats.p50()).isEqualTo(50);
		assertThat(stats.p90()).isEqualTo(90);
		assertThat(stats.p99()).isEqualTo(99);
		assertThat(stats.max()).isEqualTo(100);
		assertThat(stats.mean()).isEqualTo(50.5);
	}

	@Test
	void unsortedInputIsSortedWithoutChangingIt() {
		long[] samples = { 30, 10, 20, 50, 40 };
		LatencyStats stats = LatencyStats.of(samples);
		// ranks: p50 = ceil(2.5) = 3rd -> 30; p90 = ceil(4.5) = 5th -> 50; p99 -> 5th
		assertThat(stats.p50()).isEqualTo(30);
		assertThat(stats.p90()).isEqualTo(50);
		assertThat(stats.p99()).isEqualTo(50);
		assertThat(stats.max()).isEqualTo(50);
		assertThat(samples).containsExactly(30, 10, 20, 50, 40);
	}

	@Test
	void percentileIsAlwaysAMeasuredValue() {
		long[] sorted = { 1, 1000 };
		assertThat(LatencyStats.percentile(sorted, 50)).isEqualTo(1);
		assertThat(LatencyStats.percentile(sorted, 50.1)).isEqualTo(1000);
		assertThat(LatencyStats.percentile(sorted, 100)).isEqualTo(1000);
		assertThat(LatencyStats.percentile(new long[] { 7 }, 0.001)).isEqualTo(7);
	}

	@Test
	void aSlowTailShowsAtP99NotP90() {
		long[] samples = new long[1000];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = (i < 985) ? 10 : 500;
		}
		LatencyStats stats = LatencyStats.of(samples);
		assertThat(stats.p50()).isEqualTo(10);
		assertThat(stats.p90()).isEqualTo(10);
		assertThat(stats.p99()).isEqualTo(500);
	}

	@Test
	void emptyAndBadArguments() {
		assertThat(LatencyStats.of(new long[0])).isEqualTo(LatencyStats.EMPTY);
		assertThat(LatencyStats.of(List.of(3L, 1L, 2L)).p50()).isEqualTo(2);
		assertThatIllegalArgumentException().isThrownBy(() -> LatencyStats.percentile(new long[0], 50));
		assertThatIllegalArgumentException().isThrownBy(() -> LatencyStats.percentile(new long[] { 1 }, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> LatencyStats.percentile(new long[] { 1 }, 101));
	}

	@Test
	void millisecondsWithOneDecimal() {
		assertThat(LatencyStats.ms(12_345_678)).isEqualTo("12.3");
		assertThat(LatencyStats.ms(0)).isEqualTo("0.0");
	}

}
