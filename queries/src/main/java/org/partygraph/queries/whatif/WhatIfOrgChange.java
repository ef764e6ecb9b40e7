package org.partygraph.queries.whatif;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.structure.Structure;

/**
 * One org in scope that a what-if creates, dissolves, moves (its parent differs), re-kinds,
 * renames, or whose member count (subtree, as {@code Org.memberCount}) changes: with the org chart
 * before, enough to draw the chart after.
 *
 * @param orgId the org
 * @param name its name after (before, when dissolved)
 * @param kind its kind after (before, when dissolved)
 * @param nameBefore its name before; {@code null} when created
 * @param kindBefore its kind before; {@code null} when created
 * @param parent its parent after; {@code null} for a root or when dissolved
 * @param parentBefore its parent before; {@code null} for a root or when created
 * @param memberCount members after; {@code null} when dissolved
 * @param memberCountBefore members before; {@code null} when created
 * @param created whether the operations created it
 * @param dissolved whether it is gone after
 * @param moved whether it exists before and after with a different parent
 */
public record WhatIfOrgChange(String orgId, String name, OrgKind kind, String nameBefore, OrgKind kindBefore,
		String parent, String parentBefore, Integer memberCount, Integer memberCountBefore, boolean created,
		boolean dissolved, boolean moved) {

	/**
	 * The changed orgs of within's subtree before or after (everything when null): orgs that exist
	 * after in their order there (created ones after the rest, parents before children), then the
	 * dissolved ones.
	 */
	static List<WhatIfOrgChange> between(Structure before, Structure after, String withinOrgId) {
		Set<String> scope = null;
		if (withinOrgId != null) {
			scope = new HashSet<>();
			for (Org o : before.subtree(withinOrgId)) {
				scope.add(o.id());
			}
			for (Org o : after.subtree(withinOrgId)) {
				scope.add(o.id());
			}
		}
		Map<String, Org> orgsAfter = new LinkedHashMap<>();
		after.dataset().orgs().forEach((o) -> orgsAfter.put(o.id(), o));
		List<WhatIfOrgChange> changes = new ArrayList<>();
		for (Org now : orgsAfter.values()) {
			if (scope != null && !scope.contains(now.id())) {
				continue;
			}
			Org was = before.org(now.id());
			int count = after.memberCount(now.id());
			if (was == null) {
				changes.add(new WhatIfOrgChange(now.id(), now.name(), now.kind(), null, null, now.parent(), null, count,
						null, true, false, false));
				continue;
			}
			int countBefore = before.memberCount(was.id());
			boolean moved = !Objects.equals(was.parent(), now.parent());
			if (moved || was.kind() != now.kind() || !Objects.equals(was.name(), now.name()) || count != countBefore) {
				changes.add(new WhatIfOrgChange(now.id(), now.name(), now.kind(), was.name(), was.kind(), now.parent(),
						was.parent(), count, countBefore, false, false, moved));
			}
		}
		for (Org was : before.dataset().orgs()) {
			if (!orgsAfter.containsKey(was.id()) && (scope == null || scope.contains(was.id()))) {
				changes.add(new WhatIfOrgChange(was.id(), was.name(), was.kind(), was.name(), was.kind(), null,
						was.parent(), null, before.memberCount(was.id()), false, true, false));
			}
		}
		return List.copyOf(changes);
	}

}
