package org.partygraph.seed;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.partygraph.model.AwayRecord;
import org.partygraph.model.Dataset;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * The sample county's dual relations as they stand on {@link Development#TODAY}: first secretaries
 * (第一書記, the 廣靈 practice of docs/source-report.md, 93 sent by county units there; the sample
 * county, with 176 villages, gets {@value #WEAK_VILLAGES}) and mobile members (流動黨員). Neither
 * adds a member or moves a membership, so no member, org, pattern or compliance figure changes.
 *
 * <p>
 * First secretaries go to the {@value #WEAK_VILLAGES} weakest villages. A village is its top org:
 * one set up in a VILLAGE unit whose parent is a township committee (its trade branches are part of
 * it). Weakest first: a village whose org has no SECRETARY, then the fewest FULL members in the
 * org's subtree, then by id. They are sent by the county's own units, which in the sample are the
 * county committee's office branch and the leading enterprises' orgs: from each, FULL members who
 * hold no office, at most {@value #PER_SENDER} each, the org being {@code by}. Each dispatch begins
 * on a day from 2024 to 2026; about one village in {@value #SUCCEEDED_ONE_IN} had a first secretary
 * from early 2024 who served the usual two years and was followed the day it ended by the present
 * one. The weakest village, the planted MIN_FULL_MEMBERS break, has none today: its first secretary
 * served 2024-03-01 to 2026-03-01 (the chart's browser test sends one there today).
 *
 * <p>
 * Mobile members: about one in {@value #AWAY_ONE_IN} members of a village's orgs, office holders
 * aside, works in one of the county's industrial parks or leading enterprises and is recorded away
 * at its org (a park branch, a park joint branch or an enterprise org, picked by the member's id).
 * About one in {@value #AWAY_ENDED_ONE_IN} of them came back: away 6 to 18 months, ended before
 * today. Everything is a function of the ids, whatever the seed.
 */
final class DualRelations {

	/** How many villages get a first secretary. */
	static final int WEAK_VILLAGES = 30;

	/** The most first secretaries one sending org gives. */
	static final int PER_SENDER = 3;

	static final int SUCCEEDED_ONE_IN = 6;

	static final int AWAY_ONE_IN = 33;

	static final int AWAY_ENDED_ONE_IN = 4;

	/** The first day of the dispatches' span. */
	static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 2);

	/** The first day of the stays away's span. */
	static final LocalDate AWAY_FIRST_DAY = LocalDate.of(2023, 1, 1);

	/** How long a first secretary serves when the dispatch has ended. */
	static final int TERM_YEARS = 2;

	/** The planted village that had one and has none today, and that one's days. */
	static final LocalDate PLANTED_FROM = LocalDate.of(2024, 3, 1);

	static final LocalDate PLANTED_TO = LocalDate.of(2026, 3, 1);

	private DualRelations() {
	}

	/** The dataset with its first secretaries and mobile members, each list by member, then day. */
	static Dataset with(Dataset dataset) {
		Map<String, Unit> units = new HashMap<>();
		dataset.units().forEach((u) -> units.put(u.id(), u));
		Comparator<Dispatch> dispatchOrder = Comparator.comparing(Dispatch::member).thenComparing(Dispatch::from);
		Comparator<AwayRecord> awayOrder = Comparator.comparing(AwayRecord::member).thenComparing(AwayRecord::from);
		List<Dispatch> dispatches = new ArrayList<>(dispatches(dataset, units));
		dispatches.sort(dispatchOrder);
		List<AwayRecord> away = new ArrayList<>(away(dataset, units));
		away.sort(awayOrder);
		return dataset.withDuals(dispatches, away);
	}

	/** The weakest villages' orgs, weakest first. */
	static List<Org> weakVillages(Dataset dataset) {
		Map<String, Unit> units = new HashMap<>();
		dataset.units().forEach((u) -> units.put(u.id(), u));
		return weakVillages(dataset, units);
	}

	private static List<Org> weakVillages(Dataset dataset, Map<String, Unit> units) {
		Map<String, Org> orgs = new HashMap<>();
		dataset.orgs().forEach((o) -> orgs.put(o.id(), o));
		Map<String, Integer> fullMembers = new HashMap<>();
		for (Member member : dataset.members()) {
			if (member.status() != MemberStatus.FULL) {
				continue;
			}
			// counted at the membership org and every org above it
			for (Org org = orgs.get(member.org()); org != null; org = orgs.get(org.parent())) {
				fullMembers.merge(org.id(), 1, Integer::sum);
			}
		}
		Set<String> withSecretary = new HashSet<>();
		for (Member member : dataset.members()) {
			for (RoleAssignment role : member.roles()) {
				if (role.role() == Role.SECRETARY) {
					withSecretary.add(role.org());
				}
			}
		}
		return dataset.orgs()
			.stream()
			.filter((o) -> isVillage(o, orgs, units))
			.sorted(Comparator.comparing((Org o) -> withSecretary.contains(o.id()))
				.thenComparing((o) -> fullMembers.getOrDefault(o.id(), 0))
				.thenComparing(Org::id))
			.limit(WEAK_VILLAGES)
			.toList();
	}

	/** A village's top org: set up in a VILLAGE unit, right under a township committee. */
	private static boolean isVillage(Org org, Map<String, Org> orgs, Map<String, Unit> units) {
		Org parent = orgs.get(org.parent());
		return parent != null && parent.kind() == OrgKind.TOWNSHIP_COMMITTEE
				&& org.units().stream().anyMatch((u) -> units.get(u) != null && units.get(u).kind() == UnitKind.VILLAGE);
	}

	/** The orgs that send first secretaries: the county office's branch and the leading enterprises' orgs. */
	private static boolean sends(Org org) {
		return org.id().equals(HuairenCounty.COUNTY_OFFICE_BRANCH)
				|| (HuairenCounty.WORKING_COMMITTEE.equals(org.parent()) && org.kind() != OrgKind.PARTY_GROUP);
	}

	private static List<Dispatch> dispatches(Dataset dataset, Map<String, Unit> units) {
		List<Org> villages = weakVillages(dataset, units);
		List<Member> people = senders(dataset);
		List<Dispatch> dispatches = new ArrayList<>();
		int next = 0;
		long span = ChronoUnit.DAYS.between(FIRST_DAY, Development.TODAY.minusDays(7));
		for (Org village : villages) {
			SplittableRandom random = new SplittableRandom(hash(village.id()) * 6151L + 2024);
			if (village.id().equals(HuairenCounty.MIN_FULL_MEMBERS_BREAK)) {
				Member member = people.get(next++);
				dispatches.add(new Dispatch(member.id(), village.id(), PLANTED_FROM, PLANTED_TO, member.org()));
				continue;
			}
			LocalDate from;
			if (random.nextInt(SUCCEEDED_ONE_IN) == 0) {
				Member before = people.get(next++);
				LocalDate began = FIRST_DAY.plusDays(random.nextInt(150));
				from = began.plusYears(TERM_YEARS);
				dispatches.add(new Dispatch(before.id(), village.id(), began, from, before.org()));
			}
			else {
				from = FIRST_DAY.plusDays(random.nextLong(span));
			}
			Member member = people.get(next++);
			dispatches.add(new Dispatch(member.id(), village.id(), from, null, member.org()));
		}
		return dispatches;
	}

	/**
	 * The people sent: from each sending org in id order, its FULL members holding no office, by a
	 * hash of their id, at most {@value #PER_SENDER}; taken round the orgs, one from each in turn.
	 */
	private static List<Member> senders(Dataset dataset) {
		Map<String, List<Member>> byOrg = new java.util.TreeMap<>();
		dataset.orgs().stream().filter(DualRelations::sends).forEach((o) -> byOrg.put(o.id(), new ArrayList<>()));
		for (Member member : dataset.members()) {
			List<Member> list = byOrg.get(member.org());
			if (list != null && member.status() == MemberStatus.FULL && member.roles().isEmpty()) {
				list.add(member);
			}
		}
		byOrg.values().forEach((list) -> list.sort(Comparator.comparing((Member m) -> hash(m.id())).thenComparing(Member::id)));
		List<Member> people = new ArrayList<>();
		for (int round = 0; round < PER_SENDER; round++) {
			for (List<Member> list : byOrg.values()) {
				if (round < list.size()) {
					people.add(list.get(round));
				}
			}
		}
		return people;
	}

	private static List<AwayRecord> away(Dataset dataset, Map<String, Unit> units) {
		Map<String, Org> orgs = new HashMap<>();
		dataset.orgs().forEach((o) -> orgs.put(o.id(), o));
		List<String> hosts = dataset.orgs()
			.stream()
			.filter((o) -> o.kind() != OrgKind.PARTY_GROUP && (HuairenCounty.WORKING_COMMITTEE.equals(o.parent())
					|| o.units().stream().anyMatch((u) -> units.get(u) != null && units.get(u).kind() == UnitKind.PARK)))
			.map(Org::id)
			.sorted()
			.toList();
		List<AwayRecord> away = new ArrayList<>();
		for (Member member : dataset.members()) {
			Org org = orgs.get(member.org());
			if (org == null || !member.roles().isEmpty() || !org.units()
				.stream()
				.anyMatch((u) -> units.get(u) != null && units.get(u).kind() == UnitKind.VILLAGE)) {
				continue;
			}
			SplittableRandom random = new SplittableRandom(hash(member.id()) * 7331L + 2023);
			if (random.nextInt(AWAY_ONE_IN) != 0) {
				continue;
			}
			String host = hosts.get(random.nextInt(hosts.size()));
			if (random.nextInt(AWAY_ENDED_ONE_IN) == 0) {
				// back home: away 6 to 18 months, ended by mid-2026
				LocalDate from = AWAY_FIRST_DAY.plusDays(random.nextInt(700));
				away.add(new AwayRecord(member.id(), host, from, from.plusMonths(6 + random.nextInt(13))));
			}
			else {
				LocalDate from = AWAY_FIRST_DAY.plusDays(random.nextLong(ChronoUnit.DAYS.between(AWAY_FIRST_DAY,
						Development.TODAY.minusDays(7))));
				away.add(new AwayRecord(member.id(), host, from, null));
			}
		}
		return away;
	}

	private static int hash(String id) {
		return Math.floorMod(id.hashCode(), 1_000_003);
	}

}
