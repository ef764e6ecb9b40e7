package org.partygraph.api.graphql;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Turns per-id query results into the per-source maps that {@code @BatchMapping} returns. */
final class Batches {

	private Batches() {
	}

	static <S> Set<String> ids(Collection<S> sources, Function<S, String> id) {
		Set<String> ids = new LinkedHashSet<>();
		sources.forEach((s) -> ids.add(id.apply(s)));
		return ids;
	}

	/** Sources without a value are left out, which GraphQL reads as null (or an empty list). */
	static <S, V> Map<S, V> byKey(List<S> sources, Function<S, String> id, Map<String, V> values) {
		Map<S, V> result = new LinkedHashMap<>();
		for (S source : sources) {
			V value = values.get(id.apply(source));
			if (value != null) {
				result.put(source, value);
			}
		}
		return result;
	}

}
