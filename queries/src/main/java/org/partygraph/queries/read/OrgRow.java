package org.partygraph.queries.read;

import java.time.LocalDate;

import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;

/**
 * An org's own properties as stored; its relations are read separately, in batches.
 *
 * @param electedOn the day its present term began (its latest recorded election), or {@code null}
 */
public record OrgRow(String id, String name, OrgKind kind, Trade trade, Boolean hasCommittee, String dataset,
		LocalDate electedOn) {

	/** A row without a recorded election. */
	public OrgRow(String id, String name, OrgKind kind, Trade trade, Boolean hasCommittee, String dataset) {
		this(id, name, kind, trade, hasCommittee, dataset, null);
	}

}
