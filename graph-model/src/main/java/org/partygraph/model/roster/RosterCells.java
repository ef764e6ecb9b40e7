package org.partygraph.model.roster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partygraph.model.Gender;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.NameKeys;
import org.partygraph.model.Trade;
import org.partygraph.model.WordedArgumentException;

/**
 * Reading one cell of a roster. Each method takes the trimmed, non-blank text of a cell and
 * answers the value, or throws {@link WordedArgumentException} whose message says what is wrong (in
 * English, and as a wording of the bundles, {@code roster.cell.*}).
 */
public final class RosterCells {

	// yyyy-m-d, yyyy/m/d, yyyy.m.d, yyyy年m月d日 (the 日 optional)
	private static final Pattern DATE = Pattern
		.compile("(\\d{4})\\s*(?:-|/|\\.|年)\\s*(\\d{1,2})\\s*(?:-|/|\\.|月)\\s*(\\d{1,2})\\s*日?");

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(?:\\.0+)?");

	/** Excel's day 0 (the serial numbers of the 1900 date system, after its 1900-02-29). */
	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private RosterCells() {
	}

	/**
	 * A date as yyyy-mm-dd, yyyy/m/d, yyyy.m.d, yyyy年m月d日, yyyymmdd, or an Excel serial number
	 * (days since 1899-12-30, up to 9999-12-31), a time after it ignored.
	 */
	public static LocalDate date(String text) {
		String t = nfkc(text);
		int space = t.indexOf('T');
		if (space > 0 && t.length() > space + 1 && Character.isDigit(t.charAt(space + 1))) {
			t = t.substring(0, space);
		}
		int blank = t.indexOf(' ');
		if (blank >= 8 && !t.contains("年")) {
			t = t.substring(0, blank);
		}
		try {
			Matcher m = DATE.matcher(t);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
			m = COMPACT.matcher(t);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
		}
		catch (DateTimeException ex) {
			throw new WordedArgumentException("'" + text + "' is no date (" + ex.getMessage() + ")",
					"roster.cell.noDateBecause", text, ex.getMessage());
		}
		if (SERIAL.matcher(t).matches()) {
			long days = (long) Double.parseDouble(t);
			if (days >= 1 && days <= 2958465) {
				return EXCEL_EPOCH.plusDays(days);
			}
		}
		throw new WordedArgumentException(
				"'" + text + "' is no date (yyyy-mm-dd, yyyy/m/d, yyyy.m.d, yyyy年m月d日 or an Excel date)",
				"roster.cell.noDate", text);
	}

	/** 男/女 (also M/F, male/female). */
	public static Gender gender(String text) {
		String t = NameKeys.fold(text);
		return switch (t) {
			case "男", "m", "male", "男性" -> Gender.M;
			case "女", "f", "female", "女性" -> Gender.F;
			default -> throw new WordedArgumentException("'" + text + "' is not 男 or 女", "roster.cell.gender", text);
		};
	}

	/** 正式党员/预备党员 in either script, 正式/预备, or FULL/PROBATIONARY. */
	public static MemberStatus status(String text) {
		String t = NameKeys.fold(text);
		return switch (t) {
			case "正式党员", "正式", "full" -> MemberStatus.FULL;
			case "预备党员", "预备", "probationary" -> MemberStatus.PROBATIONARY;
			default -> throw new WordedArgumentException("'" + text + "' is not 正式党员 or 预备党员", "roster.cell.status",
					text);
		};
	}

	/** A trade in words of either script (种植, 養殖, ...) or its code (PLANTING, ...). */
	public static Trade trade(String text) {
		String t = NameKeys.fold(text);
		for (Trade trade : Trade.values()) {
			if (trade.name().toLowerCase(Locale.ROOT).equals(t) || NameKeys.fold(trade.chineseName()).equals(t)) {
				return trade;
			}
		}
		throw new WordedArgumentException("'" + text + "' is not a trade (种植, 养殖, 加工, 运输, 商贸)", "roster.cell.trade",
				text);
	}

	/** NFKC with the ends trimmed (full-width digits and separators become plain ones). */
	private static String nfkc(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).trim();
	}

}
