package org.partygraph.queries;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.dataset.MemberTallies;
import org.partygraph.queries.read.MemberCounts;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.StatementListener;
import org.partygraph.queries.schema.Migrations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orgs' stored member tallies: an import sets them, the check finds a wrong or missing one,
 * the recount and the migration put them right, and subtree counts read from them agree with
 * counting the members themselves. (Every writing test class also checks them after each test.)
 */
class MemberTalliesIT {

	@BeforeEach
	void loadSmallCounty() {
		TestNeo4j.clear();
		new DatasetImporter(TestNeo4j.driver()).importDataset(SmallCounty.dataset(), ImportProgress.NONE);
	}

	@Test
	void anImportSetsEveryOrgsTallies() {
		assertThat(TestNeo4j.count("MATCH (o:Org) RETURN count(o)")).isGreaterThan(3);
		assertThat(TestNeo4j.count("MATCH (o:Org) WHERE o.ownMembers IS NULL OR o.groupFullMembers IS NULL RETURN count(o)"))
			.isZero();
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
	}

	@Test
	void aWrongTallyIsFoundAndTheRecountPutsItRight() {
		String org = TestNeo4j.driver()
			.executableQuery("MATCH (o:Org) WHERE o.ownMembers > 0 WITH o ORDER BY o.id LIMIT 1 "
					+ "SET o.ownFullMembers = o.ownFullMembers + 7 RETURN o.id AS id")
			.execute()
			.records()
			.get(0)
			.get("id")
			.asString();

		List<String> wrong = TestNeo4j.tallyMismatches();
		assertThat(wrong).hasSize(1);
		assertThat(wrong.get(0)).startsWith(org + " stored ");

		try (Session session = TestNeo4j.driver().session()) {
			session.run(MemberTallies.RECOUNT_ALL).consume();
		}
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
	}

	@Test
	void theMigrationFillsInTheTalliesOfAStoreMadeBeforeThem() {
		TestNeo4j.driver()
			.executableQuery("MATCH (o:Org) REMOVE o.ownMembers, o.ownFullMembers, o.groupMembers, o.groupFullMembers")
			.execute();
		long orgs = TestNeo4j.count("MATCH (o:Org) RETURN count(o)");
		assertThat(TestNeo4j.tallyMismatches()).hasSize((int) Math.min(orgs, 100));

		TestNeo4j.driver().executableQuery("MATCH (m:SchemaMigration {version: '0007'}) DELETE m").execute();
		assertThat(new Migrations(TestNeo4j.driver()).apply()).containsExactly("0007");
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
	}

	@Test
	void subtreeCountsFromTheTalliesAgreeWithCountingTheMembers() {
		List<String> ids = TestNeo4j.driver()
			.executableQuery("MATCH (o:Org) RETURN o.id AS id ORDER BY id")
			.execute()
			.records()
			.stream()
			.map((r) -> r.get("id").asString())
			.toList();
		var counts = new OrgQueries(TestNeo4j.driver(), StatementListener.NONE).memberCounts(ids);
		for (String id : ids) {
			long total = TestNeo4j.count("""
					MATCH (o:Org {id: '%s'})
					RETURN CASE o.kind WHEN 'PARTY_GROUP' THEN COUNT { (o)<-[:IN_GROUP]-(:Member) }
					  ELSE COUNT { (o)<-[:SUBORDINATE_TO*0..]-(:Org)<-[:MEMBER_OF]-(:Member) } END""".formatted(id));
			long full = TestNeo4j.count("""
					MATCH (o:Org {id: '%s'})
					RETURN CASE o.kind WHEN 'PARTY_GROUP' THEN COUNT { (o)<-[:IN_GROUP]-(:Member {status: 'FULL'}) }
					  ELSE COUNT { (o)<-[:SUBORDINATE_TO*0..]-(:Org)<-[:MEMBER_OF]-(:Member {status: 'FULL'}) } END"""
				.formatted(id));
			assertThat(counts.get(id)).as(id).isEqualTo(new MemberCounts((int) total, (int) full));
		}
		assertThat(counts.values().stream().mapToInt(MemberCounts::total).max().orElse(0)).isGreaterThan(0);
	}

}
