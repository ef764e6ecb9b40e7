package org.partygraph.model;

/**
 * An office a member holds in an org ({@code members[].roles[]}).
 *
 * @param org the org the office is in; not necessarily the member's own org
 * @param role the office
 */
public record RoleAssignment(String org, Role role) {

}
