package org.partygraph.queries.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.write.Events;

import tools.jackson.databind.json.JsonMapper;

/**
 * The stored structure as it stood at the end of a day, rebuilt from the current graph by undoing
 * the event log (docs/graph-model.md, "The event log"): read the present state of the scope's
 * tree(s) with {@link DatasetExporter}'s reads, then undo every event dated after the day, newest
 * first by {@code (on, recordedAt, seq)}, in memory. Read only; one read transaction per rebuild.
 *
 * <p>
 * <b>What is read.</b> For a scope org, the whole tree it belongs to today (the county), widened to
 * the trees linked to it: by today's co-management, participation and offices, and by a MOVED,
 * CO_MANAGER or TRANSFERRED event after the day (an org moved out of the county after the day was
 * in it then); see {@link #readTrees}. Then the orgs dissolved after the day (from their DISSOLVED
 * events), the members named by events after the day about those orgs or kept in a dissolution's
 * state, and the units the past orgs and members point at. For no scope, everything. The undo then
 * works on this larger read, and the caller cuts the scope's subtree as it stood on the day
 * ({@link Past#structure()}, {@link Past#subtree}).
 *
 * <p>
 * <b>Imports.</b> Items of a dataset whose first IMPORTED event is after the day did not exist then
 * and are left out. A re-import after the day replaces what it brought without per-item events, so
 * the items of a dataset re-imported after the day read as re-imported (documented limit).
 *
 * <p>
 * <b>Cache.</b> The last {@value #CACHE_SIZE} rebuilds are kept per (scope, day, event-log marker,
 * {@link EventLogMarker}): the number of events and the id of the newest by
 * {@code (on, recordedAt, seq)}. The log is only appended to, and every change of the structure
 * writes an event, so a repeated read of a day costs one marker query until something changes
 * (the first-secretary suggestions keep their input by the same marker). Under it, the last
 * {@value #BASES} present-state reads are kept per (scope, marker), each read as for a day before
 * every event (the trees every MOVED event links, the members every event names) with the whole
 * log: the first read of another day copies it and undoes that day's later events in memory,
 * without reading the county again.
 *
 * <p>
 * <b>After a change.</b> The first read after the log grew brings the scope's kept present state up
 * to date instead of reading the county again: the new events are read, and the orgs and members
 * they are about (and, for a dissolution, whatever linked to the dissolved org) are read anew into
 * a copy ({@link #advanced}). It reads everything again when that could answer differently: an
 * import among the new events, the scope's own org dissolved, or an org or member whose links now
 * reach outside the trees read.
 */
public final class PastStructure {

	/** How many rebuilt structures are kept. */
	public static final int CACHE_SIZE = 16;

	/** Before this day (the party's founding) nothing can be asked for. */
	public static final LocalDate EARLIEST = LocalDate.of(1921, 7, 1);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String EVENT_ROW = """
			RETURN e.id AS id, e.kind AS kind, e.on AS on, e.recordedAt AS recordedAt, e.seq AS seq, e.org AS org,
			  e.other AS other, e.member AS member, e.before AS before, e.after AS after
			ORDER BY e.on DESC, e.recordedAt DESC, e.seq DESC, e.id DESC
			""";

	private static final String EVENTS_AFTER = """
			MATCH (e:Event) WHERE e.on > $day
			""" + EVENT_ROW;

	// Events recorded since a moment: those a kept present state has not seen are among them. A
	// write still open when the state was read started at most the database timeout before it (an
	// event's recordedAt is its transaction's start), so $since is the newest seen less that margin;
	// an import (no timeout) that started earlier is missed here, which the count check then sees.
	private static final String EVENTS_RECORDED_SINCE = """
			MATCH (e:Event) WHERE e.recordedAt >= $since
			""" + EVENT_ROW;


	private static final String FIRST_IMPORTS = """
			MATCH (e:Event) WHERE e.imported IS NOT NULL
			RETURN e.imported AS dataset, min(e.on) AS first
			""";

	private static final String ITEMS_OF_DATASETS = """
			MATCH (o:Org) WHERE o.dataset IN $datasets RETURN o.id AS id
			UNION
			MATCH (m:Member) WHERE m.dataset IN $datasets RETURN m.id AS id
			UNION
			MATCH (u:Unit) WHERE u.dataset IN $datasets RETURN u.id AS id
			""";

	private final Driver driver;

	private final Map<Key, Past> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Past> eldest) {
			return size() > CACHE_SIZE;
		}

	};

	/** How many present-state reads are kept, one per scope root, to undo any day from. */
	public static final int BASES = 4;

	/**
	 * The present state read for a root, with everything any day's undo needs, per (root, marker):
	 * a new day then costs the undo in memory, not a read of the county.
	 */
	private final Map<Key, Base> bases = new LinkedHashMap<>(BASES, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Base> eldest) {
			return size() > BASES;
		}

	};

	private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();

	private final java.util.concurrent.atomic.AtomicLong advances = new java.util.concurrent.atomic.AtomicLong();

	/** How far before the newest event a kept state saw the events recorded since are looked for. */
	private final java.time.Duration margin;

	/** With the default database timeout as the margin of {@link #advanced}'s look-back. */
	public PastStructure(Driver driver) {
		this(driver, org.partygraph.queries.limits.TimeLimitedDriver.DEFAULT_TIMEOUT);
	}

	/**
	 * {@code writeTimeout} is the longest a write transaction can stay open (the database timeout
	 * writes run under): a state brought up to date looks that far back for events it has not seen.
	 */
	public PastStructure(Driver driver, java.time.Duration writeTimeout) {
		this.driver = driver;
		this.margin = writeTimeout.plusMinutes(1); // and clocks a little apart in a cluster
	}

	/**
	 * The structure at the end of {@code day}: for {@code rootOrgId}, the tree(s) around it as they
	 * stood then; for {@code null}, everything. Cached (see the class comment).
	 */
	public Past asOf(String rootOrgId, LocalDate day) {
		Objects.requireNonNull(day, "day");
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> {
				String marker = EventLogMarker.read(tx);
				Key key = new Key(rootOrgId, day, marker);
				synchronized (this.cache) {
					Past cached = this.cache.get(key);
					if (cached != null) {
						return cached;
					}
				}
				Key baseKey = new Key(rootOrgId, null, marker);
				Base base;
				Base earlier = null;
				synchronized (this.bases) {
					base = this.bases.get(baseKey);
					if (base == null) {
						for (Map.Entry<Key, Base> kept : this.bases.entrySet()) {
							if (Objects.equals(kept.getKey().root(), rootOrgId)) {
								earlier = kept.getValue(); // the most recently used last
							}
						}
					}
				}
				if (base == null) {
					base = (earlier != null) ? advanced(tx, earlier, rootOrgId, count(marker), this.margin) : null;
					if (base != null) {
						this.advances.incrementAndGet();
					}
					else {
						base = base(tx, rootOrgId);
						this.reads.incrementAndGet();
					}
					synchronized (this.bases) {
						// The root's older state is of no more use: the log only grows.
						this.bases.keySet().removeIf((k) -> Objects.equals(k.root(), rootOrgId));
						this.bases.put(baseKey, base);
					}
				}
				Past past = rebuild(tx, base, rootOrgId, day);
				synchronized (this.cache) {
					this.cache.put(key, past);
				}
				return past;
			});
		}
	}

	// The nearest org of today's tree an org hangs in: itself, or up the parents it had when dissolved.
	private static final String ANCHOR = """
			OPTIONAL MATCH (o:Org {id: $id})
			OPTIONAL MATCH (d:DissolvedOrg {id: $id})
			OPTIONAL MATCH (o)-[:SUBORDINATE_TO*0..]->(top:Org) WHERE NOT (top)-[:SUBORDINATE_TO]->(:Org)
			RETURN top.id AS top, d.lastParent AS lastParent
			""";

	// What moved a member's membership after the day, newest first.
	private static final String MEMBER_EVENTS_AFTER = """
			OPTIONAL MATCH (m:Member {id: $id})-[:MEMBER_OF]->(o:Org)
			WITH o.id AS org
			OPTIONAL MATCH (e:Event {member: $id})
			WHERE e.on > $day AND e.kind IN ['TRANSFERRED', 'MEMBER_ADDED', 'MEMBER_REMOVED', 'CANDIDATE_ADMITTED']
			WITH org, e ORDER BY e.on DESC, e.recordedAt DESC, e.seq DESC
			RETURN org, collect([e.kind, e.before]) AS events
			""";

	/**
	 * The top org (the county) of today's tree that holds {@code orgId}, or, for an org dissolved
	 * since, the tree of the nearest live org among the parents it had when dissolved; {@code null}
	 * when none. One anchor per tree, so that reads of its orgs share one cached rebuild.
	 */
	public String anchor(String orgId) {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> anchor(tx, orgId));
		}
	}

	/** {@link #anchor(String)} inside a read transaction the caller holds. */
	public static String anchor(SimpleQueryRunner tx, String orgId) {
		String at = orgId;
		for (int i = 0; at != null && i < 64; i++) {
			Record r = tx.run(ANCHOR, Map.of("id", at)).single();
			if (!r.get("top").isNull()) {
				return r.get("top").asString();
			}
			at = r.get("lastParent").asString(null);
		}
		return null;
	}

	/**
	 * The top org of the tree that held the member's membership org on the day ({@link #anchor} of
	 * it), in one read transaction; {@code null} when the member was not a member then (or never was).
	 * That org is found from today's membership and the member's events after the day (transfers
	 * undone, an addition after the day: none, a removal after it: the org then). Only to choose what
	 * to rebuild: the rebuild itself decides what the member's day held.
	 */
	public String memberAnchor(String memberId, LocalDate day) {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> {
				String org = memberOrgOn(tx, memberId, day);
				return (org != null) ? anchor(tx, org) : null;
			});
		}
	}

	private static String memberOrgOn(SimpleQueryRunner tx, String memberId, LocalDate day) {
		Record r = tx.run(MEMBER_EVENTS_AFTER, Map.of("id", memberId, "day", day)).single();
		String org = r.get("org").asString(null);
		for (Value event : r.get("events").values()) {
			if (event.get(0).isNull()) {
				continue;
			}
			Value before = event.get(1);
			switch (event.get(0).asString()) {
				case "TRANSFERRED" -> org = before.isNull() ? null : before.asString();
				case "MEMBER_ADDED", "CANDIDATE_ADMITTED" -> org = null;
				case "MEMBER_REMOVED" -> org = before.isNull() ? null : string(state(before.asString()).get("org"));
				default -> {
				}
			}
		}
		return org;
	}

	/** How many present states were read whole (for tests and measurements). */
	public long reads() {
		return this.reads.get();
	}

	/** How many present states were brought up to date from a kept one (for tests and measurements). */
	public long advances() {
		return this.advances.get();
	}

	/** How many present states are kept: one per root at most, the one of the newest marker seen. */
	public int keptStates() {
		synchronized (this.bases) {
			return this.bases.size();
		}
	}

	/** How many rebuilds are cached (for tests and measurements). */
	public int cached() {
		synchronized (this.cache) {
			return this.cache.size();
		}
	}

	/**
	 * The present state of the root's tree(s) with every member and tree an undo of any day may
	 * need (read as for a day before every event), and every event, newest first.
	 */
	private record Base(Working read, Set<String> today, List<Event> events, Set<String> eventIds,
			java.time.ZonedDateTime newest) {

		Base(Working read, List<Event> events) {
			this(read, Set.copyOf(read.orgs.keySet()), List.copyOf(events),
					events.stream().map(Event::id).collect(java.util.stream.Collectors.toUnmodifiableSet()),
					events.stream()
						.map(Event::recordedAt)
						.filter(Objects::nonNull)
						.max(Comparator.naturalOrder())
						.orElse(null));
		}

		/** The events dated after the day: the newest ones, a prefix of the list. */
		List<Event> after(LocalDate day) {
			int n = 0;
			while (n < this.events.size() && this.events.get(n).on().isAfter(day)) {
				n++;
			}
			return this.events.subList(0, n);
		}

	}

	private static Base base(SimpleQueryRunner tx, String rootOrgId) {
		List<Event> events = tx.run(EVENTS_AFTER, Map.of("day", LocalDate.of(1, 1, 1))).list(Event::of);
		Working w = read(tx, rootOrgId, events);
		return new Base(w, events);
	}

	private static long count(String marker) {
		return Long.parseLong(marker.substring(0, marker.indexOf('/')));
	}

	/**
	 * The present state after the changes since {@code earlier} was read, without reading the county
	 * again: the orgs and members the new events are about read anew into a copy, the new events
	 * merged into the log. {@code null} (read it all) when that could differ from a whole read: the
	 * new events are not all found (the log holds {@code events} events in all), one imports,
	 * dissolves the root, is of a kind this version does not know, or touches an org or member whose
	 * links reach outside what the earlier read holds (a tree read then would be read now). A
	 * dissolved org leaves the copy, and whatever linked to it is read anew.
	 */
	private static Base advanced(SimpleQueryRunner tx, Base earlier, String rootOrgId, long events,
			java.time.Duration margin) {
		if (earlier.newest() == null) {
			return null;
		}
		Set<String> seen = earlier.eventIds();
		List<Event> fresh = tx.run(EVENTS_RECORDED_SINCE, Map.of("since", earlier.newest().minus(margin)))
			.list(Event::of)
			.stream()
			.filter((e) -> !seen.contains(e.id()))
			.toList();
		if (earlier.events().size() + fresh.size() != events) {
			return null;
		}
		Set<String> orgs = new HashSet<>();
		Set<String> members = new HashSet<>();
		Set<String> created = new HashSet<>();
		Set<String> dissolved = new HashSet<>();
		for (Event e : fresh) {
			if (e.kind() == Events.Kind.CREATED) {
				created.add(e.org());
			}
			if (e.kind() == Events.Kind.DISSOLVED) {
				dissolved.add(e.org());
			}
			if (e.kind() == null || e.kind() == Events.Kind.IMPORTED) {
				return null;
			}
			if (e.org() != null) {
				orgs.add(e.org());
			}
			if (e.member() != null) {
				members.add(e.member());
			}
			if (e.kind() == Events.Kind.CANDIDATE_ADMITTED) {
				if (e.other() != null) {
					members.add(e.other()); // the new member
				}
			}
			else if (e.other() != null) {
				orgs.add(e.other());
			}
			if (e.kind() == Events.Kind.MOVED) {
				Stream.of(string(e.before()), string(e.after())).filter(Objects::nonNull).forEach(orgs::add);
			}
		}
		Working w = earlier.read().copy();
		if (dissolved.contains(rootOrgId)) {
			return null;
		}
		// What linked to a dissolved org is read anew too: its children, the orgs it co-managed, its
		// members, group members, office holders and participants.
		if (!dissolved.isEmpty()) {
			for (Org o : w.orgs.values()) {
				if (dissolved.contains(o.parent()) || o.coManagedBy().stream().anyMatch(dissolved::contains)) {
					orgs.add(o.id());
				}
			}
			for (Member m : w.members.values()) {
				if (dissolved.contains(m.org()) || dissolved.contains(m.group())
						|| m.participatesIn().stream().anyMatch(dissolved::contains)
						|| m.roles().stream().anyMatch((r) -> dissolved.contains(r.org()))) {
					members.add(m.id());
				}
			}
		}
		// The orgs and members the events are about, read anew (created ones too).
		Map<String, Org> reread = new HashMap<>();
		DatasetExporter.orgs(tx, orgs).forEach((o) -> reread.put(o.id(), o));
		for (String id : orgs) {
			Org o = reread.get(id);
			if (o != null && !w.orgs.containsKey(id) && !created.contains(id)) {
				return null; // an org of another tree: the trees read now may differ
			}
			if (o != null) {
				w.orgs.put(id, o);
			}
			else if (dissolved.contains(id)) {
				w.orgs.remove(id);
			}
			else if (w.orgs.containsKey(id)) {
				return null; // an org of the read is gone without a DISSOLVED event
			}
			// else not an org of today (an id of a candidate, of an org dissolved before)
		}
		Set<String> found = new HashSet<>();
		for (Member m : DatasetExporter.members(tx, members)) {
			w.members.put(m.id(), m);
			found.add(m.id());
		}
		members.stream().filter((id) -> !found.contains(id)).forEach(w.members::remove);
		Set<String> known = w.orgs.keySet();
		for (String id : orgs) {
			Org o = w.orgs.get(id);
			if (o != null && ((o.parent() != null && !known.contains(o.parent()))
					|| !known.containsAll(o.coManagedBy()))) {
				return null;
			}
		}
		for (String id : members) {
			Member m = w.members.get(id);
			if (m != null && (!known.contains(m.org()) || (m.group() != null && !known.contains(m.group()))
					|| !known.containsAll(m.participatesIn())
					|| m.roles().stream().anyMatch((r) -> !known.contains(r.org())))) {
				return null;
			}
		}
		List<Event> all = new ArrayList<>(earlier.events());
		all.addAll(fresh);
		all.sort(Event.NEWEST_FIRST);
		return new Base(w, all);
	}

	private static Past rebuild(SimpleQueryRunner tx, Base base, String rootOrgId, LocalDate day) {
		Working w = base.read().copy();
		for (Event e : base.after(day)) {
			w.undo(e);
		}
		dropLateImports(tx, w, day);
		// Units the past orgs and members point at that the read did not bring.
		Set<String> missingUnits = new HashSet<>();
		w.orgs.values().forEach((o) -> o.units().stream().filter((u) -> !w.units.containsKey(u)).forEach(missingUnits::add));
		w.members.values()
			.stream()
			.filter((m) -> m.unit() != null && !w.units.containsKey(m.unit()))
			.forEach((m) -> missingUnits.add(m.unit()));
		if (!missingUnits.isEmpty()) {
			DatasetExporter.units(tx, missingUnits).forEach((u) -> w.units.putIfAbsent(u.id(), u));
		}
		Dataset dataset = DatasetExporter.closed(w.dataset());
		return new Past(day, rootOrgId, dataset, Structure.of(dataset), base.today());
	}

	/** The present state of the root's tree(s) (everything for null), with what undoing {@code events} needs. */
	private static Working read(SimpleQueryRunner tx, String rootOrgId, List<Event> events) {
		Working w = new Working();
		if (rootOrgId == null) {
			w.add(DatasetExporter.all(tx));
		}
		else {
			readTrees(tx, w, events, rootOrgId);
		}
		// Members an undo needs that the read did not bring (transferred in from elsewhere after the day).
		Set<String> relevantOrgs = new HashSet<>(w.orgs.keySet());
		for (Event e : events) {
			if (e.kind == Events.Kind.DISSOLVED) {
				relevantOrgs.add(e.org);
			}
		}
		Set<String> missingMembers = new HashSet<>();
		for (Event e : events) {
			if (e.member != null && !w.members.containsKey(e.member)
					&& (relevantOrgs.contains(e.org) || relevantOrgs.contains(e.other))) {
				missingMembers.add(e.member);
			}
			if (e.kind == Events.Kind.DISSOLVED && e.before instanceof String text) {
				Map<String, Object> state = state(text);
				for (String list : List.of("members", "groupMembers", "participants")) {
					strings(state.get(list)).stream().filter((m) -> !w.members.containsKey(m)).forEach(missingMembers::add);
				}
				for (Object holder : list(state.get("holders"))) {
					String m = (String) ((Map<?, ?>) holder).get("member");
					if (m != null && !w.members.containsKey(m)) {
						missingMembers.add(m);
					}
				}
			}
		}
		DatasetExporter.members(tx, missingMembers).forEach((m) -> w.members.put(m.id(), m));
		return w;
	}

	/**
	 * The tree of the root today, and the trees of the orgs a MOVED event after the day links to an
	 * org already read (repeated until no new tree comes, at most a few times).
	 */
	/**
	 * Reads the root's tree and every tree linked to what is read, until no new tree is linked (at
	 * most 8 rounds): the trees of a co-manager, of an org a member takes part in or holds an office
	 * in, and of an org co-managed by or with a participant from an org read (today's links), and the
	 * trees an event after any day links to an org read (a move's old and new parent, a co-manager
	 * added or removed, a transfer's other org). So an unscoped read of an org answers its relations
	 * across counties as today's read does, on any day.
	 */
	private static void readTrees(SimpleQueryRunner tx, Working w, List<Event> events, String rootOrgId) {
		Set<String> gone = new HashSet<>();
		events.stream().filter((e) -> e.kind == Events.Kind.DISSOLVED).forEach((e) -> gone.add(e.org));
		Set<String> asked = new HashSet<>();
		Set<String> wanted = new HashSet<>(List.of(rootOrgId));
		for (int round = 0; round < 8 && !wanted.isEmpty(); round++) {
			asked.addAll(wanted);
			Dataset trees = DatasetExporter.trees(tx, wanted);
			w.add(trees);
			Set<String> known = new HashSet<>(w.orgs.keySet());
			known.addAll(gone);
			known.addAll(linkedToday(tx, trees));
			// Events link trees: a dissolved org's parent at dissolution links it to the tree it was in.
			boolean grew = true;
			while (grew) {
				grew = false;
				for (Event e : events) {
					List<String> ends = ends(e);
					if (ends.stream().anyMatch(known::contains)) {
						for (String id : ends) {
							if (known.add(id)) {
								grew = true;
							}
						}
					}
				}
			}
			wanted = new HashSet<>();
			for (String id : known) {
				if (!w.orgs.containsKey(id) && !gone.contains(id) && !asked.contains(id)) {
					wanted.add(id);
				}
			}
		}
	}

	// The orgs outside some orgs that co-manage-link to them or have a member taking part in them.
	private static final String LINKED_TO = """
			UNWIND $ids AS id
			MATCH (o:Org {id: id})
			CALL (o) {
			  MATCH (o)<-[:CO_MANAGED_BY]-(x:Org) RETURN x.id AS linked
			  UNION
			  MATCH (o)<-[:PARTICIPATES_IN]-(:Member)-[:MEMBER_OF]->(x:Org) RETURN x.id AS linked
			}
			RETURN DISTINCT linked
			""";

	/** The org ids today's links of the trees just read point at, both ways. */
	private static Set<String> linkedToday(SimpleQueryRunner tx, Dataset trees) {
		Set<String> linked = new HashSet<>();
		trees.orgs().forEach((o) -> linked.addAll(o.coManagedBy()));
		for (Member m : trees.members()) {
			linked.add(m.org());
			linked.addAll(m.participatesIn());
			m.roles().forEach((r) -> linked.add(r.org()));
		}
		List<String> ids = trees.orgs().stream().map(Org::id).toList();
		if (!ids.isEmpty()) {
			tx.run(LINKED_TO, Map.of("ids", ids)).forEachRemaining((r) -> linked.add(r.get("linked").asString()));
		}
		linked.remove(null);
		return linked;
	}

	/** The orgs an event links (the org and the other one of a move, a co-management or a transfer). */
	private static List<String> ends(Event e) {
		if (e.kind == null) {
			return List.of();
		}
		List<String> ends = new ArrayList<>(4);
		switch (e.kind) {
			case MOVED -> {
				ends.add(e.org);
				ends.add(string(e.before));
				ends.add(string(e.after));
			}
			case CO_MANAGER_ADDED, CO_MANAGER_REMOVED, TRANSFERRED -> {
				ends.add(e.org);
				ends.add(e.other);
			}
			default -> {
			}
		}
		ends.removeIf(Objects::isNull);
		return ends;
	}

	private static void dropLateImports(SimpleQueryRunner tx, Working w, LocalDate day) {
		List<String> late = new ArrayList<>();
		for (Record r : tx.run(FIRST_IMPORTS).list()) {
			if (!r.get("first").isNull() && r.get("first").asLocalDate().isAfter(day)) {
				late.add(r.get("dataset").asString());
			}
		}
		if (late.isEmpty()) {
			return;
		}
		Set<String> ids = new HashSet<>(tx.run(ITEMS_OF_DATASETS, Map.of("datasets", late))
			.list((r) -> r.get("id").asString()));
		ids.addAll(w.lateRestored(late));
		w.orgs.keySet().removeAll(ids);
		w.members.keySet().removeAll(ids);
		w.units.keySet().removeAll(ids);
	}

	static Map<String, Object> state(String json) {
		@SuppressWarnings("unchecked")
		Map<String, Object> state = JSON.readValue(json, Map.class);
		return state;
	}

	static List<?> list(Object value) {
		return (value instanceof List<?> l) ? l : List.of();
	}

	static List<String> strings(Object value) {
		return list(value).stream().map(String::valueOf).toList();
	}

	static String string(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	/** One event of the log, as the undo reads it. */
	record Event(String id, Events.Kind kind, String rawKind, LocalDate on, java.time.ZonedDateTime recordedAt,
			long seq, String org, String other, String member, Object before, Object after) {

		/** The log's order, newest first: {@code (on, recordedAt, seq, id)} descending, as EVENT_ROW sorts. */
		static final Comparator<Event> NEWEST_FIRST = Comparator
			.comparing(Event::on, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
			.thenComparing((Event e) -> (e.recordedAt() != null) ? e.recordedAt().toInstant() : null,
					Comparator.nullsLast(Comparator.<java.time.Instant>naturalOrder()))
			.thenComparingLong(Event::seq)
			.thenComparing(Event::id, Comparator.nullsLast(Comparator.<String>naturalOrder()))
			.reversed();

		static Event of(Record r) {
			String kind = r.get("kind").asString();
			Events.Kind known = null;
			for (Events.Kind k : Events.Kind.values()) {
				if (k.name().equals(kind)) {
					known = k;
				}
			}
			return new Event(r.get("id").asString(null), known, kind, r.get("on").asLocalDate(null),
					r.get("recordedAt").isNull() ? null : r.get("recordedAt").asZonedDateTime(), r.get("seq").asLong(0),
					r.get("org").asString(null), r.get("other").asString(null), r.get("member").asString(null),
					object(r.get("before")), object(r.get("after")));
		}

		private static Object object(Value value) {
			return value.isNull() ? null : value.asObject();
		}

	}

	/** The items being rolled back, by id. */
	private static final class Working {

		final Map<String, Unit> units = new TreeMap<>();

		final Map<String, Org> orgs = new TreeMap<>();

		final Map<String, Member> members = new TreeMap<>();

		/** Orgs brought back from a DISSOLVED state, with the dataset it names. */
		private final Map<String, String> restoredDatasets = new LinkedHashMap<>();

		void add(Dataset dataset) {
			dataset.units().forEach((u) -> this.units.putIfAbsent(u.id(), u));
			dataset.orgs().forEach((o) -> this.orgs.putIfAbsent(o.id(), o));
			dataset.members().forEach((m) -> this.members.putIfAbsent(m.id(), m));
		}

		/** A copy to undo on: the maps copied, the (immutable) items shared. */
		Working copy() {
			Working copy = new Working();
			copy.units.putAll(this.units);
			copy.orgs.putAll(this.orgs);
			copy.members.putAll(this.members);
			copy.restoredDatasets.putAll(this.restoredDatasets);
			return copy;
		}

		Collection<String> lateRestored(List<String> late) {
			List<String> ids = new ArrayList<>();
			this.restoredDatasets.forEach((id, dataset) -> {
				if (late.contains(dataset)) {
					ids.add(id);
				}
			});
			return ids;
		}

		Dataset dataset() {
			return new Dataset("asOf", List.copyOf(this.units.values()), List.copyOf(this.orgs.values()),
					List.copyOf(this.members.values()));
		}

		/** Undoes one event on the items held; an event about items not held changes nothing. */
		void undo(Event e) {
			if (e.kind == null) {
				if (e.before == null && e.after == null) {
					return; // an event kind this version does not know, carrying no change
				}
				throw new IllegalStateException("asOf cannot undo events of kind " + e.rawKind
						+ " (they carry a change this version does not know)");
			}
			switch (e.kind) {
				case CREATED -> this.orgs.remove(e.org);
				case RENAMED -> org(e.org, (o) -> o.withName(string(e.before)));
				case MOVED -> org(e.org, (o) -> o.withParent(string(e.before)));
				case KIND_CHANGED -> org(e.org, (o) -> o.withKind(OrgKind.valueOf(string(e.before))));
				case CO_MANAGER_ADDED -> org(e.org, (o) -> o.withCoManagedBy(without(o.coManagedBy(), string(e.after))));
				case CO_MANAGER_REMOVED -> org(e.org, (o) -> o.withCoManagedBy(with(o.coManagedBy(), string(e.before))));
				case UNITS_CHANGED -> org(e.org, (o) -> o.withUnits(sorted(strings(e.before))));
				case TRADE_CHANGED -> org(e.org, (o) -> new Org(o.id(), o.kind(), o.name(), o.parent(), o.coManagedBy(),
						o.units(), (e.before != null) ? Trade.valueOf(string(e.before)) : null, o.hasCommittee(),
						o.electedOn()));
				case COMMITTEE_CHANGED -> org(e.org, (o) -> new Org(o.id(), o.kind(), o.name(), o.parent(),
						o.coManagedBy(), o.units(), o.trade(), (Boolean) e.before, o.electedOn()));
				case DISSOLVED -> restore(e);
				case MEMBER_ADDED -> this.members.remove(e.member);
				case MEMBER_UPDATED -> member(e.member, (m) -> updatedBack(m, e.before));
				case MEMBER_REMOVED -> restoreMember(e);
				case TRANSFERRED -> member(e.member, (m) -> m.withOrg(string(e.before)));
				case GROUP_CHANGED -> member(e.member, (m) -> m.withGroup(string(e.before)));
				case ROLE_ASSIGNED -> member(e.member, (m) -> m
					.withRoles(roles(m.roles().stream()
						.filter((r) -> !(r.org().equals(e.org) && r.role().name().equals(string(e.after))))
						.toList())));
				case ROLE_REMOVED -> member(e.member, (m) -> {
					List<RoleAssignment> roles = new ArrayList<>(m.roles());
					RoleAssignment role = new RoleAssignment(e.org, Role.valueOf(string(e.before)));
					if (!roles.contains(role)) {
						roles.add(role);
					}
					return m.withRoles(roles(roles));
				});
				case PARTICIPATION_CHANGED -> member(e.member, (m) -> m.withParticipatesIn(sorted(strings(e.before))));
				// The term's start goes back to the one before; its offices and committee are changed by
				// their own role and committee events.
				case ELECTED -> org(e.org, (o) -> o.withElectedOn((string(e.before) != null)
						? java.time.LocalDate.parse(string(e.before)) : null));
				// Dispatches and times away carry their own days (from, to), which every read of them compares with the
				// day asked; the structure the past reads rebuild does not hold them.
				case DISPATCHED, DISPATCH_ENDED, AWAY_RECORDED, AWAY_ENDED -> {
				}
				// Candidates carry the day each stage began, which the reads of the pipeline compare
				// with the day asked; an admission's member comes and goes with its MEMBER_ADDED.
				// A hand-on is kept on the candidate too (formerOrgs, formerUntil: Candidates.ORG_ON_DAY).
				case CANDIDATE_ADDED, CANDIDATE_ADVANCED, CANDIDATE_RECORDED, CANDIDATE_ADMITTED, CANDIDATE_MOVED -> {
				}
				// Imports are undone as a whole (dropLateImports).
				case IMPORTED -> {
				}
			}
		}

		/** A member with the properties a MEMBER_UPDATED event changed set back to their values before. */
		private static Member updatedBack(Member m, Object before) {
			if (!(before instanceof String text)) {
				return m;
			}
			Map<String, Object> b = state(text);
			java.util.function.Function<String, java.time.LocalDate> date = (key) -> (b.get(key) != null)
					? java.time.LocalDate.parse(string(b.get(key))) : null;
			return new Member(m.id(), b.containsKey("name") ? string(b.get("name")) : m.name(),
					b.containsKey("status") ? org.partygraph.model.MemberStatus.valueOf(string(b.get("status"))) : m.status(),
					m.org(), b.containsKey("unit") ? string(b.get("unit")) : m.unit(),
					b.containsKey("trade") ? ((b.get("trade") != null) ? Trade.valueOf(string(b.get("trade"))) : null)
							: m.trade(),
					b.containsKey("gender")
							? ((b.get("gender") != null) ? org.partygraph.model.Gender.valueOf(string(b.get("gender"))) : null)
							: m.gender(),
					b.containsKey("birthDate") ? date.apply("birthDate") : m.birthDate(),
					b.containsKey("joined") ? date.apply("joined") : m.joined(), m.idNumber(), m.phone(), m.group(),
					m.roles(), m.participatesIn(), m.probationSince(),
					b.containsKey("probationExtendedTo") ? date.apply("probationExtendedTo") : m.probationExtendedTo());
		}

		/** Brings a dissolved org back from the state its DISSOLVED event keeps, with the links it ended. */
		private void restore(Event e) {
			if (!(e.before instanceof String text)) {
				return;
			}
			Map<String, Object> s = state(text);
			String id = string(s.get("id"));
			if (id == null) {
				id = e.org;
			}
			Object trade = s.get("trade");
			Object committee = s.get("hasCommittee");
			this.orgs.put(id, new Org(id, OrgKind.valueOf(string(s.get("kind"))), string(s.get("name")),
					string(s.get("parent")), sorted(strings(s.get("coManagedBy"))), sorted(strings(s.get("units"))),
					(trade != null) ? Trade.valueOf(string(trade)) : null, (committee instanceof Boolean b) ? b : null,
					(s.get("electedOn") != null) ? java.time.LocalDate.parse(string(s.get("electedOn"))) : null));
			if (s.get("dataset") != null) {
				this.restoredDatasets.put(id, string(s.get("dataset")));
			}
			String orgId = id;
			for (Object holder : list(s.get("holders"))) {
				Map<?, ?> h = (Map<?, ?>) holder;
				member(string(h.get("member")), (m) -> {
					List<RoleAssignment> roles = new ArrayList<>(m.roles());
					RoleAssignment role = new RoleAssignment(orgId, Role.valueOf(string(h.get("role"))));
					if (!roles.contains(role)) {
						roles.add(role);
					}
					return m.withRoles(roles(roles));
				});
			}
			for (String coManaged : strings(s.get("coManages"))) {
				org(coManaged, (o) -> o.withCoManagedBy(with(o.coManagedBy(), orgId)));
			}
			for (String member : strings(s.get("groupMembers"))) {
				member(member, (m) -> m.withGroup(orgId));
			}
			for (String member : strings(s.get("participants"))) {
				member(member, (m) -> m.withParticipatesIn(sorted(with(m.participatesIn(), orgId))));
			}
		}

		/**
		 * Brings a removed member back from the state its MEMBER_REMOVED event keeps, when its org is
		 * among the orgs read (an org dissolved later was restored before, as later events are undone
		 * first).
		 */
		private void restoreMember(Event e) {
			if (!(e.before instanceof String text)) {
				return;
			}
			Map<String, Object> s = state(text);
			String id = (s.get("id") != null) ? string(s.get("id")) : e.member;
			String orgId = string(s.get("org"));
			if (id == null || orgId == null || !this.orgs.containsKey(orgId)) {
				return;
			}
			java.util.function.Function<String, java.time.LocalDate> date = (key) -> (s.get(key) != null)
					? java.time.LocalDate.parse(string(s.get(key))) : null;
			List<RoleAssignment> roles = new ArrayList<>();
			for (Object r : list(s.get("roles"))) {
				Map<?, ?> role = (Map<?, ?>) r;
				roles.add(new RoleAssignment(string(role.get("org")), Role.valueOf(string(role.get("role")))));
			}
			this.members.put(id, new Member(id, string(s.get("name")),
					org.partygraph.model.MemberStatus.valueOf(string(s.get("status"))), orgId, string(s.get("unit")),
					(s.get("trade") != null) ? Trade.valueOf(string(s.get("trade"))) : null,
					(s.get("gender") != null) ? org.partygraph.model.Gender.valueOf(string(s.get("gender"))) : null,
					date.apply("birthDate"), date.apply("joined"), null, null, string(s.get("group")), roles(roles),
					sorted(strings(s.get("participatesIn"))), date.apply("probationSince"),
					date.apply("probationExtendedTo")));
		}

		private void org(String id, java.util.function.UnaryOperator<Org> change) {
			Org org = (id != null) ? this.orgs.get(id) : null;
			if (org != null) {
				this.orgs.put(id, change.apply(org));
			}
		}

		private void member(String id, java.util.function.UnaryOperator<Member> change) {
			Member member = (id != null) ? this.members.get(id) : null;
			if (member != null) {
				this.members.put(id, change.apply(member));
			}
		}

		private static List<String> without(List<String> list, String id) {
			return list.stream().filter((x) -> !x.equals(id)).toList();
		}

		private static List<String> with(List<String> list, String id) {
			if (id == null || list.contains(id)) {
				return list;
			}
			List<String> result = new ArrayList<>(list);
			result.add(id);
			return sorted(result);
		}

		private static List<String> sorted(List<String> list) {
			return list.stream().sorted().toList();
		}

		private static List<RoleAssignment> roles(List<RoleAssignment> roles) {
			return roles.stream().sorted(Comparator.comparing((RoleAssignment a) -> a.org() + a.role())).toList();
		}

	}

	private record Key(String root, LocalDate day, String marker) {
	}

}
