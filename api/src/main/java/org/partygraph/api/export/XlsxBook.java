package org.partygraph.api.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook written as it goes (Apache POI's SXSSF): at most {@link #WINDOW} rows of a sheet are
 * in memory, older ones are flushed to a compressed temporary file, deleted when the book is
 * closed. Each sheet has a bold header row, frozen, and set column widths; dates are Excel dates
 * ({@code yyyy-mm-dd}), numbers numbers, everything else text (never a formula).
 */
public final class XlsxBook implements AutoCloseable {

	/** Rows of a sheet kept in memory. */
	public static final int WINDOW = 100;

	/** Excel's limit of rows in one sheet (header included). */
	public static final int MAX_ROWS = 1_048_576;

	private static final int MAX_CELL = 32_767;

	private final SXSSFWorkbook workbook;

	/** Rows a sheet takes, header included, before the rows go on in a continuation sheet. */
	private final int maxRows;

	private final CellStyle header;

	private final CellStyle date;

	private final CellStyle dateTime;

	public XlsxBook() {
		this(WINDOW);
	}

	XlsxBook(int window) {
		this(window, MAX_ROWS);
	}

	XlsxBook(int window, int maxRows) {
		this.maxRows = maxRows;
		this.workbook = new SXSSFWorkbook(null, window, true, false);
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		this.header = this.workbook.createCellStyle();
		this.header.setFont(bold);
		this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.date = this.workbook.createCellStyle();
		this.date.setDataFormat(this.workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		this.dateTime = this.workbook.createCellStyle();
		this.dateTime.setDataFormat(this.workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
	}

	/**
	 * A new sheet with its header row written and frozen. Rows past Excel's limit of a sheet go on
	 * in continuation sheets {@code name (2)}, {@code name (3)}, … with the same header, so a list of
	 * any length (a province's 2 million members) arrives whole.
	 */
	public Sheet sheet(String name, List<Column> columns, Zh zh) {
		return new Sheet(name, columns, zh);
	}

	private SXSSFSheet newSheet(String name, List<Column> columns, Zh zh) {
		SXSSFSheet sheet = this.workbook.createSheet(name);
		for (int i = 0; i < columns.size(); i++) {
			sheet.setColumnWidth(i, Math.min(255, columns.get(i).width() + 2) * 256);
		}
		Row row = sheet.createRow(0);
		for (int i = 0; i < columns.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(columns.get(i).heading(zh));
			cell.setCellStyle(this.header);
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	/** Writes the whole book to {@code out} (not closing it). */
	public void write(OutputStream out) throws IOException {
		this.workbook.write(out);
	}

	/** Rows of all sheets flushed to temporary files so far (for tests). */
	long flushedRows() {
		long flushed = 0;
		for (int i = 0; i < this.workbook.getNumberOfSheets(); i++) {
			flushed += this.workbook.getSheetAt(i).getLastFlushedRowNum() + 1;
		}
		return flushed;
	}

	@Override
	public void close() throws IOException {
		try {
			this.workbook.dispose();
		}
		finally {
			this.workbook.close();
		}
	}

	/** One sheet (and its continuations), written top down. */
	public final class Sheet {

		private final String name;

		private final List<Column> columns;

		private final Zh zh;

		private SXSSFSheet sheet;

		private int parts = 1;

		private int next = 1;

		private long rows;

		Sheet(String name, List<Column> columns, Zh zh) {
			this.name = name;
			this.columns = columns;
			this.zh = zh;
			this.sheet = newSheet(name, columns, zh);
		}

		/** Rows written so far over the sheet and its continuations, headers not counted. */
		public long rows() {
			return this.rows;
		}

		/**
		 * The next row: {@code null} an empty cell, a {@link Number} a number, a {@link LocalDate} a
		 * date, an {@link java.time.Instant} a date and time in UTC, anything else its text. Past
		 * Excel's limit of rows in a sheet, it begins the next continuation sheet.
		 */
		public void row(Object... values) {
			if (this.next >= XlsxBook.this.maxRows) {
				this.parts++;
				String suffix = " (" + this.parts + ")";
				// Excel's sheet names hold at most 31 characters
				String base = this.name.substring(0, Math.min(this.name.length(), 31 - suffix.length()));
				this.sheet = newSheet(base + suffix, this.columns, this.zh);
				this.next = 1;
			}
			this.rows++;
			Row row = this.sheet.createRow(this.next++);
			for (int i = 0; i < values.length; i++) {
				Object value = values[i];
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(i);
				if (value instanceof Number number) {
					cell.setCellValue(number.doubleValue());
				}
				else if (value instanceof LocalDate day) {
					cell.setCellValue(day);
					cell.setCellStyle(XlsxBook.this.date);
				}
				else if (value instanceof Instant at) {
					cell.setCellValue(at.atOffset(ZoneOffset.UTC).toLocalDateTime());
					cell.setCellStyle(XlsxBook.this.dateTime);
				}
				else {
					String text = value.toString();
					cell.setCellValue((text.length() > MAX_CELL) ? text.substring(0, MAX_CELL) : text);
				}
			}
		}

	}

}
