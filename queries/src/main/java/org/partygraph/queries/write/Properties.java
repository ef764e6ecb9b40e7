package org.partygraph.queries.write;

import java.util.HashMap;
import java.util.Map;

/** Small helpers for the property maps and parameters of the write statements. */
final class Properties {

	private Properties() {
	}

	static void put(Map<String, Object> props, String key, Object value) {
		if (value != null) {
			props.put(key, value);
		}
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
