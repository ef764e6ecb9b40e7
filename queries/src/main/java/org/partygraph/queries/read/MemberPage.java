package org.partygraph.queries.read;

import java.util.List;

/**
 * One page of members in id order, for cursor pagination.
 *
 * @param members the page
 * @param totalCount members in all, across pages
 * @param hasNextPage whether members follow the last one of this page
 */
public record MemberPage(List<MemberRow> members, int totalCount, boolean hasNextPage) {

}
