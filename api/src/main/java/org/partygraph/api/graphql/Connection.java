package org.partygraph.api.graphql;

import java.util.ArrayList;
import java.util.List;

import org.partygraph.queries.read.Page;

/** A Relay connection over a sorted page (orgs, members, units). */
public record Connection<T>(int totalCount, List<Edge<T>> edges, PageInfo pageInfo) {

	static <T> Connection<T> of(Page<T> page) {
		List<Edge<T>> edges = new ArrayList<>();
		for (int i = 0; i < page.items().size(); i++) {
			edges.add(new Edge<>(Cursors.offset(page.offset() + i), page.items().get(i)));
		}
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Connection<>(page.totalCount(), edges, new PageInfo(page.hasNextPage(), end));
	}

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, String endCursor) {
	}

}
