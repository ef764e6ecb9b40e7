package org.partygraph.api.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * What {@code import} and {@code export} check before Spring or Neo4j start (issue #22): that no
 * other process holds the embedded store, and that the embedded database's Bolt port is free. Either
 * in use gives one line naming it and the ways forward ({@link Cli#IN_USE}), within a second or two,
 * instead of a minute of start-up and a stack trace; and a data directory that the command itself
 * created is removed again when the command fails, so no half-made store is left behind.
 * <p>
 * Plain {@code java.nio} and sockets, no Neo4j classes (the api module never touches them): the
 * store is in use while some process holds an OS lock on Neo4j 5's {@code store_lock} file, which
 * Neo4j keeps locked for as long as it runs. Checked across processes; inside one JVM the JDK
 * reports another channel's lock as {@link OverlappingFileLockException}, also taken as in use.
 * Nothing here applies when the commands use an external database ({@code spring.neo4j.uri}) or
 * the embedded one is switched off.
 */
final class Preflight {

	/**
	 * Neo4j 5's DBMS lock file, relative to the data directory: the embedded module keeps Neo4j's
	 * home in {@code <data-dir>/neo4j} (EmbeddedNeo4jAutoConfiguration), Neo4j its databases in
	 * {@code data/databases} under that.
	 */
	static final String STORE_LOCK = "neo4j/data/databases/store_lock";

	private static final String BOLT_PORT = "party-graph.embedded.bolt-port";

	private final boolean embedded;

	private final Path dataDir;

	private final int boltPort;

	private final boolean dataDirExisted;

	Preflight(boolean embedded, Path dataDir, int boltPort) {
		this.embedded = embedded;
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.boltPort = boltPort;
		this.dataDirExisted = Files.exists(this.dataDir);
	}

	/**
	 * The settings the command will start with, resolved as Spring Boot resolves them (command
	 * line, environment variables, application.properties, profiles) without starting anything.
	 */
	static Preflight of(String[] args) {
		try {
			return resolve(args);
		}
		catch (RuntimeException ex) {
			// A setting that does not bind (say a port that is not a number): the start reports it.
			return new Preflight(false, Path.of("."), 0);
		}
	}

	private static Preflight resolve(String[] args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		Binder binder = Binder.get(environment);
		String uri = binder.bind("spring.neo4j.uri", String.class).orElse("");
		boolean enabled = binder.bind("party-graph.embedded.enabled", Boolean.class).orElse(true);
		String dataDir = binder.bind("party-graph.data-dir", String.class).orElse("./data");
		int boltPort = binder.bind(BOLT_PORT, Integer.class).orElse(7687);
		return new Preflight(enabled && uri.isBlank(), Path.of(dataDir), boltPort);
	}

	/** Null when the command may start; else the one line that says what is in use and what to do. */
	String refusal(String command) {
		if (!this.embedded) {
			return null;
		}
		Holder store = storeHolder(this.dataDir.resolve(STORE_LOCK));
		if (store != null) {
			return command + ": the store in " + this.dataDir + " is in use by another process" + store.describe()
					+ ", most likely the running party-graph service. Stop it and run " + command + " again, or "
					+ alternative(command);
		}
		if (this.boltPort > 0 && portInUse(this.boltPort)) {
			return command + ": Bolt port " + this.boltPort + " on 127.0.0.1 is in use (by a running party-graph service or "
					+ "another Neo4j?); the embedded database of " + this.dataDir + " cannot listen there. Give this command "
					+ "another port with --" + BOLT_PORT + "=N (0 picks a free one), or stop what holds " + this.boltPort + ".";
		}
		return null;
	}

	private String alternative(String command) {
		if (command.equals("export")) {
			String port = (this.boltPort > 0) ? String.valueOf(this.boltPort) : "PORT";
			return "export through its database: add --spring.neo4j.uri=bolt://127.0.0.1:" + port
					+ " --spring.neo4j.authentication.username=neo4j --spring.neo4j.authentication.password=\"$(cat "
					+ this.dataDir.resolve("neo4j-password") + ")\" (the service's Bolt port; its log says 'Bolt on').";
		}
		return "import through the service: its importDataset mutation, as ADMIN (password in "
				+ this.dataDir.resolve("admin-password") + "; see README, Import and export).";
	}

	/**
	 * Removes the data directory when this command created it (it did not exist before the check)
	 * and the command failed: no half-made store is left behind. A directory that was there before
	 * is never touched.
	 */
	void removeCreatedDataDir() {
		if (!this.embedded || this.dataDirExisted || !Files.exists(this.dataDir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(this.dataDir)) {
			List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
			for (Path path : all) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// Best effort: the command's own failure is what gets reported.
		}
	}

	/** Who holds the lock file, or null when nobody does (or it cannot be told). */
	static Holder storeHolder(Path lockFile) {
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				lock.release();
				return null;
			}
			return new Holder(lockingPid(lockFile));
		}
		catch (OverlappingFileLockException ex) {
			return new Holder(OptionalLong.of(ProcessHandle.current().pid()));
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			// Unreadable (another user's store?): Neo4j's own start reports that.
			return null;
		}
	}

	/** The pid holding a lock on the file, from Linux's /proc/locks; empty elsewhere. */
	private static OptionalLong lockingPid(Path file) {
		Path locks = Path.of("/proc/locks");
		try {
			Object inode = Files.getAttribute(file, "unix:ino");
			if (!Files.isReadable(locks)) {
				return OptionalLong.empty();
			}
			for (String line : Files.readAllLines(locks)) {
				// e.g. "8: POSIX  ADVISORY  WRITE 30519 fe:00:2236616 0 EOF": the pid precedes dev:inode.
				String[] fields = line.trim().split("\\s+");
				for (int i = 1; i < fields.length; i++) {
					if (fields[i].endsWith(":" + inode) && fields[i].chars().filter((c) -> c == ':').count() == 2) {
						return OptionalLong.of(Long.parseLong(fields[i - 1]));
					}
				}
			}
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			// not Linux, or not readable: the message goes without a pid
		}
		return OptionalLong.empty();
	}

	static boolean portInUse(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	record Holder(OptionalLong pid) {

		String describe() {
			return this.pid.isPresent() ? " (pid " + this.pid.getAsLong() + ")" : "";
		}

	}

}
