package org.partygraph.queries.pattern;

/** How many of something there are under one key (a kind, a status, a trade, a township). */
public record Count(String key, long count) {

}
