package org.partygraph.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service jar in its own JVM with a data directory and ports of its own, its output in a log file;
 * started, waited for until {@code /actuator/health} says UP, and stopped (SIGTERM, then SIGKILL).
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Pattern BOLT = Pattern.compile("Bolt on bolt://127\\.0\\.0\\.1:(\\d+)");

	private final Process process;

	private final int port;

	private final Path log;

	private ServiceProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts {@code java [jvmOptions] -jar jar --party-graph.data-dir=dataDir --server.port=port
	 * --party-graph.embedded.bolt-port=0 [properties]}.
	 */
	public static ServiceProcess start(Path jar, Path dataDir, List<String> jvmOptions, List<String> properties)
			throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build it first (mvn -q -B -ntp install -DskipTests)");
		}
		Files.createDirectories(dataDir);
		int port = freePort();
		Path log = dataDir.resolve("service.log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		command.add("--party-graph.data-dir=" + dataDir.resolve("data").toAbsolutePath());
		command.add("--server.port=" + port);
		command.add("--party-graph.embedded.bolt-port=0");
		command.addAll(properties);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		return new ServiceProcess(process, port, log);
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	public String graphqlUrl() {
		return "http://127.0.0.1:" + this.port + "/graphql";
	}

	public long pid() {
		return this.process.pid();
	}

	public Path log() {
		return this.log;
	}

	/** The embedded Bolt port, read from the log once Neo4j has started; -1 when not (yet) there. */
	public int boltPort() throws IOException {
		Matcher m = BOLT.matcher(Files.readString(this.log));
		return m.find() ? Integer.parseInt(m.group(1)) : -1;
	}

	/** Waits until health answers UP; fails when the process ends or the time runs out. */
	public void awaitHealthy(Duration limit) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the service exited with " + this.process.exitValue() + "; log: "
						+ this.log + "\n" + tail(30));
			}
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the service was not healthy within " + limit + "; log: " + this.log + "\n"
				+ tail(30));
	}

	/** The last lines of the log. */
	public String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
