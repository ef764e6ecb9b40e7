package org.partygraph.queries.read;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the read compiler writes, without a database: one statement, parameters only, scope compiled in. */
class CompiledReadsTests {

	private static Selection field(String name, Selection... selections) {
		return new Selection(name, name, Map.of(), List.of(selections));
	}

	@Test
	void nestedRelationsBecomeOneStatementWithScope() {
		List<Selection> selections = List.of(Selection.scalar("id"), Selection.scalar("memberCount"),
				field("children", Selection.scalar("id"), field("coManagers", Selection.scalar("id")),
						new Selection("page", "members", Map.of("first", 5, "direct", true),
								List.of(field("edges", field("node", Selection.scalar("id"), field("unit", Selection.scalar("id"))))))));
		String cypher = CompiledReads.cypher("Org", selections, "o-t-hbt");
		assertThat(cypher).startsWith("MATCH (v0:`Org` {id: $p1}) RETURN {row: v0, answers: {children: [(v0)<-[:`SUBORDINATE_TO`]-(v1:`Org`) WHERE EXISTS {")
			.contains("(:`Org` {id: $scopeRoot})")
			// a member page is sorted and cut in the statement; other lists are sorted when read
			.contains("ORDER BY v3.id ASC LIMIT $p2")
			.doesNotContain("ORDER BY v1.name");
		assertThat(cypher).doesNotContain("o-t-hbt");
		assertThat(CompiledReads.cypher("Org", selections, null)).doesNotContain("scopeRoot");
		// another page size and cursor, the same shape: the same text (one plan in Neo4j's cache)
		List<Selection> otherPage = List.of(Selection.scalar("id"), Selection.scalar("memberCount"),
				field("children", Selection.scalar("id"), field("coManagers", Selection.scalar("id")),
						new Selection("page", "members", Map.of("first", 17, "direct", true, "after", "m-00010"),
								List.of(field("edges", field("node", Selection.scalar("id"), field("unit", Selection.scalar("id"))))))));
		assertThat(CompiledReads.cypher("Org", otherPage, "o-npe")).isEqualTo(cypher);
	}

	@Test
	void listRootsAreOneStatementWhoseTextDependsOnTheShapeOnly() {
		List<Selection> nodes = List.of(Selection.scalar("id"), Selection.scalar("memberCount"),
				field("coManagers", Selection.scalar("id")), field("units", Selection.scalar("id")));
		OrgFilter township = new OrgFilter(List.of(org.partygraph.model.OrgKind.BRANCH), "下寨", null,
				"o-t-hbt", null, true, null, null, 3, null, null);
		OrgFilter otherTownship = new OrgFilter(List.of(org.partygraph.model.OrgKind.GENERAL_BRANCH), "zhang", null,
				"o-t-yz", null, true, null, null, 7, null, null);
		Sort bySize = new Sort(Sort.Field.MEMBER_COUNT, true);
		String cypher = CompiledReads.orgsCypher(township, bySize, nodes, "o-county");
		System.out.println(cypher);
		// same shape, other values: the same text, so Neo4j plans it once
		assertThat(CompiledReads.orgsCypher(otherTownship, bySize, nodes, "o-county")).isEqualTo(cypher);
		assertThat(cypher).doesNotContain("o-t-hbt").doesNotContain("下寨").doesNotContain("xiazhai")
			.contains("counts[0] AS sortKey ORDER BY sortKey DESC, v0.id ASC")
			.contains("(:`Org` {id: $scopeRoot})")
			.contains("v0.nameKey CONTAINS $p")
			.contains("EXISTS { (v0)-[:`CO_MANAGED_BY`]->(:`Org`) }")
			.doesNotContain("exists((");
		assertThat(cypher.indexOf("MATCH")).isEqualTo(cypher.lastIndexOf("MATCH (v1:`Org`"));
		// a filter not given is not in the text
		assertThat(CompiledReads.orgsCypher(OrgFilter.ALL, Sort.BY_NAME, nodes, null)).doesNotContain("nameKey")
			.doesNotContain("AS counts")
			.contains("v0.nameSort AS sortKey ORDER BY sortKey ASC, v0.id ASC");
		String members = CompiledReads.membersCypher(
				new MemberFilter("o-t-hbt", org.partygraph.model.MemberStatus.FULL, null, "張", null),
				new Sort(Sort.Field.JOINED, false), List.of(Selection.scalar("id"), field("org", Selection.scalar("id"))),
				"o-t-hbt");
		System.out.println(members);
		assertThat(members).contains("<-[:`MEMBER_OF`]-(v0:`Member`)").contains("v0.joined AS sortKey ORDER BY sortKey ASC, v0.id ASC")
			.doesNotContain("張");
		// a search from an anchor org is held to start there, whatever the statistics say of the name
		// index (CI once saw the member name index scanned instead)
		assertThat(members).containsPattern("MATCH \\(v(\\d+):`Org` \\{id: \\$p\\d+}\\).* USING INDEX v\\1:`Org`\\(id\\) WHERE");
		OrgFilter within = new OrgFilter(null, "zhang", "o-t-hbt", null, null, null, null, null, null, null, null);
		assertThat(CompiledReads.orgsCypher(within, Sort.BY_NAME, nodes, null)).containsPattern("USING INDEX v\\d+:`Org`\\(id\\)");
		OrgFilter coManaged = new OrgFilter(null, null, null, null, null, null, "o-npe", null, null, null, null);
		assertThat(CompiledReads.orgsCypher(coManaged, Sort.BY_NAME, nodes, null)).containsPattern("USING INDEX v\\d+:`Org`\\(id\\)");
		String units = CompiledReads.unitsCypher(new UnitFilter(null, "xzc", "u-t-hbt", true, null, false),
				new Sort(Sort.Field.KIND, true), List.of(Selection.scalar("id"), field("orgs", Selection.scalar("id"))),
				null);
		System.out.println(units);
		assertThat(units).contains("v0.kind AS sortKey ORDER BY sortKey DESC, v0.id ASC").contains("NOT (EXISTS {").doesNotContain("xzc");
	}

}
