package org.partygraph.queries.scenario;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.partygraph.model.Dataset;
import org.partygraph.model.Problem;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.limits.TimeBudget;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.scenario.ScenarioRejectedException.Refusal;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.whatif.InvalidOperationException;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.OperationScope;
import org.partygraph.queries.whatif.WhatIfReport;
import org.partygraph.queries.write.WriteLocks;

/**
 * Saved restructuring scenarios: a named list of what-if operations kept in Neo4j as a
 * {@code (:Scenario)} node, apart from the live graph (no relationship to any Org, Unit or Member).
 * The store saves, lists, finds and deletes them, each owned by the saver's scope; a name is taken
 * for everyone ({@link Refusal#NAME_TAKEN} when the owner is out of the saver's sight).
 *
 * <p>
 * Saving plays the operations out first (an invalid one is refused, naming its index, and nothing
 * is saved) and keeps a {@link Fingerprint} of the part of the live graph they read;
 * {@link ScenarioApplier} writes a saved scenario to the live graph, {@link ScenarioReports} says
 * what it would do.
 */
public final class ScenarioStore {

	/** Letters (any script), digits, space and {@code . _ ( ) + -}; no slash, so a name is one URL path segment. */
	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N} ._()+\\-]{0,99}");

	private static final int NOTE_MAX = 4000;

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

	private final Driver driver;

	private final DatasetExporter exporter;

	private final ComplianceQueries compliance;

	public ScenarioStore(Driver driver, DatasetExporter exporter, ComplianceQueries compliance) {
		this.driver = driver;
		this.exporter = exporter;
		this.compliance = compliance;
	}

	/**
	 * Saves the operations under the name for a caller who sees everything, as
	 * {@link #save(String, String, List, String, String, String)} does.
	 */
	Scenario save(String name, String within, List<Operation> operations, String note, String savedBy) {
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
					Text.of("scenario.noteTooLong", note.length(), NOTE_MAX));
		}
		if (operations == null || operations.isEmpty()) {
			throw new ScenarioRejectedException(Refusal.NO_OPERATIONS, name, "operations",
					Text.of("scenario.noOperations"));
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
								Text.of("scenario.nameTaken", name));
					}
					if (existing.applied()) {
						throw alreadyApplied(existing, "scenario.appliedSaveAnother");
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
	void delete(String name) {
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
					throw alreadyApplied(scenario, "scenario.appliedStays");
				}
				tx.run(DELETE, Map.of("name", name)).consume();
			});
		}
	}

	private Dataset snapshotOf(String name, String within) {
		Dataset snapshot = this.exporter.snapshot(within);
		if (within != null && snapshot.orgs().stream().noneMatch((o) -> o.id().equals(within))) {
			throw new ScenarioRejectedException(Refusal.UNKNOWN_SCOPE, name, "within", Text.of("scenario.noOrg", within));
		}
		return snapshot;
	}

	private Playback play(String name, Dataset snapshot, String within, List<Operation> operations,
			OperationScope scope) {
		return play(name, snapshot, within, operations, this.compliance.thresholds().minFullMembers(), scope);
	}

	/**
	 * The operations played out on the snapshot as the scope may.
	 * @throws ScenarioRejectedException INVALID_OPERATION naming {@code operations[i]}
	 */
	static Playback play(String name, Dataset snapshot, String within, List<Operation> operations, int minFullMembers,
			OperationScope scope) {
		return play(name, snapshot, within, operations, minFullMembers, scope, null);
	}

	/** As {@link #play(String, Dataset, String, List, int, OperationScope)}, on the given day ({@code null}: today). */
	static Playback play(String name, Dataset snapshot, String within, List<Operation> operations, int minFullMembers,
			OperationScope scope, java.time.LocalDate day) {
		try {
			return Playback.of(snapshot, within, operations, minFullMembers, scope, day);
		}
		catch (InvalidOperationException ex) {
			throw (ex.text() != null)
					? new ScenarioRejectedException(Refusal.INVALID_OPERATION, name, "operations[" + ex.index() + "]",
							ex.text())
					: new ScenarioRejectedException(Refusal.INVALID_OPERATION, name, "operations[" + ex.index() + "]",
							ex.getMessage());
		}
	}

	static void checkName(String name) {
		if (name == null || name.isBlank()) {
			throw new ScenarioRejectedException(Refusal.INVALID_NAME, Problem.DATASET, "name",
					Text.of("problem.missing", "name"));
		}
		if (!NAME.matcher(name).matches() || name.endsWith(" ")) {
			throw new ScenarioRejectedException(Refusal.INVALID_NAME, name, "name", Text.of("scenario.nameInvalid"));
		}
	}

	/**
	 * The scenario saved under the name, write-locked until the transaction ends.
	 * @throws ScenarioRejectedException NOT_FOUND when there is none, or none the caller's scope
	 * covers (the same refusal)
	 */
	static Scenario lockVisible(TransactionContext tx, String name, WriteScope caller) {
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
	static boolean covers(TransactionContext tx, WriteScope caller, Scenario scenario) {
		return caller.isEverything() || caller.containsOrg(tx, scenario.owner());
	}

	/** @param instead the key of what to do instead ({@code scenario.applied*}) */
	static ScenarioRejectedException alreadyApplied(Scenario scenario, String instead) {
		return new ScenarioRejectedException(Refusal.ALREADY_APPLIED, scenario.name(), "name",
				Text.of("scenario.applied", scenario.name(), scenario.appliedAt(), Text.of(instead)));
	}

	static ScenarioRejectedException notFound(String name) {
		return new ScenarioRejectedException(Refusal.NOT_FOUND, String.valueOf(name), "name",
				Text.of("scenario.notFound", name));
	}

	static Scenario scenario(Value s) {
		return new Scenario(s.get("name").asString(), s.get("within").asString(null), s.get("owner").asString(null),
				OperationsJson.read(s.get("operations").asString()), s.get("note").asString(null), instant(s.get("savedAt")),
				s.get("savedBy").asString(null), s.get("fingerprint").asString(null), instant(s.get("appliedAt")),
				s.get("appliedBy").asString(null), OperationsJson.readSteps(s.get("steps").asString(null)),
				s.get("appliedOn").isNull() ? null : s.get("appliedOn").asLocalDate(), s.get("appliedReport").asString(null));
	}

	private static Instant instant(Value value) {
		return value.isNull() ? null : value.asZonedDateTime().toInstant();
	}

}
