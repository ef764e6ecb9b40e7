package org.partygraph.queries.pattern;

import java.util.List;

/**
 * One occurrence of a pattern around one org, with the units, orgs and members that make it up,
 * so that an analyst sees the structure behind a pattern figure.
 *
 * @param pattern the pattern
 * @param orgId the id of the pattern's org (the enterprise org, the industry org or park branch,
 * the cooperative org, the village general branch)
 * @param orgName its name
 * @param orgKind its kind as stored
 * @param parts the nodes around it, grouped by role in the order each pattern lists them
 * @param figures the instance's own figures
 */
public record PatternInstance(Pattern pattern, String orgId, String orgName, String orgKind, List<Part> parts,
		List<Metric> figures) {

	public PatternInstance {
		parts = List.copyOf(parts);
		figures = List.copyOf(figures);
	}

	/** The parts in one role, in order. */
	public List<Part> parts(String role) {
		return this.parts.stream().filter((p) -> p.role().equals(role)).toList();
	}

	/** The value of one of the instance's figures, or {@code 0} when it has no such figure. */
	public double figure(String key) {
		return this.figures.stream().filter((m) -> m.key().equals(key)).mapToDouble(Metric::value).findFirst().orElse(0);
	}

}
