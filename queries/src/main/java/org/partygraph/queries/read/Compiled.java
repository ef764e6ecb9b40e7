package org.partygraph.queries.read;

import java.util.Map;

/**
 * An object of a compiled answer: the row the resolvers would have read ({@code OrgRow},
 * {@code MemberRow} or {@code UnitRow}), and the answers the one statement already holds for the
 * relations the query asked of it, by result key: a {@code Compiled}, a list of them, an
 * {@code Integer} count, a {@link MemberPageAnswer} or {@code null}. A field not among them (a
 * scalar, or a relation the compiler does not know) is answered from the row as before.
 */
public record Compiled(Object row, Map<String, Object> answers) {

	public boolean answers(String key) {
		return this.answers.containsKey(key);
	}

	public Object answer(String key) {
		return this.answers.get(key);
	}

}
