package org.partygraph.seed;

/**
 * A village of the sample county and the decisions made about it.
 *
 * @param unitId the VILLAGE unit's id
 * @param name the Chinese name, ending in 村
 * @param township the township it lies in
 * @param cluster whether it is an industry-cluster village (產業集聚村)
 * @param generalBranch whether its org was upgraded to a general branch; only cluster villages are
 * @param industry for a cluster village, the INDUSTRY unit id that concentrates there
 */
record Village(String unitId, String name, Township township, boolean cluster, boolean generalBranch,
		String industry) {

	/** The village org's id: the unit id with {@code o-} for {@code u-}. */
	String orgId() {
		return "o-" + this.unitId.substring(2);
	}

	/** The name without 村, as used in the names of things in the village. */
	String stem() {
		return this.name.endsWith("村") ? this.name.substring(0, this.name.length() - 1) : this.name;
	}

}
