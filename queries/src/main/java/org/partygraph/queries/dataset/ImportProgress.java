package org.partygraph.queries.dataset;

/** Told how far an import has got, so long imports can show count and rate. */
@FunctionalInterface
public interface ImportProgress {

	/** Ignores progress. */
	ImportProgress NONE = (step, done, total) -> {
	};

	/**
	 * Called after each batch is written.
	 * @param step what is being written, e.g. {@code nodes} or {@code relationships}
	 * @param done graph entities written so far in this import
	 * @param total graph entities this import writes in all
	 */
	void progress(String step, long done, long total);

}
