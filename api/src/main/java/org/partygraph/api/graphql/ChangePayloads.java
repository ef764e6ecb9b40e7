package org.partygraph.api.graphql;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.partygraph.api.graphql.ChangeController.ChangeError;
import org.partygraph.model.ProblemsException;

/**
 * The shape every change mutation's payload shares: the change made, answered as its payload with
 * no errors, or, when the change is refused ({@link ProblemsException}, nothing written), the payload
 * with no result and each problem as one of its errors ({@link ChangeError#of(ProblemsException)}).
 */
final class ChangePayloads {

	private ChangePayloads() {
	}

	/**
	 * Makes the change and answers its payload.
	 * @param change makes the change and builds the payload of its result
	 * @param refused the payload of a refused change, from its errors
	 */
	static <P> P answer(Supplier<P> change, Function<List<ChangeError>, P> refused) {
		try {
			return change.get();
		}
		catch (ProblemsException ex) {
			return refused.apply(ChangeError.of(ex));
		}
	}

}
