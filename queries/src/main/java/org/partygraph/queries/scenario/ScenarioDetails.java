package org.partygraph.queries.scenario;

import java.util.List;

import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.WhatIfReport;

/**
 * Everything a person reads about a saved scenario to decide on it: the fresh report, members per
 * branch before and after, the changed part of the org chart, and each step.
 *
 * @param scenario the scenario as saved
 * @param liveChanged whether the part of the live graph it reads changed since it was saved
 * @param report the what-if report on the live graph now; {@code null} when it cannot be made
 * @param reportError why there is no report (an operation no longer applies, the scope is gone)
 * @param branches member counts of the branches in scope: every branch when there are few, else
 * those whose count changes
 * @param orgChanges orgs created, dissolved, moved, changed in kind or management
 * @param steps each operation with what it does
 */
public record ScenarioDetails(Scenario scenario, boolean liveChanged, WhatIfReport report, String reportError,
		List<BranchSize> branches, List<OrgChartChange> orgChanges, List<Step> steps) {

	/**
	 * Members (subtree count, as {@code Org.memberCount}) of one branch before and after.
	 *
	 * @param orgId the branch
	 * @param name its name (after, else before)
	 * @param kind its kind (after, else before)
	 * @param before members before; {@code null} when it is new
	 * @param after members after; {@code null} when it is gone
	 */
	public record BranchSize(String orgId, String name, String kind, Integer before, Integer after) {

		public boolean changed() {
			return this.before == null || !this.before.equals(this.after);
		}

	}

	/**
	 * One change to the org chart.
	 *
	 * @param change CREATED, DISSOLVED, MOVED, KIND_CHANGED, CO_MANAGERS_CHANGED, COMMITTEE_ELECTED,
	 * RENAMED, UNITS_CHANGED
	 * @param orgId the org
	 * @param orgName its name
	 * @param kind its kind (after, else before)
	 * @param from what it was (a parent, a kind, co-managers), in words; may be {@code null}
	 * @param to what it becomes; may be {@code null}
	 */
	public record OrgChartChange(String change, String orgId, String orgName, String kind, String from, String to) {

	}

	/**
	 * One operation of the scenario.
	 *
	 * @param step 1-based
	 * @param operation the operation
	 * @param description what it does, one line or more
	 * @param live whether the description comes from playing it on the live graph now; else it is
	 * what it did when saved (an applied scenario, or one that no longer applies)
	 * @param texts the description as texts of the bundles when live; {@code null} for one as saved
	 * (kept in English)
	 */
	public record Step(int step, Operation operation, List<String> description, boolean live, List<Text> texts) {

		/** What it does in the language (one as saved: in English, as it was kept). */
		public List<String> description(Lang lang) {
			return (this.texts != null) ? Messages.bundled().sayAll(this.texts, lang) : this.description;
		}

	}

}
