package org.partygraph.queries.pattern;

import java.util.List;

/** A pattern's figures, in the contract's key order. */
public record PatternSummary(Pattern pattern, List<Metric> metrics) {

	public PatternSummary {
		metrics = List.copyOf(metrics);
	}

	/** The value of one metric; {@link IllegalArgumentException} for a key the pattern has not. */
	public double value(String key) {
		return this.metrics.stream()
			.filter((m) -> m.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(this.pattern + " has no metric " + key))
			.value();
	}

}
