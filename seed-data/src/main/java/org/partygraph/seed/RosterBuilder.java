package org.partygraph.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;

/**
 * Enrols a number of synthetic members into one org: decides who is probationary, whether the org
 * has a committee, who holds which office, then makes the members and adds them to the draft.
 *
 * <p>
 * Officers come first in the roster and are always full members, as only full members can be
 * elected. By default the roster obeys the setup rules (at least 3 full members, a committee from
 * 7 full members on, a secretary); the planted rule breaks override that explicitly.
 */
final class RosterBuilder {

	/** Share of probationary members, about the national figure for a year's intake. */
	private static final int PROBATIONARY_PERCENT = 8;

	/** 支部工作條例 art. 20: 7 or more full members elect a committee. */
	private static final int COMMITTEE_THRESHOLD = 7;

	/** A branch needs 3 full members. */
	private static final int MIN_FULL = 3;

	/** The most offices a committee hands out: secretary, deputy and three members. */
	private static final int COMMITTEE_OFFICES = 5;

	/** Probation lasts a year, so full members joined before the year of the reference date. */
	private static final LocalDate LAST_FULL_JOINING = HuairenCounty.REFERENCE_DATE.minusYears(1);

	private static final int ADULT_AGE = 18;

	private static final int LATEST_JOINING_AGE = 45;

	private final CountyDraft draft;

	private final String org;

	private int size;

	private IntFunction<String> units = (i) -> null;

	private IntFunction<Trade> trades = (i) -> null;

	private IntFunction<String> groups = (i) -> null;

	private IntFunction<List<String>> participation = (i) -> List.of();

	private Boolean committee;

	private Integer probationary;

	private boolean secretary = true;

	private final List<RoleAssignment> secretaryAlsoHolds = new ArrayList<>();

	private final List<RoleAssignment> alsoHolding = new ArrayList<>();

	private int minAge = 22;

	private int maxAge = 85;

	private boolean skewOld = true;

	RosterBuilder(CountyDraft draft, String org) {
		this.draft = draft;
		this.org = org;
	}

	RosterBuilder size(int size) {
		this.size = size;
		return this;
	}

	/** Where member {@code i} works or lives. */
	RosterBuilder units(IntFunction<String> units) {
		this.units = units;
		return this;
	}

	RosterBuilder trades(IntFunction<Trade> trades) {
		this.trades = trades;
		return this;
	}

	/** The PARTY_GROUP member {@code i} is assigned to, or {@code null}. */
	RosterBuilder groups(IntFunction<String> groups) {
		this.groups = groups;
		return this;
	}

	RosterBuilder participation(IntFunction<List<String>> participation) {
		this.participation = participation;
		return this;
	}

	/** Forces {@code hasCommittee}; by default it follows the 7-full-member threshold. */
	RosterBuilder committee(boolean committee) {
		this.committee = committee;
		return this;
	}

	/** Fixes how many members are probationary; by default about 8%. */
	RosterBuilder probationary(int probationary) {
		this.probationary = probationary;
		return this;
	}

	/** Leaves the secretary's post vacant: the first officer is a deputy who presides. */
	RosterBuilder withoutSecretary() {
		this.secretary = false;
		return this;
	}

	/** Offices elsewhere that the secretary holds too (a township deputy secretary...). */
	RosterBuilder secretaryAlsoHolds(RoleAssignment... roles) {
		this.secretaryAlsoHolds.addAll(List.of(roles));
		return this;
	}

	/** Offices elsewhere, each given to a further full member of this roster. */
	RosterBuilder alsoHolding(RoleAssignment... roles) {
		this.alsoHolding.addAll(List.of(roles));
		return this;
	}

	/** The age range of the members who hold no office; the default favours older ages. */
	RosterBuilder ages(int minAge, int maxAge, boolean skewOld) {
		this.minAge = minAge;
		this.maxAge = maxAge;
		this.skewOld = skewOld;
		return this;
	}

	Roster enrol() {
		int probationaryCount = (this.probationary != null) ? this.probationary : drawProbationary();
		int full = this.size - probationaryCount;
		boolean hasCommittee = (this.committee != null) ? this.committee : full >= COMMITTEE_THRESHOLD;
		List<List<RoleAssignment>> offices = offices(hasCommittee);
		if (offices.size() > full) {
			throw new IllegalStateException(this.org + ": " + offices.size() + " offices for " + full + " full members");
		}
		boolean[] probationaryAt = probationaryPositions(offices.size(), probationaryCount);
		List<Member> members = new ArrayList<>(this.size);
		Set<String> ledGroups = new HashSet<>();
		for (int i = 0; i < this.size; i++) {
			boolean officer = i < offices.size();
			MemberStatus status = probationaryAt[i] ? MemberStatus.PROBATIONARY : MemberStatus.FULL;
			List<RoleAssignment> roles = new ArrayList<>(officer ? offices.get(i) : List.of());
			String group = this.groups.apply(i);
			if (group != null && status == MemberStatus.FULL && ledGroups.add(group)) {
				roles.add(new RoleAssignment(group, Role.GROUP_LEADER));
			}
			members.add(this.draft.add(member(i, status, officer, group, roles)));
		}
		return new Roster(members, full, hasCommittee);
	}

	private Member member(int i, MemberStatus status, boolean officer, String group, List<RoleAssignment> roles) {
		Person person;
		if (officer) {
			person = this.draft.people().person(28, 62, false);
		}
		else if (status == MemberStatus.PROBATIONARY) {
			person = this.draft.people().person(22, 40, false);
		}
		else {
			person = this.draft.people().person(this.minAge, this.maxAge, this.skewOld);
		}
		return new Member(this.draft.nextMemberId(), person.name(), status, this.org, this.units.apply(i),
				this.trades.apply(i), person.gender(), person.birthDate(), joined(person, status), person.idNumber(),
				person.phone(), group, roles, this.participation.apply(i));
	}

	private LocalDate joined(Person person, MemberStatus status) {
		LocalDate adult = person.birthDate().plusYears(ADULT_AGE);
		if (status == MemberStatus.PROBATIONARY) {
			LocalDate yearStart = LAST_FULL_JOINING.plusDays(1);
			return this.draft.people()
				.dayBetween(adult.isAfter(yearStart) ? adult : yearStart, HuairenCounty.REFERENCE_DATE);
		}
		// most join in their twenties or thirties; none after their mid-forties
		LocalDate latest = person.birthDate().plusYears(LATEST_JOINING_AGE);
		return this.draft.people().dayBetween(adult, latest.isBefore(LAST_FULL_JOINING) ? latest : LAST_FULL_JOINING);
	}

	private int drawProbationary() {
		int count = 0;
		for (int i = 0; i < this.size; i++) {
			if (this.draft.chance(PROBATIONARY_PERCENT)) {
				count++;
			}
		}
		// keep room for the officers and the 3 full members a branch needs
		int needFull = Math.min(this.size, Math.max(MIN_FULL, COMMITTEE_OFFICES + this.alsoHolding.size()));
		return Math.min(count, this.size - needFull);
	}

	private List<List<RoleAssignment>> offices(boolean hasCommittee) {
		List<List<RoleAssignment>> offices = new ArrayList<>();
		List<RoleAssignment> first = new ArrayList<>();
		first.add(new RoleAssignment(this.org, this.secretary ? Role.SECRETARY : Role.DEPUTY_SECRETARY));
		first.addAll(this.secretaryAlsoHolds);
		offices.add(first);
		if (hasCommittee) {
			if (this.secretary) {
				offices.add(List.of(new RoleAssignment(this.org, Role.DEPUTY_SECRETARY)));
			}
			// a committee has 3 to 5 members in all
			int committeeMembers = this.draft.between(1, 3);
			for (int i = 0; i < committeeMembers; i++) {
				offices.add(List.of(new RoleAssignment(this.org, Role.COMMITTEE_MEMBER)));
			}
		}
		for (RoleAssignment role : this.alsoHolding) {
			offices.add(List.of(role));
		}
		return offices;
	}

	private boolean[] probationaryPositions(int officers, int count) {
		List<Integer> candidates = new ArrayList<>();
		for (int i = officers; i < this.size; i++) {
			candidates.add(i);
		}
		this.draft.shuffle(candidates);
		boolean[] probationaryAt = new boolean[this.size];
		for (int i = 0; i < count; i++) {
			probationaryAt[candidates.get(i)] = true;
		}
		return probationaryAt;
	}

}
