package org.partygraph.api.graphql;

import org.partygraph.queries.read.Sort;

/** The {@code sort} argument of the list queries; by name ascending when absent. */
public record SortInput(Sort.Field field, Boolean descending) {

	static Sort of(SortInput input) {
		if (input == null) {
			return Sort.BY_NAME;
		}
		return new Sort(input.field(), Boolean.TRUE.equals(input.descending()));
	}

}
