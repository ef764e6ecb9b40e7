package org.partygraph.queries;

import org.partygraph.queries.dataset.ImportProgress;

/** Counts progress calls and, when asked, dies at the n-th call of one step. */
final class ImportProgressCounter implements ImportProgress {

	static final ImportProgress NONE = ImportProgress.NONE;

	private final String dieInStep;

	private final int dieAtCall;

	int calls;

	private int callsInStep;

	ImportProgressCounter(String dieInStep, int dieAtCall) {
		this.dieInStep = dieInStep;
		this.dieAtCall = dieAtCall;
	}

	@Override
	public void progress(String step, long done, long total) {
		this.calls++;
		if (step.equals(this.dieInStep) && ++this.callsInStep == this.dieAtCall) {
			throw new IllegalStateException("simulated crash after " + done + " of " + total + " entities");
		}
	}

}
