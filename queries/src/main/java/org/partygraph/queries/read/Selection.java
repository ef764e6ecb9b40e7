package org.partygraph.queries.read;

import java.util.List;
import java.util.Map;

/**
 * One field a GraphQL query asks for, as the compiler sees it: where its answer goes ({@code key},
 * the alias or the field name), the field, its argument values, and what it asks of the answer.
 * The API turns each query's selection set into these; nothing here knows GraphQL.
 */
public record Selection(String key, String field, Map<String, Object> arguments, List<Selection> selections) {

	public Selection {
		// argument values may be null (an omitted cursor), which Map.copyOf refuses
		arguments = (arguments != null) ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments))
				: Map.of();
		selections = (selections != null) ? List.copyOf(selections) : List.of();
	}

	/** A field without arguments or sub-selections (a scalar). */
	public static Selection scalar(String field) {
		return new Selection(field, field, Map.of(), List.of());
	}

	/** The argument's value, or {@code null}. */
	public Object argument(String name) {
		return this.arguments.get(name);
	}

}
