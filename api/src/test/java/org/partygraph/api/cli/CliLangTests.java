package org.partygraph.api.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.queries.text.Lang;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's language from LC_ALL, LC_MESSAGES and LANG, as other command-line tools read them. */
class CliLangTests {

	@Test
	void aChineseLocaleGivesItsScript() {
		assertThat(CliLang.of(Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(Lang.ZH_HANS);
		assertThat(CliLang.of(Map.of("LANG", "zh_SG"))).isEqualTo(Lang.ZH_HANS);
		assertThat(CliLang.of(Map.of("LANG", "zh_TW.UTF-8"))).isEqualTo(Lang.ZH_HANT);
		assertThat(CliLang.of(Map.of("LANG", "zh_HK.Big5-HKSCS"))).isEqualTo(Lang.ZH_HANT);
		assertThat(CliLang.of(Map.of("LC_MESSAGES", "zh_TW@euro"))).isEqualTo(Lang.ZH_HANT);
		assertThat(CliLang.of(Map.of("LANG", "zh"))).isEqualTo(Lang.ZH_HANS);
	}

	@Test
	void anyOtherLocaleCOrNoneIsEnglish() {
		assertThat(CliLang.of(Map.of())).isEqualTo(Lang.EN);
		assertThat(CliLang.of(Map.of("LANG", "C"))).isEqualTo(Lang.EN);
		assertThat(CliLang.of(Map.of("LANG", "C.UTF-8"))).isEqualTo(Lang.EN);
		assertThat(CliLang.of(Map.of("LANG", "POSIX"))).isEqualTo(Lang.EN);
		assertThat(CliLang.of(Map.of("LANG", "de_DE.UTF-8"))).isEqualTo(Lang.EN);
		assertThat(CliLang.of(Map.of("LANG", "en_US.UTF-8"))).isEqualTo(Lang.EN);
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
