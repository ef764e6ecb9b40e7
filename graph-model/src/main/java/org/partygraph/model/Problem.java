package org.partygraph.model;

import java.util.Objects;

/**
 * One thing wrong with a dataset or a change: which item, which field, and what is wrong.
 * Problems are equal when their item, field and message are: the wording is the same message,
 * ready to be said in another language.
 *
 * @param item the item's id, or its position such as {@code orgs[3]} when it has no usable id;
 * {@code (dataset)} for the top level
 * @param field the field at fault, e.g. {@code parent} or {@code roles[0].org}
 * @param message what is wrong, in plain words (English)
 * @param wording the message as a key of the message bundles and its arguments; {@code null} when
 * it is said in English only
 */
public record Problem(String item, String field, String message, Wording wording) {

	/** The item name used for problems with the top level of a file. */
	public static final String DATASET = "(dataset)";

	/** A problem said in English only. */
	public Problem(String item, String field, String message) {
		this(item, field, message, null);
	}

	/** A problem whose English message is also a wording of the bundles ({@code key}, {@code args}). */
	public static Problem of(String item, String field, String message, String key, Object... args) {
		return new Problem(item, field, message, Wording.of(key, args));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Problem p && Objects.equals(this.item, p.item) && Objects.equals(this.field, p.field)
				&& Objects.equals(this.message, p.message);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.item, this.field, this.message);
	}

	@Override
	public String toString() {
		return this.item + " " + this.field + ": " + this.message;
	}

}
