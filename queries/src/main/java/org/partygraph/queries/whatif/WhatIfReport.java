package org.partygraph.queries.whatif;

import java.util.List;

import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;

/**
 * The outcome of a restructuring played out in memory.
 *
 * @param before figures before, in a fixed key order
 * @param after the same figures after
 * @param issuesFixed rule breaks before and not after, by (rule, org)
 * @param issuesIntroduced rule breaks after and not before
 * @param membersMoved members whose membership org differs
 * @param moves those members
 * @param orgsCreated ids of orgs the operations created
 * @param orgsDissolved ids of orgs that are gone
 * @param changes what each operation did, in order
 * @param markdown the whole report for a person to read
 * @param orgChanges the orgs created, dissolved, moved, re-kinded, renamed or changed in member
 * count, before and after (enough to draw the org chart after from the one before)
 */
public record WhatIfReport(List<Metric> before, List<Metric> after, List<ComplianceIssue> issuesFixed,
		List<ComplianceIssue> issuesIntroduced, int membersMoved, List<MemberMove> moves, List<String> orgsCreated,
		List<String> orgsDissolved, List<String> changes, String markdown, List<WhatIfOrgChange> orgChanges) {

}
