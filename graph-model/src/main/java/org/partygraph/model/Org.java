package org.partygraph.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A party organization ({@code orgs[]} of the dataset).
 *
 * @param id unique id within the dataset
 * @param kind its kind; see {@link OrgKind} for the order
 * @param name its name
 * @param parent the one org it is subordinate to (隸屬); {@code null} only for a root
 * @param coManagedBy further managing orgs (共同管理), never {@code null}
 * @param units the units it is set up in, never {@code null}
 * @param trade for a trade branch, the trade it groups
 * @param hasCommittee whether it has elected a committee (支部委員會)
 * @param electedOn the day its present term began (its latest election, 換屆), or {@code null} when
 * none is recorded ({@code party-graph/2})
 */
public record Org(String id, OrgKind kind, String name, String parent, List<String> coManagedBy, List<String> units,
		Trade trade, Boolean hasCommittee, LocalDate electedOn) {

	public Org {
		coManagedBy = (coManagedBy != null) ? List.copyOf(coManagedBy) : List.of();
		units = (units != null) ? List.copyOf(units) : List.of();
	}

	/** An org without a recorded election (the fields of {@code party-graph/1}). */
	public Org(String id, OrgKind kind, String name, String parent, List<String> coManagedBy, List<String> units,
			Trade trade, Boolean hasCommittee) {
		this(id, kind, name, parent, coManagedBy, units, trade, hasCommittee, null);
	}

	/** An org with only the required fields and a parent. */
	public static Org of(String id, OrgKind kind, String name, String parent) {
		return new Org(id, kind, name, parent, List.of(), List.of(), null, null);
	}

	/** The same org with its present term begun on {@code newElectedOn} ({@code null}: none recorded). */
	public Org withElectedOn(LocalDate newElectedOn) {
		return new Org(this.id, this.kind, this.name, this.parent, this.coManagedBy, this.units, this.trade,
				this.hasCommittee, newElectedOn);
	}

	public boolean committee() {
		return Boolean.TRUE.equals(this.hasCommittee);
	}

	public Org withKind(OrgKind newKind) {
		return new Org(this.id, newKind, this.name, this.parent, this.coManagedBy, this.units, this.trade,
				this.hasCommittee, this.electedOn);
	}

	public Org withParent(String newParent) {
		return new Org(this.id, this.kind, this.name, newParent, this.coManagedBy, this.units, this.trade,
				this.hasCommittee, this.electedOn);
	}

	public Org withName(String newName) {
		return new Org(this.id, this.kind, newName, this.parent, this.coManagedBy, this.units, this.trade,
				this.hasCommittee, this.electedOn);
	}

	public Org withCoManagedBy(List<String> newCoManagedBy) {
		return new Org(this.id, this.kind, this.name, this.parent, newCoManagedBy, this.units, this.trade,
				this.hasCommittee, this.electedOn);
	}

	public Org withUnits(List<String> newUnits) {
		return new Org(this.id, this.kind, this.name, this.parent, this.coManagedBy, newUnits, this.trade,
				this.hasCommittee, this.electedOn);
	}

}
