package org.partygraph.queries.whatif;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.Severity;
import org.partygraph.queries.structure.Structure;

/**
 * Matches villages that need a first secretary (第一書記) with members who could be sent, after the
 * report's 精準選派 (docs/source-report.md): what a village lacks against what the sender does.
 *
 * <p>
 * A village needs one when its org (set up in a VILLAGE unit) has no first secretary serving and
 * either breaks a rule of ERROR severity or is weak: fewer full members in its subtree than
 * {@code weakBelowFullMembers} (0: never weak). A sender is a FULL member of an org that is not a
 * village's, in the same tree as the villages (their county), not serving as first secretary
 * already. Each pair is scored, each point with its
 * reason:
 * <ul>
 * <li>+3 trade: the village's trade (its org's, else its members' most common) is the member's
 * own or their org's;</li>
 * <li>+2 experience: the member holds an office (secretary, deputy, committee member) somewhere,
 * for a village that breaks a rule;</li>
 * <li>+1 nearby: the member's org is set up in the village's township.</li>
 * </ul>
 * Villages are taken most needs first (then by id), each given the best-scoring member not yet
 * given (then by member id); one with no member scoring at least 1 is listed without one, saying so.
 */
public final class FirstSecretaryMatcher {

	/** A suggested dispatch: a village, what it needs, who could go (or none) and why. */
	public record Suggestion(String village, List<String> needs, String member, String by, int score,
			List<String> reasons) {

		public Suggestion {
			needs = List.copyOf(needs);
			reasons = List.copyOf(reasons);
		}

	}

	private final Structure structure;

	private final int weakBelowFullMembers;

	public FirstSecretaryMatcher(Structure structure, int weakBelowFullMembers) {
		this.structure = structure;
		this.weakBelowFullMembers = weakBelowFullMembers;
	}

	/**
	 * The suggestions for the villages of {@code within}'s subtree (everything when {@code null}),
	 * senders taken from the members the structure holds in the tree {@code within} belongs to.
	 * @param issues the rule breaks found in that subtree (only ERROR ones count)
	 * @param servedVillages villages with a first secretary serving now
	 * @param serving members serving as first secretary now
	 * @param limit at most this many suggestions
	 */
	public List<Suggestion> match(String within, List<ComplianceIssue> issues, Set<String> servedVillages,
			Set<String> serving, int limit) {
		// The ERROR rules each org breaks, in the order of the issues, each once.
		Map<String, Set<String>> broken = new java.util.HashMap<>();
		for (ComplianceIssue i : issues) {
			if (i.rule().severity() == Severity.ERROR) {
				broken.computeIfAbsent(i.orgId(), (k) -> new LinkedHashSet<>()).add(i.rule().name());
			}
		}
		List<Village> villages = new ArrayList<>();
		for (Org org : (within != null) ? this.structure.subtree(within) : List.copyOf(this.structure.orgs())) {
			if (!isVillageOrg(org) || servedVillages.contains(org.id())) {
				continue;
			}
			List<String> needs = new ArrayList<>(broken.getOrDefault(org.id(), Set.of()));
			boolean breaksRules = !needs.isEmpty();
			int full = this.structure.fullMemberCount(org.id());
			if (this.weakBelowFullMembers > 0 && full < this.weakBelowFullMembers) {
				needs.add("WEAK: " + full + " full members, fewer than " + this.weakBelowFullMembers
						+ " (party-graph.dispatch.weak-below-full-members)");
			}
			if (!needs.isEmpty()) {
				villages.add(new Village(org, needs, breaksRules));
			}
		}
		villages.sort(Comparator.comparing((Village v) -> -v.needs().size()).thenComparing((v) -> v.org().id()));
		// Senders come from the tree the villages are in (their county), not from another one.
		List<Org> above = (within != null) ? this.structure.ancestors(within) : List.of();
		String top = (within == null) ? null : above.isEmpty() ? within : above.get(above.size() - 1).id();
		List<Member> senders = this.structure.dataset()
			.members()
			.stream()
			.filter((m) -> m.status() == MemberStatus.FULL && !serving.contains(m.id()))
			.filter((m) -> top == null || (m.org() != null && this.structure.isInSubtree(m.org(), top)))
			.filter((m) -> {
				Org org = this.structure.org(m.org());
				return org != null && !isVillageOrg(org) && org.kind() != OrgKind.PARTY_GROUP;
			})
			.sorted(Comparator.comparing(Member::id))
			.toList();
		Set<String> given = new HashSet<>();
		List<Suggestion> suggestions = new ArrayList<>();
		for (Village village : villages) {
			if (suggestions.size() >= limit) {
				break;
			}
			// The village's trade only for the villages given a suggestion (a scan of its members).
			Trade trade = trade(village.org());
			Member best = null;
			List<String> bestReasons = List.of();
			int bestScore = 0;
			for (Member m : senders) {
				if (given.contains(m.id())) {
					continue;
				}
				List<String> reasons = new ArrayList<>();
				int score = score(village, trade, m, reasons);
				if (score > bestScore) {
					best = m;
					bestScore = score;
					bestReasons = reasons;
				}
			}
			if (best == null) {
				suggestions.add(new Suggestion(village.org().id(), village.needs(), null, null, 0,
						List.of("no member in scope matches what the village lacks (trade, experience, township)")));
			}
			else {
				given.add(best.id());
				suggestions.add(new Suggestion(village.org().id(), village.needs(), best.id(), best.org(), bestScore,
						bestReasons));
			}
		}
		return suggestions;
	}

	private record Village(Org org, List<String> needs, boolean breaksRules) {
	}

	private int score(Village village, Trade trade, Member m, List<String> reasons) {
		int score = 0;
		Org sender = this.structure.org(m.org());
		if (trade != null && (trade == m.trade() || trade == sender.trade())) {
			score += 3;
			reasons.add("trade: the village works in " + trade + " (" + trade.chineseName() + "), as "
					+ ((trade == m.trade()) ? "the member does" : sender.name() + " does"));
		}
		if (village.breaksRules()) {
			RoleAssignment office = m.roles().stream().findFirst().orElse(null);
			if (office != null) {
				Org at = this.structure.org(office.org());
				score += 2;
				reasons.add("experience: holds " + office.role() + " at " + ((at != null) ? at.name() : office.org())
						+ ", for a village that breaks " + String.join(", ", village.needs().stream()
							.filter((n) -> !n.startsWith("WEAK"))
							.toList()));
			}
		}
		Unit villageTownship = township(village.org());
		Unit senderTownship = township(sender);
		if (villageTownship != null && senderTownship != null && villageTownship.id().equals(senderTownship.id())) {
			score += 1;
			reasons.add("nearby: " + sender.name() + " is in " + villageTownship.name() + ", the village's township");
		}
		return score;
	}

	private final Map<String, Unit> townships = new java.util.HashMap<>();

	private Unit township(Org org) {
		return this.townships.computeIfAbsent(org.id(), (id) -> findTownship(org));
	}

	private Unit findTownship(Org org) {
		for (String unit : org.units()) {
			Unit township = this.structure.townshipOf(unit);
			if (township != null) {
				return township;
			}
		}
		return null;
	}

	private boolean isVillageOrg(Org org) {
		return org.units().stream().map(this.structure::unit).anyMatch((u) -> u != null && u.kind() == UnitKind.VILLAGE);
	}

	/** The org's trade, else the most common trade of its subtree's members (lowest first on a tie). */
	private Trade trade(Org org) {
		if (org.trade() != null) {
			return org.trade();
		}
		Map<Trade, Integer> counts = new EnumMap<>(Trade.class);
		Set<String> ids = new HashSet<>();
		this.structure.subtree(org.id()).forEach((o) -> ids.add(o.id()));
		for (Member m : this.structure.dataset().members()) {
			if (m.trade() != null && ids.contains(m.org())) {
				counts.merge(m.trade(), 1, Integer::sum);
			}
		}
		return counts.entrySet().stream().max(Map.Entry.<Trade, Integer>comparingByValue()
			.thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
	}

}
