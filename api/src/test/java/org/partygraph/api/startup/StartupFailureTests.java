package org.partygraph.api.startup;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/** The one line of a start-up failure for each cause a first run meets, from the cause chain alone. */
class StartupFailureTests {

	@Test
	void aShortEmbeddedPasswordNamesTheProperty() {
		Throwable failure = wrapped(new IllegalStateException("A password must be at least 8 characters."));
		assertThat(StartupFailure.line(failure))
			.isEqualTo(StartupFailure.PREFIX + "A password must be at least 8 characters. Set "
					+ "party-graph.embedded.password to at least 8 characters, or leave it unset and a generated one "
					+ "is kept in <party-graph.data-dir>/neo4j-password");
		assertThat(StartupFailure.isStartupFailure(failure)).isTrue();
	}

	@Test
	void aLockedStoreAndABusyPortSayWhatToStopOrChange() {
		assertThat(StartupFailure.line(wrapped(new FileLockException(
				"Lock file has been locked by another process: /data/neo4j/databases/store_lock. Please ensure no "
						+ "other process is using this database"))))
			.startsWith(StartupFailure.PREFIX + "Lock file has been locked by another process")
			.contains("stop it, or set party-graph.data-dir");
		assertThat(StartupFailure.line(wrapped(new PortBindException("Address 127.0.0.1:7687 is already in use, "
				+ "cannot bind to it."))))
			.startsWith(StartupFailure.PREFIX + "Address 127.0.0.1:7687 is already in use")
			.contains("party-graph.embedded.bolt-port");
		assertThat(StartupFailure.line(wrapped(new PortInUseException("Port 8080 is already in use"))))
			.contains("server.port");
	}

	@Test
	void anUnknownCauseGivesItsMessageOnOneLine() {
		Throwable failure = wrapped(new IllegalArgumentException("something odd\n\tat some.Frame"));
		assertThat(StartupFailure.line(failure))
			.isEqualTo(StartupFailure.PREFIX + "something odd. The log above has the details");
		assertThat(StartupFailure.explain(failure).known()).isFalse();
		assertThat(new StartupFailureAnalyzer().analyze(failure)).isNull();
		// A command failing after the start is not a start-up failure.
		assertThat(StartupFailure.isStartupFailure(new IllegalStateException("import stopped"))).isFalse();
	}

	@Test
	void theAnalyzerGivesBootTheCauseAndTheAction() {
		Throwable failure = wrapped(new IllegalStateException("A password must be at least 8 characters."));
		FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("A password must be at least 8 characters.");
		assertThat(analysis.getAction()).startsWith("Set party-graph.embedded.password");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

	@Test
	void ourMessageAboutASettingBeatsTheJdkParseErrorUnderIt() {
		NumberFormatException parse;
		try {
			Long.parseLong("lots");
			throw new AssertionError("parsed");
		}
		catch (NumberFormatException ex) {
			parse = ex;
		}
		Throwable failure = wrapped(new IllegalArgumentException("Not a size: 'lots' (use e.g. 256m or 2g)", parse));
		assertThat(StartupFailure.line(failure))
			.isEqualTo(StartupFailure.PREFIX + "Not a size: 'lots' (use e.g. 256m or 2g). The log above has the details");
	}

	private static Throwable wrapped(Throwable root) {
		return new BeanCreationException("changeController", "Error creating bean with name 'changeController'",
				new BeanCreationException("embeddedNeo4j", "Failed to instantiate [EmbeddedNeo4j]: " + root.getMessage(),
						root));
	}

	/** Named as Neo4j's: the cause is recognised by class name, api never links to org.neo4j. */
	static final class FileLockException extends RuntimeException {

		FileLockException(String message) {
			super(message);
		}

	}

	static final class PortBindException extends RuntimeException {

		PortBindException(String message) {
			super(message);
		}

	}

	static final class PortInUseException extends RuntimeException {

		PortInUseException(String message) {
			super(message);
		}

	}

}
