package org.partygraph.queries.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.Problem;
import org.partygraph.model.RoleAssignment;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.GraphSchema;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.scenario.ScenarioRejectedException.Refusal;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.whatif.MemberMove;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.OperationScope;
import org.partygraph.queries.write.Datasets;
import org.partygraph.queries.write.Links;
import org.partygraph.queries.write.MemberTallies;
import org.partygraph.queries.write.Orgs;
import org.partygraph.queries.write.Rows;
import org.partygraph.queries.write.Transfers;
import org.partygraph.queries.write.WriteLocks;

import static org.partygraph.queries.scenario.ScenarioStore.alreadyApplied;
import static org.partygraph.queries.scenario.ScenarioStore.lockVisible;
import static org.partygraph.queries.scenario.ScenarioStore.notFound;
import static org.partygraph.queries.scenario.ScenarioStore.scenario;

/**
 * Applies a saved scenario ({@link ScenarioStore}): writes, in ONE write transaction, exactly the
 * difference the what-if predicts between the part of the live graph it reads before and after,
 * and refuses ({@link Refusal#LIVE_GRAPH_CHANGED}, nothing written) when its {@link Fingerprint} no
 * longer matches.
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
public final class ScenarioApplier {

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

	public ScenarioApplier(Driver driver, DatasetExporter exporter, ComplianceQueries compliance) {
		this.driver = driver;
		this.exporter = exporter;
		this.compliance = compliance;
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
	AppliedScenario apply(String name, String appliedBy) {
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

	private Playback play(String name, Dataset snapshot, String within, List<Operation> operations,
			OperationScope scope) {
		return ScenarioStore.play(name, snapshot, within, operations, this.compliance.thresholds().minFullMembers(),
				scope);
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
