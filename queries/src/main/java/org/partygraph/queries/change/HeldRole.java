package org.partygraph.queries.change;

import org.partygraph.model.Role;

/** An office {@code (member)-[:HOLDS {role}]->(org)} that was assigned or removed. */
public record HeldRole(String member, String org, Role role) {

}
