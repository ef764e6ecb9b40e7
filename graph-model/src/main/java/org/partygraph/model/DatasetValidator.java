package org.partygraph.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the hard rules of {@code party-graph/1} on a dataset held in memory: required fields,
 * names of units, orgs and members as {@link Names} wants them (judged on their stored form, which
 * the reader already gives), unique ids, references that resolve in the right list, no subordination
 * cycle, and membership and party groups placed as the contract demands.
 *
 * <p>
 * Soft rules (kind order of a parent, member thresholds) are not checked here: they load and show up
 * as compliance issues. The checks run in time linear in the size of the dataset, so that the
 * what-if engine and mutations can call them on whole counties.
 *
 * <p>
 * An item is named in a problem by its id, or by its position such as {@code orgs[3]} when it has
 * no id, the same way the reader names it.
 */
public final class DatasetValidator {

	private final Dataset dataset;

	private List<Problem> problems = new ArrayList<>();

	/** First position of each id over all three lists: units first, then orgs, then members. */
	private final Map<String, Integer> positions;

	/** Every position of each id held more than once, in the order the clashes were found. */
	private final Map<String, List<Integer>> duplicates = new LinkedHashMap<>();

	/** Index in {@code orgs} of the first org with each id. */
	private final Map<String, Integer> orgIndex;

	/** Index in {@code units} of the first unit with each id. */
	private final Map<String, Integer> unitIndex;

	/** Index in {@code candidates} of the first candidate with each id; their ids are their own. */
	private final Map<String, Integer> candidateIndex = new HashMap<>();

	/**
	 * A streaming check's members named by the dual relations, by id ({@code null} for a whole
	 * dataset, whose members are all at hand).
	 */
	private Map<String, Member> namedMembers;

	private DatasetValidator(Dataset dataset) {
		this.dataset = dataset;
		this.positions = new HashMap<>(capacity(dataset.size()));
		this.orgIndex = new HashMap<>(capacity(dataset.orgs().size()));
		this.unitIndex = new HashMap<>(capacity(dataset.units().size()));
	}

	/**
	 * Every hard-rule problem of the dataset, or an empty list when it may be stored.
	 * @param dataset the dataset to check; may hold {@code null} fields (they are reported as
	 * missing when required)
	 * @return the problems, in a stable order: dataset, duplicates, units, orgs, members, candidates,
	 * dispatches, stays away, cycles
	 */
	public static List<Problem> validate(Dataset dataset) {
		return new DatasetValidator(dataset).run();
	}

	private List<Problem> run() {
		if (this.dataset.name() == null || this.dataset.name().isBlank()) {
			this.problems.add(Problem.of(Problem.DATASET, "name", "name is missing", "problem.missing", "name"));
		}
		indexIds();
		reportDuplicates();
		List<Unit> units = this.dataset.units();
		for (int i = 0; i < units.size(); i++) {
			checkUnit(i, units.get(i));
		}
		List<Org> orgs = this.dataset.orgs();
		for (int i = 0; i < orgs.size(); i++) {
			checkOrg(i, orgs.get(i));
		}
		List<Member> members = this.dataset.members();
		for (int i = 0; i < members.size(); i++) {
			checkMember(i, members.get(i));
		}
		List<Candidate> candidates = this.dataset.candidates();
		for (int i = 0; i < candidates.size(); i++) {
			checkCandidate(i, candidates.get(i));
		}
		checkDispatches(this.dataset.dispatches());
		checkAway(this.dataset.away());
		SubordinationCycles.find(orgs, this.orgIndex, this.problems);
		return List.copyOf(this.problems);
	}

	/**
	 * Starts checking a dataset whose members come one at a time, as a file of millions of members
	 * is read: units and orgs are held (they are few), members are checked as they come and only
	 * their ids are kept. The problems are those {@link #validate(Dataset)} finds, except that a
	 * reference to a member id that comes later in the file is called unknown rather than "a member".
	 * @param name the dataset's name
	 * @param units every unit
	 * @param orgs every org
	 * @return the check, to be given each member and then {@link Streaming#finish() finished}
	 */
	public static Streaming streaming(String name, List<Unit> units, List<Org> orgs) {
		return new Streaming(new DatasetValidator(new Dataset(name, units, orgs, List.of())));
	}

	/** A check fed one member at a time; see {@link DatasetValidator#streaming}. */
	public static final class Streaming {

		private final DatasetValidator validator;

		private final List<Problem> head;

		private final List<Problem> members = new ArrayList<>();

		private final int offset;

		private int index;

		private Streaming(DatasetValidator validator) {
			this.validator = validator;
			Dataset dataset = validator.dataset;
			if (dataset.name() == null || dataset.name().isBlank()) {
				validator.problems.add(Problem.of(Problem.DATASET, "name", "name is missing", "problem.missing", "name"));
			}
			int position = 0;
			for (Unit unit : dataset.units()) {
				validator.index(unit.id(), position++, validator.unitIndex, 0);
			}
			for (Org org : dataset.orgs()) {
				validator.index(org.id(), position++, validator.orgIndex, dataset.units().size());
			}
			this.offset = position;
			List<Unit> units = dataset.units();
			for (int i = 0; i < units.size(); i++) {
				validator.checkUnit(i, units.get(i));
			}
			List<Org> orgs = dataset.orgs();
			for (int i = 0; i < orgs.size(); i++) {
				validator.checkOrg(i, orgs.get(i));
			}
			this.head = validator.problems;
			validator.problems = this.members;
		}

		/** Checks the next member. */
		public void member(Member member) {
			this.validator.index(member.id(), this.offset + this.index, null, 0);
			this.validator.checkMember(this.index, member);
			this.index++;
		}

		/** Members checked so far. */
		public int memberCount() {
			return this.index;
		}

		/** Problems found so far, duplicates and cycles aside (those need every item). */
		public int problemCount() {
			return this.head.size() + this.members.size();
		}

		/**
		 * Every problem, in the order {@link DatasetValidator#validate(Dataset)} gives them; empty
		 * when the dataset may be stored.
		 */
		public List<Problem> finish() {
			return finish(List.of(), List.of(), List.of(), Map.of());
		}

		/**
		 * As {@link #finish()}, with the candidates, first secretaries' dispatches and stays away of
		 * the dataset ({@code party-graph/2}) checked as {@link DatasetValidator#validate(Dataset)}
		 * checks them, after the members, every member having been given. Only the members the
		 * dispatches and stays away name are needed whole (a second read of a file can find them):
		 * those rules look at a member's own org.
		 * @param namedMembers every member a dispatch or stay away names that is among the members, by id
		 */
		public List<Problem> finish(List<Candidate> candidates, List<Dispatch> dispatches, List<AwayRecord> away,
				Map<String, Member> namedMembers) {
			List<Problem> all = new ArrayList<>();
			this.validator.problems = all;
			this.validator.reportDuplicates();
			List<Problem> duplicates = List.copyOf(all);
			all.clear();
			for (Problem problem : this.head) {
				all.add(problem);
			}
			// the name problem, when there is one, comes first, duplicates right after it
			int named = (!all.isEmpty() && Problem.DATASET.equals(all.get(0).item()) && "name".equals(all.get(0).field())) ? 1 : 0;
			all.addAll(named, duplicates);
			all.addAll(this.members);
			List<Problem> duals = new ArrayList<>();
			this.validator.problems = duals;
			this.validator.namedMembers = namedMembers;
			for (int i = 0; i < candidates.size(); i++) {
				this.validator.checkCandidate(i, candidates.get(i));
			}
			this.validator.checkDispatches(dispatches);
			this.validator.checkAway(away);
			all.addAll(duals);
			this.validator.problems = all;
			SubordinationCycles.find(this.validator.dataset.orgs(), this.validator.orgIndex, all);
			return List.copyOf(all);
		}

	}

	private void indexIds() {
		int position = 0;
		for (Unit unit : this.dataset.units()) {
			index(unit.id(), position++, this.unitIndex, 0);
		}
		for (Org org : this.dataset.orgs()) {
			index(org.id(), position++, this.orgIndex, this.dataset.units().size());
		}
		for (Member member : this.dataset.members()) {
			index(member.id(), position++, null, 0);
		}
	}

	private void index(String id, int position, Map<String, Integer> listIndex, int listOffset) {
		if (isBlank(id)) {
			return;
		}
		Integer first = this.positions.putIfAbsent(id, position);
		if (first != null) {
			this.duplicates.computeIfAbsent(id, (key) -> new ArrayList<>(List.of(first))).add(position);
		}
		if (listIndex != null) {
			listIndex.putIfAbsent(id, position - listOffset);
		}
	}

	private void reportDuplicates() {
		this.duplicates.forEach((id, all) -> {
			for (int position : all) {
				StringBuilder others = new StringBuilder();
				for (int other : all) {
					if (other != position) {
						others.append((others.length() > 0) ? ", " : "").append(positionName(other));
					}
				}
				this.problems.add(Problem.of(id, "id", "duplicate id: " + positionName(position) + " has the same id as "
						+ others, "dataset.duplicateId", positionName(position), others));
			}
		});
	}

	private void checkUnit(int index, Unit unit) {
		String item = itemName("units", index, unit.id());
		required(item, "id", isBlank(unit.id()) ? null : unit.id());
		required(item, "kind", unit.kind());
		name(item, unit.name());
		reference(item, "locatedIn", unit.locatedIn(), this.unitIndex, "unit");
		reference(item, "industry", unit.industry(), this.unitIndex, "unit");
		reference(item, "supplies", unit.supplies(), this.unitIndex, "unit");
		List<String> adjacent = unit.adjacentTo();
		for (int i = 0; i < adjacent.size(); i++) {
			String field = "adjacentTo[" + i + "]";
			String id = adjacent.get(i);
			required(item, field, id);
			if (id != null && id.equals(unit.id())) {
				this.problems.add(Problem.of(item, field, field + " is the unit itself ('" + id + "')",
						"dataset.unit.adjacentToItself", field, id));
			}
			else if (id != null && adjacent.indexOf(id) < i) {
				this.problems.add(Problem.of(item, field, field + " lists '" + id + "' again", "dataset.unit.adjacentAgain",
						field, id));
			}
		}
		references(item, "adjacentTo", adjacent, this.unitIndex, "unit");
	}

	private void checkOrg(int index, Org org) {
		String item = itemName("orgs", index, org.id());
		required(item, "id", isBlank(org.id()) ? null : org.id());
		required(item, "kind", org.kind());
		name(item, org.name());
		reference(item, "parent", org.parent(), this.orgIndex, "org");
		references(item, "coManagedBy", org.coManagedBy(), this.orgIndex, "org");
		references(item, "units", org.units(), this.unitIndex, "unit");
	}

	private void checkMember(int index, Member member) {
		String item = itemName("members", index, member.id());
		required(item, "id", isBlank(member.id()) ? null : member.id());
		name(item, member.name());
		required(item, "status", member.status());
		required(item, "org", member.org());
		reference(item, "org", member.org(), this.orgIndex, "org");
		Org membership = org(member.org());
		if (membership != null && membership.kind() == OrgKind.PARTY_GROUP) {
			this.problems.add(Problem.of(item, "org", "org '" + member.org()
					+ "' is a PARTY_GROUP; membership must be in the org above it, with the group given as group",
					"dataset.member.orgPartyGroup", member.org()));
		}
		reference(item, "unit", member.unit(), this.unitIndex, "unit");
		checkGroup(item, member);
		List<RoleAssignment> roles = member.roles();
		for (int i = 0; i < roles.size(); i++) {
			RoleAssignment role = roles.get(i);
			String prefix = "roles[" + i + "].";
			required(item, prefix + "org", role.org());
			required(item, prefix + "role", role.role());
			reference(item, prefix + "org", role.org(), this.orgIndex, "org");
		}
		references(item, "participatesIn", member.participatesIn(), this.orgIndex, "org");
		LocalDate start = (member.probationSince() != null) ? member.probationSince() : member.joined();
		if (member.probationExtendedTo() != null && start != null && !member.probationExtendedTo().isAfter(start)) {
			String began = (member.probationSince() != null) ? "probationSince" : "joined";
			this.problems.add(Problem.of(item, "probationExtendedTo", "probationExtendedTo "
					+ member.probationExtendedTo() + " is not after the probation began (" + began + " " + start + ")",
					"dataset.member.extendedNotAfter", member.probationExtendedTo(), began, start));
		}
	}

	/**
	 * A candidate: its id unique among candidates (a candidate's id is not a unit's, org's or
	 * member's), the org that develops it, the day of each stage reached and of none not reached, in
	 * order, the member it became only when ADMITTED, and its records.
	 */
	private void checkCandidate(int index, Candidate candidate) {
		String item = itemName("candidates", index, candidate.id());
		if (isBlank(candidate.id())) {
			required(item, "id", null);
		}
		else {
			Integer first = this.candidateIndex.putIfAbsent(candidate.id(), index);
			if (first != null) {
				this.problems.add(Problem.of(item, "id", "duplicate id: candidates[" + index
						+ "] has the same id as candidates[" + first + "]", "dataset.duplicateId", "candidates[" + index + "]",
						"candidates[" + first + "]"));
			}
		}
		name(item, candidate.name());
		required(item, "org", candidate.org());
		reference(item, "org", candidate.org(), this.orgIndex, "org");
		Org org = org(candidate.org());
		if (org != null && org.kind() == OrgKind.PARTY_GROUP) {
			this.problems.add(Problem.of(item, "org", "org '" + candidate.org()
					+ "' is a PARTY_GROUP; a candidate is developed by the org above it", "dataset.candidate.orgPartyGroup",
					candidate.org()));
		}
		required(item, "stage", candidate.stage());
		required(item, "appliedOn", candidate.appliedOn());
		CandidateStage stage = candidate.stage();
		LocalDate previous = candidate.appliedOn();
		String previousKey = "appliedOn";
		for (CandidateStage later : List.of(CandidateStage.ACTIVIST, CandidateStage.DEVELOPMENT_TARGET,
				CandidateStage.ADMITTED)) {
			String key = Candidate.sinceKey(later);
			LocalDate since = candidate.since(later);
			if (stage != null && candidate.reached(later) && since == null) {
				this.problems.add(Problem.of(item, key, key + " is missing: the candidate is at stage " + stage,
						"dataset.candidate.sinceMissing", key, stage));
			}
			else if (stage != null && !candidate.reached(later) && since != null) {
				this.problems.add(Problem.of(item, key, key + " is given, but the candidate is at stage " + stage
						+ ", before " + later, "dataset.candidate.sinceNotReached", key, stage, later));
			}
			if (since != null) {
				if (previous != null && since.isBefore(previous)) {
					this.problems.add(Problem.of(item, key, key + " " + since + " is before " + previousKey + " "
							+ previous, "dataset.before", key, since, previousKey, previous));
				}
				previous = since;
				previousKey = key;
			}
		}
		checkBecame(item, candidate);
		checkFormer(item, candidate);
		List<DevelopmentRecord> records = candidate.records();
		for (int i = 0; i < records.size(); i++) {
			DevelopmentRecord record = records.get(i);
			String prefix = "records[" + i + "].";
			required(item, prefix + "kind", record.kind());
			required(item, prefix + "on", record.on());
			if (record.on() != null && candidate.appliedOn() != null && record.on().isBefore(candidate.appliedOn())) {
				this.problems.add(Problem.of(item, prefix + "on", prefix + "on " + record.on()
						+ " is before appliedOn " + candidate.appliedOn(), "dataset.before", prefix + "on", record.on(),
						"appliedOn", candidate.appliedOn()));
			}
			if (record.kind() != null && stage != null && !candidate.reached(record.kind().stage())) {
				this.problems.add(Problem.of(item, prefix + "kind", prefix + "kind " + record.kind()
						+ " needs stage " + record.kind().stage() + "; the candidate is at stage " + stage,
						"dataset.candidate.recordNeedsStage", prefix + "kind", record.kind(), record.kind().stage(), stage));
			}
		}
	}

	/**
	 * The orgs that handed the candidate on ({@code formerOrgs}, ids of orgs that may be gone since)
	 * and the days they did ({@code formerUntil}): as many days as orgs, oldest first, none before
	 * {@code appliedOn}.
	 */
	private void checkFormer(String item, Candidate candidate) {
		List<LocalDate> until = candidate.formerUntil();
		if (candidate.formerOrgs().size() != until.size()) {
			this.problems.add(Problem.of(item, "formerUntil", "formerUntil has " + until.size() + " days for "
					+ candidate.formerOrgs().size() + " formerOrgs; each org needs the day it handed the candidate on",
					"dataset.candidate.formerCount", until.size(), candidate.formerOrgs().size()));
			return;
		}
		LocalDate previous = candidate.appliedOn();
		String previousKey = "appliedOn";
		for (int i = 0; i < until.size(); i++) {
			if (previous != null && until.get(i).isBefore(previous)) {
				this.problems.add(Problem.of(item, "formerUntil[" + i + "]", "formerUntil[" + i + "] " + until.get(i)
						+ " is before " + previousKey + " " + previous, "dataset.candidate.formerBefore", "formerUntil[" + i + "]",
						until.get(i), previousKey, previous));
			}
			previous = until.get(i);
			previousKey = "formerUntil[" + i + "]";
		}
	}

	/**
	 * The member an ADMITTED candidate became: given only then, and a member of the dataset; absent
	 * when that membership has ended since (a cancelled probation).
	 */
	private void checkBecame(String item, Candidate candidate) {
		if (candidate.stage() == null) {
			return;
		}
		if (candidate.stage() != CandidateStage.ADMITTED) {
			if (candidate.member() != null) {
				this.problems.add(Problem.of(item, "member", "member is given, but the candidate is at stage "
						+ candidate.stage() + "; only an ADMITTED candidate became a member",
						"dataset.candidate.memberNotAdmitted", candidate.stage()));
			}
			return;
		}
		if (candidate.member() == null) {
			// An admitted candidate whose probationary membership was cancelled later (decideProbation
			// CANCELLED) is no longer a member: it keeps its record without one.
			return;
		}
		Integer position = this.positions.get(candidate.member());
		int firstMember = this.dataset.units().size() + this.dataset.orgs().size();
		if (position == null || position < firstMember) {
			this.problems.add(wrongReference(item, "member", candidate.member(), "member"));
		}
	}

	/**
	 * First secretaries' dispatches, each named {@code dispatches[i]}: the member a member of the
	 * dataset (field {@code member}); the village's org known, set up in a VILLAGE unit and, while
	 * open, not the member's own org (field {@code village}); {@code from} given; {@code to}, when given, after it
	 * (field {@code to}); {@code by}, when given, a known org (field {@code by}); and no two of one
	 * member's dispatches overlapping, the later one in the file named (field {@code from}): one
	 * village at a time.
	 */
	private void checkDispatches(List<Dispatch> dispatches) {
		Map<String, List<Integer>> byMember = new HashMap<>();
		for (int i = 0; i < dispatches.size(); i++) {
			Dispatch dispatch = dispatches.get(i);
			String item = "dispatches[" + i + "]";
			Member member = member(item, dispatch.member());
			required(item, "village", dispatch.village());
			reference(item, "village", dispatch.village(), this.orgIndex, "org");
			Org village = org(dispatch.village());
			if (village != null && !village.units().stream().anyMatch(this::isVillage)) {
				this.problems.add(Problem.of(item, "village", "village '" + dispatch.village()
						+ "' is not a village's org (it is set up in no VILLAGE unit); first secretaries are sent to villages",
						"dataset.dispatch.notVillage", dispatch.village()));
			}
			// An ended dispatch to what is now the member's own org is history (they moved there later).
			else if (village != null && member != null && village.id().equals(member.org()) && dispatch.to() == null) {
				this.problems.add(Problem.of(item, "village", "'" + member.id() + "' is a member of '" + village.id()
						+ "'; a first secretary is sent from outside the village", "problem.dispatch.ownVillage", member.id(),
						village.id()));
			}
			reference(item, "by", dispatch.by(), this.orgIndex, "org");
			if (span(item, dispatch.from(), dispatch.to()) && dispatch.member() != null) {
				List<Integer> earlier = byMember.computeIfAbsent(dispatch.member(), (k) -> new ArrayList<>());
				for (int other : earlier) {
					Dispatch d = dispatches.get(other);
					if (overlaps(d.from(), d.to(), dispatch.from(), dispatch.to())) {
						this.problems.add(Problem.of(item, "from", "'" + dispatch.member() + "' is already dispatched to '"
								+ d.village() + "' from " + d.from() + until(d.to()) + " (dispatches[" + other
								+ "]); one person serves one village at a time", "dataset.dispatch.overlap", dispatch.member(),
								d.village(), d.from(), untilWording(d.to()), "dispatches[" + other + "]"));
						break;
					}
				}
				earlier.add(i);
			}
		}
	}

	/**
	 * Mobile members' stays away, each named {@code away[i]}: the member a member of the dataset
	 * (field {@code member}); the org known, not a PARTY_GROUP and, while open, not the member's own
	 * org (field {@code org}); {@code from} given; {@code to}, when given, after it (field {@code to}); and no
	 * two of one member's stays overlapping, the later one in the file named (field {@code from}).
	 */
	private void checkAway(List<AwayRecord> away) {
		Map<String, List<Integer>> byMember = new HashMap<>();
		for (int i = 0; i < away.size(); i++) {
			AwayRecord record = away.get(i);
			String item = "away[" + i + "]";
			Member member = member(item, record.member());
			required(item, "org", record.org());
			reference(item, "org", record.org(), this.orgIndex, "org");
			Org org = org(record.org());
			if (org != null && org.kind() == OrgKind.PARTY_GROUP) {
				this.problems.add(Problem.of(item, "org", "org '" + record.org()
						+ "' is a PARTY_GROUP; a mobile member flows in at an org, not a party group",
						"dataset.away.orgPartyGroup", record.org()));
			}
			// An ended stay at what is now the member's own org is history (they moved there later).
			else if (org != null && member != null && org.id().equals(member.org()) && record.to() == null) {
				this.problems.add(Problem.of(item, "org", "'" + member.id() + "' is a member of '" + org.id()
						+ "'; a member is away at another org than their own", "problem.away.ownOrg", member.id(), org.id()));
			}
			if (span(item, record.from(), record.to()) && record.member() != null) {
				List<Integer> earlier = byMember.computeIfAbsent(record.member(), (k) -> new ArrayList<>());
				for (int other : earlier) {
					AwayRecord a = away.get(other);
					if (overlaps(a.from(), a.to(), record.from(), record.to())) {
						this.problems.add(Problem.of(item, "from", "'" + record.member() + "' is already away at '" + a.org()
								+ "' from " + a.from() + until(a.to()) + " (away[" + other
								+ "]); a member is away at one org at a time", "dataset.away.overlap", record.member(), a.org(),
								a.from(), untilWording(a.to()), "away[" + other + "]"));
						break;
					}
				}
				earlier.add(i);
			}
		}
	}

	/**
	 * The member a dual relation starts from: required, and a member of the dataset (field
	 * {@code member}); that member, or {@code null} when it is not one.
	 */
	private Member member(String item, String id) {
		required(item, "member", id);
		if (id == null) {
			return null;
		}
		Integer position = this.positions.get(id);
		int firstMember = this.dataset.units().size() + this.dataset.orgs().size();
		if (position == null || position < firstMember) {
			this.problems.add(wrongReference(item, "member", id, "member"));
			return null;
		}
		return (this.namedMembers != null) ? this.namedMembers.get(id)
				: this.dataset.members().get(position - firstMember);
	}

	/**
	 * The days of a dual relation: {@code from} given, {@code to} after it when given (field
	 * {@code to}); whether they make a span.
	 */
	private boolean span(String item, LocalDate from, LocalDate to) {
		required(item, "from", from);
		if (from != null && to != null && !to.isAfter(from)) {
			this.problems.add(Problem.of(item, "to", "to " + to + " is not after from " + from, "problem.toNotAfterFrom", to,
					from));
			return false;
		}
		return from != null;
	}

	/** The end of a span as the tail of a message: {@code " to DAY"}, or {@code " with no end"}. */
	private static String until(LocalDate to) {
		return (to != null) ? " to " + to : " with no end";
	}

	/** {@link #until} as a wording of the bundles. */
	private static Wording untilWording(LocalDate to) {
		return (to != null) ? Wording.of("problem.until", to) : Wording.of("problem.noEnd");
	}

	/** Whether two spans of days, each from its first day up to, not including, its end (null: open), share a day. */
	static boolean overlaps(LocalDate from, LocalDate to, LocalDate otherFrom, LocalDate otherTo) {
		return (otherTo == null || from.isBefore(otherTo)) && (to == null || to.isAfter(otherFrom));
	}

	private boolean isVillage(String unitId) {
		Integer index = (unitId != null) ? this.unitIndex.get(unitId) : null;
		return index != null && this.dataset.units().get(index).kind() == UnitKind.VILLAGE;
	}

	private void checkGroup(String item, Member member) {
		if (member.group() == null) {
			return;
		}
		reference(item, "group", member.group(), this.orgIndex, "org");
		Org group = org(member.group());
		// A group whose kind is unknown was already reported at that org; judging it again would only
		// repeat that problem here.
		if (group == null || group.kind() == null) {
			return;
		}
		if (group.kind() != OrgKind.PARTY_GROUP) {
			this.problems.add(Problem.of(item, "group",
					"group '" + member.group() + "' is a " + group.kind() + ", not a PARTY_GROUP", "dataset.group.notPartyGroup",
					member.group(), group.kind()));
		}
		else if (member.org() != null && !member.org().equals(group.parent())) {
			String actual = (group.parent() != null) ? "its parent is '" + group.parent() + "'" : "it has no parent";
			Wording actualWording = (group.parent() != null) ? Wording.of("problem.group.parentIs", group.parent())
					: Wording.of("problem.group.noParent");
			this.problems.add(Problem.of(item, "group", "group '" + member.group() + "' is not under the member's org '"
					+ member.org() + "' (" + actual + ")", "problem.group.notUnder", member.group(), member.org(),
					actualWording));
		}
	}

	/** The name rule of {@link Names}, judged on the name's stored form; a missing name is told so. */
	private void name(String item, String name) {
		Names.Flaw flaw = Names.flaw(name);
		if (flaw != null) {
			this.problems.add(new Problem(item, "name", flaw.message(), flaw.wording()));
		}
	}

	private void required(String item, String field, Object value) {
		if (value == null) {
			this.problems.add(Problem.of(item, field, field + " is missing", "problem.missing", field));
		}
	}

	private void references(String item, String field, List<String> ids, Map<String, Integer> target,
			String targetKind) {
		for (int i = 0; i < ids.size(); i++) {
			reference(item, field + "[" + i + "]", ids.get(i), target, targetKind);
		}
	}

	private void reference(String item, String field, String id, Map<String, Integer> target, String targetKind) {
		if (id == null || target.containsKey(id)) {
			return;
		}
		this.problems.add(wrongReference(item, field, id, targetKind));
	}

	/** A reference to an id that is not one of the {@code targetKind} (unit, org, member): another kind's, or unknown. */
	private Problem wrongReference(String item, String field, String id, String targetKind) {
		Integer elsewhere = this.positions.get(id);
		if (elsewhere == null) {
			return Problem.of(item, field, field + " refers to unknown " + targetKind + " '" + id + "'",
					"dataset.refersToUnknown." + targetKind, field, id);
		}
		String kind = listKind(elsewhere);
		return Problem.of(item, field,
				field + " refers to '" + id + "', which is " + withArticle(kind) + ", not " + withArticle(targetKind),
				"dataset.refersToOther", field, id, Wording.of("dataset.a." + kind), Wording.of("dataset.a." + targetKind));
	}

	private Org org(String id) {
		Integer index = (id != null) ? this.orgIndex.get(id) : null;
		return (index != null) ? this.dataset.orgs().get(index) : null;
	}

	private String positionName(int position) {
		int units = this.dataset.units().size();
		int orgs = this.dataset.orgs().size();
		if (position < units) {
			return "units[" + position + "]";
		}
		if (position < units + orgs) {
			return "orgs[" + (position - units) + "]";
		}
		return "members[" + (position - units - orgs) + "]";
	}

	private String listKind(int position) {
		String name = positionName(position);
		return name.substring(0, name.indexOf('[') - 1);
	}

	private static String withArticle(String kind) {
		return (kind.equals("org") ? "an " : "a ") + kind;
	}

	/** How an item is named in problems: its id, or its position when it has none. */
	static String itemName(String list, int index, String id) {
		return isBlank(id) ? list + "[" + index + "]" : id;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static int capacity(int entries) {
		return (int) (entries / 0.75f) + 1;
	}

}
