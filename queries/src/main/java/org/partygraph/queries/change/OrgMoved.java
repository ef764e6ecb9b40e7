package org.partygraph.queries.change;

/** What {@link OrgChanges#moveOrg} did: the org's parent went from {@code oldParent} to {@code newParent}. */
public record OrgMoved(String org, String oldParent, String newParent) {

}
