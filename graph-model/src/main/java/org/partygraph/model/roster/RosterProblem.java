package org.partygraph.model.roster;

/**
 * One thing wrong with a roster file, where a spreadsheet user finds it.
 *
 * @param row the row as the spreadsheet shows it: the header row is 1, the first member 2
 * @param column the file's own header text of the column at fault (the field's simplified header
 * when the column is missing)
 * @param field the field the column holds ({@link RosterField} name), or {@code null} for a
 * column that is no field
 * @param message what is wrong, in plain words
 */
public record RosterProblem(int row, String column, String field, String message) {

	@Override
	public String toString() {
		return "row " + this.row + ", column " + this.column + ((this.field != null) ? " (" + this.field + ")" : "")
				+ ": " + this.message;
	}

}
