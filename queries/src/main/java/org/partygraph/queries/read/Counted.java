package org.partygraph.queries.read;

import java.util.Map;

/**
 * A read's answer with the member counts of the orgs in it, fetched by the same statement when the
 * caller will ask for them next (one round trip instead of two).
 *
 * @param value the answer
 * @param counts member counts by org id; empty when none were asked for
 */
public record Counted<T>(T value, Map<String, MemberCounts> counts) {

	public Counted {
		counts = Map.copyOf(counts);
	}

}
