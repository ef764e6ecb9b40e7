package org.partygraph.seed;

import java.util.List;
import java.util.SplittableRandom;

import org.partygraph.model.Gender;

/**
 * Plausible synthetic personal names of northern Shanxi, in traditional characters, drawn from a
 * caller's random source so that a fixed seed gives the same names every time.
 */
public final class ChineseNames {

	/** Common surnames of northern Shanxi, most frequent first. */
	private static final List<String> SURNAMES = List.of("王", "李", "張", "劉", "趙", "楊", "郭", "高", "武", "田",
			"任", "梁", "薛", "賈", "韓", "陳", "孫", "馬", "吳", "胡", "白", "閻", "段", "范", "杜", "霍", "侯", "康", "曹",
			"宋", "喬", "牛", "石", "溫", "邢", "魏", "申", "葛", "秦", "苗", "常", "安", "邱", "呂", "許", "周");

	/**
	 * Relative weights of {@link #SURNAMES}, roughly how often each is met; the head of the list
	 * dominates as it does in a real village register.
	 */
	private static final int[] SURNAME_WEIGHTS = { 90, 80, 75, 60, 45, 40, 38, 35, 30, 28, 25, 24, 22, 22, 20, 20, 18,
			18, 16, 16, 15, 15, 14, 12, 12, 12, 11, 11, 10, 10, 10, 9, 9, 9, 8, 8, 8, 7, 7, 7, 6, 6, 5, 5, 5, 5 };

	private static final int SURNAME_TOTAL = sum(SURNAME_WEIGHTS);

	private static final List<String> MALE_CHARACTERS = List.of("建", "國", "軍", "平", "明", "華", "強", "偉", "永", "志",
			"文", "海", "生", "忠", "林", "福", "貴", "寶", "成", "德", "祥", "剛", "俊", "鵬", "斌", "勇", "峰", "亮", "濤",
			"鑫", "磊", "旺", "喜", "全", "有", "才", "山", "春", "雲", "龍", "存", "樹", "根", "茂", "保", "富", "金", "寬",
			"義", "仁", "瑞", "東", "兵", "飛", "傑", "宏", "衛", "紅", "新", "利");

	private static final List<String> FEMALE_CHARACTERS = List.of("秀", "英", "蘭", "芳", "梅", "鳳", "霞", "玉", "珍",
			"麗", "紅", "娟", "艷", "萍", "花", "琴", "桂", "翠", "敏", "靜", "燕", "慧", "婷", "潔", "晶", "雪", "蓮", "月",
			"巧", "愛", "俊", "雲", "春", "美", "彩", "銀", "金", "嬌");

	private ChineseNames() {
	}

	/** The surnames this helper draws from. */
	public static List<String> surnames() {
		return SURNAMES;
	}

	/** A surname, weighted by frequency. */
	public static String surname(SplittableRandom random) {
		int ticket = random.nextInt(SURNAME_TOTAL);
		for (int i = 0; i < SURNAME_WEIGHTS.length; i++) {
			ticket -= SURNAME_WEIGHTS[i];
			if (ticket < 0) {
				return SURNAMES.get(i);
			}
		}
		throw new IllegalStateException("weights do not cover the draw");
	}

	/** A given name of one or two characters; two-character names are the more common. */
	public static String givenName(SplittableRandom random, Gender gender) {
		List<String> characters = (gender == Gender.F) ? FEMALE_CHARACTERS : MALE_CHARACTERS;
		String first = characters.get(random.nextInt(characters.size()));
		if (random.nextInt(10) < 3) {
			return first;
		}
		String second = characters.get(random.nextInt(characters.size()));
		// a doubled character (e.g. 婷婷) is common for women, rare for men
		if (second.equals(first) && gender == Gender.M) {
			second = characters.get((characters.indexOf(first) + 1) % characters.size());
		}
		return first + second;
	}

	/** A full name: surname then given name, two or three characters in all. */
	public static String fullName(SplittableRandom random, Gender gender) {
		return surname(random) + givenName(random, gender);
	}

	private static int sum(int[] values) {
		int total = 0;
		for (int value : values) {
			total += value;
		}
		return total;
	}

}
