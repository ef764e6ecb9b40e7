package org.partygraph.queries.history;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.queries.structure.Structure;

/**
 * The structure as it stood at the end of a day ({@link PastStructure}).
 *
 * @param day the day
 * @param root the scope org it was read for, or {@code null} for everything
 * @param dataset the tree(s) read around the scope as they stood then (a sound dataset: references
 * to items it does not hold are left out); items by id, list fields by target id
 * @param structure the same, indexed for the in-memory checks and figures
 * @param orgsToday ids of the orgs of the read that exist today (the others were dissolved since)
 */
public record Past(LocalDate day, String root, Dataset dataset, Structure structure, Set<String> orgsToday) {

	public Past {
		orgsToday = Set.copyOf(orgsToday);
	}

	/**
	 * The part of the past dataset in {@code rootOrgId}'s subtree as it stood then: its orgs, and
	 * the members whose membership was there; empty when the org did not exist on the day.
	 */
	public Dataset subtree(String rootOrgId) {
		List<Org> orgs = this.structure.subtree(rootOrgId)
			.stream()
			.sorted(java.util.Comparator.comparing(Org::id))
			.toList();
		Set<String> ids = new HashSet<>();
		orgs.forEach((o) -> ids.add(o.id()));
		List<Member> members = this.dataset.members().stream().filter((m) -> ids.contains(m.org())).toList();
		return new Dataset(this.dataset.name(), this.dataset.units(), orgs, members);
	}

}
