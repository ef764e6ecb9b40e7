package org.partygraph.api.graphql;

import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.partygraph.queries.read.MemberCounts;

/**
 * Look-ahead for member counts: a level whose result the query asks counts of fetches them in its
 * own statement and primes the {@code memberCounts} loader, whose fields then answer from its
 * cache instead of a further round trip.
 */
final class Prefetch {

	private Prefetch() {
	}

	/**
	 * Whether the selection asks for {@code memberCount} or {@code fullMemberCount} at
	 * {@code path} ({@code ""} for the field's own result, {@code "edges/node/"} in a connection).
	 */
	static boolean wantsCounts(DataFetchingFieldSelectionSet selection, String path) {
		return selection.contains(path + "memberCount") || selection.contains(path + "fullMemberCount");
	}

	static void prime(DataLoader<String, MemberCounts> memberCounts, Map<String, MemberCounts> counts) {
		counts.forEach(memberCounts::prime);
	}

}
