package org.partygraph.seed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;

/**
 * Sets up every village's org (pattern 4, 村黨組織+行業黨支部): a branch in an ordinary village, a
 * general branch with trade branches in an upgraded industry-cluster village, and the planted rule
 * breaks of {@link HuairenCounty#PLANTED_BREAKS}.
 */
final class VillageBuilder {

	/** The report's count of trade branches (行業黨支部). */
	static final int TRADE_BRANCHES = 82;

	/** Members per party group when a large village branch divides into groups (支部工作條例 art. 13). */
	private static final int GROUP_SPAN = 15;

	private static final List<String> ORDINALS = List.of("第一", "第二", "第三", "第四");

	private final CountyDraft draft;

	private final Territory territory;

	VillageBuilder(CountyDraft draft, Territory territory) {
		this.draft = draft;
		this.territory = territory;
	}

	void build() {
		List<Integer> tradeBranchCounts = tradeBranchCounts(this.territory.generalBranchVillages().size());
		int upgraded = 0;
		Set<String> planted = new HashSet<>();
		for (Village village : this.territory.villages()) {
			String org = village.orgId();
			if (org.equals(HuairenCounty.MIN_FULL_MEMBERS_BREAK)) {
				// two full members and one probationary: too few for a branch of its own
				branch(village, 3, (roster) -> roster.probationary(1));
				planted.add(org);
			}
			else if (org.equals(HuairenCounty.GENERAL_BRANCH_ADVISED_BREAK)) {
				// a large ordinary village that never upgraded its branch
				branch(village, 56, UnaryOperator.identity());
				planted.add(org);
			}
			else if (org.equals(HuairenCounty.COMMITTEE_REQUIRED_BREAK)) {
				// eleven full members but still only a secretary, no elected committee
				branch(village, 12, (roster) -> roster.probationary(1).committee(false));
				planted.add(org);
			}
			else if (org.equals(HuairenCounty.SECRETARY_MISSING_BREAK)) {
				// the secretary's post is vacant; a deputy presides
				branch(village, 18, RosterBuilder::withoutSecretary);
				planted.add(org);
			}
			else if (village.generalBranch()) {
				generalBranch(village, tradeBranchCounts.get(upgraded++));
			}
			else {
				branch(village, village.cluster() ? this.draft.between(20, 48) : this.draft.between(6, 40),
						UnaryOperator.identity());
			}
		}
		if (planted.size() != HuairenCounty.PLANTED_BREAKS.size()) {
			throw new IllegalStateException("planted breaks not all placed: " + planted);
		}
	}

	/** Two or three trade branches per upgraded village, adding up to the report's 82. */
	private List<Integer> tradeBranchCounts(int generalBranches) {
		int threes = TRADE_BRANCHES - 2 * generalBranches;
		if (threes < 0 || threes > generalBranches) {
			throw new IllegalStateException(generalBranches + " general branches cannot hold 82 trade branches");
		}
		List<Integer> counts = new ArrayList<>();
		for (int i = 0; i < generalBranches; i++) {
			counts.add((i < threes) ? 3 : 2);
		}
		this.draft.shuffle(counts);
		return counts;
	}

	private void branch(Village village, int size, UnaryOperator<RosterBuilder> tweak) {
		String org = village.orgId();
		List<String> groups = new ArrayList<>();
		if (size >= 2 * GROUP_SPAN) {
			for (int i = 0; i < size / GROUP_SPAN; i++) {
				groups.add(org + "-g" + (i + 1));
			}
		}
		RosterBuilder builder = this.draft.roster(org)
			.size(size)
			.units((i) -> village.unitId())
			.trades((i) -> villageTrade(village))
			.groups((i) -> groups.isEmpty() ? null : groups.get(i % groups.size()));
		Roster roster = tweak.apply(builder).enrol();
		this.draft.add(new Org(org, OrgKind.BRANCH, village.name() + "黨支部", village.township().committeeId(), null,
				List.of(village.unitId()), null, roster.hasCommittee()));
		for (int i = 0; i < groups.size(); i++) {
			this.draft.add(Org.of(groups.get(i), OrgKind.PARTY_GROUP, ORDINALS.get(i) + "黨小組", org));
		}
	}

	/**
	 * An upgraded cluster village: the general branch keeps the village officers and a few members
	 * as its own, the rest sit in trade branches; a trade too small for a branch may form a group.
	 */
	private void generalBranch(Village village, int tradeBranches) {
		String org = village.orgId();
		List<Trade> trades = tradesOf(village, tradeBranches);
		this.draft.add(new Org(org, OrgKind.GENERAL_BRANCH, village.name() + "黨總支", village.township().committeeId(),
				null, List.of(village.unitId()), null, true));
		int size = this.draft.between(6, 10);
		Trade groupTrade = null;
		String group = null;
		if (this.draft.chance(35)) {
			List<Trade> others = new ArrayList<>(List.of(Trade.values()));
			others.removeAll(trades);
			groupTrade = this.draft.pick(others);
			group = org + "-g-" + Trades.code(groupTrade);
		}
		String groupId = group;
		Trade groupMembersTrade = groupTrade;
		// the last three members form the trade group, when there is one
		this.draft.roster(org)
			.size(size)
			.committee(true)
			.units((i) -> village.unitId())
			.trades((i) -> (groupId != null && i >= size - 3) ? groupMembersTrade : villageTrade(village))
			.groups((i) -> (groupId != null && i >= size - 3) ? groupId : null)
			.enrol();
		if (group != null) {
			this.draft.add(Org.of(group, OrgKind.PARTY_GROUP, village.name() + groupTrade.chineseName() + "行業黨小組",
					org));
		}
		for (Trade trade : trades) {
			String branch = org + "-" + Trades.code(trade);
			Roster roster = this.draft.roster(branch)
				.size(this.draft.between(6, 15))
				.units((i) -> village.unitId())
				.trades((i) -> trade)
				.enrol();
			this.draft.add(new Org(branch, OrgKind.BRANCH, village.name() + trade.chineseName() + "行業黨支部", org, null,
					List.of(village.unitId()), trade, roster.hasCommittee()));
		}
	}

	/** The cluster industry's own trade first, then others by how common they are. */
	private List<Trade> tradesOf(Village village, int count) {
		List<Trade> trades = new ArrayList<>();
		trades.add(Industries.trade(village.industry()));
		while (trades.size() < count) {
			Trade trade = this.draft.pick(Trades.rural());
			if (!trades.contains(trade)) {
				trades.add(trade);
			}
		}
		return trades;
	}

	/** A village member's trade; in a cluster village its industry's trade is the most common. */
	private Trade villageTrade(Village village) {
		if (village.cluster() && this.draft.chance(40)) {
			return Industries.trade(village.industry());
		}
		return this.draft.pick(Trades.rural());
	}

}
