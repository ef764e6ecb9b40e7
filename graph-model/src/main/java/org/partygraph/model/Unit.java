package org.partygraph.model;

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
 */
public record Unit(String id, UnitKind kind, String name, String locatedIn, String industry, String supplies,
		Integer households, Integer householdsDriven, Boolean leading, Boolean industryCluster) {

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
