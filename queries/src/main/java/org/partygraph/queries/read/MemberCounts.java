package org.partygraph.queries.read;

/**
 * Members whose membership is in an org's subtree (or, for a party group, assigned to it).
 *
 * @param total all members, FULL and PROBATIONARY
 * @param full FULL members only
 */
public record MemberCounts(int total, int full) {

	public static final MemberCounts NONE = new MemberCounts(0, 0);

}
