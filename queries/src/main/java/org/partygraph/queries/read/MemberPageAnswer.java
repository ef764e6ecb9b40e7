package org.partygraph.queries.read;

import java.util.List;

/**
 * A page of an org's members answered by a compiled statement: the members (each a {@link Compiled}
 * of a {@code MemberRow}) in id order, the total, and whether more follow.
 */
public record MemberPageAnswer(List<Compiled> members, int totalCount, boolean hasNextPage) {
}
