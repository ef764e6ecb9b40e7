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
 */
public record Dataset(String name, List<Unit> units, List<Org> orgs, List<Member> members,
		List<Candidate> candidates) {

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
	}

	/** A dataset without candidates. */
	public Dataset(String name, List<Unit> units, List<Org> orgs, List<Member> members) {
		this(name, units, orgs, members, List.of());
	}

	/**
	 * How many items the dataset holds, units, orgs and members together. Candidates are not
	 * counted: this is the count of the structure's items, which imports, the {@code Dataset} node and
	 * their callers compare with; {@code candidates().size()} gives theirs.
	 */
	public int size() {
		return this.units.size() + this.orgs.size() + this.members.size();
	}

}
