package org.partygraph.queries.pattern;

/**
 * One named figure: a pattern metric (keys as in docs/contract.md, "Pattern metric keys") or a figure
 * of a pattern instance or of one of its parts. Counts are whole numbers carried as doubles, as the
 * GraphQL {@code Metric.value} is a Float.
 */
public record Metric(String key, double value) {

}
