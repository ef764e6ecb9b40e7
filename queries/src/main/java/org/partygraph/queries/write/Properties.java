package org.partygraph.queries.write;

import java.util.HashMap;
import java.util.Map;

import org.partygraph.model.NameKeys;

/** Small helpers for the property maps and parameters of the write statements. */
final class Properties {

	private Properties() {
	}

	static void put(Map<String, Object> props, String key, Object value) {
		if (value != null) {
			props.put(key, value);
		}
	}

	/**
	 * Puts the name and the keys it is searched and sorted by ({@link NameKeys}): {@code name},
	 * {@code nameKey}, {@code nameSort}. Every write of a name of an org, member or unit goes
	 * through here, so the keys never lag the name.
	 */
	static void putName(Map<String, Object> props, String name) {
		put(props, "name", name);
		put(props, "nameKey", NameKeys.searchKey(name));
		put(props, "nameSort", NameKeys.sortKey(name));
	}

	static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	// Map.of refuses null values, and absent optional inputs are null.
	static Map<String, Object> params(Object... keysAndValues) {
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			params.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return params;
	}

}
