package org.partygraph.queries.pattern;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.partygraph.queries.read.StatementListener;

/** Runs read statements of this package, one round trip each, telling the listener of every one. */
final class Statements {

	private final Driver driver;

	private final StatementListener listener;

	Statements(Driver driver, StatementListener listener) {
		this.driver = driver;
		this.listener = listener;
	}

	List<Record> read(String cypher, Map<String, Object> parameters) {
		long started = System.nanoTime();
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run(cypher, parameters).list());
		}
		finally {
			this.listener.statementRan(System.nanoTime() - started);
		}
	}

}
