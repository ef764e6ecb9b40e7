package org.partygraph.api.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.partygraph.api.text.Said;
import org.partygraph.model.WordedArgumentException;
import org.partygraph.model.roster.RosterCsv;
import org.partygraph.model.roster.RosterSheet;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

/**
 * A roster file's bytes read into a {@link RosterSheet}: CSV (UTF-8 text) or XLSX (Apache POI; the
 * first sheet, header in row 1, dates of date-formatted cells as yyyy-mm-dd, numbers without a
 * fraction as plain digits). What is neither is refused with {@link NotASpreadsheet}, naming why.
 */
public final class RosterFiles {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private RosterFiles() {
	}

	/** How a file without a name of its own is named in messages ({@code roster.file.theFile}). */
	public static final String THE_FILE = "the file";

	/**
	 * The file is no roster this service reads (not CSV text, not an XLSX workbook, empty, too
	 * large); the message in English, and as a text of the bundles ({@link #text()}).
	 */
	public static final class NotASpreadsheet extends RuntimeException implements Said {

		private final boolean tooLarge;

		private final transient Text text;

		NotASpreadsheet(Text text, boolean tooLarge) {
			super(Messages.bundled().say(text, Lang.EN));
			this.text = text;
			this.tooLarge = tooLarge;
		}

		@Override
		public Text text() {
			return this.text;
		}

		public boolean tooLarge() {
			return this.tooLarge;
		}

	}

	/** A file's name in messages: {@link #THE_FILE} in the language, any other as it is. */
	static Text named(String name) {
		return THE_FILE.equals(name) ? Text.of("roster.file.theFile") : Text.plain(name);
	}

	/** XLSX when the bytes are a zip (an .xlsx is one), else CSV. */
	public static RosterFormat sniff(byte[] bytes) {
		return startsWith(bytes, ZIP) ? RosterFormat.XLSX : RosterFormat.CSV;
	}

	/** Refuses a file over the cap, naming its size and the setting. */
	public static void checkSize(String name, long size, long maxBytes) {
		if (size > maxBytes) {
			throw new NotASpreadsheet(Text.of("roster.file.tooLarge", named(name), size, maxBytes), true);
		}
	}

	/**
	 * Reads a roster.
	 * @param name how the file is named in messages
	 */
	public static RosterSheet read(String name, byte[] bytes, RosterFormat format, Map<String, String> mapping,
			boolean orgGiven) {
		if (bytes.length == 0) {
			throw new NotASpreadsheet(Text.of("roster.file.empty", named(name)), false);
		}
		List<List<String>> rows = (format == RosterFormat.XLSX) ? xlsx(name, bytes) : csv(name, bytes);
		if (rows.isEmpty() || rows.get(0).stream().allMatch((c) -> c == null || c.isBlank())) {
			throw new NotASpreadsheet(Text.of("roster.file.noHeader", named(name)), false);
		}
		return RosterSheet.read(rows.get(0), rows.subList(1, rows.size()), mapping, orgGiven);
	}

	private static List<List<String>> csv(String name, byte[] bytes) {
		if (startsWith(bytes, ZIP)) {
			throw new NotASpreadsheet(Text.of("roster.file.zipNotCsv", named(name)), false);
		}
		if (startsWith(bytes, OLE2)) {
			throw new NotASpreadsheet(Text.of("roster.file.ole2", named(name)), false);
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new NotASpreadsheet(Text.of("roster.file.notUtf8", named(name)), false);
		}
		if (text.indexOf('\0') >= 0) {
			throw new NotASpreadsheet(Text.of("roster.file.nul", named(name)), false);
		}
		try {
			return RosterCsv.rows(text);
		}
		catch (WordedArgumentException ex) {
			throw new NotASpreadsheet(Text.of("roster.file.badCsv", named(name), Text.of(ex.wording())), false);
		}
	}

	private static List<List<String>> xlsx(String name, byte[] bytes) {
		if (!startsWith(bytes, ZIP)) {
			throw new NotASpreadsheet(Text.of("roster.file.notXlsx", named(name),
					startsWith(bytes, OLE2) ? Text.of("roster.file.notXlsx.xls") : Text.plain("")), false);
		}
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			if (book.getNumberOfSheets() == 0) {
				throw new NotASpreadsheet(Text.of("roster.file.noSheet", named(name)), false);
			}
			Sheet sheet = book.getSheetAt(0);
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < row.getLastCellNum(); c++) {
						cells.add(text(row.getCell(c)));
					}
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof NotASpreadsheet n) {
				throw n;
			}
			throw new NotASpreadsheet(Text.of("roster.file.unreadableXlsx", named(name), ex.getMessage()), false);
		}
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return null;
		}
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> DateUtil.isCellDateFormatted(cell)
					? cell.getLocalDateTimeCellValue().toLocalDate().toString()
					: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> null;
		};
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
