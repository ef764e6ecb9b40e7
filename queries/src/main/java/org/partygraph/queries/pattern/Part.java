package org.partygraph.queries.pattern;

import java.util.List;

/**
 * One node that takes part in a {@link PatternInstance}, and in what role. The same shape serves
 * units, orgs and members, so that the GraphQL layer can expose every pattern's structure
 * generically.
 *
 * @param role what the node is to the instance's org: {@code ENTERPRISE}, {@code PRODUCTION_BASE},
 * {@code PARENT}, {@code CO_MANAGER}, {@code CHILD}, {@code TOWNSHIP}, {@code INDUSTRY},
 * {@code PARK}, {@code PARK_BRANCH}, {@code UNIT}, {@code SECRETARY}, {@code COOPERATIVE},
 * {@code VILLAGE}, {@code PARTY_GROUP}, {@code TRADE_BRANCH}
 * @param id the node's id
 * @param name the node's name
 * @param kind the unit's or org's kind as stored; {@code MEMBER} for a member
 * @param trade an org's or member's trade, {@code null} when it has none
 * @param figures the part's own figures (e.g. {@code households} of a production base,
 * {@code memberCount} of a trade branch), maybe none
 */
public record Part(String role, String id, String name, String kind, String trade, List<Metric> figures) {

	public Part {
		figures = (figures != null) ? List.copyOf(figures) : List.of();
	}

	/** The value of one of the part's figures, or {@code 0} when it has no such figure. */
	public double figure(String key) {
		return this.figures.stream().filter((m) -> m.key().equals(key)).mapToDouble(Metric::value).findFirst().orElse(0);
	}

}
