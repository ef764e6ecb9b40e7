package org.partygraph.seed;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.partygraph.model.Gender;

/**
 * Resident identity numbers as defined by GB 11643-1999: composing synthetic ones, the ISO 7064
 * MOD 11-2 check character, and validation.
 *
 * <p>
 * Layout: 6-digit area code, 8-digit birth date ({@code yyyyMMdd}), 3-digit sequence whose last
 * digit is odd for men and even for women, and one check character ({@code 0-9} or {@code X}).
 */
public final class IdNumbers {

	/** Length of a second-generation identity number. */
	public static final int LENGTH = 18;

	/** Weights 2^(17-i) mod 11 for positions 0..16. */
	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	/** The check character for each weighted sum mod 11. */
	private static final String CHECK_CHARACTERS = "10X98765432";

	// STRICT and 'uuuu' so that 19490230 is rejected rather than resolved to another day
	private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private IdNumbers() {
	}

	/**
	 * The check character for the first 17 digits of an identity number.
	 * @param first17 exactly 17 decimal digits
	 * @return {@code 0}-{@code 9} or {@code X}
	 * @throws IllegalArgumentException if {@code first17} is not 17 digits
	 */
	public static char checkCharacter(CharSequence first17) {
		if (first17.length() != LENGTH - 1) {
			throw new IllegalArgumentException("expected 17 digits, got " + first17.length() + " characters");
		}
		int sum = 0;
		for (int i = 0; i < LENGTH - 1; i++) {
			char c = first17.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException("not a digit at position " + i + ": " + c);
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	/**
	 * Composes an identity number.
	 * @param areaCode the 6-digit administrative area code, e.g. {@code 140624} for 懷仁縣
	 * @param birthDate the holder's date of birth
	 * @param sequence 0..999; its parity must match the holder's gender (odd for men)
	 * @return the 18-character number, check character included
	 */
	public static String compose(String areaCode, LocalDate birthDate, int sequence) {
		if (areaCode.length() != 6 || !areaCode.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException("area code must be 6 digits: " + areaCode);
		}
		if (sequence < 0 || sequence > 999) {
			throw new IllegalArgumentException("sequence must be 0..999: " + sequence);
		}
		String first17 = areaCode + BIRTH_DATE.format(birthDate) + String.format("%03d", sequence);
		return first17 + checkCharacter(first17);
	}

	/**
	 * Composes an identity number for a holder of the given gender.
	 * @param areaCode the 6-digit area code
	 * @param birthDate the holder's date of birth
	 * @param serial 0..499, which of the numbers of that gender born that day in that area
	 * @param gender the holder's gender; decides the parity of the sequence
	 * @return the 18-character number
	 */
	public static String compose(String areaCode, LocalDate birthDate, int serial, Gender gender) {
		if (serial < 0 || serial > 499) {
			throw new IllegalArgumentException("serial must be 0..499: " + serial);
		}
		return compose(areaCode, birthDate, serial * 2 + ((gender == Gender.M) ? 1 : 0));
	}

	/**
	 * Whether the number is well formed: 17 digits with a real birth date, and the right check
	 * character (an upper-case {@code X} for 10).
	 */
	public static boolean isValid(String idNumber) {
		if (idNumber == null || idNumber.length() != LENGTH) {
			return false;
		}
		String first17 = idNumber.substring(0, LENGTH - 1);
		if (!first17.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return false;
		}
		if (parseBirthDate(idNumber) == null) {
			return false;
		}
		return idNumber.charAt(LENGTH - 1) == checkCharacter(first17);
	}

	/** The birth date embedded in a valid number. */
	public static LocalDate birthDate(String idNumber) {
		LocalDate birthDate = isValid(idNumber) ? parseBirthDate(idNumber) : null;
		if (birthDate == null) {
			throw new IllegalArgumentException("not a valid identity number: " + idNumber);
		}
		return birthDate;
	}

	/** The gender a valid number encodes: an odd 17th digit for men. */
	public static Gender gender(String idNumber) {
		if (!isValid(idNumber)) {
			throw new IllegalArgumentException("not a valid identity number: " + idNumber);
		}
		return ((idNumber.charAt(LENGTH - 2) - '0') % 2 == 1) ? Gender.M : Gender.F;
	}

	private static LocalDate parseBirthDate(String idNumber) {
		try {
			return LocalDate.parse(idNumber.substring(6, 14), BIRTH_DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
