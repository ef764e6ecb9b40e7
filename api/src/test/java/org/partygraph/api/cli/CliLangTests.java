package org.partygraph.api.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.queries.text.Lang;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's language from LC_ALL, LC_MESSAGES and LANG, as other command-line tools read them. */
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

}
