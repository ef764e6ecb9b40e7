package org.partygraph.queries.read;

import java.util.List;

import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;
import org.partygraph.model.UnitKind;

/**
 * Which orgs a list holds; every field is optional and they all must hold.
 *
 * @param kinds of one of these kinds
 * @param nameContains the name contains this text
 * @param within in this org's subtree through parent (itself included)
 * @param township in a township: subordinate to or co-managed by this township committee, or set
 * up in a unit located in its territory
 * @param trade trade branches of this trade
 * @param hasCoManager whether the org has a co-manager (dual management)
 * @param coManagedBy co-managed by this org (the orgs it co-manages: dual management seen from the
 * co-manager, e.g. a township committee)
 * @param setUpInKind set up in a unit of this kind
 * @param minMembers at least this many members (subtree count, as memberCount)
 * @param maxMembers at most this many members
 * @param ids one of these orgs (e.g. the orgs of a pattern's instances)
 * @param hasFirstSecretary whether a first secretary (第一書記) serves the org on
 * {@code firstSecretaryDay}
 * @param firstSecretaryDay the day {@code hasFirstSecretary} is judged on (required with it)
 */
public record OrgFilter(List<OrgKind> kinds, String nameContains, String within, String township, Trade trade,
		Boolean hasCoManager, String coManagedBy, UnitKind setUpInKind, Integer minMembers, Integer maxMembers, List<String> ids,
		Boolean hasFirstSecretary, java.time.LocalDate firstSecretaryDay) {

	public static final OrgFilter ALL = new OrgFilter(null, null, null, null, null, null, null, null, null, null, null);

	public OrgFilter {
		if (hasFirstSecretary != null && firstSecretaryDay == null) {
			throw new IllegalArgumentException("hasFirstSecretary is judged on a day: firstSecretaryDay is missing");
		}
	}

	/** A filter with no first-secretary condition. */
	public OrgFilter(List<OrgKind> kinds, String nameContains, String within, String township, Trade trade,
			Boolean hasCoManager, String coManagedBy, UnitKind setUpInKind, Integer minMembers, Integer maxMembers,
			List<String> ids) {
		this(kinds, nameContains, within, township, trade, hasCoManager, coManagedBy, setUpInKind, minMembers,
				maxMembers, ids, null, null);
	}

	/** The same filter limited to these ids as well (an intersection when ids are already set). */
	public OrgFilter withIds(List<String> moreIds) {
		List<String> both = (this.ids == null) ? List.copyOf(moreIds)
				: this.ids.stream().filter(moreIds::contains).toList();
		return new OrgFilter(this.kinds, this.nameContains, this.within, this.township, this.trade, this.hasCoManager,
				this.coManagedBy, this.setUpInKind, this.minMembers, this.maxMembers, both, this.hasFirstSecretary,
				this.firstSecretaryDay);
	}

	boolean needsCounts() {
		return this.minMembers != null || this.maxMembers != null;
	}

}
