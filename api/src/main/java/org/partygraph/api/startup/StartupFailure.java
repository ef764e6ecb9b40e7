package org.partygraph.api.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.ApplicationContextException;

/**
 * Why the service or a command could not start, in one line: the root cause (the innermost
 * exception of the chain) and, for the causes an operator meets on a first run, what to do. The
 * service's {@code main} and the command line print {@link #line(Throwable)} last; the stack trace
 * is for the log ({@link StartupFailureAnalyzer}: only with {@code --debug} for a known cause).
 * Neo4j's exceptions are recognised by class name and message: {@code api} does not link to
 * {@code org.neo4j}.
 */
public final class StartupFailure {

	/** What the one line starts with. */
	public static final String PREFIX = "party-graph: could not start: ";

	private StartupFailure() {
	}

	/**
	 * The explanation of a start-up failure.
	 * @param cause the root cause's message, on one line
	 * @param action what to do about it
	 * @param known whether the cause is one of those this class knows (else the action is generic)
	 */
	public record Explanation(String cause, String action, boolean known) {

	}

	/** The line to print last: {@code party-graph: could not start: <cause>. <action>}. */
	public static String line(Throwable failure) {
		Explanation explanation = explain(failure);
		return PREFIX + explanation.cause() + ". " + explanation.action();
	}

	/**
	 * Whether the failure is the Spring context failing to start (a bean could not be made), or a
	 * cause this class knows, rather than a command failing after the start.
	 */
	public static boolean isStartupFailure(Throwable failure) {
		for (Throwable cause : chain(failure)) {
			if (cause instanceof BeanCreationException || cause instanceof ApplicationContextException) {
				return true;
			}
		}
		return explain(failure).known();
	}

	/** The root cause and what to do about it. */
	public static Explanation explain(Throwable failure) {
		List<Throwable> chain = chain(failure);
		Throwable root = chain.get(chain.size() - 1);
		// Innermost first: the messages of Spring's wrappers repeat their causes' text.
		for (int i = chain.size() - 1; i >= 0; i--) {
			Throwable cause = chain.get(i);
			String name = cause.getClass().getSimpleName();
			String message = String.valueOf(cause.getMessage());
			String lower = message.toLowerCase(Locale.ROOT);
			if (lower.contains("password must be at least")) {
				return known(cause, "Set party-graph.embedded.password to at least 8 characters, or leave it unset "
						+ "and a generated one is kept in <party-graph.data-dir>/neo4j-password");
			}
			if (name.equals("FileLockException") || lower.contains("locked by another process")) {
				return known(cause, "Another process (a running party-graph service or command, or a Neo4j tool) "
						+ "uses the store in party-graph.data-dir: stop it, or set party-graph.data-dir to another directory");
			}
			if (name.equals("PortBindException") || lower.contains("already in use, cannot bind")) {
				return known(cause, "Another process listens on the embedded database's Bolt port: stop it, or set "
						+ "party-graph.embedded.bolt-port to a free port (0 picks one)");
			}
			if (name.equals("PortInUseException")) {
				return known(cause, "Another process listens on the HTTP port: stop it, or set server.port to a free port");
			}
			if (name.equals("AuthenticationException") && cause.getClass().getName().startsWith("org.neo4j.driver")) {
				return known(cause, "The database refused the login: check spring.neo4j.authentication.username "
						+ "and spring.neo4j.authentication.password");
			}
			if (name.equals("ServiceUnavailableException") && cause.getClass().getName().startsWith("org.neo4j.driver")) {
				return known(cause, "The database could not be reached: check spring.neo4j.uri and that the database "
						+ "is running (leave spring.neo4j.uri unset for the embedded one)");
			}
		}
		return new Explanation(oneLine(ownRoot(chain, root)), "The log above has the details", false);
	}

	/**
	 * The innermost cause thrown by party-graph's own code, which says what was wrong with a setting
	 * ("Not a size: 'lots' (use e.g. 256m or 2g)"), rather than the JDK's parse error under it
	 * ("For input string: ..."); the innermost cause when none is ours.
	 */
	private static Throwable ownRoot(List<Throwable> chain, Throwable root) {
		for (int i = chain.size() - 1; i >= 0; i--) {
			StackTraceElement[] trace = chain.get(i).getStackTrace();
			if (trace.length > 0 && trace[0].getClassName().startsWith("org.partygraph.")) {
				return chain.get(i);
			}
		}
		return root;
	}

	private static Explanation known(Throwable cause, String action) {
		return new Explanation(oneLine(cause), action, true);
	}

	/** The message's first line, without a closing full stop (the line adds one). */
	static String oneLine(Throwable cause) {
		String message = (cause.getMessage() != null && !cause.getMessage().isBlank()) ? cause.getMessage().strip()
				: cause.getClass().getSimpleName();
		int end = message.indexOf('\n');
		if (end >= 0) {
			message = message.substring(0, end).strip();
		}
		while (message.endsWith(".")) {
			message = message.substring(0, message.length() - 1);
		}
		return message;
	}

	/** The failure and its causes, outermost first, each once. */
	private static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

}
