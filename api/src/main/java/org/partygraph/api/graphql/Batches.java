package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns per-id query results into the per-source maps that {@code @BatchMapping} returns. */
final class Batches {

	private Batches() {
	}

	static <S> Set<String> ids(Collection<S> sources, Function<S, String> id) {
		Set<String> ids = new LinkedHashSet<>();
		sources.forEach((s) -> ids.add(id.apply(s)));
		return ids;
	}

	/**
	 * The lists of a per-day field for a batch of (org, day) keys: one read per day asked for, each
	 * of all that day's orgs; every key present, an org with none with an empty list.
	 */
	@SuppressWarnings("rawtypes")
	static <V> Map<OrgDayKey, List> byDay(Set<OrgDayKey> keys,
			BiFunction<Set<String>, LocalDate, Map<String, List<V>>> read) {
		Map<OrgDayKey, List> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(OrgDayKey::day)).forEach((day, group) -> {
			Map<String, List<V>> found = read.apply(ids(group, OrgDayKey::orgId), day);
			group.forEach((key) -> result.put(key, found.getOrDefault(key.orgId(), List.of())));
		});
		return result;
	}

	/** Every source with its value, or {@code otherwise} (e.g. an empty list) when it has none. */
	static <S, V> Map<S, V> everyKey(List<S> sources, Function<S, String> id, Map<String, ? extends V> values,
			V otherwise) {
		Map<S, V> result = new LinkedHashMap<>();
		for (S source : sources) {
			V value = values.get(id.apply(source));
			result.put(source, (value != null) ? value : otherwise);
		}
		return result;
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
