package org.partygraph.api;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.format.DatasetFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code bash} / {@code sh} example of the README, and its GraphQL mutation examples, run as a
 * reader would run them (issue #22), against the built jar {@code api/target/party-graph.jar} (this
 * is a failsafe test: {@code package} has built it), from a temporary working directory that is not
 * the repository.
 * <p>
 * {@code PG} is a folder of this test's own whose {@code api/target/party-graph.jar} links to the
 * built jar: the README's {@code $PG/data} is then a fresh data directory, never the repository's.
 * {@code PG_URL} points at the service this test starts; {@code SERVER_PORT} and
 * {@code PARTYGRAPH_EMBEDDED_BOLTPORT} give it and the commands free ports, so the README's lines
 * run unchanged. The service is started once, with the Quick start's {@code java -jar} line, and
 * serves every block that talks to it (in README order), then the mutation examples; it is then
 * stopped and the blocks that open the store themselves ({@code import}, {@code export}, the bulk
 * path) run. Each block runs under {@code bash} with {@code set -euo pipefail}; blocks that define
 * shell functions (the walk-through's {@code gql}) are kept and run before every later block.
 * <p>
 * What is checked: every block exits 0; an answer that is JSON is a GraphQL response with
 * {@code data} and no {@code errors} (nor a non-empty {@code errors} list in a payload, unless
 * the README shows one); where the README prints the answer right after the block (a {@code json}
 * or {@code text} block), every {@code "key": value} pair it shows (timestamps aside) is in the
 * answer and every line of a text answer is printed; the files the commands name exist, and those
 * holding personal data are owner-only. Blocks not run are listed with a reason, and that list
 * must be exactly {@link #SKIPPED}: a new block is run, never skipped unnoticed.
 */
class ReadmeShellExamplesIT {

	/** The first line of each block not run, and why. A block not listed here is run. */
	private static final Map<String, String> SKIPPED = Map.of(
			"mvn -f \"$PG\" verify", "the whole build and test suite, which this test is part of",
			"mvn -q -B -ntp -f \"$PG\" install -DskipTests   # builds api/target/party-graph.jar and bench/target",
			"mvn install writes the shared ~/.m2, and the load test runs for minutes (bench/load-test is checked by the bench module's tests)",
			"mvn -q -B -ntp -f \"$PG\" install -DskipTests",
			"mvn install writes the shared ~/.m2, and the benchmark runs for about 40 minutes");

	/** Lines of run blocks left out (the jar is already built), and why. */
	private static final Map<String, String> SKIPPED_LINES = Map.of(
			"export PG=/path/to/party-graph      # e.g. export PG=$PWD in the clone", "PG is set by this test",
			"mvn -q -f \"$PG\" -DskipTests package", "the jar is built by this build's package phase");

	/** The Quick start's line that starts the service, run as written. */
	private static final String START = "java -jar \"$PG/api/target/party-graph.jar\" --party-graph.data-dir=\"$PG/data\"";

	/** The province example, run with one county of one block instead of 120 of three (minutes). */
	private static final String PROVINCE = "--counties=120";

	private static final String SMALL_PROVINCE = "--counties=1 --blocks=1";

	private static final Pattern BLOCK = Pattern.compile("(?m)^( *)```(\\w*)\\n(.*?)^\\1```\\n", Pattern.DOTALL);

	private static final Pattern PAIR = Pattern.compile(
			"\"(\\w+)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?|true|false|null)");

	private static final Pattern SCALAR_LIST = Pattern.compile(
			"\"(\\w+)\"\\s*:\\s*\\[((?:\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?)\\s*,?)+)\\]");

	private static final Pattern LIST_ITEM = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?");

	private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

	/** What the README marks as varying: times. */
	private static final Set<String> VARYING = Set.of("databaseMillis", "elapsedMillis", "savedAt", "appliedAt", "at");

	private static final Pattern FILE_WRITTEN = Pattern.compile("party-graph\\.jar\" (export|generate) (\\S+)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path temp;

	private static Process service;

	private record Block(int line, String language, String text, String answerLanguage, String answer) {

		String firstLine() {
			return this.text.lines().findFirst().orElse("");
		}

		String where() {
			return "README.md line " + this.line + " (" + firstLine() + ")";
		}

	}

	private record Run(int exitCode, String out, String err) {

	}

	@AfterAll
	static void stopService() throws InterruptedException {
		stop();
	}

	@Test
	void everyShellAndMutationExampleRunsAsWrittenFromAnotherFolder() throws Exception {
		String readme = Files.readString(readme(), StandardCharsets.UTF_8);
		List<Block> blocks = blocks(readme);
		Path jar = Path.of("target", "party-graph.jar").toAbsolutePath();
		assertThat(jar).as("the jar built by package").isRegularFile();

		Path pg = temp.resolve("pg");
		Files.createDirectories(pg.resolve("api/target"));
		Files.createSymbolicLink(pg.resolve("api/target/party-graph.jar"), jar);
		Path work = temp.resolve("work");
		Files.createDirectories(work);
		int httpPort = freePort();
		Map<String, String> env = new HashMap<>();
		env.put("PG", pg.toString());
		env.put("PG_URL", "http://127.0.0.1:" + httpPort);
		env.put("SERVER_PORT", String.valueOf(httpPort));
		env.put("PARTYGRAPH_EMBEDDED_BOLTPORT", String.valueOf(freePort()));
		// The default 10 s is for people waiting; on a CI machine busy with other builds applyScenario
		// was seen to take longer. What is checked here is that the examples work.
		env.put("PARTYGRAPH_LIMITS_DATABASETIMEOUT", "60s");
		// The README's java lines run as written; the JVM they start reads its flags from here: the
		// client compiler, as every process test's (AppProcess says why). Not a collector: the bulk
		// import line chooses its own. The JVM notes it on stderr, which no check reads.
		env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");

		// Sort the blocks: skipped (with the reason), run with the service, run with it stopped.
		List<String> skipped = new ArrayList<>();
		Block start = null;
		List<Block> withService = new ArrayList<>();
		List<Block> stopped = new ArrayList<>();
		for (Block block : blocks) {
			if (!block.language().equals("bash") && !block.language().equals("sh")) {
				continue;
			}
			if (SKIPPED.containsKey(block.firstLine())) {
				skipped.add(block.firstLine());
				System.out.println("ReadmeShellExamplesIT: not run, " + block.where() + ": " + SKIPPED.get(block.firstLine()));
			}
			else if (block.text().contains(START + "\n") || block.text().endsWith(START)) {
				assertThat(start).as("one block starts the service").isNull();
				start = block;
			}
			else if (block.text().contains("party-graph.jar\" import") || block.text().contains("party-graph.jar\" export")
					|| block.text().contains("party-graph.jar\" generate")) {
				stopped.add(block);
			}
			else {
				withService.add(block);
			}
		}
		assertThat(skipped).as("blocks not run").containsExactlyInAnyOrderElementsOf(SKIPPED.keySet());
		assertThat(start).as("the Quick start block with " + START).isNotNull();
		assertThat(withService).as("blocks run against the service").hasSizeGreaterThanOrEqualTo(8);
		assertThat(stopped).as("blocks that open the store themselves").hasSizeGreaterThanOrEqualTo(2);

		List<String> problems = new ArrayList<>();
		long began = System.nanoTime();

		// county.json of the import examples: the hand-built small county (小縣, ids s-…), a dataset
		// beside the sample county, small enough to import in seconds.
		try (InputStream small = ReadmeShellExamplesIT.class.getResourceAsStream("/small-county.json")) {
			Files.copy(small, work.resolve("county.json"));
		}

		// Start the service with the Quick start's line, as written.
		for (String line : start.text().lines().toList()) {
			if (!line.equals(START) && !line.isBlank()) {
				assertThat(SKIPPED_LINES).as("%s: a line of the Quick start not run", start.where()).containsKey(line);
			}
		}
		startService(work, env, httpPort, pg.resolve("data"));
		System.out.printf("ReadmeShellExamplesIT: service answered %.1f s after launch%n", (System.nanoTime() - began) / 1e9);

		StringBuilder functions = new StringBuilder();
		for (Block block : withService) {
			if (block.text().contains("jq ") && !onPath("jq")) {
				System.out.println("ReadmeShellExamplesIT: not run, " + block.where() + ": jq is not installed");
				continue;
			}
			long blockStarted = System.nanoTime();
			Run run = bash(work, env, functions + block.text(), Duration.ofMinutes(3));
			System.out.printf("ReadmeShellExamplesIT: %s ran in %.1f s%n", block.where(), (System.nanoTime() - blockStarted) / 1e9);
			problems.addAll(check(block, run));
			if (defines(block)) {
				functions.append(block.text()).append('\n');
			}
		}

		// The GraphQL mutation examples, against this test's own service.
		String login = "admin:" + Files.readString(pg.resolve("data/admin-password")).trim();
		List<Block> mutations = blocks.stream()
			.filter((b) -> b.language().equals("graphql") && b.text().stripLeading().startsWith("mutation"))
			.toList();
		assertThat(mutations).as("mutation examples").isNotEmpty();
		for (Block mutation : mutations) {
			String body = JSON.writeValueAsString(Map.of("query", mutation.text()));
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/graphql"))
					.header("Content-Type", "application/json")
					.header("Authorization",
							"Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			problems.addAll(graphQlProblems(mutation, response.body()));
		}
		long served = System.nanoTime();
		stop();

		// The commands that open the store: after the service stopped, on its data directory.
		for (Block block : stopped) {
			String text = block.text();
			if (text.contains(PROVINCE)) {
				text = text.replace(PROVINCE, SMALL_PROVINCE);
			}
			long blockStarted = System.nanoTime();
			Run run = bash(work, env, text, Duration.ofMinutes(6));
			System.out.printf("ReadmeShellExamplesIT: %s ran in %.1f s%n", block.where(), (System.nanoTime() - blockStarted) / 1e9);
			problems.addAll(exitProblems(block.where(), run));
			Matcher file = FILE_WRITTEN.matcher(text);
			while (file.find()) {
				Path written2 = work.resolve(file.group(2));
				if (!Files.isRegularFile(written2)) {
					problems.add(block.where() + ": " + file.group(1) + " did not write " + file.group(2));
					continue;
				}
				assertThat(DatasetFormat.read(written2).orgs()).as("%s: %s", block.where(), file.group(2)).isNotEmpty();
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(written2);
				if (!permissions.equals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))) {
					problems.add(block.where() + ": " + file.group(2) + " is not owner-only: " + permissions);
				}
			}
		}
		System.out.printf("ReadmeShellExamplesIT: %d blocks with the service and %d mutations in %.1f s, %d with it stopped in %.1f s%n",
				withService.size(), mutations.size(), (served - began) / 1e9, stopped.size(),
				(System.nanoTime() - served) / 1e9);
		assertThat(problems).isEmpty();
	}

	@Test
	void aBrokenExampleIsFound() throws Exception {
		Block block = new Block(12, "bash", "curl ...", "json", "{\"data\": {\"org\": {\"name\": \"縣委\", \"memberCount\": 5507}}}");
		assertThat(check(block, new Run(0, "{\"data\":{\"org\":{\"name\":\"縣委\",\"memberCount\":5506}}}", "")))
			.singleElement()
			.asString()
			.contains("README.md line 12", "memberCount=5507");
		assertThat(check(block, new Run(0,
				"{\"errors\":[{\"message\":\"Validation error: Field 'nmae' undefined\"}],\"data\":null}", "")))
			.anyMatch((p) -> p.contains("line 12") && p.contains("nmae"));
		assertThat(check(block, new Run(7, "", "curl: (7) Failed to connect"))).singleElement()
			.asString()
			.contains("exit 7", "Failed to connect");
		Block csv = new Block(30, "bash", "curl ...", "text", "step,op\n1,MERGE");
		assertThat(check(csv, new Run(0, "\uFEFFstep,op\n1,MOVE_ORG\n", ""))).singleElement()
			.asString()
			.contains("line 30", "1,MERGE");
		Block refusal = new Block(40, "bash", "gql", null, null);
		assertThat(check(refusal, new Run(0, "{\"data\":{\"applyScenario\":{\"errors\":[{\"message\":\"no\"}]}}}", "")))
			.singleElement()
			.asString()
			.contains("line 40", "errors");
	}

	/** What is wrong with a block's run: its exit, its answer, and the README's excerpt of it. */
	private static List<String> check(Block block, Run run) {
		List<String> problems = new ArrayList<>(exitProblems(block.where(), run));
		if (!problems.isEmpty()) {
			return problems;
		}
		String out = run.out().strip();
		if (out.startsWith("\uFEFF")) {
			out = out.substring(1);
		}
		if ((block.text().contains("curl ") || block.text().contains("gql ")) && !defines(block) && out.isEmpty()) {
			problems.add(block.where() + ": printed nothing");
		}
		if (out.startsWith("{")) {
			problems.addAll(graphQlProblems(block, out));
		}
		if ("json".equals(block.answerLanguage()) && out.startsWith("{") && problems.isEmpty()) {
			Set<String> answered = pairs(JSON.readTree(out));
			for (String shown : shownPairs(block.answer())) {
				if (!answered.contains(shown)) {
					problems.add(block.where() + ": the README shows " + shown + ", the answer was " + out);
				}
			}
		}
		if ("text".equals(block.answerLanguage())) {
			List<String> lines = out.lines().map(String::strip).toList();
			for (String shown : block.answer().lines().map(String::strip).filter((l) -> !l.isEmpty()).toList()) {
				if (!lines.contains(shown)) {
					problems.add(block.where() + ": the README shows the line '" + shown + "', the answer was " + out);
				}
			}
		}
		return problems;
	}

	/** Whether the block defines a shell function (the walk-through's gql) for the blocks after it. */
	private static boolean defines(Block block) {
		return Pattern.compile("(?m)^\\w+\\(\\) \\{").matcher(block.text()).find();
	}

	private static List<String> exitProblems(String where, Run run) {
		if (run.exitCode() == 0) {
			return List.of();
		}
		return List.of(where + ": exit " + run.exitCode() + "; stdout: " + tail(run.out()) + "; stderr: " + tail(run.err()));
	}

	/** A GraphQL answer's errors, at the top or in a payload, unless the README shows them. */
	private static List<String> graphQlProblems(Block block, String body) {
		List<String> problems = new ArrayList<>();
		JsonNode answer;
		try {
			answer = JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return List.of(block.where() + ": not JSON: " + tail(body));
		}
		if (answer.has("errors")) {
			problems.add(block.where() + ": errors " + answer.get("errors"));
		}
		if (!answer.has("data") || answer.get("data").isNull()) {
			problems.add(block.where() + ": no data in " + tail(body));
		}
		boolean errorsShown = block.answer() != null && Pattern.compile("\"errors\"\\s*:\\s*\\[\\s*\\{").matcher(block.answer()).find();
		if (problems.isEmpty() && !errorsShown) {
			payloadErrors(answer.get("data"), problems, block.where());
		}
		return problems;
	}

	private static void payloadErrors(JsonNode node, List<String> problems, String where) {
		if (node.isObject()) {
			node.properties().forEach((entry) -> {
				if (entry.getKey().equals("errors") && entry.getValue().isArray() && !entry.getValue().isEmpty()) {
					problems.add(where + ": errors in the answer: " + entry.getValue());
				}
				payloadErrors(entry.getValue(), problems, where);
			});
		}
		else if (node.isArray()) {
			node.forEach((item) -> payloadErrors(item, problems, where));
		}
	}

	/** Every "key=value" of scalar values in the answer, items of lists under their list's key. */
	private static Set<String> pairs(JsonNode answer) {
		Set<String> pairs = new LinkedHashSet<>();
		collect(null, answer, pairs);
		return pairs;
	}

	private static void collect(String key, JsonNode node, Set<String> pairs) {
		if (node.isObject()) {
			node.properties().forEach((entry) -> collect(entry.getKey(), entry.getValue(), pairs));
		}
		else if (node.isArray()) {
			node.forEach((item) -> collect(key, item, pairs));
		}
		else if (key != null) {
			pairs.add(key + "=" + normal(node));
		}
	}

	/** The "key=value" pairs a README excerpt shows, values of varying keys left out. */
	static Set<String> shownPairs(String excerpt) {
		Set<String> shown = new LinkedHashSet<>();
		Matcher pair = PAIR.matcher(excerpt);
		while (pair.find()) {
			if (!VARYING.contains(pair.group(1))) {
				shown.add(pair.group(1) + "=" + normal(JSON.readTree(pair.group(2))));
			}
		}
		Matcher list = SCALAR_LIST.matcher(excerpt);
		while (list.find()) {
			Matcher item = LIST_ITEM.matcher(list.group(2));
			while (item.find()) {
				shown.add(list.group(1) + "=" + normal(JSON.readTree(item.group())));
			}
		}
		return shown;
	}

	private static String normal(JsonNode value) {
		if (value.isNumber()) {
			return new BigDecimal(value.asString()).stripTrailingZeros().toPlainString();
		}
		if (value.isString()) {
			return INSTANT.matcher(value.asString()).replaceAll("<instant>");
		}
		return value.toString();
	}

	private static void startService(Path work, Map<String, String> env, int httpPort, Path data) throws Exception {
		Path log = temp.resolve("service.log");
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -euo pipefail\nexec " + START).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(env);
		service = builder.start();
		// About 20 s on an idle 2-core machine; over 3 minutes seen with four other builds running.
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
		HttpClient client = HttpClient.newHttpClient();
		while (true) {
			assertThat(service.isAlive()).as("the service runs; its log:\n%s", Files.readString(log)).isTrue();
			assertThat(System.nanoTime()).as("the service answers within 8 minutes; its log:\n%s", Files.readString(log))
				.isLessThan(deadline);
			try {
				HttpResponse<String> health = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && Files.exists(data.resolve("admin-password"))) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
	}

	private static void stop() throws InterruptedException {
		if (service != null && service.isAlive()) {
			service.destroy();
			if (!service.waitFor(60, TimeUnit.SECONDS)) {
				service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	private static Run bash(Path work, Map<String, String> env, String script, Duration limit) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script).directory(work.toFile());
		builder.environment().putAll(env);
		Process process = builder.start();
		process.getOutputStream().close();
		CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
		CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
		if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			return new Run(-1, out.get(10, TimeUnit.SECONDS), "(stopped after " + limit + ") " + err.get(10, TimeUnit.SECONDS));
		}
		return new Run(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
	}

	private static String readAll(InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(unreadable: " + ex + ")";
		}
	}

	private static String tail(String text) {
		String stripped = text.strip();
		return (stripped.length() <= 2000) ? stripped : "…" + stripped.substring(stripped.length() - 2000);
	}

	private static boolean onPath(String command) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

	/** The README's fenced blocks with the line each starts on and the fenced block right after it. */
	static List<Block> blocks(String readme) {
		record Fenced(int line, int start, int end, String language, String text) {
		}
		List<Fenced> fenced = new ArrayList<>();
		Matcher matcher = BLOCK.matcher(readme);
		while (matcher.find()) {
			int line = 1 + (int) readme.substring(0, matcher.start()).chars().filter((c) -> c == '\n').count();
			String indent = matcher.group(1);
			String text = matcher.group(3)
				.lines()
				.map((l) -> l.startsWith(indent) ? l.substring(indent.length()) : l)
				.collect(Collectors.joining("\n"));
			fenced.add(new Fenced(line + 1, matcher.start(), matcher.end(), matcher.group(2), text));
		}
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < fenced.size(); i++) {
			Fenced block = fenced.get(i);
			Fenced next = (i + 1 < fenced.size()) ? fenced.get(i + 1) : null;
			boolean answer = next != null && readme.substring(block.end(), next.start()).isBlank()
					&& (next.language().equals("json") || next.language().equals("text"));
			blocks.add(new Block(block.line(), block.language(), block.text(), answer ? next.language() : null,
					answer ? next.text() : null));
		}
		return blocks;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The repository's README, from the module's folder (Maven's working directory) or the root. */
	private static Path readme() {
		Path up = Path.of("..", "README.md");
		return Files.isRegularFile(up) ? up : Path.of("README.md");
	}

}
