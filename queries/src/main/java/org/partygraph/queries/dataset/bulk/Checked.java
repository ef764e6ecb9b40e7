package org.partygraph.queries.dataset.bulk;

import java.util.List;

import org.partygraph.model.AwayRecord;
import org.partygraph.model.Candidate;
import org.partygraph.model.Dispatch;
import org.partygraph.queries.dataset.GraphRows;
import org.partygraph.queries.write.OrgTallies;

/**
 * The counts of a file, after every hard rule was checked.
 */
final class Checked {

	final String name;

	/**
	 * Its units and orgs as rows, when not yet written ({@code null} once staged); emptied as they
	 * are written, so they do not stay in memory while members are.
	 */
	final GraphRows rows;

	final long units;

	final long orgs;

	final long members;

	final long nodes;

	final long total;

	/** Whether everything is already written under the staging labels. */
	final boolean staged;

	final List<String> orgIds;

	final OrgTallies tallies;

	/** The candidates, dispatches and stays away, written after the members. */
	final Lifecycle lifecycle;

	/** A file's {@code party-graph/2} lists, checked. */
	record Lifecycle(List<Candidate> candidates, List<Dispatch> dispatches, List<AwayRecord> away) {

		boolean isEmpty() {
			return this.candidates.isEmpty() && this.dispatches.isEmpty() && this.away.isEmpty();
		}

	}

	Checked(String name, GraphRows rows, long units, long orgs, long members, long nodes, long total, boolean staged,
			List<String> orgIds, OrgTallies tallies, Lifecycle lifecycle) {
		this.lifecycle = lifecycle;
		this.name = name;
		this.rows = rows;
		this.units = units;
		this.orgs = orgs;
		this.members = members;
		this.nodes = nodes;
		this.total = total;
		this.staged = staged;
		this.orgIds = orgIds;
		this.tallies = tallies;
	}

	long total() {
		return this.total;
	}

}
