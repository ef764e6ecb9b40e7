package org.partygraph.api.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The GraphQL documents the project ships or documents: the test documents
 * ({@code src/test/resources/graphql-test/*.graphql}), every {@code ```graphql} block of the README
 * and the documents the org-chart page sends ({@code static/chart/queries.js}, its
 * {@code ${CONST}} pieces put in). They must all pass the default limits.
 */
final class ExampleDocuments {

	private static final Pattern README_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern JS_CONST = Pattern.compile("(export )?const (\\w+) = `(.*?)`;", Pattern.DOTALL);

	private static final Pattern JS_PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

	/** A Java text block that holds a GraphQL query. */
	private static final Pattern JAVA_QUERY_BLOCK = Pattern.compile("\"\"\"\\n\\s*(query\\b.*?)\"\"\"", Pattern.DOTALL);

	/** The benchmark's sources whose text blocks are its queries (ours and the peer's). */
	private static final List<String> BENCHMARK_SOURCES = List.of("ComparedShapes.java", "StandardQueries.java");

	private ExampleDocuments() {
	}

	/** Name (where it comes from) to document text. */
	static Map<String, String> all() {
		Path module = module();
		Map<String, String> documents = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(module.resolve("src/test/resources/graphql-test"))) {
			files.filter((file) -> file.toString().endsWith(".graphql"))
				.sorted()
				.forEach((file) -> documents.put("graphql-test/" + file.getFileName(), read(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Matcher block = README_BLOCK.matcher(read(module.resolve("../README.md")));
		for (int i = 1; block.find(); i++) {
			documents.put("README.md block " + i, block.group(1));
		}
		Path chartQueries = module.resolve("src/main/resources/static/chart/queries.js");
		if (Files.exists(chartQueries)) {
			documents.putAll(chartPageDocuments(read(chartQueries)));
		}
		return documents;
	}

	private static Map<String, String> chartPageDocuments(String script) {
		Map<String, String> constants = new LinkedHashMap<>();
		List<String> exported = new ArrayList<>();
		Matcher constant = JS_CONST.matcher(script);
		while (constant.find()) {
			String text = constant.group(3);
			Matcher placeholder = JS_PLACEHOLDER.matcher(text);
			StringBuilder filled = new StringBuilder();
			while (placeholder.find()) {
				placeholder.appendReplacement(filled,
						Matcher.quoteReplacement(constants.getOrDefault(placeholder.group(1), "")));
			}
			placeholder.appendTail(filled);
			constants.put(constant.group(2), filled.toString());
			if (constant.group(1) != null) {
				exported.add(constant.group(2));
			}
		}
		Map<String, String> documents = new LinkedHashMap<>();
		exported.forEach((name) -> documents.put("chart/queries.js " + name, constants.get(name)));
		return documents;
	}

	/**
	 * Every query text block of the benchmark ({@code bench/src/main/java/org/partygraph/bench}),
	 * ours and the peer's ({@code @neo4j/graphql}'s, which do not validate against this schema), by
	 * file and position.
	 */
	static Map<String, String> benchmark() {
		Path sources = module().resolve("../bench/src/main/java/org/partygraph/bench");
		Map<String, String> documents = new LinkedHashMap<>();
		for (String file : BENCHMARK_SOURCES) {
			Matcher block = JAVA_QUERY_BLOCK.matcher(read(sources.resolve(file)));
			for (int i = 1; block.find(); i++) {
				documents.put("bench " + file + " block " + i, block.group(1));
			}
		}
		return documents;
	}

	/** The api module's directory (Maven runs tests there; an IDE may run them from the root). */
	private static Path module() {
		Path here = Path.of("").toAbsolutePath();
		return Files.isDirectory(here.resolve("src/test/resources/graphql-test")) ? here : here.resolve("api");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
