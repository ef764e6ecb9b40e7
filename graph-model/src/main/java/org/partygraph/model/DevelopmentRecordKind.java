package org.partygraph.model;

/**
 * The nine record forms (記實表) of the development of a new member, one per step, after the 臨汾
 * practice (發展黨員工作全程記實制度, docs/source-report.md) and the steps of the
 * 中國共產黨發展黨員工作細則. Each is a dated entry on the candidate; the stage changes write theirs
 * (APPLICATION, ACTIVIST_DESIGNATION, TARGET_DESIGNATION, APPROVAL), the others are recorded as
 * they happen.
 */
public enum DevelopmentRecordKind {

	/** 入黨申請: the written application. */
	APPLICATION(CandidateStage.APPLICANT),
	/** 談話: the org's talk with the applicant (within a month of the application). */
	TALK(CandidateStage.APPLICANT),
	/** 確定入黨積極分子: chosen as activist, with sponsors. */
	ACTIVIST_DESIGNATION(CandidateStage.ACTIVIST),
	/** 培養考察: a cultivation review (every half year). */
	CULTIVATION(CandidateStage.ACTIVIST),
	/** 確定發展對象: chosen as development target. */
	TARGET_DESIGNATION(CandidateStage.DEVELOPMENT_TARGET),
	/** 政治審查: the political review. */
	POLITICAL_REVIEW(CandidateStage.DEVELOPMENT_TARGET),
	/** 集中培訓: the short training. */
	TRAINING(CandidateStage.DEVELOPMENT_TARGET),
	/** 支部大會討論: the branch meeting's vote to admit. */
	BRANCH_RESOLUTION(CandidateStage.DEVELOPMENT_TARGET),
	/** 上級黨委審批: the higher committee's approval; the admission. */
	APPROVAL(CandidateStage.ADMITTED);

	private final CandidateStage stage;

	DevelopmentRecordKind(CandidateStage stage) {
		this.stage = stage;
	}

	/** The stage a candidate must have reached for this record. */
	public CandidateStage stage() {
		return this.stage;
	}

}
