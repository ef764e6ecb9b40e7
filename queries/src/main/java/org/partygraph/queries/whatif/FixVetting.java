package org.partygraph.queries.whatif;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.partygraph.model.Dataset;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.Severity;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

/**
 * Plays each candidate fix of a rule break out on a copy of one snapshot before it is suggested,
 * and keeps only a fix that puts the break right, introduces no ERROR and lowers no pattern metric
 * (issue #20: a fix that merged a village's branch into a township's only industry branch took an
 * instance of the industry pattern away). The candidates, best first, come from
 * {@link RuleChecker#fixCandidates}.
 * <p>
 * Each candidate is judged within the smallest subtree holding the broken org and every org the
 * candidate names, widened to the township (or the tree's root) above it: the pattern metrics count
 * townships, so a township is the least scope they can be compared in. The "before" side of a
 * scope is worked out once.
 */
public final class FixVetting {

	private final Dataset before;

	private final Structure beforeStructure;

	private final RuleChecker checker;

	private final BiFunction<Structure, String, List<Metric>> patternFigures;

	private final Map<String, Side> befores = new HashMap<>();

	FixVetting(Dataset before, RuleChecker checker, BiFunction<Structure, String, List<Metric>> patternFigures) {
		this.before = before;
		this.beforeStructure = Structure.of(before);
		this.checker = checker;
		this.patternFigures = patternFigures;
	}

	/** The first candidate fix of the issue that plays out well, if any. */
	public Optional<List<Operation>> firstAcceptable(ComplianceIssue issue) {
		for (List<Operation> candidate : this.checker.fixCandidates(this.beforeStructure, issue)) {
			if (judge(issue, candidate).acceptable()) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/** How the operations, played out on the snapshot, would leave the issue and its surroundings. */
	public Verdict judge(ComplianceIssue issue, List<Operation> operations) {
		String scope = scope(issue.orgId(), operations);
		WorkingCopy copy = new WorkingCopy(this.before, this.checker.thresholds().minFullMembers());
		try {
			for (int i = 0; i < operations.size(); i++) {
				copy.apply(i, operations.get(i));
			}
		}
		catch (InvalidOperationException ex) {
			return new Verdict(scope, false, List.of(), List.of(), ex.getMessage());
		}
		Structure after = Structure.of(copy.toDataset());
		if (scope != null && after.org(scope) == null) {
			return new Verdict(scope, false, List.of(), List.of(), "removes " + scope);
		}
		Side was = this.befores.computeIfAbsent(String.valueOf(scope), (key) -> side(this.beforeStructure, scope));
		Side is = side(after, scope);
		boolean fixed = is.issues.stream().noneMatch((i) -> i.key().equals(issue.key()));
		Set<String> keysBefore = was.issues.stream().map(ComplianceIssue::key).collect(Collectors.toSet());
		List<ComplianceIssue> introduced = is.issues.stream().filter((i) -> !keysBefore.contains(i.key())).toList();
		List<String> lowered = new ArrayList<>();
		was.patterns.forEach((key, value) -> {
			double now = is.patterns.getOrDefault(key, 0.0);
			if (now < value) {
				lowered.add(key + " " + PatternImpact.number(value) + " → " + PatternImpact.number(now));
			}
		});
		return new Verdict(scope, fixed, introduced, List.copyOf(lowered), null);
	}

	private Side side(Structure structure, String scope) {
		Map<String, Double> patterns = new HashMap<>();
		for (Metric metric : this.patternFigures.apply(structure, scope)) {
			patterns.put(metric.key(), metric.value());
		}
		return new Side(this.checker.check(structure, scope, null), patterns);
	}

	/**
	 * From the broken org up, the first org whose subtree holds every org the operations name (a
	 * named member by their org), then up to a township or the root.
	 */
	private String scope(String orgId, List<Operation> operations) {
		Structure s = this.beforeStructure;
		List<String> named = new ArrayList<>(Operation.touchedOrgs(s, operations));
		if (s.org(orgId) != null) {
			named.add(orgId);
		}
		List<String> upwards = new ArrayList<>();
		if (s.org(orgId) != null) {
			upwards.add(orgId);
			s.ancestors(orgId).forEach((a) -> upwards.add(a.id()));
		}
		boolean holdsAll = false;
		for (String candidate : upwards) {
			holdsAll = holdsAll || named.stream().allMatch((id) -> s.isInSubtree(id, candidate));
			Org org = s.org(candidate);
			if (holdsAll && (org.kind() == OrgKind.TOWNSHIP_COMMITTEE || org.parent() == null
					|| s.org(org.parent()) == null)) {
				return candidate;
			}
		}
		// Nothing in the snapshot holds them all: judge everything it holds.
		return null;
	}

	private record Side(List<ComplianceIssue> issues, Map<String, Double> patterns) {
	}

	/**
	 * What a candidate fix would do.
	 *
	 * @param scope the org whose subtree it was judged in ({@code null}: the whole snapshot)
	 * @param fixesIt whether the issue is gone afterwards
	 * @param issuesIntroduced breaks there afterwards that were not before
	 * @param patternsLowered each pattern metric that would fall, as {@code key before → after}
	 * @param refusal why the operations could not be played out at all, else {@code null}
	 */
	public record Verdict(String scope, boolean fixesIt, List<ComplianceIssue> issuesIntroduced,
			List<String> patternsLowered, String refusal) {

		/** The ERROR breaks among those introduced. */
		public List<ComplianceIssue> errorsIntroduced() {
			return this.issuesIntroduced.stream().filter((i) -> i.severity() == Severity.ERROR).toList();
		}

		/** Fixes the issue, introduces no ERROR, lowers no pattern metric. */
		public boolean acceptable() {
			return this.refusal == null && this.fixesIt && errorsIntroduced().isEmpty() && this.patternsLowered.isEmpty();
		}

		/** Why it is not acceptable, in English words; {@code null} when it is. */
		public String objection() {
			Text text = objectionText((i) -> i.severity() == Severity.ERROR, true, Verdict::at);
			return (text != null) ? Messages.bundled().say(text, Lang.EN) : null;
		}

		/**
		 * Why it falls short, as a text of the bundles ({@code vet.*}), counting the introduced
		 * breaks {@code counted} keeps and the lowered patterns when {@code patternsCount};
		 * {@code null} when nothing does.
		 * @param place where an introduced break is: {@link #at} (its org), or outside the plan's scope
		 */
		public Text objectionText(java.util.function.Predicate<ComplianceIssue> counted, boolean patternsCount,
				java.util.function.Function<ComplianceIssue, Text> place) {
			if (this.refusal != null) {
				return Text.of("vet.cannotPlay", this.refusal);
			}
			List<Text> why = new ArrayList<>();
			if (!this.fixesIt) {
				why.add(Text.of("vet.doesNotFix"));
			}
			this.issuesIntroduced.stream()
				.filter(counted)
				.forEach((i) -> why.add(Text.of("vet.introduces", i.rule().name(), place.apply(i))));
			if (patternsCount) {
				this.patternsLowered.forEach((l) -> why.add(Text.of("vet.lowers", l)));
			}
			return joined(why, "vet.and");
		}

		/** "at name (id)": where a break is, as an objection names it. */
		public static Text at(ComplianceIssue issue) {
			return Text.of("vet.at", issue.orgName(), issue.orgId());
		}

		/** The texts joined two by two with the key's pattern ({@code {0}; {1}}); {@code null} for none. */
		static Text joined(List<Text> texts, String key) {
			Text all = null;
			for (Text t : texts) {
				all = (all == null) ? t : Text.of(key, all, t);
			}
			return all;
		}

	}

}
