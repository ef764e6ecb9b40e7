package org.partygraph.seed;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.partygraph.model.Candidate;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.Dataset;
import org.partygraph.model.DevelopmentRecord;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.Gender;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * The sample county's development of new members (發展黨員, docs/contract.md section 8) as it
 * stands on {@link #TODAY}: in about {@value #VILLAGE_ORGS_IN_TEN} in ten village orgs and one in
 * {@value #ENTERPRISE_ORG_ONE_IN} enterprise orgs, 1 to 4 applicants, 1 to 3 activists and 0 to 2
 * development targets, each with the records of the steps taken so far; and, for every other
 * probationer admitted in the past year ({@link Probations#ORDINARY_FROM} on), the ADMITTED candidate
 * they were, admitted on their {@code probationSince} by their own org.
 *
 * <p>
 * The spans are those of the 中國共產黨發展黨員工作細則: the talk within a month of the application,
 * a cultivation review every half year, at least a year as activist before becoming a target
 * (第十四條), and applicants at least 18. Most activists became one in the past ten months; about
 * one in {@value #LONG_ACTIVIST_ONE_IN} has been one for 13 to 20 months, past the year and due for
 * the next step. Everything is a function of the org's or member's id, whatever the seed, as
 * {@link Probations} and {@link Elections} are.
 */
final class Development {

	/** The sample's clock day. */
	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	static final int VILLAGE_ORGS_IN_TEN = 8;

	static final int ENTERPRISE_ORG_ONE_IN = 3;

	static final int LONG_ACTIVIST_ONE_IN = 8;

	/** One in this many recent probationers gets the candidate they were. */
	static final int ADMITTED_ONE_IN = 2;

	/** The least time as activist before becoming a development target (細則 第十四條). */
	static final Period ACTIVIST_YEAR = Period.ofYears(1);

	private static final Comparator<DevelopmentRecord> RECORD_ORDER = Comparator.comparing(DevelopmentRecord::on)
		.thenComparing(DevelopmentRecord::kind);

	private Development() {
	}

	/** The dataset with its candidates, in id order. */
	static Dataset withCandidates(Dataset dataset) {
		Map<String, Unit> units = new HashMap<>();
		dataset.units().forEach((u) -> units.put(u.id(), u));
		Map<String, List<Member>> fullMembers = new HashMap<>();
		for (Member member : dataset.members()) {
			if (member.status() == MemberStatus.FULL) {
				fullMembers.computeIfAbsent(member.org(), (k) -> new ArrayList<>()).add(member);
			}
		}
		List<Candidate> candidates = new ArrayList<>();
		for (Org org : dataset.orgs()) {
			if (develops(org, units)) {
				candidates.addAll(pipeline(org, fullMembers.getOrDefault(org.id(), List.of())));
			}
		}
		for (Member member : dataset.members()) {
			Candidate admitted = admitted(member, fullMembers.getOrDefault(member.org(), List.of()));
			if (admitted != null) {
				candidates.add(admitted);
			}
		}
		candidates.sort(Comparator.comparing(Candidate::id));
		return new Dataset(dataset.name(), dataset.units(), dataset.orgs(), dataset.members(), candidates);
	}

	/** Whether the org has a pipeline of its own: most village orgs, some enterprise orgs. */
	private static boolean develops(Org org, Map<String, Unit> units) {
		if (org.kind() == OrgKind.PARTY_GROUP || org.kind().ordinal() < OrgKind.PRIMARY_COMMITTEE.ordinal()) {
			return false;
		}
		int h = hash(org.id());
		for (String id : org.units()) {
			Unit unit = units.get(id);
			if (unit != null && unit.kind() == UnitKind.VILLAGE) {
				return h % 10 < VILLAGE_ORGS_IN_TEN;
			}
			if (unit != null && unit.kind() == UnitKind.ENTERPRISE) {
				return h % ENTERPRISE_ORG_ONE_IN == 0;
			}
		}
		return false;
	}

	private static List<Candidate> pipeline(Org org, List<Member> sponsors) {
		SplittableRandom random = new SplittableRandom(hash(org.id()) * 7919L + 2026);
		String prefix = "c-" + org.id().substring(org.id().indexOf('-') + 1) + "-";
		List<Candidate> candidates = new ArrayList<>();
		int applicants = 1 + random.nextInt(4);
		int activists = 1 + random.nextInt(3);
		int targets = random.nextInt(3);
		for (int i = 0; i < applicants + activists + targets; i++) {
			String id = prefix + String.format("%02d", i + 1);
			CandidateStage stage = (i < applicants) ? CandidateStage.APPLICANT
					: (i < applicants + activists) ? CandidateStage.ACTIVIST : CandidateStage.DEVELOPMENT_TARGET;
			candidates.add(newPerson(id, org.id(), stage, random, sponsors));
		}
		return candidates;
	}

	/** Someone not yet admitted, with the days and records of the stages reached by today. */
	private static Candidate newPerson(String id, String org, CandidateStage stage, SplittableRandom random,
			List<Member> sponsors) {
		LocalDate applied;
		LocalDate activist = null;
		LocalDate target = null;
		switch (stage) {
			case APPLICANT -> applied = TODAY.minusDays(10 + random.nextInt(290));
			case ACTIVIST -> {
				activist = (random.nextInt(LONG_ACTIVIST_ONE_IN) == 0)
						? TODAY.minusMonths(13).minusDays(random.nextInt(210))
						: TODAY.minusDays(30 + random.nextInt(270));
				applied = activist.minusDays(60 + random.nextInt(340));
			}
			default -> {
				target = TODAY.minusDays(10 + random.nextInt(320));
				activist = target.minus(ACTIVIST_YEAR).minusDays(random.nextInt(200));
				applied = activist.minusDays(60 + random.nextInt(340));
			}
		}
		Gender gender = (random.nextInt(100) < 35) ? Gender.F : Gender.M;
		String name = ChineseNames.fullName(random, gender);
		// 18 to 45 on the day of the application
		LocalDate birthDate = applied.minusYears(18).minusDays(1 + random.nextInt(27 * 365));
		List<DevelopmentRecord> records = records(applied, activist, target, null, random, sponsors);
		return new Candidate(id, name, org, stage, applied, activist, target, null, null, gender, birthDate, records);
	}

	/**
	 * The ADMITTED candidate a recent probationer was, for one in {@value #ADMITTED_ONE_IN} of those
	 * admitted on or after {@link Probations#ORDINARY_FROM}; {@code null} for anyone else, and for a
	 * member who would have applied before 18.
	 */
	private static Candidate admitted(Member member, List<Member> sponsors) {
		if (member.status() != MemberStatus.PROBATIONARY || member.probationSince() == null
				|| member.probationSince().isBefore(Probations.ORDINARY_FROM)
				|| member.probationExtendedTo() != null || hash(member.id()) % ADMITTED_ONE_IN != 0) {
			return null;
		}
		SplittableRandom random = new SplittableRandom(hash(member.id()) * 104729L + 2026);
		LocalDate admitted = member.probationSince();
		LocalDate target = admitted.minusDays(100 + random.nextInt(150));
		LocalDate activist = target.minus(ACTIVIST_YEAR).minusDays(random.nextInt(150));
		LocalDate applied = activist.minusDays(60 + random.nextInt(340));
		if (member.birthDate() != null && member.birthDate().plusYears(18).isAfter(applied)) {
			return null;
		}
		List<Member> others = sponsors.stream().filter((m) -> !m.id().equals(member.id())).toList();
		return new Candidate("c-" + member.id(), member.name(), member.org(), CandidateStage.ADMITTED, applied, activist,
				target, admitted, member.id(), member.gender(), member.birthDate(),
				records(applied, activist, target, admitted, random, others));
	}

	/** The records of the steps taken by today (or by admission), in (day, kind) order. */
	private static List<DevelopmentRecord> records(LocalDate applied, LocalDate activist, LocalDate target,
			LocalDate admitted, SplittableRandom random, List<Member> sponsors) {
		List<DevelopmentRecord> records = new ArrayList<>();
		LocalDate end = (admitted != null) ? admitted : TODAY;
		records.add(new DevelopmentRecord(DevelopmentRecordKind.APPLICATION, applied, null));
		LocalDate talk = applied.plusDays(5 + random.nextInt(24));
		if (!talk.isAfter(end) && (activist == null || talk.isBefore(activist))) {
			records.add(new DevelopmentRecord(DevelopmentRecordKind.TALK, talk, null));
		}
		if (activist != null) {
			records.add(new DevelopmentRecord(DevelopmentRecordKind.ACTIVIST_DESIGNATION, activist, sponsorNote(sponsors,
					random)));
			LocalDate stop = (target != null) ? target : end;
			for (LocalDate review = activist.plusMonths(6); review.isBefore(stop); review = review.plusMonths(6)) {
				records.add(new DevelopmentRecord(DevelopmentRecordKind.CULTIVATION, review, null));
			}
		}
		if (target != null) {
			records.add(new DevelopmentRecord(DevelopmentRecordKind.TARGET_DESIGNATION, target, null));
			LocalDate review = target.plusDays(20 + random.nextInt(31));
			LocalDate training = target.plusDays(30 + random.nextInt(41));
			LocalDate resolution = (admitted != null) ? admitted.minusDays(20 + random.nextInt(10))
					: target.plusDays(90 + random.nextInt(51));
			// A target well along: reviewed and trained, then voted on by the branch.
			if (!training.isAfter(end.minusDays(15))) {
				records.add(new DevelopmentRecord(DevelopmentRecordKind.POLITICAL_REVIEW, review, null));
				records.add(new DevelopmentRecord(DevelopmentRecordKind.TRAINING, training, null));
				if (!resolution.isAfter(end) && resolution.isAfter(training)) {
					records.add(new DevelopmentRecord(DevelopmentRecordKind.BRANCH_RESOLUTION, resolution, null));
				}
			}
		}
		if (admitted != null) {
			records.add(new DevelopmentRecord(DevelopmentRecordKind.APPROVAL, admitted, null));
		}
		records.sort(RECORD_ORDER);
		return records;
	}

	/** 培養聯繫人: two full members of the org as sponsors, when it has them. */
	private static String sponsorNote(List<Member> sponsors, SplittableRandom random) {
		if (sponsors.size() < 2) {
			return null;
		}
		int first = random.nextInt(sponsors.size());
		int second = (first + 1 + random.nextInt(sponsors.size() - 1)) % sponsors.size();
		return "培養聯繫人：" + sponsors.get(first).name() + "、" + sponsors.get(second).name();
	}

	private static int hash(String id) {
		return Math.floorMod(id.hashCode(), 1_000_003);
	}

}
