package org.partygraph.queries.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.partygraph.model.AwayRecord;
import org.partygraph.model.Dataset;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

/**
 * A restructuring in progress: a copy of the orgs and members that operations change one by one.
 * Subordination is also held as a JGraphT {@link DirectedAcyclicGraph} (child to parent), which
 * refuses any move that would close a cycle. What each operation does is in
 * {@link WorkingCopyOperations}; the copy keeps the state and the steps they share.
 */
public final class WorkingCopy {

	private final Dataset original;

	final Map<String, Org> orgs = new LinkedHashMap<>();

	final Map<String, Member> members = new LinkedHashMap<>();

	final DirectedAcyclicGraph<String, DefaultEdge> subordination = new DirectedAcyclicGraph<>(
			DefaultEdge.class);

	final int minFullMembers;

	/** What the operations did, in English (as said by {@link #changeTexts}). */
	private final List<String> changes = new ArrayList<>();

	/** What the operations did, as texts of the bundles ({@code change.*}): names and ids as stored. */
	private final List<Text> changeTexts = new ArrayList<>();

	private final Set<String> created = new LinkedHashSet<>();

	/** The id of the org each CREATE_ORG made, by the operation's index. */
	final Map<Integer, String> newOrgs = new LinkedHashMap<>();

	private final Set<String> unitIds = new java.util.HashSet<>();

	private final Set<String> villageUnits = new java.util.HashSet<>();

	/** First secretaries' dispatches, the original's first, as DISPATCH and RECALL leave them. */
	final List<Dispatch> dispatches = new ArrayList<>();

	/** Mobile members' stays away, the original's, as dissolutions, merges and transfers leave them. */
	final List<AwayRecord> away = new ArrayList<>();

	/** The day the copy plays on: a DISPATCH begins on it, a RECALL ends a dispatch on it. */
	final java.time.LocalDate day;

	private final Set<String> dissolved = new LinkedHashSet<>();

	private final String scopeRoot;

	private final Set<String> hiddenOrgs = new LinkedHashSet<>();

	private final Set<String> hiddenMembers = new LinkedHashSet<>();

	private final WorkingCopyOperations operations = new WorkingCopyOperations(this);

	WorkingCopy(Dataset original, int minFullMembers) {
		this(original, minFullMembers, OperationScope.EVERYTHING);
	}

	/** A copy as {@link #WorkingCopy(Dataset, int, OperationScope, java.time.LocalDate)}, played on today. */
	public WorkingCopy(Dataset original, int minFullMembers, OperationScope scope) {
		this(original, minFullMembers, scope, java.time.LocalDate.now());
	}

	/**
	 * A copy on which operations may name only what lies in {@code scope}: an org or member of the
	 * copy outside it answers exactly as an id that does not exist, and the scope's root cannot be
	 * dissolved, moved, re-kinded or merged.
	 * @param day the day the copy plays on (what-ifs have no date): a DISPATCH begins on it, a
	 * RECALL ends a dispatch on it
	 */
	public WorkingCopy(Dataset original, int minFullMembers, OperationScope scope, java.time.LocalDate day) {
		this.original = original;
		this.minFullMembers = minFullMembers;
		this.day = (day != null) ? day : java.time.LocalDate.now();
		this.scopeRoot = scope.root();
		original.orgs().forEach((o) -> {
			this.orgs.put(o.id(), o);
			this.subordination.addVertex(o.id());
		});
		original.members().forEach((m) -> this.members.put(m.id(), m));
		original.units().forEach((u) -> {
			this.unitIds.add(u.id());
			if (u.kind() == org.partygraph.model.UnitKind.VILLAGE) {
				this.villageUnits.add(u.id());
			}
		});
		this.dispatches.addAll(original.dispatches());
		this.away.addAll(original.away());
		// Only items of the copy: an org an operation creates is never in the live graph, nor hidden.
		scope.outsideOrgs().stream().filter(this.orgs::containsKey).forEach(this.hiddenOrgs::add);
		scope.outsideMembers().stream().filter(this.members::containsKey).forEach(this.hiddenMembers::add);
		for (Org org : original.orgs()) {
			if (org.parent() != null && this.orgs.containsKey(org.parent())) {
				this.subordination.addEdge(org.id(), org.parent());
			}
		}
	}

	/** The copy as it stands: units, orgs, members, dispatches and stays away. */
	public Dataset toDataset() {
		return new Dataset(this.original.name(), this.original.units(), List.copyOf(this.orgs.values()),
				List.copyOf(this.members.values())).withDuals(List.copyOf(this.dispatches), List.copyOf(this.away));
	}

	/**
	 * Ends on the copy's day the dispatches to the org and the stays at it that have not ended by
	 * then, of the members given ({@code null}: everyone's), as the live changes do
	 * ({@code write/DualEnds}, docs/contract.md section 8): one begun before the day ends on it; one an
	 * earlier operation made (it begins on the day) is taken back; one of the live graph that begins
	 * on or after the day is refused (field {@code org}: it cannot end before it begins).
	 * @return how many ended
	 */
	int endDualsAt(int index, Operation op, String orgId, java.util.Collection<String> members) {
		int ended = 0;
		for (int i = this.dispatches.size() - 1; i >= 0; i--) {
			Dispatch d = this.dispatches.get(i);
			if (d.village().equals(orgId) && (members == null || members.contains(d.member()))
					&& (d.to() == null || d.to().isAfter(this.day))) {
				if (d.from() != null && d.from().isBefore(this.day)) {
					this.dispatches.set(i, new Dispatch(d.member(), d.village(), d.from(), this.day, d.by()));
				}
				else if (isOriginal(d)) {
					throw new InvalidOperationException(index, op.op(), Text.of("whatif.dispatchNotEnded", d.member(), orgId,
							d.from(), this.day));
				}
				else {
					this.dispatches.remove(i);
				}
				ended++;
			}
		}
		for (int i = this.away.size() - 1; i >= 0; i--) {
			AwayRecord a = this.away.get(i);
			if (a.org().equals(orgId) && (members == null || members.contains(a.member()))
					&& (a.to() == null || a.to().isAfter(this.day))) {
				if (a.from() == null || !a.from().isBefore(this.day)) {
					throw new InvalidOperationException(index, op.op(), Text.of("whatif.stayNotEnded", a.member(), orgId, a.from(),
							this.day));
				}
				this.away.set(i, new AwayRecord(a.member(), a.org(), a.from(), this.day));
				ended++;
			}
		}
		return ended;
	}

	/** The day the copy plays on. */
	public java.time.LocalDate day() {
		return this.day;
	}

	/** Whether the org is a village's: set up in a VILLAGE unit of the copy. */
	boolean isVillageOrg(Org org) {
		return org.units().stream().anyMatch(this.villageUnits::contains);
	}

	/** Whether the dispatch is in the original, as it was. */
	boolean isOriginal(Dispatch dispatch) {
		return this.original.dispatches().contains(dispatch);
	}

	/** What the operations did so far, in English. */
	public List<String> changes() {
		return java.util.Collections.unmodifiableList(this.changes);
	}

	/** What the operations did so far, as texts to say in the request's language. */
	public List<Text> changeTexts() {
		return java.util.Collections.unmodifiableList(this.changeTexts);
	}

	/** Adds a line of what an operation did: a {@code change.*} key and its arguments. */
	void change(String key, Object... args) {
		Text text = Text.of(key, args);
		this.changeTexts.add(text);
		this.changes.add(Messages.bundled().say(text, Lang.EN));
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

	/** The id of the org each CREATE_ORG made ({@code new-<index>}), by the operation's index. */
	public Map<Integer, String> newOrgs() {
		return this.newOrgs;
	}

	boolean hasUnit(String id) {
		return this.unitIds.contains(id);
	}
	public void apply(int index, Operation op) {
		this.operations.apply(index, op);
	}

	/**
	 * Applies the operation after checking that every org it names ({@code org}, {@code orgs},
	 * {@code target}, and a member's own org for {@code member}) lies in {@code within}'s subtree
	 * as the copy stands; {@code within} null checks nothing.
	 * @throws InvalidOperationException naming the index, the org, and the nearest org whose
	 * subtree holds {@code within} and every org named
	 */
	public void apply(int index, Operation op, String within) {
		checkWithin(index, op, within);
		this.operations.apply(index, op);
	}

	private void checkWithin(int index, Operation op, String within) {
		if (within == null || op == null || op.op() == null || !this.orgs.containsKey(within)) {
			return;
		}
		// Org id -> the field naming it. Ids the copy lacks or hides are left to the operation's own
		// check, which answers them as unknown (an org outside the caller's scope is never named here).
		Map<String, String> named = new LinkedHashMap<>();
		if (op.org() != null) {
			named.putIfAbsent(op.org(), "org");
		}
		op.orgs().stream().filter((id) -> id != null).forEach((id) -> named.putIfAbsent(id, "orgs"));
		if (op.target() != null) {
			named.putIfAbsent(op.target(), "target");
		}
		Member member = (op.member() != null && !this.hiddenMembers.contains(op.member()))
				? this.members.get(op.member()) : null;
		if (member != null && member.org() != null) {
			named.putIfAbsent(member.org(), "member");
		}
		named.keySet().removeIf((id) -> this.hiddenOrgs.contains(id) || !this.orgs.containsKey(id));
		for (Map.Entry<String, String> entry : named.entrySet()) {
			String id = entry.getKey();
			if (isUnder(id, within)) {
				continue;
			}
			Text what = "member".equals(entry.getValue())
					? Text.of("whatif.outside.membersOrg", member.id(), id, nameOf(id))
					: Text.of("whatif.outside.org", entry.getValue(), id, nameOf(id));
			String holder = holderOf(within, named.keySet());
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.outside", what, within,
					nameOf(within), (holder != null) ? Text.of("whatif.outside.holder", holder, nameOf(holder))
							: Text.of("whatif.outside.noHolder")));
		}
	}

	/** Whether the org is {@code ancestor} or lies below it through parent. */
	boolean isUnder(String orgId, String ancestor) {
		// Edges point from child to parent: an org's graph descendants are its ancestors in the tree.
		return orgId.equals(ancestor) || this.subordination.getDescendants(orgId).contains(ancestor);
	}

	/** The lowest common ancestor through parent of {@code start} and {@code others}, or null. */
	private String holderOf(String start, Iterable<String> others) {
		String at = start;
		for (int depth = 0; at != null && depth <= this.orgs.size(); depth++) {
			String candidate = at;
			boolean holdsAll = true;
			for (String other : others) {
				holdsAll &= isUnder(other, candidate);
			}
			if (holdsAll) {
				return candidate;
			}
			Org org = this.orgs.get(at);
			at = (org != null && org.parent() != null && this.orgs.containsKey(org.parent())) ? org.parent() : null;
		}
		return null;
	}

	void addOrg(Org org) {
		this.orgs.put(org.id(), org);
		this.subordination.addVertex(org.id());
		if (org.parent() != null && this.orgs.containsKey(org.parent())) {
			this.subordination.addEdge(org.id(), org.parent());
		}
		this.created.add(org.id());
	}

	void removeOrg(String id) {
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

	void reparent(Org org, String parent) {
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

	List<Org> childrenOf(String id) {
		return this.orgs.values().stream().filter((o) -> id.equals(o.parent())).toList();
	}

	String rootOf(String id) {
		String at = id;
		for (String ancestor : this.subordination.getDescendants(id)) {
			if (this.subordination.outDegreeOf(ancestor) == 0) {
				at = ancestor;
			}
		}
		return at;
	}

	Org org(int index, Operation op, String id, String field) {
		if (id == null) {
			throw new InvalidOperationException(index, op.op(), Text.of("problem.missing", field));
		}
		Org org = this.hiddenOrgs.contains(id) ? null : this.orgs.get(id);
		if (org == null) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.noOrg", field, id,
					this.dissolved.contains(id) ? Text.of("whatif.removedEarlier") : Text.plain("")));
		}
		return org;
	}

	/**
	 * The caller's own scope root stays where and what it is, and stays.
	 * @param done what would be done to it, the tail of a key {@code whatif.scopeRoot.*}: rekinded,
	 * mergedAway, moved or dissolved
	 */
	void keepScopeRoot(int index, Operation op, String orgId, String field, String done) {
		if (this.scopeRoot != null && this.scopeRoot.equals(orgId)) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.scopeRoot." + done, field, orgId));
		}
	}

	Member member(int index, Operation op) {
		if (op.member() == null) {
			throw new InvalidOperationException(index, op.op(), Text.of("problem.missing", "member"));
		}
		Member member = this.hiddenMembers.contains(op.member()) ? null : this.members.get(op.member());
		if (member == null) {
			throw new InvalidOperationException(index, op.op(), Text.of("whatif.noMember", op.member()));
		}
		return member;
	}
	String freshId(String wanted) {
		String id = wanted;
		for (int n = 2; this.orgs.containsKey(id) || this.dissolved.contains(id) || this.members.containsKey(id)
				|| this.unitIds.contains(id); n++) {
			id = wanted + "-" + n;
		}
		return id;
	}

	String nameOf(String orgId) {
		Org org = (orgId != null) ? this.orgs.get(orgId) : null;
		return (org != null) ? org.name() : String.valueOf(orgId);
	}

}
