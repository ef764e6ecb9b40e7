package org.partygraph.api.text;

import org.partygraph.queries.text.Text;

/**
 * An exception whose message is also a {@link Text} of the message bundles: the GraphQL error it
 * becomes is said in the request's language ({@code ErrorMessages}); its {@code getMessage()} is the
 * English.
 */
public interface Said {

	/** The message as a text; {@code null} when it has only its English message. */
	Text text();

}
