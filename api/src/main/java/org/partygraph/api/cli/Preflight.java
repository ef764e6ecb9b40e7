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
import java.util.Locale;
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
 * Neo4j keeps locked for as long as it runs. On Linux {@code /proc/locks} names the holder's pid
 * without the file being opened; elsewhere a {@link FileChannel#tryLock()} tells (inside one JVM
 * the JDK reports another channel's lock as {@link OverlappingFileLockException}, also in use).
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
			Preflight quick = Quickly.resolve(args);
			return (quick != null) ? quick : BySpringBoot.resolve(args);
		}
		catch (RuntimeException | IOException ex) {
			// A setting that does not bind (say a port that is not a number): the start reports it.
			return new Preflight(false, Path.of("."), 0);
		}
	}

	boolean embedded() {
		return this.embedded;
	}

	Path dataDir() {
		return this.dataDir;
	}

	int boltPort() {
		return this.boltPort;
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
			PortHolder holder = portHolder(Path.of("/proc"), this.boltPort);
			String by = (holder != null) ? "by pid " + holder.pid() + " (" + holder.command() + ")"
					: "(by a running party-graph service or another Neo4j?)";
			return command + ": Bolt port " + this.boltPort + " on 127.0.0.1 is in use " + by
					+ "; the embedded database of " + this.dataDir + " cannot listen there. Give this command "
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
		if (command.equals("import-roster")) {
			return "import the roster through the service: POST /import/roster or its importRoster mutation, as ORG_ADMIN or above "
					+ "(see README, Roster import).";
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
		if (!Files.exists(lockFile)) {
			return null;
		}
		// Where the OS tells (Linux), ask it first, without opening the file: closing a channel drops
		// every lock this JVM holds on the file (POSIX), Neo4j's own too if it runs in this JVM.
		OptionalLong pid = lockingPid(lockFile);
		if (pid.isPresent()) {
			return new Holder(pid);
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				lock.release();
				return null;
			}
			return new Holder(OptionalLong.empty());
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
			if (!Files.isReadable(locks)) {
				return OptionalLong.empty();
			}
			long inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
			long dev = ((Number) Files.getAttribute(file, "unix:dev")).longValue();
			// glibc's dev_t encoding (gnu_dev_major, gnu_dev_minor); /proc/locks prints both in hex
			long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & 0xfffff000L);
			long minor = (dev & 0xff) | ((dev >>> 12) & 0xffffff00L);
			String key = String.format(Locale.ROOT, "%02x:%02x:%d", major, minor, inode);
			for (String line : Files.readAllLines(locks)) {
				// e.g. "8: POSIX  ADVISORY  WRITE 30519 fe:00:2236616 0 EOF": the pid precedes major:minor:inode.
				// A "->" line is a process waiting for the lock; an OFD lock shows pid -1.
				String[] fields = line.trim().split("\\s+");
				for (int i = 1; i < fields.length && !line.contains("->"); i++) {
					if (fields[i].equals(key)) {
						long pid = Long.parseLong(fields[i - 1]);
						return (pid > 0) ? OptionalLong.of(pid) : OptionalLong.empty();
					}
				}
			}
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException ex) {
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

	/** A process listening on a port: its pid and command line (shortened). */
	record PortHolder(long pid, String command) {

	}

	/** Longer command lines are cut here: the message is one line. */
	private static final int COMMAND_MAX = 160;

	/**
	 * Who listens on the TCP port, from Linux's {@code /proc}: the listening socket's inode in
	 * {@code net/tcp} or {@code net/tcp6}, then the process with a {@code socket:[inode]} among its
	 * open files, and its {@code cmdline}. Null when it cannot be told (not Linux, or the process is
	 * another user's and its files are not readable).
	 *
	 * @param proc where procfs is mounted ({@code /proc}; a copy in tests)
	 */
	static PortHolder portHolder(Path proc, int port) {
		try {
			java.util.Set<String> inodes = new java.util.HashSet<>();
			for (String table : List.of("net/tcp", "net/tcp6")) {
				Path file = proc.resolve(table);
				if (Files.isReadable(file)) {
					for (String line : Files.readAllLines(file)) {
						// "  0: 0100007F:1E97 00000000:0000 0A ... uid timeout inode": local address, state 0A = LISTEN
						String[] fields = line.trim().split("\\s+");
						if (fields.length > 9 && fields[1].contains(":") && fields[3].equals("0A")
								&& Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1), 16) == port
								&& !fields[9].equals("0")) {
							inodes.add("socket:[" + fields[9] + "]");
						}
					}
				}
			}
			if (inodes.isEmpty()) {
				return null;
			}
			try (Stream<Path> processes = Files.list(proc)) {
				for (Path process : processes.filter((p) -> p.getFileName().toString().chars().allMatch(Character::isDigit))
					.toList()) {
					if (holds(process.resolve("fd"), inodes)) {
						return new PortHolder(Long.parseLong(process.getFileName().toString()), command(process));
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or not readable: the message goes without the holder
		}
		return null;
	}

	private static boolean holds(Path fds, java.util.Set<String> inodes) {
		try (Stream<Path> files = Files.list(fds)) {
			return files.anyMatch((fd) -> {
				try {
					return inodes.contains(Files.readSymbolicLink(fd).toString());
				}
				catch (IOException | UnsupportedOperationException ex) {
					return false;
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// another user's process, or gone meanwhile
			return false;
		}
	}

	private static String command(Path process) {
		try {
			String[] args = new String(Files.readAllBytes(process.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8)
				.split("\0");
			// A class path says little and would fill the line: the main class or jar after it says more.
			for (int i = 1; i < args.length; i++) {
				if (List.of("-cp", "-classpath", "--class-path").contains(args[i - 1])) {
					args[i] = "…";
				}
			}
			String line = String.join(" ", args).strip();
			if (line.isEmpty()) {
				line = Files.readString(process.resolve("comm")).strip();
			}
			return (line.length() <= COMMAND_MAX) ? line : line.substring(0, COMMAND_MAX - 1) + "…";
		}
		catch (IOException | UncheckedIOException ex) {
			return "command unknown";
		}
	}

	/**
	 * The settings as Spring Boot resolves them (command line, environment variables, config files,
	 * profiles, placeholders): exact, but about a second of class loading and more on a busy machine.
	 */
	static final class BySpringBoot {

		private BySpringBoot() {
		}

		static Preflight resolve(String[] args) {
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

	}

	/**
	 * The same settings without Spring in the usual case, where they can only come from the command
	 * line, system properties, environment variables or the jar's own application.properties. Null
	 * (leave it to {@link BySpringBoot}) as soon as anything else could take part: a config file
	 * outside the jar, a profile, {@code spring.config.*}, {@code SPRING_APPLICATION_JSON}, a
	 * placeholder, a value given twice or one this would read differently.
	 */
	static final class Quickly {

		private static final List<String> SPRING_ONLY = List.of("spring.config.", "spring.profiles.",
				"spring.application.json");

		private Quickly() {
		}

		static Preflight resolve(String[] args) throws IOException {
			java.util.Map<String, String> commandLine = new java.util.HashMap<>();
			for (String arg : args) {
				if (arg.startsWith("--")) {
					int eq = arg.indexOf('=');
					String key = (eq < 0) ? arg.substring(2) : arg.substring(2, eq);
					if (commandLine.put(key, (eq < 0) ? "" : arg.substring(eq + 1)) != null) {
						return null;
					}
				}
			}
			java.util.Properties jar = new java.util.Properties();
			ClassLoader loader = Preflight.class.getClassLoader();
			for (String other : List.of("config/application.properties", "application.yml", "application.yaml",
					"application-default.properties", "application-default.yml", "application-default.yaml")) {
				if (loader.getResource(other) != null) {
					return null;
				}
			}
			java.net.URL packaged = loader.getResource("application.properties");
			if (packaged != null) {
				try (java.io.InputStream in = packaged.openStream()) {
					jar.load(in);
				}
			}
			java.util.Map<String, String> environment = new java.util.HashMap<>();
			System.getenv().forEach((name, value) -> environment.put(envKey(name), value));
			if (Files.isDirectory(Path.of("config")) || hasApplicationFile(Path.of("."))
					|| Stream.of(commandLine.keySet(), System.getProperties().stringPropertyNames(), jar.stringPropertyNames())
						.flatMap(java.util.Set::stream)
						.anyMatch((key) -> SPRING_ONLY.stream().anyMatch(key::startsWith))
					|| environment.keySet().stream()
						.anyMatch((key) -> SPRING_ONLY.stream().anyMatch((prefix) -> key.startsWith(envKey(prefix))))) {
				return null;
			}
			java.util.function.Function<String, String> value = (key) -> {
				String found = commandLine.get(key);
				found = (found != null) ? found : System.getProperty(key);
				found = (found != null) ? found : environment.get(envKey(key));
				return (found != null) ? found : jar.getProperty(key);
			};
			String uri = value.apply("spring.neo4j.uri");
			String enabled = value.apply("party-graph.embedded.enabled");
			String dataDir = value.apply("party-graph.data-dir");
			String port = value.apply(BOLT_PORT);
			for (String given : java.util.Arrays.asList(uri, enabled, dataDir, port)) {
				if (given != null && given.contains("${")) {
					return null;
				}
			}
			Boolean on = (enabled == null) ? Boolean.TRUE : bool(enabled.trim());
			Integer boltPort;
			try {
				boltPort = (port == null) ? 7687 : Integer.valueOf(port.trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
			if (on == null) {
				return null;
			}
			return new Preflight(on && (uri == null || uri.isBlank()), Path.of((dataDir != null) ? dataDir : "./data"),
					boltPort);
		}

		/** As Spring Boot relates environment variables to properties: case, dots, dashes and underscores aside. */
		private static String envKey(String name) {
			return name.replace("_", "").replace(".", "").replace("-", "").toUpperCase(Locale.ROOT);
		}

		private static Boolean bool(String text) {
			return switch (text.toLowerCase(Locale.ROOT)) {
				case "true", "on", "yes", "1" -> Boolean.TRUE;
				case "false", "off", "no", "0" -> Boolean.FALSE;
				default -> null;
			};
		}

		private static boolean hasApplicationFile(Path dir) throws IOException {
			try (Stream<Path> files = Files.list(dir)) {
				return files.map((f) -> f.getFileName().toString())
					.anyMatch((name) -> name.startsWith("application") && (name.endsWith(".properties")
							|| name.endsWith(".yml") || name.endsWith(".yaml")));
			}
		}

	}

	record Holder(OptionalLong pid) {

		String describe() {
			return this.pid.isPresent() ? " (pid " + this.pid.getAsLong() + ")" : "";
		}

	}

}
