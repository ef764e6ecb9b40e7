package org.partygraph.queries.read;

import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;

/** An org's own properties as stored; its relations are read separately, in batches. */
public record OrgRow(String id, String name, OrgKind kind, Trade trade, Boolean hasCommittee, String dataset) {

}
