package org.partygraph.queries.change;

/** A co-management edge {@code (org)-[:CO_MANAGED_BY]->(coManager)} that was added or removed. */
public record CoManagement(String org, String coManager) {

}
