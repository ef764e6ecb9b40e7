package org.partygraph.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The reduction of both sides' answers to comparable lines: equal answers agree, any difference shows. */
class StandardQueriesTests {

	private static JsonNode json(String text) {
		return Gql.JSON.readTree(text.replace('\'', '"'));
	}

	private static StandardQueries.Query query(String prefix) {
		return StandardQueries.all("o-county", "o-t-hbt", LatencyBench.whatIfOperations(List.of("b1", "b2"), "o-t-hbt"))
			.stream()
			.filter((q) -> q.name().startsWith(prefix))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void orgWithSubtreeCounts() {
		StandardQueries.Query q = query("org with subtree counts");
		JsonNode ours = json("""
				{'org': {'id': 'o-county', 'name': 'c', 'memberCount': 10, 'fullMemberCount': 8, 'children': [
				  {'id': 'o-b', 'name': 'b', 'kind': 'BRANCH', 'memberCount': 4, 'fullMemberCount': 3},
				  {'id': 'o-a', 'name': 'a', 'kind': 'TOWNSHIP_COMMITTEE', 'memberCount': 6, 'fullMemberCount': 5}]}}""");
		JsonNode theirs = json("""
				{'orgs': [{'id': 'o-county', 'name': 'c', 'memberCount': 10, 'fullMemberCount': 8, 'children': [
				  {'id': 'o-a', 'name': 'a', 'kind': 'TOWNSHIP_COMMITTEE', 'memberCount': 6, 'fullMemberCount': 5},
				  {'id': 'o-b', 'name': 'b', 'kind': 'BRANCH', 'memberCount': 4, 'fullMemberCount': 3}]}]}""");
		assertThat(q.oursAnswer().apply(ours)).containsExactly("child o-a TOWNSHIP_COMMITTEE 6 5",
				"child o-b BRANCH 4 3", "org o-county 10 8");
		assertThat(StandardQueries.differences(q.oursAnswer().apply(ours), q.peerAnswer().apply(theirs))).isEmpty();
		JsonNode off = json("""
				{'orgs': [{'id': 'o-county', 'memberCount': 10, 'fullMemberCount': 8, 'children': [
				  {'id': 'o-a', 'kind': 'TOWNSHIP_COMMITTEE', 'memberCount': 6, 'fullMemberCount': 5},
				  {'id': 'o-b', 'kind': 'BRANCH', 'memberCount': 5, 'fullMemberCount': 3}]}]}""");
		assertThat(StandardQueries.differences(q.oursAnswer().apply(ours), q.peerAnswer().apply(off)))
			.containsExactly("only ours: child o-b BRANCH 4 3", "only peer: child o-b BRANCH 5 3");
		assertThat(q.peerAnswer().apply(json("{'orgs': []}"))).containsExactly("no org");
	}

	@Test
	void dualManagement() {
		StandardQueries.Query q = query("township dual management");
		JsonNode ours = json("""
				{'orgs': {'totalCount': 1, 'edges': [{'node': {'id': 'o-e-02', 'memberCount': 11, 'fullMemberCount': 9,
				  'coManagers': [{'id': 'o-t-hbt'}, {'id': 'o-npe'}]}}]}}""");
		JsonNode theirs = json("""
				{'orgs': [{'id': 'o-e-02', 'memberCount': 11, 'fullMemberCount': 9,
				  'coManagers': [{'id': 'o-npe'}, {'id': 'o-t-hbt'}]}]}""");
		assertThat(q.oursAnswer().apply(ours)).containsExactly("o-e-02 11 9 [o-npe, o-t-hbt]");
		assertThat(StandardQueries.differences(q.oursAnswer().apply(ours), q.peerAnswer().apply(theirs))).isEmpty();
		assertThat(StandardQueries.differences(q.oursAnswer().apply(ours), q.peerAnswer().apply(json("{'orgs': []}"))))
			.containsExactly("only ours: o-e-02 11 9 [o-npe, o-t-hbt]");
	}

	@Test
	void orgChartAgainstNestedChildren() {
		StandardQueries.Query q = query("orgChart depth 3");
		JsonNode ours = json("""
				{'orgChart': {'nodes': [
				  {'id': 'r', 'kind': 'COUNTY_COMMITTEE', 'memberCount': 3, 'depth': 0, 'unit': false, 'external': false},
				  {'id': 't', 'kind': 'TOWNSHIP_COMMITTEE', 'memberCount': 3, 'depth': 1, 'unit': false, 'external': false},
				  {'id': 'b', 'kind': 'BRANCH', 'memberCount': 3, 'depth': 2, 'unit': false, 'external': false},
				  {'id': 'g', 'kind': 'PARTY_GROUP', 'memberCount': 1, 'depth': 3, 'unit': false, 'external': false},
				  {'id': 'x', 'kind': 'TOWNSHIP_COMMITTEE', 'memberCount': 9, 'depth': -1, 'unit': false, 'external': true},
				  {'id': 'u', 'kind': 'VILLAGE', 'memberCount': 0, 'depth': -1, 'unit': true, 'external': false}],
				 'edges': [{'source': 't', 'target': 'r', 'kind': 'SUBORDINATE_TO'},
				  {'source': 'b', 'target': 't', 'kind': 'SUBORDINATE_TO'},
				  {'source': 'g', 'target': 'b', 'kind': 'SUBORDINATE_TO'},
				  {'source': 'b', 'target': 'x', 'kind': 'CO_MANAGED_BY'},
				  {'source': 'b', 'target': 'u', 'kind': 'SET_UP_IN'}]}}""");
		JsonNode theirs = json("""
				{'orgs': [{'id': 'r', 'kind': 'COUNTY_COMMITTEE', 'memberCount': 3, 'children': [
				  {'id': 't', 'kind': 'TOWNSHIP_COMMITTEE', 'memberCount': 3, 'children': [
				    {'id': 'b', 'kind': 'BRANCH', 'memberCount': 3, 'children': [
				      {'id': 'g', 'kind': 'PARTY_GROUP', 'memberCount': 1}]}]}]}]}""");
		assertThat(q.oursAnswer().apply(ours)).containsExactly("edge b>t", "edge g>b", "edge t>r",
				"node b BRANCH 3 2", "node g PARTY_GROUP 1 3", "node r COUNTY_COMMITTEE 3 0",
				"node t TOWNSHIP_COMMITTEE 3 1");
		assertThat(StandardQueries.differences(q.oursAnswer().apply(ours), q.peerAnswer().apply(theirs))).isEmpty();
	}

	@Test
	void whatIfHasTenOperationsAndOnlyThreeQueriesAreComparable() {
		List<StandardQueries.Query> all = StandardQueries.all("o-county", "o-t-hbt",
				LatencyBench.whatIfOperations(List.of("b1", "b2", "b3", "b4", "b5"), "o-t-hbt"));
		assertThat(all).hasSize(9);
		assertThat(all.stream().filter(StandardQueries.Query::peerExpressible).map(StandardQueries.Query::name))
			.containsExactly("org with subtree counts (o-county)", "township dual management (o-t-hbt)",
					"orgChart depth 3 (o-county)");
		List<java.util.Map<String, Object>> ops = LatencyBench.whatIfOperations(List.of("b1", "b2", "b3", "b4", "b5"),
				"o-t-hbt");
		assertThat(ops).hasSize(10);
		assertThat(ops).extracting((op) -> op.get("op"))
			.containsExactly("ELECT_COMMITTEE", "UPGRADE", "SPLIT_BY_TRADE", "ADD_CO_MANAGER", "ELECT_COMMITTEE",
					"ELECT_COMMITTEE", "ELECT_COMMITTEE", "ELECT_COMMITTEE", "ELECT_COMMITTEE", "ELECT_COMMITTEE");
	}

	@Test
	void tableWithRatio() {
		LatencyBench.Line line = new LatencyBench.Line("q", 8, new LatencyStats(10, 20_000_000, 0, 40_000_000, 0, 0),
				100.0, new LatencyStats(10, 10_000_000, 0, 30_000_000, 0, 0), 50.0, true);
		assertThat(line.ratio()).isEqualTo(2.0);
		assertThat(LatencyBench.table(List.of(line), true)).contains("| q | 8 | 20.0 | 40.0 | 100.0 | 10.0 | 30.0 | 50.0 | 2.00 |");
		LatencyBench.Line alone = new LatencyBench.Line("p", 1, new LatencyStats(1, 5_000_000, 0, 5_000_000, 0, 0),
				3.0, null, 0, false);
		assertThat(LatencyBench.table(List.of(alone), true)).contains("| p | 1 | 5.0 | 5.0 | 3.0 | not expressible | | | |");
	}

}
