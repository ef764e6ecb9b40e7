package org.partygraph.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.TransientException;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.write.MemberTallies;
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
	void anImportCountsTheMembersItWritesWhetherItReplacesADatasetOrNot() {
		// The import writes each org's tallies from the dataset's members (no recount): probationary
		// members, party groups and a replace over an earlier import of the same dataset included.
		TestNeo4j.clear();
		for (int i = 0; i < 2; i++) {
			new DatasetImporter(TestNeo4j.driver()).importDataset(org.partygraph.seed.HuairenCounty.dataset(),
					ImportProgress.NONE);
			assertThat(TestNeo4j.tallyMismatches()).as("import " + (i + 1)).isEmpty();
		}
		assertThat(TestNeo4j.count("MATCH (o:Org) WHERE o.groupFullMembers > 0 AND o.ownFullMembers = 0 RETURN count(o)"))
			.as("party groups counted").isPositive();
		assertThat(TestNeo4j.count("MATCH (o:Org) WHERE o.ownMembers > o.ownFullMembers RETURN count(o)"))
			.as("probationary members counted apart").isPositive();
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

	// Two transactions each take a member away from one large org (a dense node, where Neo4j does not
	// serialise relationship changes by a node lock) and both count it before either commits: the
	// recount's own lock makes the later one wait, or fail as a deadlock, never count stale.
	@Test
	void twoChangesToOneOrgsMembersAtOnceLeaveItsTalliesRight() throws Exception {
		TestNeo4j.driver()
			.executableQuery("""
					MATCH (o:Org {id: 'o-xz-b'})
					UNWIND range(1, 80) AS i
					CREATE (:Member {id: 'x' + i, name: 'x' + i, status: 'FULL', dataset: o.dataset})-[:MEMBER_OF]->(o)""")
			.execute();
		try (Session session = TestNeo4j.driver().session()) {
			session.run(MemberTallies.RECOUNT_ALL).consume();
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			int committed = 0;
			for (int round = 0; round < 5; round++) {
				CyclicBarrier bothChanged = new CyclicBarrier(2);
				List<Future<Boolean>> results = new ArrayList<>();
				for (int t = 0; t < 2; t++) {
					String member = "x" + (round * 2 + t + 1);
					results.add(pool.submit(() -> takeAwayAndRecount(member, bothChanged)));
				}
				for (Future<Boolean> result : results) {
					committed += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
				}
				assertThat(TestNeo4j.tallyMismatches()).as("round " + round).isEmpty();
			}
			assertThat(committed).isGreaterThan(0);
			assertThat(TestNeo4j.count("MATCH (o:Org {id: 'o-xz-b'}) RETURN o.ownMembers"))
				.isEqualTo(3 + 80 - committed);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** True when the transaction committed, false when Neo4j broke the deadlock by ending it. */
	private static boolean takeAwayAndRecount(String member, CyclicBarrier bothChanged) throws InterruptedException {
		try (Session session = TestNeo4j.driver().session(); Transaction tx = session.beginTransaction()) {
			tx.run("MATCH (:Member {id: $id})-[r:MEMBER_OF]->() DELETE r", Map.of("id", member)).consume();
			try {
				// Where Neo4j does lock the node, the other transaction waits here instead.
				bothChanged.await(2, TimeUnit.SECONDS);
			}
			catch (TimeoutException | BrokenBarrierException ex) {
				// counted alone: nothing to race with
			}
			MemberTallies.recount(tx, List.of("o-xz-b"));
			tx.commit();
			return true;
		}
		catch (TransientException ex) {
			return false;
		}
	}

}
