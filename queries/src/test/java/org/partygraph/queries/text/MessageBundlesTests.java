package org.partygraph.queries.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message bundles are complete: every key of the English base file is in the simplified and
 * the traditional file and no other, with the same {n} placeholders; no lone quote (MessageFormat
 * would swallow the text after it); the simplified file holds no traditional character of a
 * common word, the traditional no simplified one.
 */
class MessageBundlesTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

	@Test
	void everyKeyIsInAllThreeLanguagesWithTheSamePlaceholders() throws IOException {
		Properties en = load("messages.properties");
		Properties hans = load("messages_zh_CN.properties");
		Properties hant = load("messages_zh_TW.properties");
		assertThat(en).isNotEmpty();
		for (Properties zh : new Properties[] { hans, hant }) {
			assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
			for (String key : en.stringPropertyNames()) {
				assertThat(placeholders(zh.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
			}
		}
	}

	@Test
	void noLoneQuotesAndEachLanguageInItsScript() throws IOException {
		for (String file : new String[] { "messages.properties", "messages_zh_CN.properties",
				"messages_zh_TW.properties" }) {
			Properties p = load(file);
			for (String key : p.stringPropertyNames()) {
				assertThat(LONE_QUOTE.matcher(p.getProperty(key)).find()).as(file + " " + key).isFalse();
			}
		}
		String hans = String.join("\n", values(load("messages_zh_CN.properties")));
		String hant = String.join("\n", values(load("messages_zh_TW.properties")));
		assertThat(hans).contains("党").doesNotContain("黨", "員", "書", "組", "會", "屆");
		assertThat(hant).contains("黨").doesNotContain("党", "员", "书", "组", "会", "届");
	}

	@Test
	void bundledMessagesSayATextInEachLanguage() {
		Text text = Text.of("issue.message", "甲村黨支部", Text.of("what.MIN_FULL_MEMBERS", 2, 3),
				Text.of("rule.MIN_FULL_MEMBERS.statement", 1000));
		assertThat(Messages.bundled().say(text, Lang.EN)).startsWith("甲村黨支部: 2 full members, needs 3. ")
			.contains("at least 1000 full members");
		assertThat(Messages.bundled().say(text, Lang.ZH_HANS)).startsWith("甲村黨支部：正式党员2人，不足3人。");
		assertThat(Messages.bundled().say(text, Lang.ZH_HANT)).startsWith("甲村黨支部：正式黨員2人，不足3人。");
		assertThat(Messages.bundled().say(Text.of("fix.splitPerTownship"), Lang.EN)).endsWith("township's committee");
		// A refusal's tail that begins with a space keeps it (escaped in the file: Properties drops leading blanks).
		Text overlap = Text.of("problem.dispatch.overlap", "e1", "o-xz", "2026-03-01", Text.of("problem.until", "2026-09-01"));
		assertThat(Messages.bundled().say(overlap, Lang.EN)).isEqualTo(
				"'e1' is already dispatched to 'o-xz' from 2026-03-01 to 2026-09-01; one person serves one village at a time");
		assertThat(Messages.bundled().say(overlap, Lang.ZH_HANS))
			.isEqualTo("“e1”已选派到“o-xz”任第一书记（自2026-03-01起至2026-09-01）；一人同一时间只任一个村的第一书记");
		assertThat(Messages.bundled().say(Text.of("problem.noEnd"), Lang.EN)).isEqualTo(" with no end");
		assertThat(Messages.bundled().say(Text.of("problem.candidate.stageSince", "ACTIVIST", "2023-01-01"), Lang.EN))
			.isEqualTo(" (ACTIVIST since 2023-01-01)");
	}

	@Test
	void changeRefusalsSayTheEnglishOfBeforeAndChinese() {
		Messages m = Messages.bundled();
		assertThat(m.say(Text.of("problem.org.groupHasMembers", "g1", java.util.List.of("m1", "m2"), "b1"), Lang.EN))
			.isEqualTo("party group 'g1' has members assigned [m1, m2] whose membership is in 'b1'; a group stays under its members' org, so assign them elsewhere first");
		assertThat(m.say(Text.of("problem.org.membersToItself", "b1"), Lang.EN))
			.isEqualTo("the members of 'b1' cannot move to 'b1' itself, which is being dissolved");
		assertThat(m.say(Text.of("problem.org.membersToForMember", "b1", 1L), Lang.EN))
			.isEqualTo("membersTo: required because org 'b1' has 1 member");
		assertThat(m.say(Text.of("problem.org.membersToForMembers", "b1", 1200L), Lang.EN))
			.isEqualTo("membersTo: required because org 'b1' has 1200 members");
		assertThat(m.say(Text.of("problem.group.notUnder", "g1", "b1", Text.of("problem.group.parentIs", "b2")), Lang.EN))
			.isEqualTo("group 'g1' is not under the member's org 'b1' (its parent is 'b2')");
		assertThat(m.say(Text.of("problem.id.retired", "b1", "2024-05-01"), Lang.EN))
			.isEqualTo("id 'b1' belonged to an org dissolved on 2024-05-01; a dissolved org is kept, and its id is never given to another");
		assertThat(m.say(Text.of("problem.group.notUnder", "g1", "b1", Text.of("problem.group.parentIs", "b2")), Lang.ZH_HANS))
			.isEqualTo("党小组“g1”不在该党员所在党组织“b1”之下（其上级党组织是“b2”）");
		assertThat(m.say(Text.of("problem.coManager.already", "e1", "t1"), Lang.ZH_HANT)).isEqualTo("「e1」已由「t1」共同管理");
	}

	@Test
	void nameProblemsSayInEnglishWhatNamesSays() {
		for (String name : new String[] { null, " \u3000", "村".repeat(10_000), "上寨\u0000村", "\u202Egnp.exe", "a\u200D1",
				"\u200Da", "x\uD800y", "क्\u200Dष", "甲村黨支部" }) {
			Text text = NameTexts.problem(name);
			if (org.partygraph.model.Names.problem(name) == null) {
				assertThat(text).as(name).isNull();
			}
			else {
				assertThat(Messages.bundled().say(text, Lang.EN)).as(name).isEqualTo(org.partygraph.model.Names.problem(name));
				assertThat(Messages.bundled().say(text, Lang.ZH_HANS)).as(name).doesNotContain("name has", "characters");
			}
		}
		assertThat(Messages.bundled().say(NameTexts.problem("村".repeat(10_000)), Lang.EN))
			.isEqualTo("name is 10,000 characters; at most 200");
		assertThat(Messages.bundled().say(NameTexts.problem("a\u200D1"), Lang.ZH_HANS))
			.isEqualTo("名称name第2个字符是格式字符U+200D（连接符只允许位于两个字母或附加符号之间）");
	}

	@Test
	void whatIfAndScenarioRefusalsSayTheEnglishOfBeforeAndChinese() {
		Messages m = Messages.bundled();
		Text outside = Text.of("whatif.refusal", 2, "MOVE_ORG", Text.of("whatif.outside",
				Text.of("whatif.outside.membersOrg", "e1", "o-b", "甲村黨支部"), "o-t", "甲鄉黨委",
				Text.of("whatif.outside.holder", "o-county", "中共縣委")));
		assertThat(m.say(outside, Lang.EN)).isEqualTo("operation 2 (MOVE_ORG): member: e1's org o-b (甲村黨支部) lies outside"
				+ " within o-t (甲鄉黨委); the nearest org whose subtree holds them all is o-county (中共縣委): use it as within");
		assertThat(m.say(outside, Lang.ZH_HANS)).isEqualTo("操作operations[2]（MOVE_ORG）：member：e1所在党组织o-b（甲村黨支部）"
				+ "在范围within o-t（甲鄉黨委）之外；包含它们全部的最近组织是o-county（中共縣委）：请以它为within");
		assertThat(m.say(Text.of("whatif.dispatched", "e1", "o-xz", "溪鎮村", "2026-03-01", Text.of("problem.noEnd")), Lang.EN))
			.isEqualTo("member: e1 is already dispatched to o-xz (溪鎮村) from 2026-03-01 with no end; one person serves one village at a time");
		assertThat(m.say(Text.of("whatif.notRole", "BOSS", java.util.List.of("SECRETARY", "DEPUTY_SECRETARY")), Lang.EN))
			.isEqualTo("kind: 'BOSS' is not a role; one of [SECRETARY, DEPUTY_SECRETARY]");
		Text applied = Text.of("scenario.applied", "合併", "2026-01-02T03:04:05Z", Text.of("scenario.appliedSaveAnother"));
		assertThat(m.say(applied, Lang.EN))
			.isEqualTo("scenario '合併' was applied at 2026-01-02T03:04:05Z and is kept as it is; save it under another name");
		assertThat(m.say(applied, Lang.ZH_HANT)).isEqualTo("方案「合併」已於2026-01-02T03:04:05Z執行，保持原樣；請以另一個名稱儲存");
		assertThat(m.say(Text.of("scenario.nameInvalid"), Lang.EN)).isEqualTo("a name is 1 to 100 letters, digits, spaces"
				+ " and . _ ( ) + -, starting with a letter or digit and not ending with a space");
	}

	@Test
	void dateProblemsSayTheEnglishOfBefore() {
		java.time.LocalDate on = java.time.LocalDate.of(2026, 4, 30);
		assertThat(org.partygraph.queries.write.EventDates.earlier(on, "h-v2", on.plusDays(1), "RENAMED"))
			.isEqualTo("dated 2026-04-30, before the latest change recorded for 'h-v2' (RENAMED on 2026-05-01); a change"
					+ " may not be dated before one already recorded for an item it touches");
		assertThat(Messages.bundled().say(Text.of("date.tooLate", on, on.minusDays(2), on.minusDays(2), 0), Lang.EN))
			.isEqualTo("dated 2026-04-30, after 2026-04-28 (today 2026-04-28 plus party-graph.time.max-future-days = 0)");
		assertThat(Messages.bundled()
			.say(org.partygraph.queries.write.EventDates.earlierText(on, "h-v2", on.plusDays(1), "RENAMED"), Lang.ZH_HANS))
			.isEqualTo("日期2026-04-30早于“h-v2”已记录的最近一次变更（2026-05-01的RENAMED）；变更的日期不能早于其涉及的任一项已记录的变更");
	}

	@Test
	void rosterProblemsSayTheEnglishOfBefore() {
		Messages m = Messages.bundled();
		assertThat(m.say(Text.of("roster.noGroup", "第九党小组", "xr-b1", Text.of("roster.noGroup.some", java.util.List.of("第一党小组"))), Lang.EN))
			.isEqualTo("no party group is named '第九党小组' under xr-b1 (its groups: [第一党小组])");
		assertThat(m.say(Text.of("roster.noGroup", "第九党小组", "xr-b1", Text.of("roster.noGroup.none")), Lang.EN))
			.isEqualTo("no party group is named '第九党小组' under xr-b1 (it has none)");
		assertThat(m.say(Text.of("roster.orgNameAmbiguous", "甲村党支部", 2, "xr-t", java.util.List.of("xr-b2", "xr-b3")), Lang.EN))
			.isEqualTo("'甲村党支部' names 2 orgs in xr-t's subtree ([xr-b2, xr-b3]); give 党组织编号");
		assertThat(m.say(Text.of("roster.memberIdTaken", "m1", "xr-t"), Lang.EN))
			.isEqualTo("'m1' is taken: no member of xr-t's subtree has this id");
		assertThat(m.say(Text.of("roster.rowAlready", "xr-m1", 2), Lang.ZH_HANT)).isEqualTo("黨員xr-m1已在第2行");
	}

	@Test
	void scenarioApplyRefusalsSayTheEnglishOfBefore() {
		Messages m = Messages.bundled();
		assertThat(m.say(Text.of("scenario.idTaken", "重組", "o-new-0"), Lang.EN))
			.isEqualTo("scenario '重組' would create org 'o-new-0', and that id is held by a stored item outside its scope");
		assertThat(m.say(Text.of("scenario.membersLeftBehind", "重組", "o-b", 3L, java.util.List.of("m1", "m2")), Lang.EN))
			.isEqualTo("scenario '重組' removes 'o-b', to which 3 member(s) outside its scope belong, e.g. [m1, m2]; save it with a wider within");
		assertThat(m.say(Text.of("scenario.membersLeftBehind", "重組", "o-b", 3L, java.util.List.of("m1", "m2")), Lang.ZH_HANT))
			.isEqualTo("方案「重組」撤銷「o-b」，而其範圍以外有3名黨員屬於該組織，例如[m1, m2]；請以更大的within儲存");
		assertThat(m.say(Text.of("scenario.notFoundUnderName", "無此"), Lang.EN)).isEqualTo("no scenario is saved under the name '無此'");
	}

	@Test
	void datasetProblemsSayTheEnglishOfBefore() {
		Messages m = Messages.bundled();
		assertThat(m.say(Text.of("dataset.refersToOther", "roles[0].org", "u-1", Text.of("dataset.a.unit"),
				Text.of("dataset.a.org")), Lang.EN))
			.isEqualTo("roles[0].org refers to 'u-1', which is a unit, not an org");
		assertThat(m.say(Text.of("dataset.refersToUnknown.member", "member", "m-9"), Lang.EN))
			.isEqualTo("member refers to unknown member 'm-9'");
		assertThat(m.say(Text.of("dataset.dispatch.overlap", "m-1", "o-v", "2024-03-01", Text.of("problem.noEnd"),
				"dispatches[0]"), Lang.EN))
			.isEqualTo("'m-1' is already dispatched to 'o-v' from 2024-03-01 with no end (dispatches[0]); one person"
					+ " serves one village at a time");
		assertThat(m.say(Text.of("dataset.heldByOther", "Org", "other"), Lang.EN))
			.isEqualTo("already held by Org of dataset 'other'; ids must be unique across datasets");
		assertThat(m.say(Text.of("dataset.heldByDissolved", "2024-01-01"), Lang.EN)).isEqualTo(
				"already held by an org dissolved on 2024-01-01; a dissolved org is kept, and its id is never given to another");
		assertThat(m.say(Text.of("dataset.beforeHistory", "2024-01-01", "e-1", "2024-02-01"), Lang.EN))
			.isEqualTo("the import is dated 2024-01-01, before the history's event e-1 of 2024-02-01: date it on or after"
					+ " the latest event");
		assertThat(m.say(Text.of("dataset.cannotRead", "Stream closed"), Lang.EN)).isEqualTo("cannot read: Stream closed");
		assertThat(m.say(Text.of("dataset.json.notObject", Text.of("dataset.json.empty")), Lang.EN))
			.isEqualTo("a dataset must be a JSON object with format, name, units, orgs and members; the file is empty");
		assertThat(m.say(Text.of("dataset.refersToOther", "org", "m-2", Text.of("dataset.a.member"),
				Text.of("dataset.a.org")), Lang.ZH_HANS))
			.isEqualTo("org引用的“m-2”是党员，不是党组织");
		assertThat(m.say(Text.of("dataset.duplicateId", "orgs[1]", "units[0]"), Lang.ZH_HANT))
			.isEqualTo("編號重複：orgs[1]與units[0]的編號相同");
	}

	@Test
	void datasetFieldProblemsSayTheEnglishOfBefore() {
		Messages m = Messages.bundled();
		assertThat(m.say(Text.of("dataset.field.unknownKey", "nmae", Text.of("dataset.field.unknownKey.didYouMean", "name"),
				"id, kind, name"), Lang.EN))
			.isEqualTo("unknown key 'nmae'; did you mean 'name'? (allowed: id, kind, name)");
		assertThat(m.say(Text.of("dataset.field.unknownKey", "x", "", "id"), Lang.EN)).isEqualTo("unknown key 'x' (allowed: id)");
		assertThat(m.say(Text.of("dataset.field.notReferenceEntry", "units[1]", Text.of("dataset.a.unit"), "7"), Lang.EN))
			.isEqualTo("units[1] must be a unit id, not 7");
		assertThat(m.say(Text.of("dataset.field.notReference", "parent", Text.of("dataset.field.target.org"),
				Text.of("dataset.json.token.list")), Lang.EN))
			.isEqualTo("parent must be a single org id, not a list");
		assertThat(m.say(Text.of("dataset.field.notObjectList", "roles", "{org, role}", "\"x\""), Lang.EN))
			.isEqualTo("roles must be a list of {org, role} objects, not \"x\"");
		assertThat(m.say(Text.of("dataset.field.formatMissing", "party-graph/2"), Lang.EN))
			.isEqualTo("format is missing; a dataset file starts with \"format\": \"party-graph/2\"");
		assertThat(m.say(Text.of("dataset.cycle", Text.of("dataset.cycle.long", "o0 -> o1", 30, "o0")), Lang.EN))
			.isEqualTo("subordination cycle: o0 -> o1 -> ... (30 orgs) -> o0");
		assertThat(m.say(Text.of("dataset.field.notReference", "parent", Text.of("dataset.field.target.org"),
				Text.of("dataset.json.token.list")), Lang.ZH_HANS))
			.isEqualTo("parent须为单个党组织编号，不能是列表");
		assertThat(m.say(Text.of("dataset.field.notObjectList", "records", "{kind, on, note}",
				Text.of("dataset.json.token.object")), Lang.ZH_HANS))
			.isEqualTo("records须为{kind, on, note}对象列表，不能是对象");
		assertThat(m.say(Text.of("dataset.cycle", Text.of("dataset.cycle.long", "o0 -> o1", 30, "o0")), Lang.ZH_HANT))
			.isEqualTo("隸屬關係成環：o0 -> o1 -> ……（共30個黨組織）-> o0");
		assertThat(m.say(Text.of("dataset.field.unknownKey", "nmae", Text.of("dataset.field.unknownKey.didYouMean", "name"),
				"id, name"), Lang.ZH_HANT))
			.isEqualTo("未知的鍵「nmae」；是否想寫「name」？（允許的鍵：id, name）");
	}

	@Test
	void historyFileProblemsSayTheEnglishOfBefore() {
		Messages m = Messages.bundled();
		assertThat(m.say(Text.of("history.notInstant", "now"), Lang.EN))
			.isEqualTo("'now' is not an instant such as 2024-01-02T03:04:05Z");
		assertThat(m.say(Text.of("history.required.member"), Lang.EN)).isEqualTo("required: the member's id");
		assertThat(m.say(Text.of("history.format", "party-graph-history/1"), Lang.EN))
			.isEqualTo("must be \"party-graph-history/1\"");
		assertThat(m.say(Text.of("history.usedTwice", "e1"), Lang.EN)).isEqualTo("'e1' is used twice");
		assertThat(m.say(Text.of("history.usedTwice", "e1"), Lang.ZH_HANS)).isEqualTo("“e1”用了两次");
		assertThat(m.say(Text.of("history.notDate", "2024-13-01"), Lang.ZH_HANT)).isEqualTo("「2024-13-01」不是日期yyyy-MM-dd");
	}

	@Test
	void rosterFileProblemsSayTheEnglishOfBefore() {
		Messages m = Messages.bundled();
		assertThat(m.say(Text.of("roster.idNumber.checksum", "110105194912310021", "1", "X"), Lang.EN))
			.isEqualTo("'110105194912310021': check character is 1, the checksum gives X");
		assertThat(m.say(Text.of("roster.file.fullSinceProbationary", "人员类别"), Lang.EN))
			.isEqualTo("a 转正时间 is given, but 人员类别 says 预备党员");
		assertThat(m.say(Text.of("roster.file.tooLarge", Text.of("roster.file.theFile"), 30, 20), Lang.EN))
			.isEqualTo("the file is 30 bytes, over the limit of 20 bytes (party-graph.roster.max-bytes)");
		assertThat(m.say(Text.of("roster.file.notXlsx", "'r.xls'", Text.of("roster.file.notXlsx.xls")), Lang.EN))
			.isEqualTo("'r.xls' is not an .xlsx workbook (no zip signature); an old .xls file? save it as .xlsx");
		assertThat(m.say(Text.of("roster.arg.mapping", "名字"), Lang.EN))
			.isEqualTo("mapping must be HEADER=FIELD (e.g. 名字=NAME), not '名字'");
		assertThat(m.say(Text.of("cli.rosterProblem", 2, "身份证号", Text.of("cli.rosterProblem.field", "ID_NUMBER"),
				"x"), Lang.EN))
			.isEqualTo("row 2, column 身份证号 (ID_NUMBER): x");
		assertThat(m.say(Text.of("roster.idNumber.checksum", "110105194912310021", "1", "X"), Lang.ZH_HANS))
			.isEqualTo("“110105194912310021”：校验码是1，按校验算法应为X");
		assertThat(m.say(Text.of("roster.idNumber.length", "1101", 4), Lang.ZH_HANT))
			.isEqualTo("「1101」不是18位身分證號（只有4位）");
	}

	@Test
	void anUnknownScenarioToCompareSaysTheEnglishOfBefore() {
		Text text = Text.of("refusal.argument", "names", Text.of("scenario.notFoundUnderName", "無此"));
		assertThat(Messages.bundled().say(text, Lang.EN)).isEqualTo("names: no scenario is saved under the name '無此'");
		assertThat(Messages.bundled().say(text, Lang.ZH_HANS)).isEqualTo("names：没有以名称“無此”保存的方案");
		assertThat(Messages.bundled().say(text, Lang.ZH_HANT)).isEqualTo("names：沒有以名稱「無此」儲存的方案");
		Text none = Text.of("refusal.argument", "names", Text.of("scenario.noNames"));
		assertThat(Messages.bundled().say(none, Lang.EN)).isEqualTo("names: give at least one scenario name");
		assertThat(Messages.bundled().say(none, Lang.ZH_HANS)).isEqualTo("names：请至少给出一个方案名称");
		assertThat(Messages.bundled().say(none, Lang.ZH_HANT)).isEqualTo("names：請至少給出一個方案名稱");
	}

	@Test
	void aTextIsTheWordingOfAModelsProblem() {
		Text text = Text.of("dataset.dispatch.overlap", "m-1", "o-v", "2024-03-01", Text.of("problem.until", "2025-03-01"),
				"dispatches[0]");
		assertThat(Text.of(text.wording())).isEqualTo(text);
		org.partygraph.model.Problem problem = ProblemTexts.problem("dispatches[1]", "from", text);
		assertThat(problem.message()).isEqualTo(Messages.bundled().say(text, Lang.EN));
		assertThat(Text.of(problem.wording())).isEqualTo(text);
	}

	private static Set<String> values(Properties p) {
		Set<String> values = new TreeSet<>();
		p.stringPropertyNames().forEach((k) -> values.add(p.getProperty(k)));
		return values;
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

}
