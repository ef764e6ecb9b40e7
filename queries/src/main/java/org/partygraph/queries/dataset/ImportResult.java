package org.partygraph.queries.dataset;

/**
 * What an import did.
 *
 * @param dataset the dataset's name
 * @param nodes nodes written
 * @param relationships relationships written
 * @param replaced nodes of an earlier import of the same dataset that were removed first
 * @param millis wall time of the write
 */
public record ImportResult(String dataset, long nodes, long relationships, long replaced, long millis) {

	/** Graph entities (nodes and relationships) written per second. */
	public double entitiesPerSecond() {
		return (this.nodes + this.relationships) * 1000.0 / Math.max(1, this.millis);
	}

}
