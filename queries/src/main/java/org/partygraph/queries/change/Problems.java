package org.partygraph.queries.change;

import java.util.ArrayList;
import java.util.List;

import org.partygraph.model.Problem;

/** Collects what is wrong with one change, so that the caller hears of every problem at once. */
final class Problems {

	/** The item name of a problem whose id was not given. */
	static final String NO_ID = "(no id)";

	private final List<Problem> found = new ArrayList<>();

	void add(String item, String field, String message) {
		this.found.add(new Problem(item, field, message));
	}

	/** Throws when anything was found; the caller then writes nothing. */
	void rejectIfAny() {
		if (!this.found.isEmpty()) {
			throw new ChangeRejectedException(this.found);
		}
	}

	/** The item name for an id as given. */
	static String item(String id) {
		return isBlank(id) ? NO_ID : id;
	}

	static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
