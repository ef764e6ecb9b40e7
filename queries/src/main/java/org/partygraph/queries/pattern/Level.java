package org.partygraph.queries.pattern;

/**
 * One level of the org tree and its span of control: how many children (direct subordinates) the
 * orgs at that level have, orgs without children counting as 0.
 *
 * @param level 0 for the root (the within org, or every org without a parent)
 * @param orgs orgs at that level
 * @param minSpan the fewest children an org at that level has
 * @param avgSpan the children per org at that level
 * @param maxSpan the most children an org at that level has
 */
public record Level(int level, int orgs, int minSpan, double avgSpan, int maxSpan) {

}
