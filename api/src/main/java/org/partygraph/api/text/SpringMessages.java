package org.partygraph.api.text;

import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says a {@link Text} in a {@link Lang} through Spring's {@link MessageSource} (the bundles
 * {@code messages*.properties}, {@code spring.messages.*} in application.properties). A text's
 * arguments that are texts are said first, in the same language.
 */
@Component
public class SpringMessages implements Messages {

	private final MessageSource source;

	public SpringMessages(MessageSource source) {
		this.source = source;
	}

	@Override
	public String say(Text text, Lang lang) {
		if (text.keyless()) {
			return text.value();
		}
		Object[] args = text.args().stream().map((a) -> say(a, lang)).toArray();
		return this.source.getMessage(text.key(), args, lang.locale());
	}

	/** A key with plain arguments. */
	public String say(String key, Lang lang, Object... args) {
		return say(Text.of(key, args), lang);
	}

}
