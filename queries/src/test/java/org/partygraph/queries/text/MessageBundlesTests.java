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
