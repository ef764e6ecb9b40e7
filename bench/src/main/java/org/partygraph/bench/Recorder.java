package org.partygraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latencies and outcomes per operation kind. Each outcome is OK, EXPECTED (the refusal the operation
 * was built to provoke, e.g. an addMember with a taken id) or UNEXPECTED (anything else: an error in
 * the answer, an HTTP status other than 200, a timeout, a broken connection). Thread-safe.
 */
public final class Recorder {

	public enum Outcome {
		OK, EXPECTED, UNEXPECTED
	}

	/** The figures of one kind. */
	public record Row(String kind, int ok, int expected, int unexpected, LatencyStats latency, double perSecond) {
	}

	private static final class Kind {

		private final List<Long> nanos = new ArrayList<>();

		private final int[] outcomes = new int[3];

		private final List<String> unexpected = new ArrayList<>();

	}

	private final Map<String, Kind> kinds = new TreeMap<>();

	public synchronized void record(String kind, long nanos, Outcome outcome, String detail) {
		Kind k = this.kinds.computeIfAbsent(kind, (x) -> new Kind());
		k.nanos.add(nanos);
		k.outcomes[outcome.ordinal()]++;
		if (outcome == Outcome.UNEXPECTED && k.unexpected.size() < 20) {
			k.unexpected.add(detail);
		}
	}

	public synchronized int unexpected() {
		return this.kinds.values().stream().mapToInt((k) -> k.outcomes[Outcome.UNEXPECTED.ordinal()]).sum();
	}

	/** Up to 20 unexpected errors per kind, as "kind: message". */
	public synchronized List<String> unexpectedDetails() {
		List<String> all = new ArrayList<>();
		this.kinds.forEach((name, k) -> k.unexpected.forEach((d) -> all.add(name + ": " + d)));
		return all;
	}

	/** One row per kind, by name, then a row "all" over every kind. */
	public synchronized List<Row> rows(double seconds) {
		List<Row> rows = new ArrayList<>();
		List<Long> every = new ArrayList<>();
		int[] total = new int[3];
		this.kinds.forEach((name, k) -> {
			rows.add(new Row(name, k.outcomes[0], k.outcomes[1], k.outcomes[2], LatencyStats.of(k.nanos),
					k.nanos.size() / seconds));
			every.addAll(k.nanos);
			for (int i = 0; i < 3; i++) {
				total[i] += k.outcomes[i];
			}
		});
		rows.add(new Row("all", total[0], total[1], total[2], LatencyStats.of(every), every.size() / seconds));
		return rows;
	}

	/** The rows as a Markdown table (latencies in ms, throughput in requests per second). */
	public static String table(List<Row> rows) {
		StringBuilder out = new StringBuilder();
		out.append("| operation | requests | ok | expected refusals | unexpected errors | p50 ms | p90 ms | p99 ms | max ms | req/s |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Row r : rows) {
			boolean all = r.kind().equals("all");
			String name = all ? "**all**" : "`" + r.kind() + "`";
			out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s | %s | %s | %.1f |%n", name,
					r.latency().count(), r.ok(), r.expected(), r.unexpected(), LatencyStats.ms(r.latency().p50()),
					LatencyStats.ms(r.latency().p90()), LatencyStats.ms(r.latency().p99()),
					LatencyStats.ms(r.latency().max()), r.perSecond()));
		}
		return out.toString();
	}

}
