package org.partygraph.api.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partygraph.queries.text.Lang;

/**
 * The language of the command line's lines, from the environment as other command-line tools read
 * it: the first of {@code LC_ALL}, {@code LC_MESSAGES} and {@code LANG} that is set and not empty. A
 * Chinese locale ({@code zh_CN.UTF-8}, {@code zh_TW}, {@code zh_HK}, {@code zh_Hant}) gives its
 * script as {@link Lang#chinese(Locale)} does; any other, {@code C}, {@code POSIX} or none, English.
 */
final class CliLang {

	/** The variables read, the first set one deciding. */
	static final List<String> VARIABLES = List.of("LC_ALL", "LC_MESSAGES", "LANG");

	private CliLang() {
	}

	/** The language of this process's environment. */
	static Lang current() {
		return of(System.getenv());
	}

	/** The language an environment asks for. */
	static Lang of(Map<String, String> env) {
		for (String name : VARIABLES) {
			String value = env.get(name);
			if (value != null && !value.isEmpty()) {
				return ofLocale(value);
			}
		}
		return Lang.EN;
	}

	/** The language of one POSIX locale name, {@code language[_territory][.codeset][@modifier]}. */
	static Lang ofLocale(String name) {
		String tag = name;
		for (char end : new char[] { '.', '@' }) {
			int at = tag.indexOf(end);
			if (at >= 0) {
				tag = tag.substring(0, at);
			}
		}
		Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
		return locale.getLanguage().equals("zh") ? Lang.chinese(locale) : Lang.EN;
	}

}
