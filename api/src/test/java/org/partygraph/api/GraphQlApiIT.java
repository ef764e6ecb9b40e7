package org.partygraph.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.seed.HuairenCounty;

import static org.assertj.core.api.Assertions.assertThat;

class GraphQlApiIT extends ServiceTestBase {

	@Test
	void orgTreeWithCountsCoManagersAndUnits() {
		this.graphQl.documentName("orgTree")
			.variable("id", "s-o-county")
			.execute()
			.path("org.kind").entity(String.class).isEqualTo("COUNTY_COMMITTEE")
			.path("org.parent").valueIsNull()
			.path("org.memberCount").entity(Integer.class).isEqualTo(5)
			.path("org.fullMemberCount").entity(Integer.class).isEqualTo(4)
			.path("org.children[*].id").entityList(String.class).satisfies((l) -> assertThat(l).containsExactlyInAnyOrder("s-o-hbt", "s-o-npe"))
			.path("org.children[?(@.id == 's-o-hbt')].memberCount").entityList(Integer.class).containsExactly(4)
			.path("org.children[?(@.id == 's-o-npe')].children[0].id").entityList(String.class).containsExactly("s-o-e1");

		this.graphQl.documentName("orgTree")
			.variable("id", "s-o-e1")
			.execute()
			.path("org.parent.id").entity(String.class).isEqualTo("s-o-npe")
			.path("org.hasCommittee").entity(Boolean.class).isEqualTo(true)
			.path("org.coManagers[*].id").entityList(String.class).containsExactly("s-o-hbt")
			.path("org.units[*].id").entityList(String.class).containsExactly("s-u-e1");

		// A party group counts the members assigned to it.
		this.graphQl.documentName("orgTree")
			.variable("id", "s-o-xz-g1")
			.execute()
			.path("org.memberCount").entity(Integer.class).isEqualTo(2)
			.path("org.hasCommittee").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void membersArePagedWithCursors() {
		var first = this.graphQl.documentName("memberPage")
			.variable("id", "s-o-county")
			.variable("first", 2)
			.execute();
		first.path("org.members.totalCount").entity(Integer.class).isEqualTo(5)
			.path("org.members.edges[*].node.id").entityList(String.class).containsExactly("s-a1", "s-b1")
			.path("org.members.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("org.members.pageInfo.endCursor").entity(String.class).get();

		this.graphQl.documentName("memberPage")
			.variable("id", "s-o-county")
			.variable("first", 10)
			.variable("after", cursor)
			.execute()
			.path("org.members.edges[*].node.id").entityList(String.class).containsExactly("s-b2", "s-b3", "s-e1")
			.path("org.members.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		this.graphQl.documentName("memberPage")
			.variable("id", "s-o-xz")
			.variable("direct", true)
			.execute()
			.path("org.members.edges[*].node.id").entityList(String.class).containsExactly("s-a1")
			.path("org.members.edges[0].node.org.id").entity(String.class).isEqualTo("s-o-xz");
	}

	@Test
	void memberAndUnit() {
		this.graphQl.documentName("memberAndUnit")
			.variable("member", "s-b3")
			.variable("unit", "s-u-xz")
			.execute()
			.path("member.status").entity(String.class).isEqualTo("PROBATIONARY")
			.path("member.org.id").entity(String.class).isEqualTo("s-o-xz-b")
			.path("member.participatesIn[*].id").entityList(String.class).containsExactly("s-o-e1")
			.path("unit.kind").entity(String.class).isEqualTo("VILLAGE")
			.path("unit.locatedIn.id").entity(String.class).isEqualTo("s-u-hbt")
			.path("unit.locatedIn.locatedIn.kind").entity(String.class).isEqualTo("COUNTY");
	}

	@Test
	void unknownIdsAnswerNull() {
		this.graphQl.document("{ org(id: \"nope\") { id } member(id: \"nope\") { id } unit(id: \"nope\") { id } }")
			.execute()
			.path("org").valueIsNull()
			.path("member").valueIsNull()
			.path("unit").valueIsNull();
	}

	@Test
	void badPagingArgumentsAreNamedInTheError() {
		this.graphQl.document("{ org(id: \"s-o-county\") { members(first: 1000) { totalCount } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("first").contains("100")));
		this.graphQl.document("{ org(id: \"s-o-county\") { members(after: \"garbage\") { totalCount } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("after").contains("garbage")));
	}

	@Test
	void theSampleCountyIsLoadedOnFirstStart() {
		Dataset county = HuairenCounty.dataset();
		Org root = county.orgs().stream().filter((o) -> o.parent() == null).findFirst().orElseThrow();
		List<String> children = county.orgs().stream().filter((o) -> root.id().equals(o.parent())).map(Org::id).toList();
		this.graphQl.documentName("orgTree")
			.variable("id", root.id())
			.execute()
			.path("org.name").entity(String.class).isEqualTo("中共懷仁縣委")
			.path("org.children[*].id").entityList(String.class).satisfies((l) -> assertThat(l).containsExactlyInAnyOrderElementsOf(children))
			.path("org.memberCount").entity(Integer.class).isEqualTo(membersUnder(county, root.id()));
	}

	// Counted from the dataset records, independently of the Cypher under test.
	private static int membersUnder(Dataset dataset, String rootId) {
		Map<String, String> parent = new HashMap<>();
		dataset.orgs().forEach((o) -> parent.put(o.id(), o.parent()));
		Set<String> subtree = new HashSet<>();
		for (Org org : dataset.orgs()) {
			for (String at = org.id(); at != null; at = parent.get(at)) {
				if (at.equals(rootId)) {
					subtree.add(org.id());
					break;
				}
			}
		}
		return (int) dataset.members().stream().map(Member::org).filter(subtree::contains).count();
	}

}
