package org.partygraph.queries.read;

/**
 * One line of a member roster (花名冊): the member as stored (personal data included; the API
 * decides who sees it) with the names around them.
 *
 * @param member the member
 * @param orgName the name of their membership org
 * @param unitName the unit they work or live in, if recorded
 * @param groupName the party group they are assigned to, if any
 */
public record RosterRow(MemberRow member, String orgName, String unitName, String groupName) {

}
