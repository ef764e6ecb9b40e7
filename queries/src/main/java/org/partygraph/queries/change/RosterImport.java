package org.partygraph.queries.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.partygraph.model.Gender;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.NameKeys;
import org.partygraph.model.Names;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;
import org.partygraph.model.roster.RosterEntry;
import org.partygraph.model.roster.RosterField;
import org.partygraph.model.roster.RosterProblem;
import org.partygraph.model.roster.RosterSheet;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.write.EventDates;
import org.partygraph.queries.write.DualEnds;
import org.partygraph.queries.write.Events;
import org.partygraph.queries.write.Events.Kind;
import org.partygraph.queries.write.Links;
import org.partygraph.queries.write.MemberTallies;
import org.partygraph.queries.write.Members;
import org.partygraph.queries.write.Transfers;
import org.partygraph.queries.write.WriteLocks;

/**
 * A roster (花名冊) applied to the members of one org's subtree, inside one transaction: the plan
 * (which row adds, updates or transfers which member) is worked out from what is stored, every
 * problem of the file and of the plan is collected by row and column, and only when there is none
 * are the writes made, through the {@code write} building blocks. A dry run works out the same plan
 * in a read transaction and writes nothing.
 *
 * <p>
 * Orgs are resolved inside the target org's subtree (which must lie in the caller's
 * {@link WriteScope}; one outside is reported exactly as an unknown id): by 党组织编号, else by the
 * exact name of 所在党组织, else by its folded name ({@link NameKeys#fold}: either script, spaces);
 * a name held by two orgs there is refused naming the row. Members are matched by 党员编号 when
 * given, else by 身份证号 among the members of the subtree; a row matching none adds a member. A
 * blank cell leaves the stored value as it is; a changed org is a transfer.
 */
final class RosterImport {

	static final String REASON = "roster import";

	private static final String SUBTREE = """
			MATCH (o:Org)-[:SUBORDINATE_TO*0..]->(:Org {id: $org})
			RETURN o.id AS id, o.name AS name, o.kind AS kind, o.dataset AS dataset,
			  head([(o)-[:SUBORDINATE_TO]->(p:Org) | p.id]) AS parent
			""";

	private static final String MEMBERS_BY_ID = """
			UNWIND $ids AS id
			MATCH (m:Member {id: id})
			OPTIONAL MATCH (m)-[:MEMBER_OF]->(o:Org)
			OPTIONAL MATCH (m)-[:IN_GROUP]->(g:Org)
			RETURN m.id AS id, m.name AS name, m.status AS status, m.trade AS trade, m.gender AS gender,
			  m.birthDate AS birthDate, m.joined AS joined, m.idNumber AS idNumber, m.phone AS phone,
			  o.id AS org, g.id AS group, head([(m)-[:WORKS_IN]->(u:Unit) | u.id]) AS unit
			""";

	private static final String MEMBERS_BY_ID_NUMBER = """
			UNWIND $orgs AS orgId
			MATCH (m:Member)-[:MEMBER_OF]->(o:Org {id: orgId})
			WHERE m.idNumber IN $numbers
			OPTIONAL MATCH (m)-[:IN_GROUP]->(g:Org)
			RETURN m.id AS id, m.name AS name, m.status AS status, m.trade AS trade, m.gender AS gender,
			  m.birthDate AS birthDate, m.joined AS joined, m.idNumber AS idNumber, m.phone AS phone,
			  o.id AS org, g.id AS group, head([(m)-[:WORKS_IN]->(u:Unit) | u.id]) AS unit
			""";

	// Units by folded name: the search key starts with the folded name and its separator.
	private static final String UNITS_BY_KEY = """
			UNWIND $keys AS key
			MATCH (u:Unit)
			WHERE u.nameKey STARTS WITH key
			RETURN key, u.id AS id, u.name AS name
			ORDER BY id
			""";

	private static final String TAKEN = """
			UNWIND $ids AS id
			WITH DISTINCT id
			WHERE EXISTS { (:Org {id: id}) } OR EXISTS { (:Unit {id: id}) } OR EXISTS { (:Member {id: id}) }
			  OR EXISTS { (:DissolvedOrg {id: id}) }
			RETURN collect(id) AS taken
			""";

	private final TransactionContext tx;

	private final WriteScope scope;

	private final String orgId;

	private final RosterSheet sheet;

	private final List<String> newIds;

	private final List<String> transferIds;

	private final List<RosterProblem> problems = new ArrayList<>();

	/** The messages of {@link #problems} that are texts of the bundles (the file's own problems are not). */
	private final Map<RosterProblem, Text> texts = new java.util.IdentityHashMap<>();

	private final List<Planned> plan = new ArrayList<>();

	private OrgRef target;

	/**
	 * @param newIds an id per entry for a member it adds without a 党员编号, and
	 * @param transferIds a transfer id per entry, both fixed before the transaction (a retried
	 * transaction writes the same)
	 */
	RosterImport(TransactionContext tx, WriteScope scope, String orgId, RosterSheet sheet, List<String> newIds,
			List<String> transferIds) {
		this.tx = tx;
		this.scope = scope;
		this.orgId = orgId;
		this.sheet = sheet;
		this.newIds = newIds;
		this.transferIds = transferIds;
	}

	/** Ids fixed before a transaction, one per entry. */
	static List<String> ids(int count, String prefix) {
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String uuid = UUID.randomUUID().toString();
			ids.add((prefix != null) ? prefix + uuid.substring(0, 8) + uuid.substring(9, 13) : uuid);
		}
		return ids;
	}

	/** The org the roster goes to, checked against the scope; refuses when unknown or outside. */
	private Map<String, OrgRef> subtree(boolean lock) {
		if (lock) {
			WriteLocks.tree(this.tx, java.util.Arrays.asList(this.orgId));
		}
		boolean inside = this.orgId != null && this.scope.containsOrg(this.tx, this.orgId);
		Map<String, OrgRef> orgs = new LinkedHashMap<>();
		if (inside) {
			this.tx.run(SUBTREE, Map.of("org", this.orgId)).forEachRemaining((r) -> {
				OrgRef o = new OrgRef(r.get("id").asString(), r.get("name").asString(null),
						OrgKind.valueOf(r.get("kind").asString()), r.get("dataset").asString(null),
						r.get("parent").asString(null));
				orgs.put(o.id(), o);
			});
		}
		if (orgs.isEmpty()) {
			Text text = Text.of("roster.noOrg", this.orgId);
			throw new RosterRefusedException(List.of(new RosterProblem(0, "org", "org", Messages.bundled().say(text, Lang.EN))),
					List.of(text));
		}
		if (lock) {
			WriteLocks.items(this.tx, List.copyOf(orgs.keySet()), List.of());
		}
		this.target = orgs.get(this.orgId);
		return orgs;
	}

	/** Works out the plan and every problem; throws {@link RosterRefusedException} when there is any. */
	List<Planned> plan(boolean lock, LocalDate on, EventDates dates) {
		Map<String, OrgRef> orgs = subtree(lock);
		List<RosterEntry> entries = this.sheet.entries();
		this.problems.addAll(this.sheet.problems());
		Map<String, Stored> byId = new HashMap<>();
		List<String> givenIds = entries.stream().map(RosterEntry::memberId).filter(Objects::nonNull).distinct().toList();
		if (!givenIds.isEmpty()) {
			this.tx.run(MEMBERS_BY_ID, Map.of("ids", givenIds)).forEachRemaining((r) -> byId.put(r.get("id").asString(), stored(r)));
		}
		Map<String, Stored> byNumber = new HashMap<>();
		List<String> numbers = entries.stream().map(RosterEntry::idNumber).filter(Objects::nonNull).distinct().toList();
		if (!numbers.isEmpty()) {
			this.tx.run(MEMBERS_BY_ID_NUMBER, Map.of("orgs", List.copyOf(orgs.keySet()), "numbers", numbers))
				.forEachRemaining((r) -> {
					Stored s = stored(r);
					byNumber.merge(s.idNumber(), s, (a, b) -> (a.id().compareTo(b.id()) <= 0) ? a : b);
				});
		}
		if (lock) {
			Set<String> matched = new LinkedHashSet<>(byId.keySet());
			byNumber.values().forEach((s) -> matched.add(s.id()));
			WriteLocks.items(this.tx, List.of(), List.copyOf(matched));
		}
		Map<String, List<UnitRef>> unitsByKey = units(entries);
		List<String> proposed = new ArrayList<>();
		Map<String, Integer> matchedAt = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			RosterEntry e = entries.get(i);
			OrgRef org = resolve(e, orgs);
			Stored existing = null;
			if (e.memberId() != null) {
				existing = byId.get(e.memberId());
				if (existing != null && (existing.org() == null || !orgs.containsKey(existing.org()))) {
					problem(e, RosterField.MEMBER_ID, Text.of("roster.memberIdTaken", e.memberId(), this.orgId));
					continue;
				}
				Stored sameNumber = (e.idNumber() != null) ? byNumber.get(e.idNumber()) : null;
				if (sameNumber != null && !sameNumber.id().equals(e.memberId())) {
					problem(e, RosterField.ID_NUMBER,
							Text.of("roster.idNumberOfOther", e.idNumber(), sameNumber.id(), e.memberId()));
					continue;
				}
			}
			else if (e.idNumber() != null) {
				existing = byNumber.get(e.idNumber());
			}
			if (existing == null) {
				String id = (e.memberId() != null) ? e.memberId() : this.newIds.get(i);
				proposed.add(id);
				OrgRef into = (org != null) ? org : this.target;
				boolean ok = true;
				if (e.status() == null && !reported(e, RosterField.STATUS) && !reported(e, RosterField.FULL_SINCE)) {
					problem(e, RosterField.STATUS, Text.of("roster.needsStatus"));
					ok = false;
				}
				if (e.joined() == null && this.sheet.columns().containsKey(RosterField.JOINED)
						&& !reported(e, RosterField.JOINED)) {
					problem(e, RosterField.JOINED, Text.of("roster.needsJoined"));
					ok = false;
				}
				if (org == null && e.orgId() == null && e.orgName() == null && into.kind() == OrgKind.PARTY_GROUP) {
					problem(e, RosterField.ORG_NAME, Text.of("roster.needsOrg", this.orgId));
					ok = false;
				}
				// (an org cell that names no org is a problem already: no group is looked for)
				boolean orgKnown = org != null || e.orgId() == null && e.orgName() == null;
				String group = (e.group() != null && orgKnown) ? group(e, into, orgs, null) : null;
				String unit = (e.unit() != null) ? unit(e, unitsByKey, null) : null;
				if (e.group() != null && group == null || e.unit() != null && unit == null) {
					ok = false;
				}
				if (ok && e.name() != null) {
					this.plan.add(new Planned(e, i, RosterOutcome.ADDED, null, into, id, newFields(e, into, group, unit),
							group, unit));
				}
				continue;
			}
			Integer earlier = matchedAt.putIfAbsent(existing.id(), e.row());
			if (earlier != null) {
				problem(e, (e.memberId() != null) ? RosterField.MEMBER_ID : RosterField.ID_NUMBER,
						Text.of("roster.rowAlready", existing.id(), earlier));
				continue;
			}
			List<String> changes = changes(e, existing);
			boolean moves = org != null && !org.id().equals(existing.org());
			String memberOrg = moves ? org.id() : existing.org();
			String namedGroup = (e.group() != null) ? group(e, orgs.get(memberOrg), orgs, moves ? null : existing.group())
					: null;
			String namedUnit = (e.unit() != null) ? unit(e, unitsByKey, existing.unit()) : null;
			if (e.group() != null && namedGroup == null || e.unit() != null && namedUnit == null) {
				continue;
			}
			String group = (namedGroup != null && (moves || !namedGroup.equals(existing.group()))) ? namedGroup : null;
			String unit = (namedUnit != null && !namedUnit.equals(existing.unit())) ? namedUnit : null;
			if (unit != null) {
				changes.add("unit: " + existing.unit() + " → " + unit);
			}
			if (moves) {
				changes.add("org: " + existing.org() + " → " + org.id());
			}
			if (group != null) {
				changes.add("group: " + existing.group() + " → " + group);
			}
			String action = moves ? RosterOutcome.TRANSFERRED
					: changes.isEmpty() ? RosterOutcome.UNCHANGED : RosterOutcome.UPDATED;
			this.plan.add(new Planned(e, i, action, existing, moves ? org : null, existing.id(), changes, group, unit));
		}
		// A member is never away at, or sent to, their own org: a transfer ends theirs at the new one
		// on the day (DualEnds), which the row says, in a dry run too.
		Map<String, String> movedTo = new LinkedHashMap<>();
		Map<String, Planned> movedRow = new HashMap<>();
		for (Planned p : this.plan) {
			if (p.action().equals(RosterOutcome.TRANSFERRED)) {
				movedTo.put(p.memberId(), p.org().id());
				movedRow.put(p.memberId(), p);
			}
		}
		for (DualEnds.Ended ended : DualEnds.running(this.tx, movedTo, on)) {
			movedRow.get(ended.member()).changes().add(DualEnds.said(ended, on));
		}
		if (!proposed.isEmpty()) {
			List<String> taken = this.tx.run(TAKEN, Map.of("ids", proposed)).single().get("taken").asList(Value::asString);
			for (Planned p : List.copyOf(this.plan)) {
				if (p.existing() == null && taken.contains(p.memberId())) {
					problem(p.entry(), RosterField.MEMBER_ID, ChangeChecks.taken(p.memberId()));
				}
			}
		}
		if (this.problems.isEmpty() && dates != null) {
			Set<String> touched = new LinkedHashSet<>();
			Map<String, Integer> rowOf = new HashMap<>();
			for (Planned p : this.plan) {
				if (p.existing() != null && !p.action().equals(RosterOutcome.UNCHANGED)) {
					touched.add(p.memberId());
					rowOf.put(p.memberId(), p.entry().row());
				}
				if (p.org() != null) {
					touched.add(p.org().id());
				}
				if (p.group() != null) {
					touched.add(p.group());
				}
			}
			for (EventDates.DateProblem d : dates.dateProblems(this.tx, this.orgId, on, touched)) {
				RosterProblem problem = new RosterProblem(rowOf.getOrDefault(d.item(), 0), "on", "on", d.problem().message());
				this.problems.add(problem);
				this.texts.put(problem, d.text());
			}
		}
		if (!this.problems.isEmpty()) {
			List<RosterProblem> sorted = new ArrayList<>(this.problems);
			sorted.sort(java.util.Comparator.comparingInt(RosterProblem::row));
			throw new RosterRefusedException(sorted, sorted.stream().map(this.texts::get).toList());
		}
		return this.plan;
	}

	/** Writes the plan, its events on {@code log}, and the tallies of every org it touched. */
	static void apply(TransactionContext tx, List<Planned> plan, List<String> transferIds, Events.Log log) {
		Set<String> recount = new LinkedHashSet<>();
		for (Planned p : plan) {
			RosterEntry e = p.entry();
			if (p.action().equals(RosterOutcome.ADDED)) {
				String name = Names.normalize(e.name());
				Members.create(tx, p.org().id(), Members.properties(p.memberId(), name, e.status(), e.trade(), e.gender(),
						e.birthDate(), e.joined(), e.idNumber(), e.phone()), p.org().dataset());
				if (p.group() != null) {
					Links.group(tx, p.memberId(), p.group());
					recount.add(p.group());
				}
				if (p.unit() != null) {
					Links.unit(tx, p.memberId(), p.unit());
				}
				recount.add(p.org().id());
				Map<String, Object> state = new LinkedHashMap<>(Members.properties(p.memberId(), name, e.status(),
						e.trade(), e.gender(), e.birthDate(), e.joined(), null, null));
				state.replaceAll((k, v) -> (v instanceof LocalDate d) ? d.toString() : v);
				state.put("org", p.org().id());
				state.put("group", p.group());
				state.put("unit", p.unit());
				state.put("roles", List.of());
				state.put("participatesIn", List.of());
				log.member(Kind.MEMBER_ADDED, p.memberId(), p.org().id(), p.group(),
						"member " + p.memberId() + " added to " + p.org().id() + " (" + REASON + ", row " + e.row() + ")",
						null, state);
				continue;
			}
			if (p.action().equals(RosterOutcome.UNCHANGED)) {
				continue;
			}
			Stored s = p.existing();
			Update u = update(e, s);
			if (!u.props().isEmpty()) {
				Members.update(tx, s.id(), u.props());
			}
			if (p.unit() != null) {
				// The unit is a link, recorded with the properties (asOf sets it back from `before`).
				Links.endUnit(tx, s.id());
				Links.unit(tx, s.id(), p.unit());
				u.fields().add("unit");
				u.before().put("unit", s.unit());
				u.after().put("unit", p.unit());
			}
			if (!u.fields().isEmpty()) {
				log.member(Kind.MEMBER_UPDATED, s.id(), s.org(), null, "member " + s.id() + " updated: "
						+ String.join(", ", u.fields()) + " (" + REASON + ", row " + e.row() + ")", u.before(), u.after());
				if (u.fields().contains("status")) {
					recount.add(s.org());
					recount.add(s.group());
				}
			}
			if (p.action().equals(RosterOutcome.TRANSFERRED)) {
				String to = p.org().id();
				if (s.group() != null) {
					log.member(Kind.GROUP_CHANGED, s.id(), s.org(), s.group(), "member " + s.id() + " leaves group "
							+ s.group() + " (transferred to " + to + ")", s.group(), null);
				}
				// A member is never away at, or sent to, their own org: theirs at the new one end on the day.
				DualEnds.endAt(tx, to, List.of(s.id()), log.stamp().on(),
						REASON + ", row " + e.row() + ": membership moved to " + to, log);
				Links.endMembershipAndGroup(tx, s.id());
				Links.membership(tx, s.id(), to);
				Transfers.record(tx, s.id(), transferIds.get(p.index()), s.org(), to, null, REASON, log);
				recount.add(s.org());
				recount.add(s.group());
				recount.add(to);
			}
			if (p.group() != null) {
				// A transfer ended the earlier group (its own event above); otherwise it ends here.
				String was = p.action().equals(RosterOutcome.TRANSFERRED) ? null : s.group();
				String memberOrg = p.action().equals(RosterOutcome.TRANSFERRED) ? p.org().id() : s.org();
				if (was != null) {
					Links.endGroup(tx, s.id());
				}
				Links.group(tx, s.id(), p.group());
				log.member(Kind.GROUP_CHANGED, s.id(), memberOrg, p.group(), "member " + s.id() + " assigned to group "
						+ p.group() + " (was " + was + "; " + REASON + ", row " + e.row() + ")", was, p.group());
				recount.add(was);
				recount.add(p.group());
			}
		}
		recount.remove(null);
		MemberTallies.recount(tx, recount);
	}

	private OrgRef resolve(RosterEntry e, Map<String, OrgRef> orgs) {
		OrgRef found = null;
		if (e.orgId() != null) {
			found = orgs.get(e.orgId().trim());
			if (found == null) {
				problem(e, RosterField.ORG_ID, Text.of("roster.noOrgId", e.orgId(), this.orgId));
				return null;
			}
		}
		else if (e.orgName() != null) {
			String name = Names.normalize(e.orgName());
			List<OrgRef> exact = orgs.values().stream().filter((o) -> name.equals(o.name())).toList();
			List<OrgRef> named = exact;
			if (named.isEmpty()) {
				String folded = NameKeys.fold(name);
				named = orgs.values().stream().filter((o) -> o.name() != null && NameKeys.fold(o.name()).equals(folded)).toList();
			}
			if (named.isEmpty()) {
				problem(e, RosterField.ORG_NAME, Text.of("roster.noOrgName", e.orgName(), this.orgId));
				return null;
			}
			if (named.size() > 1) {
				problem(e, RosterField.ORG_NAME, Text.of("roster.orgNameAmbiguous", e.orgName(), named.size(), this.orgId,
						named.stream().map(OrgRef::id).sorted().toList()));
				return null;
			}
			found = named.get(0);
		}
		if (found != null && found.kind() == OrgKind.PARTY_GROUP) {
			problem(e, (e.orgId() != null) ? RosterField.ORG_ID : RosterField.ORG_NAME,
					Text.of("roster.orgIsGroup", found.id()));
			return null;
		}
		return found;
	}

	/** The units named by the rows' 工作单位 cells, by folded name (with the separator ending it). */
	private Map<String, List<UnitRef>> units(List<RosterEntry> entries) {
		List<String> keys = entries.stream()
			.map(RosterEntry::unit)
			.filter(Objects::nonNull)
			.map(RosterImport::unitKey)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<String, List<UnitRef>> units = new HashMap<>();
		if (!keys.isEmpty()) {
			this.tx.run(UNITS_BY_KEY, Map.of("keys", keys)).forEachRemaining((r) -> units
				.computeIfAbsent(r.get("key").asString(), (k) -> new ArrayList<>())
				.add(new UnitRef(r.get("id").asString(), r.get("name").asString(null))));
		}
		return units;
	}

	private static String unitKey(String name) {
		String folded = NameKeys.query(name);
		return (folded != null) ? folded + NameKeys.SEPARATOR : null;
	}

	/**
	 * The party group a row's 党小组 names under the membership org: by exact name among the org's
	 * party groups, else by folded name; the member's present group wins a name two groups share.
	 * @return its id, or {@code null} with the problem recorded
	 */
	private String group(RosterEntry e, OrgRef memberOrg, Map<String, OrgRef> orgs, String present) {
		if (memberOrg == null) {
			return null;
		}
		String name = Names.normalize(e.group());
		List<OrgRef> groups = orgs.values()
			.stream()
			.filter((o) -> o.kind() == OrgKind.PARTY_GROUP && memberOrg.id().equals(o.parent()))
			.toList();
		List<OrgRef> named = groups.stream().filter((o) -> name.equals(o.name())).toList();
		if (named.isEmpty()) {
			String folded = NameKeys.fold(name);
			named = groups.stream().filter((o) -> o.name() != null && NameKeys.fold(o.name()).equals(folded)).toList();
		}
		if (named.stream().anyMatch((o) -> o.id().equals(present))) {
			return present;
		}
		if (named.isEmpty()) {
			problem(e, RosterField.GROUP, Text.of("roster.noGroup", e.group(), memberOrg.id(), groups.isEmpty()
					? Text.of("roster.noGroup.none")
					: Text.of("roster.noGroup.some", groups.stream().map(OrgRef::name).sorted().toList())));
			return null;
		}
		if (named.size() > 1) {
			problem(e, RosterField.GROUP, Text.of("roster.groupAmbiguous", e.group(), named.size(), memberOrg.id(),
					named.stream().map(OrgRef::id).sorted().toList()));
			return null;
		}
		return named.get(0).id();
	}

	/**
	 * The unit a row's 工作单位 names: by exact name among the units of that folded name, else by the
	 * folded name; the member's present unit wins a name two units share.
	 * @return its id, or {@code null} with the problem recorded
	 */
	private String unit(RosterEntry e, Map<String, List<UnitRef>> unitsByKey, String present) {
		String key = unitKey(e.unit());
		List<UnitRef> folded = (key != null) ? unitsByKey.getOrDefault(key, List.of()) : List.of();
		String name = Names.normalize(e.unit());
		List<UnitRef> named = folded.stream().filter((u) -> name.equals(u.name())).toList();
		if (named.isEmpty()) {
			named = folded;
		}
		if (named.stream().anyMatch((u) -> u.id().equals(present))) {
			return present;
		}
		if (named.isEmpty()) {
			problem(e, RosterField.UNIT, Text.of("roster.noUnit", e.unit()));
			return null;
		}
		if (named.size() > 1) {
			problem(e, RosterField.UNIT, Text.of("roster.unitAmbiguous", e.unit(), named.size(),
					named.stream().map(UnitRef::id).sorted().toList()));
			return null;
		}
		return named.get(0).id();
	}

	/** Whether the file's own reading found a problem in this row's cell of the field already. */
	private boolean reported(RosterEntry e, RosterField field) {
		return this.sheet.problems().stream().anyMatch((p) -> p.row() == e.row() && field.name().equals(p.field()));
	}

	private void problem(RosterEntry e, RosterField field, Text message) {
		RosterProblem problem = new RosterProblem(e.row(), this.sheet.column(field), field.name(),
				Messages.bundled().say(message, Lang.EN));
		this.problems.add(problem);
		this.texts.put(problem, message);
	}

	private static List<String> newFields(RosterEntry e, OrgRef into, String group, String unit) {
		List<String> fields = new ArrayList<>();
		fields.add("name: " + Names.normalize(e.name()));
		fields.add("status: " + e.status());
		add(fields, "joined", e.joined());
		add(fields, "gender", e.gender());
		add(fields, "trade", e.trade());
		add(fields, "birthDate", e.birthDate());
		add(fields, "idNumber", e.idNumber());
		add(fields, "phone", e.phone());
		fields.add("org: " + into.id());
		add(fields, "group", group);
		add(fields, "unit", unit);
		return fields;
	}

	private static void add(List<String> fields, String field, Object value) {
		if (value != null) {
			fields.add(field + ": " + value);
		}
	}

	private static List<String> changes(RosterEntry e, Stored s) {
		Update u = update(e, s);
		List<String> changes = new ArrayList<>();
		for (String field : u.fields()) {
			changes.add(field + ": " + s.value(field) + " → " + u.value(field));
		}
		return changes;
	}

	/** The fields a row changes on a stored member, with the property map that sets them. */
	private static Update update(RosterEntry e, Stored s) {
		String name = (e.name() != null) ? Names.normalize(e.name()) : null;
		String newName = changed(name, s.name());
		MemberStatus status = changed(e.status(), s.status());
		Trade trade = changed(e.trade(), s.trade());
		Gender gender = changed(e.gender(), s.gender());
		LocalDate birth = changed(e.birthDate(), s.birthDate());
		LocalDate joined = changed(e.joined(), s.joined());
		String idNumber = changed(e.idNumber(), s.idNumber());
		String phone = changed((e.phone() != null) ? e.phone().trim() : null, s.phone());
		Map<String, Object> props = Members.properties(null, newName, status, trade, gender, birth, joined, idNumber,
				phone);
		Map<String, Object> before = new LinkedHashMap<>();
		Map<String, Object> after = new LinkedHashMap<>();
		List<String> fields = new ArrayList<>();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", newName);
		values.put("status", status);
		values.put("trade", trade);
		values.put("gender", gender);
		values.put("birthDate", birth);
		values.put("joined", joined);
		values.put("idNumber", idNumber);
		values.put("phone", phone);
		values.forEach((field, value) -> {
			if (value != null) {
				fields.add(field);
				if (!field.equals("idNumber") && !field.equals("phone")) {
					Object old = s.value(field);
					before.put(field, (old instanceof Enum<?> en) ? en.name() : (old != null) ? old.toString() : null);
					after.put(field, (value instanceof Enum<?> en) ? en.name() : value.toString());
				}
			}
		});
		return new Update(props, fields, before, after, values);
	}

	private static <T> T changed(T given, T stored) {
		return (given != null && !given.equals(stored)) ? given : null;
	}

	private static Stored stored(Record r) {
		return new Stored(r.get("id").asString(), r.get("name").asString(null),
				r.get("status").isNull() ? null : MemberStatus.valueOf(r.get("status").asString()),
				r.get("trade").isNull() ? null : Trade.valueOf(r.get("trade").asString()),
				r.get("gender").isNull() ? null : Gender.valueOf(r.get("gender").asString()),
				r.get("birthDate").isNull() ? null : r.get("birthDate").asLocalDate(),
				r.get("joined").isNull() ? null : r.get("joined").asLocalDate(), r.get("idNumber").asString(null),
				r.get("phone").asString(null), r.get("org").asString(null), r.get("group").asString(null),
				r.get("unit").asString(null));
	}

	/** An org of the target's subtree. */
	record OrgRef(String id, String name, OrgKind kind, String dataset, String parent) {
	}

	/** A unit a row may name. */
	record UnitRef(String id, String name) {
	}

	/** A member as stored. */
	record Stored(String id, String name, MemberStatus status, Trade trade, Gender gender, LocalDate birthDate,
			LocalDate joined, String idNumber, String phone, String org, String group, String unit) {

		Object value(String field) {
			return switch (field) {
				case "name" -> this.name;
				case "status" -> this.status;
				case "trade" -> this.trade;
				case "gender" -> this.gender;
				case "birthDate" -> this.birthDate;
				case "joined" -> this.joined;
				case "idNumber" -> this.idNumber;
				case "phone" -> this.phone;
				default -> null;
			};
		}

	}

	/**
	 * What a row does: ADDED (org: where), UPDATED, TRANSFERRED (org: the new one) or UNCHANGED;
	 * {@code group} and {@code unit}: the party group and unit it assigns, {@code null} when they stay.
	 */
	record Planned(RosterEntry entry, int index, String action, Stored existing, OrgRef org, String memberId,
			List<String> changes, String group, String unit) {

		RosterOutcome outcome() {
			return new RosterOutcome(this.entry.row(), this.memberId,
					(this.existing != null && this.entry.name() == null) ? this.existing.name() : Names.normalize(this.entry.name()),
					this.action, List.copyOf(this.changes));
		}

	}

	private record Update(Map<String, Object> props, List<String> fields, Map<String, Object> before,
			Map<String, Object> after, Map<String, Object> values) {

		Object value(String field) {
			return this.values.get(field);
		}

	}

}
