package org.partygraph.queries.text;

import java.util.Arrays;
import java.util.List;

import org.partygraph.model.Wording;

/**
 * A text for a person, not yet in any language: a message key of the bundles
 * ({@code messages*.properties}) and its arguments, {@code {0}}, {@code {1}}, … in the bundle's
 * text; or, as an argument, a plain value put in as it is (names and ids as stored, numbers
 * without grouping). Records all the way down, so a report kept as JSON keeps its texts.
 *
 * @param key the bundle key, never changing with the language; {@code null} for a plain value
 * @param args the arguments, each said in the same language
 * @param value the plain value when {@code key} is null
 */
public record Text(String key, List<Text> args, String value) {

	public Text {
		args = (args != null) ? List.copyOf(args) : List.of();
	}

	/** A text of the key with these arguments (a non-{@link Text} argument as its plain string). */
	public static Text of(String key, Object... args) {
		return new Text(key, Arrays.stream(args).map(Text::argument).toList(), null);
	}

	/** A plain value, said the same in every language. */
	public static Text plain(Object value) {
		return new Text(null, List.of(), String.valueOf(value));
	}

	/**
	 * The text of a wording kept with a problem of the model (a dataset's, a roster file's), its
	 * nested wordings texts too; {@code null} for none.
	 */
	public static Text of(Wording wording) {
		if (wording == null) {
			return null;
		}
		return new Text(wording.key(), wording.args().stream().map(Text::argument).toList(), null);
	}

	/** This text as a wording for a problem of the model (a plain value cannot be one). */
	public Wording wording() {
		if (keyless()) {
			throw new IllegalStateException("a plain value is no wording: " + this.value);
		}
		return new Wording(this.key, this.args.stream().map((a) -> a.keyless() ? (Object) a.value() : a.wording()).toList());
	}

	private static Text argument(Object arg) {
		if (arg instanceof Wording w) {
			return of(w);
		}
		return (arg instanceof Text t) ? t : plain(arg);
	}

	/** Whether this is a plain value rather than a bundle key. */
	public boolean keyless() {
		return this.key == null;
	}

}
