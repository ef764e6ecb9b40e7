package org.partygraph.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The generic reduction of the broad compared shapes: a connection equals the peer's list, any difference shows. */
class ComparedShapesTests {

	private static JsonNode json(String text) {
		return Gql.JSON.readTree(text.replace('\'', '"'));
	}

	private static final ComparedShapes.Ids IDS = new ComparedShapes.Ids("o-county", "o-t-hbt", "o-v-xz", "m-00001",
			"u-v-xz", "u-c-001", "u-t-hbt");

	@Test
	void aConnectionUnderAnOrgReducesLikeThePeersList() {
		JsonNode ours = json("""
				{'org': {'id': 't', 'children': [{'id': 'b', 'name': '乙', 'members': {'totalCount': 2,
				  'pageInfo': {'hasNextPage': false}, 'edges': [
				  {'cursor': 'x', 'node': {'id': 'm2', 'name': '李', 'status': 'FULL'}},
				  {'cursor': 'y', 'node': {'id': 'm1', 'name': '張', 'status': 'PROBATIONARY'}}]}},
				  {'id': 'a', 'name': '甲', 'members': {'totalCount': 0, 'edges': []}}]}}""");
		JsonNode theirs = json("""
				{'orgs': [{'id': 't', 'children': [{'id': 'a', 'name': '甲', 'members': []},
				  {'id': 'b', 'name': '乙', 'members': [{'id': 'm1', 'name': '張', 'status': 'PROBATIONARY'},
				  {'id': 'm2', 'name': '李', 'status': 'FULL'}]}]}]}""");
		List<String> a = ComparedShapes.flatten(ComparedShapes.root(ours, "org"));
		List<String> b = ComparedShapes.flatten(ComparedShapes.root(theirs, "orgs[0]"));
		assertThat(a).containsExactly("children(a).id=a", "children(a).name=甲", "children(b).id=b", "children(b).members(m1).id=m1",
				"children(b).members(m1).name=張", "children(b).members(m1).status=PROBATIONARY",
				"children(b).members(m2).id=m2", "children(b).members(m2).name=李", "children(b).members(m2).status=FULL",
				"children(b).name=乙", "id=t");
		assertThat(StandardQueries.differences(a, b)).isEmpty();
	}

	@Test
	void aDifferentValueOrAMissingItemShows() {
		JsonNode ours = json("{'unit': {'id': 'c', 'locatedIn': {'id': 'v', 'name': '下寨村', 'locatedIn': null}}}");
		JsonNode theirs = json("{'units': [{'id': 'c', 'locatedIn': {'id': 'v', 'name': '下寨', 'locatedIn': null}}]}");
		assertThat(StandardQueries.differences(ComparedShapes.flatten(ComparedShapes.root(ours, "unit")),
				ComparedShapes.flatten(ComparedShapes.root(theirs, "units[0]"))))
			.containsExactly("only ours: locatedIn(v).name=下寨村", "only peer: locatedIn(v).name=下寨");
		JsonNode page = json("{'orgs': {'edges': [{'node': {'id': 'j1'}}, {'node': {'id': 'j2'}}]}}");
		JsonNode shorter = json("{'orgs': [{'id': 'j1'}]}");
		assertThat(StandardQueries.differences(ComparedShapes.flatten(ComparedShapes.root(page, "orgs")),
				ComparedShapes.flatten(ComparedShapes.root(shorter, "orgs"))))
			.containsExactly("only ours: (j2).id=j2");
		assertThat(ComparedShapes.flatten(ComparedShapes.root(json("{'orgs': []}"), "orgs[0]"))).containsExactly("nothing");
		assertThat(ComparedShapes.flatten(ComparedShapes.root(json("{'org': null}"), "org"))).containsExactly("nothing");
	}

	@Test
	void thirteenShapesEveryOneComparedAndAskingTheDiscoveredIds() {
		List<StandardQueries.Query> shapes = ComparedShapes.all(IDS);
		assertThat(shapes).hasSize(13).allMatch(StandardQueries.Query::peerExpressible);
		assertThat(shapes).extracting(StandardQueries.Query::name).doesNotHaveDuplicates();
		// each relation of the three types is asked somewhere, on each side
		String ours = String.join("\n", shapes.stream().map(StandardQueries.Query::ours).toList());
		String peer = String.join("\n", shapes.stream().map(StandardQueries.Query::peer).toList());
		for (String relation : List.of("children", "parent", "coManagers", "units", "members", "org {",
				"participatesIn", "unit {", "locatedIn", "contains", "orgs {")) {
			assertThat(ours).as("ours asks " + relation).contains(relation);
			assertThat(peer).as("the peer asks " + relation).contains(relation);
		}
		assertThat(shapes).filteredOn((q) -> q.oursVariables().containsValue("m-00001")).hasSize(2);
		assertThat(shapes).filteredOn((q) -> q.oursVariables().containsValue("o-v-xz")).hasSize(2);
		assertThat(shapes).filteredOn((q) -> q.oursVariables().containsValue("u-c-001")).hasSize(1);
	}

}
