package org.partygraph.queries.read;

import java.util.List;

/**
 * One page of a sorted, filtered list.
 *
 * @param items the page
 * @param totalCount matches in all, across pages
 * @param offset position of the first item in the whole list
 * @param hasNextPage whether items follow this page
 */
public record Page<T>(List<T> items, int totalCount, int offset, boolean hasNextPage) {

}
