package org.partygraph.model;

/** Standing of a party member; only full members count toward setup thresholds. */
public enum MemberStatus {

	/** 正式黨員. */
	FULL,
	/** 預備黨員. */
	PROBATIONARY

}
