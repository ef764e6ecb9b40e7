package org.partygraph.queries.change;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;

/**
 * An org to create ({@link OrgChanges#createOrg}), with the fields of {@code orgs[]} in the
 * dataset format except co-managers (added one by one with {@link OrgChanges#addCoManager}).
 *
 * @param id unused by any org, unit or member
 * @param kind its kind
 * @param name its name
 * @param parent the org it is subordinate to, of a higher kind; {@code null} only for a
 * COUNTY_COMMITTEE
 * @param units the units it is set up in; {@code null} means none
 * @param trade for a trade branch, the trade it groups
 * @param hasCommittee whether it has elected a committee
 */
public record NewOrg(String id, OrgKind kind, String name, String parent, List<String> units, Trade trade,
		Boolean hasCommittee) {

	public NewOrg {
		// Not List.copyOf: a null entry is a problem to report, not a NullPointerException.
		units = (units != null) ? Collections.unmodifiableList(new ArrayList<>(units)) : List.of();
	}

	/** An org with only the required fields and a parent. */
	public static NewOrg of(String id, OrgKind kind, String name, String parent) {
		return new NewOrg(id, kind, name, parent, List.of(), null, null);
	}

}
