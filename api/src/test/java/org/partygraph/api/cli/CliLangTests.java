package org.partygraph.api.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.Dataset;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.WordedArgumentException;
import org.partygraph.model.history.History;
import org.partygraph.queries.change.RosterOutcome;
import org.partygraph.queries.dataset.ImportResult;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command line's language from LC_ALL, LC_MESSAGES and LANG, as other command-line tools read
 * them; its lines in English as before, and in Chinese.
 */
class CliLangTests {

	@Test
	void aChineseLocaleGivesItsScriptAnyOtherCOrNoneEnglish() {
		Map<String, Lang> expected = Map.ofEntries(Map.entry("zh_CN.UTF-8", Lang.ZH_HANS), Map.entry("zh_SG", Lang.ZH_HANS),
				Map.entry("zh", Lang.ZH_HANS), Map.entry("zh_TW.UTF-8", Lang.ZH_HANT),
				Map.entry("zh_HK.Big5-HKSCS", Lang.ZH_HANT), Map.entry("zh_TW@euro", Lang.ZH_HANT), Map.entry("C", Lang.EN),
				Map.entry("C.UTF-8", Lang.EN), Map.entry("POSIX", Lang.EN), Map.entry("de_DE.UTF-8", Lang.EN),
				Map.entry("en_US.UTF-8", Lang.EN));
		expected.forEach((value, lang) -> assertThat(CliLang.of(Map.of("LANG", value))).as(value).isEqualTo(lang));
		assertThat(CliLang.of(Map.of())).isEqualTo(Lang.EN);
	}

	@Test
	void lcAllThenLcMessagesThenLangTheFirstSetDecides() {
		assertThat(CliLang.of(Map.of("LC_ALL", "C", "LANG", "zh_CN.UTF-8"))).isEqualTo(Lang.EN);
		assertThat(CliLang.of(Map.of("LC_ALL", "zh_TW.UTF-8", "LC_MESSAGES", "C", "LANG", "C"))).isEqualTo(Lang.ZH_HANT);
		assertThat(CliLang.of(Map.of("LC_MESSAGES", "zh_CN.UTF-8", "LANG", "en_US.UTF-8"))).isEqualTo(Lang.ZH_HANS);
		// An empty variable is not set.
		assertThat(CliLang.of(Map.of("LC_ALL", "", "LC_MESSAGES", "", "LANG", "zh_HK.UTF-8"))).isEqualTo(Lang.ZH_HANT);
	}

	@TempDir
	Path dir;

	@Test
	void progressAndSummaryLinesSayTheEnglishOfBefore() {
		Path file = Path.of("out", "county.json");
		Dataset dataset = new Dataset("懷仁縣", List.of(), List.of(Org.of("o-1", OrgKind.BRANCH, "B", null)), List.of());
		History history = History.EMPTY;
		ImportResult result = new ImportResult("懷仁縣", 12345, 678, 9, 2468);
		assertThat(en(CliTexts.bulkImport(file, 1234567)))
			.isEqualTo(String.format(Locale.ROOT, "bulk import of %s (%,d bytes)", file, 1234567));
		assertThat(en(CliTexts.readDataset(file, dataset))).isEqualTo(String.format(Locale.ROOT,
				"read %s: dataset '%s', %d units, %d orgs, %d members", file, "懷仁縣", 0, 1, 0));
		assertThat(en(CliTexts.readHistory(file, history)))
			.isEqualTo(String.format(Locale.ROOT, "read %s: %d events, %d transfers", file, 0, 0));
		assertThat(en(CliTexts.imported(result))).isEqualTo(String.format(Locale.ROOT,
				"imported '%s': %d nodes, %d relationships in %.1f s (%.0f entities/s); replaced %d earlier nodes",
				result.dataset(), result.nodes(), result.relationships(), result.millis() / 1000.0,
				result.entitiesPerSecond(), result.replaced()));
		assertThat(en(CliTexts.exported(dataset, file))).isEqualTo(String.format(Locale.ROOT,
				"exported '%s' to %s: %d units, %d orgs, %d members", "懷仁縣", file, 0, 1, 0));
		assertThat(en(CliTexts.exportedHistory(file, history)))
			.isEqualTo(String.format(Locale.ROOT, "exported the history to %s: %d events, %d transfers", file, 0, 0));
		RosterOutcome row = new RosterOutcome(3, "m-7", "甲", RosterOutcome.ADDED, List.of("name: 甲", "org: o-1"));
		assertThat(en(CliTexts.rosterRow(row))).isEqualTo("row 3: ADDED m-7 甲: name: 甲; org: o-1");
		assertThat(en(CliTexts.failed("import", Text.of("cli.failed.noSuchFile", file))))
			.isEqualTo("import failed: no such file: " + file);
		assertThat(en(CliTexts.checked(1000))).isEqualTo("checked: no hard-rule problem in 1,000 entities");
		assertThat(en(CliTexts.phase("publishing Org", 2.4))).isEqualTo("publishing Org (at 2 s)");
		assertThat(en(CliTexts.writing("members", 500, 1000, 2))).isEqualTo(String.format(Locale.ROOT,
				"writing %s: %,d / %,d entities (%.0f%%), %,.0f/s, ETA %.0f s", "members", 500, 1000, 50.0, 250.0, 2.0));

		assertThat(say(CliTexts.rosterRow(row), Lang.ZH_HANS)).isEqualTo("第3行：新增 m-7 甲：name: 甲; org: o-1");
		assertThat(say(CliTexts.imported(result), Lang.ZH_HANS))
			.isEqualTo("已导入“懷仁縣”：节点12345个，关系678条，用时2.5秒（每秒5277个）；替换了原有节点9个");
		assertThat(say(CliTexts.readDataset(file, dataset), Lang.ZH_HANT))
			.isEqualTo("已讀取" + file + "：資料集「懷仁縣」，單位0個，黨組織1個，黨員0人");
		assertThat(say(CliTexts.writing("members", 500, 1000, 2), Lang.ZH_HANT))
			.isEqualTo("正在寫入members：500 / 1,000個實體（50%），每秒250個，預計還需2秒");
	}

	@Test
	void aBadMappingIsAWordingOfItsEnglishAndSaidInTheLanguage() throws Exception {
		Path mappingFile = this.dir.resolve("mapping.txt");
		Files.writeString(mappingFile, "名字=NAME\n入党 JOINED\n");
		for (Object[] bad : new Object[][] { { List.of("名字=NAME,入党"), null }, { List.of("名字=NAMES"), null },
				{ List.of(" "), null }, { List.of(), mappingFile }, { List.of(), this.dir.resolve("none.txt") } }) {
			@SuppressWarnings("unchecked")
			List<String> options = (List<String>) bad[0];
			assertThatThrownBy(() -> Cli.rosterMapping(options, (Path) bad[1]))
				.isInstanceOfSatisfying(WordedArgumentException.class, (ex) -> assertThat(en(Text.of(ex.wording())))
					.isEqualTo(ex.getMessage()));
		}
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Path roster = this.dir.resolve("r.csv");
		Files.writeString(roster, "名字,入党\n甲,2000-01-01\n");
		int status = Cli.run(new String[] { "import-roster", roster.toString(), "--org=o-county", "--mapping=名字=NAME,入党",
				"--party-graph.data-dir=" + this.dir.resolve("data"), "--party-graph.embedded.bolt-port=0" },
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), Lang.ZH_HANS);
		assertThat(status).isEqualTo(Cli.INVALID);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.isEqualTo("import-roster：--mapping：“入党”不是“表头=字段”对；未写入任何内容" + System.lineSeparator());
		assertThat(this.dir.resolve("data")).doesNotExist();
	}

	private static String en(Text text) {
		return say(text, Lang.EN);
	}

	private static String say(Text text, Lang lang) {
		return Messages.bundled().say(text, lang);
	}

}
