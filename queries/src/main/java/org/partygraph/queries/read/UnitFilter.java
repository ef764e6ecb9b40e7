package org.partygraph.queries.read;

import java.util.List;

import org.partygraph.model.UnitKind;

/**
 * Which units a list holds; every field is optional and they all must hold.
 *
 * @param kinds of one of these kinds
 * @param nameContains the name contains this text
 * @param locatedIn located in this unit at any depth
 * @param leading leading enterprises (or not)
 * @param industryCluster industry-cluster villages (or not)
 * @param hasOrg whether some org is set up in it
 */
public record UnitFilter(List<UnitKind> kinds, String nameContains, String locatedIn, Boolean leading,
		Boolean industryCluster, Boolean hasOrg) {

	public static final UnitFilter ALL = new UnitFilter(null, null, null, null, null, null);

}
