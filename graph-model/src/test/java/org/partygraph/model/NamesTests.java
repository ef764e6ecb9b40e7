package org.partygraph.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one name rule: stored form first (NFC, trimmed), then length and characters. */
class NamesTests {

	@Test
	void aNulByteIsRefusedWithItsPosition() {
		assertThat(Names.problem("ab\u0000c")).isEqualTo("name has a control character U+0000 at position 3");
	}

	@Test
	void aLineBreakInsideIsAControlCharacterButAtTheEndsItIsTrimmed() {
		assertThat(Names.problem("甲\n乙")).isEqualTo("name has a control character U+000A at position 2");
		assertThat(Names.normalize("\t甲乙\n")).isEqualTo("甲乙");
		assertThat(Names.problem("\t甲乙\n")).isNull();
	}

	@Test
	void aNameThatIsOnlyAZeroWidthSpaceIsRefused() {
		assertThat(Names.problem("\u200B")).isEqualTo("name has a format character U+200B at position 1");
	}

	@Test
	void aRightToLeftOverrideIsRefused() {
		assertThat(Names.problem("\u202Egnp.exe")).isEqualTo("name has a format character U+202E at position 1");
		assertThat(Names.problem("村\u202E委")).isEqualTo("name has a format character U+202E at position 2");
	}

	@Test
	void aByteOrderMarkInsideIsRefused() {
		assertThat(Names.problem("甲\uFEFF")).isEqualTo("name has a format character U+FEFF at position 2");
	}

	@Test
	void anUnpairedSurrogateIsRefused() {
		assertThat(Names.problem("甲\uD800乙")).isEqualTo("name has an unpaired surrogate U+D800 at position 2");
	}

	@Test
	void twoHundredAndOneCharactersAreRefusedTwoHundredAreAccepted() {
		assertThat(Names.problem("村".repeat(201))).isEqualTo("name is 201 characters; at most 200");
		assertThat(Names.problem("村".repeat(200))).isNull();
		assertThat(Names.problem("a".repeat(200))).isNull();
	}

	@Test
	void theLengthIsCountedInCodePointsAndToldWithThousandsSeparators() {
		// U+20BB7 𠮷 is two chars in Java; 200 of them are 200 characters.
		assertThat(Names.problem("\uD842\uDFB7".repeat(200))).isNull();
		assertThat(Names.problem("\uD842\uDFB7".repeat(201))).isEqualTo("name is 201 characters; at most 200");
		assertThat(Names.problem("x".repeat(10 * 1024 * 1024)))
			.isEqualTo("name is 10,485,760 characters; at most 200");
	}

	@Test
	void theLengthIsCountedAfterTrimming() {
		assertThat(Names.problem("  " + "村".repeat(200) + "  ")).isNull();
	}

	@Test
	void aDecomposedAccentIsStoredComposed() {
		String decomposed = "Jose\u0301";
		assertThat(Names.normalize(decomposed)).isEqualTo("Jos\u00E9").hasSize(4);
		assertThat(Names.problem(decomposed)).isNull();
	}

	@Test
	void theLengthIsCountedOnTheComposedForm() {
		// 200 e + combining acute = 400 code points as given, 200 once composed
		assertThat(Names.problem("e\u0301".repeat(200))).isNull();
	}

	@Test
	void cjkNamesAreAccepted() {
		assertThat(Names.problem("懷仁縣海北頭鄉下寨村黨總支")).isNull();
		assertThat(Names.problem("王　小明")).isNull();
		assertThat(Names.normalize("懷仁縣")).isEqualTo("懷仁縣");
	}

	@Test
	void surroundingSpacesAreTrimmedAlsoNoBreakAndIdeographicOnes() {
		assertThat(Names.normalize("  下寨村黨總支 ")).isEqualTo("下寨村黨總支");
		assertThat(Names.normalize("\u3000下寨村\u00A0")).isEqualTo("下寨村");
		assertThat(Names.normalize("A  B")).isEqualTo("A  B");
	}

	@Test
	void aBlankOrMissingNameIsMissing() {
		assertThat(Names.problem(null)).isEqualTo("name is missing");
		assertThat(Names.problem("")).isEqualTo("name is missing");
		assertThat(Names.problem(" \u3000 ")).isEqualTo("name is missing");
		assertThat(Names.normalize(null)).isNull();
	}

	@Test
	void aZeroWidthJoinerBetweenTwoLettersOrMarksIsAccepted() {
		// Devanagari KA, VIRAMA (a mark), ZWJ, SSA: the half form of KA
		assertThat(Names.problem("\u0915\u094D\u200D\u0937")).isNull();
		// Persian: a non-joiner between two letters
		assertThat(Names.problem("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")).isNull();
	}

	@Test
	void aZeroWidthJoinerAtTheStartOrEndOrNextToANonLetterIsRefused() {
		String because = " (a joiner is allowed only between two letters or marks)";
		assertThat(Names.problem("\u200D\u0915")).isEqualTo("name has a format character U+200D at position 1" + because);
		assertThat(Names.problem("\u0915\u200D")).isEqualTo("name has a format character U+200D at position 2" + because);
		assertThat(Names.problem("\u0915\u200D\u200D\u0937"))
			.isEqualTo("name has a format character U+200D at position 2" + because);
		assertThat(Names.problem("a\u200C1")).isEqualTo("name has a format character U+200C at position 2" + because);
		// an emoji sequence (man ZWJ woman): emoji are symbols, not letters
		assertThat(Names.problem("\uD83D\uDC68\u200D\uD83D\uDC69"))
			.isEqualTo("name has a format character U+200D at position 2" + because);
	}

	@Test
	void aJoinerLeftAtTheEndByTrimmingIsRefused() {
		assertThat(Names.problem("\u0915\u200D ")).startsWith("name has a format character U+200D at position 2");
	}

}
