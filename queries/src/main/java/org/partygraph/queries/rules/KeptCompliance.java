package org.partygraph.queries.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.history.EventLogWatch;
import org.partygraph.queries.history.PastStructure;

/**
 * Today's rule breaks, kept current tree by tree (county by county) instead of checked anew on
 * every read: the compliance query's answer over a whole province reads the kept answers of the
 * trees nothing has changed in, and checks again only the trees a change touched since.
 *
 * <p>
 * <b>What a change touches.</b> Every write path records its events in its own transaction
 * ({@code Events}), so the event log is where every change shows ({@link EventLogWatch}). An event
 * touches the trees that hold the orgs it names ({@code org}, {@code other}, a MOVED event's old and
 * new parent, the orgs in a participation or group change) and those the member it names belongs
 * to, holds an office in, is grouped in or takes part in; a dissolved org is found in the tree of
 * the nearest live org among its last parents ({@link PastStructure#anchor}). An import, an event
 * whose org cannot be placed, the first read and a read that cannot tell what it missed all check
 * every tree again. So does a new day: the term and probation rules judge against today.
 *
 * <p>
 * <b>Each tree is checked whole</b> (every org, every rule), as {@link ComplianceQueries} checks a
 * county, and a read within an org cuts the org's subtree out of its tree's answer; so a read within
 * an org and one of its whole tree never disagree about that org. A rule judged at an org looks at
 * its tree only (a snapshot leaves out whatever lies in another tree), which is why a tree is the
 * unit that is kept.
 *
 * <p>
 * <b>Consistency.</b> A tree is checked from a snapshot read after the look that found it missing,
 * so the answer is at least as new as that look; a change committed meanwhile is seen by the next
 * look, which puts the tree aside again. An answer is kept only when no look put its tree aside
 * while it was being checked.
 */
public final class KeptCompliance {

	private static final String ROOT_OF = """
			MATCH (:Org {id: $within})-[:SUBORDINATE_TO*0..]->(top:Org)
			WHERE NOT (top)-[:SUBORDINATE_TO]->(:Org)
			RETURN top.id AS root
			""";

	private static final String ROOTS = """
			MATCH (o:Org)
			WHERE NOT (o)-[:SUBORDINATE_TO]->(:Org)
			RETURN o.id AS id
			ORDER BY id
			""";

	// The trees the items are in: an org's own, and for a member those of the orgs it is a member
	// of, holds an office in, is grouped in or takes part in.
	private static final String TREES_OF = """
			UNWIND $ids AS id
			CALL (id) {
			  MATCH (o:Org {id: id}) RETURN o
			  UNION
			  MATCH (:Member {id: id})-[:MEMBER_OF|HOLDS|IN_GROUP|PARTICIPATES_IN]->(o:Org) RETURN o
			}
			MATCH (o)-[:SUBORDINATE_TO*0..]->(top:Org)
			WHERE NOT (top)-[:SUBORDINATE_TO]->(:Org)
			RETURN id, collect(DISTINCT top.id) AS roots
			""";

	// Event kinds after which the roots are read again: they make, move or remove orgs.
	private static final Set<String> TREE_CHANGES = Set.of("CREATED", "MOVED", "DISSOLVED", "IMPORTED");

	private final Driver driver;

	private final ComplianceQueries compliance;

	private final EventLogWatch watch;

	private final Object lock = new Object();

	// Guarded by lock.
	private final Map<String, ComplianceQueries.Tree> trees = new HashMap<>();

	// Guarded by lock: per root, the version at which it was last put aside; and when all were.
	private final Map<String, Long> putAside = new HashMap<>();

	private long version;

	private long allPutAside;

	private LocalDate day;

	private List<String> roots;

	/** How many trees keep the snapshot they were checked on, to be brought up to date. */
	static final int BASES = 8;

	// Guarded by lock: the snapshots of the trees last checked because a change touched them, the
	// least recently used first; and per root, the items named by the events since its snapshot.
	private final Map<String, Dataset> bases = new java.util.LinkedHashMap<>(BASES, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Dataset> eldest) {
			return size() > BASES;
		}

	};

	private final Map<String, Pending> pending = new HashMap<>();

	private final AtomicLong checked = new AtomicLong();

	private volatile boolean warmedUp;

	private static final Set<Rule> ALL_RULES = EnumSet.allOf(Rule.class);

	private final AtomicLong broughtUpToDate = new AtomicLong();

	/**
	 * @param writeTimeout the longest a write transaction stays open (the database timeout), for the
	 * look-back over the event log ({@link EventLogWatch})
	 */
	public KeptCompliance(Driver driver, ComplianceQueries compliance, java.time.Duration writeTimeout) {
		this.driver = Objects.requireNonNull(driver, "driver");
		this.compliance = Objects.requireNonNull(compliance, "compliance");
		this.watch = new EventLogWatch(writeTimeout);
	}

	/**
	 * Every break of the given rules (all when empty) in {@code withinOrgId}'s subtree, or
	 * everywhere when it is null, as {@link ComplianceQueries#issues(String, Set)} answers it.
	 * @return the issues, or {@code null} when no org has id {@code withinOrgId}
	 */
	public List<ComplianceIssue> issues(String withinOrgId, Set<Rule> rules) {
		Set<Rule> wanted = (rules == null || rules.isEmpty()) ? EnumSet.allOf(Rule.class) : rules;
		Seen seen = look(withinOrgId);
		if (seen.roots().isEmpty()) {
			return (withinOrgId == null) ? List.of() : null;
		}
		Map<String, ComplianceQueries.Tree> answers = new HashMap<>();
		List<String> missing = new ArrayList<>();
		synchronized (this.lock) {
			for (String root : seen.roots()) {
				ComplianceQueries.Tree tree = this.trees.get(root);
				if (tree != null) {
					answers.put(root, tree);
				}
				else {
					missing.add(root);
				}
			}
		}
		if (!missing.isEmpty()) {
			List<ComplianceQueries.Tree> fresh = this.compliance.perTree(missing, this::check);
			synchronized (this.lock) {
				for (int i = 0; i < missing.size(); i++) {
					String root = missing.get(i);
					ComplianceQueries.Tree tree = fresh.get(i);
					if (tree == null) {
						continue; // the root went since the look
					}
					answers.put(root, tree);
					if (this.allPutAside <= seen.version() && this.putAside.getOrDefault(root, 0L) <= seen.version()
							&& Objects.equals(this.day, seen.day())) {
						this.trees.put(root, new ComplianceQueries.Tree(tree.issues(), tree.parents(), null));
						// A tree a change touched is likely to be changed again: its snapshot is kept.
						if (this.pending.remove(root) != null || this.bases.containsKey(root)) {
							this.bases.put(root, tree.snapshot());
						}
					}
				}
			}
			this.checked.addAndGet(missing.size());
		}
		List<ComplianceIssue> all = new ArrayList<>();
		for (String root : seen.roots()) {
			ComplianceQueries.Tree tree = answers.get(root);
			if (tree == null) {
				continue;
			}
			for (ComplianceIssue issue : tree.issues()) {
				if (wanted.contains(issue.rule())
						&& (withinOrgId == null || tree.isUnder(issue.orgId(), withinOrgId))) {
					all.add(issue);
				}
			}
		}
		return all;
	}

	/**
	 * A tree's issues: on its kept snapshot brought up to date with the items the events since named,
	 * when it has one and that is sound; else on a snapshot read whole.
	 */
	private ComplianceQueries.Tree check(String root) {
		Dataset base;
		Pending since;
		synchronized (this.lock) {
			base = this.bases.get(root);
			Pending p = this.pending.get(root);
			since = (p != null) ? p.copy() : null;
		}
		if (base != null && since != null) {
			Dataset patched;
			try (Session session = this.driver.session()) {
				patched = session.executeRead((tx) -> patched(tx, root, base, since));
			}
			if (patched != null) {
				this.broughtUpToDate.incrementAndGet();
				return this.compliance.tree(root, patched);
			}
		}
		return this.compliance.tree(root);
	}

	/**
	 * The tree's snapshot with the orgs and members the events since named read anew (an org gone
	 * from the graph was dissolved; a member gone was removed); {@code null} when the result could
	 * differ from a snapshot read whole: an org that came into the tree other than by being created
	 * in it (its subtree would be missing), one that left it, one set up in a unit the snapshot does
	 * not hold, or a member or org no longer hanging in the tree.
	 */
	private static Dataset patched(SimpleQueryRunner tx, String root, Dataset base, Pending since) {
		java.util.TreeMap<String, Org> orgs = new java.util.TreeMap<>();
		base.orgs().forEach((o) -> orgs.put(o.id(), o));
		java.util.TreeMap<String, Member> members = new java.util.TreeMap<>();
		base.members().forEach((m) -> members.put(m.id(), m));
		Set<String> units = new HashSet<>();
		base.units().forEach((u) -> units.add(u.id()));
		List<Org> orgsNow = DatasetExporter.orgs(tx, since.ids());
		Set<String> found = new HashSet<>();
		orgsNow.forEach((o) -> found.add(o.id()));
		since.ids().stream().filter((id) -> !found.contains(id)).forEach(orgs::remove);
		List<Org> outside = new ArrayList<>();
		for (Org o : orgsNow) {
			if (orgs.containsKey(o.id())) {
				orgs.put(o.id(), o);
			}
			else {
				outside.add(o);
			}
		}
		// Orgs created in the tree, parents before children; any other org hanging in it came in.
		boolean grew = true;
		while (grew) {
			grew = false;
			for (java.util.Iterator<Org> it = outside.iterator(); it.hasNext();) {
				Org o = it.next();
				if (o.parent() != null && orgs.containsKey(o.parent())) {
					if (!since.created().contains(o.id())) {
						return null;
					}
					orgs.put(o.id(), o);
					it.remove();
					grew = true;
				}
			}
		}
		for (Org o : orgs.values()) {
			boolean hangs = o.id().equals(root) ? o.parent() == null : orgs.containsKey(o.parent());
			if (!hangs || !units.containsAll(o.units())) {
				return null;
			}
		}
		List<Member> membersNow = DatasetExporter.members(tx, since.ids());
		Set<String> foundMembers = new HashSet<>();
		membersNow.forEach((m) -> foundMembers.add(m.id()));
		since.ids().stream().filter((id) -> !foundMembers.contains(id)).forEach(members::remove);
		membersNow.forEach((m) -> members.put(m.id(), m));
		for (java.util.Iterator<Member> it = members.values().iterator(); it.hasNext();) {
			Member m = it.next();
			boolean inside = orgs.containsKey(m.org());
			boolean holds = m.roles().stream().anyMatch((r) -> orgs.containsKey(r.org()));
			if (!inside && !holds) {
				if (foundMembers.contains(m.id())) {
					it.remove(); // read anew: it left the tree
				}
				else {
					return null; // its org went, and no event named it
				}
			}
		}
		return DatasetExporter.closed(new Dataset(base.name(), base.units(), List.copyOf(orgs.values()),
				List.copyOf(members.values())));
	}

	/**
	 * Checks every tree once (a whole read), so that the reads after answer from what is kept: for
	 * a service's start.
	 * @return how many trees (counties) there are
	 */
	public int warmUp() {
		issues(null, ALL_RULES);
		int trees;
		synchronized (this.lock) {
			trees = (this.roots != null) ? this.roots.size() : this.trees.size();
		}
		this.warmedUp = true;
		return trees;
	}

	/** Whether {@link #warmUp} has run to its end. */
	public boolean warmedUp() {
		return this.warmedUp;
	}

	/** How many trees were brought up to date from a kept snapshot (for tests and measurements). */
	public long treesBroughtUpToDate() {
		return this.broughtUpToDate.get();
	}

	/** How many trees were checked anew since this was made (for tests and measurements). */
	public long treesChecked() {
		return this.checked.get();
	}

	/** The thresholds the rules judge by. */
	public RuleThresholds thresholds() {
		return this.compliance.thresholds();
	}

	/**
	 * One look at the log, and the roots to answer from: the tree holding {@code withinOrgId}, or
	 * every tree. Trees the new events touch are put aside before the answer is put together.
	 */
	private Seen look(String withinOrgId) {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> {
				EventLogWatch.Look look = this.watch.look(tx);
				Map<String, Pending> touched = look.everything() ? null : touched(tx, look.events());
				boolean treesChanged = look.everything()
						|| look.events().stream().anyMatch((e) -> TREE_CHANGES.contains(e.kind()));
				LocalDate today = this.compliance.today();
				long version;
				List<String> roots;
				synchronized (this.lock) {
					version = ++this.version;
					if (touched == null || !today.equals(this.day)) {
						this.trees.clear();
						this.putAside.clear();
						this.bases.clear();
						this.pending.clear();
						this.allPutAside = version;
						this.day = today;
					}
					else {
						for (Map.Entry<String, Pending> t : touched.entrySet()) {
							this.trees.remove(t.getKey());
							this.putAside.put(t.getKey(), version);
							// Only a tree with a kept snapshot needs the items named; for any other, the mark
							// that a change touched it (so that its next check keeps its snapshot).
							if (this.bases.containsKey(t.getKey())) {
								this.pending.merge(t.getKey(), t.getValue(), Pending::plus);
							}
							else {
								this.pending.put(t.getKey(), Pending.NONE);
							}
						}
					}
					if (treesChanged || this.roots == null) {
						this.roots = null;
					}
					roots = this.roots;
				}
				if (roots == null && withinOrgId == null) {
					roots = tx.run(ROOTS).list((r) -> r.get("id").asString());
					synchronized (this.lock) {
						if (this.version == version) {
							this.roots = roots;
						}
					}
				}
				if (withinOrgId != null) {
					roots = tx.run(ROOT_OF, Map.of("within", withinOrgId)).list((r) -> r.get("root").asString());
				}
				return new Seen(version, today, roots);
			});
		}
	}

	/**
	 * The trees the events touch, each with the items (org and member ids) the events touching it
	 * name; {@code null} when one cannot be placed (an import, or an org found neither live nor
	 * dissolved).
	 */
	private static Map<String, Pending> touched(SimpleQueryRunner tx, List<EventLogWatch.Event> events) {
		Set<String> placed = new HashSet<>(); // must be placed in a tree
		Set<String> ids = new HashSet<>(); // placed if they are items at all
		for (EventLogWatch.Event e : events) {
			if (e.kind() == null || "IMPORTED".equals(e.kind())) {
				return null;
			}
			if (e.org() == null && e.other() == null && e.member() == null) {
				return null;
			}
			add(placed, e.org());
			add(placed, e.other());
			ids.addAll(named(e));
		}
		Map<String, Set<String>> rootsOf = new HashMap<>();
		tx.run(TREES_OF, Map.of("ids", List.copyOf(ids))).forEachRemaining((r) -> rootsOf
			.computeIfAbsent(r.get("id").asString(), (k) -> new HashSet<>())
			.addAll(r.get("roots").asList((v) -> v.asString())));
		for (String id : placed) {
			if (!rootsOf.containsKey(id)) {
				String anchor = PastStructure.anchor(tx, id); // a dissolved org: the tree it was in
				if (anchor == null) {
					return null;
				}
				rootsOf.put(id, Set.of(anchor));
			}
		}
		Map<String, Pending> touched = new HashMap<>();
		for (EventLogWatch.Event e : events) {
			Set<String> named = named(e);
			Set<String> created = "CREATED".equals(e.kind()) ? Set.of(e.org()) : Set.of();
			for (String id : named) {
				for (String root : rootsOf.getOrDefault(id, Set.of())) {
					touched.merge(root, new Pending(named, created), Pending::plus);
				}
			}
		}
		return touched;
	}

	// The org and member ids an event names.
	private static Set<String> named(EventLogWatch.Event e) {
		Set<String> ids = new HashSet<>();
		add(ids, e.org());
		add(ids, e.other());
		add(ids, e.member());
		ids.addAll(e.before());
		ids.addAll(e.after());
		return ids;
	}

	private static void add(Set<String> ids, String id) {
		if (id != null) {
			ids.add(id);
		}
	}

	/**
	 * The items the events since a tree's kept snapshot named, and those of them created since.
	 */
	private record Pending(Set<String> ids, Set<String> created) {

		static final Pending NONE = new Pending(Set.of(), Set.of());

		Pending plus(Pending other) {
			Set<String> allIds = new HashSet<>(this.ids);
			allIds.addAll(other.ids);
			Set<String> allCreated = new HashSet<>(this.created);
			allCreated.addAll(other.created);
			return new Pending(allIds, allCreated);
		}

		Pending copy() {
			return new Pending(Set.copyOf(this.ids), Set.copyOf(this.created));
		}

	}

	/** What a look found: its version, the day the rules judge by and the roots to answer from. */
	private record Seen(long version, LocalDate day, List<String> roots) {
	}

}
