package org.partygraph.model;

/** Offices a member can hold in an org. */
public enum Role {

	/** 書記. */
	SECRETARY,
	/** 副書記. */
	DEPUTY_SECRETARY,
	/** 委員. */
	COMMITTEE_MEMBER,
	/** 黨小組長. */
	GROUP_LEADER

}
