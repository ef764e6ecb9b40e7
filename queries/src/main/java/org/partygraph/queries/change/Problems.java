package org.partygraph.queries.change;

import java.util.ArrayList;
import java.util.List;

import org.partygraph.model.Problem;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

/** Collects what is wrong with one change, so that the caller hears of every problem at once. */
final class Problems {

	/** The item name of a problem whose id was not given. */
	static final String NO_ID = "(no id)";

	private final List<Problem> found = new ArrayList<>();

	/** Each problem's message as a text of the bundles; null for one said in English only. */
	private final List<Text> texts = new ArrayList<>();

	void add(String item, String field, String message) {
		this.found.add(new Problem(item, field, message));
		this.texts.add(null);
	}

	/** A problem whose message is a text of the bundles: in English here, in any language to the caller. */
	void add(String item, String field, Text message) {
		this.found.add(new Problem(item, field, Messages.bundled().say(message, Lang.EN)));
		this.texts.add(message);
	}

	/** Throws when anything was found; the caller then writes nothing. */
	void rejectIfAny() {
		if (!this.found.isEmpty()) {
			throw new ChangeRejectedException(this.found, this.texts);
		}
	}

	/** The refusal of one problem whose message is a text of the bundles. */
	static ChangeRejectedException one(String item, String field, Text message) {
		Problems problems = new Problems();
		problems.add(item, field, message);
		return new ChangeRejectedException(problems.found, problems.texts);
	}

	/** The item name for an id as given. */
	static String item(String id) {
		return isBlank(id) ? NO_ID : id;
	}

	static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
