package org.partygraph.seed;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plausible village names of the Datong basin (張家莊, 東小寨, 三十里鋪...), each used once in the
 * county.
 */
final class VillageNames {

	private static final List<String> FAMILIES = List.of("張", "王", "李", "趙", "劉", "高", "郭", "楊", "田", "曹",
			"宋", "薛", "賈", "韓", "霍", "魏", "喬", "白", "馬", "孫", "梁", "邢", "段", "秦", "安", "邱", "苗", "溫", "閻",
			"范", "杜", "陳", "周", "任", "常", "康");

	private static final List<String> FAMILY_PLACES = List.of("莊", "窯", "堡", "寨", "營", "屯", "溝", "灣", "坡",
			"窪", "店", "疃");

	private static final List<String> QUARTERS = List.of("東", "西", "南", "北", "上", "下", "前", "後", "大", "小",
			"新", "中");

	private static final List<String> PLACES = List.of("辛莊", "小寨", "河灣", "水泉", "石井", "柳林", "榆林", "堡",
			"莊", "寨", "營", "窯", "梁", "峪", "羊坊", "馬營", "王莊", "峪口");

	private static final List<String> DESCRIPTIVE = List.of("清水河", "石門", "柳樹屯", "楊樹灣", "黃花梁", "紅土溝",
			"白草窪", "三十里鋪", "五里鋪", "十里鋪", "盤道", "安樂莊", "太平莊", "永安莊", "福善莊", "瓦窯", "磚窯", "石窯",
			"堡子灣", "營子", "水泉灣", "泉子頭", "井坪", "雙寨", "三屯", "四十里鋪", "七里河", "八里莊", "鎮子梁",
			"碾盤溝");

	private final SplittableRandom random;

	private final Set<String> taken = new HashSet<>();

	VillageNames(SplittableRandom random) {
		this.random = random;
	}

	/** Keeps a real name (下寨村...) from being generated again. */
	void reserve(String name) {
		this.taken.add(stem(name));
	}

	/** A new village name ending in 村. */
	String next() {
		while (true) {
			String stem = candidate();
			if (this.taken.add(stem)) {
				return stem + "村";
			}
		}
	}

	private String candidate() {
		int form = this.random.nextInt(10);
		if (form < 5) {
			return pick(FAMILIES) + "家" + pick(FAMILY_PLACES);
		}
		if (form < 8) {
			return pick(QUARTERS) + pick(PLACES);
		}
		return pick(DESCRIPTIVE);
	}

	private String pick(List<String> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String stem(String name) {
		return name.endsWith("村") ? name.substring(0, name.length() - 1) : name;
	}

}
