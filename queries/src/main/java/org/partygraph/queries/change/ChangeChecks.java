package org.partygraph.queries.change;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.TransactionContext;
import org.partygraph.model.Names;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.queries.change.Lookups.MemberNode;
import org.partygraph.queries.change.Lookups.OrgNode;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.text.NameTexts;
import org.partygraph.queries.text.Text;

/**
 * The hard rules a change is checked against, inside its write transaction after its locks: one
 * method per change, each adding every problem it finds and returning what the write needs (which
 * is used only when no problem was found). Problems name the id concerned as their item and the
 * input field at fault.
 *
 * <p>
 * Every org and member a change names is looked up in the change's {@link WriteScope}, and one
 * outside it is refused exactly as an unknown id is (same item, field and message). A scoped caller
 * may moreover neither dissolve nor move its scope's root, nor create an org without a parent. An
 * id already taken is refused with one message, whatever holds it and wherever it is.
 */
final class ChangeChecks {

	private final TransactionContext tx;

	private final WriteScope scope;

	private final Problems problems = new Problems();

	ChangeChecks(TransactionContext tx, WriteScope scope) {
		this.tx = tx;
		this.scope = scope;
	}

	/** Adds the problems of the change's date (field {@code on}, see {@code write.EventDates}). */
	void dated(List<org.partygraph.queries.write.EventDates.DateProblem> dateProblems) {
		dateProblems.forEach((p) -> this.problems.add(p.item(), "on", p.text()));
	}

	/** The checks of the development of new members (docs/contract.md section 8). */
	CandidateChecks candidates() {
		return new CandidateChecks(this.tx, this.scope, this.problems, this);
	}

	/** Throws when any check found a problem; the change then writes nothing. */
	void rejectIfAny() {
		this.problems.rejectIfAny();
	}

	/** What a new org is written with: its parent ({@code null} for a root) and its units. */
	record CheckedOrg(OrgNode parent, List<String> units) {
	}

	CheckedOrg createOrg(NewOrg org) {
		String item = Problems.item(org.id());
		newId(org.id());
		if (org.kind() == null) {
			this.problems.add(item, "kind", Text.of("problem.missing", "kind"));
		}
		name(item, org.name());
		OrgNode parent = null;
		if (org.parent() == null && !this.scope.isEverything()) {
			this.problems.add(item, "parent", Text.of("problem.org.parentMissingScoped", this.scope.root()));
		}
		else if (org.parent() == null) {
			if (org.kind() != null && org.kind() != OrgKind.COUNTY_COMMITTEE) {
				this.problems.add(item, "parent", Text.of("problem.org.parentMissing"));
			}
		}
		else {
			parent = Lookups.org(this.tx, this.scope, org.parent());
			if (parent == null) {
				this.problems.add(item, "parent", Text.of("problem.noOrg", org.parent()));
			}
			else if (org.kind() != null && !parent.kind().isAbove(org.kind())) {
				this.problems.add(item, "parent", notAbove(parent, org.kind()));
			}
		}
		List<String> units = referencesTo(item, "units", org.units(), "unit");
		return new CheckedOrg(parent, units);
	}

	OrgNode renameOrg(String id, String name) {
		OrgNode org = existingOrg(id, "id", Problems.item(id));
		name(Problems.item(id), name);
		return org;
	}

	OrgNode moveOrg(String id, String newParent) {
		OrgNode org = orgToReshape(id, "moved");
		if (org != null && org.parent() == null) {
			this.problems.add(id, "id", Text.of("problem.org.rootNotMoved", id));
		}
		OrgNode parent = existingOrg(newParent, "parent", Problems.item(id));
		if (org != null && parent != null) {
			if (parent.id().equals(org.parent())) {
				this.problems.add(id, "parent", Text.of("problem.org.alreadyUnder", id, parent.id()));
			}
			else {
				// The ids from the new parent up to the org, when the org is above it (or is it).
				List<String> up = Lookups.pathUp(this.tx, parent.id(), id);
				if (!up.isEmpty()) {
					this.problems.add(id, "parent", Text.of("problem.org.cycle", parent.id(), id,
							id + " → " + String.join(" → ", up)));
				}
				else if (!parent.kind().isAbove(org.kind())) {
					this.problems.add(id, "parent", notAbove(parent, org.kind()));
				}
			}
		}
		if (org != null && org.kind() == OrgKind.PARTY_GROUP) {
			List<String> assigned = Lookups.groupMembers(this.tx, id);
			if (!assigned.isEmpty()) {
				this.problems.add(id, "parent", Text.of("problem.org.groupHasMembers", id, assigned, org.parent()));
			}
		}
		return org;
	}

	OrgNode dissolveOrg(String id, String membersTo) {
		String item = Problems.item(id);
		OrgNode org = orgToReshape(id, "dissolved");
		if (membersTo != null) {
			if (membersTo.equals(id)) {
				this.problems.add(item, "target", Text.of("problem.org.membersToItself", id));
			}
			else {
				OrgNode target = existingOrg(membersTo, "target", item);
				if (target != null && target.kind() == OrgKind.PARTY_GROUP) {
					this.problems.add(item, "target", Text.of("problem.org.membersToPartyGroup", target.id()));
				}
			}
		}
		if (org != null) {
			// The members of its party groups have their membership at the org itself, so count here.
			long members = Lookups.memberCount(this.tx, id);
			if (members > 0 && membersTo == null) {
				this.problems.add(id, "membersTo",
						Text.of((members == 1) ? "problem.org.membersToForMember" : "problem.org.membersToForMembers", id,
								members));
			}
			if (membersTo == null && org.parent() == null) {
				long candidates = this.tx.run("MATCH (c:Candidate)-[:DEVELOPED_BY]->(:Org {id: $id}) RETURN count(c) AS n",
						Map.of("id", id)).single().get("n").asLong();
				if (candidates > 0) {
					this.problems.add(id, "membersTo", Text.of("problem.org.membersToForCandidates", id, candidates));
				}
			}
			Map<String, OrgKind> children = Lookups.children(this.tx, id);
			if (!children.isEmpty() && org.parent() == null) {
				this.problems.add(id, "id", Text.of("problem.org.childrenNoParent", id, children.keySet()));
			}
			else if (org.parent() != null) {
				children.forEach((child, kind) -> {
					if (!org.parentKind().isAbove(kind)) {
						this.problems.add(id, "id",
								Text.of("problem.org.childNotBelow", child, kind, org.parent(), org.parentKind()));
					}
				});
			}
		}
		return org;
	}

	OrgNode coManager(String id, String coManager, boolean add) {
		String item = Problems.item(id);
		OrgNode org = existingOrg(id, "id", item);
		OrgNode other = null;
		if (coManager != null && coManager.equals(id)) {
			this.problems.add(item, "coManager", Text.of("problem.coManager.itself"));
		}
		else {
			other = existingOrg(coManager, "coManager", item);
		}
		if (org != null && other != null) {
			boolean exists = Lookups.coManaged(this.tx, id, coManager);
			if (add && exists) {
				this.problems.add(id, "coManager", Text.of("problem.coManager.already", id, coManager));
			}
			else if (!add && !exists) {
				this.problems.add(id, "coManager", Text.of("problem.coManager.not", id, coManager));
			}
		}
		return org;
	}

	/** What a new member is written with: its org and the orgs it participates in. */
	record CheckedMember(OrgNode org, List<String> participates) {
	}

	CheckedMember addMember(NewMember member) {
		String item = Problems.item(member.id());
		newId(member.id());
		name(item, member.name());
		if (member.status() == null) {
			this.problems.add(item, "status", Text.of("problem.missing", "status"));
		}
		OrgNode org = existingOrg(member.org(), "org", item);
		if (org != null && org.kind() == OrgKind.PARTY_GROUP) {
			this.problems.add(item, "org", Text.of("problem.member.orgPartyGroup", org.id()));
		}
		if (member.group() != null) {
			group(item, member.group(), member.org());
		}
		if (member.unit() != null && !Lookups.missingUnits(this.tx, List.of(member.unit())).isEmpty()) {
			this.problems.add(item, "unit", Text.of("problem.noUnit", member.unit()));
		}
		newRoles(item, member.roles());
		List<String> participates = referencesTo(item, "participatesIn", member.participatesIn(), "org");
		return new CheckedMember(org, participates);
	}

	MemberNode transferMember(String memberId, String targetOrg) {
		String item = Problems.item(memberId);
		MemberNode member = existingMember(memberId);
		OrgNode target = existingOrg(targetOrg, "target", item);
		if (target != null && target.kind() == OrgKind.PARTY_GROUP) {
			this.problems.add(item, "target", Text.of("problem.transfer.partyGroup", target.id()));
		}
		else if (target != null && member != null && target.id().equals(member.org())) {
			this.problems.add(item, "target", Text.of("problem.transfer.alreadyThere", memberId, target.id()));
		}
		else if (target != null && member != null) {
			// A member is away at, or first secretary of, an org other than their own: one of those
			// still open at the target ends first.
			Lookups.aways(this.tx, memberId)
				.stream()
				.filter((a) -> a.at().equals(target.id()) && a.to() == null)
				.findFirst()
				.ifPresent((a) -> this.problems.add(item, "target",
						Text.of("problem.transfer.awayThere", memberId, target.id(), a.from())));
			Lookups.dispatches(this.tx, memberId)
				.stream()
				.filter((d) -> d.village().equals(target.id()) && d.to() == null)
				.findFirst()
				.ifPresent((d) -> this.problems.add(item, "target",
						Text.of("problem.transfer.dispatchedThere", memberId, target.id(), d.from())));
		}
		return member;
	}

	MemberNode role(String memberId, String orgId, Role role, boolean add) {
		String item = Problems.item(memberId);
		MemberNode member = existingMember(memberId);
		OrgNode org = existingOrg(orgId, "org", item);
		if (role == null) {
			this.problems.add(item, "role", Text.of("problem.missing", "role"));
		}
		else if (add && role == Role.GROUP_LEADER && org != null && org.kind() != OrgKind.PARTY_GROUP) {
			this.problems.add(item, "role", Text.of("problem.role.leaderOfGroup", org.describe()));
		}
		else if (member != null && org != null) {
			boolean holds = Lookups.holds(this.tx, memberId, orgId, role);
			if (add && holds) {
				this.problems.add(item, "role", Text.of("problem.role.held", memberId, role, orgId));
			}
			else if (!add && !holds) {
				this.problems.add(item, "role", Text.of("problem.role.notHeld", memberId, role, orgId));
			}
		}
		return member;
	}

	MemberNode assignGroup(String memberId, String groupId) {
		MemberNode member = existingMember(memberId);
		if (groupId != null) {
			group(Problems.item(memberId), groupId, (member != null) ? member.org() : null);
		}
		return member;
	}

	/**
	 * A mobile member's time away (流動黨員, docs/contract.md section 8): the member and the org exist
	 * in the scope (fields {@code member}, {@code at}); the org is neither the member's own nor a
	 * PARTY_GROUP (field {@code at}); {@code to}, when given, is after {@code from} (field
	 * {@code to}); it overlaps none of the member's other times away (field {@code from}).
	 */
	MemberNode away(String memberId, String atId, java.time.LocalDate from, java.time.LocalDate to) {
		String item = Problems.item(memberId);
		MemberNode member = existingMember(memberId);
		OrgNode at = existingOrg(atId, "at", item);
		if (at != null && at.kind() == OrgKind.PARTY_GROUP) {
			this.problems.add(item, "at", Text.of("problem.away.partyGroup", at.id()));
		}
		else if (at != null && member != null && at.id().equals(member.org())) {
			this.problems.add(item, "at", Text.of("problem.away.ownOrg", memberId, at.id()));
		}
		if (span(item, from, to) && member != null) {
			for (AwayRecord a : Lookups.aways(this.tx, memberId)) {
				if (a.overlaps(from, to)) {
					this.problems.add(item, "from",
							Text.of("problem.away.overlap", memberId, a.at(), a.from(), until(a.to())));
					break;
				}
			}
		}
		return member;
	}

	/**
	 * The end of a time away: the member has one at the org (in the scope) running on {@code on}
	 * (field {@code at}), begun before it (field {@code on}). Returns it.
	 */
	AwayRecord endAway(String memberId, String atId, java.time.LocalDate on) {
		String item = Problems.item(memberId);
		MemberNode member = existingMember(memberId);
		OrgNode at = existingOrg(atId, "at", item);
		if (member == null || at == null) {
			return null;
		}
		AwayRecord open = Lookups.aways(this.tx, memberId)
			.stream()
			.filter((a) -> a.at().equals(at.id()) && (a.to() == null || a.to().isAfter(on)))
			.reduce((a, b) -> b)
			.orElse(null);
		if (open == null) {
			this.problems.add(item, "at", Text.of("problem.away.notAway", memberId, at.id(), on));
		}
		else if (!on.isAfter(open.from())) {
			this.problems.add(item, "on", Text.of("problem.away.endTooEarly", memberId, at.id(), open.from(), on));
		}
		return open;
	}

	/** What a dispatch is written with: the dispatching org. */
	record CheckedDispatch(String by) {
	}

	/**
	 * A first secretary's dispatch (第一書記, docs/contract.md section 8): the member and the village's
	 * org exist in the scope (fields {@code member}, {@code village}); the org is set up in a VILLAGE
	 * unit and is not the member's own org (field {@code village}); {@code to}, when given, is after
	 * {@code from} (field {@code to}); the dispatch overlaps none of the member's others (field
	 * {@code from}); the dispatching org {@code by} (default the member's org) exists in the scope
	 * (field {@code by}). Days run from {@code from} up to, not including, {@code to}.
	 */
	CheckedDispatch dispatch(String memberId, String villageId, java.time.LocalDate from, java.time.LocalDate to,
			String by) {
		String item = Problems.item(memberId);
		MemberNode member = existingMember(memberId);
		OrgNode village = existingOrg(villageId, "village", item);
		if (village != null && !Lookups.isVillageOrg(this.tx, village.id())) {
			this.problems.add(item, "village", Text.of("problem.dispatch.notVillage", village.describe()));
		}
		else if (village != null && member != null && village.id().equals(member.org())) {
			this.problems.add(item, "village", Text.of("problem.dispatch.ownVillage", memberId, village.id()));
		}
		if (span(item, from, to) && member != null) {
			for (Lookups.DispatchSpan d : Lookups.dispatches(this.tx, memberId)) {
				if (d.overlaps(from, to)) {
					this.problems.add(item, "from",
							Text.of("problem.dispatch.overlap", memberId, d.village(), d.from(), until(d.to())));
					break;
				}
			}
		}
		String sender = (by != null) ? by : (member != null) ? member.org() : null;
		if (by != null) {
			OrgNode sending = existingOrg(by, "by", item);
			sender = (sending != null) ? sending.id() : null;
		}
		return new CheckedDispatch(sender);
	}

	/**
	 * The end of a dispatch: the member has one to the village (in the scope) that is open on
	 * {@code on} (field {@code village}), begun before it (field {@code on}). Returns it.
	 */
	Lookups.DispatchSpan endDispatch(String memberId, String villageId, java.time.LocalDate on) {
		String item = Problems.item(memberId);
		MemberNode member = existingMember(memberId);
		OrgNode village = existingOrg(villageId, "village", item);
		if (member == null || village == null) {
			return null;
		}
		Lookups.DispatchSpan open = Lookups.dispatches(this.tx, memberId)
			.stream()
			.filter((d) -> d.village().equals(village.id()) && (d.to() == null || d.to().isAfter(on)))
			.reduce((a, b) -> b)
			.orElse(null);
		if (open == null) {
			this.problems.add(item, "village", Text.of("problem.dispatch.none", memberId, village.id(), on));
		}
		else if (!on.isAfter(open.from())) {
			this.problems.add(item, "on",
					Text.of("problem.dispatch.endTooEarly", memberId, village.id(), open.from(), on));
		}
		return open;
	}

	/** The shortest and longest extension of a probation, in months (中國共產黨章程 第七條). */
	static final int EXTENSION_MIN_MONTHS = 6;

	static final int EXTENSION_MAX_MONTHS = 12;

	/**
	 * A decision on a probation (docs/contract.md section 8): the member exists in the scope and is
	 * PROBATIONARY (field {@code member}); FULL and EXTENDED are taken when the probation ends, not
	 * before ({@code probationMonths} after its start, or the extension's end; field {@code on}); a
	 * probation is extended once (field {@code outcome}), by {@value #EXTENSION_MIN_MONTHS} to
	 * {@value #EXTENSION_MAX_MONTHS} months (field {@code months}). CANCELLED may be decided at any
	 * time. Problems are on the member.
	 */
	Lookups.Probation decideProbation(String memberId, ProbationOutcome outcome, int months, int probationMonths,
			java.time.LocalDate on) {
		Lookups.Probation probation = null;
		if (Problems.isBlank(memberId)) {
			this.problems.add(Problems.NO_ID, "member", Text.of("problem.missing", "member"));
		}
		else {
			probation = Lookups.probation(this.tx, this.scope, memberId);
			if (probation == null) {
				this.problems.add(memberId, "member", Text.of("problem.noMember", memberId));
			}
			else if (!"PROBATIONARY".equals(probation.status())) {
				this.problems.add(memberId, "member",
						Text.of("problem.probation.notProbationary", memberId, probation.status()));
				probation = null;
			}
		}
		String item = (memberId != null) ? memberId : Problems.NO_ID;
		if (outcome == null) {
			this.problems.add(item, "outcome", Text.of("problem.missing", "outcome"));
			return probation;
		}
		if (outcome == ProbationOutcome.EXTENDED && (months < EXTENSION_MIN_MONTHS || months > EXTENSION_MAX_MONTHS)) {
			this.problems.add(item, "months",
					Text.of("problem.probation.extensionMonths", EXTENSION_MIN_MONTHS, EXTENSION_MAX_MONTHS, months));
		}
		if (probation == null || outcome == ProbationOutcome.CANCELLED) {
			return probation;
		}
		if (outcome == ProbationOutcome.EXTENDED && probation.extendedTo() != null) {
			this.problems.add(item, "outcome",
					Text.of("problem.probation.extendedOnce", memberId, probation.extendedTo()));
			return probation;
		}
		java.time.LocalDate endsOn = probation.endsOn(probationMonths);
		if (endsOn != null && on.isBefore(endsOn)) {
			Text span = (probation.extendedTo() != null) ? Text.of("problem.probation.extendedTo", endsOn)
					: Text.of("problem.probation.lasts", probation.start(), probationMonths, endsOn);
			this.problems.add(item, "on",
					Text.of("problem.probation.notEnded", memberId, span, outcome, endsOn, on));
		}
		return probation;
	}

	/**
	 * An election (換屆) at {@code orgId}: the org exists in the scope and is not a PARTY_GROUP; the
	 * secretary, each deputy and each committee member is a member in the scope whose membership is
	 * at the org or below it, and nobody is named twice. Problems are on the org, fields
	 * {@code org}, {@code secretary}, {@code deputies[i]} and {@code committee[i]}.
	 */
	OrgNode election(String orgId, String secretary, List<String> deputies, List<String> committee) {
		String item = Problems.item(orgId);
		OrgNode org = existingOrg(orgId, "org", item);
		if (org != null && org.kind() == OrgKind.PARTY_GROUP) {
			this.problems.add(item, "org", Text.of("problem.election.partyGroup", org.describe()));
		}
		Map<String, String> named = new java.util.LinkedHashMap<>();
		if (Problems.isBlank(secretary)) {
			this.problems.add(item, "secretary", Text.of("problem.missing", "secretary"));
		}
		else {
			elected(item, "secretary", secretary, org, named);
		}
		for (int i = 0; i < deputies.size(); i++) {
			elected(item, "deputies[" + i + "]", deputies.get(i), org, named);
		}
		for (int i = 0; i < committee.size(); i++) {
			elected(item, "committee[" + i + "]", committee.get(i), org, named);
		}
		return org;
	}

	/** One person an election names in {@code field}: present, a member below the org, named once. */
	private void elected(String item, String field, String memberId, OrgNode org, Map<String, String> named) {
		if (Problems.isBlank(memberId)) {
			this.problems.add(item, field, Text.of("problem.missing", field));
			return;
		}
		String earlier = named.putIfAbsent(memberId, field);
		if (earlier != null) {
			this.problems.add(item, field, Text.of("problem.election.namedTwice", memberId, earlier));
			return;
		}
		if (Lookups.member(this.tx, this.scope, memberId) == null) {
			this.problems.add(item, field, Text.of("problem.noMember", memberId));
		}
		else if (org != null && !Lookups.outsideSubtree(this.tx, org.id(), List.of(memberId)).isEmpty()) {
			this.problems.add(item, field, Text.of("problem.election.notBelow", memberId, org.describe()));
		}
	}

	void newId(String id) {
		if (Problems.isBlank(id)) {
			this.problems.add(Problems.NO_ID, "id", Text.of("problem.missing", "id"));
		}
		else if (Lookups.isTaken(this.tx, id)) {
			this.problems.add(id, "id", taken(id));
		}
		else {
			String retiredOn = Lookups.retiredOn(this.tx, id);
			if (retiredOn != null) {
				this.problems.add(id, "id", retired(id, retiredOn));
			}
		}
	}

	void name(String item, String name) {
		Text nameProblem = NameTexts.problem(name);
		if (nameProblem != null) {
			this.problems.add(item, "name", nameProblem);
		}
	}

	/**
	 * A span of days from {@code from} up to {@code to} (open when null): from is given (field
	 * {@code from}) and to, when given, is after it (field {@code to}).
	 * @return whether it is one, else with a problem
	 */
	private boolean span(String item, java.time.LocalDate from, java.time.LocalDate to) {
		if (from == null) {
			this.problems.add(item, "from", Text.of("problem.missing", "from"));
			return false;
		}
		if (to != null && !to.isAfter(from)) {
			this.problems.add(item, "to", Text.of("problem.toNotAfterFrom", to, from));
			return false;
		}
		return true;
	}

	/** The end of a span as words: " to DAY", or " with no end". */
	private static Text until(java.time.LocalDate to) {
		return (to != null) ? Text.of("problem.until", to) : Text.of("problem.noEnd");
	}

	/** The org {@code id} names in {@code field} of {@code item}; {@code null}, with a problem, when there is none. */
	OrgNode existingOrg(String id, String field, String item) {
		if (Problems.isBlank(id)) {
			this.problems.add(item, field, Text.of("problem.missing", field));
			return null;
		}
		OrgNode org = Lookups.org(this.tx, this.scope, id);
		if (org == null) {
			this.problems.add(item, field, Text.of("problem.noOrg", id));
		}
		return org;
	}

	/**
	 * The org {@code id} names for a move or dissolution; {@code null}, with a problem, when there is
	 * none or it is the root of the caller's scope. Nothing more is checked of a scope's root: its
	 * parent and the way its children would go lie outside the scope.
	 */
	private OrgNode orgToReshape(String id, String done) {
		OrgNode org = existingOrg(id, "id", Problems.item(id));
		if (org != null && this.scope.isRoot(org.id())) {
			this.problems.add(id, "id", Text.of("problem.org.scopeRoot." + done, id));
			return null;
		}
		return org;
	}

	private MemberNode existingMember(String id) {
		if (Problems.isBlank(id)) {
			this.problems.add(Problems.NO_ID, "member", Text.of("problem.missing", "member"));
			return null;
		}
		MemberNode member = Lookups.member(this.tx, this.scope, id);
		if (member == null) {
			this.problems.add(id, "member", Text.of("problem.noMember", id));
		}
		return member;
	}

	/** A group must be a PARTY_GROUP directly under the member's org (docs/contract.md section 1). */
	private void group(String item, String groupId, String orgId) {
		OrgNode group = existingOrg(groupId, "group", item);
		if (group == null) {
			return;
		}
		if (group.kind() != OrgKind.PARTY_GROUP) {
			this.problems.add(item, "group", Text.of("problem.group.notPartyGroup", group.describe()));
		}
		else if (orgId != null && !orgId.equals(group.parent())) {
			// The parent of a scope's root lies outside the scope, and is not named.
			Text actual = this.scope.isRoot(groupId) ? Text.of("problem.group.scopeRoot")
					: (group.parent() != null) ? Text.of("problem.group.parentIs", group.parent())
							: Text.of("problem.group.noParent");
			this.problems.add(item, "group", Text.of("problem.group.notUnder", groupId, orgId, actual));
		}
	}

	private void newRoles(String item, List<RoleAssignment> roles) {
		List<String> orgIds = new ArrayList<>();
		for (RoleAssignment role : roles) {
			if (role != null && role.org() != null) {
				orgIds.add(role.org());
			}
		}
		Map<String, OrgKind> kinds = Lookups.orgKinds(this.tx, this.scope, orgIds);
		Set<RoleAssignment> seen = new HashSet<>();
		for (int i = 0; i < roles.size(); i++) {
			RoleAssignment role = roles.get(i);
			String field = "roles[" + i + "]";
			if (role == null) {
				this.problems.add(item, field, Text.of("problem.missing", field));
				continue;
			}
			if (role.org() == null) {
				this.problems.add(item, field + ".org", Text.of("problem.missing", field + ".org"));
			}
			else if (!kinds.containsKey(role.org())) {
				this.problems.add(item, field + ".org", Text.of("problem.noOrg", role.org()));
			}
			if (role.role() == null) {
				this.problems.add(item, field + ".role", Text.of("problem.missing", field + ".role"));
			}
			else if (role.role() == Role.GROUP_LEADER && kinds.containsKey(role.org())
					&& kinds.get(role.org()) != OrgKind.PARTY_GROUP) {
				this.problems.add(item, field + ".role",
						Text.of("problem.role.leaderOfGroup", "'" + role.org() + "' (" + kinds.get(role.org()) + ")"));
			}
			if (!seen.add(role)) {
				this.problems.add(item, field, Text.of("problem.role.repeated", role.role(), role.org()));
			}
		}
	}

	/**
	 * Checks that each id of a list field resolves to a {@code targetKind} ("unit" or "org"),
	 * reporting entries as {@code field[i]}; returns the ids, none {@code null}, for writing.
	 */
	private List<String> referencesTo(String item, String field, List<String> ids, String targetKind) {
		List<String> present = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) == null) {
				this.problems.add(item, field + "[" + i + "]", Text.of("problem.missing", field + "[" + i + "]"));
			}
			else {
				present.add(ids.get(i));
			}
		}
		Set<String> missing = new HashSet<>("unit".equals(targetKind) ? Lookups.missingUnits(this.tx, present)
				: Lookups.missingOrgs(this.tx, this.scope, present));
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) != null && missing.contains(ids.get(i))) {
				this.problems.add(item, field + "[" + i + "]",
						Text.of("unit".equals(targetKind) ? "problem.noUnit" : "problem.noOrg", ids.get(i)));
			}
		}
		return present;
	}

	/**
	 * The one answer for an id already taken, whatever holds it and wherever: naming the holder's
	 * kind would let a scoped caller probe what lies outside its scope.
	 */
	static Text retired(String id, String retiredOn) {
		return Text.of("problem.id.retired", id, retiredOn);
	}

	static Text taken(String id) {
		return Text.of("problem.id.taken", id);
	}

	private static Text notAbove(OrgNode parent, OrgKind kind) {
		return Text.of("problem.org.notAbove", parent.describe(), kind);
	}

}
