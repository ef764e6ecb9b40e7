package org.partygraph.queries.change;

/**
 * What {@link OrgChanges#assignGroup} did: the member's party group went from {@code oldGroup} to
 * {@code newGroup} (either {@code null} for none).
 */
public record GroupAssigned(String member, String oldGroup, String newGroup) {

}
