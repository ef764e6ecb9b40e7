package org.partygraph.model.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.partygraph.model.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/** Small dataset files for tests, written with single quotes for readability. */
final class TestFiles {

	/** A sound unit, org and member that other items can refer to. */
	static final String UNIT = "{'id': 'u-1', 'kind': 'VILLAGE', 'name': 'V'}";

	static final String ORG = "{'id': 'o-1', 'kind': 'BRANCH', 'name': 'B'}";

	static final String MEMBER = "{'id': 'm-1', 'name': 'M', 'status': 'FULL', 'org': 'o-1'}";

	private TestFiles() {
	}

	/** A whole file with the given list entries (each a JSON object in single quotes). */
	static String file(List<String> units, List<String> orgs, List<String> members) {
		return json("{'format': 'party-graph/1', 'name': 'test', 'units': [" + String.join(", ", units)
				+ "], 'orgs': [" + String.join(", ", orgs) + "], 'members': [" + String.join(", ", members) + "]}");
	}

	/** Single quotes to double quotes. */
	static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

	static InputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

	static DatasetReader.Result read(String json) {
		try {
			return DatasetReader.read(stream(json));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every problem {@link DatasetFormat} reports for the file. */
	static List<Problem> problems(String json) {
		List<Problem> problems = DatasetFormat.problems(read(json));
		// Every problem, the reader's and the validator's, is a wording of the bundles that says its
		// English message (#19).
		problems.forEach(org.partygraph.model.BundledEnglish::assertWorded);
		return problems;
	}

	/** Checks a problem's item, field and a word of its message. */
	static Consumer<Problem> problem(String item, String field, String messagePart) {
		return (problem) -> {
			assertThat(problem.item()).isEqualTo(item);
			assertThat(problem.field()).isEqualTo(field);
			assertThat(problem.message()).contains(messagePart);
		};
	}

}
