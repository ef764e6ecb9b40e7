package org.partygraph.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latency figures of one set of samples: count, nearest-rank percentiles and max. The p-th percentile
 * is the smallest sample such that at least p% of the samples are at or below it (nearest rank:
 * the {@code ceil(p/100 × n)}-th smallest), so it is always a measured value, never interpolated.
 *
 * @param count number of samples
 * @param p50 median, nanoseconds
 * @param p90 nanoseconds
 * @param p99 nanoseconds
 * @param max nanoseconds
 * @param mean nanoseconds
 */
public record LatencyStats(int count, long p50, long p90, long p99, long max, double mean) {

	public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0);

	/** Figures of the samples (nanoseconds, any order; the array is not changed). */
	public static LatencyStats of(long[] samples) {
		if (samples.length == 0) {
			return EMPTY;
		}
		long[] sorted = samples.clone();
		Arrays.sort(sorted);
		double sum = 0;
		for (long s : sorted) {
			sum += s;
		}
		return new LatencyStats(sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
				sorted[sorted.length - 1], sum / sorted.length);
	}

	public static LatencyStats of(Collection<Long> samples) {
		return of(samples.stream().mapToLong(Long::longValue).toArray());
	}

	/**
	 * Nearest-rank percentile of sorted samples.
	 * @param sorted samples in ascending order, at least one
	 * @param p percentile, greater than 0 and at most 100
	 */
	public static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			throw new IllegalArgumentException("no samples");
		}
		if (!(p > 0 && p <= 100)) {
			throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

	/** Milliseconds with one decimal ("12.3"). */
	public static String ms(long nanos) {
		return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000.0);
	}

}
