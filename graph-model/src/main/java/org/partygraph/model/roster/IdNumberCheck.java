package org.partygraph.model.roster;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.partygraph.model.WordedArgumentException;

/**
 * The resident identity number of GB 11643-1999: 17 digits (area, birth date yyyyMMdd, sequence)
 * and the ISO 7064 MOD 11-2 check character {@code 0}-{@code 9} or {@code X}.
 */
public final class IdNumberCheck {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private IdNumberCheck() {
	}

	/** The number as stored: trimmed, a lower-case {@code x} upper-cased. */
	public static String normalize(String idNumber) {
		return idNumber.trim().toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * What is wrong with a (normalized) number, or {@code null} when it is valid: its length, a
	 * character that is no digit, an impossible birth date, or a check character that does not match.
	 */
	public static String problem(String idNumber) {
		try {
			check(idNumber);
			return null;
		}
		catch (WordedArgumentException ex) {
			return ex.getMessage();
		}
	}

	/**
	 * Checks a (normalized) number as {@link #problem} does.
	 * @throws WordedArgumentException saying what is wrong, in English and as a wording of the bundles
	 * ({@code roster.idNumber.*})
	 */
	public static void check(String idNumber) {
		if (idNumber.length() != 18) {
			throw new WordedArgumentException(
					"'" + idNumber + "' is not an 18-character ID number (has " + idNumber.length() + ")",
					"roster.idNumber.length", idNumber, idNumber.length());
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = idNumber.charAt(i);
			if (c < '0' || c > '9') {
				throw new WordedArgumentException("'" + idNumber + "': character " + (i + 1) + " is not a digit",
						"roster.idNumber.notDigit", idNumber, i + 1);
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		char last = idNumber.charAt(17);
		if ((last < '0' || last > '9') && last != 'X') {
			throw new WordedArgumentException("'" + idNumber + "': the last character must be 0-9 or X",
					"roster.idNumber.last", idNumber);
		}
		try {
			LocalDate.parse(idNumber.substring(6, 14), BIRTH);
		}
		catch (DateTimeParseException ex) {
			throw new WordedArgumentException(
					"'" + idNumber + "': characters 7-14 are no date (" + idNumber.substring(6, 14) + ")",
					"roster.idNumber.birthDate", idNumber, idNumber.substring(6, 14));
		}
		char expected = CHECK_CHARACTERS.charAt(sum % 11);
		if (last != expected) {
			throw new WordedArgumentException(
					"'" + idNumber + "': check character is " + last + ", the checksum gives " + expected,
					"roster.idNumber.checksum", idNumber, last, expected);
		}
	}

}
