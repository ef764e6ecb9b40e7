package org.partygraph.queries.dataset.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a {@link BulkImporter} writes and publishes, bound from {@code party-graph.import.*}.
 *
 * @param batch ({@code party-graph.import.batch}, default 10,000) rows per write transaction (the
 * rate it gives is in docs/benchmarks.md; other sizes not measured yet); at least 1
 * @param writers ({@code party-graph.import.writers}, default one per core, at most four) member
 * batches written at the same time; at least 1
 * @param atomicPublishMaxNodes ({@code party-graph.import.atomic-publish-max-nodes}, default
 * 500,000, measured to fit a 2 GB heap) the largest dataset, in nodes, published in one
 * transaction; larger ones are published in chunks
 * @param nameIndexRebuildMinMembers (not a property; default 200,000) a chunked publish of at
 * least this many members drops the member name text index while the members go live and builds it
 * again after (name searches scan meanwhile)
 */
@ConfigurationProperties("party-graph.import")
public record BulkImportSettings(int batch, int writers, long atomicPublishMaxNodes, long nameIndexRebuildMinMembers) {

	/** Rows per write transaction. */
	public static final int DEFAULT_BATCH = 10_000;

	/** Datasets up to this many nodes are published in one transaction. */
	public static final long DEFAULT_ATOMIC_PUBLISH_MAX_NODES = 500_000;

	/** Chunked publishes of at least this many members rebuild the name index instead of updating it. */
	public static final long DEFAULT_NAME_INDEX_REBUILD_MIN_MEMBERS = 200_000;

	/** Every setting at its default. */
	public static final BulkImportSettings DEFAULTS = new BulkImportSettings(DEFAULT_BATCH, defaultWriters(),
			DEFAULT_ATOMIC_PUBLISH_MAX_NODES, DEFAULT_NAME_INDEX_REBUILD_MIN_MEMBERS);

	public BulkImportSettings {
		if (batch < 1) {
			throw new IllegalArgumentException("batch must be at least 1, not " + batch);
		}
		if (writers < 1) {
			throw new IllegalArgumentException("writers must be at least 1, not " + writers);
		}
	}

	/**
	 * The settings bound from properties; an unset {@code writers} is one per core, at most four.
	 */
	@ConstructorBinding
	public BulkImportSettings(@DefaultValue("10000") int batch, Integer writers,
			@DefaultValue("500000") long atomicPublishMaxNodes) {
		this(batch, (writers != null) ? writers : defaultWriters(), atomicPublishMaxNodes,
				DEFAULT_NAME_INDEX_REBUILD_MIN_MEMBERS);
	}

	/** One writer per core, at most four. */
	public static int defaultWriters() {
		return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

}
