package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partygraph.queries.change.AwayRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OrgChart#withAway}: the AWAY edges a chart draws of the members away on its day (issue #21). */
class OrgChartTests {

	private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

	// root > t > (v1, v2); x an outside co-manager of v1; u a unit
	private static final OrgChart CHART = new OrgChart(
			List.of(node("root", false), node("t", false), node("v1", false), node("v2", false), node("x", true),
					new OrgChart.Node("u", "u", "VILLAGE", true, 0, 0, -1, null, 0, false)),
			List.of(new OrgChart.Edge("t", "root", "SUBORDINATE_TO"), new OrgChart.Edge("v1", "t", "SUBORDINATE_TO"),
					new OrgChart.Edge("v2", "t", "SUBORDINATE_TO"), new OrgChart.Edge("v1", "x", "CO_MANAGED_BY"),
					new OrgChart.Edge("v1", "u", "SET_UP_IN")));

	private static OrgChart.Node node(String id, boolean external) {
		return new OrgChart.Node(id, id, "BRANCH", false, 1, 1, external ? -1 : 0, null, 0, external);
	}

	private static AwayRecord away(String member, String home, String at) {
		return new AwayRecord(member, home, at, DAY, null);
	}

	private static List<String> awayEdges(OrgChart chart) {
		return chart.edges()
			.stream()
			.filter((e) -> OrgChart.AWAY.equals(e.kind()))
			.map((e) -> e.source() + ">" + e.target() + " " + e.count())
			.toList();
	}

	@Test
	void oneEdgePerHomeAndHostCountingEachMemberOnce() {
		OrgChart chart = CHART.withAway(List.of(away("m1", "v1", "v2"), away("m2", "v1", "v2"),
				// the same member listed twice (two records read for the day) counts once
				away("m2", "v1", "v2"), away("m3", "v2", "v1"), away("m4", "x", "v2")));
		assertThat(awayEdges(chart)).containsExactly("v2>v1 1", "v1>v2 2", "x>v2 1");
		// the other edges stay as they were, before the new ones
		assertThat(chart.edges().subList(0, CHART.edges().size())).isEqualTo(CHART.edges());
		assertThat(chart.nodes()).isEqualTo(CHART.nodes());
	}

	@Test
	void onlyBetweenDrawnOrgsWithTheHostInTheTree() {
		OrgChart chart = CHART.withAway(List.of(
				// home not drawn
				away("m1", "elsewhere", "v1"),
				// host an outside co-manager, not an org of the subtree
				away("m2", "v1", "x"),
				// host not drawn
				away("m3", "v1", "gone"),
				// home unknown, or the host itself
				away("m4", null, "v1"), away("m5", "v2", "v2"),
				// a unit is no org
				away("m6", "u", "v1")));
		assertThat(awayEdges(chart)).isEmpty();
		assertThat(CHART.withAway(List.of())).isSameAs(CHART);
	}

}
