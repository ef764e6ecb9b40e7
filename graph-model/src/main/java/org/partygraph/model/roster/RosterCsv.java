package org.partygraph.model.roster;

import java.util.ArrayList;
import java.util.List;

import org.partygraph.model.WordedArgumentException;

/**
 * CSV text (RFC 4180: commas, double quotes, quotes doubled inside, CRLF or LF) as rows of cells; a
 * leading byte order mark is dropped, and a file whose header row has tabs but no commas is read as
 * tab-separated (what spreadsheets copy).
 */
public final class RosterCsv {

	private RosterCsv() {
	}

	/**
	 * The rows of the text, the header row first.
	 * @throws WordedArgumentException when a quoted cell is not closed (naming its row)
	 */
	public static List<List<String>> rows(String text) {
		String t = (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
		int firstLineEnd = t.indexOf('\n');
		String firstLine = (firstLineEnd >= 0) ? t.substring(0, firstLineEnd) : t;
		char separator = (firstLine.indexOf(',') < 0 && firstLine.indexOf('\t') >= 0) ? '\t' : ',';
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int quoteLine = 0;
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
			}
			else if (c == '"' && cell.toString().isBlank()) {
				cell.setLength(0);
				quoted = true;
				quoteLine = line;
			}
			else if (c == separator) {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
				// the \n ends the row
			}
			else if (c == '\n' || c == '\r') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				line++;
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new WordedArgumentException("row " + quoteLine + ": a quoted cell is not closed", "roster.csv.unclosed",
					quoteLine);
		}
		if (cell.length() > 0 || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

}
