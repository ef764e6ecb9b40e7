package org.partygraph.queries.pattern;

/**
 * The four patterns of setting up party organizations around economic units (四模式), in the
 * order the county report gives them.
 */
public enum Pattern {

	/** Leading enterprise org + production base. */
	ENTERPRISE_BASE("龍頭企業黨組織+基地"),

	/** Industry org + park branch. */
	INDUSTRY_PARK("產業黨組織+園區黨支部"),

	/** Village org + farmers' cooperative. */
	VILLAGE_COOPERATIVE("村黨組織+農民合作社"),

	/** Village org + trade branch. */
	VILLAGE_TRADE_BRANCH("村黨組織+行業黨支部");

	private final String chineseName;

	Pattern(String chineseName) {
		this.chineseName = chineseName;
	}

	/** The pattern's name as the report writes it. */
	public String chineseName() {
		return this.chineseName;
	}

}
