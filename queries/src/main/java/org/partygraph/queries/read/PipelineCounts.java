package org.partygraph.queries.read;

/**
 * The development pipeline of an org (or its subtree) on a day: candidates by stage, and the
 * PROBATIONARY members, the stage after admission. Each person is counted once, at the stage they
 * had reached that day.
 */
public record PipelineCounts(long applicants, long activists, long developmentTargets, long probationers) {

	public static final PipelineCounts NONE = new PipelineCounts(0, 0, 0, 0);

	/** These counts and {@code other}'s added up. */
	public PipelineCounts plus(PipelineCounts other) {
		return new PipelineCounts(this.applicants + other.applicants, this.activists + other.activists,
				this.developmentTargets + other.developmentTargets, this.probationers + other.probationers);
	}

	/** The same counts with the probationers given. */
	public PipelineCounts withProbationers(long count) {
		return new PipelineCounts(this.applicants, this.activists, this.developmentTargets, count);
	}

	/** The people in the pipeline, from applicants to probationers. */
	public long total() {
		return this.applicants + this.activists + this.developmentTargets + this.probationers;
	}

}
