package org.partygraph.queries.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one Accept-Language resolver: weights, scripts and regions, defaults. */
class LangTests {

	@Test
	void regionsAndScriptsPickTheChineseScript() {
		assertThat(Lang.of("zh-CN")).isEqualTo(Lang.ZH_HANS);
		assertThat(Lang.of("zh")).isEqualTo(Lang.ZH_HANS);
		assertThat(Lang.of("zh-SG")).isEqualTo(Lang.ZH_HANS);
		assertThat(Lang.of("zh-Hans-HK")).isEqualTo(Lang.ZH_HANS);
		assertThat(Lang.of("zh-TW")).isEqualTo(Lang.ZH_HANT);
		assertThat(Lang.of("zh-HK")).isEqualTo(Lang.ZH_HANT);
		assertThat(Lang.of("zh-MO")).isEqualTo(Lang.ZH_HANT);
		assertThat(Lang.of("zh-Hant")).isEqualTo(Lang.ZH_HANT);
		assertThat(Lang.of("ZH-tw")).isEqualTo(Lang.ZH_HANT);
	}

	@Test
	void weightsDecideNotOrder() {
		assertThat(Lang.of("en;q=0.5, zh-TW;q=0.9")).isEqualTo(Lang.ZH_HANT);
		assertThat(Lang.of("zh-CN;q=0.4, en-US;q=0.8")).isEqualTo(Lang.EN);
		assertThat(Lang.of("zh-TW;q=0, zh-CN;q=0.1")).isEqualTo(Lang.ZH_HANS);
		// A language the service does not speak is passed over for the next one it does.
		assertThat(Lang.of("fr-FR, zh-HK;q=0.7, en;q=0.5")).isEqualTo(Lang.ZH_HANT);
	}

	@Test
	void englishOtherwise() {
		assertThat(Lang.of(null)).isEqualTo(Lang.EN);
		assertThat(Lang.of("")).isEqualTo(Lang.EN);
		assertThat(Lang.of("en")).isEqualTo(Lang.EN);
		assertThat(Lang.of("de-DE, fr")).isEqualTo(Lang.EN);
		assertThat(Lang.of("*")).isEqualTo(Lang.EN);
		assertThat(Lang.of("not a header;;q=x")).isEqualTo(Lang.EN);
	}

	@Test
	void chineseOfTakesTheFirstChineseRangeAndDefaultsToSimplified() {
		assertThat(Lang.chineseOf("en, zh-TW;q=0.5")).isEqualTo(Lang.ZH_HANT);
		assertThat(Lang.chineseOf("en")).isEqualTo(Lang.ZH_HANS);
		assertThat(Lang.chineseOf(null)).isEqualTo(Lang.ZH_HANS);
		assertThat(Lang.chineseOf("zh-Hant-TW;q=0.2, zh-CN;q=0.9")).isEqualTo(Lang.ZH_HANS);
	}

}
