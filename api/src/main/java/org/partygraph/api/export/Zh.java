package org.partygraph.api.export;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.partygraph.queries.text.Lang;

/**
 * The script of a spreadsheet's headings and labels: simplified Chinese by default, traditional
 * when the request's {@code Accept-Language} prefers {@code zh-TW}, {@code zh-HK}, {@code zh-MO} or
 * {@code zh-Hant} (the first Chinese language in order of preference decides). Data (names,
 * messages) is written as stored; codes and ids never change.
 */
public enum Zh {

	/** 简体. */
	HANS,
	/** 繁體. */
	HANT;

	/** The script the request asks for. */
	public static Zh of(HttpServletRequest request) {
		return ofHeader(request.getHeader("Accept-Language"));
	}

	/**
	 * The script an {@code Accept-Language} header asks for; simplified when it names no Chinese or
	 * is malformed. The service's one resolver decides ({@link Lang#chineseOf(String)}).
	 */
	public static Zh ofHeader(String acceptLanguage) {
		return of(Lang.chineseOf(acceptLanguage));
	}

	/** The script of one Chinese locale: traditional for Hant, TW, HK and MO, else simplified. */
	public static Zh of(Locale locale) {
		return of(Lang.chinese(locale));
	}

	/** The script of a language (English: simplified, the spreadsheets' default). */
	public static Zh of(Lang lang) {
		return (lang == Lang.ZH_HANT) ? HANT : HANS;
	}

	/** The message bundles' language of this script. */
	public Lang lang() {
		return (this == HANT) ? Lang.ZH_HANT : Lang.ZH_HANS;
	}

	/** One of the two spellings. */
	public String pick(String simplified, String traditional) {
		return (this == HANT) ? traditional : simplified;
	}

}
