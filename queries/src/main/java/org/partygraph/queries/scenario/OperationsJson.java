package org.partygraph.queries.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partygraph.queries.whatif.Operation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operation list of a scenario as JSON text, in the shape of the API's
 * {@code OperationInput}: {@code [{"op": "MERGE", "orgs": ["a", "b"], "name": "..."}, ...]}, absent
 * fields left out. This is how it is stored in {@code Scenario.operations}, so that an analyst
 * reading the database sees the list plainly.
 */
public final class OperationsJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private OperationsJson() {
	}

	public static String write(List<Operation> operations) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Operation op : operations) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("op", (op.op() != null) ? op.op().name() : null);
			putIfPresent(item, "org", op.org());
			if (!op.orgs().isEmpty()) {
				item.put("orgs", op.orgs());
			}
			putIfPresent(item, "member", op.member());
			putIfPresent(item, "target", op.target());
			putIfPresent(item, "kind", op.kind());
			putIfPresent(item, "name", op.name());
			if (!op.units().isEmpty()) {
				item.put("units", op.units());
			}
			items.add(item);
		}
		return MAPPER.writeValueAsString(items);
	}

	/**
	 * @throws IllegalArgumentException when the text is not such a list
	 */
	public static List<Operation> read(String json) {
		List<Map<String, Object>> items;
		try {
			items = MAPPER.readValue(json, new TypeReference<List<Map<String, Object>>>() {
			});
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("stored operations are not a JSON list: " + ex.getMessage(), ex);
		}
		List<Operation> operations = new ArrayList<>();
		for (Map<String, Object> item : items) {
			Object op = item.get("op");
			Object orgs = item.get("orgs");
			List<String> orgIds = new ArrayList<>();
			if (orgs instanceof List<?> list) {
				list.forEach((o) -> orgIds.add(String.valueOf(o)));
			}
			List<String> unitIds = new ArrayList<>();
			if (item.get("units") instanceof List<?> list) {
				list.forEach((u) -> unitIds.add(String.valueOf(u)));
			}
			operations.add(new Operation((op != null) ? Operation.Op.valueOf(op.toString()) : null, text(item, "org"),
					orgIds, text(item, "member"), text(item, "target"), text(item, "kind"), text(item, "name"),
					unitIds));
		}
		return operations;
	}

	/** What each step did, as a JSON list of lists of lines. */
	public static String writeSteps(List<List<String>> steps) {
		return MAPPER.writeValueAsString(steps);
	}

	/** Steps written by {@link #writeSteps}; an empty list for {@code null} (nothing kept). */
	public static List<List<String>> readSteps(String json) {
		if (json == null) {
			return List.of();
		}
		return MAPPER.readValue(json, new TypeReference<List<List<String>>>() {
		});
	}

	private static String text(Map<String, Object> item, String key) {
		Object value = item.get(key);
		return (value != null) ? value.toString() : null;
	}

	private static void putIfPresent(Map<String, Object> item, String key, Object value) {
		if (value != null) {
			item.put(key, value);
		}
	}

}
