package org.partygraph.queries.whatif;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.pattern.Pattern;
import org.partygraph.queries.pattern.PatternQueries;

/**
 * One pattern metric a what-if changes, before and after. A fall is a pattern losing what it had
 * (an instance, a member, a household driven): the report warns of it.
 *
 * @param pattern the pattern the metric belongs to
 * @param metric its key (docs/contract.md, "Pattern metric keys")
 * @param before the value before
 * @param after the value after
 */
public record PatternImpact(Pattern pattern, String metric, double before, double after) {

	/** Whether the pattern loses something: the metric falls. */
	public boolean loses() {
		return this.after < this.before;
	}

	/** For a fall, a warning a person reads, e.g. "INDUSTRY_PARK loses 1: townshipsWithIndustryBranch 6 → 5". */
	public String warning() {
		if (!loses()) {
			return null;
		}
		return this.pattern + " (" + this.pattern.chineseName() + ") loses " + number(this.before - this.after) + ": "
				+ this.metric + " " + number(this.before) + " → " + number(this.after);
	}

	/** Each pattern metric whose value differs between the two lists of figures, in pattern and key order. */
	static List<PatternImpact> between(List<Metric> before, List<Metric> after) {
		Map<String, Double> was = values(before);
		Map<String, Double> is = values(after);
		List<PatternImpact> changes = new ArrayList<>();
		PatternQueries.METRIC_KEYS.forEach((pattern, keys) -> keys.forEach((key) -> {
			Double b = was.get(key);
			Double a = is.get(key);
			if (b != null && a != null && !b.equals(a)) {
				changes.add(new PatternImpact(pattern, key, b, a));
			}
		}));
		return List.copyOf(changes);
	}

	private static Map<String, Double> values(List<Metric> metrics) {
		Map<String, Double> values = new HashMap<>();
		if (metrics != null) {
			metrics.forEach((m) -> values.put(m.key(), m.value()));
		}
		return values;
	}

	/** A metric figure as reports print it: whole numbers bare, others to two places. */
	static String number(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
	}

}
