package org.partygraph.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors: the last member id seen, so pages stay stable while members are added. */
final class Cursors {

	private static final String PREFIX = "member:";

	private Cursors() {
	}

	static String encode(String memberId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + memberId).getBytes(StandardCharsets.UTF_8));
	}

	static String decode(String cursor) {
		if (cursor == null) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith(PREFIX)) {
				return text.substring(PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the clear message below
		}
		throw new IllegalArgumentException("after is not a cursor this service gave out: '" + cursor + "'");
	}

}
