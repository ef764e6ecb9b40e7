package org.partygraph.queries.read;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * Runs read statements, one round trip each in its own read transaction, telling the listener of
 * every one (that is how the debug extension counts round trips).
 */
public final class ReadStatements {

	private final Driver driver;

	private final StatementListener listener;

	public ReadStatements(Driver driver, StatementListener listener) {
		this.driver = driver;
		this.listener = listener;
	}

	public List<Record> read(String cypher, Map<String, Object> parameters) {
		long started = System.nanoTime();
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run(cypher, parameters).list());
		}
		catch (ServiceUnavailableException ex) {
			throw new DatabaseUnavailableException(ex);
		}
		finally {
			this.listener.statementRan(System.nanoTime() - started);
		}
	}

}
