package org.partygraph.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeysTests {

	private static String parts(String name) {
		return NameKeys.searchKey(name).replace(NameKeys.SEPARATOR, '|');
	}

	@Test
	void searchKeyHoldsFoldedNamePinyinAndInitials() {
		assertThat(parts("下寨村")).isEqualTo("下寨村|xiazhaicun|xzc");
		assertThat(parts("張")).isEqualTo("张|zhang|z");
		assertThat(parts("下寨村黨支部")).isEqualTo("下寨村党支部|xiazhaicundangzhibu|xzcdzb");
	}

	@Test
	void fullWidthCaseDiacriticsAndSpacesAreFolded() {
		assertThat(parts("ＡＢＣ 公司")).isEqualTo("abc公司|abcgongsi|abcgs");
		assertThat(parts("Café Nº1")).isEqualTo("cafeno1|cafeno1|cafeno1");
		assertThat(NameKeys.query("  Xià Zhài ")).isEqualTo("xiazhai");
		assertThat(NameKeys.query("ＸＺＣ")).isEqualTo("xzc");
	}

	@Test
	void queriesInEitherScriptFoldToTheSameText() {
		assertThat(NameKeys.query("黨支部")).isEqualTo(NameKeys.query("党支部")).isEqualTo("党支部");
		assertThat(NameKeys.query("張")).isEqualTo(NameKeys.query("张")).isEqualTo("张");
	}

	@Test
	void whatATraditionalOrSimplifiedQueryOrPinyinFinds() {
		String key = NameKeys.searchKey("下寨村黨支部");
		for (String typed : List.of("下寨", "下寨村", "xiazhai", "xzc", "黨支部", "党支部", "XiaZhai", "dangzhibu")) {
			assertThat(key).as(typed).contains(NameKeys.query(typed));
		}
		for (String typed : List.of("上寨", "shangzhai", "夏寨")) {
			assertThat(key).as(typed).doesNotContain(NameKeys.query(typed));
		}
		assertThat(NameKeys.searchKey("下寨村党支部")).contains(NameKeys.query("黨支部"));
	}

	@Test
	void wordsOfTheSampleCountyThatIcuReadsOtherwise() {
		// ICU alone: tude, xingye, fanjia, zhangshun
		assertThat(parts("懷仁縣南石井土地股份專業合作社")).endsWith("|huairenxiannanshijingtudigufenzhuanyehezuoshe|hrxnsjtdgfzyhzs");
		assertThat(parts("南石井村種植行業黨支部")).endsWith("|nanshijingcunzhongzhihangyedangzhibu|nsjczzhydzb");
		assertThat(parts("懷仁縣前水泉番茄種植專業合作社")).contains("|huairenxianqianshuiquanfanqiezhongzhi");
		assertThat(parts("懷仁縣長順食品有限公司")).contains("|huairenxianchangshun");
		// a word's override is on the simplified form: the traditional 銀行 too
		assertThat(parts("銀行")).isEqualTo("银行|yinhang|yh");
	}

	@Test
	void noQueryMatchesAcrossParts() {
		// "cunx" would span the end of the pinyin and the start of the initials without a separator
		String key = NameKeys.searchKey("下寨村");
		assertThat(key).doesNotContain(NameKeys.query("cunx")).doesNotContain(NameKeys.query("村x"));
		assertThat(NameKeys.query("a\u0001b")).isEqualTo("ab");
	}

	@Test
	void blankQueryIsNoQuery() {
		assertThat(NameKeys.query(" \u3000 ")).isNull();
		assertThat(NameKeys.query(null)).isNull();
		assertThat(NameKeys.searchKey(null)).isNull();
		assertThat(NameKeys.sortKey(null)).isNull();
	}

	@Test
	void sortKeysOrderByPinyinNotCodePoints() {
		List<String> names = List.of("赵", "张", "王", "李", "阿");
		// code points: 张 U+5F20, 李 U+674E, 王 U+738B, 赵 U+8D75, 阿 U+963F
		assertThat(names.stream().sorted().toList()).containsExactly("张", "李", "王", "赵", "阿");
		assertThat(sortedByKey(names)).containsExactly("阿", "李", "王", "张", "赵");
		assertThat(sortedByKey(List.of("張三", "李四", "北京", "安平"))).containsExactly("安平", "北京", "李四", "張三");
	}

	@Test
	void sameReadingOrdersByStrokes() {
		// shí: 十 (2 strokes), 石 (5), 时 (7); shì: 事 (8), 是 (9); chén: 陈 (7), 陳 (11)
		assertThat(sortedByKey(List.of("时", "石", "十"))).containsExactly("十", "石", "时");
		assertThat(sortedByKey(List.of("是", "事"))).containsExactly("事", "是");
		assertThat(sortedByKey(List.of("陳", "陈"))).containsExactly("陈", "陳");
	}

	@Test
	void sortKeyIsHexAndAPrefixSortsFirst() {
		assertThat(NameKeys.sortKey("下寨村")).matches("[0-9a-f]+");
		assertThat(sortedByKey(List.of("下寨村党支部", "下寨村"))).containsExactly("下寨村", "下寨村党支部");
	}

	private static List<String> sortedByKey(List<String> names) {
		List<String> sorted = new ArrayList<>(names);
		sorted.sort(Comparator.comparing(NameKeys::sortKey));
		return sorted;
	}

}
