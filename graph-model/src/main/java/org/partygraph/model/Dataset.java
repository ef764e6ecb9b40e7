package org.partygraph.model;

import java.util.List;

/**
 * One {@code party-graph/2} (or {@code /1}) dataset, typically a county: its units, orgs and members.
 *
 * @param name the dataset's name; importing the same name again replaces what it brought
 * @param units units, in file order
 * @param orgs orgs, in file order
 * @param members members, in file order
 */
public record Dataset(String name, List<Unit> units, List<Org> orgs, List<Member> members) {

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
	}

	/** How many items the dataset holds, all three lists together. */
	public int size() {
		return this.units.size() + this.orgs.size() + this.members.size();
	}

}
