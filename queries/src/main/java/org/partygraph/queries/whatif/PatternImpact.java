package org.partygraph.queries.whatif;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.pattern.Pattern;
import org.partygraph.queries.pattern.PatternQueries;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

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

	/**
	 * For a fall, a warning a person reads, in English, e.g. "INDUSTRY_PARK (產業黨組織+園區黨支部) loses
	 * 1: townshipsWithIndustryBranch 6 → 5"; {@code null} otherwise.
	 */
	public String warning() {
		Text text = warningText();
		return (text != null) ? Messages.bundled().say(text, Lang.EN) : null;
	}

	/**
	 * For a fall, the warning as a text of the bundles ({@code report.patternLoses}: the pattern's
	 * code and Chinese name, the loss, the metric's key, before and after, all as they are);
	 * {@code null} otherwise.
	 */
	public Text warningText() {
		if (!loses()) {
			return null;
		}
		return Text.of("report.patternLoses", this.pattern.name(), this.pattern.chineseName(),
				number(this.before - this.after), this.metric, number(this.before), number(this.after));
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
