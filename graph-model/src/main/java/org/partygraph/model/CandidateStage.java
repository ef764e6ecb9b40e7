package org.partygraph.model;

/**
 * Where a person stands in the development of new members (發展黨員, docs/contract.md section 8), in
 * the order the stages are reached. A candidate starts as an APPLICANT and is advanced one stage at
 * a time; ADMITTED ends the pipeline (the person is then a PROBATIONARY member).
 */
public enum CandidateStage {

	/** 入黨申請人: applied in writing. */
	APPLICANT,
	/** 入黨積極分子: chosen for cultivation, with a sponsor. */
	ACTIVIST,
	/** 發展對象: chosen for development after cultivation. */
	DEVELOPMENT_TARGET,
	/** 接收為預備黨員: admitted; the person is now a PROBATIONARY member. */
	ADMITTED;

	/** The stage after this one, or {@code null} after ADMITTED. */
	public CandidateStage next() {
		CandidateStage[] all = values();
		return (ordinal() + 1 < all.length) ? all[ordinal() + 1] : null;
	}

}
