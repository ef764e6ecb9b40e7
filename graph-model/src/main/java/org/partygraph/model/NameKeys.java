package org.partygraph.model;

import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;

/**
 * The keys a name is searched and sorted by, whatever the script it was written in or is typed
 * in: a pure function of the name, computed in Java on every write path and stored beside the name.
 *
 * <p>
 * The <b>search key</b> ({@link #searchKey}) holds three parts joined by {@link #SEPARATOR}, a
 * character no name and no folded query holds, so a {@code CONTAINS} never matches across parts:
 * <ol>
 * <li>the <b>folded</b> name ({@link #fold}): NFKC (full-width letters and digits become ASCII),
 * traditional characters made simplified (ICU {@code Traditional-Simplified}), lower case,
 * diacritics and white space removed: 下寨村黨支部 → 下寨村党支部;</li>
 * <li>toneless <b>pinyin</b> without spaces (ICU {@code Han-Latin}, one character at a time, tones
 * removed): 下寨村 → xiazhaicun; letters and digits that are not Han are kept, folded;</li>
 * <li>the pinyin <b>initials</b>, the first letter of each character's pinyin: 下寨村 → xzc.</li>
 * </ol>
 * A query is folded the same way ({@link #query}), so 党支部 and 黨支部 both find 黨支部 and 党支部
 * (the first part), xiazhai finds 下寨村 (the second) and xzc too (the third).
 *
 * <p>
 * The <b>sort key</b> ({@link #sortKey}) is the ICU collation key of the name for Chinese in pinyin
 * order ({@code zh@collation=pinyin}: by pinyin, tones in order, then by strokes), written as
 * lower-case hex, so that plain string order of two sort keys is the collator's order of the names.
 *
 * <p>
 * Readings are ICU's, one character at a time, but for a few characters and words of the sample
 * county's names that ICU reads otherwise ({@link #READINGS}, {@link #PHRASES}); a character with
 * several readings (多音字) gets one, so a name that reads it otherwise is found by that reading only
 * (known misses: {@code docs/graph-model.md}, "Name keys").
 */
public final class NameKeys {

	/** Between the parts of a search key: U+0001, a control character no stored name may hold. */
	public static final char SEPARATOR = '\u0001';

	/**
	 * Readings of a (simplified) character in names where ICU gives another: 地 is dì in 土地 (ICU:
	 * de, the particle), 长 cháng in 长顺, 长城 (ICU: zhǎng, as in 乡长).
	 */
	static final java.util.Map<String, String> READINGS = java.util.Map.of("地", "di", "长", "chang");

	/**
	 * Readings of two-character words (simplified) whose first or second character ICU reads
	 * otherwise in names: 行业 hángyè (ICU: xing), 银行 yínháng, 番茄 fānqié and 茄子 qiézi (ICU: jia).
	 */
	static final java.util.Map<String, String[]> PHRASES = java.util.Map.of("行业", new String[] { "hang", "ye" },
			"银行", new String[] { "yin", "hang" }, "番茄", new String[] { "fan", "qie" }, "茄子",
			new String[] { "qie", "zi" });

	private static final ConcurrentMap<Integer, String> SIMPLIFIED = new ConcurrentHashMap<>();

	private static final ConcurrentMap<Integer, String> PINYIN = new ConcurrentHashMap<>();

	private static final Transliterator TRADITIONAL_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

	private static final Transliterator HAN_LATIN = Transliterator
		.getInstance("Han-Latin; Latin-ASCII; Lower");

	private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
		RuleBasedCollator collator = (RuleBasedCollator) Collator.getInstance(new ULocale("zh@collation=pinyin"));
		collator.freeze();
		return collator;
	});

	private static final HexFormat HEX = HexFormat.of();

	private NameKeys() {
	}

	/**
	 * The search key of a name: folded name, pinyin and initials joined by {@link #SEPARATOR}.
	 * @param name a name; {@code null} gives {@code null}
	 */
	public static String searchKey(String name) {
		if (name == null) {
			return null;
		}
		String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
		// the kept characters: each code point with its folded (simplified) form
		int[] cps = new int[nfkc.length()];
		String[] simple = new String[nfkc.length()];
		int n = 0;
		for (int i = 0; i < nfkc.length();) {
			int cp = nfkc.codePointAt(i);
			i += Character.charCount(cp);
			if (!skipped(cp)) {
				cps[n] = cp;
				simple[n++] = simplified(cp);
			}
		}
		StringBuilder folded = new StringBuilder(name.length());
		StringBuilder pinyin = new StringBuilder(name.length() * 4);
		StringBuilder initials = new StringBuilder(name.length());
		for (int i = 0; i < n; i++) {
			folded.append(simple[i]);
			if (Character.UnicodeScript.of(cps[i]) == Character.UnicodeScript.HAN) {
				String[] phrase = (i + 1 < n) ? PHRASES.get(simple[i] + simple[i + 1]) : null;
				if (phrase != null) {
					for (String reading : phrase) {
						pinyin.append(reading);
						initials.append(reading.charAt(0));
					}
					folded.append(simple[++i]);
					continue;
				}
				String reading = READINGS.getOrDefault(simple[i], null);
				if (reading == null) {
					reading = pinyin(cps[i]);
				}
				pinyin.append(reading);
				initials.appendCodePoint(reading.codePointAt(0));
			}
			else if (Character.isLetterOrDigit(cps[i])) {
				pinyin.append(simple[i]);
				initials.append(simple[i]);
			}
		}
		return folded.toString() + SEPARATOR + pinyin + SEPARATOR + initials;
	}

	/**
	 * A query folded as the first part of a search key: a search key {@code CONTAINS} it when the
	 * name contains the text in either script, or its pinyin or initials contain it.
	 * @param text what was typed; {@code null} gives {@code null}
	 * @return the folded text, {@code null} when nothing is left (blank text)
	 */
	public static String query(String text) {
		if (text == null) {
			return null;
		}
		String folded = fold(text);
		return folded.isEmpty() ? null : folded;
	}

	/**
	 * A text folded: NFKC, simplified, lower case, without diacritics, white space and control
	 * characters.
	 */
	public static String fold(String text) {
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
		StringBuilder folded = new StringBuilder(nfkc.length());
		for (int i = 0; i < nfkc.length();) {
			int cp = nfkc.codePointAt(i);
			i += Character.charCount(cp);
			if (!skipped(cp)) {
				folded.append(simplified(cp));
			}
		}
		return folded.toString();
	}

	/**
	 * The sort key of a name: its collation key in Chinese pinyin order as lower-case hex.
	 * @param name a name; {@code null} gives {@code null}
	 */
	public static String sortKey(String name) {
		if (name == null) {
			return null;
		}
		byte[] bytes = COLLATOR.get().getCollationKey(name).toByteArray();
		// the key ends with a 0 byte, which orders nothing
		int length = (bytes.length > 0 && bytes[bytes.length - 1] == 0) ? bytes.length - 1 : bytes.length;
		return HEX.formatHex(bytes, 0, length);
	}

	/** The toneless pinyin of a Han character as ICU reads it (the character itself if it has none). */
	static String pinyin(int cp) {
		return PINYIN.computeIfAbsent(cp, (c) -> {
			String reading;
			synchronized (HAN_LATIN) {
				reading = HAN_LATIN.transliterate(new String(Character.toChars(c)));
			}
			reading = reading.replaceAll("[^a-z0-9]", "");
			return reading.isEmpty() ? new String(Character.toChars(c)) : reading;
		});
	}

	/** One character folded: simplified, lower case, diacritics removed. */
	private static String simplified(int cp) {
		if (cp < 0x80) {
			return String.valueOf((char) Character.toLowerCase(cp));
		}
		return SIMPLIFIED.computeIfAbsent(cp, (c) -> {
			String s;
			synchronized (TRADITIONAL_SIMPLIFIED) {
				s = TRADITIONAL_SIMPLIFIED.transliterate(new String(Character.toChars(c)));
			}
			String decomposed = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
			String stripped = decomposed.replaceAll("\\p{Mn}+", "");
			return Normalizer.normalize(stripped.isEmpty() ? decomposed : stripped, Normalizer.Form.NFC);
		});
	}

	private static boolean skipped(int cp) {
		return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.CONTROL
				|| Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.NON_SPACING_MARK;
	}

}
