package org.partygraph.queries.scenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partygraph.model.Dataset;
import org.partygraph.model.AwayRecord;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Unit;
import org.partygraph.model.format.DatasetWriter;
import org.partygraph.queries.whatif.Operation;

/**
 * The fingerprint of the part of the live graph a scenario reads: SHA-256, in hex, of the compact
 * {@code party-graph/1} JSON ({@link DatasetWriter#compact()}) of that part, items sorted by id and
 * list fields sorted.
 *
 * <p>
 * The part is taken from {@code DatasetExporter.snapshot(within)} (every unit and org, the members
 * of the scope and whoever holds an office in it): for a scope org, its subtree and the orgs above
 * it (the operations name orgs inside it, docs/contract.md section 2); without one, and for an org
 * or member's org named outside it, the whole org tree (county, up to its root) it is in; the
 * members of the snapshot linked to any of those orgs; the unit trees (through {@code locatedIn}, up to their
 * roots) of every unit those orgs and members are set up or work in, with the industries and
 * enterprises these units name; the first secretaries' dispatches of the members the operations
 * name and to the orgs they name, and their stays away likewise. So a change inside the scope (or,
 * without one, anywhere in the county) a scenario works on counts as a change, and a change of a
 * sibling township, or an import of another county, does not.
 */
public final class Fingerprint {

	private Fingerprint() {
	}

	public static String of(Dataset snapshot, String withinOrgId, List<Operation> operations) {
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		try {
			DatasetWriter.compact().write(relevantPart(snapshot, withinOrgId, operations), json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.toByteArray()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** The part of the snapshot the scenario reads, in canonical order. */
	static Dataset relevantPart(Dataset snapshot, String withinOrgId, List<Operation> operations) {
		Map<String, Org> orgs = new HashMap<>();
		snapshot.orgs().forEach((o) -> orgs.put(o.id(), o));
		Map<String, Member> members = new HashMap<>();
		snapshot.members().forEach((m) -> members.put(m.id(), m));

		Set<String> named = new LinkedHashSet<>();
		named.add(withinOrgId);
		for (Operation op : operations) {
			named.add(op.org());
			named.addAll(op.orgs());
			named.add(op.target());
			Member member = (op.member() != null) ? members.get(op.member()) : null;
			if (member != null) {
				named.add(member.org());
			}
		}
		// A scope org: its subtree and the orgs above it; an org named outside it (or no scope): the
		// whole tree (county) it is in.
		boolean scoped = withinOrgId != null && orgs.containsKey(withinOrgId);
		Set<String> roots = new HashSet<>();
		named.stream()
			.filter(orgs::containsKey)
			.filter((id) -> !scoped || !below(id, withinOrgId, orgs))
			.forEach((id) -> roots.add(root(id, orgs)));
		Set<String> above = new HashSet<>();
		for (String at = withinOrgId; scoped && at != null && orgs.containsKey(at) && above.add(at);) {
			at = orgs.get(at).parent();
		}

		List<Org> keptOrgs = snapshot.orgs()
			.stream()
			.filter((o) -> roots.contains(root(o.id(), orgs)) || above.contains(o.id())
					|| (scoped && below(o.id(), withinOrgId, orgs)))
			.map(Fingerprint::sorted)
			.sorted(Comparator.comparing(Org::id))
			.toList();
		Set<String> keptOrgIds = new HashSet<>();
		keptOrgs.forEach((o) -> keptOrgIds.add(o.id()));
		List<Member> keptMembers = snapshot.members()
			.stream()
			.filter((m) -> keptOrgIds.contains(m.org()) || keptOrgIds.contains(m.group())
					|| m.participatesIn().stream().anyMatch(keptOrgIds::contains)
					|| m.roles().stream().map(RoleAssignment::org).anyMatch(keptOrgIds::contains))
			.map(Fingerprint::sorted)
			.sorted(Comparator.comparing(Member::id))
			.toList();

		Map<String, Unit> units = new HashMap<>();
		snapshot.units().forEach((u) -> units.put(u.id(), u));
		Set<String> unitRoots = new HashSet<>();
		keptOrgs.forEach((o) -> o.units().forEach((u) -> unitRoots.add(unitRoot(u, units))));
		keptMembers.stream()
			.filter((m) -> m.unit() != null)
			.forEach((m) -> unitRoots.add(unitRoot(m.unit(), units)));
		Set<String> keptUnitIds = new HashSet<>();
		for (Unit unit : snapshot.units()) {
			if (unitRoots.contains(unitRoot(unit.id(), units))) {
				keptUnitIds.add(unit.id());
			}
		}
		for (String id : List.copyOf(keptUnitIds)) {
			Unit unit = units.get(id);
			if (unit.industry() != null) {
				keptUnitIds.add(unit.industry());
			}
			if (unit.supplies() != null) {
				keptUnitIds.add(unit.supplies());
			}
		}
		List<Unit> keptUnits = snapshot.units()
			.stream()
			.filter((u) -> keptUnitIds.contains(u.id()))
			.sorted(Comparator.comparing(Unit::id))
			.toList();
		// The dispatches of the members and orgs the operations name: a dispatch or recall of one of
		// them since the save makes the scenario stale. None, none written: the JSON stays as before.
		Set<String> namedMembers = new HashSet<>();
		Set<String> namedOrgs = new HashSet<>();
		for (Operation op : operations) {
			if (op.member() != null) {
				namedMembers.add(op.member());
			}
			namedOrgs.addAll(op.namedOrgs());
		}
		List<Dispatch> keptDispatches = snapshot.dispatches()
			.stream()
			.filter((d) -> namedMembers.contains(d.member()) || namedOrgs.contains(d.village()))
			.sorted(Comparator.comparing(Dispatch::member)
				.thenComparing(Dispatch::village)
				.thenComparing(Dispatch::from, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
		// The stays away likewise: the operations end those at the orgs they remove or move members into.
		List<AwayRecord> keptAway = snapshot.away()
			.stream()
			.filter((a) -> namedMembers.contains(a.member()) || namedOrgs.contains(a.org()))
			.sorted(Comparator.comparing(AwayRecord::member)
				.thenComparing(AwayRecord::org)
				.thenComparing(AwayRecord::from, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
		return new Dataset("scenario-scope", keptUnits, keptOrgs, keptMembers).withDuals(keptDispatches, keptAway);
	}

	private static String root(String id, Map<String, Org> orgs) {
		String at = id;
		for (int guard = 0; guard < orgs.size() + 1; guard++) {
			Org org = orgs.get(at);
			if (org == null || org.parent() == null || !orgs.containsKey(org.parent())) {
				return at;
			}
			at = org.parent();
		}
		return at;
	}

	/** Whether the org is {@code top} or lies below it. */
	private static boolean below(String id, String top, Map<String, Org> orgs) {
		String at = id;
		for (int guard = 0; at != null && guard < orgs.size() + 1; guard++) {
			if (at.equals(top)) {
				return true;
			}
			Org org = orgs.get(at);
			at = (org != null) ? org.parent() : null;
		}
		return false;
	}

	private static String unitRoot(String id, Map<String, Unit> units) {
		String at = id;
		for (int guard = 0; guard < units.size() + 1; guard++) {
			Unit unit = units.get(at);
			if (unit == null || unit.locatedIn() == null || !units.containsKey(unit.locatedIn())) {
				return at;
			}
			at = unit.locatedIn();
		}
		return at;
	}

	static Org sorted(Org o) {
		return new Org(o.id(), o.kind(), o.name(), o.parent(), o.coManagedBy().stream().sorted().toList(),
				o.units().stream().sorted().toList(), o.trade(), o.hasCommittee());
	}

	static Member sorted(Member m) {
		return m
			.withRoles(m.roles()
				.stream()
				.sorted(Comparator.comparing(RoleAssignment::org).thenComparing((r) -> r.role().name()))
				.toList())
			.withParticipatesIn(m.participatesIn().stream().sorted().toList());
	}

}
