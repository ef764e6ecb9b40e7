package org.partygraph.api.scenario;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.whatif.MemberMove;
import org.partygraph.queries.whatif.WhatIfOrgChange;
import org.partygraph.queries.whatif.WhatIfReport;

/**
 * The names of the orgs members move from and to in a what-if report: before the operations for
 * the org moved from, after them for the org moved to (an org the report creates, renames or
 * dissolves is named as the report has it; any other as it is on the live graph). An org with no
 * name found is shown by its id.
 */
final class OrgNames {

	private final Map<String, String> before = new HashMap<>();

	private final Map<String, String> after = new HashMap<>();

	private OrgNames() {
	}

	static OrgNames of(WhatIfReport report, OrgQueries orgs) {
		OrgNames names = new OrgNames();
		if (report == null) {
			return names;
		}
		Set<String> ids = new HashSet<>();
		for (MemberMove move : report.moves()) {
			ids.add(move.fromOrg());
			ids.add(move.toOrg());
		}
		ids.remove(null);
		Map<String, OrgRow> live = ids.isEmpty() ? Map.of() : orgs.byIds(List.copyOf(ids));
		live.forEach((id, row) -> {
			names.before.put(id, row.name());
			names.after.put(id, row.name());
		});
		for (WhatIfOrgChange change : report.orgChanges()) {
			if (change.nameBefore() != null) {
				names.before.put(change.orgId(), change.nameBefore());
			}
			if (!change.dissolved() && change.name() != null) {
				names.after.put(change.orgId(), change.name());
			}
			names.before.putIfAbsent(change.orgId(), change.name());
			names.after.putIfAbsent(change.orgId(), change.name());
		}
		return names;
	}

	/** The org's name before the operations. */
	String from(String orgId) {
		return (orgId == null) ? "" : this.before.getOrDefault(orgId, orgId);
	}

	/** The org's name after the operations. */
	String to(String orgId) {
		return (orgId == null) ? "" : this.after.getOrDefault(orgId, orgId);
	}

}
