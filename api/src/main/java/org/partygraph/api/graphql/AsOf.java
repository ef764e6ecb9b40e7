package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.function.Predicate;

import org.partygraph.api.security.Scope;
import org.partygraph.api.text.BadArgumentException;
import org.partygraph.queries.history.PastStructure;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.write.EventDates;

/**
 * The {@code asOf} argument of the reads that take it: a day from 1921-07-01 to today (in
 * {@code party-graph.time.zone}); anything else is refused naming {@code asOf}. What a scoped
 * caller may not see today is hidden from a past read too.
 */
final class AsOf {

	private AsOf() {
	}

	/** The day, checked; {@code null} when the argument was not given (today's read). */
	static LocalDate check(LocalDate asOf, EventDates dates) {
		if (asOf == null) {
			return null;
		}
		if (asOf.isBefore(PastStructure.EARLIEST)) {
			throw new BadArgumentException(Text.of("refusal.asOfTooEarly", asOf, PastStructure.EARLIEST));
		}
		LocalDate today = dates.today();
		if (asOf.isAfter(today)) {
			throw new BadArgumentException(Text.of("refusal.asOfFuture", asOf, today));
		}
		return asOf;
	}

	/** The orgs of today's graph the caller may not see; {@code null} when they see everything. */
	static Predicate<String> hidden(Scope scope) {
		if (scope.root() == null) {
			return null;
		}
		Scope.View view = scope.view();
		return (id) -> !view.org(id);
	}

}
