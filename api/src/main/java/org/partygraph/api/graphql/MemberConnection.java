package org.partygraph.api.graphql;

import java.util.List;

import org.partygraph.queries.read.MemberPage;
import org.partygraph.queries.read.MemberRow;

/** A Relay connection over members. */
public record MemberConnection(int totalCount, List<Edge> edges, PageInfo pageInfo) {

	static MemberConnection of(MemberPage page) {
		List<Edge> edges = page.members().stream().map((m) -> new Edge(Cursors.encode(m.id()), m)).toList();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new MemberConnection(page.totalCount(), edges, new PageInfo(page.hasNextPage(), end));
	}

	public record Edge(String cursor, MemberRow node) {
	}

	public record PageInfo(boolean hasNextPage, String endCursor) {
	}

}
