package org.partygraph.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Org, Member and Unit field and the list queries, on the hand-built small county. */
class GraphQlFieldsIT extends ServiceTestBase {

	@Test
	void orgRelations() {
		this.graphQl.documentName("orgDetails")
			.variable("id", "s-o-xz-b")
			.execute()
			.path("org.dataset").entity(String.class).isEqualTo("小縣")
			.path("org.ancestors[*].id").entityList(String.class).containsExactly("s-o-xz", "s-o-hbt", "s-o-county")
			.path("org.descendants[*].id").entityList(String.class).containsExactly("s-o-xz-g1")
			.path("org.partyGroups[*].id").entityList(String.class).containsExactly("s-o-xz-g1")
			.path("org.secretary.id").entity(String.class).isEqualTo("s-b1")
			.path("org.officers[*].role").entityList(String.class).containsExactly("SECRETARY")
			.path("org.officers[0].org.id").entity(String.class).isEqualTo("s-o-xz-b");

		this.graphQl.documentName("orgDetails")
			.variable("id", "s-o-county")
			.execute()
			.path("org.descendants[*].id").entityList(String.class).hasSize(6)
			.path("org.firstLevel[*].id").entityList(String.class)
			.satisfies((ids) -> assertThat(ids).containsExactlyInAnyOrder("s-o-hbt", "s-o-npe"))
			.path("org.ancestors").entityList(Object.class).hasSize(0)
			.path("org.secretary").valueIsNull();
	}

	@Test
	void dualManagementFromBothSides() {
		this.graphQl.documentName("orgDetails")
			.variable("id", "s-o-hbt")
			.execute()
			.path("org.coManages[*].id").entityList(String.class).containsExactly("s-o-e1")
			.path("org.inTerritoryNotLed[*].id").entityList(String.class).containsExactly("s-o-e1")
			.path("org.officers[*].member.id").entityList(String.class).containsExactly("s-a1");

		this.graphQl.documentName("orgDetails")
			.variable("id", "s-o-e1")
			.execute()
			.path("org.managementChain[?(@.distance == 1)].manager.id").entityList(String.class)
			.satisfies((ids) -> assertThat(ids).containsExactlyInAnyOrder("s-o-npe", "s-o-hbt"))
			.path("org.managementChain[?(@.manager.id == 's-o-hbt')].via").entityList(Object.class)
			.satisfies((via) -> assertThat(via).containsExactly(List.of("CO_MANAGED_BY")))
			.path("org.managementChain[?(@.manager.id == 's-o-county')].distance").entityList(Integer.class)
			.containsExactly(2);
	}

	@Test
	void memberFields() {
		this.graphQl.documentName("memberDetails")
			.variable("id", "s-b1")
			.execute()
			.path("member.gender").entity(String.class).isEqualTo("M")
			.path("member.joined").entity(String.class).isEqualTo("2005-07-01")
			.path("member.group.id").entity(String.class).isEqualTo("s-o-xz-g1")
			.path("member.unit.id").entity(String.class).isEqualTo("s-u-b1")
			.path("member.roles[*].role").entityList(String.class)
			.satisfies((roles) -> assertThat(roles).containsExactlyInAnyOrder("SECRETARY", "GROUP_LEADER"));
		this.graphQl.documentName("memberDetails")
			.variable("id", "s-b3")
			.execute()
			.path("member.group").valueIsNull()
			.path("member.roles").entityList(Object.class).hasSize(0);
	}

	@Test
	void unitFields() {
		this.graphQl.documentName("unitDetails")
			.variable("id", "s-u-hbt")
			.execute()
			.path("unit.contains[*].id").entityList(String.class)
			.satisfies((ids) -> assertThat(ids).containsExactlyInAnyOrder("s-u-xz", "s-u-e1"))
			.path("unit.orgs[*].id").entityList(String.class).containsExactly("s-o-hbt");
		this.graphQl.documentName("unitDetails")
			.variable("id", "s-u-e1")
			.execute()
			.path("unit.industry.id").entity(String.class).isEqualTo("s-u-sheep")
			.path("unit.suppliedBy[*].id").entityList(String.class).containsExactly("s-u-b1")
			.path("unit.supplies").valueIsNull();
		this.graphQl.documentName("unitDetails")
			.variable("id", "s-u-b1")
			.execute()
			.path("unit.supplies.id").entity(String.class).isEqualTo("s-u-e1");
	}

	@Test
	void orgListFiltersSortsAndPages() {
		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("within", "s-o-county", "kinds", List.of("BRANCH")))
			.execute()
			.path("orgs.totalCount").entity(Integer.class).isEqualTo(2)
			.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("s-o-xz-b", "s-o-e1");

		var first = this.graphQl.documentName("orgList")
			.variable("filter", Map.of("within", "s-o-county"))
			.variable("sort", Map.of("field", "MEMBER_COUNT", "descending", true))
			.variable("first", 3)
			.execute();
		first.path("orgs.totalCount").entity(Integer.class).isEqualTo(7)
			.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("s-o-county", "s-o-hbt", "s-o-xz")
			.path("orgs.edges[*].node.memberCount").entityList(Integer.class).containsExactly(5, 4, 4)
			.path("orgs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("orgs.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("within", "s-o-county"))
			.variable("sort", Map.of("field", "MEMBER_COUNT", "descending", true))
			.variable("first", 1)
			.variable("after", cursor)
			.execute()
			.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("s-o-xz-b");

		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("within", "s-o-county", "hasCoManager", true))
			.execute()
			.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("s-o-e1");
		// Who a township co-manages; the other filters still narrow it.
		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("coManagedBy", "s-o-hbt"))
			.execute()
			.path("orgs.totalCount").entity(Integer.class).isEqualTo(1)
			.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("s-o-e1")
			.path("orgs.edges[*].node.memberCount").entityList(Integer.class).containsExactly(1);
		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("coManagedBy", "s-o-county"))
			.execute()
			.path("orgs.totalCount").entity(Integer.class).isEqualTo(0);
		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("coManagedBy", "s-o-hbt", "within", "s-o-npe"))
			.execute()
			.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("s-o-e1");
		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("coManagedBy", "s-o-hbt", "within", "s-o-xz"))
			.execute()
			.path("orgs.totalCount").entity(Integer.class).isEqualTo(0);
		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("coManagedBy", "s-o-hbt", "kinds", List.of("GENERAL_BRANCH")))
			.execute()
			.path("orgs.totalCount").entity(Integer.class).isEqualTo(0);
		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("township", "s-o-hbt"))
			.execute()
			.path("orgs.totalCount").entity(Integer.class).isEqualTo(5);
		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("within", "s-o-county", "minMembers", 4))
			.execute()
			.path("orgs.totalCount").entity(Integer.class).isEqualTo(3);
		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("within", "s-o-county", "trade", "BREEDING", "nameContains", "養殖"))
			.execute()
			.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("s-o-xz-b");
	}

	@Test
	void memberAndUnitLists() {
		this.graphQl.documentName("memberList")
			.variable("filter", Map.of("within", "s-o-xz", "status", "FULL"))
			.variable("sort", Map.of("field", "ID"))
			.execute()
			.path("members.totalCount").entity(Integer.class).isEqualTo(3)
			.path("members.edges[*].node.id").entityList(String.class).containsExactly("s-a1", "s-b1", "s-b2");
		this.graphQl.documentName("memberList")
			.variable("filter", Map.of("within", "s-o-county", "role", "SECRETARY"))
			.variable("sort", Map.of("field", "ID"))
			.execute()
			.path("members.edges[*].node.id").entityList(String.class).containsExactly("s-a1", "s-b1");
		// By name without an org: every dataset (the sample county too), through the name index.
		this.graphQl.documentName("memberList")
			.variable("filter", Map.of("nameContains", "王", "status", "PROBATIONARY"))
			.variable("sort", Map.of("field", "ID", "descending", true))
			.execute()
			.path("members.edges[0].node.id").entity(String.class).isEqualTo("s-b3")
			.path("members.edges[*].node.name").entityList(String.class)
			.satisfies((names) -> assertThat(names).hasSizeGreaterThan(1).allMatch((n) -> n.contains("王")))
			.path("members.edges[*].node.status").entityList(String.class)
			.satisfies((statuses) -> assertThat(statuses).containsOnly("PROBATIONARY"));
		this.graphQl.documentName("memberList")
			.variable("filter", Map.of("nameContains", "李一"))
			.execute()
			.path("members.edges[*].node.id").entityList(String.class).contains("s-e1");
		this.graphQl.documentName("unitList")
			.variable("filter", Map.of("locatedIn", "s-u-county", "kinds", List.of("VILLAGE", "PRODUCTION_BASE")))
			.variable("sort", Map.of("field", "ID"))
			.execute()
			.path("units.edges[*].node.id").entityList(String.class).containsExactly("s-u-b1", "s-u-xz");
	}

	@Test
	void orgChartDrawsDualManagementAndUnits() {
		this.graphQl.documentName("orgChart")
			.variable("root", "s-o-npe")
			.variable("depth", 1)
			.execute()
			.path("orgChart.nodes[*].id").entityList(String.class)
			.satisfies((ids) -> assertThat(ids).containsExactlyInAnyOrder("s-o-npe", "s-o-e1", "s-o-hbt", "s-u-e1"))
			.path("orgChart.nodes[?(@.id == 's-o-hbt')].external").entityList(Boolean.class).containsExactly(true)
			.path("orgChart.nodes[?(@.id == 's-o-e1')].parent").entityList(String.class).containsExactly("s-o-npe")
			.path("orgChart.nodes[?(@.id == 's-o-e1')].memberCount").entityList(Integer.class).containsExactly(1)
			.path("orgChart.nodes[?(@.id == 's-u-e1')].unit").entityList(Boolean.class).containsExactly(true)
			.path("orgChart.edges").entityList(Map.class)
			.satisfies((edges) -> assertThat(edges).containsExactlyInAnyOrder(
					Map.of("source", "s-o-e1", "target", "s-o-npe", "kind", "SUBORDINATE_TO"),
					Map.of("source", "s-o-e1", "target", "s-o-hbt", "kind", "CO_MANAGED_BY"),
					Map.of("source", "s-o-e1", "target", "s-u-e1", "kind", "SET_UP_IN")));
		this.graphQl.documentName("orgChart")
			.variable("root", "s-o-county")
			.variable("depth", 1)
			.variable("units", false)
			.execute()
			.path("orgChart.nodes[*].id").entityList(String.class)
			.satisfies((ids) -> assertThat(ids).containsExactlyInAnyOrder("s-o-county", "s-o-hbt", "s-o-npe"))
			.path("orgChart.nodes[?(@.id == 's-o-hbt')].childCount").entityList(Integer.class).containsExactly(1);
		this.graphQl.documentName("orgChart")
			.variable("root", "nope")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.getMessage()).contains("root").contains("nope");
				assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND");
			}));
	}

}
