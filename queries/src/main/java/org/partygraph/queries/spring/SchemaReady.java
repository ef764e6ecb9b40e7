package org.partygraph.queries.spring;

import java.util.List;

/**
 * Marks that the schema migrations have run; beans that touch the database depend on it.
 *
 * @param appliedNow versions applied at this start (empty when the schema was current)
 */
public record SchemaReady(List<String> appliedNow) {

}
