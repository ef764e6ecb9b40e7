package org.partygraph.api.graphql;

import java.util.List;

import org.partygraph.queries.read.MemberPage;
import org.partygraph.queries.read.MemberRow;

/** The members connection of an org, with cursors on member ids. */
final class MemberConnection {

	private MemberConnection() {
	}

	static Connection<MemberRow> of(MemberPage page) {
		List<Connection.Edge<MemberRow>> edges = page.members()
			.stream()
			.map((m) -> new Connection.Edge<>(Cursors.encode(m.id()), m))
			.toList();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Connection<>(page.totalCount(), edges, new Connection.PageInfo(page.hasNextPage(), end));
	}

}
