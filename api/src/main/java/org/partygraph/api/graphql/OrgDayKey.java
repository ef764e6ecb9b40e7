package org.partygraph.api.graphql;

import java.time.LocalDate;

/**
 * One org's request for a field read on a day ({@code firstSecretaries}, {@code flowingIn},
 * {@code membersAway}); requests for the same day are loaded in one statement.
 */
record OrgDayKey(String orgId, LocalDate day) {

}
