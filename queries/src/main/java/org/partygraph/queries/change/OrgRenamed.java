package org.partygraph.queries.change;

/** What {@link OrgChanges#renameOrg} did. */
public record OrgRenamed(String org, String oldName, String newName) {

}
