package org.partygraph.model;

import java.util.List;

/**
 * One {@code party-graph/2} (or {@code /1}) dataset, typically a county: its units, orgs and members.
 *
 * @param name the dataset's name; importing the same name again replaces what it brought
 * @param units units, in file order
 * @param orgs orgs, in file order
 * @param members members, in file order
 * @param candidates people in the development of new members, in file order ({@code party-graph/2};
 * empty when the file has none)
 * @param dispatches first secretaries' dispatches, in file order ({@code party-graph/2}; empty when
 * the file has none)
 * @param away mobile members' stays away, in file order ({@code party-graph/2}; empty when the file
 * has none)
 */
public record Dataset(String name, List<Unit> units, List<Org> orgs, List<Member> members,
		List<Candidate> candidates, List<Dispatch> dispatches, List<AwayRecord> away) {

	/** The value of the {@code format} key this version writes (and reads). */
	public static final String FORMAT = "party-graph/2";

	/**
	 * The earlier format, still read: the same keys but {@code electedOn} (orgs) and
	 * {@code probationSince} (members).
	 */
	public static final String FORMAT_1 = "party-graph/1";

	public Dataset {
		units = List.copyOf(units);
		orgs = List.copyOf(orgs);
		members = List.copyOf(members);
		candidates = (candidates != null) ? List.copyOf(candidates) : List.of();
		dispatches = (dispatches != null) ? List.copyOf(dispatches) : List.of();
		away = (away != null) ? List.copyOf(away) : List.of();
	}

	/** A dataset without candidates, dispatches or stays away. */
	public Dataset(String name, List<Unit> units, List<Org> orgs, List<Member> members) {
		this(name, units, orgs, members, List.of(), List.of(), List.of());
	}

	/** A dataset without dispatches or stays away. */
	public Dataset(String name, List<Unit> units, List<Org> orgs, List<Member> members, List<Candidate> candidates) {
		this(name, units, orgs, members, candidates, List.of(), List.of());
	}

	/** The same dataset with these dispatches and stays away ({@code null}: none). */
	public Dataset withDuals(List<Dispatch> newDispatches, List<AwayRecord> newAway) {
		return new Dataset(this.name, this.units, this.orgs, this.members, this.candidates, newDispatches, newAway);
	}

	/**
	 * How many items the dataset holds, units, orgs and members together. Candidates, dispatches and
	 * stays away are not counted: this is the count of the structure's items, which imports, the {@code Dataset} node and
	 * their callers compare with; {@code candidates().size()} gives theirs.
	 */
	public int size() {
		return this.units.size() + this.orgs.size() + this.members.size();
	}

}
