package org.partygraph.queries.whatif;

/** An operation that cannot be applied; names its 0-based index, and no report is given. */
public class InvalidOperationException extends IllegalArgumentException {

	private final int index;

	public InvalidOperationException(int index, Operation.Op op, String message) {
		super("operation " + index + " (" + ((op != null) ? op : "no op") + "): " + message);
		this.index = index;
	}

	public int index() {
		return this.index;
	}

}
