package org.partygraph.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.NameKeys;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.read.MemberFilter;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgFilter;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.Page;
import org.partygraph.queries.read.SearchQueries;
import org.partygraph.queries.read.Sort;
import org.partygraph.queries.read.UnitFilter;
import org.partygraph.queries.read.UnitRow;
import org.partygraph.queries.schema.Migrations;
import org.partygraph.seed.HuairenCounty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Name search whatever the script of the data and of the query, by pinyin and initials, and name
 * order in pinyin, against Neo4j: the sample county (traditional names) and a small county written
 * in simplified characters beside it.
 */
class NameSearchIT {

	private static final Dataset SAMPLE = HuairenCounty.dataset();

	/** A county written in simplified characters (one member in traditional ones). */
	private static final Dataset SIMPLIFIED = new Dataset("简体县",
			List.of(Unit.of("s-u-county", UnitKind.COUNTY, "简体县", null),
					Unit.of("s-u-t", UnitKind.TOWNSHIP, "长乐乡", "s-u-county"),
					Unit.of("s-u-sz", UnitKind.VILLAGE, "上寨村", "s-u-t"),
					Unit.of("s-u-e", UnitKind.ENTERPRISE, "长乐肉业公司", "s-u-t")),
			List.of(Org.of("s-o-county", OrgKind.COUNTY_COMMITTEE, "中共简体县委", null),
					Org.of("s-o-t", OrgKind.TOWNSHIP_COMMITTEE, "长乐乡党委", "s-o-county").withUnits(List.of("s-u-t")),
					Org.of("s-o-sz", OrgKind.BRANCH, "上寨村党支部", "s-o-t").withUnits(List.of("s-u-sz"))),
			List.of(Member.of("s-m-zw", "张伟", MemberStatus.FULL, "s-o-sz"),
					Member.of("s-m-ln", "李娜", MemberStatus.FULL, "s-o-sz"),
					Member.of("s-m-al", "阿丽", MemberStatus.FULL, "s-o-sz"),
					Member.of("s-m-ch1", "陈红", MemberStatus.FULL, "s-o-sz"),
					Member.of("s-m-ch2", "陳紅", MemberStatus.FULL, "s-o-sz"),
					Member.of("s-m-zq", "赵强", MemberStatus.PROBATIONARY, "s-o-sz")));

	private final SearchQueries search = new SearchQueries(TestNeo4j.driver(), (nanos) -> {
	});

	@BeforeAll
	static void load() {
		TestNeo4j.clear();
		DatasetImporter importer = new DatasetImporter(TestNeo4j.driver());
		importer.importDataset(SAMPLE, ImportProgressCounter.NONE);
		importer.importDataset(SIMPLIFIED, ImportProgressCounter.NONE);
	}

	@Test
	void traditionalDataIsFoundBySimplifiedQueries() {
		long branches = count(SAMPLE.orgs(), Org::name, "黨支部") + count(SIMPLIFIED.orgs(), Org::name, "党支部");
		assertThat(branches).isGreaterThan(300);
		assertThat(orgs("党支部").totalCount()).isEqualTo(branches);
		assertThat(orgs("黨支部").totalCount()).isEqualTo(branches);
		long zhang = count(SAMPLE.members(), Member::name, "張") + count(SIMPLIFIED.members(), Member::name, "张");
		assertThat(zhang).isEqualTo(441 + 1);
		assertThat(members("张").totalCount()).isEqualTo(zhang);
		assertThat(members("張").totalCount()).isEqualTo(zhang);
	}

	@Test
	void simplifiedDataIsFoundByTraditionalQueries() {
		assertThat(ids(orgs("上寨村黨支部"))).containsExactly("s-o-sz");
		// the sample's own 張偉s too, and nobody else
		assertThat(ids(members("張偉"))).contains("s-m-zw")
			.containsExactlyInAnyOrderElementsOf(ids(members("张伟")))
			.hasSize(1 + (int) count(SAMPLE.members(), Member::name, "張偉"));
		assertThat(unitIds(units("長樂"))).containsExactlyInAnyOrder("s-u-t", "s-u-e");
		// and a traditional name by its own script, a simplified one by its own
		assertThat(ids(members("陳紅"))).contains("s-m-ch1", "s-m-ch2")
			.containsExactlyInAnyOrderElementsOf(ids(members("陈红")))
			.hasSize(2 + (int) count(SAMPLE.members(), Member::name, "陳紅"));
	}

	@Test
	void xiazhaiIsFoundByCharactersPinyinAndInitials() {
		for (String typed : List.of("下寨", "下寨村", "xiazhai", "XiaZhai", "xzc", "ｘｉａｚｈａｉ")) {
			assertThat(unitIds(units(typed))).as(typed).contains(HuairenCounty.XIAZHAI_VILLAGE);
			assertThat(ids(orgs(typed))).as(typed).contains(HuairenCounty.XIAZHAI_GENERAL_BRANCH);
		}
		assertThat(unitIds(units("shangzhai"))).containsExactly("s-u-sz");
		assertThat(ids(orgs("szcdzb"))).contains("s-o-sz");
		assertThat(orgs("szcdzb").items()).allSatisfy((o) -> assertThat(NameKeys.searchKey(o.name())).contains("szcdzb"));
		assertThat(unitIds(units("rouye"))).contains("s-u-e")
			.hasSize(1 + (int) count(SAMPLE.units(), Unit::name, "肉業"));
	}

	@Test
	void membersByPinyinAndInitials() {
		Page<MemberRow> zhang = members("zhang");
		List<String> byCharacter = ids(this.search.members(new MemberFilter(null, null, null, "張", null),
				new Sort(Sort.Field.ID, false), 1000, 0));
		assertThat(ids(this.search.members(new MemberFilter(null, null, null, "zhang", null),
				new Sort(Sort.Field.ID, false), 5000, 0))).containsAll(byCharacter);
		assertThat(zhang.totalCount()).isGreaterThanOrEqualTo(byCharacter.size());
		assertThat(ids(members("zhangwei"))).contains("s-m-zw");
		// within an org (another statement: the name is a filter there, not the start)
		assertThat(ids(this.search.members(new MemberFilter("s-o-t", null, null, "zw", null), Sort.BY_NAME, 20, 0)))
			.containsExactly("s-m-zw");
		assertThat(ids(this.search.members(new MemberFilter("s-o-t", null, null, "chenhong", null), Sort.BY_NAME, 20,
				0)))
			.containsExactly("s-m-ch1", "s-m-ch2");
	}

	@Test
	void nothingMatchesAcrossTheKeysParts() {
		// 上寨村's key: 上寨村 | shangzhaicun | szc; "cunszc" would join the pinyin and the initials
		assertThat(units("cunszc").totalCount()).isZero();
		assertThat(units("上寨村shang").totalCount()).isZero();
	}

	@Test
	void namesSortInPinyinThenStrokesNotCodePoints() {
		MemberFilter village = new MemberFilter("s-o-sz", null, null, null, null);
		List<String> expected = List.of("阿丽", "陈红", "陳紅", "李娜", "张伟", "赵强");
		List<String> byCodePoint = new ArrayList<>(expected);
		byCodePoint.sort(null);
		assertThat(byCodePoint).isNotEqualTo(expected);
		assertThat(this.search.members(village, Sort.BY_NAME, 20, 0).items()).extracting(MemberRow::name)
			.containsExactlyElementsOf(expected);
		assertThat(this.search.members(village, new Sort(Sort.Field.NAME, true), 20, 0).items())
			.extracting(MemberRow::name)
			.containsExactlyElementsOf(reversed(expected));
		// pages of two walk the same order, without overlap
		List<String> paged = new ArrayList<>();
		for (int offset = 0; offset < 6; offset += 2) {
			Page<MemberRow> page = this.search.members(village, Sort.BY_NAME, 2, offset);
			assertThat(page.hasNextPage()).isEqualTo(offset + 2 < 6);
			page.items().forEach((m) -> paged.add(m.name()));
		}
		assertThat(paged).containsExactlyElementsOf(expected);
		assertThat(this.search.units(new UnitFilter(null, "长乐", null, null, null, null), Sort.BY_NAME, 20, 0).items())
			.extracting(UnitRow::name)
			.containsExactly("长乐肉业公司", "长乐乡"); // chang le rou < chang le xiang
		assertThat(this.search.orgs(new OrgFilter(null, null, "s-o-county", null, null, null, null, null, null, null,
				null), Sort.BY_NAME, 20, 0).items())
			.extracting(OrgRow::name)
			// shang < zhang < zhong (ICU's collation reads 长 zhǎng, see docs/graph-model.md); code points: 上 中 长
			.containsExactly("上寨村党支部", "长乐乡党委", "中共简体县委");
	}

	@Test
	void theBackfillGivesOldNodesTheirKeysAndIsIdempotent() {
		try (Session session = TestNeo4j.driver().session()) {
			session.run("MATCH (n) WHERE n:Org OR n:Member OR n:Unit REMOVE n.nameKey, n.nameSort").consume();
			session.run("MATCH (m:SchemaMigration {version: '0009'}) DELETE m").consume();
		}
		assertThat(orgs("xiazhai").totalCount()).isZero();
		assertThat(new Migrations(TestNeo4j.driver()).apply()).containsExactly("0009");
		assertThat(TestNeo4j.nameKeyMismatches()).isEmpty();
		assertThat(ids(orgs("xiazhai"))).contains(HuairenCounty.XIAZHAI_GENERAL_BRANCH);
		assertThat(new Migrations(TestNeo4j.driver()).apply()).isEmpty();
		assertThat(TestNeo4j.count("SHOW INDEXES YIELD name, type, properties WHERE name IN ['org_name', 'member_name', 'unit_name']"
				+ " AND type = 'TEXT' AND properties = ['nameKey'] RETURN count(*)")).isEqualTo(3);
	}

	@Test
	void aRenameKeepsTheKeys() {
		OrgChanges changes = new OrgChanges(TestNeo4j.driver());
		try {
			changes.renameOrg("s-o-sz", "上寨村黨總支");
			assertThat(ids(orgs("szcdzz"))).contains("s-o-sz");
			assertThat(ids(orgs("党总支"))).contains("s-o-sz");
			assertThat(ids(orgs("szcdzb"))).doesNotContain("s-o-sz");
			assertThat(TestNeo4j.nameKeyMismatches()).isEmpty();
		}
		finally {
			changes.renameOrg("s-o-sz", "上寨村党支部");
		}
	}

	@Test
	void everyImportedNodeHasTheKeysOfItsName() {
		assertThat(TestNeo4j.nameKeyMismatches()).isEmpty();
		assertThat(TestNeo4j.count("MATCH (n) WHERE (n:Org OR n:Member OR n:Unit) AND n.nameKey IS NULL RETURN count(*)"))
			.isZero();
	}

	private Page<OrgRow> orgs(String text) {
		return this.search.orgs(new OrgFilter(null, text, null, null, null, null, null, null, null, null, null),
				Sort.BY_NAME, 1000, 0);
	}

	private Page<MemberRow> members(String text) {
		return this.search.members(new MemberFilter(null, null, null, text, null), Sort.BY_NAME, 1000, 0);
	}

	private Page<UnitRow> units(String text) {
		return this.search.units(new UnitFilter(null, text, null, null, null, null), Sort.BY_NAME, 1000, 0);
	}

	private static List<String> reversed(List<String> list) {
		List<String> copy = new ArrayList<>(list);
		Collections.reverse(copy);
		return copy;
	}

	private static <T> long count(List<T> items, java.util.function.Function<T, String> name, String text) {
		Predicate<T> contains = (item) -> name.apply(item).contains(text);
		return items.stream().filter(contains).count();
	}

	private static List<String> ids(Page<?> page) {
		return page.items().stream().map(NameSearchIT::id).toList();
	}

	private static List<String> unitIds(Page<UnitRow> page) {
		return page.items().stream().map(UnitRow::id).toList();
	}

	private static String id(Object row) {
		if (row instanceof OrgRow org) {
			return org.id();
		}
		return ((MemberRow) row).id();
	}

}
