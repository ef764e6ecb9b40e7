package org.partygraph.queries.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.partygraph.model.Dataset;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.limits.TimeBudget;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.scenario.ScenarioDetails.BranchSize;
import org.partygraph.queries.scenario.ScenarioDetails.OrgChartChange;
import org.partygraph.queries.scenario.ScenarioDetails.Step;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.whatif.FixVetting;
import org.partygraph.queries.whatif.InvalidOperationException;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.OperationScope;
import org.partygraph.queries.whatif.Planner;
import org.partygraph.queries.whatif.WhatIfReport;

/**
 * What saved scenarios ({@link ScenarioStore}) would do, read on the live graph now and never
 * written: what-if reports (for a caller's scope), whether the live graph changed under each, the
 * details a person reads to decide, scenarios side by side, and the scenarios that would fix the
 * compliance issues in scope.
 */
public final class ScenarioReports {

	/** Up to this many branches in scope, the page shows every one; above, only those that change. */
	private static final int ALL_BRANCHES_UP_TO = 30;

	// An applied scenario's report, kept as JSON when it was applied (ScenarioApplier).
	private static final tools.jackson.databind.json.JsonMapper REPORT_JSON = tools.jackson.databind.json.JsonMapper
		.builder()
		.build();

	private final Driver driver;

	private final DatasetExporter exporter;

	private final ComplianceQueries compliance;

	private final ScenarioStore store;

	public ScenarioReports(Driver driver, DatasetExporter exporter, ComplianceQueries compliance, ScenarioStore store) {
		this.driver = driver;
		this.exporter = exporter;
		this.compliance = compliance;
		this.store = store;
	}

	/** Saved scenarios with whether the live graph changed under each; one snapshot per scope. */
	List<ScenarioSummary> summaries() {
		List<Scenario> scenarios = this.store.list();
		Map<String, Boolean> changed = liveChanged(scenarios);
		return scenarios.stream().map((s) -> new ScenarioSummary(s, changed.get(s.name()))).toList();
	}

	/**
	 * For each scenario (by name), whether the part of the live graph it reads differs from when it
	 * was saved. One snapshot per distinct scope.
	 */
	public Map<String, Boolean> liveChanged(Collection<Scenario> scenarios) {
		Map<String, Dataset> snapshots = new HashMap<>();
		Map<String, Boolean> changed = new HashMap<>();
		for (Scenario s : scenarios) {
			Dataset snapshot = snapshots.computeIfAbsent(String.valueOf(s.within()),
					(key) -> this.exporter.snapshot(s.within()));
			changed.put(s.name(), !Fingerprint.of(snapshot, s.within(), s.operations()).equals(s.fingerprint()));
		}
		return changed;
	}

	/**
	 * A fresh what-if report of the scenario on the live graph (via {@link ComplianceQueries#whatIf}).
	 * @return the report, or {@code null} when its scope org is gone
	 * @throws InvalidOperationException when an operation no longer applies
	 */
	WhatIfReport report(Scenario scenario) {
		return this.compliance.whatIf(scenario.within(), scenario.operations());
	}

	/**
	 * A fresh what-if report of the scenario on the live graph, for a caller with the given scope (as
	 * {@link #whatIf}); for an applied scenario, the report as it stood when it was applied.
	 * @return the report, or {@code null} when its scope org is gone
	 * @throws InvalidOperationException when an operation no longer applies, or names what lies
	 * outside the caller's scope
	 */
	public WhatIfReport report(Scenario scenario, String callerScope) {
		if (scenario.appliedReport() != null) {
			return REPORT_JSON.readValue(scenario.appliedReport(), WhatIfReport.class);
		}
		return whatIf(callerScope, scenario.within(), scenario.operations());
	}

	/**
	 * A what-if for a caller with the given scope: the operations may name only orgs and members in
	 * it (others answer as ids that do not exist, see {@link OperationScope}), and not dissolve, move,
	 * re-kind or merge its root. For a caller who sees everything, exactly
	 * {@link ComplianceQueries#whatIf(String, List)}.
	 * @param callerScope the caller's scope root, or {@code null} for everything
	 * @return the report, or {@code null} when no org has id {@code within}
	 * @throws InvalidOperationException naming the first operation that cannot be applied
	 */
	public WhatIfReport whatIf(String callerScope, String within, List<Operation> operations) {
		OperationScope scope = OperationScope.read(this.driver, callerScope, operations);
		if (scope.isEverything()) {
			return this.compliance.whatIf(within, operations);
		}
		Dataset snapshot = this.exporter.snapshot(within);
		if (within != null && snapshot.orgs().stream().noneMatch((o) -> o.id().equals(within))) {
			return null;
		}
		// Played once as the caller may, failing as the engine would on an unknown id; then reported.
		Playback.of(snapshot, within, operations, minFullMembers(), scope);
		return this.compliance.whatIf(snapshot, within, operations);
	}

	/**
	 * Everything a person reads to decide on the scenario.
	 * @return the details, or {@code null} when no scenario has the name
	 */
	ScenarioDetails details(String name) {
		return details(name, null);
	}

	/**
	 * Everything a person reads to decide on the scenario, played as a caller with the given scope may
	 * ({@link #whatIf}).
	 * @return the details, or {@code null} when no scenario has the name
	 */
	public ScenarioDetails details(String name, String callerScope) {
		Scenario scenario = this.store.find(name);
		if (scenario == null) {
			return null;
		}
		String within = scenario.within();
		Dataset snapshot = this.exporter.snapshot(within);
		boolean liveChanged = !Fingerprint.of(snapshot, within, scenario.operations()).equals(scenario.fingerprint());
		if (within != null && snapshot.orgs().stream().noneMatch((o) -> o.id().equals(within))) {
			return new ScenarioDetails(scenario, liveChanged, null, "the scope org '" + within + "' is gone",
					List.of(), List.of(), steps(scenario, null));
		}
		Playback playback;
		try {
			playback = Playback.of(snapshot, within, scenario.operations(), minFullMembers(),
					OperationScope.read(this.driver, callerScope, scenario.operations()));
		}
		catch (InvalidOperationException ex) {
			return new ScenarioDetails(scenario, liveChanged, null, ex.getMessage(), List.of(), List.of(),
					steps(scenario, null));
		}
		WhatIfReport report;
		String reportError = null;
		try {
			report = report(scenario, callerScope);
		}
		catch (InvalidOperationException ex) {
			report = null;
			reportError = ex.getMessage();
		}
		return new ScenarioDetails(scenario, liveChanged, report, reportError, branchSizes(playback, within),
				orgChanges(playback), steps(scenario, playback));
	}

	/**
	 * The scenarios side by side: each figure before and after each, and each one's issues fixed and
	 * introduced. A scenario whose operations no longer apply has an error and no figures.
	 * @throws ScenarioRejectedException NOT_FOUND naming the first unknown name
	 */
	ScenarioComparison compare(List<String> names) {
		return compare(names, null);
	}

	/**
	 * The scenarios side by side, each played as a caller with the given scope may ({@link #whatIf}):
	 * one naming what lies outside it has that error and no figures.
	 * @param callerScope the caller's scope root, or {@code null} for everything
	 * @throws ScenarioRejectedException NOT_FOUND naming the first unknown name
	 */
	public ScenarioComparison compare(List<String> names, String callerScope) {
		List<Scenario> scenarios = new ArrayList<>();
		for (String name : names) {
			Scenario scenario = this.store.find(name);
			if (scenario == null) {
				throw ScenarioStore.notFound(name);
			}
			scenarios.add(scenario);
		}
		List<ScenarioComparison.Outcome> outcomes = new ArrayList<>();
		List<Map<String, Double>> afters = new ArrayList<>();
		Map<String, Double> before = null;
		List<String> keys = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			WhatIfReport report = null;
			String error = null;
			TimeBudget.checkpoint("comparing scenario '" + scenario.name() + "'");
			try {
				report = report(scenario, callerScope);
				if (report == null) {
					error = "the scope org '" + scenario.within() + "' is gone";
				}
			}
			catch (InvalidOperationException ex) {
				error = ex.getMessage();
			}
			if (report == null) {
				outcomes.add(new ScenarioComparison.Outcome(scenario.name(), scenario.within(), null, null, null, error));
				afters.add(null);
				continue;
			}
			outcomes.add(new ScenarioComparison.Outcome(scenario.name(), scenario.within(),
					report.issuesFixed().size(), report.issuesIntroduced().size(), report.membersMoved(), null));
			Map<String, Double> after = new LinkedHashMap<>();
			for (Metric m : report.after()) {
				after.put(m.key(), m.value());
				if (!keys.contains(m.key())) {
					keys.add(m.key());
				}
			}
			afters.add(after);
			if (before == null) {
				before = new HashMap<>();
				for (Metric m : report.before()) {
					before.put(m.key(), m.value());
				}
			}
		}
		List<ScenarioComparison.Row> rows = new ArrayList<>();
		for (String key : keys) {
			List<Double> values = new ArrayList<>();
			afters.forEach((after) -> values.add((after != null) ? after.get(key) : null));
			rows.add(new ScenarioComparison.Row(key, (before != null) ? before.get(key) : null,
					java.util.Collections.unmodifiableList(values)));
		}
		return new ScenarioComparison(List.copyOf(outcomes), List.copyOf(rows));
	}

	/**
	 * One scenario per compliance issue in scope that can be fixed by operations, named
	 * {@code fix-<RULE>-<orgId>}: the first of the issue's candidate fixes that, played out on the
	 * live graph now, puts it right, introduces no ERROR and lowers no pattern metric
	 * ({@link FixVetting}); an issue with no such fix gets no suggestion. Its within is
	 * {@code within}, or, when the fix names an org outside that subtree (a co-managing township
	 * above it), the nearest org holding them all, so that the suggestion runs as it is.
	 * @return the suggestions, or {@code null} when no org has id {@code within}
	 */
	public List<SuggestedScenario> suggested(String within) {
		if (within != null) {
			return suggestedIn(within, within);
		}
		List<SuggestedScenario> all = new ArrayList<>();
		for (String root : this.exporter.roots()) {
			List<SuggestedScenario> tree = suggestedIn(root, null);
			if (tree != null) {
				all.addAll(tree);
			}
		}
		return List.copyOf(all);
	}

	/**
	 * The suggestions for the issues of {@code checked}'s subtree, each to run within {@code within}
	 * (widened as {@link #holding} says; {@code null}: everything). Fixes are judged on the whole tree
	 * (county) {@code checked} lies in, with all its members, which holds any sibling or co-managing
	 * township a fix names.
	 */
	private List<SuggestedScenario> suggestedIn(String checked, String within) {
		List<ComplianceIssue> issues = this.compliance.issues(checked, EnumSet.allOf(Rule.class));
		if (issues == null) {
			return null;
		}
		List<ComplianceIssue> fixable = issues.stream().filter((i) -> !i.fix().isEmpty()).toList();
		if (fixable.isEmpty()) {
			return List.of();
		}
		Dataset scoped = this.exporter.snapshot(checked);
		Structure tree = Structure.of(scoped);
		List<Org> above = tree.ancestors(checked);
		String root = above.isEmpty() ? checked : above.get(above.size() - 1).id();
		FixVetting vetting = this.compliance.vetting(root.equals(checked) ? scoped : this.exporter.snapshot(root));
		List<SuggestedScenario> suggestions = new ArrayList<>();
		for (ComplianceIssue issue : fixable) {
			TimeBudget.checkpoint("judging the fix of " + issue.key());
			vetting.firstAcceptable(issue)
				.ifPresent((fix) -> suggestions.add(new SuggestedScenario(suggestedName(issue),
						(within != null) ? holding(tree, within, fix) : null, issue, fix)));
		}
		return List.copyOf(suggestions);
	}

	/**
	 * A plan of operations reaching the goals within {@code within}'s subtree ({@link Planner}), with
	 * its what-if report as the caller would see it.
	 * @param callerScope the caller's scope root, or {@code null} for everything
	 * @return the plan, or {@code null} when no org has id {@code within}
	 */
	public PlannedScenario plan(String callerScope, String within, Planner.Goals goals) {
		Dataset scoped = this.exporter.snapshot(within);
		Structure tree = Structure.of(scoped);
		if (tree.org(within) == null) {
			return null;
		}
		List<Org> above = tree.ancestors(within);
		String root = above.isEmpty() ? within : above.get(above.size() - 1).id();
		Planner.Plan plan = this.compliance.planner()
			.plan(root.equals(within) ? scoped : this.exporter.snapshot(root), within, goals);
		WhatIfReport report = whatIf(callerScope, within, plan.operations());
		return new PlannedScenario(within, plan.operations(), plan.unresolved(), plan.goalsMet(), report);
	}

	/** The nearest org, from {@code within} up, whose subtree holds every org the operations name. */
	private static String holding(Structure tree, String within, List<Operation> operations) {
		List<String> named = Operation.touchedOrgs(tree, operations);
		List<String> candidates = new ArrayList<>(List.of(within));
		tree.ancestors(within).forEach((a) -> candidates.add(a.id()));
		for (String candidate : candidates) {
			if (named.stream().allMatch((id) -> tree.isInSubtree(id, candidate))) {
				return candidate;
			}
		}
		return within;
	}
	/**
	 * The graph after the scenario, as the what-if predicts it from the live graph now (for the
	 * scenario's scope: every unit and org, the members of the scope).
	 * @return the prediction, or {@code null} when no scenario has the name
	 * @throws InvalidOperationException when an operation no longer applies
	 */
	public Dataset predictedAfter(String name) {
		Scenario scenario = this.store.find(name);
		if (scenario == null) {
			return null;
		}
		Dataset snapshot = this.exporter.snapshot(scenario.within());
		return Playback.of(snapshot, scenario.within(), scenario.operations(), minFullMembers()).after();
	}
	private int minFullMembers() {
		return this.compliance.thresholds().minFullMembers();
	}

	/**
	 * What each step does: an applied scenario's steps as they were saved (what it wrote), others' as
	 * played on the live graph now, or as saved when they no longer apply.
	 */
	private static List<Step> steps(Scenario scenario, Playback playback) {
		boolean live = playback != null && !scenario.applied();
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < scenario.operations().size(); i++) {
			List<String> description;
			List<Text> texts = null;
			if (live) {
				description = playback.steps().get(i);
				texts = playback.stepTexts().get(i);
			}
			else {
				description = (i < scenario.savedSteps().size()) ? scenario.savedSteps().get(i) : List.of();
			}
			steps.add(new Step(i + 1, scenario.operations().get(i), description, live, texts));
		}
		return steps;
	}

	private static List<BranchSize> branchSizes(Playback playback, String within) {
		Structure before = Structure.of(playback.before());
		Structure after = Structure.of(playback.after());
		Map<String, BranchSize> sizes = new LinkedHashMap<>();
		for (Org org : scope(before, within)) {
			if (isBranchLike(org.kind())) {
				Org now = after.org(org.id());
				boolean stays = now != null && isBranchLike(now.kind());
				sizes.put(org.id(), new BranchSize(org.id(), stays ? now.name() : org.name(),
						(stays ? now.kind() : org.kind()).name(), before.memberCount(org.id()),
						stays ? after.memberCount(org.id()) : null));
			}
		}
		for (Org org : scope(after, within)) {
			if (isBranchLike(org.kind()) && !sizes.containsKey(org.id())) {
				sizes.put(org.id(), new BranchSize(org.id(), org.name(), org.kind().name(),
						(before.org(org.id()) != null) ? before.memberCount(org.id()) : null,
						after.memberCount(org.id())));
			}
		}
		List<BranchSize> all = List.copyOf(sizes.values());
		return (all.size() <= ALL_BRANCHES_UP_TO) ? all : all.stream().filter(BranchSize::changed).toList();
	}

	private static Collection<Org> scope(Structure structure, String within) {
		return (within != null) ? structure.subtree(within) : structure.orgs();
	}

	private static boolean isBranchLike(OrgKind kind) {
		return kind == OrgKind.BRANCH || kind == OrgKind.JOINT_BRANCH || kind == OrgKind.GENERAL_BRANCH;
	}

	private static List<OrgChartChange> orgChanges(Playback playback) {
		Map<String, Org> before = new LinkedHashMap<>();
		playback.before().orgs().forEach((o) -> before.put(o.id(), o));
		Map<String, Org> after = new LinkedHashMap<>();
		playback.after().orgs().forEach((o) -> after.put(o.id(), o));
		List<OrgChartChange> changes = new ArrayList<>();
		for (Org org : after.values()) {
			Org was = before.get(org.id());
			if (was == null) {
				changes.add(new OrgChartChange("CREATED", org.id(), org.name(), org.kind().name(), null,
						label(after, org.parent())));
				continue;
			}
			if (!Objects.equals(was.parent(), org.parent())) {
				changes.add(new OrgChartChange("MOVED", org.id(), org.name(), org.kind().name(),
						label(before, was.parent()), label(after, org.parent())));
			}
			if (was.kind() != org.kind()) {
				changes.add(new OrgChartChange("KIND_CHANGED", org.id(), org.name(), org.kind().name(),
						was.kind().name(), org.kind().name()));
			}
			if (!Objects.equals(was.name(), org.name())) {
				changes.add(new OrgChartChange("RENAMED", org.id(), org.name(), org.kind().name(), was.name(),
						org.name()));
			}
			if (!Set.copyOf(was.coManagedBy()).equals(Set.copyOf(org.coManagedBy()))) {
				changes.add(new OrgChartChange("CO_MANAGERS_CHANGED", org.id(), org.name(), org.kind().name(),
						labels(before, was.coManagedBy()), labels(after, org.coManagedBy())));
			}
			if (!Set.copyOf(was.units()).equals(Set.copyOf(org.units()))) {
				changes.add(new OrgChartChange("UNITS_CHANGED", org.id(), org.name(), org.kind().name(),
						String.join(", ", was.units()), String.join(", ", org.units())));
			}
			if (!was.committee() && org.committee()) {
				changes.add(new OrgChartChange("COMMITTEE_ELECTED", org.id(), org.name(), org.kind().name(), null,
						null));
			}
		}
		for (Org org : before.values()) {
			if (!after.containsKey(org.id())) {
				changes.add(new OrgChartChange("DISSOLVED", org.id(), org.name(), org.kind().name(),
						label(before, org.parent()), null));
			}
		}
		return List.copyOf(changes);
	}

	private static String label(Map<String, Org> orgs, String id) {
		if (id == null) {
			return null;
		}
		Org org = orgs.get(id);
		return (org != null) ? org.name() + " (" + id + ")" : id;
	}

	private static String labels(Map<String, Org> orgs, List<String> ids) {
		return ids.isEmpty() ? "none" : String.join(", ", ids.stream().map((id) -> label(orgs, id)).toList());
	}

	static String suggestedName(ComplianceIssue issue) {
		String name = "fix-" + issue.rule().name() + "-" + issue.orgId();
		name = name.replaceAll("[^\\p{L}\\p{M}\\p{N} ._()+\\-]", "-");
		return (name.length() > 100) ? name.substring(0, 100) : name;
	}

}
