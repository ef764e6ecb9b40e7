package org.partygraph.model;

/** Trades that trade branches (行業黨支部) group members by. */
public enum Trade {

	PLANTING("種植"), BREEDING("養殖"), PROCESSING("加工"), TRANSPORT("運輸"), COMMERCE("商貿");

	private final String chineseName;

	Trade(String chineseName) {
		this.chineseName = chineseName;
	}

	/** 種植, 養殖...: as in 下寨村養殖行業黨支部. */
	public String chineseName() {
		return this.chineseName;
	}

}
