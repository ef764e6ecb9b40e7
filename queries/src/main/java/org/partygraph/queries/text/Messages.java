package org.partygraph.queries.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Says a {@link Text} in a {@link Lang}. The service's is Spring's {@code MessageSource} over the
 * same bundles (api); {@link #bundled()} reads them straight from the class path, for the
 * English defaults (e.g. {@code ComplianceIssue.message}) and for code without Spring.
 */
@FunctionalInterface
public interface Messages {

	/** The bundles' base name: {@code messages.properties}, {@code messages_zh_CN}, {@code messages_zh_TW}. */
	String BASENAME = "messages";

	/** The text's pattern in the language with its arguments filled in. */
	String say(Text text, Lang lang);

	/** Each text in the language, in order. */
	default java.util.List<String> sayAll(java.util.List<Text> texts, Lang lang) {
		return texts.stream().map((t) -> say(t, lang)).toList();
	}

	/** The bundles read with {@link ResourceBundle} and {@link MessageFormat} (no fallback to the JVM's locale). */
	static Messages bundled() {
		return Bundled.INSTANCE;
	}

	/** A {@link Messages} over plain {@link ResourceBundle}s. */
	final class Bundled implements Messages {

		static final Bundled INSTANCE = new Bundled();

		private static final ResourceBundle.Control CONTROL = ResourceBundle.Control
			.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

		private Bundled() {
		}

		@Override
		public String say(Text text, Lang lang) {
			if (text.keyless()) {
				return text.value();
			}
			ResourceBundle bundle = ResourceBundle.getBundle(BASENAME, lang.locale(), Messages.class.getClassLoader(),
					CONTROL);
			String pattern;
			try {
				pattern = bundle.getString(text.key());
			}
			catch (MissingResourceException ex) {
				throw new IllegalStateException("no message '" + text.key() + "' in " + BASENAME + " for " + lang, ex);
			}
			Object[] args = text.args().stream().map((a) -> say(a, lang)).toArray();
			return new MessageFormat(pattern, (lang == Lang.EN) ? Locale.ENGLISH : lang.locale()).format(args);
		}

	}

}
