package org.partygraph.queries.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

import org.partygraph.model.Dataset;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.limits.TimeBudget;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.FixVetting;
import org.partygraph.queries.whatif.Planner;
import org.partygraph.queries.whatif.WhatIfEngine;
import org.partygraph.queries.whatif.WhatIfReport;

/**
 * Rule checks and what-if reports over the stored graph: one consistent read of the scope into
 * memory (three statements in one read transaction), then the checks in Java, so a check and
 * both sides of a what-if apply exactly the same rules.
 */
public final class ComplianceQueries {

	private final DatasetExporter exporter;

	private final RuleChecker checker;

	private final WhatIfEngine whatIf;

	private final int parallelism;

	public ComplianceQueries(DatasetExporter exporter, RuleChecker checker,
			BiFunction<Structure, String, List<Metric>> patternFigures) {
		this(exporter, checker, patternFigures, Runtime.getRuntime().availableProcessors());
	}

	/**
	 * @param parallelism how many trees (counties) a whole-graph check reads and checks at a time
	 */
	public ComplianceQueries(DatasetExporter exporter, RuleChecker checker,
			BiFunction<Structure, String, List<Metric>> patternFigures, int parallelism) {
		if (parallelism < 1) {
			throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
		}
		this.parallelism = parallelism;
		this.exporter = exporter;
		this.checker = checker;
		this.whatIf = new WhatIfEngine(checker, patternFigures);
	}

	public RuleThresholds thresholds() {
		return this.checker.thresholds();
	}

	/**
	 * Every break of the given rules (all when empty) in {@code withinOrgId}'s subtree, or
	 * everywhere when it is null.
	 * @return the issues, or {@code null} when no org has id {@code withinOrgId}
	 */
	public List<ComplianceIssue> issues(String withinOrgId, Set<Rule> rules) {
		if (withinOrgId == null) {
			return everyTree(rules);
		}
		Dataset snapshot = this.exporter.snapshot(withinOrgId);
		TimeBudget.checkpoint("checking the rules");
		Structure structure = Structure.of(snapshot);
		if (withinOrgId != null && structure.org(withinOrgId) == null) {
			return null;
		}
		return this.checker.check(structure, withinOrgId, rules);
	}

	/**
	 * Every break of the given rules (all when empty) in {@code withinOrgId}'s subtree of a structure
	 * the caller has already read (everywhere in it when null): for a read that needs the snapshot
	 * for more than the rules, so the store is read once.
	 */
	public List<ComplianceIssue> issues(Structure structure, String withinOrgId, Set<Rule> rules) {
		return this.checker.check(structure, withinOrgId, rules);
	}

	/**
	 * Tree by tree (county by county): the same issues as one whole-graph check, with memory bounded
	 * by a few counties rather than the province. Trees are checked one per core at a time (reading a
	 * county keeps about one core busy between the database, the driver and the check); the issues
	 * come in the trees' order all the same. Under a time budget (a what-if's), which belongs to the
	 * calling thread, they are checked on that thread one after another.
	 */
	private List<ComplianceIssue> everyTree(Set<Rule> rules) {
		List<ComplianceIssue> all = new ArrayList<>();
		for (List<ComplianceIssue> issues : perTree(this.exporter.roots(), (root) -> issues(root, rules))) {
			if (issues != null) {
				all.addAll(issues);
			}
		}
		return all;
	}

	/**
	 * The check of each tree (by its root), in the roots' order, one tree per core at a time (on the
	 * calling thread under a time budget, which belongs to it).
	 */
	<T> List<T> perTree(List<String> roots, java.util.function.Function<String, T> check) {
		int threads = Math.min(roots.size(), this.parallelism);
		boolean here = threads <= 1 || TimeBudget.active();
		ExecutorService pool = here ? null : Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "compliance-check");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<T>> checks = new ArrayList<>(roots.size());
			for (String root : roots) {
				checks.add(here ? CompletableFuture.completedFuture(check.apply(root))
						: pool.submit(() -> check.apply(root)));
			}
			List<T> all = new ArrayList<>(roots.size());
			for (Future<T> one : checks) {
				all.add(one.get());
			}
			return all;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while checking the rules", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			if (pool != null) {
				pool.shutdownNow();
			}
		}
	}

	/**
	 * Every break of every rule in the whole tree under {@code rootId}, read anew, with the tree's
	 * parents (org id to parent id) to cut a subtree from; {@code null} when no org has that id.
	 */
	Tree tree(String rootId) {
		Dataset snapshot = this.exporter.snapshot(rootId);
		TimeBudget.checkpoint("checking the rules");
		return tree(rootId, snapshot);
	}

	/**
	 * As {@link #tree(String)}, on a snapshot of the tree the caller holds (read whole, or brought up
	 * to date); {@code null} when it holds no org {@code rootId}.
	 */
	Tree tree(String rootId, Dataset snapshot) {
		Structure structure = Structure.of(snapshot);
		if (structure.org(rootId) == null) {
			return null;
		}
		Map<String, String> parents = new java.util.HashMap<>();
		structure.orgs().forEach((o) -> parents.put(o.id(), o.parent()));
		return new Tree(this.checker.check(structure, rootId, java.util.EnumSet.allOf(Rule.class)), parents,
				snapshot);
	}

	/** The snapshot a tree is checked on ({@link DatasetExporter#snapshot}). */
	Dataset snapshot(String rootId) {
		return this.exporter.snapshot(rootId);
	}

	/** The day the term rules judge as today. */
	LocalDate today() {
		return this.checker.terms().today();
	}

	/**
	 * A tree's issues and its parents.
	 * @param issues every break of every rule at the tree's orgs, in the checker's order
	 * @param parents each org's parent id (null for the root)
	 * @param snapshot what the tree was checked on
	 */
	record Tree(List<ComplianceIssue> issues, Map<String, String> parents, Dataset snapshot) {

		/** Whether {@code orgId} is {@code rootId} or lies under it. */
		boolean isUnder(String orgId, String rootId) {
			String at = orgId;
			for (int i = 0; at != null && i <= this.parents.size(); i++) {
				if (at.equals(rootId)) {
					return true;
				}
				at = this.parents.get(at);
			}
			return false;
		}

	}

	/**
	 * Plays the operations out on a copy of the scope; nothing stored changes.
	 * @return the report, or {@code null} when no org has id {@code withinOrgId}
	 * @throws org.partygraph.queries.whatif.InvalidOperationException naming the failing operation
	 */
	public WhatIfReport whatIf(String withinOrgId, List<Operation> operations) {
		Dataset snapshot = this.exporter.snapshot(withinOrgId);
		if (withinOrgId != null && snapshot.orgs().stream().noneMatch((o) -> o.id().equals(withinOrgId))) {
			return null;
		}
		return whatIf(snapshot, withinOrgId, operations);
	}

	/**
	 * Plays the operations out on a snapshot already read ({@code withinOrgId}'s, which must hold it).
	 * @throws org.partygraph.queries.whatif.InvalidOperationException naming the failing operation
	 */
	public WhatIfReport whatIf(Dataset snapshot, String withinOrgId, List<Operation> operations) {
		return this.whatIf.run(snapshot, withinOrgId, operations);
	}

	/**
	 * How the structure changed between two structures of the store (two days, read with
	 * {@code PastReads}), as a what-if report on the same rules and figures
	 * ({@link WhatIfEngine#compare}).
	 */
	public WhatIfReport compare(Dataset before, Dataset after, String withinOrgId, List<String> changes,
			java.time.LocalDate from, java.time.LocalDate to) {
		return this.whatIf.compare(before, after, withinOrgId, changes, from, to);
	}

	/**
	 * Judges candidate fixes of the issues of a snapshot already read, before they are suggested.
	 */
	public FixVetting vetting(Dataset snapshot) {
		return this.whatIf.vetting(snapshot);
	}

	/** The what-if planner on the same rules and pattern figures. */
	public Planner planner() {
		return this.whatIf.planner();
	}

}
