package org.partygraph.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors. Member pages of an org carry the last member id seen, so they stay stable while
 * members are added; sorted lists carry a position.
 */
final class Cursors {

	private static final String MEMBER = "member:";

	private static final String OFFSET = "offset:";

	private Cursors() {
	}

	static String encode(String memberId) {
		return encodeText(MEMBER + memberId);
	}

	static String decode(String cursor) {
		return (cursor != null) ? decodeText(cursor, MEMBER) : null;
	}

	static String offset(int position) {
		return encodeText(OFFSET + position);
	}

	/** The position after the cursor's item; 0 without a cursor. */
	static int offsetAfter(String cursor) {
		if (cursor == null) {
			return 0;
		}
		try {
			return Integer.parseInt(decodeText(cursor, OFFSET)) + 1;
		}
		catch (NumberFormatException ex) {
			throw notOurs(cursor);
		}
	}

	/** The page size asked for, checked: {@code first} defaults to 20 and may be 0 to 100. */
	static int pageSize(Integer first) {
		int size = (first != null) ? first : 20;
		if (size < 0 || size > 100) {
			throw new IllegalArgumentException("first must be between 0 and 100, was " + size);
		}
		return size;
	}

	private static String encodeText(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String decodeText(String cursor, String prefix) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith(prefix)) {
				return text.substring(prefix.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the clear message below
		}
		throw notOurs(cursor);
	}

	private static IllegalArgumentException notOurs(String cursor) {
		return new IllegalArgumentException("after is not a cursor this service gave out for this list: '" + cursor + "'");
	}

}
