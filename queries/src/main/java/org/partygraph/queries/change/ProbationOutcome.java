package org.partygraph.queries.change;

/**
 * The decision a branch takes when a probationary member's probation (預備期) ends
 * (中國共產黨章程 第七條, docs/contract.md section 8).
 */
public enum ProbationOutcome {

	/** Made a full member (轉為正式黨員). */
	FULL,
	/** The probation is extended once, by six months to a year (延長預備期). */
	EXTENDED,
	/** The probationary membership is cancelled (取消預備黨員資格): the person is no longer a member. */
	CANCELLED

}
