package org.partygraph.api.graphql;

import org.partygraph.api.text.Said;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

/** An id given as an argument names nothing (or nothing the caller may see). */
public class NotFoundException extends RuntimeException implements Said {

	private final transient Text text;

	public NotFoundException(String message) {
		super(message);
		this.text = null;
	}

	/** An argument naming nothing, the message a text of the bundles (in English here, in the request's language to the caller). */
	public NotFoundException(Text text) {
		super(Messages.bundled().say(text, Lang.EN));
		this.text = text;
	}

	/** {@code ARGUMENT: no org has id 'ID'}, in the request's language in a GraphQL error. */
	public static NotFoundException noOrg(String argument, Object id) {
		return new NotFoundException(Text.of("refusal.noOrg", argument, id));
	}

	@Override
	public Text text() {
		return this.text;
	}

}
