package org.partygraph.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An economic or territorial unit ({@code units[]} of the dataset). Optional fields are
 * {@code null} when absent, so that an export writes back exactly what was imported.
 *
 * @param id unique id within the dataset
 * @param kind what the unit is
 * @param name its name
 * @param locatedIn the unit it lies in (a village in a township...)
 * @param industry the INDUSTRY unit it belongs to
 * @param supplies for a PRODUCTION_BASE, the ENTERPRISE it supplies
 * @param households number of base farm households
 * @param householdsDriven for a COOPERATIVE, the farm households it drives
 * @param leading for an ENTERPRISE, whether it is a leading enterprise (龍頭企業)
 * @param industryCluster for a VILLAGE, whether it is an industry-cluster village
 * @param adjacentTo the units next to it (neighbouring villages; {@code party-graph/2}); adjacency
 * goes both ways, so a pair may be listed on either unit or both; never {@code null}
 */
public record Unit(String id, UnitKind kind, String name, String locatedIn, String industry, String supplies,
		Integer households, Integer householdsDriven, Boolean leading, Boolean industryCluster,
		List<String> adjacentTo) {

	public Unit {
		// Not List.copyOf: a null entry is a problem the validator names, not a NullPointerException.
		adjacentTo = (adjacentTo != null) ? Collections.unmodifiableList(new ArrayList<>(adjacentTo)) : List.of();
	}

	/** A unit without neighbours (the fields of {@code party-graph/1}). */
	public Unit(String id, UnitKind kind, String name, String locatedIn, String industry, String supplies,
			Integer households, Integer householdsDriven, Boolean leading, Boolean industryCluster) {
		this(id, kind, name, locatedIn, industry, supplies, households, householdsDriven, leading, industryCluster,
				null);
	}

	/** The same unit with these neighbours. */
	public Unit withAdjacentTo(List<String> ids) {
		return new Unit(this.id, this.kind, this.name, this.locatedIn, this.industry, this.supplies, this.households,
				this.householdsDriven, this.leading, this.industryCluster, ids);
	}

	/** A unit with only the required fields and an optional location. */
	public static Unit of(String id, UnitKind kind, String name, String locatedIn) {
		return new Unit(id, kind, name, locatedIn, null, null, null, null, null, null);
	}

	public boolean isLeading() {
		return Boolean.TRUE.equals(this.leading);
	}

	public boolean isIndustryCluster() {
		return Boolean.TRUE.equals(this.industryCluster);
	}

}
