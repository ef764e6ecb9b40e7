package org.partygraph.queries.scenario;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.partygraph.model.AwayRecord;
import org.partygraph.model.Dataset;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.Problem;
import org.partygraph.model.RoleAssignment;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.GraphSchema;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.scenario.ScenarioRejectedException.Refusal;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.whatif.MemberMove;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.OperationScope;
import org.partygraph.queries.write.Candidates;
import org.partygraph.queries.write.Datasets;
import org.partygraph.queries.write.DualEnds;
import org.partygraph.queries.write.EventDates;
import org.partygraph.queries.write.Events;
import org.partygraph.queries.write.Events.Kind;
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
			  OR EXISTS { (:DissolvedOrg {id: id}) }
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
			SET s.appliedAt = datetime.transaction(), s.appliedBy = $appliedBy, s.appliedOn = $appliedOn,
			  s.appliedReport = $report
			RETURN s
			""";

	private final Driver driver;

	private final DatasetExporter exporter;

	private final ComplianceQueries compliance;

	private final EventDates dates;

	public ScenarioApplier(Driver driver, DatasetExporter exporter, ComplianceQueries compliance) {
		this(driver, exporter, compliance, EventDates.DEFAULT);
	}

	public ScenarioApplier(Driver driver, DatasetExporter exporter, ComplianceQueries compliance, EventDates dates) {
		this.driver = driver;
		this.exporter = exporter;
		this.compliance = compliance;
		this.dates = dates;
	}

	/**
	 * Writes the scenario to the live graph in one write transaction: the difference between the
	 * part it reads now and the what-if's after (orgs created, changed and dissolved; members' links
	 * rewritten; each membership move recorded as a {@code (:Transfer)} with reason
	 * {@code scenario <name>}; first secretaries' dispatches begun and ended, DISPATCHED and
	 * DISPATCH_ENDED, on the apply's day), and marks it applied.
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
		return apply(name, appliedBy, callerScope, null);
	}

	/**
	 * Applies as {@link #apply(String, String, String)} does, its changes dated {@code on}
	 * ({@code null}: today in the service's zone): each recorded as events tagged with the
	 * scenario's name, and the report as it stands at the apply kept with the scenario. A date after
	 * today plus {@code party-graph.time.max-future-days}, or before the latest event of an item it
	 * touches, is refused as INVALID_DATE (field {@code on}), nothing written.
	 */
	public AppliedScenario apply(String name, String appliedBy, String callerScope, LocalDate on) {
		WriteScope caller = WriteScope.of(callerScope);
		Events.Stamp stamp = new Events.Stamp(this.dates.orToday(on), appliedBy, name);
		// Fixed before the transaction, so that a retried attempt records the same transfer ids.
		String applyId = UUID.randomUUID().toString();
		try (Session session = this.driver.session()) {
			return session.executeWrite((tx) -> {
				Scenario scenario = lockVisible(tx, name, caller);
				if (scenario.within() != null && !caller.containsOrg(tx, scenario.within())) {
					throw notFound(name);
				}
				if (scenario.applied()) {
					throw alreadyApplied(scenario, "scenario.appliedApplyAgain");
				}
				WriteLocks.scenario(tx, scenario.within());
				// Read in its own transaction, after the locks: see the class comment.
				Dataset snapshot = this.exporter.snapshot(scenario.within());
				String now = Fingerprint.of(snapshot, scenario.within(), scenario.operations());
				if (!now.equals(scenario.fingerprint())) {
					throw new ScenarioRejectedException(Refusal.LIVE_GRAPH_CHANGED, name, "fingerprint",
							Text.of("scenario.liveGraphChanged", name, scenario.savedAt()));
				}
				// The applier's scope, read in this transaction after the locks: never stale.
				// Played on the apply's day: a dispatch begins, a recall ends one, on it.
				Playback playback = play(name, snapshot, scenario.within(), scenario.operations(),
						OperationScope.of(tx, caller, scenario.operations()), stamp.on());
				// The orgs CREATE_ORG made get stored ids of their own (new-<index> is the what-if's name).
				Map<String, String> newOrgIds = storedIds(playback.newOrgs(), applyId);
				GraphDiff diff = GraphDiff.between(playback.before(), renamed(playback.after(), newOrgIds));
				checkIdsFree(tx, name, diff);
				checkNoMemberLeftBehind(tx, name, diff, snapshot);
				checkDate(tx, name, stamp.on(), diff);
				Events.Log log = Events.log(stamp);
				write(tx, scenario, diff, applyId, playback.before(), log);
				log.write(tx);
				// The report as it stands now, kept read-only with the applied scenario.
				String report = Events.json(this.compliance.whatIf(snapshot, scenario.within(), scenario.operations()));
				Scenario applied = scenario(tx.run(MARK_APPLIED, params("name", name, "appliedBy", appliedBy,
						"appliedOn", stamp.on(), "report", report))
					.single()
					.get("s"));
				return new AppliedScenario(applied, ids(diff.created()), ids(diff.changed()), ids(diff.removed()),
						diff.changedMembers().size(), diff.moves().size(), newOrgIds);
			});
		}
	}

	private void checkDate(TransactionContext tx, String name, LocalDate on, GraphDiff diff) {
		List<String> touched = new ArrayList<>(ids(diff.changed()));
		touched.addAll(ids(diff.removed()));
		diff.changedMembers().forEach((m) -> touched.add(m.id()));
		diff.moves().forEach((m) -> touched.add(m.toOrg()));
		diff.created().forEach((o) -> touched.add(o.parent()));
		diff.dispatched().forEach((d) -> touched.add(d.member()));
		diff.recalled().forEach((d) -> touched.add(d.member()));
		diff.awayEnded().forEach((s) -> touched.add(s.member()));
		List<EventDates.DateProblem> problems = this.dates.dateProblems(tx, name, on, touched);
		if (!problems.isEmpty()) {
			throw new ScenarioRejectedException(Refusal.INVALID_DATE,
					problems.stream().map(EventDates.DateProblem::problem).toList(),
					problems.stream().map(EventDates.DateProblem::text).toList());
		}
	}

	private void write(TransactionContext tx, Scenario scenario, GraphDiff diff, String applyId, Dataset before,
			Events.Log log) {
		Map<String, Org> orgsBefore = new HashMap<>();
		before.orgs().forEach((o) -> orgsBefore.put(o.id(), Fingerprint.sorted(o).withElectedOn(o.electedOn())));
		Map<String, Member> membersBefore = new HashMap<>();
		before.members().forEach((m) -> membersBefore.put(m.id(), Fingerprint.sorted(m)));
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
		// Events: each org created with its state, each change of an org field by field, each
		// member's group, office and participation change (membership moves are transfers, below).
		if (!diff.created().isEmpty()) {
			Map<String, Map<String, Object>> states = Events.orgStates(tx, ids(diff.created()));
			for (Org org : diff.created()) {
				log.org(Kind.CREATED, org.id(), org.parent(), "org " + org.id() + " created as " + org.kind() + " '"
						+ org.name() + "'" + ((org.parent() != null) ? " under " + org.parent() : ""), null,
						states.get(org.id()));
			}
		}
		for (Org org : diff.changed()) {
			orgEvents(log, orgsBefore.get(org.id()), org);
		}
		for (Member member : diff.changedMembers()) {
			memberEvents(log, membersBefore.get(member.id()), member);
		}
		// First secretaries' dispatches ended (RECALL; the village's org dissolved or merged away; the
		// member moved into it) and begun (DISPATCH), and stays away ended (the host gone, the member
		// moved into it), dated as the playback's day; before the orgs are retired (5.), which keeps them.
		Map<List<Object>, Dispatch> dispatchesBefore = new HashMap<>();
		before.dispatches().forEach((d) -> dispatchesBefore.put(Arrays.asList(d.member(), d.village(), d.from()), d));
		for (Dispatch d : diff.recalled()) {
			Links.endDispatch(tx, d.member(), d.village(), d.from(), d.to());
			Dispatch was = dispatchesBefore.get(Arrays.asList(d.member(), d.village(), d.from()));
			DualEnds.log(new DualEnds.Ended(d.member(), d.village(), true, d.from(), (was != null) ? was.to() : null,
					d.by(), true, null), d.to(), "scenario " + scenario.name(), log);
		}
		Map<List<Object>, AwayRecord> awayBefore = new HashMap<>();
		before.away().forEach((s) -> awayBefore.put(Arrays.asList(s.member(), s.org(), s.from()), s));
		Map<String, String> homes = new HashMap<>();
		before.members().forEach((m) -> homes.put(m.id(), m.org()));
		for (AwayRecord s : diff.awayEnded()) {
			Links.endAway(tx, s.member(), s.org(), s.from(), s.to());
			AwayRecord was = awayBefore.get(Arrays.asList(s.member(), s.org(), s.from()));
			DualEnds.log(new DualEnds.Ended(s.member(), s.org(), false, s.from(), (was != null) ? was.to() : null, null,
					true, homes.get(s.member())), s.to(), "scenario " + scenario.name(), log);
		}
		for (Dispatch d : diff.dispatched()) {
			Links.dispatch(tx, d.member(), d.village(), d.from(), d.to(), d.by());
			Map<String, Object> now = new LinkedHashMap<>();
			now.put("from", d.from().toString());
			now.put("to", (d.to() != null) ? d.to().toString() : null);
			now.put("by", d.by());
			log.member(Kind.DISPATCHED, d.member(), d.village(), d.by(), "member " + d.member()
					+ " dispatched as first secretary (第一書記) to " + d.village() + " from " + d.from()
					+ ((d.to() != null) ? " to " + d.to() : "") + ", sent by " + d.by(), null, now);
		}
		// 4. Each membership move as transfer history.
		List<Map<String, Object>> transfers = new ArrayList<>();
		for (MemberMove move : diff.moves()) {
			String id = UUID.nameUUIDFromBytes((applyId + "|" + move.memberId()).getBytes(StandardCharsets.UTF_8))
				.toString();
			transfers.add(Transfers.row(id, move.memberId(), move.fromOrg(), move.toOrg()));
		}
		expect(Transfers.recordAll(tx, transfers, "scenario " + scenario.name(), log), transfers.size(),
				"transfers");
		// 5. Dissolved orgs, last: nothing of the scope points at them any more but the dispatches and
		// stays ended above, which they keep (Orgs.retireAll). Kept as DissolvedOrg, their state as
		// before the scenario in their DISSOLVED event.
		for (Org org : diff.removed()) {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("id", org.id());
			state.put("name", org.name());
			state.put("kind", org.kind().name());
			state.put("trade", (org.trade() != null) ? org.trade().name() : null);
			state.put("hasCommittee", org.hasCommittee());
			state.put("electedOn", (org.electedOn() != null) ? org.electedOn().toString() : null);
			state.put("parent", org.parent());
			state.put("coManagedBy", org.coManagedBy());
			state.put("units", org.units());
			log.org(Kind.DISSOLVED, org.id(), org.parent(), "org " + org.id() + " '" + org.name() + "' dissolved",
					state, null);
		}
		// Their candidates go where most of their members went, else to the nearest surviving parent;
		// the dispatches they sent name that org as sender.
		successors(diff).forEach((from, to) -> {
			Candidates.moveAll(tx, from, to, log);
			Links.handOnDispatches(tx, from, to);
		});
		expect(Orgs.retireAll(tx, ids(diff.removed()), log.stamp().on()), diff.removed().size(), "orgs dissolved");
		// 6. The member tallies of every org a changed member left or joined, and of the new orgs.
		tallied.addAll(MemberTallies.orgsOf(tx, changedMembers));
		tallied.addAll(ids(diff.created()));
		MemberTallies.recount(tx, tallied);
	}

	/**
	 * For each dissolved org, the org its candidates go to: the one most of its members moved to
	 * (the lowest id on a tie), else its nearest parent that stays; none when neither exists.
	 */
	static Map<String, String> successors(GraphDiff diff) {
		Set<String> removed = new java.util.HashSet<>(ids(diff.removed()));
		Map<String, Map<String, Integer>> movedTo = new HashMap<>();
		for (MemberMove move : diff.moves()) {
			if (move.fromOrg() != null && move.toOrg() != null) {
				movedTo.computeIfAbsent(move.fromOrg(), (k) -> new java.util.TreeMap<>()).merge(move.toOrg(), 1, Integer::sum);
			}
		}
		Map<String, String> parents = new HashMap<>();
		diff.removed().forEach((o) -> parents.put(o.id(), o.parent()));
		Map<String, String> successors = new LinkedHashMap<>();
		for (Org org : diff.removed()) {
			Map<String, Integer> targets = movedTo.getOrDefault(org.id(), Map.of());
			String best = null;
			for (Map.Entry<String, Integer> t : targets.entrySet()) {
				if (!removed.contains(t.getKey()) && (best == null || t.getValue() > targets.get(best))) {
					best = t.getKey();
				}
			}
			String up = org.parent();
			while (best == null && up != null) {
				if (!removed.contains(up)) {
					best = up;
				}
				up = parents.get(up);
			}
			if (best != null) {
				successors.put(org.id(), best);
			}
		}
		return successors;
	}

	/** The events of one org's change, field by field. */
	private static void orgEvents(Events.Log log, Org was, Org now) {
		String id = now.id();
		if (was == null) {
			return;
		}
		if (!Objects.equals(was.name(), now.name())) {
			log.org(Kind.RENAMED, id, null, "org " + id + " renamed from '" + was.name() + "' to '" + now.name() + "'",
					was.name(), now.name());
		}
		if (!Objects.equals(was.kind(), now.kind())) {
			log.org(Kind.KIND_CHANGED, id, null, "org " + id + " changed from " + was.kind() + " to " + now.kind(),
					was.kind().name(), now.kind().name());
		}
		if (!Objects.equals(was.parent(), now.parent())) {
			log.org(Kind.MOVED, id, now.parent(), "org " + id + " moved from " + was.parent() + " to " + now.parent(),
					was.parent(), now.parent());
		}
		for (String c : now.coManagedBy()) {
			if (!was.coManagedBy().contains(c)) {
				log.org(Kind.CO_MANAGER_ADDED, id, c, "org " + id + " co-managed by " + c, null, c);
			}
		}
		for (String c : was.coManagedBy()) {
			if (!now.coManagedBy().contains(c)) {
				log.org(Kind.CO_MANAGER_REMOVED, id, c, "org " + id + " no longer co-managed by " + c, c, null);
			}
		}
		if (!Set.copyOf(was.units()).equals(Set.copyOf(now.units()))) {
			log.org(Kind.UNITS_CHANGED, id, null, "org " + id + " set up in " + now.units() + " (was " + was.units()
					+ ")", was.units(), now.units());
		}
		if (!Objects.equals(was.trade(), now.trade())) {
			log.org(Kind.TRADE_CHANGED, id, null, "org " + id + " trade " + now.trade() + " (was " + was.trade() + ")",
					(was.trade() != null) ? was.trade().name() : null, (now.trade() != null) ? now.trade().name() : null);
		}
		if (!Objects.equals(was.hasCommittee(), now.hasCommittee())) {
			log.org(Kind.COMMITTEE_CHANGED, id, null, "org " + id + " hasCommittee " + now.hasCommittee() + " (was "
					+ was.hasCommittee() + ")", was.hasCommittee(), now.hasCommittee());
		}
	}

	/** The events of one member's change, but the membership move (a transfer). */
	private static void memberEvents(Events.Log log, Member was, Member now) {
		String id = now.id();
		if (was == null) {
			return;
		}
		if (!Objects.equals(was.group(), now.group())) {
			log.member(Kind.GROUP_CHANGED, id, now.org(), (now.group() != null) ? now.group() : was.group(),
					"member " + id + " assigned to group " + now.group() + " (was " + was.group() + ")", was.group(),
					now.group());
		}
		for (RoleAssignment role : now.roles()) {
			if (!was.roles().contains(role)) {
				log.member(Kind.ROLE_ASSIGNED, id, role.org(), null,
						"member " + id + " holds " + role.role() + " at " + role.org(), null, role.role().name());
			}
		}
		for (RoleAssignment role : was.roles()) {
			if (!now.roles().contains(role)) {
				log.member(Kind.ROLE_REMOVED, id, role.org(), null,
						"member " + id + " no longer holds " + role.role() + " at " + role.org(), role.role().name(), null);
			}
		}
		if (!Set.copyOf(was.participatesIn()).equals(Set.copyOf(now.participatesIn()))) {
			log.member(Kind.PARTICIPATION_CHANGED, id, now.org(), null, "member " + id + " participates in "
					+ now.participatesIn() + " (was " + was.participatesIn() + ")", was.participatesIn(),
					now.participatesIn());
		}
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
			List<Text> texts = taken.stream().map((id) -> Text.of("scenario.idTaken", name, id)).toList();
			throw new ScenarioRejectedException(Refusal.ID_TAKEN,
					java.util.stream.IntStream.range(0, taken.size())
						.mapToObj((i) -> new Problem(taken.get(i), "id", Messages.bundled().say(texts.get(i), Lang.EN)))
						.toList(),
					texts);
		}
	}

	private static void checkNoMemberLeftBehind(TransactionContext tx, String name, GraphDiff diff, Dataset snapshot) {
		List<Problem> problems = new ArrayList<>();
		List<Text> texts = new ArrayList<>();
		tx.run(MEMBERS_LEFT_BEHIND,
				Map.of("removed", ids(diff.removed()), "members", snapshot.members().stream().map(Member::id).toList()))
			.forEachRemaining((r) -> {
				Text text = Text.of("scenario.membersLeftBehind", name, r.get("org").asString(), r.get("count").asLong(),
						r.get("some").asList(Value::asString));
				problems.add(new Problem(r.get("org").asString(), "within", Messages.bundled().say(text, Lang.EN)));
				texts.add(text);
			});
		if (!problems.isEmpty()) {
			throw new ScenarioRejectedException(Refusal.OUTSIDE_SCOPE, problems, texts);
		}
	}

	/**
	 * A stored id for each org a CREATE_ORG made: {@code o-} and a name-based UUID of the apply and
	 * the operation, the same on a retried attempt; {@link #checkIdsFree} checks it is unused.
	 */
	private static Map<String, String> storedIds(Map<Integer, String> newOrgs, String applyId) {
		Map<String, String> ids = new LinkedHashMap<>();
		newOrgs.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((e) -> ids.put(e.getValue(), "o-" + UUID
				.nameUUIDFromBytes((applyId + "|new|" + e.getKey()).getBytes(StandardCharsets.UTF_8))
				.toString()));
		return ids;
	}

	/** The dataset with the org ids of {@code ids} replaced wherever an org is referred to. */
	static Dataset renamed(Dataset dataset, Map<String, String> ids) {
		if (ids.isEmpty()) {
			return dataset;
		}
		java.util.function.UnaryOperator<String> id = (v) -> (v != null) ? ids.getOrDefault(v, v) : null;
		List<Org> orgs = dataset.orgs()
			.stream()
			.map((o) -> new Org(id.apply(o.id()), o.kind(), o.name(), id.apply(o.parent()),
					o.coManagedBy().stream().map(id).toList(), o.units(), o.trade(), o.hasCommittee(), o.electedOn()))
			.toList();
		List<Member> members = dataset.members()
			.stream()
			.map((m) -> m.withOrg(id.apply(m.org()))
				.withGroup(id.apply(m.group()))
				.withRoles(m.roles().stream().map((r) -> new RoleAssignment(id.apply(r.org()), r.role())).toList())
				.withParticipatesIn(m.participatesIn().stream().map(id).toList()))
			.toList();
		List<Dispatch> dispatches = dataset.dispatches()
			.stream()
			.map((d) -> new Dispatch(d.member(), id.apply(d.village()), d.from(), d.to(), id.apply(d.by())))
			.toList();
		return new Dataset(dataset.name(), dataset.units(), orgs, members).withDuals(dispatches, dataset.away());
	}

	private Playback play(String name, Dataset snapshot, String within, List<Operation> operations,
			OperationScope scope, LocalDate on) {
		return ScenarioStore.play(name, snapshot, within, operations, this.compliance.thresholds().minFullMembers(),
				scope, on);
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
