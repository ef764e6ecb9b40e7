package org.partygraph.seed;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partygraph.model.Gender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdNumbersTests {

	@Test
	void computesTheCheckCharacterOfTheStandardsExamples() {
		// the worked examples of GB 11643-1999
		assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(IdNumbers.checkCharacter("44052418800101001")).isEqualTo('4');
	}

	@Test
	void acceptsValidNumbers() {
		assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
		assertThat(IdNumbers.isValid("440524188001010014")).isTrue();
	}

	@Test
	void rejectsAWrongCheckCharacterOrDateOrShape() {
		assertThat(IdNumbers.isValid("110105194912310021")).isFalse();
		assertThat(IdNumbers.isValid("11010519491231002x")).isFalse();
		assertThat(IdNumbers.isValid("140624199002300011")).as("30 February").isFalse();
		assertThat(IdNumbers.isValid("14062419900101001")).as("17 characters").isFalse();
		assertThat(IdNumbers.isValid("1406241990010100A1")).isFalse();
		assertThat(IdNumbers.isValid(null)).isFalse();
	}

	@Test
	void composesNumbersThatValidateAndEmbedTheBirthDateAndGender() {
		LocalDate birthDate = LocalDate.of(1968, 2, 29);
		String man = IdNumbers.compose("140624", birthDate, 17, Gender.M);
		String woman = IdNumbers.compose("140624", birthDate, 17, Gender.F);
		assertThat(man).hasSize(18).startsWith("14062419680229035");
		assertThat(woman).startsWith("14062419680229034");
		assertThat(IdNumbers.isValid(man)).isTrue();
		assertThat(IdNumbers.isValid(woman)).isTrue();
		assertThat(IdNumbers.birthDate(man)).isEqualTo(birthDate);
		assertThat(IdNumbers.gender(man)).isEqualTo(Gender.M);
		assertThat(IdNumbers.gender(woman)).isEqualTo(Gender.F);
	}

	@Test
	void everyCheckCharacterCanOccur() {
		Set<Character> seen = new HashSet<>();
		for (int sequence = 0; sequence < 200; sequence++) {
			seen.add(IdNumbers.compose("140624", LocalDate.of(1975, 6, 1), sequence).charAt(17));
		}
		assertThat(seen).containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
	}

	@Test
	void refusesBadInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumbers.checkCharacter("1234"));
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumbers.compose("14062", LocalDate.of(1980, 1, 1), 1));
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumbers.compose("140624", LocalDate.of(1980, 1, 1), 1000));
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumbers.birthDate("110105194912310021"));
	}

}
