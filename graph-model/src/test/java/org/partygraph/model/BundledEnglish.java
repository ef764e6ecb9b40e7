package org.partygraph.model;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.partygraph.model.roster.RosterProblem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English message bundle of the queries module, read from the repository (this module cannot
 * depend on that one): says a {@link Wording} as the service says it in English, so that a test
 * can check that a problem's wording is its English message.
 */
public final class BundledEnglish {

	private static final Properties ENGLISH = load();

	private BundledEnglish() {
	}

	/** The wording in English: its key's pattern with its arguments, nested wordings said first. */
	public static String say(Wording wording) {
		String pattern = ENGLISH.getProperty(wording.key());
		assertThat(pattern).as("the key %s in messages.properties", wording.key()).isNotNull();
		Object[] args = wording.args().stream().map((a) -> (a instanceof Wording w) ? say(w) : a).toArray();
		return new MessageFormat(pattern, Locale.ENGLISH).format(args);
	}

	/** Checks that a problem has a wording and that it says the problem's English message. */
	public static void assertWorded(Problem problem) {
		assertThat(problem.wording()).as("the wording of %s", problem).isNotNull();
		assertThat(say(problem.wording())).as("the wording of %s", problem).isEqualTo(problem.message());
	}

	/** Checks that a roster's problem has a wording and that it says the problem's English message. */
	public static void assertWorded(RosterProblem problem) {
		assertThat(problem.wording()).as("the wording of %s", problem).isNotNull();
		assertThat(say(problem.wording())).as("the wording of %s", problem).isEqualTo(problem.message());
	}

	/** Checks that an exception is worded and that its wording says its English message. */
	public static void assertWorded(Throwable ex) {
		assertThat(ex).isInstanceOf(WordedArgumentException.class);
		assertThat(say(((WordedArgumentException) ex).wording())).isEqualTo(ex.getMessage());
	}

	private static Properties load() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("queries/src/main/resources/messages.properties"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("a repository root above the working directory").isNotNull();
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(dir.resolve("queries/src/main/resources/messages.properties"),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
