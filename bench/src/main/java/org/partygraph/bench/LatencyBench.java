package org.partygraph.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;

/**
 * The latency benchmark of issue #7: each standard analyst query ({@link StandardQueries}) for a
 * warm-up, then measured for a period, at 1 and at 8 concurrent clients (closed loop), against our
 * endpoint and, for the queries it can express, the @neo4j/graphql peer over the same Neo4j. Before
 * timing, each compared query's answers (ids and counts) are checked equal on both sides; a difference
 * stops the benchmark (exit 3). Prints a Markdown table and, with --out, writes it to a file.
 *
 * <pre>
 * java -cp "bench/target/bench.jar:bench/target/lib/*" org.partygraph.bench.LatencyBench \
 *   --url http://127.0.0.1:8080/graphql --user analyst --password-file pw \
 *   [--peer-url http://127.0.0.1:4000/] [--county o-county] [--township o-t-hbt] \
 *   [--service-warmup-seconds 30] [--warmup-seconds 3] [--seconds 10] [--clients 1,8] [--out results.md] \
 *   [--check-only true]
 * </pre>
 */
public final class LatencyBench {

	/** One line of the table. */
	public record Line(String query, int clients, LatencyStats ours, double oursPerSecond, LatencyStats peer,
			double peerPerSecond, boolean peerExpressible) {

		/** ours/theirs at p50; NaN without peer figures. */
		public double ratio() {
			return (this.peer != null && this.peer.p50() > 0) ? (double) this.ours.p50() / this.peer.p50() : Double.NaN;
		}

	}

	record Options(String url, String user, String password, String peerUrl, String county, String township,
			int warmupSeconds, int seconds, List<Integer> clients, Path out, boolean checkOnly,
			int serviceWarmupSeconds, String set) {

		static Options parse(String[] args) throws IOException {
			Map<String, String> map = new HashMap<>();
			for (int i = 0; i < args.length; i++) {
				if (!args[i].startsWith("--") || i + 1 >= args.length) {
					throw new IllegalArgumentException("options are --name value; got " + args[i]);
				}
				map.put(args[i].substring(2), args[i + 1]);
				i++;
			}
			List<String> known = List.of("url", "user", "password", "password-file", "peer-url", "county", "township",
					"what-if-within", "warmup-seconds", "seconds", "clients", "out", "check-only",
					"service-warmup-seconds", "set");
			for (String key : map.keySet()) {
				if (!known.contains(key)) {
					throw new IllegalArgumentException("unknown option --" + key + "; known: " + known);
				}
			}
			String password = map.containsKey("password-file")
					? Files.readString(Path.of(map.get("password-file"))).strip() : map.get("password");
			List<Integer> clients = new ArrayList<>();
			for (String c : map.getOrDefault("clients", "1,8").split(",")) {
				clients.add(Integer.parseInt(c.trim()));
			}
			return new Options(map.getOrDefault("url", "http://127.0.0.1:8080/graphql"), map.get("user"), password,
					map.get("peer-url"), map.getOrDefault("county", "o-county"), map.getOrDefault("township", "o-t-hbt"),
					Integer.parseInt(map.getOrDefault("warmup-seconds", "3")),
					Integer.parseInt(map.getOrDefault("seconds", "10")), clients,
					map.containsKey("out") ? Path.of(map.get("out")) : null,
					Boolean.parseBoolean(map.getOrDefault("check-only", "false")),
					Integer.parseInt(map.getOrDefault("service-warmup-seconds", "30")),
					map.getOrDefault("set", "standard"));
		}

	}

	/**
	 * Before anything is timed, both services answer the queries both can express, in turn, for
	 * the given time: a JVM compiles its hot paths only after thousands of requests, and Node's JIT
	 * warms too. (On this 2-core machine, 2026-11-27, our sample-county counts query took 16.9 ms
	 * at p50 after 2 s of warm-up and 8.8 ms on a service that had run for minutes.) Each query then
	 * has its own warm-up as before.
	 */
	static void warmUpServices(Gql ours, Gql peer, List<StandardQueries.Query> queries, int seconds)
			throws IOException, InterruptedException {
		List<StandardQueries.Query> shared = queries.stream().filter(StandardQueries.Query::peerExpressible).toList();
		if (seconds <= 0 || shared.isEmpty()) {
			return;
		}
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		int oursRequests = 0;
		int peerRequests = 0;
		while (System.nanoTime() < deadline) {
			for (StandardQueries.Query q : shared) {
				ours.post(q.ours(), q.oursVariables());
				oursRequests++;
				if (peer != null) {
					peer.post(q.peer(), q.peerVariables());
					peerRequests++;
				}
			}
		}
		System.out.printf("service warm-up: %d s, %d requests to ours, %d to the peer%n", seconds, oursRequests,
				peerRequests);
	}

	/** Our service alone answers the queries in turn for the given time (JIT warm-up of a set the peer lacks). */
	static void warmUpOurs(Gql ours, List<StandardQueries.Query> queries, int seconds)
			throws IOException, InterruptedException {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		int requests = 0;
		while (seconds > 0 && System.nanoTime() < deadline) {
			for (StandardQueries.Query q : queries) {
				ours.post(q.ours(), q.oursVariables());
				requests++;
			}
		}
		System.out.printf("service warm-up: %d s, %d requests to ours%n", seconds, requests);
	}

	static String whatIfWithin(String[] args, String township) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals("--what-if-within")) {
				return args[i + 1];
			}
		}
		return township;
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		HttpClient http = Gql.httpClient();
		Gql ours = new Gql(http, options.url(), options.user(), options.password(), Duration.ofSeconds(900));
		Gql peer = (options.peerUrl() != null) ? new Gql(http, options.peerUrl(), null, null, Duration.ofSeconds(900))
				: null;
		List<StandardQueries.Query> queries = new ArrayList<>();
		if (options.set().equals("lifecycle")) {
			// issue #21's reads: nothing the peer can express, so nothing compared
			queries.addAll(LifecycleQueries.all(options.county(), options.township()));
		}
		else if (options.set().equals("standard")) {
			List<Map<String, Object>> ops = whatIfOperations(ours, options.township());
			// --what-if-within plays the what-if out within a wider scope (e.g. a whole county) than the
			// township whose branches it changes.
			String whatIfWithin = whatIfWithin(args, options.township());
			queries.addAll(StandardQueries.all(options.county(), options.township(), whatIfWithin, ops));
			// the broad compared set of issue #17, its ids looked up on this dataset
			ComparedShapes.Ids ids = ComparedShapes.discover(ours, options.county(), options.township());
			System.out.println("compared shapes ask about " + ids);
			queries.addAll(ComparedShapes.all(ids));
		}
		else {
			throw new IllegalArgumentException("--set is standard or lifecycle, not " + options.set());
		}
		// Every query must answer without errors; compared ones must answer the same on both sides.
		List<String> failures = new ArrayList<>();
		// A lifecycle query that fails (e.g. the database timeout on a large county) is reported as
		// such under the table and left out of the timing; a standard one stops the benchmark.
		List<String> notTimed = new ArrayList<>();
		for (StandardQueries.Query q : List.copyOf(queries)) {
			JsonNode data;
			try {
				data = ours.data(q.ours(), q.oursVariables());
			}
			catch (IllegalStateException ex) {
				if (!options.set().equals("lifecycle")) {
					throw ex;
				}
				String reason = ex.getMessage().replaceAll("(?s)\\): query.*", ")").replaceAll("\\s+", " ");
				notTimed.add(q.name() + ": " + reason);
				System.out.println("NOT TIMED " + q.name() + ": " + reason);
				queries.remove(q);
				continue;
			}
			if (peer != null && q.peerExpressible()) {
				JsonNode theirs = peer.data(q.peer(), q.peerVariables());
				List<String> a = q.oursAnswer().apply(data);
				List<String> b = q.peerAnswer().apply(theirs);
				List<String> diff = StandardQueries.differences(a, b);
				if (diff.isEmpty()) {
					System.out.printf("same answer on both sides: %s (%d lines)%n", q.name(), a.size());
				}
				else {
					failures.add(q.name() + ": " + diff.size() + " differences, e.g. "
							+ diff.subList(0, Math.min(10, diff.size())));
				}
			}
		}
		if (!failures.isEmpty()) {
			failures.forEach((f) -> System.err.println("DIFFERENT ANSWERS " + f));
			System.exit(3);
		}
		if (options.checkOnly()) {
			return;
		}
		warmUpServices(ours, peer, queries, options.serviceWarmupSeconds());
		if (options.set().equals("lifecycle")) {
			warmUpOurs(ours, queries, options.serviceWarmupSeconds());
		}
		List<Line> lines = new ArrayList<>();
		for (StandardQueries.Query q : queries) {
			for (int clients : options.clients()) {
				Timed o;
				try {
					o = time(ours, q.ours(), q.oursVariables(), clients, options);
				}
				catch (IllegalStateException ex) {
					if (!options.set().equals("lifecycle")) {
						throw ex;
					}
					notTimed.add(q.name() + " at " + clients + " clients: " + ex.getMessage());
					System.out.println("NOT TIMED " + q.name() + " at " + clients + " clients: " + ex.getMessage());
					continue;
				}
				Timed p = (peer != null && q.peerExpressible())
						? time(peer, q.peer(), q.peerVariables(), clients, options) : null;
				Line line = new Line(q.name(), clients, o.stats(), o.perSecond(), (p != null) ? p.stats() : null,
						(p != null) ? p.perSecond() : 0, q.peerExpressible());
				lines.add(line);
				System.out.println(row(line, peer != null));
			}
		}
		// every compared shape in turn, each client starting at its own shape: the throughput target
		List<StandardQueries.Query> compared = queries.stream().filter(StandardQueries.Query::peerExpressible).toList();
		if (peer != null && !compared.isEmpty()) {
			for (int clients : options.clients()) {
				Timed o = timeMixed(ours, compared, false, clients, options);
				Timed p = timeMixed(peer, compared, true, clients, options);
				Line line = new Line("mixed: the " + compared.size() + " compared shapes in turn", clients, o.stats(),
						o.perSecond(), p.stats(), p.perSecond(), true);
				lines.add(line);
				System.out.println(row(line, true));
			}
		}
		String table = table(lines, peer != null);
		if (!notTimed.isEmpty()) {
			StringBuilder notes = new StringBuilder("\nNot timed (a request failed, at the check before timing or during it):\n\n");
			notTimed.forEach((n) -> notes.append("- ").append(n).append('\n'));
			table += notes;
		}
		System.out.println();
		System.out.println(table);
		if (options.out() != null) {
			Files.writeString(options.out(), table, StandardCharsets.UTF_8);
		}
	}

	/**
	 * Ten what-if operations on branches of the township (ids looked up, so it works on any dataset):
	 * ELECT_COMMITTEE, UPGRADE to GENERAL_BRANCH, SPLIT_BY_TRADE and ADD_CO_MANAGER by the township, in
	 * turn, over up to ten branches.
	 */
	static List<Map<String, Object>> whatIfOperations(Gql gql, String township) throws Exception {
		List<String> branches = new ArrayList<>();
		for (JsonNode edge : gql.data("""
				query($t: ID!) { orgs(filter: {within: $t, kinds: [BRANCH]}, sort: {field: ID}, first: 10) {
				  edges { node { id } } } }""", Map.of("t", township)).path("orgs").path("edges")) {
			branches.add(edge.path("node").path("id").asString());
		}
		if (branches.isEmpty()) {
			throw new IllegalStateException("no BRANCH under " + township + " for the what-if");
		}
		return whatIfOperations(branches, township);
	}

	static List<Map<String, Object>> whatIfOperations(List<String> branches, String township) {
		List<Map<String, Object>> ops = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String b = branches.get(i % branches.size());
			boolean reused = i >= branches.size();
			switch (reused ? 0 : i % 4) {
				case 0 -> ops.add(Map.of("op", "ELECT_COMMITTEE", "org", b));
				case 1 -> ops.add(Map.of("op", "UPGRADE", "org", b, "kind", "GENERAL_BRANCH"));
				case 2 -> ops.add(Map.of("op", "SPLIT_BY_TRADE", "org", b));
				default -> ops.add(Map.of("op", "ADD_CO_MANAGER", "org", b, "target", township));
			}
		}
		return ops;
	}

	record Timed(LatencyStats stats, double perSecond) {
	}

	/** One request of a timed loop. */
	record Request(String query, Map<String, Object> variables) {
	}

	/** Warm-up then measurement, with the given number of closed-loop clients; any error stops it. */
	static Timed time(Gql gql, String query, Map<String, Object> variables, int clients, Options options)
			throws InterruptedException {
		return time(gql, List.of(new Request(query, variables)), clients, options);
	}

	/** As {@link #time} with each client asking the queries in turn (ours, or the peer's forms). */
	static Timed timeMixed(Gql gql, List<StandardQueries.Query> queries, boolean peer, int clients, Options options)
			throws InterruptedException {
		List<Request> requests = queries.stream()
			.map((q) -> peer ? new Request(q.peer(), q.peerVariables()) : new Request(q.ours(), q.oursVariables()))
			.toList();
		return time(gql, requests, clients, options);
	}

	private static Timed time(Gql gql, List<Request> requests, int clients, Options options)
			throws InterruptedException {
		run(gql, requests, clients, options.warmupSeconds(), null);
		List<Long> samples = new ArrayList<>();
		long start = System.nanoTime();
		run(gql, requests, clients, options.seconds(), samples);
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Timed(LatencyStats.of(samples), samples.size() / seconds);
	}

	private static void run(Gql gql, List<Request> requests, int clients, int seconds, List<Long> samples)
			throws InterruptedException {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		AtomicReference<String> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int first = c;
			Thread t = new Thread(() -> {
				List<Long> mine = new ArrayList<>();
				int next = first;
				// each client does at least one request, however long it takes
				do {
					try {
						Request r = requests.get(next++ % requests.size());
						Gql.Answer a = gql.post(r.query(), r.variables());
						if (a.status() != 200 || a.hasErrors()) {
							failure.compareAndSet(null, a.errorSummary());
							return;
						}
						mine.add(a.nanos());
					}
					catch (IOException | InterruptedException ex) {
						failure.compareAndSet(null, ex.toString());
						return;
					}
				}
				while (System.nanoTime() < deadline && failure.get() == null);
				if (samples != null) {
					synchronized (samples) {
						samples.addAll(mine);
					}
				}
			});
			threads.add(t);
			t.start();
		}
		for (Thread t : threads) {
			t.join();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("a request failed during the benchmark: " + failure.get());
		}
	}

	static String row(Line l, boolean withPeer) {
		StringBuilder row = new StringBuilder();
		row.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.1f |", l.query(), l.clients(),
				LatencyStats.ms(l.ours().p50()), LatencyStats.ms(l.ours().p99()), l.oursPerSecond()));
		if (withPeer) {
			if (l.peer() != null) {
				row.append(String.format(Locale.ROOT, " %s | %s | %.1f | %.2f |", LatencyStats.ms(l.peer().p50()),
						LatencyStats.ms(l.peer().p99()), l.peerPerSecond(), l.ratio()));
			}
			else {
				row.append(" not expressible | | | |");
			}
		}
		return row.toString();
	}

	/** The lines as a Markdown table; latencies in ms, throughput in answers per second. */
	public static String table(List<Line> lines, boolean withPeer) {
		StringBuilder out = new StringBuilder();
		out.append("| query | clients | p50 ms | p99 ms | req/s |");
		out.append(withPeer ? " peer p50 ms | peer p99 ms | peer req/s | ours/theirs (p50) |\n" : "\n");
		out.append("|---|---:|---:|---:|---:|");
		out.append(withPeer ? "---:|---:|---:|---:|\n" : "\n");
		for (Line l : lines) {
			out.append(row(l, withPeer)).append('\n');
		}
		return out.toString();
	}

}
