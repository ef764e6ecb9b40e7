package org.partygraph.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A message as a key of the service's message bundles ({@code messages*.properties} in the
 * queries module) and its arguments, so that where it reaches a person it is said in their
 * language; the English stays the message it goes with ({@link Problem#message()}). An argument is
 * a plain string (ids, names, codes, fields and dates as they are) or a {@link Wording} itself, said
 * in the same language.
 *
 * @param key the bundle key, never changing with the language
 * @param args the arguments, each a {@link String} or a {@link Wording}
 */
public record Wording(String key, List<Object> args) {

	public Wording {
		List<Object> plain = new ArrayList<>();
		if (args != null) {
			args.forEach((a) -> plain.add((a instanceof Wording) ? a : String.valueOf(a)));
		}
		args = Collections.unmodifiableList(plain);
	}

	/** A wording of the key with these arguments (a non-{@link Wording} argument as its plain string). */
	public static Wording of(String key, Object... args) {
		return new Wording(key, java.util.Arrays.asList(args));
	}

}
