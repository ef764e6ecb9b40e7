package org.partygraph.queries.whatif;

import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

/**
 * An operation that cannot be applied; names its 0-based index, and no report is given. The message
 * is English; one made from a text of the bundles ({@link #text}) is said in the request's language
 * where it reaches a person as a GraphQL error.
 */
public class InvalidOperationException extends IllegalArgumentException {

	private final int index;

	private final transient Text text;

	public InvalidOperationException(int index, Operation.Op op, String message) {
		super("operation " + index + " (" + ((op != null) ? op : "no op") + "): " + message);
		this.index = index;
		this.text = null;
	}

	/** The operation's refusal as a text of the bundles: {@code whatif.refusal} with the index, op and message. */
	public InvalidOperationException(int index, Operation.Op op, Text message) {
		this(index, Text.of("whatif.refusal", index, (op != null) ? op : "no op", message));
	}

	private InvalidOperationException(int index, Text text) {
		super(Messages.bundled().say(text, Lang.EN));
		this.index = index;
		this.text = text;
	}

	public int index() {
		return this.index;
	}

	/** The whole message as a text of the bundles; {@code null} when it is English only. */
	public Text text() {
		return this.text;
	}

}
