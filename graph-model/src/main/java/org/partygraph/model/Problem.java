package org.partygraph.model;

/**
 * One thing wrong with a dataset or a change: which item, which field, and what is wrong.
 *
 * @param item the item's id, or its position such as {@code orgs[3]} when it has no usable id;
 * {@code (dataset)} for the top level
 * @param field the field at fault, e.g. {@code parent} or {@code roles[0].org}
 * @param message what is wrong, in plain words
 */
public record Problem(String item, String field, String message) {

	/** The item name used for problems with the top level of a file. */
	public static final String DATASET = "(dataset)";

	@Override
	public String toString() {
		return this.item + " " + this.field + ": " + this.message;
	}

}
