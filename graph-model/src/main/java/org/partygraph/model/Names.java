package org.partygraph.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one rule for the name of an org, a member or a unit, wherever it comes in: a change, a
 * dataset import, the MERGE of a what-if.
 *
 * <p>
 * A name is first put in its stored form: Unicode NFC, then trimmed of white space at both ends
 * (every character Java calls white space or a space separator, so also U+00A0 and U+3000). That
 * form must then:
 * <ul>
 * <li>not be empty ("name is missing");</li>
 * <li>hold 1 to {@value #MAX_LENGTH} characters, counted as code points, so that a CJK or
 * supplementary character counts once;</li>
 * <li>hold no control character (category Cc, e.g. U+0000, a tab or a line break), no format
 * character (category Cf, e.g. U+200B ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT OVERRIDE, U+FEFF) and
 * no unpaired surrogate (Cs), with one exception: U+200D ZERO WIDTH JOINER and U+200C ZERO WIDTH
 * NON-JOINER are allowed where they join, which here means directly between two code points that
 * are each a letter or a mark (categories L and M), as in Devanagari or Persian words. A joiner at
 * either end, next to another joiner, a digit, a space or a symbol (so also inside emoji sequences)
 * is refused.</li>
 * </ul>
 *
 * <p>
 * Problems are told as the message of a {@link Problem} on the field {@code name}: "name has a
 * control character U+0000 at position 3", "name is 10,485,760 characters; at most 200".
 * Positions count code points from 1 in the stored form (after trimming). Only the first problem
 * is told: a name that is too long is not scanned further.
 */
public final class Names {

	/** The most code points a stored name may hold. */
	public static final int MAX_LENGTH = 200;

	private static final int ZWNJ = 0x200C;

	private static final int ZWJ = 0x200D;

	private Names() {
	}

	/**
	 * The stored form of a name: NFC, trimmed of white space at both ends.
	 * @param name the name as given; may be {@code null}
	 * @return the stored form, {@code null} for {@code null}
	 */
	public static String normalize(String name) {
		if (name == null) {
			return null;
		}
		String nfc = Normalizer.isNormalized(name, Normalizer.Form.NFC) ? name
				: Normalizer.normalize(name, Normalizer.Form.NFC);
		int start = 0;
		int end = nfc.length();
		while (start < end && isSpace(nfc.codePointAt(start))) {
			start += Character.charCount(nfc.codePointAt(start));
		}
		while (end > start && isSpace(nfc.codePointBefore(end))) {
			end -= Character.charCount(nfc.codePointBefore(end));
		}
		return nfc.substring(start, end);
	}

	/**
	 * What is wrong with a name, judged on its {@link #normalize(String) stored form}.
	 * @param name the name as given; may be {@code null}
	 * @return the message for a problem on the field {@code name}, or {@code null} when the stored
	 * form may be stored
	 */
	public static String problem(String name) {
		Flaw flaw = flaw(name);
		return (flaw != null) ? flaw.message() : null;
	}

	/**
	 * What is wrong with a name, as parts to be told in any language: {@link #problem(String)} is
	 * its English message.
	 * @param name the name as given; may be {@code null}
	 * @return the flaw, or {@code null} when the stored form may be stored
	 */
	public static Flaw flaw(String name) {
		String stored = normalize(name);
		if (stored == null || stored.isEmpty()) {
			return new Flaw(Flaw.Kind.MISSING, 0, 0, 0);
		}
		int length = stored.codePointCount(0, stored.length());
		if (length > MAX_LENGTH) {
			return new Flaw(Flaw.Kind.TOO_LONG, length, 0, 0);
		}
		int previous = -1;
		int position = 0;
		for (int i = 0; i < stored.length();) {
			int cp = stored.codePointAt(i);
			i += Character.charCount(cp);
			position++;
			Flaw.Kind refused = refused(cp, previous, (i < stored.length()) ? stored.codePointAt(i) : -1);
			if (refused != null) {
				return new Flaw(refused, length, cp, position);
			}
			previous = cp;
		}
		return null;
	}

	/**
	 * A name's first problem.
	 * @param kind what is wrong
	 * @param length the stored form's length in code points (0 when missing)
	 * @param codePoint the refused character (for a refused character)
	 * @param position its position, counted from 1 (for a refused character)
	 */
	public record Flaw(Kind kind, int length, int codePoint, int position) {

		/** What is wrong with a name. */
		public enum Kind {

			/** Empty once trimmed, or not given. */
			MISSING,
			/** More than {@value Names#MAX_LENGTH} code points. */
			TOO_LONG,
			/** A control character (Cc). */
			CONTROL,
			/** An unpaired surrogate (Cs). */
			SURROGATE,
			/** A format character (Cf), a joiner where it does not join included. */
			FORMAT

		}

		/** The code point as {@code 0000}, upper-case hex of at least four digits. */
		public String hex() {
			return String.format(Locale.ROOT, "%04X", this.codePoint);
		}

		/** The length with grouping, as {@code 10,485,760}. */
		public String groupedLength() {
			return String.format(Locale.ROOT, "%,d", this.length);
		}

		/** Whether the refused character is a joiner (U+200C or U+200D), allowed only where it joins. */
		public boolean joiner() {
			return this.codePoint == ZWJ || this.codePoint == ZWNJ;
		}

		/** The message as a wording of the bundles ({@code problem.missing}, {@code problem.name.*}). */
		public Wording wording() {
			return switch (this.kind) {
				case MISSING -> Wording.of("problem.missing", "name");
				case TOO_LONG -> Wording.of("problem.name.tooLong", groupedLength(), MAX_LENGTH);
				default -> Wording.of("problem.name.refused", Wording.of("problem.name." + this.kind), hex(),
						this.position, joiner() ? Wording.of("problem.name.joiner") : "");
			};
		}

		/** The message in English. */
		public String message() {
			return switch (this.kind) {
				case MISSING -> "name is missing";
				case TOO_LONG -> "name is " + groupedLength() + " characters; at most " + MAX_LENGTH;
				default -> {
					String what = switch (this.kind) {
						case CONTROL -> "a control character";
						case SURROGATE -> "an unpaired surrogate";
						default -> "a format character";
					};
					String message = "name has " + what + " U+" + hex() + " at position " + this.position;
					yield joiner() ? message + " (a joiner is allowed only between two letters or marks)" : message;
				}
			};
		}

	}

	/**
	 * Whether a name may be stored once normalized.
	 * @param name the name as given
	 * @return {@code true} when {@link #problem(String)} finds nothing
	 */
	public static boolean isValid(String name) {
		return problem(name) == null;
	}

	/** What kind of refused character {@code cp} is, between its neighbours (-1 at the ends). */
	private static Flaw.Kind refused(int cp, int previous, int next) {
		switch (Character.getType(cp)) {
			case Character.CONTROL:
				return Flaw.Kind.CONTROL;
			case Character.SURROGATE:
				return Flaw.Kind.SURROGATE;
			case Character.FORMAT:
				if ((cp == ZWJ || cp == ZWNJ) && joins(previous) && joins(next)) {
					return null;
				}
				return Flaw.Kind.FORMAT;
			default:
				return null;
		}
	}

	/** Whether a joiner may stand next to {@code cp}: a letter or a mark. */
	private static boolean joins(int cp) {
		if (cp < 0) {
			return false;
		}
		return switch (Character.getType(cp)) {
			case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
					Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
					Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK ->
				true;
			default -> false;
		};
	}

	private static boolean isSpace(int cp) {
		return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
	}

}
