package org.partygraph.api.graphql;

import java.time.LocalDate;

/**
 * One member's request for a field read on a day ({@code awayAt}); requests for the same day are
 * loaded in one statement per read, not one per member.
 */
record MemberDayKey(String memberId, LocalDate day) {

}
