package org.partygraph.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the pages send GraphQL is defined once (issue #22): {@code static/chart/endpoint.js}, which
 * the org chart imports as a module and GraphiQL's bundle takes in at build time. A second
 * definition, or a page building the URL itself, fails here.
 */
class SharedEndpointTests {

	private static final Path STATIC = Path.of("src/main/resources/static");

	private static final Path FRONTEND = Path.of("frontend/src");

	private static final Pattern DEFINITION = Pattern.compile("function\\s+endpoint\\s*\\(");

	private static final Pattern OWN_URL = Pattern.compile("new URL\\(\\s*['\"`]graphql");

	@Test
	void theEndpointIsDefinedOnceAndBothPagesUseIt() throws IOException {
		List<Path> sources;
		try (Stream<Path> files = Stream.concat(Files.walk(STATIC), Files.walk(FRONTEND))) {
			sources = files.filter((f) -> f.toString().matches(".*\\.(js|jsx|mjs|html)$"))
				.filter((f) -> !f.toString().contains("/lib/"))
				.toList();
		}
		assertThat(sources).as("the page sources").hasSizeGreaterThan(5);
		List<Path> defining = sources.stream().filter((f) -> DEFINITION.matcher(read(f)).find()).toList();
		assertThat(defining).containsExactly(STATIC.resolve("chart/endpoint.js"));
		List<Path> building = sources.stream().filter((f) -> OWN_URL.matcher(read(f)).find()).toList();
		assertThat(building).containsExactly(STATIC.resolve("chart/endpoint.js"));
		assertThat(read(STATIC.resolve("chart/graphql.js"))).contains("import { endpoint } from './endpoint.js';")
			.contains("fetch(endpoint(),");
		assertThat(read(FRONTEND.resolve("graphiql.jsx")))
			.contains("import { endpoint } from '../../src/main/resources/static/chart/endpoint.js';")
			.contains("const url = endpoint();");
		// And the bundle built from it (generate-resources, before the tests) carries it.
		Path bundle = Path.of("target/classes/graphiql/graphiql.js");
		if (Files.exists(bundle)) {
			assertThat(read(bundle)).contains("new URL(\"graphql\",document.baseURI)");
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
