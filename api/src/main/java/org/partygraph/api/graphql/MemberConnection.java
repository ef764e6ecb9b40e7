package org.partygraph.api.graphql;

import java.util.List;
import java.util.function.Function;

import org.partygraph.queries.history.PastObject;
import org.partygraph.queries.read.Compiled;
import org.partygraph.queries.read.MemberPage;
import org.partygraph.queries.read.MemberPageAnswer;
import org.partygraph.queries.read.MemberRow;

/**
 * The members connection of an org, with cursors on member ids: one construction for the
 * resolvers' pages ({@link MemberPage}) and the read compiler's ({@link MemberPageAnswer}).
 */
final class MemberConnection {

	private MemberConnection() {
	}

	static Connection<MemberRow> of(MemberPage page) {
		return of(page.members(), MemberRow::id, page.totalCount(), page.hasNextPage());
	}

	/** A compiled page: each node a {@link Compiled} whose row is a {@link MemberRow}. */
	static Connection<Compiled> of(MemberPageAnswer page) {
		return of(page.members(), (member) -> ((MemberRow) member.row()).id(), page.totalCount(), page.hasNextPage());
	}

	/** A past read's page ({@code asOf}): each node a {@link PastObject} whose row is a {@link MemberRow}. */
	static Connection<PastObject> ofPast(List<PastObject> members, int totalCount, boolean hasNextPage) {
		return of(members, (member) -> ((MemberRow) member.row()).id(), totalCount, hasNextPage);
	}

	private static <T> Connection<T> of(List<T> members, Function<T, String> id, int totalCount, boolean hasNextPage) {
		List<Connection.Edge<T>> edges = members.stream()
			.map((m) -> new Connection.Edge<>(Cursors.encode(id.apply(m)), m))
			.toList();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Connection<>(totalCount, edges, new Connection.PageInfo(hasNextPage, end));
	}

}
