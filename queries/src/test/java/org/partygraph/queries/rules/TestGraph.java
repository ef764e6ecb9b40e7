package org.partygraph.queries.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.structure.Structure;

/**
 * Builds small datasets by hand for the rule and what-if tests. Members added in bulk get ids
 * {@code <org>-m<n>} (n counting across the whole graph) and join dates one day apart, in the order
 * they are added, so "the longest-standing member" is always the first one added.
 */
public final class TestGraph {

	private final String name;

	private final Map<String, Unit> units = new LinkedHashMap<>();

	private final Map<String, Org> orgs = new LinkedHashMap<>();

	private final Map<String, Member> members = new LinkedHashMap<>();

	private int seq;

	private TestGraph(String name) {
		this.name = name;
	}

	public static TestGraph named(String name) {
		return new TestGraph(name);
	}

	/** A county: unit u-c, org o-c (COUNTY_COMMITTEE, set up in u-c). */
	public static TestGraph county() {
		return named("測試縣").unit("u-c", UnitKind.COUNTY, "測試縣", null)
			.org("o-c", OrgKind.COUNTY_COMMITTEE, "中共測試縣委", null, "u-c");
	}

	/** {@link #county()} plus township unit u-t and its committee o-t (set up in u-t) under o-c. */
	public static TestGraph countyWithTownship() {
		return county().unit("u-t", UnitKind.TOWNSHIP, "甲鄉", "u-c")
			.org("o-t", OrgKind.TOWNSHIP_COMMITTEE, "甲鄉黨委", "o-c", "u-t");
	}

	public TestGraph unit(String id, UnitKind kind, String unitName, String locatedIn) {
		return unit(Unit.of(id, kind, unitName, locatedIn));
	}

	public TestGraph unit(Unit unit) {
		this.units.put(unit.id(), unit);
		return this;
	}

	public TestGraph leadingEnterprise(String id, String unitName, String locatedIn) {
		return unit(new Unit(id, UnitKind.ENTERPRISE, unitName, locatedIn, null, null, null, null, true, null));
	}

	public TestGraph org(String id, OrgKind kind, String orgName, String parent, String... setUpIn) {
		return org(new Org(id, kind, orgName, parent, List.of(), Arrays.asList(setUpIn), null, null));
	}

	public TestGraph org(Org org) {
		this.orgs.put(org.id(), org);
		return this;
	}

	public TestGraph change(String orgId, UnaryOperator<Org> change) {
		this.orgs.put(orgId, change.apply(org(orgId)));
		return this;
	}

	public TestGraph committee(String orgId, Boolean hasCommittee) {
		return change(orgId, (o) -> new Org(o.id(), o.kind(), o.name(), o.parent(), o.coManagedBy(), o.units(),
				o.trade(), hasCommittee, o.electedOn()));
	}

	public TestGraph coManagedBy(String orgId, String... managers) {
		return change(orgId, (o) -> o.withCoManagedBy(Arrays.asList(managers)));
	}

	public TestGraph setUpIn(String orgId, String... unitIds) {
		return change(orgId, (o) -> o.withUnits(Arrays.asList(unitIds)));
	}

	/** n members of the org with the given status and trade (may be null); returns their ids. */
	public List<String> add(String orgId, int n, MemberStatus status, Trade trade) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			this.seq++;
			String id = orgId + "-m" + this.seq;
			member(new Member(id, "黨員" + this.seq, status, orgId, null, trade, null, null,
					LocalDate.of(1990, 1, 1).plusDays(this.seq), null, null, null, List.of(), List.of()));
			ids.add(id);
		}
		return ids;
	}

	public TestGraph full(String orgId, int n) {
		add(orgId, n, MemberStatus.FULL, null);
		return this;
	}

	public TestGraph probationary(String orgId, int n) {
		add(orgId, n, MemberStatus.PROBATIONARY, null);
		return this;
	}

	public TestGraph member(Member member) {
		this.members.put(member.id(), member);
		return this;
	}

	public TestGraph member(String id, String memberName, MemberStatus status, String orgId, Trade trade,
			String group) {
		return member(new Member(id, memberName, status, orgId, null, trade, null, null, null, null, null, group,
				List.of(), List.of()));
	}

	/** Gives an existing member an office at an org. */
	public TestGraph role(String memberId, String orgId, Role role) {
		Member m = member(memberId);
		List<RoleAssignment> roles = new ArrayList<>(m.roles());
		roles.add(new RoleAssignment(orgId, role));
		this.members.put(memberId, m.withRoles(roles));
		return this;
	}

	/** Assigns an existing member to a party group. */
	public TestGraph group(String memberId, String groupId) {
		this.members.put(memberId, member(memberId).withGroup(groupId));
		return this;
	}

	/**
	 * Gives every org but a PARTY_GROUP that has no secretary yet a secretary: its first direct
	 * member, or (for an org without members) the first member of the whole graph.
	 */
	public TestGraph secretariesEverywhere() {
		for (Org org : this.orgs.values()) {
			if (org.kind() == OrgKind.PARTY_GROUP) {
				continue;
			}
			boolean has = this.members.values()
				.stream()
				.anyMatch((m) -> m.roles().contains(new RoleAssignment(org.id(), Role.SECRETARY)));
			if (has) {
				continue;
			}
			Member holder = this.members.values()
				.stream()
				.filter((m) -> m.org().equals(org.id()))
				.findFirst()
				.orElseGet(() -> this.members.values().iterator().next());
			role(holder.id(), org.id(), Role.SECRETARY);
		}
		return this;
	}

	public Org org(String id) {
		Org org = this.orgs.get(id);
		if (org == null) {
			throw new IllegalArgumentException("no org " + id);
		}
		return org;
	}

	public Member member(String id) {
		Member m = this.members.get(id);
		if (m == null) {
			throw new IllegalArgumentException("no member " + id);
		}
		return m;
	}

	public Dataset dataset() {
		return new Dataset(this.name, new ArrayList<>(this.units.values()), new ArrayList<>(this.orgs.values()),
				new ArrayList<>(this.members.values()));
	}

	public Structure structure() {
		return Structure.of(dataset());
	}

}
