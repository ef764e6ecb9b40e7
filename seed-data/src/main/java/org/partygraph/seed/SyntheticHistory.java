package org.partygraph.seed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.history.History;
import org.partygraph.model.history.HistoryEvent;
import org.partygraph.model.history.HistoryTransfer;

/**
 * Several years of plausible history leading to a dataset as it stands (issue #18: benchmarks need
 * history to read): the event log a store would hold had the dataset been imported {@code years}
 * ago and changed since, in the history file's form ({@link History}, docs/dataset-format.md
 * "History file"). Each year about 10% of the orgs change (renamed between their formal and short
 * names, a branch moved from a sibling parent of the same kind, a co-manager of today added) and
 * about 5% of the members are transferred from a sibling org of the same kind. Every change is
 * chained backwards from today's value, so undoing the events from today gives a sound structure on
 * any day: each item's events follow one another (the value after one is the value before the
 * next, the last one's is today's), only childless orgs move (no cycle can form), and party groups,
 * their members and office holders stay put. Deterministic for a seed.
 *
 * <p>
 * Feed it the orgs and members as they are generated ({@link #org}, {@link #member}: it keeps ids
 * and parents only, so a province fits), then ask for {@link #history}.
 */
public final class SyntheticHistory {

	/** The share of the orgs changed per year. */
	public static final double ORGS_PER_YEAR = 0.10;

	/** The share of the members transferred per year. */
	public static final double MEMBERS_PER_YEAR = 0.05;

	private final int years;

	private final LocalDate today;

	private final long seed;

	private final List<Org> orgs = new ArrayList<>();

	private final Set<String> parents = new HashSet<>();

	/** Members that may move: id and org (no group, no office). */
	private final List<String[]> movable = new ArrayList<>();

	private long members;

	/**
	 * @param years how far back the import is dated (1 or more)
	 * @param today the day the dataset stands as it is; the events fall after {@code today - years}
	 * up to it
	 */
	public SyntheticHistory(int years, LocalDate today, long seed) {
		if (years < 1) {
			throw new IllegalArgumentException("years must be 1 or more, was " + years);
		}
		this.years = years;
		this.today = today;
		this.seed = seed;
	}

	/** The first day: the dataset's import. */
	public LocalDate start() {
		return this.today.minusYears(this.years);
	}

	public void org(Org org) {
		this.orgs.add(org);
		if (org.parent() != null) {
			this.parents.add(org.parent());
		}
	}

	public void member(Member member) {
		this.members++;
		if (member.group() == null && member.roles().isEmpty()) {
			this.movable.add(new String[] { member.id(), member.org() });
		}
	}

	/** One change of one item, before its values are chained. */
	private record Change(String kind, String item, LocalDate on, String other) {
	}

	/** The history of the dataset {@code name} of {@code units} units. */
	public History history(String name, long units) {
		Random random = new Random(this.seed);
		Map<String, Org> byId = new HashMap<>();
		Map<String, List<Org>> byKind = new HashMap<>();
		for (Org org : this.orgs) {
			byId.put(org.id(), org);
			byKind.computeIfAbsent(org.kind().name(), (k) -> new ArrayList<>()).add(org);
		}
		Map<String, List<Org>> childrenOf = new HashMap<>();
		for (Org org : this.orgs) {
			if (org.parent() != null) {
				childrenOf.computeIfAbsent(org.parent(), (k) -> new ArrayList<>()).add(org);
			}
		}
		LocalDate start = start();
		int span = (int) ChronoUnit.DAYS.between(start, this.today);
		List<Change> changes = new ArrayList<>();
		Set<String> coManagersAdded = new HashSet<>();
		int orgChanges = (int) Math.round(this.orgs.size() * ORGS_PER_YEAR * this.years);
		for (int i = 0; i < orgChanges && !this.orgs.isEmpty(); i++) {
			Org org = this.orgs.get(random.nextInt(this.orgs.size()));
			LocalDate on = start.plusDays(1 + random.nextInt(span));
			int pick = random.nextInt(20);
			Org parent = (org.parent() != null) ? byId.get(org.parent()) : null;
			boolean canMove = parent != null && org.kind() != OrgKind.PARTY_GROUP && !this.parents.contains(org.id())
					&& byKind.get(parent.kind().name()).size() > 1;
			if (pick < 7 && canMove) {
				changes.add(new Change("MOVED", org.id(), on, null));
			}
			else if (pick < 10 && !org.coManagedBy().isEmpty()) {
				String coManager = org.coManagedBy().get(random.nextInt(org.coManagedBy().size()));
				if (coManagersAdded.add(org.id() + "|" + coManager)) {
					changes.add(new Change("CO_MANAGER_ADDED", org.id(), on, coManager));
				}
			}
			else {
				changes.add(new Change("RENAMED", org.id(), on, null));
			}
		}
		int transfers = (int) Math.round(this.members * MEMBERS_PER_YEAR * this.years);
		Map<String, String> memberOrg = new HashMap<>();
		for (int i = 0; i < transfers && !this.movable.isEmpty(); i++) {
			String[] m = this.movable.get(random.nextInt(this.movable.size()));
			memberOrg.put(m[0], m[1]);
			changes.add(new Change("TRANSFERRED", m[0], start.plusDays(1 + random.nextInt(span)), null));
		}
		// Each item's changes newest first, chained back from today's value.
		Map<String, List<Change>> byItem = new HashMap<>();
		for (Change c : changes) {
			byItem.computeIfAbsent(c.kind() + "|" + c.item(), (k) -> new ArrayList<>()).add(c);
		}
		List<HistoryEvent> events = new ArrayList<>();
		List<HistoryTransfer> transferRecords = new ArrayList<>();
		List<String> keys = new ArrayList<>(byItem.keySet());
		keys.sort(Comparator.naturalOrder());
		int n = 0;
		for (String key : keys) {
			List<Change> list = byItem.get(key);
			list.sort(Comparator.comparing(Change::on).reversed());
			// one change per item and day: the later of two on one day is dropped
			List<Change> days = new ArrayList<>();
			for (Change c : list) {
				if (days.isEmpty() || !days.get(days.size() - 1).on().equals(c.on())) {
					days.add(c);
				}
			}
			Change first = days.get(0);
			String item = first.item();
			switch (first.kind()) {
				case "RENAMED" -> {
					String after = byId.get(item).name();
					for (Change c : days) {
						String before = otherName(after);
						events.add(event(n++, "RENAMED", c.on(), item, null, null,
								"org " + item + " renamed from '" + before + "' to '" + after + "'", before, after, null));
						after = before;
					}
				}
				case "MOVED" -> {
					String after = byId.get(item).parent();
					String kind = byId.get(after).kind().name();
					for (Change c : days) {
						List<Org> same = byKind.get(kind);
						String before = after;
						for (int tries = 0; tries < 8 && before.equals(after); tries++) {
							before = same.get(random.nextInt(same.size())).id();
						}
						if (before.equals(after)) {
							break;
						}
						events.add(event(n++, "MOVED", c.on(), item, after, null,
								"org " + item + " moved from " + before + " to " + after, before, after, null));
						after = before;
					}
				}
				case "CO_MANAGER_ADDED" -> events.add(event(n++, "CO_MANAGER_ADDED", first.on(), item, first.other(), null,
						"org " + item + " co-managed by " + first.other(), null, first.other(), null));
				default -> {
					String after = memberOrg.get(item);
					int seq = days.size();
					for (Change c : days) {
						Org at = byId.get(after);
						if (at == null) {
							break;
						}
						List<Org> siblings = (at.parent() != null) ? childrenOf.getOrDefault(at.parent(), List.of())
								: List.of();
						siblings = siblings.stream()
							.filter((o) -> o.kind() == at.kind() && !o.id().equals(at.id()))
							.toList();
						List<Org> pool = siblings.isEmpty() ? byKind.get(at.kind().name()) : siblings;
						String before = pool.get(random.nextInt(pool.size())).id();
						if (before.equals(after)) {
							break;
						}
						String transfer = uuid("transfer|" + this.seed + "|" + n);
						events.add(event(n++, "TRANSFERRED", c.on(), before, after, item,
								"member " + item + " transferred from " + before + " to " + after + " (調動)", before, after,
								transfer));
						transferRecords.add(new HistoryTransfer(transfer, item, before, after, recorded(c.on(), n), "調動",
								seq--, c.on(), "generator", name));
						after = before;
					}
				}
			}
		}
		events.sort(Comparator.comparing(HistoryEvent::on).thenComparing(HistoryEvent::recordedAt));
		List<HistoryEvent> all = new ArrayList<>();
		all.add(new HistoryEvent(uuid("imported|" + this.seed), "IMPORTED", start, recorded(start, 0), 0, "generator",
				null, null, null, null, "dataset " + name + " imported: " + units + " units, " + this.orgs.size()
						+ " orgs, " + this.members + " members",
				null, "{\"units\":" + units + ",\"orgs\":" + this.orgs.size() + ",\"members\":" + this.members + "}",
				null, name));
		all.addAll(events);
		return new History(all, transferRecords);
	}

	private HistoryEvent event(int n, String kind, LocalDate on, String org, String other, String member,
			String detail, Object before, Object after, String transfer) {
		return new HistoryEvent(uuid("event|" + this.seed + "|" + n), kind, on, recorded(on, n + 1), 0, "generator",
				null, org, other, member, detail, before, after, transfer, null);
	}

	/** The time a change of the day was recorded: in the morning, a millisecond apart per event. */
	private static Instant recorded(LocalDate on, int n) {
		return on.atTime(8, 0).toInstant(ZoneOffset.UTC).plusMillis(n);
	}

	private static String uuid(String text) {
		return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** The formal and the short name of an org, each the other's earlier name. */
	static String otherName(String name) {
		return name.startsWith("中共") ? name.substring(2) : "中共" + name;
	}

}
