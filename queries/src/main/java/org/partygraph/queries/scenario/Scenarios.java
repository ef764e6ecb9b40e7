package org.partygraph.queries.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Problem;
import org.partygraph.model.RoleAssignment;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.GraphSchema;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.limits.TimeBudget;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.scenario.ScenarioDetails.BranchSize;
import org.partygraph.queries.scenario.ScenarioDetails.OrgChartChange;
import org.partygraph.queries.scenario.ScenarioDetails.Step;
import org.partygraph.queries.scenario.ScenarioRejectedException.Refusal;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.whatif.InvalidOperationException;
import org.partygraph.queries.whatif.MemberMove;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.OperationScope;
import org.partygraph.queries.whatif.WhatIfReport;
import org.partygraph.queries.write.Datasets;
import org.partygraph.queries.write.Links;
import org.partygraph.queries.write.MemberTallies;
import org.partygraph.queries.write.Orgs;
import org.partygraph.queries.write.Rows;
import org.partygraph.queries.write.Transfers;
import org.partygraph.queries.write.WriteLocks;

/**
 * Saved restructuring scenarios: a named list of what-if operations kept in Neo4j as a
 * {@code (:Scenario)} node, apart from the live graph (no relationship to any Org, Unit or Member).
 *
 * <p>
 * Saving plays the operations out first (an invalid one is refused, naming its index, and nothing
 * is saved) and keeps a {@link Fingerprint} of the part of the live graph they read. Applying
 * writes, in ONE write transaction, exactly the difference the what-if predicts between that part
 * before and after, and refuses ({@link Refusal#LIVE_GRAPH_CHANGED}, nothing written) when the
 * fingerprint no longer matches.
 *
 * <p>
 * The race between checking the fingerprint and writing is closed with the locks the validated
 * changes take ({@code OrgChanges}): the apply transaction first takes the write lock of every
 * {@code (:Dataset)} node, which each change of the tree's shape and each re-import takes before it
 * writes or commits, then of every org of the tree it reads, one of which every other change locks
 * (the orgs it touches, a member's present org), and only then reads the snapshot it checks. A
 * change that locked first has committed before the snapshot is read (and so shows in it); a later
 * one waits until the apply commits. Writes made
 * around the service (Cypher typed into Neo4j Browser) take no such lock and are not covered.
 */
public final class Scenarios {

	/** Letters (any script), digits, space and {@code . _ ( ) + -}; no slash, so a name is one URL path segment. */
	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N} ._()+\\-]{0,99}");

	private static final int NOTE_MAX = 4000;

	/** Up to this many branches in scope, the page shows every one; above, only those that change. */
	private static final int ALL_BRANCHES_UP_TO = 30;

	// Creates the scenario's node, or takes the write lock of the one saved under the name, so that
	// what the save checks of it holds until it commits (a refusal rolls a new node back).
	private static final String CLAIM = """
			MERGE (s:Scenario {name: $name})
			""" + WriteLocks.clause("s") + """
			RETURN s, s.savedAt IS NULL AS fresh
			""";

	private static final String SAVE = """
			MATCH (s:Scenario {name: $name})
			SET s.within = $within, s.owner = $owner, s.operations = $operations, s.operationCount = $count,
			  s.note = $note, s.savedAt = datetime.transaction(), s.savedBy = $savedBy, s.fingerprint = $fingerprint,
			  s.steps = $steps
			RETURN s
			""";

	private static final String LIST = "MATCH (s:Scenario) RETURN s ORDER BY s.name";

	private static final String FIND = "MATCH (s:Scenario {name: $name}) RETURN s";

	private static final String DELETE = """
			MATCH (s:Scenario {name: $name})
			DETACH DELETE s
			RETURN count(*) AS deleted
			""";

	private static final String LOCK_SCENARIO = """
			MATCH (s:Scenario {name: $name})
			""" + WriteLocks.clause("s") + """
			RETURN s
			""";

	private static final String IDS_TAKEN = """
			UNWIND $ids AS id
			WITH id
			WHERE EXISTS { (:Org {id: id}) } OR EXISTS { (:Unit {id: id}) } OR EXISTS { (:Member {id: id}) }
			RETURN collect(id) AS taken
			""";

	private static final String MEMBERS_LEFT_BEHIND = """
			UNWIND $removed AS id
			MATCH (:Org {id: id})<-[:MEMBER_OF|IN_GROUP]-(m:Member)
			WHERE NOT m.id IN $members
			RETURN id AS org, count(DISTINCT m) AS count, collect(DISTINCT m.id)[..10] AS some
			ORDER BY org
			""";

	private static final String MARK_APPLIED = """
			MATCH (s:Scenario {name: $name})
			SET s.appliedAt = datetime.transaction(), s.appliedBy = $appliedBy
			RETURN s
			""";

	private final Driver driver;

	private final DatasetExporter exporter;

	private final ComplianceQueries compliance;

	public Scenarios(Driver driver, DatasetExporter exporter, ComplianceQueries compliance) {
		this.driver = driver;
		this.exporter = exporter;
		this.compliance = compliance;
	}

	/**
	 * Saves the operations under the name for a caller who sees everything, as
	 * {@link #save(String, String, List, String, String, String)} does.
	 */
	public Scenario save(String name, String within, List<Operation> operations, String note, String savedBy) {
		return save(name, within, operations, note, savedBy, null);
	}

	/**
	 * Saves the operations under the name, owned by the saver's scope, replacing a scenario saved
	 * under it before that the saver's scope covers and that was not applied. The operations are
	 * played out on the live graph first, naming only what lies in the saver's scope
	 * ({@link OperationScope}).
	 * @param within the scope org, or {@code null} for everything
	 * @param savedBy who saves it; may be {@code null}
	 * @param callerScope the saver's scope root, or {@code null} for everything; becomes the owner
	 * @throws ScenarioRejectedException INVALID_NAME, NO_OPERATIONS, UNKNOWN_SCOPE, INVALID_OPERATION
	 * naming {@code operations[i]}, NAME_TAKEN (by a scenario the saver may not see) or ALREADY_APPLIED
	 * (the scenario under the name was applied; it is kept as it is); nothing is saved
	 */
	public Scenario save(String name, String within, List<Operation> operations, String note, String savedBy,
			String callerScope) {
		return save(name, within, operations, note, savedBy, callerScope, false).scenario();
	}

	/**
	 * Saves as {@link #save(String, String, List, String, String, String)} does, with the what-if
	 * report of the operations on the same snapshot, made before anything is written (so a
	 * {@link org.partygraph.queries.limits.TimeBudget} spent on it leaves nothing saved).
	 */
	public SavedScenario saveWithReport(String name, String within, List<Operation> operations, String note,
			String savedBy, String callerScope) {
		return save(name, within, operations, note, savedBy, callerScope, true);
	}

	private SavedScenario save(String name, String within, List<Operation> operations, String note, String savedBy,
			String callerScope, boolean withReport) {
		checkName(name);
		if (note != null && note.length() > NOTE_MAX) {
			throw new ScenarioRejectedException(Refusal.INVALID_NAME, name, "note",
					"the note has " + note.length() + " characters; at most " + NOTE_MAX);
		}
		if (operations == null || operations.isEmpty()) {
			throw new ScenarioRejectedException(Refusal.NO_OPERATIONS, name, "operations",
					"give at least one operation");
		}
		Dataset snapshot = snapshotOf(name, within);
		WriteScope caller = WriteScope.of(callerScope);
		Playback playback = play(name, snapshot, within, operations,
				OperationScope.read(this.driver, caller.root(), operations));
		String fingerprint = Fingerprint.of(snapshot, within, operations);
		WhatIfReport report = withReport ? this.compliance.whatIf(snapshot, within, operations) : null;
		TimeBudget.checkpoint("saving the scenario");
		Map<String, Object> params = new HashMap<>();
		params.put("name", name);
		params.put("within", within);
		params.put("owner", caller.root());
		params.put("operations", OperationsJson.write(operations));
		params.put("count", operations.size());
		params.put("note", (note == null || note.isBlank()) ? null : note);
		params.put("savedBy", savedBy);
		params.put("fingerprint", fingerprint);
		params.put("steps", OperationsJson.writeSteps(playback.steps()));
		try (Session session = this.driver.session()) {
			return new SavedScenario(session.executeWrite((tx) -> {
				Record claimed = tx.run(CLAIM, Map.of("name", name)).single();
				if (!claimed.get("fresh").asBoolean()) {
					Scenario existing = scenario(claimed.get("s"));
					if (!covers(tx, caller, existing)) {
						throw new ScenarioRejectedException(Refusal.NAME_TAKEN, name, "name",
								"the name '" + name + "' is taken; choose another");
					}
					if (existing.applied()) {
						throw alreadyApplied(existing, "save it under another name");
					}
				}
				return scenario(tx.run(SAVE, params).single().get("s"));
			}), report);
		}
	}

	/** Every saved scenario, by name. */
	public List<Scenario> list() {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run(LIST).list((r) -> scenario(r.get("s"))));
		}
	}

	/** The scenario saved under the name, or {@code null} when there is none. */
	public Scenario find(String name) {
		if (name == null) {
			return null;
		}
		try (Session session = this.driver.session()) {
			List<Record> rows = session.executeRead((tx) -> tx.run(FIND, Map.of("name", name)).list());
			return rows.isEmpty() ? null : scenario(rows.get(0).get("s"));
		}
	}

	/** Deletes the scenario saved under the name for a caller who sees everything. */
	public void delete(String name) {
		delete(name, null);
	}

	/**
	 * Deletes the scenario saved under the name; the live graph is not touched. An applied scenario
	 * is the record of what was written and stays.
	 * @param callerScope the caller's scope root, or {@code null} for everything
	 * @throws ScenarioRejectedException NOT_FOUND when there is none the caller's scope covers,
	 * ALREADY_APPLIED
	 */
	public void delete(String name, String callerScope) {
		WriteScope caller = WriteScope.of(callerScope);
		try (Session session = this.driver.session()) {
			session.executeWriteWithoutResult((tx) -> {
				Scenario scenario = lockVisible(tx, name, caller);
				if (scenario.applied()) {
					throw alreadyApplied(scenario, "it stays as the record of what was written");
				}
				tx.run(DELETE, Map.of("name", name)).consume();
			});
		}
	}

	/** Saved scenarios with whether the live graph changed under each; one snapshot per scope. */
	public List<ScenarioSummary> summaries() {
		List<Scenario> scenarios = list();
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
	public WhatIfReport report(Scenario scenario) {
		return this.compliance.whatIf(scenario.within(), scenario.operations());
	}

	/**
	 * A fresh what-if report of the scenario on the live graph, for a caller with the given scope (as
	 * {@link #whatIf}).
	 * @return the report, or {@code null} when its scope org is gone
	 * @throws InvalidOperationException when an operation no longer applies, or names what lies
	 * outside the caller's scope
	 */
	public WhatIfReport report(Scenario scenario, String callerScope) {
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
	public ScenarioDetails details(String name) {
		return details(name, null);
	}

	/**
	 * Everything a person reads to decide on the scenario, played as a caller with the given scope may
	 * ({@link #whatIf}).
	 * @return the details, or {@code null} when no scenario has the name
	 */
	public ScenarioDetails details(String name, String callerScope) {
		Scenario scenario = find(name);
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
	public ScenarioComparison compare(List<String> names) {
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
			Scenario scenario = find(name);
			if (scenario == null) {
				throw notFound(name);
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
	 * One scenario per compliance issue in scope that has fix operations, named
	 * {@code fix-<RULE>-<orgId>}.
	 * @return the suggestions, or {@code null} when no org has id {@code within}
	 */
	public List<SuggestedScenario> suggested(String within) {
		List<ComplianceIssue> issues = this.compliance.issues(within, EnumSet.allOf(Rule.class));
		if (issues == null) {
			return null;
		}
		return issues.stream()
			.filter((i) -> !i.fix().isEmpty())
			.map((i) -> new SuggestedScenario(suggestedName(i), within, i, i.fix()))
			.toList();
	}

	/**
	 * Writes the scenario to the live graph in one write transaction: the difference between the
	 * part it reads now and the what-if's after (orgs created, changed and dissolved; members' links
	 * rewritten; each membership move recorded as a {@code (:Transfer)} with reason
	 * {@code scenario <name>}), and marks it applied.
	 * @throws ScenarioRejectedException NOT_FOUND, ALREADY_APPLIED, LIVE_GRAPH_CHANGED (the
	 * fingerprint differs), OUTSIDE_SCOPE (members outside the scope belong to an org it removes) or
	 * ID_TAKEN; nothing is written
	 */
	public AppliedScenario apply(String name, String appliedBy) {
		return apply(name, appliedBy, null);
	}

	/**
	 * Applies as {@link #apply(String, String)} does, for a caller with the given scope: checked inside
	 * the apply's transaction, the scenario must be one the scope covers (else NOT_FOUND, as for a
	 * name never saved), and its operations may name only orgs and members in the scope and not
	 * dissolve, move, re-kind or merge its root (else INVALID_OPERATION, as for an id that does not
	 * exist; see {@link OperationScope}).
	 * @param callerScope the applier's scope root, or {@code null} for everything
	 */
	public AppliedScenario apply(String name, String appliedBy, String callerScope) {
		WriteScope caller = WriteScope.of(callerScope);
		// Fixed before the transaction, so that a retried attempt records the same transfer ids.
		String applyId = UUID.randomUUID().toString();
		try (Session session = this.driver.session()) {
			return session.executeWrite((tx) -> {
				Scenario scenario = lockVisible(tx, name, caller);
				if (scenario.within() != null && !caller.containsOrg(tx, scenario.within())) {
					throw notFound(name);
				}
				if (scenario.applied()) {
					throw alreadyApplied(scenario, "save it under another name to apply it once more");
				}
				WriteLocks.allDatasets(tx);
				if (scenario.within() != null) {
					WriteLocks.treeAround(tx, scenario.within());
				}
				else {
					WriteLocks.allOrgs(tx);
				}
				// Read in its own transaction, after the locks: see the class comment.
				Dataset snapshot = this.exporter.snapshot(scenario.within());
				String now = Fingerprint.of(snapshot, scenario.within(), scenario.operations());
				if (!now.equals(scenario.fingerprint())) {
					throw new ScenarioRejectedException(Refusal.LIVE_GRAPH_CHANGED, name, "fingerprint",
							"the live graph changed under scenario '" + name + "' since it was saved at "
									+ scenario.savedAt() + "; review it with the report and save it again to apply it");
				}
				// The applier's scope, read in this transaction after the locks: never stale.
				Playback playback = play(name, snapshot, scenario.within(), scenario.operations(),
						OperationScope.of(tx, caller, scenario.operations()));
				GraphDiff diff = GraphDiff.between(playback.before(), playback.after());
				checkIdsFree(tx, name, diff);
				checkNoMemberLeftBehind(tx, name, diff, snapshot);
				write(tx, scenario, diff, applyId);
				Scenario applied = scenario(tx.run(MARK_APPLIED, params("name", name, "appliedBy", appliedBy))
					.single()
					.get("s"));
				return new AppliedScenario(applied, ids(diff.created()), ids(diff.changed()), ids(diff.removed()),
						diff.changedMembers().size(), diff.moves().size());
			});
		}
	}

	/**
	 * The graph after the scenario, as the what-if predicts it from the live graph now (for the
	 * scenario's scope: every unit and org, the members of the scope).
	 * @return the prediction, or {@code null} when no scenario has the name
	 * @throws InvalidOperationException when an operation no longer applies
	 */
	public Dataset predictedAfter(String name) {
		Scenario scenario = find(name);
		if (scenario == null) {
			return null;
		}
		Dataset snapshot = this.exporter.snapshot(scenario.within());
		return Playback.of(snapshot, scenario.within(), scenario.operations(), minFullMembers()).after();
	}

	private void write(TransactionContext tx, Scenario scenario, GraphDiff diff, String applyId) {
		// 1. New orgs, in the parents' datasets.
		Map<String, String> datasets = Datasets.ofNewOrgs(tx, diff.created());
		expect(Orgs.createAll(tx, diff.created(), datasets), diff.created().size(), "orgs created");
		// 2. Changed orgs: properties, and their SUBORDINATE_TO / CO_MANAGED_BY / SET_UP_IN rewritten.
		expect(Orgs.updateAll(tx, diff.changed()), diff.changed().size(), "orgs changed");
		Links.endOrgLinks(tx, ids(diff.changed()));
		List<Org> linked = new ArrayList<>(diff.created());
		linked.addAll(diff.changed());
		Map<GraphSchema.Rel, List<Map<String, Object>>> links = new LinkedHashMap<>();
		for (Org org : linked) {
			link(links, GraphSchema.Rel.SUBORDINATE_TO, org.id(), org.parent(), null);
			org.coManagedBy().forEach((to) -> link(links, GraphSchema.Rel.CO_MANAGED_BY, org.id(), to, null));
			org.units().forEach((to) -> link(links, GraphSchema.Rel.SET_UP_IN, org.id(), to, null));
		}
		// 3. Changed members: MEMBER_OF / IN_GROUP / HOLDS / PARTICIPATES_IN rewritten.
		List<String> changedMembers = diff.changedMembers().stream().map(Member::id).toList();
		Set<String> tallied = MemberTallies.orgsOf(tx, changedMembers);
		Links.endMemberLinks(tx, changedMembers);
		for (Member member : diff.changedMembers()) {
			link(links, GraphSchema.Rel.MEMBER_OF, member.id(), member.org(), null);
			link(links, GraphSchema.Rel.IN_GROUP, member.id(), member.group(), null);
			for (RoleAssignment role : member.roles()) {
				link(links, GraphSchema.Rel.HOLDS, member.id(), role.org(), role.role().name());
			}
			member.participatesIn().forEach((to) -> link(links, GraphSchema.Rel.PARTICIPATES_IN, member.id(), to, null));
		}
		links.forEach((rel, rows) -> expect(Rows.createAll(tx, rel, rows), rows.size(), rel.name() + " links"));
		// 4. Each membership move as transfer history.
		List<Map<String, Object>> transfers = new ArrayList<>();
		for (MemberMove move : diff.moves()) {
			String id = UUID.nameUUIDFromBytes((applyId + "|" + move.memberId()).getBytes(StandardCharsets.UTF_8))
				.toString();
			transfers.add(Transfers.row(id, move.memberId(), move.fromOrg(), move.toOrg()));
		}
		expect(Transfers.recordAll(tx, transfers, "scenario " + scenario.name()), transfers.size(), "transfers");
		// 5. Dissolved orgs, last: nothing of the scope points at them any more.
		expect(Orgs.deleteAll(tx, ids(diff.removed())), diff.removed().size(), "orgs dissolved");
		// 6. The member tallies of every org a changed member left or joined, and of the new orgs.
		tallied.addAll(MemberTallies.orgsOf(tx, changedMembers));
		tallied.addAll(ids(diff.created()));
		MemberTallies.recount(tx, tallied);
	}

	private static void link(Map<GraphSchema.Rel, List<Map<String, Object>>> links, GraphSchema.Rel rel, String from,
			String to, String role) {
		if (to == null) {
			return;
		}
		Map<String, Object> row = (role != null) ? Rows.link(from, to, role) : Rows.link(from, to);
		links.computeIfAbsent(rel, (r) -> new ArrayList<>()).add(row);
	}

	/** A count the statement must have reached; anything else is a fault, and rolls everything back. */
	private static void expect(long count, int wanted, String what) {
		if (count != wanted) {
			throw new IllegalStateException("applying a scenario: " + what + " " + count + ", expected " + wanted
					+ "; nothing was written");
		}
	}

	private static void checkIdsFree(TransactionContext tx, String name, GraphDiff diff) {
		List<String> taken = tx.run(IDS_TAKEN, Map.of("ids", ids(diff.created())))
			.single()
			.get("taken")
			.asList(Value::asString);
		if (!taken.isEmpty()) {
			throw new ScenarioRejectedException(Refusal.ID_TAKEN,
					taken.stream()
						.map((id) -> new Problem(id, "id", "scenario '" + name + "' would create org '" + id
								+ "', and that id is held by a stored item outside its scope"))
						.toList());
		}
	}

	private static void checkNoMemberLeftBehind(TransactionContext tx, String name, GraphDiff diff, Dataset snapshot) {
		List<Problem> problems = new ArrayList<>();
		tx.run(MEMBERS_LEFT_BEHIND,
				Map.of("removed", ids(diff.removed()), "members", snapshot.members().stream().map(Member::id).toList()))
			.forEachRemaining((r) -> problems.add(new Problem(r.get("org").asString(), "within",
					"scenario '" + name + "' removes '" + r.get("org").asString() + "', to which "
							+ r.get("count").asLong() + " member(s) outside its scope belong, e.g. "
							+ r.get("some").asList(Value::asString) + "; save it with a wider within")));
		if (!problems.isEmpty()) {
			throw new ScenarioRejectedException(Refusal.OUTSIDE_SCOPE, problems);
		}
	}

	private Dataset snapshotOf(String name, String within) {
		Dataset snapshot = this.exporter.snapshot(within);
		if (within != null && snapshot.orgs().stream().noneMatch((o) -> o.id().equals(within))) {
			throw new ScenarioRejectedException(Refusal.UNKNOWN_SCOPE, name, "within", "no org has id '" + within + "'");
		}
		return snapshot;
	}

	private Playback play(String name, Dataset snapshot, String within, List<Operation> operations,
			OperationScope scope) {
		try {
			return Playback.of(snapshot, within, operations, minFullMembers(), scope);
		}
		catch (InvalidOperationException ex) {
			throw new ScenarioRejectedException(Refusal.INVALID_OPERATION, name, "operations[" + ex.index() + "]",
					ex.getMessage());
		}
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
			if (live) {
				description = playback.steps().get(i);
			}
			else {
				description = (i < scenario.savedSteps().size()) ? scenario.savedSteps().get(i) : List.of();
			}
			steps.add(new Step(i + 1, scenario.operations().get(i), description, live));
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

	private static void checkName(String name) {
		if (name == null || name.isBlank()) {
			throw new ScenarioRejectedException(Refusal.INVALID_NAME, Problem.DATASET, "name", "name is missing");
		}
		if (!NAME.matcher(name).matches() || name.endsWith(" ")) {
			throw new ScenarioRejectedException(Refusal.INVALID_NAME, name, "name",
					"a name is 1 to 100 letters, digits, spaces and . _ ( ) + -, starting with a letter or digit"
							+ " and not ending with a space");
		}
	}

	/**
	 * The scenario saved under the name, write-locked until the transaction ends.
	 * @throws ScenarioRejectedException NOT_FOUND when there is none, or none the caller's scope
	 * covers (the same refusal)
	 */
	private static Scenario lockVisible(TransactionContext tx, String name, WriteScope caller) {
		List<Record> found = tx.run(LOCK_SCENARIO, Map.of("name", String.valueOf(name))).list();
		Scenario scenario = found.isEmpty() ? null : scenario(found.get(0).get("s"));
		if (scenario == null || !covers(tx, caller, scenario)) {
			throw notFound(name);
		}
		return scenario;
	}

	/**
	 * Whether the caller's scope covers the scenario's owner scope: the caller sees everything, or the
	 * owner scope lies in the caller's subtree.
	 */
	private static boolean covers(TransactionContext tx, WriteScope caller, Scenario scenario) {
		return caller.isEverything() || caller.containsOrg(tx, scenario.owner());
	}

	private static ScenarioRejectedException alreadyApplied(Scenario scenario, String instead) {
		return new ScenarioRejectedException(Refusal.ALREADY_APPLIED, scenario.name(), "name",
				"scenario '" + scenario.name() + "' was applied at " + scenario.appliedAt()
						+ " and is kept as it is; " + instead);
	}

	private static ScenarioRejectedException notFound(String name) {
		return new ScenarioRejectedException(Refusal.NOT_FOUND, String.valueOf(name), "name",
				"no scenario is saved under '" + name + "'");
	}

	private static Scenario scenario(Value s) {
		return new Scenario(s.get("name").asString(), s.get("within").asString(null), s.get("owner").asString(null),
				OperationsJson.read(s.get("operations").asString()), s.get("note").asString(null), instant(s.get("savedAt")),
				s.get("savedBy").asString(null), s.get("fingerprint").asString(null), instant(s.get("appliedAt")),
				s.get("appliedBy").asString(null), OperationsJson.readSteps(s.get("steps").asString(null)));
	}

	private static Instant instant(Value value) {
		return value.isNull() ? null : value.asZonedDateTime().toInstant();
	}

	private static List<String> ids(List<Org> orgs) {
		return orgs.stream().map(Org::id).toList();
	}

	// Map.of refuses null values, and absent optional fields are null.
	private static Map<String, Object> params(Object... keysAndValues) {
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			params.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return params;
	}

}
