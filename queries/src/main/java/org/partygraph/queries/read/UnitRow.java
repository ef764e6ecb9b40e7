package org.partygraph.queries.read;

import org.partygraph.model.UnitKind;

/** A unit's own properties as stored. */
public record UnitRow(String id, String name, UnitKind kind, Boolean leading, Boolean industryCluster,
		Integer households, Integer householdsDriven) {

}
