package org.partygraph.queries.limits;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.read.ReadStatements;
import org.partygraph.queries.read.StatementListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real slow statements on the real Neo4j: the database stops them at the timeout, callers get a
 * clear exception, and the next statement runs as usual.
 */
class TimeLimitedDriverIT {

	/** Counts a billion numbers: many seconds of work, whatever the machine. */
	private static final String SLOW = "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n";

	private final Driver limited = TimeLimitedDriver.of(TestNeo4j.driver(), Duration.ofMillis(700));

	@Test
	void aSlowReadIsStoppedAtTheTimeoutAndTheNextReadRuns() {
		ReadStatements reads = new ReadStatements(this.limited, StatementListener.NONE);
		long started = System.nanoTime();
		assertThatThrownBy(() -> reads.read(SLOW, Map.of())).isInstanceOf(DatabaseTimeoutException.class)
			.hasMessageStartingWith("The database did not answer within 700ms (party-graph.limits.database-timeout)")
			.hasMessageContaining("nothing was written");
		double seconds = (System.nanoTime() - started) / 1e9;
		assertThat(seconds).as("stopped near the timeout, not retried").isLessThan(6);
		assertThat(reads.read("RETURN 1 AS one", Map.of()).get(0).get("one").asInt()).isEqualTo(1);
	}

	@Test
	void aSlowWriteIsRolledBack() {
		try (Session session = this.limited.session()) {
			assertThatThrownBy(() -> session.executeWriteWithoutResult((tx) -> {
				tx.run("CREATE (:TimeoutProbe {id: 'probe'})").consume();
				tx.run(SLOW).consume();
			})).isInstanceOf(DatabaseTimeoutException.class);
		}
		assertThat(TestNeo4j.count("MATCH (n:TimeoutProbe) RETURN count(n)")).isZero();
	}

	@Test
	void underABudgetTheTransactionGetsWhatIsLeftAndTheErrorNamesTheBudget() {
		TimeBudget budget = new TimeBudget("what-if", Duration.ofMillis(300), "party-graph.limits.what-if-budget");
		ReadStatements reads = new ReadStatements(TimeLimitedDriver.of(TestNeo4j.driver(), Duration.ofSeconds(30)),
				StatementListener.NONE);
		long started = System.nanoTime();
		assertThatThrownBy(() -> budget.run(() -> reads.read(SLOW, Map.of())))
			.isInstanceOf(TimeBudgetExceededException.class)
			.hasMessageStartingWith("The what-if took longer than its time budget of 300ms "
					+ "(party-graph.limits.what-if-budget)");
		assertThat((System.nanoTime() - started) / 1e9).as("the budget, not the 30s timeout").isLessThan(6);
		// Outside the budget the same driver runs as usual, and a checkpoint is a no-op.
		TimeBudget.checkpoint("nothing");
		assertThat(reads.read("RETURN 2 AS two", Map.of()).get(0).get("two").asInt()).isEqualTo(2);
	}

	@Test
	void autoCommitAndExplicitTransactionsAreLimitedTooAndAnOwnTimeoutIsKept() {
		try (Session session = this.limited.session()) {
			assertThatThrownBy(() -> session.run(SLOW).consume()).isInstanceOf(Neo4jException.class)
				.satisfies((ex) -> assertThat(((Neo4jException) ex).code()).contains("TransactionTimedOut"));
			try (Transaction tx = session.beginTransaction()) {
				assertThatThrownBy(() -> tx.run(SLOW).consume()).isInstanceOf(Neo4jException.class)
					.satisfies((ex) -> assertThat(((Neo4jException) ex).code()).contains("TransactionTimedOut"));
			}
		}
		// A config with its own timeout keeps it: 300ms on a driver whose timeout is 30s.
		Driver patient = TimeLimitedDriver.of(TestNeo4j.driver(), Duration.ofSeconds(30));
		long started = System.nanoTime();
		try (Session session = patient.session()) {
			assertThatThrownBy(() -> session.executeRead((tx) -> tx.run(SLOW).consume(),
					TransactionConfig.builder().withTimeout(Duration.ofMillis(300)).build()))
				.isInstanceOf(DatabaseTimeoutException.class);
		}
		assertThat((System.nanoTime() - started) / 1e9).isLessThan(6);
	}

}
