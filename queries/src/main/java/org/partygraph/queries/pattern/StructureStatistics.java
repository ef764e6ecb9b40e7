package org.partygraph.queries.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.structure.Structure;

/**
 * The {@link Statistics} of {@link StatisticsQueries#statistics(String)} computed in memory on a
 * {@link Structure} (a structure that is not the stored one: the structure on a past day). The same
 * definitions: the within org at level 0 (every org without a parent, for {@code null}), each
 * org's span its children, members by the status, trade ({@code NONE} when none) and nearest
 * TOWNSHIP_COMMITTEE at or above their membership org, even above within ({@code (none)}).
 */
public final class StructureStatistics {

	private StructureStatistics() {
	}

	public static Statistics of(Structure structure, String withinOrgId) {
		List<Org> roots = new ArrayList<>();
		if (withinOrgId != null) {
			if (structure.org(withinOrgId) != null) {
				roots.add(structure.org(withinOrgId));
			}
		}
		else {
			structure.orgs()
				.stream()
				.filter((o) -> o.parent() == null || structure.org(o.parent()) == null)
				.forEach(roots::add);
		}
		if (roots.isEmpty()) {
			return Statistics.EMPTY;
		}
		Map<String, Long> byKind = new TreeMap<>();
		Map<Integer, long[]> byLevel = new TreeMap<>();
		List<Org> inScope = new ArrayList<>();
		for (Org root : roots) {
			// Breadth first from the root, each org with its level.
			List<Org> level = List.of(root);
			for (int depth = 0; !level.isEmpty(); depth++) {
				List<Org> next = new ArrayList<>();
				for (Org org : level) {
					inScope.add(org);
					byKind.merge(org.kind().name(), 1L, Long::sum);
					List<Org> children = structure.children(org.id());
					long span = children.size();
					long[] l = byLevel.computeIfAbsent(depth, (d) -> new long[] { 0, Long.MAX_VALUE, 0, Long.MIN_VALUE });
					l[0]++;
					l[1] = Math.min(l[1], span);
					l[2] += span;
					l[3] = Math.max(l[3], span);
					next.addAll(children);
				}
				level = next;
			}
		}
		List<Level> levels = new ArrayList<>();
		byLevel.forEach((l, v) -> levels.add(new Level(l, (int) v[0], (int) v[1], (double) v[2] / v[0], (int) v[3])));

		Map<String, Long> byStatus = new TreeMap<>();
		Map<String, Long> byTrade = new TreeMap<>();
		Map<String, Long> byTownship = new TreeMap<>();
		long members = 0;
		for (Org org : inScope) {
			List<Member> direct = structure.directMembers(org.id());
			if (direct.isEmpty()) {
				continue;
			}
			String township = township(structure, org);
			for (Member m : direct) {
				members++;
				byStatus.merge(m.status().name(), 1L, Long::sum);
				byTrade.merge((m.trade() != null) ? m.trade().name() : StatisticsQueries.NO_TRADE, 1L, Long::sum);
				byTownship.merge(township, 1L, Long::sum);
			}
		}
		long orgs = byKind.values().stream().mapToLong(Long::longValue).sum();
		return new Statistics((int) orgs, (int) members,
				StatisticsQueries.counts(byKind, StatisticsQueries.rankIn(StatisticsQueries.KIND_ORDER)),
				StatisticsQueries.counts(byStatus, StatisticsQueries.rankIn(StatisticsQueries.STATUS_ORDER)),
				StatisticsQueries.counts(byTrade, StatisticsQueries.rankIn(StatisticsQueries.TRADE_ORDER)),
				StatisticsQueries.counts(byTownship, (key) -> StatisticsQueries.NO_TOWNSHIP.equals(key) ? 1 : 0),
				levels.size() - 1, levels);
	}

	/** The name of the nearest TOWNSHIP_COMMITTEE at or above the org, or {@code (none)}. */
	private static String township(Structure structure, Org org) {
		if (org.kind() == OrgKind.TOWNSHIP_COMMITTEE) {
			return org.name();
		}
		for (Org above : structure.ancestors(org.id())) {
			if (above.kind() == OrgKind.TOWNSHIP_COMMITTEE) {
				return above.name();
			}
		}
		return StatisticsQueries.NO_TOWNSHIP;
	}

}
