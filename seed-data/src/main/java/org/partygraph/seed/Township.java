package org.partygraph.seed;

import java.util.List;

import org.partygraph.model.OrgKind;

/**
 * One of the 11 township-level divisions of 懷仁縣, with how the sample county shapes it.
 *
 * @param code short pinyin code used in ids, e.g. {@code hbt} for 海北頭鄉
 * @param name the Chinese name
 * @param seatVillage the village named after the township seat, or {@code null} (雲中鎮 is the
 * county town)
 * @param villages how many villages it has
 * @param clusterVillages how many of them are industry-cluster villages
 * @param generalBranches how many cluster villages were upgraded to a general branch
 * @param sheepOrg the kind of its sheep-industry org, or {@code null} if it set up none
 */
record Township(String code, String name, String seatVillage, int villages, int clusterVillages,
		int generalBranches, OrgKind sheepOrg) {

	/**
	 * The 11 divisions. The cluster and general-branch columns add up to the report's 45 and 32;
	 * four townships have a sheep-industry general branch, six a sheep-industry branch.
	 */
	static final List<Township> ALL = List.of(
			new Township("yz", "雲中鎮", null, 20, 3, 2, null),
			new Township("wjy", "吳家窯鎮", "吳家窯村", 16, 4, 3, OrgKind.BRANCH),
			new Township("jst", "金沙灘鎮", "金沙灘村", 22, 6, 5, OrgKind.GENERAL_BRANCH),
			new Township("mjz", "毛家皂鎮", "毛家皂村", 18, 5, 4, OrgKind.GENERAL_BRANCH),
			new Township("hjb", "何家堡鄉", "何家堡村", 14, 4, 3, OrgKind.GENERAL_BRANCH),
			new Township("xjy", "新家園鄉", "新家園村", 16, 4, 3, OrgKind.BRANCH),
			new Township("qh", "親和鄉", "親和村", 14, 3, 2, OrgKind.BRANCH),
			new Township("hbt", "海北頭鄉", "海北頭村", 18, 6, 4, OrgKind.GENERAL_BRANCH),
			new Township("mxz", "馬辛莊鄉", "馬辛莊村", 14, 4, 2, OrgKind.BRANCH),
			new Township("ht", "河頭鄉", "河頭村", 14, 3, 2, OrgKind.BRANCH),
			new Township("emk", "鵝毛口鄉", "鵝毛口村", 10, 3, 2, OrgKind.BRANCH));

	String unitId() {
		return "u-t-" + this.code;
	}

	String committeeId() {
		return "o-t-" + this.code;
	}

	/** Township names end in 鎮 or 鄉; the short form drops it, as in 海北頭肉羊養殖園區. */
	String shortName() {
		return this.name.substring(0, this.name.length() - 1);
	}

	static Township byCode(String code) {
		return ALL.stream()
			.filter((township) -> township.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no township " + code));
	}

}
