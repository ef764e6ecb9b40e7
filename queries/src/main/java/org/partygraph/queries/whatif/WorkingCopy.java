package org.partygraph.queries.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Names;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;

/**
 * A restructuring in progress: a copy of the orgs and members that operations change one by one.
 * Subordination is also held as a JGraphT {@link DirectedAcyclicGraph} (child to parent), which
 * refuses any move that would close a cycle.
 */
public final class WorkingCopy {

	private final Dataset original;

	private final Map<String, Org> orgs = new LinkedHashMap<>();

	private final Map<String, Member> members = new LinkedHashMap<>();

	private final DirectedAcyclicGraph<String, DefaultEdge> subordination = new DirectedAcyclicGraph<>(
			DefaultEdge.class);

	private final int minFullMembers;

	private final List<String> changes = new ArrayList<>();

	private final Set<String> created = new LinkedHashSet<>();

	private final Set<String> dissolved = new LinkedHashSet<>();

	private final String scopeRoot;

	private final Set<String> hiddenOrgs = new LinkedHashSet<>();

	private final Set<String> hiddenMembers = new LinkedHashSet<>();

	public WorkingCopy(Dataset original, int minFullMembers) {
		this(original, minFullMembers, OperationScope.EVERYTHING);
	}

	/**
	 * A copy on which operations may name only what lies in {@code scope}: an org or member of the
	 * copy outside it answers exactly as an id that does not exist, and the scope's root cannot be
	 * dissolved, moved, re-kinded or merged.
	 */
	public WorkingCopy(Dataset original, int minFullMembers, OperationScope scope) {
		this.original = original;
		this.minFullMembers = minFullMembers;
		this.scopeRoot = scope.root();
		original.orgs().forEach((o) -> {
			this.orgs.put(o.id(), o);
			this.subordination.addVertex(o.id());
		});
		original.members().forEach((m) -> this.members.put(m.id(), m));
		// Only items of the copy: an org an operation creates is never in the live graph, nor hidden.
		scope.outsideOrgs().stream().filter(this.orgs::containsKey).forEach(this.hiddenOrgs::add);
		scope.outsideMembers().stream().filter(this.members::containsKey).forEach(this.hiddenMembers::add);
		for (Org org : original.orgs()) {
			if (org.parent() != null && this.orgs.containsKey(org.parent())) {
				this.subordination.addEdge(org.id(), org.parent());
			}
		}
	}

	public Dataset toDataset() {
		return new Dataset(this.original.name(), this.original.units(), List.copyOf(this.orgs.values()),
				List.copyOf(this.members.values()));
	}

	public List<String> changes() {
		return this.changes;
	}

	public Set<String> created() {
		return this.created;
	}

	public boolean hasOrg(String id) {
		return this.orgs.containsKey(id);
	}

	public Set<String> dissolved() {
		return this.dissolved;
	}

	public void apply(int index, Operation op) {
		if (op == null || op.op() == null) {
			throw new InvalidOperationException(index, null, "op is missing");
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
		}
	}

	private void upgrade(int index, Operation op) {
		Org org = org(index, op, op.org(), "org");
		keepScopeRoot(index, op, org.id(), "org", "re-kinded");
		OrgKind kind = kind(index, op);
		if (kind == OrgKind.PARTY_GROUP && members.values().stream().anyMatch((m) -> m.org().equals(org.id()))) {
			throw new InvalidOperationException(index, op.op(),
					"kind: " + org.id() + " has members and membership is never in a PARTY_GROUP");
		}
		this.orgs.put(org.id(), org.withKind(kind));
		this.changes.add(org.name() + " (" + org.id() + "): " + org.kind() + " → " + kind);
	}

	private void splitByTrade(int index, Operation op) {
		Org org = org(index, op, op.org(), "org");
		keepScopeRoot(index, op, org.id(), "org", "re-kinded");
		if (!org.kind().isBranch()) {
			throw new InvalidOperationException(index, op.op(),
					"org: " + org.id() + " is a " + org.kind() + "; only a BRANCH or JOINT_BRANCH can be split by trade");
		}
		this.orgs.put(org.id(), org.withKind(OrgKind.GENERAL_BRANCH));
		this.changes.add(org.name() + " (" + org.id() + "): " + org.kind() + " → GENERAL_BRANCH, split by trade");
		Map<Trade, List<Member>> byTrade = new TreeMap<>();
		for (Member m : this.members.values()) {
			if (m.org().equals(org.id()) && m.trade() != null) {
				byTrade.computeIfAbsent(m.trade(), (t) -> new ArrayList<>()).add(m);
			}
		}
		String base = org.name().replaceAll("(聯合)?黨(總)?支部$", "");
		for (Map.Entry<Trade, List<Member>> entry : byTrade.entrySet()) {
			Trade trade = entry.getKey();
			List<Member> tradeMembers = entry.getValue();
			long full = tradeMembers.stream().filter(Member::isFull).count();
			if (full >= this.minFullMembers) {
				String id = freshId(org.id() + "-" + trade.name().toLowerCase());
				Org branch = new Org(id, OrgKind.BRANCH, base + trade.chineseName() + "行業黨支部", org.id(), List.of(),
						org.units(), trade, false);
				addOrg(branch);
				tradeMembers.forEach((m) -> this.members.put(m.id(), m.withOrg(id).withGroup(null)));
				this.changes.add("new trade branch " + branch.name() + " (" + id + ") takes " + tradeMembers.size()
						+ " " + trade + " members");
			}
			else {
				String id = freshId(org.id() + "-" + trade.name().toLowerCase() + "-group");
				Org group = new Org(id, OrgKind.PARTY_GROUP, trade.chineseName() + "黨小組", org.id(), List.of(), List.of(),
						trade, null);
				addOrg(group);
				tradeMembers.forEach((m) -> this.members.put(m.id(), m.withGroup(id)));
				this.changes.add("new party group " + group.name() + " (" + id + ") for " + tradeMembers.size() + " "
						+ trade + " members (" + full + " full, fewer than " + this.minFullMembers + ")");
			}
		}
	}

	private void merge(int index, Operation op) {
		if (op.orgs().size() < 2) {
			throw new InvalidOperationException(index, op.op(), "orgs: a merge needs at least two orgs");
		}
		String nameProblem = Names.problem(op.name());
		if (nameProblem != null) {
			throw new InvalidOperationException(index, op.op(), "name: " + ((op.name() == null || op.name().isBlank())
					? "the joint branch needs a name" : nameProblem));
		}
		String name = Names.normalize(op.name());
		List<Org> merged = new ArrayList<>();
		for (String id : op.orgs()) {
			Org org = org(index, op, id, "orgs");
			keepScopeRoot(index, op, org.id(), "orgs", "merged away");
			if (merged.contains(org)) {
				throw new InvalidOperationException(index, op.op(), "orgs: " + id + " is listed twice");
			}
			merged.add(org);
		}
		Set<String> ids = new LinkedHashSet<>(op.orgs());
		String root = rootOf(merged.get(0).id());
		for (Org org : merged) {
			if (!rootOf(org.id()).equals(root)) {
				throw new InvalidOperationException(index, op.op(), "orgs: " + org.id() + " is under " + rootOf(org.id())
						+ ", " + merged.get(0).id() + " under " + root + "; a merge stays within one county");
			}
			for (String ancestor : this.subordination.getDescendants(org.id())) {
				if (ids.contains(ancestor)) {
					throw new InvalidOperationException(index, op.op(),
							"orgs: " + org.id() + " lies under " + ancestor + "; merge orgs side by side, not nested");
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
		String id = freshId("joint-" + merged.get(0).id());
		Org joint = new Org(id, OrgKind.JOINT_BRANCH, name, merged.get(0).parent(), List.copyOf(coManagers),
				List.copyOf(units), null, merged.stream().anyMatch(Org::committee));
		addOrg(joint);
		// Members first: their party groups move with the children below, and stay valid.
		int moved = 0;
		for (Member m : List.copyOf(this.members.values())) {
			Member changed = m;
			if (ids.contains(m.org())) {
				changed = changed.withOrg(id);
				moved++;
			}
			changed = changed.withRoles(replaceOrgs(changed.roles(), ids, id))
				.withParticipatesIn(replace(changed.participatesIn(), ids, id));
			this.members.put(m.id(), changed);
		}
		for (Org org : merged) {
			for (Org child : childrenOf(org.id())) {
				if (!ids.contains(child.id())) {
					reparent(child, id);
				}
			}
		}
		for (Org other : List.copyOf(this.orgs.values())) {
			if (other.coManagedBy().stream().anyMatch(ids::contains)) {
				this.orgs.put(other.id(), other.withCoManagedBy(replace(other.coManagedBy(), ids, id)));
			}
		}
		merged.forEach((o) -> removeOrg(o.id()));
		this.changes.add("merged " + String.join(", ", merged.stream().map((o) -> o.name() + " (" + o.id() + ")").toList())
				+ " into joint branch " + name + " (" + id + "); " + moved + " members moved");
	}

	private void moveOrg(int index, Operation op) {
		Org org = org(index, op, op.org(), "org");
		Org target = org(index, op, op.target(), "target");
		keepScopeRoot(index, op, org.id(), "org", "moved");
		if (org.id().equals(target.id())) {
			throw new InvalidOperationException(index, op.op(), "target: an org cannot be its own parent");
		}
		if (target.kind() == OrgKind.PARTY_GROUP) {
			throw new InvalidOperationException(index, op.op(),
					"target: " + target.id() + " is a PARTY_GROUP; no org is subordinate to a party group");
		}
		if (this.subordination.getAncestors(org.id()).contains(target.id())) {
			throw new InvalidOperationException(index, op.op(), "target: " + target.id() + " lies under " + org.id()
					+ "; the move would make a subordination cycle");
		}
		String from = org.parent();
		reparent(org, target.id());
		this.changes.add(org.name() + " (" + org.id() + ") moved from " + nameOf(from) + " to " + target.name());
	}

	private void transferMember(int index, Operation op) {
		Member member = member(index, op);
		Org target = org(index, op, op.target(), "target");
		if (target.kind() == OrgKind.PARTY_GROUP) {
			throw new InvalidOperationException(index, op.op(),
					"target: " + target.id() + " is a PARTY_GROUP; membership is never in a party group");
		}
		this.members.put(member.id(), member.withOrg(target.id()).withGroup(null));
		this.changes.add(member.name() + " (" + member.id() + ") transferred from " + nameOf(member.org()) + " to "
				+ target.name());
	}

	private void coManager(int index, Operation op, boolean add) {
		Org org = org(index, op, op.org(), "org");
		Org target = org(index, op, op.target(), "target");
		if (org.id().equals(target.id())) {
			throw new InvalidOperationException(index, op.op(), "target: an org cannot co-manage itself");
		}
		boolean present = org.coManagedBy().contains(target.id());
		if (add == present) {
			throw new InvalidOperationException(index, op.op(), "target: " + target.id()
					+ (add ? " already co-manages " : " does not co-manage ") + org.id());
		}
		List<String> coManagers = new ArrayList<>(org.coManagedBy());
		if (add) {
			coManagers.add(target.id());
		}
		else {
			coManagers.remove(target.id());
		}
		this.orgs.put(org.id(), org.withCoManagedBy(coManagers));
		this.changes.add(target.name() + (add ? " now co-manages " : " no longer co-manages ") + org.name());
	}

	private void dissolve(int index, Operation op) {
		Org org = org(index, op, op.org(), "org");
		Org target = org(index, op, op.target(), "target");
		keepScopeRoot(index, op, org.id(), "org", "dissolved");
		if (target.id().equals(org.id())) {
			throw new InvalidOperationException(index, op.op(), "target: members cannot move into the dissolved org");
		}
		if (target.kind() == OrgKind.PARTY_GROUP) {
			throw new InvalidOperationException(index, op.op(),
					"target: " + target.id() + " is a PARTY_GROUP; membership is never in a party group");
		}
		List<Org> children = childrenOf(org.id());
		if (org.parent() == null && !children.isEmpty()) {
			throw new InvalidOperationException(index, op.op(),
					"org: " + org.id() + " is a root with sub-orgs; they would have no parent");
		}
		children.forEach((c) -> reparent(c, org.parent()));
		int moved = 0;
		for (Member m : List.copyOf(this.members.values())) {
			Member changed = m;
			if (m.org().equals(org.id())) {
				changed = changed.withOrg(target.id());
				moved++;
			}
			List<RoleAssignment> roles = changed.roles().stream().filter((r) -> !r.org().equals(org.id())).toList();
			List<String> participates = changed.participatesIn().stream().filter((p) -> !p.equals(org.id())).toList();
			this.members.put(m.id(), changed.withRoles(roles).withParticipatesIn(participates));
		}
		for (Org other : List.copyOf(this.orgs.values())) {
			if (other.coManagedBy().contains(org.id())) {
				this.orgs.put(other.id(), other.withCoManagedBy(
						other.coManagedBy().stream().filter((c) -> !c.equals(org.id())).toList()));
			}
		}
		removeOrg(org.id());
		this.changes.add(org.name() + " (" + org.id() + ") dissolved; " + moved + " members to " + target.name()
				+ (children.isEmpty() ? "" : ", " + children.size() + " sub-orgs to " + nameOf(org.parent())));
	}

	private void electCommittee(int index, Operation op) {
		Org org = org(index, op, op.org(), "org");
		if (org.kind() == OrgKind.PARTY_GROUP) {
			throw new InvalidOperationException(index, op.op(), "org: a PARTY_GROUP does not elect a committee");
		}
		this.orgs.put(org.id(), new Org(org.id(), org.kind(), org.name(), org.parent(), org.coManagedBy(),
				org.units(), org.trade(), true));
		this.changes.add(org.name() + " (" + org.id() + ") elects a committee");
	}

	private void assignRole(int index, Operation op) {
		Member member = member(index, op);
		Org org = org(index, op, op.org(), "org");
		Role role;
		try {
			role = Role.valueOf(String.valueOf(op.kind()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOperationException(index, op.op(), "kind: '" + op.kind() + "' is not a role; one of "
					+ List.of(Role.values()));
		}
		RoleAssignment assignment = new RoleAssignment(org.id(), role);
		if (!member.roles().contains(assignment)) {
			List<RoleAssignment> roles = new ArrayList<>(member.roles());
			roles.add(assignment);
			this.members.put(member.id(), member.withRoles(roles));
		}
		this.changes.add(member.name() + " (" + member.id() + ") becomes " + role + " of " + org.name());
	}

	private void addOrg(Org org) {
		this.orgs.put(org.id(), org);
		this.subordination.addVertex(org.id());
		if (org.parent() != null && this.orgs.containsKey(org.parent())) {
			this.subordination.addEdge(org.id(), org.parent());
		}
		this.created.add(org.id());
	}

	private void removeOrg(String id) {
		this.orgs.remove(id);
		this.subordination.removeVertex(id);
		if (!this.created.remove(id)) {
			this.dissolved.add(id);
		}
		// A member's party group must still sit under their org; anything else is cleared.
		for (Member m : List.copyOf(this.members.values())) {
			if (m.group() != null && (!this.orgs.containsKey(m.group())
					|| !m.org().equals(this.orgs.get(m.group()).parent()))) {
				this.members.put(m.id(), m.withGroup(null));
			}
		}
	}

	private void reparent(Org org, String parent) {
		if (org.parent() != null && this.subordination.containsEdge(org.id(), org.parent())) {
			this.subordination.removeEdge(org.id(), org.parent());
		}
		if (parent != null && this.orgs.containsKey(parent)) {
			this.subordination.addEdge(org.id(), parent);
		}
		this.orgs.put(org.id(), org.withParent(parent));
		if (org.kind() == OrgKind.PARTY_GROUP) {
			for (Member m : List.copyOf(this.members.values())) {
				if (org.id().equals(m.group()) && !m.org().equals(parent)) {
					this.members.put(m.id(), m.withGroup(null));
				}
			}
		}
	}

	private List<Org> childrenOf(String id) {
		return this.orgs.values().stream().filter((o) -> id.equals(o.parent())).toList();
	}

	private String rootOf(String id) {
		String at = id;
		for (String ancestor : this.subordination.getDescendants(id)) {
			if (this.subordination.outDegreeOf(ancestor) == 0) {
				at = ancestor;
			}
		}
		return at;
	}

	private Org org(int index, Operation op, String id, String field) {
		if (id == null) {
			throw new InvalidOperationException(index, op.op(), field + " is missing");
		}
		Org org = this.hiddenOrgs.contains(id) ? null : this.orgs.get(id);
		if (org == null) {
			throw new InvalidOperationException(index, op.op(), field + ": no org has id '" + id + "'"
					+ (this.dissolved.contains(id) ? " (an earlier operation removed it)" : ""));
		}
		return org;
	}

	/** The caller's own scope root stays where and what it is, and stays. */
	private void keepScopeRoot(int index, Operation op, String orgId, String field, String done) {
		if (this.scopeRoot != null && this.scopeRoot.equals(orgId)) {
			throw new InvalidOperationException(index, op.op(),
					field + ": " + orgId + " is the root of your scope; it cannot be " + done + " by you");
		}
	}

	private Member member(int index, Operation op) {
		if (op.member() == null) {
			throw new InvalidOperationException(index, op.op(), "member is missing");
		}
		Member member = this.hiddenMembers.contains(op.member()) ? null : this.members.get(op.member());
		if (member == null) {
			throw new InvalidOperationException(index, op.op(), "member: no member has id '" + op.member() + "'");
		}
		return member;
	}

	private static OrgKind kind(int index, Operation op) {
		try {
			return OrgKind.valueOf(String.valueOf(op.kind()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOperationException(index, op.op(),
					"kind: '" + op.kind() + "' is not an org kind; one of " + List.of(OrgKind.values()));
		}
	}

	private String freshId(String wanted) {
		String id = wanted;
		for (int n = 2; this.orgs.containsKey(id) || this.dissolved.contains(id) || this.members.containsKey(id); n++) {
			id = wanted + "-" + n;
		}
		return id;
	}

	private String nameOf(String orgId) {
		Org org = (orgId != null) ? this.orgs.get(orgId) : null;
		return (org != null) ? org.name() : String.valueOf(orgId);
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
