package org.partygraph.queries.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.partygraph.model.Dataset;
import org.partygraph.model.NameKeys;
import org.partygraph.model.Org;
import org.partygraph.model.Unit;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.pattern.PatternSummary;
import org.partygraph.queries.pattern.Statistics;
import org.partygraph.queries.pattern.StructureStatistics;
import org.partygraph.queries.read.OrgChart;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.structure.Structure;

/**
 * The {@code asOf} reads: {@code patternSummary}, {@code statistics}, {@code complianceIssues} and
 * {@code orgChart} on the structure as it stood at the end of a day ({@link PastStructure}),
 * answered by the same in-memory code the what-if engine uses for its before and after
 * ({@link PatternFigures}, {@link RuleChecker}, {@link Structure}) and its in-memory counterparts
 * of the statistics and the chart.
 *
 * <p>
 * Every method takes {@code hidden}: the orgs the caller may not see today (an org moved out of
 * their scope since the day); they are left out of the past structure, with their members, before
 * anything is counted, so an {@code asOf} read never shows more than the caller may see today.
 * Orgs dissolved since the day are not hidden (they were in the scope the read was made in).
 */
public final class PastReads {

	private final PastStructure past;

	private final RuleChecker checker;

	private final Map<Structure, PastView.Keys> keys = new java.util.WeakHashMap<>();

	public PastReads(PastStructure past, RuleChecker checker) {
		this.past = past;
		this.checker = checker;
	}

	/** The structure read for {@code within} on {@code day}, less the hidden orgs. */
	public Structure structure(String within, LocalDate day, Predicate<String> hidden) {
		return cut(this.past.asOf(within, day), hidden);
	}

	/** The structure of a read less the hidden orgs (those that exist today) and their members. */
	private static Structure cut(Past read, Predicate<String> hidden) {
		if (hidden == null) {
			return read.structure();
		}
		Set<String> gone = new HashSet<>();
		read.orgsToday().stream().filter(hidden).forEach(gone::add);
		if (gone.isEmpty()) {
			return read.structure();
		}
		Dataset d = read.dataset();
		Dataset cut = new Dataset(d.name(), d.units(), d.orgs().stream().filter((o) -> !gone.contains(o.id())).toList(),
				d.members().stream().filter((m) -> !gone.contains(m.org())).toList());
		return Structure.of(DatasetExporter.closed(cut));
	}

	/**
	 * What a caller may read of the day ({@link PastView}): for a scoped caller, their scope root's
	 * subtree as it stood then, less the hidden orgs; for an unscoped one, the tree(s) around
	 * {@code anchor} (an org of today's graph, see {@link PastStructure#anchor}), or everything when
	 * {@code anchor} is {@code null}.
	 */
	public PastView view(String scopeRoot, String anchor, LocalDate day, Predicate<String> hidden) {
		if (scopeRoot != null) {
			// one read of the day: the view judges filters on it whole and counts on it cut
			Past read = this.past.asOf(scopeRoot, day);
			return new PastView(day, read.structure(), cut(read, hidden), scopeRoot, keys(read.structure()));
		}
		Structure all = structure(anchor, day, null);
		return new PastView(day, all, all, null, keys(all));
	}

	/** The name keys kept with a rebuilt structure (as long as it is cached). */
	private PastView.Keys keys(Structure structure) {
		synchronized (this.keys) {
			return this.keys.computeIfAbsent(structure, (s) -> new PastView.Keys());
		}
	}

	/** The org of today's graph whose tree holds the org (itself, or a parent it had when dissolved). */
	public String anchor(String orgId) {
		return this.past.anchor(orgId);
	}

	/** The anchor of the tree of the member's org on the day; {@code null} when not a member then. */
	public String memberAnchor(String memberId, LocalDate day) {
		return this.past.memberAnchor(memberId, day);
	}

	/** Whether the org existed on the day (and is not hidden). */
	public boolean existed(String orgId, LocalDate day, Predicate<String> hidden) {
		return structure(orgId, day, hidden).org(orgId) != null;
	}

	/** As {@code PatternQueries.summary} on the day. */
	public List<PatternSummary> patternSummary(String within, LocalDate day, Predicate<String> hidden) {
		return PatternFigures.summary(structure(within, day, hidden), within);
	}

	/** As {@code StatisticsQueries.statistics} on the day. */
	public Statistics statistics(String within, LocalDate day, Predicate<String> hidden) {
		return StructureStatistics.of(structure(within, day, hidden), within);
	}

	/**
	 * As {@code ComplianceQueries.issues} on the day: within one subtree, or tree by tree (root by
	 * id) for everything, as today's check runs; the term rules take the day as today.
	 */
	public List<ComplianceIssue> issues(String within, LocalDate day, Set<Rule> rules, Predicate<String> hidden) {
		Structure structure = structure(within, day, hidden);
		if (within != null) {
			// The term rules judge the terms as they stood on the day, with the day as today.
			return this.checker.check(structure, within, rules, day);
		}
		List<ComplianceIssue> all = new ArrayList<>();
		structure.orgs()
			.stream()
			.filter((o) -> o.parent() == null || structure.org(o.parent()) == null)
			.map(Org::id)
			.sorted()
			.forEach((root) -> all.addAll(this.checker.check(structure, root, rules, day)));
		return all;
	}

	/**
	 * As {@code ChartQueries.chart} on the day: the orgs of root's subtree by depth, name order and
	 * id, co-managers outside the drawn orgs and the units after them.
	 * @return {@code null} when root did not exist on the day
	 */
	public OrgChart chart(String root, Integer depth, boolean withUnits, LocalDate day, Predicate<String> hidden) {
		Structure s = structure(root, day, hidden);
		if (s.org(root) == null) {
			return null;
		}
		// The subtree level by level, each level in name order (as the stored nameSort) then id.
		Comparator<Org> order = Comparator.comparing((Org o) -> NameKeys.sortKey(o.name())).thenComparing(Org::id);
		Map<String, Integer> depths = new LinkedHashMap<>();
		List<Org> drawn = new ArrayList<>();
		List<Org> level = List.of(s.org(root));
		for (int d = 0; !level.isEmpty() && (depth == null || d <= depth); d++) {
			List<Org> sorted = level.stream().sorted(order).toList();
			List<Org> next = new ArrayList<>();
			for (Org org : sorted) {
				if (depths.putIfAbsent(org.id(), d) == null) {
					drawn.add(org);
					next.addAll(s.children(org.id()));
				}
			}
			level = next;
		}
		Map<String, Org> external = new LinkedHashMap<>();
		Map<String, Unit> units = new LinkedHashMap<>();
		List<OrgChart.Edge> edges = new ArrayList<>();
		for (Org org : drawn) {
			if (org.parent() != null && depths.containsKey(org.parent()) && !org.id().equals(root)) {
				edges.add(new OrgChart.Edge(org.id(), org.parent(), "SUBORDINATE_TO"));
			}
			for (String c : org.coManagedBy()) {
				Org coManager = s.org(c);
				if (coManager == null) {
					continue;
				}
				if (!depths.containsKey(c)) {
					external.putIfAbsent(c, coManager);
				}
				edges.add(new OrgChart.Edge(org.id(), c, "CO_MANAGED_BY"));
			}
			if (withUnits) {
				for (String u : org.units()) {
					Unit unit = s.unit(u);
					if (unit != null) {
						units.putIfAbsent(u, unit);
						edges.add(new OrgChart.Edge(org.id(), u, "SET_UP_IN"));
					}
				}
			}
		}
		List<OrgChart.Node> nodes = new ArrayList<>();
		for (Org org : drawn) {
			String parent = (!org.id().equals(root) && depths.containsKey(org.parent())) ? org.parent() : null;
			nodes.add(new OrgChart.Node(org.id(), org.name(), org.kind().name(), false, s.memberCount(org.id()),
					s.fullMemberCount(org.id()), depths.get(org.id()), parent, s.children(org.id()).size(), false));
		}
		for (Org org : external.values()) {
			nodes.add(new OrgChart.Node(org.id(), org.name(), org.kind().name(), false, s.memberCount(org.id()),
					s.fullMemberCount(org.id()), -1, null, 0, true));
		}
		for (Unit unit : units.values()) {
			nodes.add(new OrgChart.Node(unit.id(), unit.name(), unit.kind().name(), true, 0, 0, -1, null, 0, false));
		}
		return new OrgChart(nodes, edges);
	}

}
