package org.partygraph.api.graphql;

import java.util.List;

import org.partygraph.api.text.BadArgumentException;
import org.partygraph.queries.read.DuePage;
import org.partygraph.queries.text.Text;

/**
 * The paging arguments of the due lists ({@code candidatesDue}, {@code probationsDue},
 * {@code termsDue}): {@code first}, 1 to {@value #MAX_FIRST}, default {@value #DEFAULT_FIRST}, and
 * {@code after}, the id of the last item of the page before (a keyset cursor on the list's order:
 * soonest first, then by id). Out of range, or an {@code after} that is not an item of the list, is
 * a BAD_REQUEST naming the argument.
 */
final class DueLists {

	static final int DEFAULT_FIRST = 100;

	static final int MAX_FIRST = 1000;

	private DueLists() {
	}

	/** The page size asked for, checked. */
	static int first(Integer first) {
		int size = (first != null) ? first : DEFAULT_FIRST;
		if (size < 1 || size > MAX_FIRST) {
			throw new BadArgumentException(Text.of("refusal.firstOutOfRange", String.valueOf(size), "1", String.valueOf(MAX_FIRST)));
		}
		return size;
	}

	/** The page's items; an unknown {@code after} refused. */
	static <T> List<T> items(DuePage<T> page, String after) {
		if (!page.afterKnown()) {
			throw new BadArgumentException(Text.of("refusal.afterNotInList", after));
		}
		return page.items();
	}

}
