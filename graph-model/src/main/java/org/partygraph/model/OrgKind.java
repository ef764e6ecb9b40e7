package org.partygraph.model;

/**
 * Kinds of party organization, with the rank that orders the subordination hierarchy.
 *
 * <p>
 * Kind order, highest first: COUNTY_COMMITTEE &gt; TOWNSHIP_COMMITTEE = WORKING_COMMITTEE &gt;
 * PRIMARY_COMMITTEE &gt; GENERAL_BRANCH &gt; BRANCH = JOINT_BRANCH &gt; PARTY_GROUP.
 */
public enum OrgKind {

	/** 縣委. */
	COUNTY_COMMITTEE(6),
	/** 鄉鎮黨委. */
	TOWNSHIP_COMMITTEE(5),
	/** 工委, e.g. 非公經濟組織工委. */
	WORKING_COMMITTEE(5),
	/** 基層黨委. */
	PRIMARY_COMMITTEE(4),
	/** 黨總支. */
	GENERAL_BRANCH(3),
	/** 黨支部. */
	BRANCH(2),
	/** 聯合黨支部. */
	JOINT_BRANCH(2),
	/** 黨小組. */
	PARTY_GROUP(1);

	private final int rank;

	OrgKind(int rank) {
		this.rank = rank;
	}

	public int rank() {
		return this.rank;
	}

	/** Whether an org of this kind may be the parent of an org of {@code child} kind. */
	public boolean isAbove(OrgKind child) {
		return this.rank > child.rank;
	}

	/** Branches in the sense of the setup rules: a BRANCH or a JOINT_BRANCH. */
	public boolean isBranch() {
		return this == BRANCH || this == JOINT_BRANCH;
	}

}
