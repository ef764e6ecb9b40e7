package org.partygraph.seed;

import java.util.List;

/**
 * The county's villages as laid out by {@link TerritoryBuilder}, for the pattern builders to place
 * cooperatives, production bases and members in.
 *
 * @param villages every village, township by township
 */
record Territory(List<Village> villages) {

	Territory {
		villages = List.copyOf(villages);
	}

	List<Village> villagesOf(Township township) {
		return this.villages.stream().filter((village) -> village.township().equals(township)).toList();
	}

	List<Village> generalBranchVillages() {
		return this.villages.stream().filter(Village::generalBranch).toList();
	}

}
