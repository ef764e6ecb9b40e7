package org.partygraph.queries.history;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.partygraph.model.Member;
import org.partygraph.model.NameKeys;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.pattern.Pattern;
import org.partygraph.queries.read.ManagementLink;
import org.partygraph.queries.read.MemberFilter;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgFilter;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.Page;
import org.partygraph.queries.read.Sort;
import org.partygraph.queries.read.UnitRow;
import org.partygraph.queries.structure.Structure;

/**
 * What one caller may read of the structure as it stood at the end of a day: the {@code asOf}
 * reads of {@code org}, {@code orgs}, {@code member} and {@code members}, and every relation under
 * them, answered in memory from a {@link PastStructure} rebuild with the same meaning, order and
 * pages as today's Cypher reads ({@code OrgQueries}, {@code MemberQueries}, {@code CompiledReads},
 * {@code PatternInstanceStatements}). With {@code asOf} = today the answers equal today's
 * ({@code PastObjectsIT} holds them equal field by field).
 *
 * <p>
 * Visibility is decided here once: an org is in the view when it is in the rebuilt structure, not
 * hidden (outside the caller's scope today) and, for a scoped caller, in the scope root's subtree as
 * it stood on the day; a member when their membership org is. Every relation leaves out what is not
 * in the view, so a past read never reaches beyond it.
 */
public final class PastView {

	private final Comparator<Org> byName;

	private final Comparator<Unit> unitsByName;

	private final Keys keys;

	private final LocalDate day;

	/** The structure of the day as read (filters and relations are judged on it, as today's on the graph). */
	private final Structure structure;

	/** The same less the orgs hidden from the caller, with their members: what counts are counted on. */
	private final Structure counted;

	/** The orgs in the view; {@code null}: every org of the structure. */
	private final Set<String> visible;

	private Map<String, List<Org>> coManagedBy;

	private Map<String, List<Member>> offices;

	private Map<String, List<Org>> orgsOfUnit;

	/**
	 * @param day the day
	 * @param structure the rebuilt structure
	 * @param counted the same less the orgs hidden from the caller (outside their scope today)
	 * @param scopeRoot the caller's scope root ({@code null}: no scope); the view is its subtree on
	 * the day, less the hidden orgs
	 * @param keys the names' sort and search keys, kept with the structure between reads
	 */
	public PastView(LocalDate day, Structure structure, Structure counted, String scopeRoot, Keys keys) {
		this.keys = keys;
		this.byName = Comparator.comparing((Org o) -> keys.sort(o.name())).thenComparing(Org::id);
		this.unitsByName = Comparator.comparing((Unit u) -> keys.sort(u.name())).thenComparing(Unit::id);
		this.day = day;
		this.structure = structure;
		this.counted = counted;
		if (scopeRoot == null) {
			this.visible = null;
		}
		else {
			Set<String> ids = new HashSet<>();
			structure.subtree(scopeRoot).stream().filter((o) -> counted.org(o.id()) != null).forEach((o) -> ids.add(o.id()));
			this.visible = ids;
		}
	}

	public LocalDate day() {
		return this.day;
	}

	/** Whether the org existed on the day and is in the view. */
	public boolean visible(String orgId) {
		return orgId != null && this.structure.org(orgId) != null
				&& (this.visible == null || this.visible.contains(orgId));
	}

	/** The ids of the orgs in the view. */
	public List<String> orgIds() {
		return this.structure.orgs().stream().map(Org::id).filter(this::visible).toList();
	}

	/** The org on the day; {@code null} when it did not exist then or is not in the view. */
	public Org org(String id) {
		return visible(id) ? this.structure.org(id) : null;
	}

	/** The member on the day; {@code null} when not a member then or their org is not in the view. */
	public Member member(String id) {
		Member m = (id != null) ? this.structure.member(id) : null;
		return (m != null && visible(m.org())) ? m : null;
	}

	/** A unit the orgs and members of the day point at (units are reference data, not scoped). */
	public Unit unit(String id) {
		return (id != null) ? this.structure.unit(id) : null;
	}

	// ---- rows, as today's reads give them ----

	/** The org as a row; {@code dataset} is left null (the caller looks it up: it never changes). */
	public static OrgRow row(Org o) {
		return new OrgRow(o.id(), o.name(), o.kind(), o.trade(), o.hasCommittee(), null, o.electedOn());
	}

	public static MemberRow row(Member m) {
		return new MemberRow(m.id(), m.name(), m.status(), m.trade(), m.gender(), m.birthDate(), m.joined(),
				m.idNumber(), m.phone(), m.org(), m.probationSince(), m.probationExtendedTo());
	}

	public static UnitRow row(Unit u) {
		return new UnitRow(u.id(), u.name(), u.kind(), u.leading(), u.industryCluster(), u.households(),
				u.householdsDriven());
	}

	// ---- Org's relations ----

	public Org parent(String orgId) {
		Org o = org(orgId);
		return (o != null) ? org(o.parent()) : null;
	}

	/** Orgs directly below, by name (pinyin) then id. */
	public List<Org> children(String orgId) {
		return sorted(this.structure.children(orgId));
	}

	public List<Org> partyGroups(String orgId) {
		return children(orgId).stream().filter((o) -> o.kind() == OrgKind.PARTY_GROUP).toList();
	}

	/** Parents up to the root, nearest first (those in the view). */
	public List<Org> ancestors(String orgId) {
		return this.structure.ancestors(orgId).stream().filter((o) -> visible(o.id())).toList();
	}

	/** Orgs below through parent, level by level, each level by name then id; {@code depth} null: all. */
	public List<Org> descendants(String orgId, Integer depth) {
		List<Org> result = new ArrayList<>();
		List<Org> level = children(orgId);
		for (int d = 1; !level.isEmpty() && (depth == null || d <= depth); d++) {
			result.addAll(level);
			List<Org> next = new ArrayList<>();
			level.forEach((o) -> next.addAll(children(o.id())));
			level = sorted(next);
		}
		return result;
	}

	public List<Org> coManagers(String orgId) {
		Org o = org(orgId);
		return (o != null) ? sorted(o.coManagedBy().stream().map(this::org).toList()) : List.of();
	}

	/** The orgs this org co-manages. */
	public List<Org> coManages(String orgId) {
		if (this.coManagedBy == null) {
			this.coManagedBy = orgsBy(Org::coManagedBy);
		}
		return sorted(this.coManagedBy.getOrDefault(orgId, List.of()));
	}

	/** The orgs of the structure by each id a list field of theirs holds. */
	private Map<String, List<Org>> orgsBy(java.util.function.Function<Org, List<String>> ids) {
		Map<String, List<Org>> by = new HashMap<>();
		for (Org o : this.structure.orgs()) {
			ids.apply(o).forEach((id) -> by.computeIfAbsent(id, (k) -> new ArrayList<>()).add(o));
		}
		return by;
	}

	/** The units the org is set up in, by name then id. */
	public List<Unit> units(String orgId) {
		Org o = org(orgId);
		if (o == null) {
			return List.of();
		}
		return o.units().stream().map(this::unit).filter((u) -> u != null).sorted(this.unitsByName).toList();
	}

	/** The orgs set up in the unit on the day, by name then id. */
	public List<Org> orgsOf(String unitId) {
		if (this.orgsOfUnit == null) {
			this.orgsOfUnit = orgsBy(Org::units);
		}
		return sorted(this.orgsOfUnit.getOrDefault(unitId, List.of()));
	}

	/**
	 * Orgs set up in units located (at any depth) in a unit this org is set up in, that do not
	 * report to it through parent: the ones it could only co-manage.
	 */
	public List<Org> inTerritoryNotLed(String orgId) {
		Org t = org(orgId);
		if (t == null || t.units().isEmpty()) {
			return List.of();
		}
		List<Org> found = new ArrayList<>();
		for (Org o : this.structure.orgs()) {
			if (!visible(o.id()) || this.structure.isInSubtree(o.id(), orgId)) {
				continue;
			}
			boolean inside = o.units()
				.stream()
				.anyMatch((u) -> t.units().stream().anyMatch((tu) -> this.structure.isLocatedIn(u, tu)));
			if (inside) {
				found.add(o);
			}
		}
		return sorted(found);
	}

	/**
	 * Every org above through parent and co-manager relations, each with a shortest chain to it
	 * (breadth first, parent before co-managers), by distance, name, id.
	 */
	public List<ManagementLink> managementChain(String orgId) {
		if (org(orgId) == null) {
			return List.of();
		}
		Map<String, List<String>> via = new LinkedHashMap<>();
		Deque<String> queue = new ArrayDeque<>();
		queue.add(orgId);
		Map<String, List<String>> paths = new HashMap<>();
		paths.put(orgId, List.of());
		while (!queue.isEmpty()) {
			String at = queue.poll();
			Org o = this.structure.org(at);
			if (o == null) {
				continue;
			}
			List<String[]> steps = new ArrayList<>();
			if (o.parent() != null) {
				steps.add(new String[] { o.parent(), "SUBORDINATE_TO" });
			}
			o.coManagedBy().forEach((c) -> steps.add(new String[] { c, "CO_MANAGED_BY" }));
			for (String[] step : steps) {
				if (this.structure.org(step[0]) == null || paths.containsKey(step[0])) {
					continue;
				}
				List<String> path = new ArrayList<>(paths.get(at));
				path.add(step[1]);
				paths.put(step[0], path);
				via.put(step[0], path);
				queue.add(step[0]);
			}
		}
		List<ManagementLink> links = new ArrayList<>();
		for (Map.Entry<String, List<String>> e : via.entrySet()) {
			Org m = org(e.getKey());
			if (m != null) {
				links.add(new ManagementLink(row(m), e.getValue().size(), List.copyOf(e.getValue())));
			}
		}
		links.sort(Comparator.comparingInt(ManagementLink::distance)
			.thenComparing((ManagementLink l) -> this.keys.sort(l.manager().name()))
			.thenComparing((ManagementLink l) -> l.manager().id()));
		return links;
	}

	/** An office held at an org on the day. */
	public record Held(Member member, String org, Role role) {
	}

	/** The offices held at the org, secretary first, then deputies, committee members, others; then member id. */
	public List<Held> officesAt(String orgId) {
		if (this.offices == null) {
			Map<String, List<Member>> by = new HashMap<>();
			for (Member m : this.structure.dataset().members()) {
				m.roles().stream().map(RoleAssignment::org).distinct()
					.forEach((o) -> by.computeIfAbsent(o, (k) -> new ArrayList<>()).add(m));
			}
			this.offices = by;
		}
		List<Held> held = new ArrayList<>();
		for (Member m : this.offices.getOrDefault(orgId, List.of())) {
			if (member(m.id()) == null) {
				continue;
			}
			m.roles().stream().filter((r) -> r.org().equals(orgId)).forEach((r) -> held.add(new Held(m, orgId, r.role())));
		}
		held.sort(Comparator.comparingInt((Held h) -> roleRank(h.role())).thenComparing((Held h) -> h.member().id()));
		return held;
	}

	/** The member's offices on the day, by org id then role (those at orgs in the view). */
	public List<Held> officesOf(String memberId) {
		Member m = member(memberId);
		if (m == null) {
			return List.of();
		}
		return m.roles()
			.stream()
			.filter((r) -> visible(r.org()))
			.map((r) -> new Held(m, r.org(), r.role()))
			.sorted(Comparator.comparing(Held::org).thenComparing((Held h) -> h.role().name()))
			.toList();
	}

	private static int roleRank(Role role) {
		return switch (role) {
			case SECRETARY -> 0;
			case DEPUTY_SECRETARY -> 1;
			case COMMITTEE_MEMBER -> 2;
			default -> 3;
		};
	}

	/** As the API's memberCount: the subtree through parent, or a party group's assigned members. */
	public int memberCount(String orgId) {
		return this.counted.memberCount(orgId);
	}

	public int fullMemberCount(String orgId) {
		return this.counted.fullMemberCount(orgId);
	}

	/** A page of an org's members in id order after a member id. */
	public record MemberPage(List<Member> members, int totalCount, boolean hasNextPage) {
	}

	/**
	 * The org's members on the day: its subtree's (or, {@code subtree} false, its own), or a party
	 * group's assigned members; in id order, {@code first} after the member id {@code after}.
	 */
	public MemberPage members(String orgId, boolean subtree, int first, String after) {
		Org o = org(orgId);
		if (o == null) {
			return new MemberPage(List.of(), 0, false);
		}
		List<Member> all = new ArrayList<>();
		if (o.kind() == OrgKind.PARTY_GROUP) {
			this.structure.dataset().members().stream().filter((m) -> orgId.equals(m.group())).forEach(all::add);
		}
		else if (subtree) {
			this.structure.subtree(orgId).forEach((d) -> all.addAll(this.structure.directMembers(d.id())));
		}
		else {
			all.addAll(this.structure.directMembers(orgId));
		}
		all.removeIf((m) -> member(m.id()) == null);
		all.sort(Comparator.comparing(Member::id));
		List<Member> rest = all.stream().filter((m) -> after == null || m.id().compareTo(after) > 0).toList();
		List<Member> page = rest.subList(0, Math.min(first, rest.size()));
		return new MemberPage(List.copyOf(page), all.size(), rest.size() > first);
	}

	// ---- Member's relations ----

	public Org orgOf(String memberId) {
		Member m = member(memberId);
		return (m != null) ? org(m.org()) : null;
	}

	public Org groupOf(String memberId) {
		Member m = member(memberId);
		return (m != null) ? org(m.group()) : null;
	}

	public Unit unitOf(String memberId) {
		Member m = member(memberId);
		return (m != null) ? unit(m.unit()) : null;
	}

	public List<Org> participatesIn(String memberId) {
		Member m = member(memberId);
		return (m != null) ? sorted(m.participatesIn().stream().map(this::org).toList()) : List.of();
	}

	// ---- patterns, as PatternInstanceStatements' predicates ----

	/** The patterns the org takes part in on the day, in pattern order (as {@code PatternQueries.patternsOf}). */
	public List<Pattern> patternsOf(String orgId) {
		Org o = org(orgId);
		if (o == null) {
			return List.of();
		}
		List<Pattern> of = new ArrayList<>();
		if (setUpIn(o, (u) -> u.kind() == UnitKind.ENTERPRISE && u.isLeading())) {
			of.add(Pattern.ENTERPRISE_BASE);
		}
		if (industryOrg(o) || parkBranch(o)) {
			of.add(Pattern.INDUSTRY_PARK);
		}
		if (cooperativeOrg(o) || (setUpIn(o, (u) -> u.kind() == UnitKind.VILLAGE)
				&& this.structure.children(o.id()).stream().anyMatch(this::cooperativeOrg))) {
			of.add(Pattern.VILLAGE_COOPERATIVE);
		}
		if (villageGeneralBranch(o) || tradeBranch(o)) {
			of.add(Pattern.VILLAGE_TRADE_BRANCH);
		}
		return of;
	}

	/** Whether the org is an instance (the pattern's org) of the pattern on the day (as {@code PatternQueries.instances}). */
	public boolean isInstance(Pattern pattern, Org o) {
		return switch (pattern) {
			case ENTERPRISE_BASE -> o.units().stream().map(this::unit).anyMatch((e) -> e != null
					&& e.kind() == UnitKind.ENTERPRISE && e.isLeading() && !parentSetUpIn(o, e.id()));
			case INDUSTRY_PARK -> industryOrg(o) || parkBranch(o);
			case VILLAGE_COOPERATIVE -> cooperativeOrg(o);
			case VILLAGE_TRADE_BRANCH -> villageGeneralBranch(o);
		};
	}

	private boolean parentSetUpIn(Org o, String unitId) {
		Org p = (o.parent() != null) ? this.structure.org(o.parent()) : null;
		return p != null && p.units().contains(unitId);
	}

	private boolean setUpIn(Org o, Predicate<Unit> kind) {
		return o.units().stream().map(this::unit).anyMatch((u) -> u != null && kind.test(u));
	}

	private boolean industryOrg(Org o) {
		Org p = (o.parent() != null) ? this.structure.org(o.parent()) : null;
		return (o.kind() == OrgKind.GENERAL_BRANCH || o.kind() == OrgKind.BRANCH)
				&& setUpIn(o, (u) -> u.kind() == UnitKind.INDUSTRY) && p != null
				&& p.kind() == OrgKind.TOWNSHIP_COMMITTEE;
	}

	private boolean parkBranch(Org o) {
		return (o.kind() == OrgKind.BRANCH || o.kind() == OrgKind.JOINT_BRANCH)
				&& setUpIn(o, (u) -> u.kind() == UnitKind.PARK);
	}

	private boolean cooperativeOrg(Org o) {
		return setUpIn(o, (u) -> u.kind() == UnitKind.COOPERATIVE);
	}

	private boolean villageGeneralBranch(Org o) {
		return o.kind() == OrgKind.GENERAL_BRANCH
				&& (setUpIn(o, (u) -> u.kind() == UnitKind.VILLAGE && u.isIndustryCluster())
						|| (setUpIn(o, (u) -> u.kind() == UnitKind.VILLAGE) && this.structure.children(o.id())
							.stream()
							.anyMatch((b) -> b.kind() == OrgKind.BRANCH && b.trade() != null)));
	}

	private boolean tradeBranch(Org o) {
		Org p = (o.parent() != null) ? this.structure.org(o.parent()) : null;
		return o.kind() == OrgKind.BRANCH && o.trade() != null && p != null && p.kind() == OrgKind.GENERAL_BRANCH
				&& setUpIn(p, (u) -> u.kind() == UnitKind.VILLAGE);
	}

	// ---- lists ----

	/**
	 * The orgs of the day matching the filter (as today's {@code orgs}: {@code within} its subtree
	 * with itself, {@code township} its subtree, the orgs it co-manages and those set up in its
	 * territory), and {@code also}, sorted (ties by id), a page of {@code first} from {@code offset}.
	 * The filter's {@code hasFirstSecretary} is not read here: the caller passes it in {@code also}.
	 */
	public Page<Org> orgs(OrgFilter filter, Predicate<Org> also, Sort sort, int first, int offset) {
		String nameKey = NameKeys.query(filter.nameContains());
		List<Org> matched = new ArrayList<>();
		for (Org o : this.structure.orgs()) {
			if (visible(o.id()) && matches(o, filter, nameKey) && also.test(o)) {
				matched.add(o);
			}
		}
		Comparator<Org> key = switch (sort.field()) {
			case NAME -> Comparator.comparing((Org o) -> this.keys.sort(o.name()));
			case KIND -> Comparator.comparing((Org o) -> o.kind().name());
			case MEMBER_COUNT -> Comparator.comparingInt((Org o) -> memberCount(o.id()));
			case FULL_MEMBER_COUNT -> Comparator.comparingInt((Org o) -> fullMemberCount(o.id()));
			default -> Comparator.comparing(Org::id);
		};
		matched.sort((sort.descending() ? key.reversed() : key).thenComparing(Org::id));
		return page(matched, first, offset);
	}

	private boolean matches(Org o, OrgFilter f, String nameKey) {
		if (f.ids() != null && !f.ids().contains(o.id())) {
			return false;
		}
		if (f.kinds() != null && !f.kinds().contains(o.kind())) {
			return false;
		}
		if (nameKey != null && !this.keys.search(o.name()).contains(nameKey)) {
			return false;
		}
		if (f.trade() != null && f.trade() != o.trade()) {
			return false;
		}
		if (f.hasCoManager() != null && f.hasCoManager() == o.coManagedBy().isEmpty()) {
			return false;
		}
		if (f.coManagedBy() != null && !o.coManagedBy().contains(f.coManagedBy())) {
			return false;
		}
		if (f.setUpInKind() != null && !setUpIn(o, (u) -> u.kind() == f.setUpInKind())) {
			return false;
		}
		if (f.within() != null && !this.structure.isInSubtree(o.id(), f.within())) {
			return false;
		}
		if (f.township() != null && !inTownship(o, f.township())) {
			return false;
		}
		if (f.minMembers() != null && memberCount(o.id()) < f.minMembers()) {
			return false;
		}
		return f.maxMembers() == null || memberCount(o.id()) <= f.maxMembers();
	}

	private boolean inTownship(Org o, String township) {
		if (this.structure.org(township) == null) {
			return false;
		}
		if (this.structure.isInSubtree(o.id(), township) || o.coManagedBy().contains(township)) {
			return true;
		}
		Org t = this.structure.org(township);
		return o.units().stream().anyMatch((u) -> t.units().stream().anyMatch((tu) -> this.structure.isLocatedIn(u, tu)));
	}

	/** The members of the day matching the filter (as today's {@code members}), sorted, a page. */
	public Page<Member> members(MemberFilter filter, Sort sort, int first, int offset) {
		String nameKey = NameKeys.query(filter.nameContains());
		List<Member> matched = new ArrayList<>();
		for (Member m : this.structure.dataset().members()) {
			if (member(m.id()) == null || (filter.within() != null && !this.structure.isInSubtree(m.org(), filter.within()))
					|| (filter.status() != null && m.status() != filter.status())
					|| (filter.trade() != null && m.trade() != filter.trade())
					|| (nameKey != null && !this.keys.search(m.name()).contains(nameKey))
					|| (filter.role() != null && m.roles().stream().noneMatch((r) -> r.role() == filter.role()))) {
				continue;
			}
			matched.add(m);
		}
		Comparator<Member> key = switch (sort.field()) {
			case NAME -> Comparator.comparing((Member m) -> this.keys.sort(m.name()));
			// Cypher's order: nulls last ascending, first descending
			case JOINED -> Comparator.comparing(Member::joined, Comparator.nullsLast(Comparator.naturalOrder()));
			default -> Comparator.comparing(Member::id);
		};
		matched.sort((sort.descending() ? key.reversed() : key).thenComparing(Member::id));
		return page(matched, first, offset);
	}

	private static <T> Page<T> page(List<T> all, int first, int offset) {
		int from = Math.min(offset, all.size());
		int to = Math.min(from + first, all.size());
		return new Page<>(List.copyOf(all.subList(from, to)), all.size(), offset, to < all.size());
	}

	private List<Org> sorted(List<Org> orgs) {
		return orgs.stream().filter((o) -> o != null && visible(o.id())).sorted(this.byName).toList();
	}

	/**
	 * The names' pinyin sort keys and search keys ({@link NameKeys}), computed once per name: ICU's
	 * collation and transliteration cost more than the rest of a past read.
	 */
	public static final class Keys {

		private final Map<String, String> sort = new java.util.concurrent.ConcurrentHashMap<>();

		private final Map<String, String> search = new java.util.concurrent.ConcurrentHashMap<>();

		String sort(String name) {
			return this.sort.computeIfAbsent(name, NameKeys::sortKey);
		}

		String search(String name) {
			return this.search.computeIfAbsent(name, NameKeys::searchKey);
		}

	}

}
