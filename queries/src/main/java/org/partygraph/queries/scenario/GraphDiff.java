package org.partygraph.queries.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.partygraph.model.AwayRecord;
import org.partygraph.model.Dataset;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.queries.whatif.MemberMove;

/**
 * What differs between a scope before and after a scenario, in the terms the write needs: orgs
 * created, changed and removed, members whose links changed, membership moves, and first
 * secretaries' dispatches begun and ended. List fields are
 * compared as sets (their order carries no meaning). Operations change orgs and members' links
 * only: any other difference (a unit, a member's own properties, a member gained or lost) is a
 * fault of the engine and refused here.
 *
 * @param created orgs in after and not before, parents before children (the engine's order)
 * @param changed orgs in both whose properties or links differ, as after
 * @param removed orgs in before and not after, as before
 * @param changedMembers members whose membership, group, roles or participation differ, as after
 * @param moves members whose membership org differs
 * @param dispatched first secretaries' dispatches in after and not before (DISPATCH), as after
 * @param recalled dispatches in both whose end ({@code to}) differs (RECALL, or the village's org
 * dissolved or merged away, or the member moved into it), as after
 * @param awayEnded stays away in both whose end differs (the host org dissolved or merged away, or
 * the member moved into it), as after
 */
public record GraphDiff(List<Org> created, List<Org> changed, List<Org> removed, List<Member> changedMembers,
		List<MemberMove> moves, List<Dispatch> dispatched, List<Dispatch> recalled, List<AwayRecord> awayEnded) {

	public static GraphDiff between(Dataset before, Dataset after) {
		if (!sortedUnits(before).equals(sortedUnits(after))) {
			throw new IllegalStateException("the what-if changed units; a scenario writes orgs and members only");
		}
		Map<String, Org> orgsBefore = new LinkedHashMap<>();
		// The term (electedOn) is not in a fingerprint, but an applied change must keep it.
		before.orgs().forEach((o) -> orgsBefore.put(o.id(), Fingerprint.sorted(o).withElectedOn(o.electedOn())));
		Map<String, Org> orgsAfter = new LinkedHashMap<>();
		after.orgs().forEach((o) -> orgsAfter.put(o.id(), Fingerprint.sorted(o).withElectedOn(o.electedOn())));
		List<Org> created = new ArrayList<>();
		List<Org> changed = new ArrayList<>();
		List<Org> removed = new ArrayList<>();
		orgsAfter.forEach((id, org) -> {
			Org was = orgsBefore.get(id);
			if (was == null) {
				created.add(org);
			}
			else if (!was.equals(org)) {
				changed.add(org);
			}
		});
		orgsBefore.forEach((id, org) -> {
			if (!orgsAfter.containsKey(id)) {
				removed.add(org);
			}
		});

		Map<String, Member> membersAfter = new LinkedHashMap<>();
		after.members().forEach((m) -> membersAfter.put(m.id(), Fingerprint.sorted(m)));
		if (before.members().size() != after.members().size()) {
			throw new IllegalStateException("the what-if added or removed members; a scenario moves them only");
		}
		List<Member> changedMembers = new ArrayList<>();
		List<MemberMove> moves = new ArrayList<>();
		for (Member b : before.members()) {
			Member was = Fingerprint.sorted(b);
			Member now = membersAfter.get(b.id());
			if (now == null) {
				throw new IllegalStateException("the what-if removed member " + b.id());
			}
			if (!ownFields(was).equals(ownFields(now))) {
				throw new IllegalStateException("the what-if changed member " + b.id()
						+ " beyond membership, group, roles and participation");
			}
			if (!was.equals(now)) {
				changedMembers.add(now);
			}
			if (!Objects.equals(was.org(), now.org())) {
				moves.add(new MemberMove(b.id(), b.name(), was.org(), now.org()));
			}
		}
		// Dispatches by member, village and first day: one begun (open) or one ended; none is lost.
		Map<List<Object>, Dispatch> dispatchesAfter = new LinkedHashMap<>();
		after.dispatches().forEach((d) -> dispatchesAfter.put(key(d), d));
		List<Dispatch> recalled = new ArrayList<>();
		for (Dispatch was : before.dispatches()) {
			Dispatch now = dispatchesAfter.remove(key(was));
			if (now == null) {
				throw new IllegalStateException("the what-if removed the dispatch of member " + was.member() + " to "
						+ was.village() + "; a scenario begins or ends dispatches only");
			}
			if (!Objects.equals(was, now)) {
				if (!Objects.equals(was.by(), now.by()) || was.to() != null && now.to() == null) {
					throw new IllegalStateException("the what-if changed the dispatch of member " + was.member() + " to "
							+ was.village() + " beyond its end");
				}
				recalled.add(now);
			}
		}
		List<Dispatch> dispatched = new ArrayList<>(dispatchesAfter.values());
		// Stays by member, org and first day: no operation begins one; one may end.
		Map<List<Object>, AwayRecord> awayAfter = new LinkedHashMap<>();
		after.away().forEach((a) -> awayAfter.put(key(a), a));
		List<AwayRecord> awayEnded = new ArrayList<>();
		for (AwayRecord was : before.away()) {
			AwayRecord now = awayAfter.remove(key(was));
			if (now == null) {
				throw new IllegalStateException("the what-if removed the stay of member " + was.member() + " at "
						+ was.org() + "; a scenario ends stays only");
			}
			if (!Objects.equals(was, now)) {
				if (now.to() == null || was.to() != null && !now.to().isBefore(was.to())) {
					throw new IllegalStateException("the what-if changed the stay of member " + was.member() + " at "
							+ was.org() + " beyond ending it");
				}
				awayEnded.add(now);
			}
		}
		if (!awayAfter.isEmpty()) {
			throw new IllegalStateException("the what-if added a stay away; a scenario ends stays only");
		}
		return new GraphDiff(List.copyOf(created), List.copyOf(changed), List.copyOf(removed),
				List.copyOf(changedMembers), List.copyOf(moves), List.copyOf(dispatched), List.copyOf(recalled),
				List.copyOf(awayEnded));
	}

	public boolean isEmpty() {
		return this.created.isEmpty() && this.changed.isEmpty() && this.removed.isEmpty()
				&& this.changedMembers.isEmpty() && this.dispatched.isEmpty() && this.recalled.isEmpty()
				&& this.awayEnded.isEmpty();
	}

	private static List<Object> key(AwayRecord a) {
		return java.util.Arrays.asList(a.member(), a.org(), a.from());
	}

	private static List<Object> key(Dispatch d) {
		return java.util.Arrays.asList(d.member(), d.village(), d.from());
	}

	private static Member ownFields(Member m) {
		return m.withOrg(null).withGroup(null).withRoles(List.of()).withParticipatesIn(List.of());
	}

	private static List<?> sortedUnits(Dataset dataset) {
		return dataset.units().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
	}

}
