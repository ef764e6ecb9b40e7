package org.partygraph.queries.read;

import java.util.List;

/**
 * An org that manages another, directly or further up, through subordination and/or
 * co-management.
 *
 * @param manager the managing org
 * @param distance relations between the two on the shortest chain (1 = direct)
 * @param via the relation types along that chain, from the managed org up, e.g.
 * {@code [CO_MANAGED_BY, SUBORDINATE_TO]}
 */
public record ManagementLink(OrgRow manager, int distance, List<String> via) {

}
