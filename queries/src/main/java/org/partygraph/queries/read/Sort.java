package org.partygraph.queries.read;

/**
 * How a list is ordered; ties are broken by id so pages never overlap.
 *
 * @param field NAME, ID, KIND, MEMBER_COUNT, FULL_MEMBER_COUNT (orgs), JOINED (members)
 * @param descending largest first
 */
public record Sort(Field field, boolean descending) {

	public static final Sort BY_NAME = new Sort(Field.NAME, false);

	/** Sort keys; not every list supports every key. */
	public enum Field {

		NAME, ID, KIND, MEMBER_COUNT, FULL_MEMBER_COUNT, JOINED

	}

}
