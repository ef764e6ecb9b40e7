package org.partygraph.queries.whatif;

/**
 * A member whose membership org differs between before and after.
 *
 * @param memberId the member
 * @param memberName their name
 * @param fromOrg the org before
 * @param toOrg the org after
 */
public record MemberMove(String memberId, String memberName, String fromOrg, String toOrg) {

}
