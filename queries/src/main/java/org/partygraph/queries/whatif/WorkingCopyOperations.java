package org.partygraph.queries.whatif;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.Names;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.queries.text.NameTexts;
import org.partygraph.queries.text.Text;

/**
 * The operations of a what-if, each checked and then played on a {@link WorkingCopy}: what an
 * upgrade, split, merge, move, transfer, co-manager change, dissolution, committee election or
 * role assignment, first secretary's dispatch or recall changes, and the line it adds to the copy's changes. A check that fails throws
 * {@link InvalidOperationException} naming the operation's index, before anything is changed.
 */
final class WorkingCopyOperations {

	private final WorkingCopy copy;

	WorkingCopyOperations(WorkingCopy copy) {
		this.copy = copy;
	}

	void apply(int index, Operation op) {
		if (op == null || op.op() == null) {
			throw new InvalidOperationException(index, null, Text.of("problem.missing", "op"));
		}
		switch (op.op()) {
			case UPGRADE -> upgrade(index, op);
			case SPLIT_BY_TRADE -> splitByTrade(index, op);
			case MERGE -> merge(index, op);
			case MOVE_ORG -> moveOrg(index, op);
			case TRANSFER_MEMBER -> transferMember(index, op);
			case ADD_CO_MANAGER -> coManager(index, op, true);
			case REMOVE_CO_MANAGER -> coManager(index, op, false);
			case DISSOLVE -> dissolve(index, op);
			case ELECT_COMMITTEE -> electCommittee(index, op);
			case ASSIGN_ROLE -> assignRole(index, op);
			case END_ROLE -> endRole(index, op);
			case CREATE_ORG -> createOrg(index, op);
			case DISPATCH -> dispatch(index, op);
			case RECALL -> recall(index, op);
		}
	}

	private void upgrade(int index, Operation op) {
		Org org = this.copy.org(index, op, op.org(), "org");
		this.copy.keepScopeRoot(index, op, org.id(), "org", "rekinded");
		OrgKind kind = kind(index, op);
		if (kind == OrgKind.PARTY_GROUP
				&& this.copy.members.values().stream().anyMatch((m) -> m.org().equals(org.id()))) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.groupWithMembers", org.id()));
		}
		this.copy.orgs.put(org.id(), org.withKind(kind));
		this.copy.change("change.rekinded", org.name(), org.id(), kindText(org.kind()), kindText(kind));
	}

	private void splitByTrade(int index, Operation op) {
		Org org = this.copy.org(index, op, op.org(), "org");
		this.copy.keepScopeRoot(index, op, org.id(), "org", "rekinded");
		if (!org.kind().isBranch()) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.notSplittable", org.id(), org.kind()));
		}
		this.copy.orgs.put(org.id(), org.withKind(OrgKind.GENERAL_BRANCH));
		this.copy.change("change.splitByTrade", org.name(), org.id(), kindText(org.kind()),
				kindText(OrgKind.GENERAL_BRANCH));
		Map<Trade, List<Member>> byTrade = new TreeMap<>();
		for (Member m : this.copy.members.values()) {
			if (m.org().equals(org.id()) && m.trade() != null) {
				byTrade.computeIfAbsent(m.trade(), (t) -> new ArrayList<>()).add(m);
			}
		}
		String base = org.name().replaceAll("(聯合)?黨(總)?支部$", "");
		for (Map.Entry<Trade, List<Member>> entry : byTrade.entrySet()) {
			Trade trade = entry.getKey();
			List<Member> tradeMembers = entry.getValue();
			long full = tradeMembers.stream().filter(Member::isFull).count();
			if (full >= this.copy.minFullMembers) {
				String id = this.copy.freshId(org.id() + "-" + trade.name().toLowerCase());
				Org branch = new Org(id, OrgKind.BRANCH, base + trade.chineseName() + "行業黨支部", org.id(), List.of(),
						org.units(), trade, false);
				this.copy.addOrg(branch);
				tradeMembers.forEach((m) -> this.copy.members.put(m.id(), m.withOrg(id).withGroup(null)));
				this.copy.change("change.tradeBranch", branch.name(), id, tradeMembers.size(), tradeText(trade));
			}
			else {
				String id = this.copy.freshId(org.id() + "-" + trade.name().toLowerCase() + "-group");
				Org group = new Org(id, OrgKind.PARTY_GROUP, trade.chineseName() + "黨小組", org.id(), List.of(), List.of(),
						trade, null);
				this.copy.addOrg(group);
				tradeMembers.forEach((m) -> this.copy.members.put(m.id(), m.withGroup(id)));
				this.copy.change("change.tradeGroup", group.name(), id, tradeMembers.size(), tradeText(trade), full,
						this.copy.minFullMembers);
			}
		}
	}

	private void merge(int index, Operation op) {
		if (op.orgs().size() < 2) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.mergeTooFew"));
		}
		Text nameProblem = NameTexts.problem(op.name());
		if (nameProblem != null) {
			throw new InvalidOperationException(index, op.op(), (op.name() == null || op.name().isBlank())
					? Text.of("whatif.mergeNeedsName") : Text.of("whatif.name", nameProblem));
		}
		String name = Names.normalize(op.name());
		List<Org> merged = new ArrayList<>();
		for (String id : op.orgs()) {
			Org org = this.copy.org(index, op, id, "orgs");
			this.copy.keepScopeRoot(index, op, org.id(), "orgs", "mergedAway");
			if (merged.contains(org)) {
				throw new InvalidOperationException(index, op.op(), Text.of("whatif.listedTwice", id));
			}
			merged.add(org);
		}
		Set<String> ids = new LinkedHashSet<>(op.orgs());
		String root = this.copy.rootOf(merged.get(0).id());
		for (Org org : merged) {
			if (!this.copy.rootOf(org.id()).equals(root)) {
				throw new InvalidOperationException(index, op.op(), Text.of("whatif.mergeCounties", org.id(),
						this.copy.rootOf(org.id()), merged.get(0).id(), root));
			}
			for (String ancestor : this.copy.subordination.getDescendants(org.id())) {
				if (ids.contains(ancestor)) {
					throw new InvalidOperationException(index, op.op(), Text.of("whatif.mergeNested", org.id(), ancestor));
				}
			}
		}
		Set<String> units = new LinkedHashSet<>();
		Set<String> coManagers = new LinkedHashSet<>();
		merged.forEach((o) -> {
			units.addAll(o.units());
			coManagers.addAll(o.coManagedBy());
		});
		coManagers.removeAll(ids);
		String id = this.copy.freshId("joint-" + merged.get(0).id());
		Org joint = new Org(id, OrgKind.JOINT_BRANCH, name, merged.get(0).parent(), List.copyOf(coManagers),
				List.copyOf(units), null, merged.stream().anyMatch(Org::committee));
		this.copy.addOrg(joint);
		// Members first: their party groups move with the children below, and stay valid.
		int moved = 0;
		for (Member m : List.copyOf(this.copy.members.values())) {
			Member changed = m;
			if (ids.contains(m.org())) {
				changed = changed.withOrg(id);
				moved++;
			}
			changed = changed.withRoles(replaceOrgs(changed.roles(), ids, id))
				.withParticipatesIn(replace(changed.participatesIn(), ids, id));
			this.copy.members.put(m.id(), changed);
		}
		for (Org org : merged) {
			for (Org child : this.copy.childrenOf(org.id())) {
				if (!ids.contains(child.id())) {
					this.copy.reparent(child, id);
				}
			}
		}
		for (Org other : List.copyOf(this.copy.orgs.values())) {
			if (other.coManagedBy().stream().anyMatch(ids::contains)) {
				this.copy.orgs.put(other.id(), other.withCoManagedBy(replace(other.coManagedBy(), ids, id)));
			}
		}
		// The dispatches to the merged orgs and the stays at them end on the day (docs/contract.md
		// section 8): not handed to the joint branch.
		int ended = 0;
		for (Org org : merged) {
			ended += this.copy.endDualsAt(index, op, org.id(), null);
		}
		merged.forEach((o) -> this.copy.removeOrg(o.id()));
		Text mergedOrgs = null;
		for (Org o : merged) {
			Text one = Text.of("change.merged.org", o.name(), o.id());
			mergedOrgs = (mergedOrgs == null) ? one : Text.of("change.merged.and", mergedOrgs, one);
		}
		this.copy.change("change.merged", mergedOrgs, name, id, moved,
				optional(ended > 0, "change.merged.ended", ended));
	}

	private void moveOrg(int index, Operation op) {
		Org org = this.copy.org(index, op, op.org(), "org");
		Org target = this.copy.org(index, op, op.target(), "target");
		this.copy.keepScopeRoot(index, op, org.id(), "org", "moved");
		if (org.id().equals(target.id())) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.ownParent"));
		}
		if (target.kind() == OrgKind.PARTY_GROUP) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.underPartyGroup", target.id()));
		}
		if (this.copy.subordination.getAncestors(org.id()).contains(target.id())) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.cycle", target.id(), org.id()));
		}
		String from = org.parent();
		this.copy.reparent(org, target.id());
		this.copy.change("change.moved", org.name(), org.id(), this.copy.nameOf(from), target.name());
	}

	private void transferMember(int index, Operation op) {
		Member member = this.copy.member(index, op);
		Org target = this.copy.org(index, op, op.target(), "target");
		if (target.kind() == OrgKind.PARTY_GROUP) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.intoPartyGroup", target.id()));
		}
		// A member is never away at, or sent to, their own org: theirs at the target end on the day.
		int ended = this.copy.endDualsAt(index, op, target.id(), List.of(member.id()));
		this.copy.members.put(member.id(), member.withOrg(target.id()).withGroup(null));
		this.copy.change("change.transferred", member.name(), member.id(), this.copy.nameOf(member.org()),
				target.name(), optional(ended > 0, "change.transferred.ended"));
	}

	private void coManager(int index, Operation op, boolean add) {
		Org org = this.copy.org(index, op, op.org(), "org");
		Org target = this.copy.org(index, op, op.target(), "target");
		if (org.id().equals(target.id())) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.coManageSelf"));
		}
		boolean present = org.coManagedBy().contains(target.id());
		if (add == present) {
			throw new InvalidOperationException(index, op.op(), Text.of(add ? "whatif.coManages" : "whatif.notCoManages", target.id(), org.id()));
		}
		List<String> coManagers = new ArrayList<>(org.coManagedBy());
		if (add) {
			coManagers.add(target.id());
		}
		else {
			coManagers.remove(target.id());
		}
		this.copy.orgs.put(org.id(), org.withCoManagedBy(coManagers));
		this.copy.change(add ? "change.coManagerAdded" : "change.coManagerRemoved", target.name(), org.name());
	}

	private void dissolve(int index, Operation op) {
		Org org = this.copy.org(index, op, op.org(), "org");
		Org target = this.copy.org(index, op, op.target(), "target");
		this.copy.keepScopeRoot(index, op, org.id(), "org", "dissolved");
		if (target.id().equals(org.id())) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.intoDissolved"));
		}
		if (target.kind() == OrgKind.PARTY_GROUP) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.intoPartyGroup", target.id()));
		}
		List<Org> children = this.copy.childrenOf(org.id());
		if (org.parent() == null && !children.isEmpty()) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.rootWithSubOrgs", org.id()));
		}
		// The dispatches to it and stays at it end on the day, and the moving members' own at the target.
		List<String> moving = this.copy.members.values().stream().filter((m) -> m.org().equals(org.id()))
			.map(Member::id).toList();
		int ended = this.copy.endDualsAt(index, op, org.id(), null)
				+ this.copy.endDualsAt(index, op, target.id(), moving);
		children.forEach((c) -> this.copy.reparent(c, org.parent()));
		int moved = 0;
		for (Member m : List.copyOf(this.copy.members.values())) {
			Member changed = m;
			if (m.org().equals(org.id())) {
				changed = changed.withOrg(target.id());
				moved++;
			}
			List<RoleAssignment> roles = changed.roles().stream().filter((r) -> !r.org().equals(org.id())).toList();
			List<String> participates = changed.participatesIn().stream().filter((p) -> !p.equals(org.id())).toList();
			this.copy.members.put(m.id(), changed.withRoles(roles).withParticipatesIn(participates));
		}
		for (Org other : List.copyOf(this.copy.orgs.values())) {
			if (other.coManagedBy().contains(org.id())) {
				this.copy.orgs.put(other.id(), other.withCoManagedBy(
						other.coManagedBy().stream().filter((c) -> !c.equals(org.id())).toList()));
			}
		}
		this.copy.removeOrg(org.id());
		this.copy.change("change.dissolved", org.name(), org.id(), moved, target.name(),
				optional(!children.isEmpty(), "change.dissolved.subOrgs", children.size(), this.copy.nameOf(org.parent())),
				optional(ended > 0, "change.dissolved.ended", ended));
	}

	private void electCommittee(int index, Operation op) {
		Org org = this.copy.org(index, op, op.org(), "org");
		if (org.kind() == OrgKind.PARTY_GROUP) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.groupNoCommittee"));
		}
		this.copy.orgs.put(org.id(), new Org(org.id(), org.kind(), org.name(), org.parent(), org.coManagedBy(),
				org.units(), org.trade(), true, org.electedOn()));
		this.copy.change("change.committeeElected", org.name(), org.id());
	}

	private void assignRole(int index, Operation op) {
		Member member = this.copy.member(index, op);
		Org org = this.copy.org(index, op, op.org(), "org");
		Role role;
		try {
			role = Role.valueOf(String.valueOf(op.kind()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.notRole", op.kind(), List.of(Role.values())));
		}
		RoleAssignment assignment = new RoleAssignment(org.id(), role);
		if (!member.roles().contains(assignment)) {
			List<RoleAssignment> roles = new ArrayList<>(member.roles());
			roles.add(assignment);
			this.copy.members.put(member.id(), member.withRoles(roles));
		}
		this.copy.change("change.roleAssigned", member.name(), member.id(), roleText(role), org.name());
	}
	private void createOrg(int index, Operation op) {
		Org target = this.copy.org(index, op, op.target(), "target");
		if (op.kind() == null) {
			throw new InvalidOperationException(index, op.op(), Text.of("problem.missing", "kind"));
		}
		OrgKind kind = kind(index, op);
		if (target.kind() == OrgKind.PARTY_GROUP) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.underPartyGroup", target.id()));
		}
		Text nameProblem = NameTexts.problem(op.name());
		if (nameProblem != null) {
			throw new InvalidOperationException(index, op.op(), (op.name() == null || op.name().isBlank())
					? Text.of("whatif.newOrgNeedsName") : Text.of("whatif.name", nameProblem));
		}
		Set<String> units = new LinkedHashSet<>();
		for (String unit : op.units()) {
			if (unit == null || !this.copy.hasUnit(unit)) {
				throw new InvalidOperationException(index, op.op(), Text.of("whatif.noUnit", unit));
			}
			units.add(unit);
		}
		String id = this.copy.freshId(Operation.newOrgId(index));
		Org org = new Org(id, kind, Names.normalize(op.name()), target.id(), List.of(), List.copyOf(units), null,
				false);
		this.copy.addOrg(org);
		this.copy.newOrgs.put(index, id);
		this.copy.change("change.created", kindText(kind), org.name(), id, target.name(), optional(!units.isEmpty(),
				(units.size() == 1) ? "change.created.unit" : "change.created.units", units.size()));
	}

	/**
	 * DISPATCH: the org is a village's (set up in a VILLAGE unit) and not the member's own; the
	 * member has no dispatch that has not ended by the copy's day (one person serves one village at
	 * a time). The dispatch begins on the copy's day, sent by target (default the member's org).
	 */
	private void dispatch(int index, Operation op) {
		Member member = this.copy.member(index, op);
		Org village = this.copy.org(index, op, op.org(), "org");
		Org sender = (op.target() != null) ? this.copy.org(index, op, op.target(), "target") : null;
		if (!this.copy.isVillageOrg(village)) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.notVillage", village.id(), village.name()));
		}
		if (village.id().equals(member.org())) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.ownVillage", member.id(), village.id(),
					village.name()));
		}
		for (Dispatch d : this.copy.dispatches) {
			if (d.member().equals(member.id()) && notEnded(d)) {
				throw new InvalidOperationException(index, op.op(), Text.of("whatif.dispatched", member.id(), d.village(),
						this.copy.nameOf(d.village()), d.from(),
						(d.to() != null) ? Text.of("problem.until", d.to()) : Text.of("problem.noEnd")));
			}
		}
		String by = (sender != null) ? sender.id() : member.org();
		this.copy.dispatches.add(new Dispatch(member.id(), village.id(), this.copy.day, null, by));
		this.copy.change("change.dispatched", member.name(), member.id(), village.name(), village.id(),
				this.copy.nameOf(by), by);
	}

	/**
	 * RECALL: the member has a dispatch to the org that has not ended by the copy's day; it ends on
	 * that day. One an earlier operation made (it would begin and end the same day) is taken back.
	 */
	private void recall(int index, Operation op) {
		Member member = this.copy.member(index, op);
		Org village = this.copy.org(index, op, op.org(), "org");
		Dispatch open = null;
		for (Dispatch d : this.copy.dispatches) {
			if (d.member().equals(member.id()) && d.village().equals(village.id()) && notEnded(d)) {
				open = d;
			}
		}
		if (open == null) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.noDispatch", member.id(), village.id(),
					village.name()));
		}
		int at = this.copy.dispatches.indexOf(open);
		if (open.from() == null || !this.copy.day.isAfter(open.from())) {
			if (this.copy.isOriginal(open)) {
				throw new InvalidOperationException(index, op.op(), Text.of("whatif.recallTooEarly", member.id(), village.id(),
						open.from()));
			}
			this.copy.dispatches.remove(at);
		}
		else {
			this.copy.dispatches.set(at, new Dispatch(open.member(), open.village(), open.from(), this.copy.day,
					open.by()));
		}
		this.copy.change("change.recalled", member.name(), member.id(), village.name(), village.id(), open.from());
	}

	/** Whether the dispatch has not ended by the copy's day: open, or ending after it. */
	private boolean notEnded(Dispatch d) {
		return d.to() == null || d.to().isAfter(this.copy.day);
	}

	private void endRole(int index, Operation op) {
		Member member = this.copy.member(index, op);
		Org org = this.copy.org(index, op, op.org(), "org");
		RoleAssignment assignment = new RoleAssignment(org.id(), role(index, op));
		if (!member.roles().contains(assignment)) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.roleNotHeld", member.id(), assignment.role(),
					org.id()));
		}
		this.copy.members.put(member.id(),
				member.withRoles(member.roles().stream().filter((r) -> !r.equals(assignment)).toList()));
		this.copy.change("change.roleEnded", member.name(), member.id(), roleText(assignment.role()), org.name());
	}

	/** An org kind as a word of the request's language (in English its code). */
	private static Text kindText(OrgKind kind) {
		return Text.of("kind." + kind.name());
	}

	/** A role as a word of the request's language (in English its code). */
	private static Text roleText(Role role) {
		return Text.of("role." + role.name());
	}

	/** A trade as a word of the request's language (in English its code). */
	private static Text tradeText(Trade trade) {
		return Text.of("trade." + trade.name());
	}

	/** The text of the key when {@code when}, else nothing: an optional tail of a change line. */
	private static Text optional(boolean when, String key, Object... args) {
		return when ? Text.of(key, args) : Text.plain("");
	}

	private static Role role(int index, Operation op) {
		try {
			return Role.valueOf(String.valueOf(op.kind()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.notRole", op.kind(), List.of(Role.values())));
		}
	}

	private static OrgKind kind(int index, Operation op) {
		try {
			return OrgKind.valueOf(String.valueOf(op.kind()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.notOrgKind", op.kind(), List.of(OrgKind.values())));
		}
	}

	private static List<String> replace(List<String> ids, Set<String> gone, String by) {
		Set<String> result = new LinkedHashSet<>();
		ids.forEach((id) -> result.add(gone.contains(id) ? by : id));
		return List.copyOf(result);
	}

	private static List<RoleAssignment> replaceOrgs(List<RoleAssignment> roles, Set<String> gone, String by) {
		Set<RoleAssignment> result = new LinkedHashSet<>();
		roles.forEach((r) -> result.add(gone.contains(r.org()) ? new RoleAssignment(by, r.role()) : r));
		return List.copyOf(result);
	}

}
