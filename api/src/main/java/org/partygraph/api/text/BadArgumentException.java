package org.partygraph.api.text;

import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

/** A bad argument ({@code BAD_REQUEST}) whose message is a text of the bundles (see {@link Said}). */
public class BadArgumentException extends IllegalArgumentException implements Said {

	private final transient Text text;

	public BadArgumentException(Text text) {
		super(Messages.bundled().say(text, Lang.EN));
		this.text = text;
	}

	@Override
	public Text text() {
		return this.text;
	}

}
