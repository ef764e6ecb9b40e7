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
	void historyAndChanges() {
		// The small county came in by an import: one IMPORTED event, no CREATED event of its own per
		// org (other tests on the shared service may rename it since).
		this.graphQl.document("{ org(id: \"s-o-xz-b\") { history { on kind } } }")
			.execute()
			.path("org.history[*].kind").entityList(String.class).doesNotContain("CREATED");
		String today = java.time.LocalDate.now().toString();
		this.graphQl.document("{ changes(from: \"2000-01-01\", to: \"2999-12-31\") { on kind detail org by } }")
			.execute()
			.path("changes[?(@.kind == 'IMPORTED')].detail").entityList(String.class)
			.satisfies((details) -> assertThat(details).anySatisfy((d) -> assertThat(d).contains("小縣")));
		this.graphQl.document("{ changes(from: \"" + today + "\", to: \"2000-01-01\") { kind } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("is before from")));
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

	/**
	 * Unit.adjacentTo on the sample county: each village of 海北頭鄉 answers its neighbours recorded
	 * on either side (the dataset lists each pair once), in name order.
	 */
	@Test
	void neighboursAreReadBothWays() {
		org.partygraph.model.Dataset sample = org.partygraph.seed.HuairenCounty.dataset();
		java.util.Map<String, java.util.Set<String>> next = new java.util.HashMap<>();
		sample.units().forEach((u) -> u.adjacentTo().forEach((other) -> {
			next.computeIfAbsent(u.id(), (k) -> new java.util.HashSet<>()).add(other);
			next.computeIfAbsent(other, (k) -> new java.util.HashSet<>()).add(u.id());
		}));
		List<String> villages = sample.units().stream()
			.filter((u) -> org.partygraph.seed.HuairenCounty.HAIBEITOU_TOWNSHIP.equals(u.locatedIn())
					&& u.kind() == org.partygraph.model.UnitKind.VILLAGE)
			.map(org.partygraph.model.Unit::id)
			.toList();
		assertThat(villages).hasSizeGreaterThan(3);
		for (String village : villages) {
			List<String> names = this.graphQl.document("query($id: ID!) { unit(id: $id) { adjacentTo { id name } } }")
				.variable("id", village)
				.execute()
				.path("unit.adjacentTo[*].id")
				.entityList(String.class)
				.get();
			assertThat(names).as(village).containsExactlyInAnyOrderElementsOf(next.get(village));
		}
		// in name order, as every list of units
		this.graphQl.document("query($id: ID!) { unit(id: $id) { adjacentTo { nameSort: name } } }")
			.variable("id", villages.get(0))
			.execute()
			.path("unit.adjacentTo[*].nameSort")
			.entityList(String.class)
			.satisfies((list) -> assertThat(list).isSortedAccordingTo(
					java.util.Comparator.comparing(org.partygraph.model.NameKeys::sortKey)));
	}

	@Test
	void orgListFiltersSortsAndPages() {
		this.graphQl.documentName("orgList")
			.variable("filter", Map.of("within", "s-o-county", "kinds", List.of("BRANCH")))
			.execute()
			.path("orgs.totalCount").entity(Integer.class).isEqualTo(2)
			// by name (the default) in pinyin: 某 mou before 上 shang (in code points 上 U+4E0A comes first)
			.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("s-o-e1", "s-o-xz-b");

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
		// the name folded: simplified characters, pinyin and initials find the traditional name
		for (String typed : List.of("养殖行业", "yangzhi", "szcyzhy")) {
			this.graphQl.documentName("orgList")
				.variable("filter", Map.of("within", "s-o-county", "nameContains", typed))
				.execute()
				.path("orgs.edges[*].node.id").entityList(String.class).containsExactly("s-o-xz-b");
		}
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
