package org.partygraph.seed;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.partygraph.model.Gender;

/**
 * Makes synthetic people of 懷仁縣: names, gender, birth dates, identity numbers and phones, each
 * identity number and phone used once.
 */
final class People {

	/** The administrative area code of 懷仁縣, the first six digits of its identity numbers. */
	static final String AREA_CODE = "140624";

	private static final List<String> PHONE_PREFIXES = List.of("130", "131", "132", "133", "134", "135", "136",
			"137", "138", "139", "150", "151", "152", "155", "157", "158", "159", "180", "181", "182", "185", "187",
			"188", "189");

	/** Women are about a quarter of rural party members. */
	private static final int WOMEN_PERCENT = 25;

	private final SplittableRandom random;

	private final Set<String> idNumbers = new HashSet<>();

	private final Set<String> phones = new HashSet<>();

	People(SplittableRandom random) {
		this.random = random;
	}

	/**
	 * A person whose age on {@link HuairenCounty#REFERENCE_DATE} lies in the given range.
	 * @param skewOld whether to favour the older end, as village party rolls do
	 */
	Person person(int minAge, int maxAge, boolean skewOld) {
		Gender gender = (this.random.nextInt(100) < WOMEN_PERCENT) ? Gender.F : Gender.M;
		LocalDate birthDate = birthDate(minAge, maxAge, skewOld);
		return new Person(ChineseNames.fullName(this.random, gender), gender, birthDate,
				idNumber(birthDate, gender), phone());
	}

	/** A day in [from, to], both inclusive. */
	LocalDate dayBetween(LocalDate from, LocalDate to) {
		long days = ChronoUnit.DAYS.between(from, to);
		if (days < 0) {
			throw new IllegalArgumentException("empty range " + from + ".." + to);
		}
		return from.plusDays(this.random.nextLong(days + 1));
	}

	private LocalDate birthDate(int minAge, int maxAge, boolean skewOld) {
		LocalDate reference = HuairenCounty.REFERENCE_DATE;
		// born after reference - (maxAge + 1) years, so still maxAge at the reference date
		LocalDate earliest = reference.minusYears(maxAge + 1L).plusDays(1);
		LocalDate latest = reference.minusYears(minAge);
		LocalDate day = dayBetween(earliest, latest);
		if (skewOld) {
			LocalDate other = dayBetween(earliest, latest);
			day = other.isBefore(day) ? other : day;
		}
		return day;
	}

	private String idNumber(LocalDate birthDate, Gender gender) {
		while (true) {
			String candidate = IdNumbers.compose(AREA_CODE, birthDate, this.random.nextInt(500), gender);
			if (this.idNumbers.add(candidate)) {
				return candidate;
			}
		}
	}

	private String phone() {
		while (true) {
			String prefix = PHONE_PREFIXES.get(this.random.nextInt(PHONE_PREFIXES.size()));
			String candidate = prefix + String.format("%08d", this.random.nextInt(100_000_000));
			if (this.phones.add(candidate)) {
				return candidate;
			}
		}
	}

}
