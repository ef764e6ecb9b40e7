package org.partygraph.queries.dataset.bulk;

/** A writer failed: stop reading the file. */
final class BatchFailed extends RuntimeException {

	BatchFailed() {
		super(null, null, false, false);
	}

}
