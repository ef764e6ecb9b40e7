package org.partygraph.api.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.api.AppProcess;
import org.partygraph.model.format.DatasetFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import} and {@code export} while a service runs in another JVM (issue #22): on its data
 * directory, or on another one with the same Bolt port, each stops within seconds with one line
 * naming what is in use and the ways forward, exit code {@link Cli#IN_USE}, and creates nothing.
 */
class CliBesideServiceIT {

	/** Well under this: the check comes before Spring and Neo4j start. */
	private static final long LIMIT_MILLIS = 5_000;

	@TempDir
	static Path dir;

	private static Path data;

	private static int boltPort;

	private static int httpPort;

	private static Process service;

	private static Path log;

	@BeforeAll
	static void startService() throws Exception {
		data = dir.resolve("data");
		boltPort = AppProcess.freePort();
		httpPort = AppProcess.freePort();
		log = dir.resolve("service.log");
		service = new ProcessBuilder(AppProcess.app("256m",
				"--party-graph.data-dir=" + data, "--server.port=" + httpPort, "--party-graph.embedded.bolt-port=" + boltPort,
				"--party-graph.embedded.page-cache=32m", "--party-graph.sample-data=false",
				"--logging.level.org.partygraph.api.dataset.QueryWarmUp=DEBUG"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
		// Started, and its query warm-up (a thread of its own after start: the standard statements, then
		// every county's rules checked once) done: the commands' times are their own.
		while (!Files.readString(log).contains("Checked the setup rules of 0 counties")
				&& !Files.readString(log).contains("Query warm-up stopped")) {
			assertThat(service.isAlive()).as("the service is running; log:\n%s", Files.readString(log)).isTrue();
			assertThat(System.nanoTime()).as("the service started within 4 minutes").isLessThan(deadline);
			Thread.sleep(500);
		}
		assertThat(Files.readString(log)).as("the warm-up checked the rules of the empty store's no county")
			.contains("Checking the setup rules of every county in the background")
			.contains("Checked the setup rules of 0 counties");
	}

	@AfterAll
	static void stopService() throws Exception {
		if (service != null) {
			service.destroy();
			if (!service.waitFor(60, TimeUnit.SECONDS)) {
				service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void exportOfTheServicesStoreNamesTheServiceAndTheWaysForward() throws Exception {
		Path output = dir.resolve("export.json");
		Run run = cli("export", output.toString(), "--party-graph.data-dir=" + data,
				"--party-graph.embedded.bolt-port=" + boltPort);
		run.assertOneLineRefusal("export");
		assertThat(run.line()).contains("in use").contains(data.toString()).contains("pid " + service.pid())
			.contains("Stop it").contains("--spring.neo4j.uri=bolt://127.0.0.1:" + boltPort);
		assertThat(output).doesNotExist();
	}

	@Test
	void importIntoTheServicesStoreIsRefusedTheSameWay() throws Exception {
		Path input = example();
		Run run = cli("import", input.toString(), "--party-graph.data-dir=" + data,
				"--party-graph.embedded.bolt-port=" + boltPort);
		run.assertOneLineRefusal("import");
		assertThat(run.line()).contains("in use").contains(data.toString()).contains("pid " + service.pid())
			.contains("importDataset");
	}

	@Test
	void importIntoAnotherDataDirWithTheSameBoltPortNamesThePortAndLeavesNothing() throws Exception {
		Path input = example();
		Path other = dir.resolve("other-data");
		Run run = cli("import", input.toString(), "--party-graph.data-dir=" + other,
				"--party-graph.embedded.bolt-port=" + boltPort);
		run.assertOneLineRefusal("import");
		assertThat(run.line()).contains("port " + boltPort).contains("party-graph.embedded.bolt-port");
		if (Files.isReadable(Path.of("/proc/net/tcp"))) {
			// Linux: the process holding the port is named, with its command.
			assertThat(run.line()).contains("in use by pid " + service.pid() + " (").contains("PartyGraphApplication");
		}
		assertThat(other).as("no half-made store is left behind").doesNotExist();
	}

	@Test
	void exportFromAnotherDataDirWithTheSameBoltPortNamesThePortAndLeavesNothing() throws Exception {
		Path other = dir.resolve("other-export-data");
		Run run = cli("export", dir.resolve("other.json").toString(), "--party-graph.data-dir=" + other,
				"--party-graph.embedded.bolt-port=" + boltPort);
		run.assertOneLineRefusal("export");
		assertThat(run.line()).contains("port " + boltPort).contains("party-graph.embedded.bolt-port");
		assertThat(other).doesNotExist();
	}

	@Test
	void theWaysForwardTheLinesNameWork() throws Exception {
		// import: the service's importDataset mutation, as admin with the kept password
		String json = Files.readString(example());
		String body = "{\"query\": \"mutation($json: String!) { importDataset(json: $json) { dataset nodes errors { message } } }\", "
				+ "\"variables\": {\"json\": " + jsonString(json) + "}}";
		String login = "admin:" + Files.readString(data.resolve("admin-password")).trim();
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString(login.getBytes(StandardCharsets.UTF_8)))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"dataset\":\"懷仁縣\"").contains("\"nodes\":16").contains("\"errors\":[]");

		// export: through the service's database over Bolt, with the options the line names
		Path output = dir.resolve("through-bolt.json");
		Run run = cli(Duration.ofMinutes(3), "export", output.toString(), "--party-graph.data-dir=" + data,
				"--spring.neo4j.uri=bolt://127.0.0.1:" + boltPort, "--spring.neo4j.authentication.username=neo4j",
				"--spring.neo4j.authentication.password=" + Files.readString(data.resolve("neo4j-password")).trim());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(DatasetFormat.read(output).name()).isEqualTo("懷仁縣");
		assertThat(DatasetFormat.read(output).members()).hasSize(1);
	}

	private static String jsonString(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	private static Path example() throws IOException {
		Path input = dir.resolve("in.json");
		if (!Files.exists(input)) {
			Files.copy(CliBesideServiceIT.class.getResourceAsStream("/contract-example.json"), input);
		}
		return input;
	}

	private static Run cli(String... args) throws Exception {
		return cli(Duration.ofSeconds(20), args);
	}

	private static Run cli(Duration limit, String... args) throws Exception {
		long started = System.nanoTime();
		Process process = new ProcessBuilder(AppProcess.app("256m", args)).start();
		// Read both streams to their ends in the background; a refused command prints almost nothing.
		var out = process.getInputStream();
		var err = process.getErrorStream();
		var outText = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(out));
		var errText = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(err));
		boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (!ended) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		return new Run(ended ? process.exitValue() : -1, millis, outText.get(10, TimeUnit.SECONDS),
				errText.get(10, TimeUnit.SECONDS));
	}

	private static String readAll(java.io.InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(unreadable: " + ex + ")";
		}
	}

	private record Run(int exitCode, long millis, String out, String err) {

		List<String> errLines() {
			return Stream.of(this.err.split("\\R")).filter((l) -> !l.isBlank()).toList();
		}

		String line() {
			List<String> lines = errLines();
			return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
		}

		void assertOneLineRefusal(String command) {
			String shown = "exit " + this.exitCode + " after " + this.millis + " ms; stdout:\n" + this.out + "\nstderr:\n"
					+ this.err;
			System.out.println("CliBesideServiceIT: " + command + " refused in " + this.millis + " ms: " + line());
			assertThat(this.exitCode).as(shown).isEqualTo(Cli.IN_USE);
			assertThat(this.millis).as(shown).isLessThan(LIMIT_MILLIS);
			assertThat(errLines()).as(shown).hasSize(1);
			assertThat(line()).as(shown).startsWith(command + ": ").doesNotContain("at org.springframework");
			assertThat(this.out).as(shown).isBlank();
		}

	}

}
