package org.partygraph.queries.pattern;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Statistics of a hand-built forest with two roots, every figure written out.
 *
 * <pre>
 * level 0          1                     2               3                 4
 * r1 (COUNTY) ──── a (TOWNSHIP) 甲鄉黨委 ─ a1 (GENERAL) ─── a1x (BRANCH) ──── a1x-g (PARTY_GROUP)
 *  m8           │   m5               │                 └─ a1y (BRANCH)
 *               │                    ├─ a2 (BRANCH)       m1 FULL BREEDING (in a1x-g), m2 PROB. BREEDING (a1x)
 *               │                    └─ a3 (BRANCH)       m3 FULL PLANTING (a1y)
 *               │                        m4 FULL (a2)
 *               ├── b (TOWNSHIP) 乙鄉黨委 ─ b1 (BRANCH)    m6 FULL TRANSPORT (b1)
 *               └── c (WORKING) ──────── c1 (BRANCH)      m7 FULL COMMERCE (c1)
 * r2 (PRIMARY) ─── r2a (BRANCH)                            m9 PROB. PLANTING (r2a)
 * </pre>
 */
class StatisticsQueriesIT {

	private static final AtomicInteger statements = new AtomicInteger();

	private final StatisticsQueries queries = new StatisticsQueries(TestNeo4j.driver(),
			(nanos) -> statements.incrementAndGet());

	@BeforeAll
	static void importForest() {
		TestNeo4j.clear();
		new DatasetImporter(TestNeo4j.driver()).importDataset(forest(), ImportProgress.NONE);
	}

	static Dataset forest() {
		List<Org> orgs = List.of(Org.of("r1", OrgKind.COUNTY_COMMITTEE, "中共某縣委", null),
				Org.of("a", OrgKind.TOWNSHIP_COMMITTEE, "甲鄉黨委", "r1"),
				Org.of("a1", OrgKind.GENERAL_BRANCH, "甲村黨總支", "a"), Org.of("a1x", OrgKind.BRANCH, "甲村養殖黨支部", "a1"),
				Org.of("a1x-g", OrgKind.PARTY_GROUP, "第一黨小組", "a1x"), Org.of("a1y", OrgKind.BRANCH, "甲村種植黨支部", "a1"),
				Org.of("a2", OrgKind.BRANCH, "乙村黨支部", "a"), Org.of("a3", OrgKind.BRANCH, "丙村黨支部", "a"),
				Org.of("b", OrgKind.TOWNSHIP_COMMITTEE, "乙鄉黨委", "r1"), Org.of("b1", OrgKind.BRANCH, "丁村黨支部", "b"),
				Org.of("c", OrgKind.WORKING_COMMITTEE, "非公經濟組織工委", "r1"),
				Org.of("c1", OrgKind.BRANCH, "某公司黨支部", "c"),
				Org.of("r2", OrgKind.PRIMARY_COMMITTEE, "某企業黨委", null), Org.of("r2a", OrgKind.BRANCH, "某車間黨支部", "r2"));
		List<Member> members = List.of(member("m1", MemberStatus.FULL, "a1x", Trade.BREEDING).withGroup("a1x-g"),
				member("m2", MemberStatus.PROBATIONARY, "a1x", Trade.BREEDING),
				member("m3", MemberStatus.FULL, "a1y", Trade.PLANTING), member("m4", MemberStatus.FULL, "a2", null),
				member("m5", MemberStatus.FULL, "a", null), member("m6", MemberStatus.FULL, "b1", Trade.TRANSPORT),
				member("m7", MemberStatus.FULL, "c1", Trade.COMMERCE), member("m8", MemberStatus.FULL, "r1", null),
				member("m9", MemberStatus.PROBATIONARY, "r2a", Trade.PLANTING));
		return new Dataset("某縣", List.of(), orgs, members);
	}

	private static Member member(String id, MemberStatus status, String org, Trade trade) {
		return new Member(id, "黨員" + id, status, org, null, trade, null, null, null, null, null, null, List.of(),
				List.of());
	}

	private Statistics statistics(String within, int expectedStatements) {
		int before = statements.get();
		Statistics statistics = this.queries.statistics(within);
		assertThat(statements.get() - before).as("statements for %s", within).isEqualTo(expectedStatements);
		return statistics;
	}

	@Test
	void wholeGraphWithTwoRoots() {
		Statistics s = statistics(null, 2);
		assertThat(s.orgs()).isEqualTo(14);
		assertThat(s.members()).isEqualTo(9);
		assertThat(s.orgsByKind()).containsExactly(new Count("COUNTY_COMMITTEE", 1), new Count("TOWNSHIP_COMMITTEE", 2),
				new Count("WORKING_COMMITTEE", 1), new Count("PRIMARY_COMMITTEE", 1), new Count("GENERAL_BRANCH", 1),
				new Count("BRANCH", 7), new Count("PARTY_GROUP", 1));
		assertThat(s.membersByStatus()).containsExactly(new Count("FULL", 7), new Count("PROBATIONARY", 2));
		assertThat(s.membersByTrade()).containsExactly(new Count("PLANTING", 2), new Count("BREEDING", 2),
				new Count("TRANSPORT", 1), new Count("COMMERCE", 1), new Count("NONE", 3));
		// m5 is a member of the township committee itself; m7 (working committee), m8 (county) and
		// m9 (second root) are under no township
		assertThat(s.membersByTownship()).containsExactly(new Count("乙鄉黨委", 1), new Count("甲鄉黨委", 5),
				new Count("(none)", 3));
		assertThat(s.depth()).isEqualTo(4);
		assertThat(s.levels()).hasSize(5);
		// level 0: r1 has 3 children, r2 1
		assertLevel(s.levels().get(0), 0, 2, 1, 2.0, 3);
		// level 1: a 3, b 1, c 1, r2a 0
		assertLevel(s.levels().get(1), 1, 4, 0, 1.25, 3);
		// level 2: a1 2, a2 0, a3 0, b1 0, c1 0
		assertLevel(s.levels().get(2), 2, 5, 0, 0.4, 2);
		// level 3: a1x 1, a1y 0
		assertLevel(s.levels().get(3), 3, 2, 0, 0.5, 1);
		assertLevel(s.levels().get(4), 4, 1, 0, 0.0, 0);
	}

	@Test
	void withinATownship() {
		Statistics s = statistics("a", 2);
		assertThat(s.orgs()).isEqualTo(7);
		assertThat(s.members()).isEqualTo(5);
		assertThat(s.orgsByKind()).containsExactly(new Count("TOWNSHIP_COMMITTEE", 1), new Count("GENERAL_BRANCH", 1),
				new Count("BRANCH", 4), new Count("PARTY_GROUP", 1));
		assertThat(s.membersByStatus()).containsExactly(new Count("FULL", 4), new Count("PROBATIONARY", 1));
		assertThat(s.membersByTrade()).containsExactly(new Count("PLANTING", 1), new Count("BREEDING", 2),
				new Count("NONE", 2));
		assertThat(s.membersByTownship()).containsExactly(new Count("甲鄉黨委", 5));
		assertThat(s.depth()).isEqualTo(3);
		assertThat(s.levels()).hasSize(4);
		assertLevel(s.levels().get(0), 0, 1, 3, 3.0, 3);
		assertLevel(s.levels().get(1), 1, 3, 0, 2.0 / 3, 2);
		assertLevel(s.levels().get(2), 2, 2, 0, 0.5, 1);
		assertLevel(s.levels().get(3), 3, 1, 0, 0.0, 0);
	}

	@Test
	void withinABranchTheTownshipAboveItStillNamesItsMembers() {
		Statistics s = statistics("a1x", 2);
		assertThat(s.orgs()).isEqualTo(2);
		assertThat(s.members()).isEqualTo(2);
		assertThat(s.membersByTownship()).containsExactly(new Count("甲鄉黨委", 2));
		assertThat(s.depth()).isEqualTo(1);
		assertLevel(s.levels().get(0), 0, 1, 1, 1.0, 1);
		assertLevel(s.levels().get(1), 1, 1, 0, 0.0, 0);
		assertThat(statistics("c", 2).membersByTownship()).containsExactly(new Count("(none)", 1));
	}

	@Test
	void aLoneLeaf() {
		Statistics s = statistics("a2", 2);
		assertThat(s.orgs()).isEqualTo(1);
		assertThat(s.members()).isEqualTo(1);
		assertThat(s.orgsByKind()).containsExactly(new Count("BRANCH", 1));
		assertThat(s.membersByTrade()).containsExactly(new Count("NONE", 1));
		assertThat(s.depth()).isZero();
		assertThat(s.levels()).containsExactly(new Level(0, 1, 0, 0.0, 0));
	}

	@Test
	void anUnknownOrgHasNothingAndTakesOneStatement() {
		assertThat(statistics("no-such-org", 1)).isEqualTo(Statistics.EMPTY);
	}

	private static void assertLevel(Level level, int number, int orgs, int minSpan, double avgSpan, int maxSpan) {
		assertThat(level.level()).isEqualTo(number);
		assertThat(level.orgs()).as("orgs at level %d", number).isEqualTo(orgs);
		assertThat(level.minSpan()).as("min span at level %d", number).isEqualTo(minSpan);
		assertThat(level.avgSpan()).as("average span at level %d", number).isCloseTo(avgSpan, within(1e-9));
		assertThat(level.maxSpan()).as("max span at level %d", number).isEqualTo(maxSpan);
	}

}
