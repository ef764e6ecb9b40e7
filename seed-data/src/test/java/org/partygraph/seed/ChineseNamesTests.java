package org.partygraph.seed;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.partygraph.model.Gender;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseNamesTests {

	/** Simplified forms that must not slip in where the traditional ones are meant. */
	private static final String SIMPLIFIED = "张刘赵杨吴贾韩陈孙马阎许吕国军华伟强贵宝鹏刚涛龙兰凤艳丽静洁莲爱银娇";

	@Test
	void namesAreASurnameAndOneOrTwoCharacters() {
		SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < 2_000; i++) {
			Gender gender = (i % 4 == 0) ? Gender.F : Gender.M;
			String name = ChineseNames.fullName(random, gender);
			assertThat(name).hasSizeBetween(2, 3);
			assertThat(ChineseNames.surnames()).contains(name.substring(0, 1));
		}
	}

	@Test
	void namesAreInTraditionalCharacters() {
		SplittableRandom random = new SplittableRandom(2);
		for (int i = 0; i < 2_000; i++) {
			String name = ChineseNames.fullName(random, (i % 2 == 0) ? Gender.F : Gender.M);
			for (char c : name.toCharArray()) {
				assertThat(SIMPLIFIED.indexOf(c)).as(name).isEqualTo(-1);
			}
		}
		assertThat(ChineseNames.surnames()).contains("張", "劉", "閻").doesNotHaveDuplicates();
	}

	@Test
	void commonSurnamesComeUpMoreOften() {
		SplittableRandom random = new SplittableRandom(3);
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < 20_000; i++) {
			counts.merge(ChineseNames.surname(random), 1, Integer::sum);
		}
		assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(ChineseNames.surnames());
		assertThat(counts.get("王")).isGreaterThan(3 * counts.get("周"));
	}

	@Test
	void theSameSeedGivesTheSameNames() {
		SplittableRandom first = new SplittableRandom(42);
		SplittableRandom second = new SplittableRandom(42);
		for (int i = 0; i < 100; i++) {
			assertThat(ChineseNames.fullName(first, Gender.M)).isEqualTo(ChineseNames.fullName(second, Gender.M));
		}
	}

}
