package org.partygraph.queries.read;

import java.util.List;

/**
 * One page of a due list ({@code candidatesDue}, {@code probationsDue}, {@code termsDue}): at most
 * {@code first} items, soonest first, then by id, after the item whose id was given as
 * {@code after}. {@code afterKnown} is false when {@code after} was given but is not an item of the
 * list (then {@code items} is empty); the caller refuses it.
 */
public record DuePage<T>(List<T> items, boolean afterKnown) {

	/** The largest page: a whole list at once, for the callers that read it all. */
	public static final int ALL = Integer.MAX_VALUE;

	/**
	 * The keyset condition of a page in Cypher, on a list item's day {@code day} and id {@code id}:
	 * the items after the anchor (whose day the statement reads as {@code anchor}), all of them without
	 * {@code $after}.
	 */
	static String after(String day, String id) {
		return "(anchor IS NULL OR %1$s > anchor OR (%1$s = anchor AND %2$s > $after))".formatted(day, id);
	}

}
