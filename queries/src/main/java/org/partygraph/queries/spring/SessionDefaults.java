package org.partygraph.queries.spring;

import java.util.Locale;
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
 * the server's default database when unset) and, with causal consistency on, share one bookmark
 * manager, so a statement sees every write committed before it by this service (in a cluster a
 * read routed to a secondary waits until that secondary has those writes). A session opened with
 * its own {@link SessionConfig} keeps it untouched.
 *
 * <p>
 * On one database server causal consistency buys nothing (a transaction started after a commit
 * returned sees it) and costs a wait: a transaction carrying a bookmark waits until every
 * transaction committed before that bookmark has closed, so under concurrent writes each read
 * queued behind the slowest commit in flight (with the member-name text index refreshed on each
 * commit, seconds under the load test). So it is on for routing ({@code neo4j://}) URIs only,
 * unless {@code party-graph.causal-consistency} says otherwise.
 */
public final class SessionDefaults implements Driver {

	private final Driver driver;

	private final SessionConfig defaults;

	private final String database;

	private final boolean causal;

	/**
	 * @param driver the driver to wrap
	 * @param database the database sessions use; {@code null} or blank for the server's default
	 */
	SessionDefaults(Driver driver, String database) {
		this(driver, database, true);
	}

	/**
	 * @param driver the driver to wrap
	 * @param database the database sessions use; {@code null} or blank for the server's default
	 * @param causal whether sessions share one bookmark manager
	 */
	public SessionDefaults(Driver driver, String database, boolean causal) {
		this.driver = driver;
		this.database = (database == null || database.isBlank()) ? null : database.strip();
		this.causal = causal;
		SessionConfig.Builder builder = SessionConfig.builder();
		if (causal) {
			// The driver's own bookmark manager, shared with executableQuery, so both see each other's writes.
			BookmarkManager bookmarks = driver.executableQueryBookmarkManager();
			builder.withBookmarkManager(bookmarks);
		}
		if (this.database != null) {
			builder.withDatabase(this.database);
		}
		this.defaults = builder.build();
	}

	/** The database sessions use; {@code null} for the server's default. */
	String database() {
		return this.database;
	}

	/** Whether sessions share one bookmark manager. */
	public boolean causal() {
		return this.causal;
	}

	/**
	 * Whether causal consistency is on for a setting of {@code party-graph.causal-consistency}
	 * ({@code auto}, {@code on} or {@code off}; {@code null} is {@code auto}) and the database URI
	 * ({@code null} for the embedded database): {@code auto} is on for routing URIs ({@code neo4j},
	 * {@code neo4j+s}, {@code neo4j+ssc}), the ones a cluster is reached by.
	 * @throws IllegalArgumentException for any other setting, naming it
	 */
	public static boolean causal(String setting, String uri) {
		String value = (setting == null || setting.isBlank()) ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "on", "true" -> true;
			case "off", "false" -> false;
			case "auto" -> uri != null && uri.strip().toLowerCase(Locale.ROOT).startsWith("neo4j");
			default -> throw new IllegalArgumentException("party-graph.causal-consistency is '" + setting
					+ "'; use auto (on for neo4j:// cluster URIs, off otherwise), on or off");
		};
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
