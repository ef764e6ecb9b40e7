package org.partygraph.queries.read;

import org.partygraph.model.Role;

/**
 * An office held: who holds which role in which org.
 *
 * @param member the holder
 * @param orgId the org the office is in
 * @param role the office
 */
public record Office(MemberRow member, String orgId, Role role) {

}
