package org.partygraph.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.GraphQlResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code graphql} query example in the README runs as written against the sample county: no
 * errors, and each root field answers something (an object, or a list that is not empty). A renamed
 * field, a wrong id or an argument the schema no longer has fails here, naming the README line.
 * Mutation examples are only counted: they would change the service the other tests share (the
 * README's scenario walk-through runs its mutations against the jar, by hand for now).
 */
class ReadmeGraphQlExamplesIT extends ServiceTestBase {

	private static final Pattern BLOCK = Pattern.compile("(?m)^```graphql\\n(.*?)^```", Pattern.DOTALL);

	/** Examples as the README has them, with the line each starts on. */
	private record Example(int line, String text) {

		boolean mutation() {
			return this.text.stripLeading().startsWith("mutation");
		}

	}

	@Test
	void everyQueryExampleRunsWithoutErrorsAndAnswersEachRootField() throws IOException {
		List<Example> examples = examples();
		List<Example> queries = examples.stream().filter((e) -> !e.mutation()).toList();
		// The parser finds them: the README shows at least this many queries and one mutation.
		assertThat(queries).as("query examples in README.md").hasSizeGreaterThanOrEqualTo(9);
		assertThat(examples).as("mutation examples in README.md").anyMatch(Example::mutation);
		List<String> problems = new ArrayList<>();
		queries.forEach((example) -> problems.addAll(problems(example)));
		assertThat(problems).isEmpty();
	}

	@Test
	void aBrokenExampleIsFound() {
		assertThat(problems(new Example(7, "{ org(id: \"o-e-01\") { nmae } }"))).singleElement()
			.asString()
			.startsWith("README.md line 7: ");
		assertThat(problems(new Example(8, "{ org(id: \"o-no-such-org\") { name } }"))).singleElement()
			.asString()
			.contains("line 8", "org answered nothing");
	}

	/** What is wrong with the example's answer: its errors, and root fields answering null or []. */
	private List<String> problems(Example example) {
		GraphQlResponse response = this.graphQl.document(example.text()).execute().returnResponse();
		String where = "README.md line " + example.line() + ": ";
		List<String> problems = new ArrayList<>();
		response.getErrors().forEach((error) -> problems.add(where + error.getMessage()));
		Map<String, Object> data = response.getData();
		if (problems.isEmpty() && data != null) {
			data.forEach((field, value) -> {
				if (value == null || (value instanceof Collection<?> list && list.isEmpty())) {
					problems.add(where + field + " answered nothing");
				}
			});
		}
		return problems;
	}

	private static List<Example> examples() throws IOException {
		String readme = Files.readString(readme(), StandardCharsets.UTF_8);
		List<Example> examples = new ArrayList<>();
		Matcher matcher = BLOCK.matcher(readme);
		while (matcher.find()) {
			int line = 1 + (int) readme.substring(0, matcher.start()).chars().filter((c) -> c == '\n').count();
			examples.add(new Example(line + 1, matcher.group(1)));
		}
		return examples;
	}

	/** The repository's README, from the module's folder (Maven's working directory) or the root. */
	private static Path readme() {
		Path up = Path.of("..", "README.md");
		return Files.isRegularFile(up) ? up : Path.of("README.md");
	}

}
