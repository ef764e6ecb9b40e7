package org.partygraph.api;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the tests that need the app in a process of its own (the CLI beside a service, a killed import,
 * failed starts, an external database) start it: this JVM's {@code java} on the classes this build
 * compiled and the runtime class path Maven wrote ({@code target/runtime-classpath.txt}).
 * <p>
 * The JVM runs with the client compiler only ({@code -XX:TieredStopAtLevel=1}) and the serial
 * collector: these processes live seconds to a minute, most of it starting Spring and Neo4j, where
 * the optimizing compiler's work never pays back. A CLI import of the small county took 27 s of CPU
 * instead of 42 s (same wall time) on this 2-core machine. What is tested (exit codes, messages,
 * files, answers) does not depend on the compiler.
 */
public final class AppProcess {

	/** The app's main class. */
	public static final String MAIN = "org.partygraph.api.PartyGraphApplication";

	private AppProcess() {
	}

	/** {@code java} with the flags above, {@code -Xmx} of {@code maxHeap}, the class path, then {@code mainAndArgs}. */
	public static List<String> command(String maxHeap, List<String> classPath, String... mainAndArgs) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		command.add("-Xmx" + maxHeap);
		command.add("-cp");
		command.add(String.join(File.pathSeparator, classPath));
		command.addAll(Arrays.asList(mainAndArgs));
		return command;
	}

	/** {@link #command} on the app's whole runtime class path, running {@link #MAIN} with these arguments. */
	public static List<String> app(String maxHeap, String... args) {
		List<String> mainAndArgs = new ArrayList<>();
		mainAndArgs.add(MAIN);
		mainAndArgs.addAll(Arrays.asList(args));
		return command(maxHeap, classPath(), mainAndArgs.toArray(String[]::new));
	}

	/** The app's runtime class path: its compiled classes, then what Maven wrote. */
	public static List<String> classPath() {
		try {
			List<String> entries = new ArrayList<>();
			entries.add(Path.of("target/classes").toAbsolutePath().toString());
			entries.addAll(Arrays.asList(
					Files.readString(Path.of("target/runtime-classpath.txt")).trim().split(File.pathSeparator)));
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A TCP port free at the moment of asking. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
