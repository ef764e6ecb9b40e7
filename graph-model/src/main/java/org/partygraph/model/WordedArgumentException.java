package org.partygraph.model;

/**
 * A bad value whose message, in English, is also a {@link Wording} of the message bundles, to be
 * said in a person's language where it reaches them.
 */
public class WordedArgumentException extends IllegalArgumentException {

	private final transient Wording wording;

	/**
	 * @param message the English message
	 * @param key the bundle key of the same message
	 * @param args its arguments
	 */
	public WordedArgumentException(String message, String key, Object... args) {
		super(message);
		this.wording = Wording.of(key, args);
	}

	/** The message as a wording of the bundles. */
	public Wording wording() {
		return this.wording;
	}

}
