package org.partygraph.queries.whatif;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.Severity;
import org.partygraph.queries.structure.Structure;

/**
 * The figures a what-if report compares: org counts, branch sizes, tree shape, dual management,
 * villages with a first secretary, issues.
 */
final class StructureFigures {

	private StructureFigures() {
	}

	/**
	 * @param day the day dispatches are judged on ({@code villagesWithFirstSecretary}: the village
	 * orgs of the scope a first secretary's dispatch runs on that day)
	 */
	static List<Metric> of(Structure s, String rootId, List<ComplianceIssue> issues, LocalDate day) {
		List<Org> scope = (rootId != null) ? s.subtree(rootId) : List.copyOf(s.orgs());
		List<Metric> metrics = new ArrayList<>();
		metrics.add(new Metric("orgs", scope.size()));
		Map<OrgKind, Integer> byKind = new HashMap<>();
		scope.forEach((o) -> byKind.merge(o.kind(), 1, Integer::sum));
		for (OrgKind kind : OrgKind.values()) {
			metrics.add(new Metric("orgs." + kind.name(), byKind.getOrDefault(kind, 0)));
		}
		long members = 0;
		long full = 0;
		for (Org org : scope) {
			for (Member m : s.directMembers(org.id())) {
				members++;
				full += m.isFull() ? 1 : 0;
			}
		}
		metrics.add(new Metric("members", members));
		metrics.add(new Metric("members.FULL", full));
		List<Integer> sizes = scope.stream()
			.filter((o) -> o.kind().isBranch())
			.map((o) -> s.memberCount(o.id()))
			.sorted()
			.toList();
		metrics.add(new Metric("branchMembers.min", sizes.isEmpty() ? 0 : sizes.get(0)));
		metrics.add(new Metric("branchMembers.median", median(sizes)));
		metrics.add(new Metric("branchMembers.max", sizes.isEmpty() ? 0 : sizes.get(sizes.size() - 1)));
		// Depth below the scope's root(s) and the widest span of control.
		// Depth counts ancestors inside the scope, so it does not depend on the order orgs are listed in.
		Set<String> inScope = scope.stream().map(Org::id).collect(Collectors.toSet());
		int maxDepth = 0;
		int maxSpan = 0;
		int parents = 0;
		int childLinks = 0;
		for (Org org : scope) {
			int d = 0;
			for (Org ancestor : s.ancestors(org.id())) {
				if (!inScope.contains(ancestor.id())) {
					break;
				}
				d++;
			}
			maxDepth = Math.max(maxDepth, d);
			int span = s.children(org.id()).size();
			maxSpan = Math.max(maxSpan, span);
			if (span > 0) {
				parents++;
				childLinks += span;
			}
		}
		metrics.add(new Metric("depth", maxDepth));
		metrics.add(new Metric("span.max", maxSpan));
		metrics.add(new Metric("span.avg", (parents == 0) ? 0 : Math.round(childLinks * 100.0 / parents) / 100.0));
		metrics.add(new Metric("dualManaged", scope.stream().filter((o) -> !o.coManagedBy().isEmpty()).count()));
		Set<String> served = s.dataset()
			.dispatches()
			.stream()
			.filter((d) -> d.runsOn(day))
			.map(Dispatch::village)
			.collect(Collectors.toSet());
		metrics.add(new Metric("villagesWithFirstSecretary", scope.stream()
			.filter((o) -> served.contains(o.id()) && isVillageOrg(s, o))
			.count()));
		for (Severity severity : Severity.values()) {
			metrics.add(new Metric("issues." + severity.name(),
					issues.stream().filter((i) -> i.severity() == severity).count()));
		}
		return metrics;
	}

	private static boolean isVillageOrg(Structure s, Org org) {
		return org.units().stream().map(s::unit).anyMatch((u) -> u != null && u.kind() == UnitKind.VILLAGE);
	}

	private static double median(List<Integer> sorted) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
	}

}
