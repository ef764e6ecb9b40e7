package org.partygraph.queries.whatif;

import java.util.List;
import java.util.Map;

import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

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
 * @param markdown the whole report for a person to read, in English
 * @param orgChanges the orgs created, dissolved, moved, re-kinded, renamed or changed in member
 * count, before and after (enough to draw the org chart after from the one before)
 * @param markdowns the report in each language of the message bundles (null in a report kept as
 * JSON before they were; {@link #markdown(Lang)} then gives the English)
 * @param changeTexts {@code changes} as texts of the bundles, to say in any language (null when the
 * changes are words only: the events between two days, a report kept as JSON before they were)
 */
public record WhatIfReport(List<Metric> before, List<Metric> after, List<ComplianceIssue> issuesFixed,
		List<ComplianceIssue> issuesIntroduced, int membersMoved, List<MemberMove> moves, List<String> orgsCreated,
		List<String> orgsDissolved, List<String> changes, String markdown, List<WhatIfOrgChange> orgChanges,
		Map<Lang, String> markdowns, List<Text> changeTexts) {

	/** What each operation did, in the language; names and ids as stored. */
	public List<String> changes(Lang lang) {
		if (this.changeTexts == null || this.changeTexts.size() != this.changes.size()) {
			return this.changes;
		}
		return Messages.bundled().sayAll(this.changeTexts, lang);
	}

	/** The whole report in the language: headings and fixed texts, rule breaks; names and ids as stored. */
	public String markdown(Lang lang) {
		String said = (this.markdowns != null) ? this.markdowns.get(lang) : null;
		return (said != null) ? said : this.markdown;
	}

	/**
	 * Each pattern metric the operations change, before and after, in pattern order; derived from
	 * {@link #before()} and {@link #after()}, so a report kept as JSON (an applied scenario's) has it too.
	 */
	public List<PatternImpact> patternImpact() {
		return PatternImpact.between(this.before, this.after);
	}

}
