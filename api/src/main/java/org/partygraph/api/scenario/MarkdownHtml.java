package org.partygraph.api.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown to HTML for the subset what-if reports are written in: ATX headings, numbered and
 * bullet lists, pipe tables (with {@code ---:} right alignment and {@code \|} inside cells) and
 * paragraphs. Everything else is text, and all text is escaped: no HTML of the input survives.
 */
final class MarkdownHtml {

	private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.*?)\\s*#*\\s*");

	private static final Pattern NUMBERED = Pattern.compile("(\\d{1,9})[.)]\\s+(.*)");

	private static final Pattern BULLET = Pattern.compile("[-*+]\\s+(.*)");

	private static final Pattern SEPARATOR = Pattern.compile("\\|?\\s*:?-{1,}:?\\s*(\\|\\s*:?-{1,}:?\\s*)*\\|?");

	private MarkdownHtml() {
	}

	/**
	 * @param markdown the text
	 * @param headingShift added to every heading's level (at most h6), to fit the page's own outline
	 */
	static String render(String markdown, int headingShift) {
		String[] lines = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		StringBuilder html = new StringBuilder();
		int i = 0;
		while (i < lines.length) {
			String line = lines[i];
			if (line.isBlank()) {
				i++;
				continue;
			}
			String trimmed = line.strip();
			Matcher heading = HEADING.matcher(trimmed);
			if (heading.matches()) {
				int level = Math.min(6, heading.group(1).length() + headingShift);
				html.append("<h").append(level).append('>').append(escape(heading.group(2))).append("</h")
					.append(level).append(">\n");
				i++;
			}
			else if (isTableRow(trimmed) && i + 1 < lines.length && SEPARATOR.matcher(lines[i + 1].strip()).matches()) {
				i = table(lines, i, html);
			}
			else if (NUMBERED.matcher(trimmed).matches()) {
				Matcher first = NUMBERED.matcher(trimmed);
				first.matches();
				long start = Long.parseLong(first.group(1));
				html.append((start == 1) ? "<ol>\n" : "<ol start=\"" + start + "\">\n");
				while (i < lines.length) {
					Matcher item = NUMBERED.matcher(lines[i].strip());
					if (!item.matches()) {
						break;
					}
					html.append("<li>").append(escape(item.group(2))).append("</li>\n");
					i++;
				}
				html.append("</ol>\n");
			}
			else if (BULLET.matcher(trimmed).matches()) {
				html.append("<ul>\n");
				while (i < lines.length) {
					Matcher item = BULLET.matcher(lines[i].strip());
					if (!item.matches()) {
						break;
					}
					html.append("<li>").append(escape(item.group(1))).append("</li>\n");
					i++;
				}
				html.append("</ul>\n");
			}
			else {
				List<String> paragraph = new ArrayList<>();
				while (i < lines.length && !lines[i].isBlank() && !startsBlock(lines, i)) {
					paragraph.add(escape(lines[i].strip()));
					i++;
				}
				html.append("<p>").append(String.join("\n", paragraph)).append("</p>\n");
			}
		}
		return html.toString();
	}

	private static boolean startsBlock(String[] lines, int i) {
		String trimmed = lines[i].strip();
		return HEADING.matcher(trimmed).matches() || NUMBERED.matcher(trimmed).matches()
				|| BULLET.matcher(trimmed).matches() || (isTableRow(trimmed) && i + 1 < lines.length
						&& SEPARATOR.matcher(lines[i + 1].strip()).matches());
	}

	private static int table(String[] lines, int start, StringBuilder html) {
		List<String> header = cells(lines[start].strip());
		List<String> aligns = new ArrayList<>();
		for (String spec : cells(lines[start + 1].strip())) {
			aligns.add(spec.endsWith(":") ? (spec.startsWith(":") ? "center" : "right") : null);
		}
		html.append("<table>\n<thead><tr>");
		for (int c = 0; c < header.size(); c++) {
			html.append(cell("th", header.get(c), align(aligns, c)));
		}
		html.append("</tr></thead>\n<tbody>\n");
		int i = start + 2;
		while (i < lines.length && isTableRow(lines[i].strip())) {
			List<String> row = cells(lines[i].strip());
			html.append("<tr>");
			for (int c = 0; c < header.size(); c++) {
				html.append(cell("td", (c < row.size()) ? row.get(c) : "", align(aligns, c)));
			}
			html.append("</tr>\n");
			i++;
		}
		html.append("</tbody>\n</table>\n");
		return i;
	}

	private static String align(List<String> aligns, int c) {
		return (c < aligns.size()) ? aligns.get(c) : null;
	}

	private static String cell(String tag, String text, String align) {
		return "<" + tag + ((align != null) ? " class=\"" + align + "\"" : "") + ">" + escape(text) + "</" + tag + ">";
	}

	private static boolean isTableRow(String trimmed) {
		return trimmed.startsWith("|") && trimmed.length() > 1;
	}

	/** Cells of a pipe-table row: split on pipes that are not escaped, {@code \|} read as a pipe. */
	static List<String> cells(String row) {
		String inner = row;
		if (inner.startsWith("|")) {
			inner = inner.substring(1);
		}
		if (inner.endsWith("|") && !inner.endsWith("\\|")) {
			inner = inner.substring(0, inner.length() - 1);
		}
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		for (int i = 0; i < inner.length(); i++) {
			char ch = inner.charAt(i);
			if (ch == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
				cell.append('|');
				i++;
			}
			else if (ch == '|') {
				cells.add(cell.toString().strip());
				cell.setLength(0);
			}
			else {
				cell.append(ch);
			}
		}
		cells.add(cell.toString().strip());
		return cells;
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			switch (ch) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(ch);
			}
		}
		return out.toString();
	}

}
