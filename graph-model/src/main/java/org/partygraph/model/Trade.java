package org.partygraph.model;

/** Trades that trade branches (行業黨支部) group members by. */
public enum Trade {

	/** 種植. */
	PLANTING,
	/** 養殖. */
	BREEDING,
	/** 加工. */
	PROCESSING,
	/** 運輸. */
	TRANSPORT,
	/** 商貿. */
	COMMERCE

}
