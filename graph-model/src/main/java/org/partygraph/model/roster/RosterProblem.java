package org.partygraph.model.roster;

import java.util.Objects;

import org.partygraph.model.Wording;

/**
 * One thing wrong with a roster file, where a spreadsheet user finds it. Problems are equal when
 * their row, column, field and message are: the wording is the same message, ready to be said in
 * another language.
 *
 * @param row the row as the spreadsheet shows it: the header row is 1, the first member 2
 * @param column the file's own header text of the column at fault (the field's simplified header
 * when the column is missing)
 * @param field the field the column holds ({@link RosterField} name), or {@code null} for a
 * column that is no field
 * @param message what is wrong, in plain words (English)
 * @param wording the message as a key of the message bundles and its arguments; {@code null} when
 * it is said in English only
 */
public record RosterProblem(int row, String column, String field, String message, Wording wording) {

	/** A problem said in English only. */
	public RosterProblem(int row, String column, String field, String message) {
		this(row, column, field, message, null);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RosterProblem p && this.row == p.row && Objects.equals(this.column, p.column)
				&& Objects.equals(this.field, p.field) && Objects.equals(this.message, p.message);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.row, this.column, this.field, this.message);
	}

	@Override
	public String toString() {
		return "row " + this.row + ", column " + this.column + ((this.field != null) ? " (" + this.field + ")" : "")
				+ ": " + this.message;
	}

}
