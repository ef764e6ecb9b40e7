package org.partygraph.queries.read;

import org.partygraph.model.MemberStatus;
import org.partygraph.model.Role;
import org.partygraph.model.Trade;

/**
 * Which members a list holds; every field is optional and they all must hold.
 *
 * @param within membership in this org's subtree through parent
 * @param status FULL or PROBATIONARY
 * @param trade the member's trade
 * @param nameContains the name contains this text
 * @param role holds this office somewhere
 */
public record MemberFilter(String within, MemberStatus status, Trade trade, String nameContains, Role role) {

	public static final MemberFilter ALL = new MemberFilter(null, null, null, null, null);

}
