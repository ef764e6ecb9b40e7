package org.partygraph.queries.spring;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.read.ReadStatements;
import org.partygraph.queries.read.StatementListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The driver the query classes get ({@link SessionDefaults}) on a real Neo4j: reads through
 * {@link ReadStatements} run in READ mode, sessions go to {@code party-graph.database}, and all
 * sessions share one bookmark manager.
 */
class SessionDefaultsIT {

	private final Driver driver = TestNeo4j.driver();

	@Test
	void readStatementsRunInReadMode() {
		ReadStatements reads = new ReadStatements(new SessionDefaults(this.driver, null), StatementListener.NONE);
		assertThat(reads.read("RETURN 1 AS one", Map.of()).get(0).get("one").asInt()).isEqualTo(1);
		// A write sent down the read path is refused by the server: the transaction is a read transaction.
		assertThatExceptionOfType(ClientException.class)
			.isThrownBy(() -> reads.read("CREATE (p:ReadModeProbe) RETURN p", Map.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("Neo.ClientError.Statement.AccessMode"));
		assertThat(TestNeo4j.count("MATCH (p:ReadModeProbe) RETURN count(p)")).isZero();
	}

	@Test
	void sessionsGoToTheConfiguredDatabase() {
		ReadStatements named = new ReadStatements(new SessionDefaults(this.driver, "neo4j"), StatementListener.NONE);
		assertThat(named.read("RETURN 1 AS one", Map.of())).hasSize(1);
		// Neo4j Community holds one user database, so a database of another name shows the name is sent.
		ReadStatements elsewhere = new ReadStatements(new SessionDefaults(this.driver, "province-17"),
				StatementListener.NONE);
		assertThatExceptionOfType(ClientException.class).isThrownBy(() -> elsewhere.read("RETURN 1", Map.of()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("Neo.ClientError.Database.DatabaseNotFound"))
			.withMessageContaining("province-17");
		assertThat(new SessionDefaults(this.driver, " ").database()).isNull();
	}

	@Test
	void withCausalConsistencySessionsShareBookmarks() {
		SessionDefaults sessions = new SessionDefaults(this.driver, null, true);
		Set<Bookmark> before = this.driver.executableQueryBookmarkManager().getBookmarks();
		try (Session session = sessions.session()) {
			session.executeWriteWithoutResult((tx) -> tx.run("CREATE (:BookmarkProbe)"));
		}
		Set<Bookmark> after = this.driver.executableQueryBookmarkManager().getBookmarks();
		assertThat(after).isNotEmpty().isNotEqualTo(before);
		// The next session begins from that write's bookmark (in a cluster: on a secondary that has it).
		try (Session session = sessions.session()) {
			long probes = session.executeRead(
					(tx) -> tx.run("MATCH (p:BookmarkProbe) RETURN count(p) AS n").single().get("n").asLong());
			assertThat(probes).isPositive();
			session.executeWriteWithoutResult((tx) -> tx.run("MATCH (p:BookmarkProbe) DELETE p"));
		}
	}

	@Test
	void withoutCausalConsistencySessionsStartWithoutBookmarksAndStillReadTheirWrites() {
		SessionDefaults sessions = new SessionDefaults(this.driver, null, false);
		Set<Bookmark> before = this.driver.executableQueryBookmarkManager().getBookmarks();
		try (Session session = sessions.session()) {
			session.executeWriteWithoutResult((tx) -> tx.run("CREATE (:BookmarkProbe)"));
		}
		assertThat(this.driver.executableQueryBookmarkManager().getBookmarks()).isEqualTo(before);
		try (Session session = sessions.session()) {
			assertThat(session.lastBookmarks()).isEmpty();
			// One server: a transaction begun after a commit returned sees it, bookmark or not.
			long probes = session.executeRead(
					(tx) -> tx.run("MATCH (p:BookmarkProbe) RETURN count(p) AS n").single().get("n").asLong());
			assertThat(probes).isPositive();
			session.executeWriteWithoutResult((tx) -> tx.run("MATCH (p:BookmarkProbe) DELETE p"));
		}
	}

	@Test
	void causalConsistencyIsOnForClusterUrisUnlessSetOtherwise() {
		assertThat(SessionDefaults.causal(null, null)).as("embedded").isFalse();
		assertThat(SessionDefaults.causal("auto", "bolt://db:7687")).isFalse();
		assertThat(SessionDefaults.causal(null, "neo4j://cluster:7687")).isTrue();
		assertThat(SessionDefaults.causal("auto", "neo4j+s://cluster.example.org")).isTrue();
		assertThat(SessionDefaults.causal("on", "bolt://db:7687")).isTrue();
		assertThat(SessionDefaults.causal("OFF", "neo4j://cluster:7687")).isFalse();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> SessionDefaults.causal("yes", null))
			.withMessageContaining("party-graph.causal-consistency is 'yes'");
	}

}
