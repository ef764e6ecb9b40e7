package org.partygraph.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j Community running in this JVM with a persistent store, reachable only over Bolt on
 * 127.0.0.1 and only with a password, so the service talks to it exactly as to a server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	/** The one user Bolt clients log in as. */
	public static final String USER = "neo4j";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private final DatabaseManagementService service;

	private final int boltPort;

	private final String password;

	private EmbeddedNeo4j(DatabaseManagementService service, int boltPort, String password) {
		this.service = service;
		this.boltPort = boltPort;
		this.password = password;
	}

	/**
	 * Starts Neo4j with its store under {@code home}.
	 * @param home directory holding the store; created when missing, and set to 0700 (owner only)
	 * where the file system has POSIX permissions
	 * @param boltPort the port to listen on at 127.0.0.1; 0 picks a free one
	 * @param password the password of the {@code neo4j} user; set on every start so a changed
	 * configuration takes effect
	 * @param pageCache page cache size, e.g. {@code 256m}; {@code null} for Neo4j's own default
	 */
	public static EmbeddedNeo4j start(Path home, int boltPort, String password, String pageCache) {
		long started = System.nanoTime();
		// Neo4j creates its files with the process's defaults (often world-readable); the store's
		// directory is closed to everyone but its owner, so they cannot be reached around the service.
		PrivateDirectories.restrict(home.toAbsolutePath().normalize());
		DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home.toAbsolutePath().normalize())
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
			.setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
			// Boot's Netty 4.2 cannot run Neo4j 5.26's in-JVM local channel; Bolt over TCP is all we use.
			.setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			.setConfig(GraphDatabaseSettings.keep_logical_logs, "1 days 256M")
			.setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
			// Bolt stops after the databases: waiting 5 s (the default) for its thread pool and again for
			// its connections made every stop of a service or a command 10 s longer, with nothing left
			// to finish.
			.setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
			.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500));
		if (pageCache != null && !pageCache.isBlank()) {
			builder.setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache));
		}
		DatabaseManagementService service = builder.build();
		try {
			setPassword(service, password);
			GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			int port = db.getDependencyResolver()
				.resolveDependency(ConnectorPortRegister.class)
				.getLocalAddress(ConnectorType.BOLT)
				.getPort();
			logger.info("Embedded Neo4j {} started in {} ms, store {}, Bolt on bolt://127.0.0.1:{} (user neo4j)",
					db.getClass().getPackage().getImplementationVersion(), (System.nanoTime() - started) / 1_000_000,
					home.toAbsolutePath().normalize(), port);
			return new EmbeddedNeo4j(service, port, password);
		}
		catch (RuntimeException ex) {
			service.shutdown();
			throw ex;
		}
	}

	private static void setPassword(DatabaseManagementService service, String password) {
		try {
			service.database("system")
				.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("password", password));
		}
		catch (QueryExecutionException ex) {
			// Neo4j refuses to "change" a password to the one it already has; that is the usual restart.
			if (!String.valueOf(ex.getMessage()).contains("cannot be the same")) {
				throw ex;
			}
		}
	}

	/** The port Bolt actually listens on. */
	public int boltPort() {
		return this.boltPort;
	}

	/** {@code bolt://127.0.0.1:<port>}. */
	public URI boltUri() {
		return URI.create("bolt://127.0.0.1:" + this.boltPort);
	}

	public String password() {
		return this.password;
	}

	@Override
	public void close() {
		long started = System.nanoTime();
		this.service.shutdown();
		logger.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/** Parses sizes like {@code 512m}, {@code 2g}, {@code 1048576}. */
	static long parseBytes(String text) {
		String value = text.trim().toLowerCase();
		long factor = 1;
		char unit = value.charAt(value.length() - 1);
		if (unit == 'k' || unit == 'm' || unit == 'g') {
			factor = (unit == 'k') ? 1L << 10 : (unit == 'm') ? 1L << 20 : 1L << 30;
			value = value.substring(0, value.length() - 1);
		}
		try {
			return Long.parseLong(value) * factor;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a size: '" + text + "' (use e.g. 256m or 2g)", ex);
		}
	}

}
