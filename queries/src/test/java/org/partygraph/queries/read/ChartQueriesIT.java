package org.partygraph.queries.read;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.seed.HuairenCounty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org chart on the sample county: the counts it sums from the leaves up equal the
 * one-org-at-a-time counts ({@link OrgQueries#memberCounts}) for every drawn org, at every depth,
 * and a chart of the tree alone costs one statement.
 */
class ChartQueriesIT {

	private static final Dataset COUNTY = HuairenCounty.dataset();

	private static final java.time.LocalDate TODAY = java.time.LocalDate.now();

	private final AtomicInteger statements = new AtomicInteger();

	private final ChartQueries charts = new ChartQueries(TestNeo4j.driver(), (nanos) -> this.statements.incrementAndGet());

	private final OrgQueries orgs = new OrgQueries(TestNeo4j.driver(), StatementListener.NONE);

	@BeforeEach
	void loadSampleCounty() {
		if (TestNeo4j.count("MATCH (d:Dataset {name: '" + COUNTY.name() + "'}) RETURN count(d)") == 0) {
			TestNeo4j.clear();
			new DatasetImporter(TestNeo4j.driver()).importDataset(COUNTY, ImportProgress.NONE);
		}
	}

	@Test
	void everyDrawnOrgCarriesItsSubtreeCountsAtEveryDepth() {
		String county = HuairenCounty.COUNTY_COMMITTEE;
		for (Integer depth : new Integer[] { 0, 1, 3, null }) {
			OrgChart chart = this.charts.chart(county, depth, false, TODAY);
			List<OrgChart.Node> drawn = chart.nodes().stream().filter((n) -> !n.unit()).toList();
			Map<String, MemberCounts> expected = this.orgs.memberCounts(drawn.stream().map(OrgChart.Node::id).toList());
			assertThat(drawn).as("depth %s", depth).isNotEmpty().allSatisfy((node) -> {
				MemberCounts counts = expected.get(node.id());
				assertThat(node.memberCount()).as("%s memberCount", node.id()).isEqualTo(counts.total());
				assertThat(node.fullMemberCount()).as("%s fullMemberCount", node.id()).isEqualTo(counts.full());
			});
			assertThat(drawn).filteredOn((n) -> !n.external()).allSatisfy(
					(n) -> assertThat(n.depth()).isLessThanOrEqualTo((depth != null) ? depth : Integer.MAX_VALUE));
		}
		// Each drawn org's number of children, drawn or not.
		Map<String, Long> children = COUNTY.orgs()
			.stream()
			.filter((o) -> o.parent() != null)
			.collect(java.util.stream.Collectors.groupingBy(Org::parent, java.util.stream.Collectors.counting()));
		assertThat(this.charts.chart(county, 1, false, TODAY).nodes()).filteredOn((n) -> !n.unit() && !n.external())
			.hasSizeGreaterThan(2)
			.allSatisfy((n) -> assertThat((long) n.childCount()).as("%s childCount", n.id())
				.isEqualTo(children.getOrDefault(n.id(), 0L)));
		// The whole county: its count is every member; the groups' counts are the members assigned.
		OrgChart all = this.charts.chart(county, null, false, TODAY);
		assertThat(all.nodes()).filteredOn((n) -> n.id().equals(county))
			.singleElement()
			.satisfies((n) -> assertThat(n.memberCount()).isEqualTo(COUNTY.members().size()));
		long groups = COUNTY.orgs().stream().map(Org::kind).filter((k) -> k == OrgKind.PARTY_GROUP).count();
		assertThat(all.nodes()).filteredOn((n) -> n.kind().equals("PARTY_GROUP")).hasSize((int) groups);
	}

	@Test
	void aChartInsideItsTreeIsOneStatement() {
		OrgChart chart = this.charts.chart(HuairenCounty.COUNTY_COMMITTEE, 3, true, TODAY);
		assertThat(chart.nodes()).noneMatch(OrgChart.Node::external);
		this.statements.set(0);
		this.charts.chart(HuairenCounty.COUNTY_COMMITTEE, 3, true, TODAY);
		assertThat(this.statements.get()).isEqualTo(1);
	}

}
