package org.partygraph.queries.spring;

import java.util.concurrent.CompletionStage;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.BaseSession;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.ExecutableQuery;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.SessionConfig;

/**
 * The driver every query class gets: sessions opened without a configuration of their own (all of
 * ours: {@code driver.session()}) go to the configured database ({@code party-graph.database};
 * the server's default database when unset) and share one bookmark manager, so a statement sees
 * every write committed before it by this service (causal consistency: in a cluster a read routed
 * to a secondary waits until that secondary has those writes). A session opened with its own
 * {@link SessionConfig} keeps it untouched.
 */
public final class SessionDefaults implements Driver {

	private final Driver driver;

	private final SessionConfig defaults;

	private final String database;

	/**
	 * @param driver the driver to wrap
	 * @param database the database sessions use; {@code null} or blank for the server's default
	 */
	public SessionDefaults(Driver driver, String database) {
		this.driver = driver;
		this.database = (database == null || database.isBlank()) ? null : database.strip();
		// The driver's own bookmark manager, shared with executableQuery, so both see each other's writes.
		BookmarkManager bookmarks = driver.executableQueryBookmarkManager();
		SessionConfig.Builder builder = SessionConfig.builder().withBookmarkManager(bookmarks);
		if (this.database != null) {
			builder.withDatabase(this.database);
		}
		this.defaults = builder.build();
	}

	/** The database sessions use; {@code null} for the server's default. */
	public String database() {
		return this.database;
	}

	/** The driver underneath. */
	public Driver unwrap() {
		return this.driver;
	}

	@Override
	public <T extends BaseSession> T session(Class<T> sessionClass, SessionConfig sessionConfig,
			AuthToken sessionAuthToken) {
		boolean unconfigured = sessionConfig == null || SessionConfig.defaultConfig().equals(sessionConfig);
		return this.driver.session(sessionClass, unconfigured ? this.defaults : sessionConfig, sessionAuthToken);
	}

	@Override
	public ExecutableQuery executableQuery(String query) {
		ExecutableQuery executable = this.driver.executableQuery(query);
		return (this.database != null)
				? executable.withConfig(QueryConfig.builder().withDatabase(this.database).build()) : executable;
	}

	@Override
	public BookmarkManager executableQueryBookmarkManager() {
		return this.driver.executableQueryBookmarkManager();
	}

	@Override
	public boolean isEncrypted() {
		return this.driver.isEncrypted();
	}

	@Override
	public void close() {
		this.driver.close();
	}

	@Override
	public CompletionStage<Void> closeAsync() {
		return this.driver.closeAsync();
	}

	@Override
	public void verifyConnectivity() {
		this.driver.verifyConnectivity();
	}

	@Override
	public CompletionStage<Void> verifyConnectivityAsync() {
		return this.driver.verifyConnectivityAsync();
	}

	@Override
	public boolean verifyAuthentication(AuthToken authToken) {
		return this.driver.verifyAuthentication(authToken);
	}

	@Override
	public boolean supportsSessionAuth() {
		return this.driver.supportsSessionAuth();
	}

	@Override
	public boolean supportsMultiDb() {
		return this.driver.supportsMultiDb();
	}

	@Override
	public CompletionStage<Boolean> supportsMultiDbAsync() {
		return this.driver.supportsMultiDbAsync();
	}

}
