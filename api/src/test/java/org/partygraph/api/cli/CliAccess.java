package org.partygraph.api.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the one-shot commands in this JVM for tests in other packages. */
public final class CliAccess {

	private CliAccess() {
	}

	/** {@code import|export FILE} against an embedded store in {@code dataDir}; the exit code. */
	public static int run(Path dataDir, String command, Path file) {
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		return Cli.run(new String[] { command, file.toString(), "--party-graph.data-dir=" + dataDir,
				"--party-graph.embedded.bolt-port=0", "--party-graph.embedded.page-cache=32m" }, quiet, quiet);
	}

}
