package org.partygraph.api.graphql;

/**
 * Key of the {@code childLists} loader: an org, and whether the query asks for its children's
 * member counts (then they are counted in the same statement).
 */
record ChildrenKey(String orgId, boolean counted) {
}
