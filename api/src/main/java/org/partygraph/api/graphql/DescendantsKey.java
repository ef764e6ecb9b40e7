package org.partygraph.api.graphql;

/** One org's descendants request; requests with the same depth are loaded in one statement. */
record DescendantsKey(String orgId, Integer depth) {

}
