package org.partygraph.api.startup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.partygraph.api.AppProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service and a command, each in its own JVM, with an embedded password Neo4j refuses: they
 * exit 1 and their output ends with one line naming the cause and the property to set, with no
 * stack trace unless {@code --debug} asks for it.
 */
class StartupFailureIT {

	@TempDir
	Path dir;

	@Test
	void theServiceEndsWithOneLineNamingTheCauseAndTheProperty() throws Exception {
		List<String> output = run("--server.port=0");
		assertShortWithOneLastLine(output);
	}

	@Test
	void aCommandEndsWithTheSameLineAndDebugLogsTheStackTrace() throws Exception {
		// The same analysis as the service's (above); a command run with --debug shows the stack trace too.
		List<String> debug = run("export", this.dir.resolve("out.json").toString(), "--debug");
		assertThat(debug.get(debug.size() - 1)).as(String.join("\n", debug))
			.startsWith(StartupFailure.PREFIX)
			.contains("at least 8 characters")
			.contains("Set party-graph.embedded.password");
		assertThat(debug).anySatisfy((line) -> assertThat(line).startsWith("\tat org.springframework"));
		assertThat(this.dir.resolve("out.json")).doesNotExist();
	}

	private static void assertShortWithOneLastLine(List<String> output) {
		String all = String.join("\n", output);
		assertThat(output.get(output.size() - 1)).as(all)
			.startsWith(StartupFailure.PREFIX)
			.contains("at least 8 characters")
			.contains("Set party-graph.embedded.password");
		// Boot's short report (cause and action) may come before it, but no stack trace: it was 150 lines.
		assertThat(output).as(all).noneSatisfy((line) -> assertThat(line).matches("\\s+at [a-z].*"));
		assertThat(all).doesNotContain("at org.springframework").doesNotContain("Caused by:");
		assertThat(output).as(all).hasSizeLessThan(40);
	}

	/** Runs the app's main class with these arguments and a 5-character password; its output lines. */
	private List<String> run(String... args) throws Exception {
		List<String> command = new ArrayList<>(AppProcess.app("256m", args));
		command.addAll(List.of("--party-graph.embedded.password=short", "--party-graph.embedded.bolt-port=0",
				"--party-graph.embedded.page-cache=32m", "--party-graph.data-dir=" + this.dir.resolve("data")));
		Path log = Files.createTempFile(this.dir, "app", ".log");
		Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("exited within 120 s").isTrue();
			assertThat(app.exitValue()).as(Files.readString(log)).isEqualTo(1);
		}
		finally {
			app.destroyForcibly();
		}
		List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
		lines.removeIf(String::isBlank);
		return lines;
	}

}
