package org.partygraph.queries.text;

import java.util.List;
import java.util.Locale;

/**
 * The language of the texts a request gets (docs/contract.md section 7): English, simplified or
 * traditional Chinese. The one resolver of {@code Accept-Language} for everything the service says
 * (rule statements, refusals, reports, pages, spreadsheets): its language ranges in order of weight,
 * the first English or Chinese one decides; {@code zh-TW}, {@code zh-HK}, {@code zh-MO} and
 * {@code zh-Hant} are traditional, any other {@code zh} simplified; none (or a malformed header) is
 * English. Codes, keys and ids never change with the language.
 */
public enum Lang {

	/** English (the bundles' base file). */
	EN(Locale.ROOT),
	/** Simplified Chinese (简体), {@code messages_zh_CN}. */
	ZH_HANS(Locale.SIMPLIFIED_CHINESE),
	/** Traditional Chinese (繁體), {@code messages_zh_TW}. */
	ZH_HANT(Locale.TRADITIONAL_CHINESE);

	private final Locale locale;

	Lang(Locale locale) {
		this.locale = locale;
	}

	/** The locale whose bundle holds this language's texts. */
	public Locale locale() {
		return this.locale;
	}

	/** Whether this is one of the two Chinese scripts. */
	public boolean isChinese() {
		return this != EN;
	}

	/** The language an {@code Accept-Language} header asks for; English when it names neither. */
	public static Lang of(String acceptLanguage) {
		for (Locale.LanguageRange range : ranges(acceptLanguage)) {
			String tag = range.getRange();
			if (isChinese(tag)) {
				return chinese(tag);
			}
			if (tag.equals("en") || tag.startsWith("en-")) {
				return EN;
			}
		}
		return EN;
	}

	/**
	 * The Chinese script an {@code Accept-Language} header asks for, for texts that are always in
	 * Chinese (the spreadsheets' headings): the first Chinese range in order of weight decides;
	 * simplified when it names none.
	 */
	public static Lang chineseOf(String acceptLanguage) {
		for (Locale.LanguageRange range : ranges(acceptLanguage)) {
			if (isChinese(range.getRange())) {
				return chinese(range.getRange());
			}
		}
		return ZH_HANS;
	}

	/** The script of one Chinese locale: traditional for Hant, TW, HK and MO, else simplified. */
	public static Lang chinese(Locale locale) {
		String script = locale.getScript();
		if ("Hant".equalsIgnoreCase(script)) {
			return ZH_HANT;
		}
		if ("Hans".equalsIgnoreCase(script)) {
			return ZH_HANS;
		}
		return switch (locale.getCountry()) {
			case "TW", "HK", "MO" -> ZH_HANT;
			default -> ZH_HANS;
		};
	}

	private static Lang chinese(String tag) {
		return chinese(Locale.forLanguageTag(tag));
	}

	private static boolean isChinese(String tag) {
		return tag.equals("zh") || tag.startsWith("zh-");
	}

	// Highest weight first (LanguageRange.parse sorts by weight, keeping the header's order among equals).
	private static List<Locale.LanguageRange> ranges(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return List.of();
		}
		try {
			return Locale.LanguageRange.parse(acceptLanguage.toLowerCase(Locale.ROOT))
				.stream()
				.filter((r) -> r.getWeight() > 0)
				.toList();
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

}
