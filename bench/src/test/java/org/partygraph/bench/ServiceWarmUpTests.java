package org.partygraph.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up before timing: both sides get the queries both can express, in turn, for the time
 * given; queries only we can express (patterns, what-if, checks) are left to their own warm-up.
 */
class ServiceWarmUpTests {

	private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

	private HttpServer server;

	private String start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		for (String path : List.of("/ours", "/peer")) {
			this.server.createContext(path, (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String query = Gql.JSON.readTree(body).path("query").asString();
				this.seen.computeIfAbsent(path + " " + query, (k) -> new AtomicInteger())
					.incrementAndGet();
				byte[] answer = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
		}
		this.server.start();
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void bothSidesAnswerEveryComparedQueryAndNothingElse() throws Exception {
		String base = start();
		var http = Gql.httpClient();
		Gql ours = new Gql(http, base + "/ours", "u", "p", Duration.ofSeconds(5));
		Gql peer = new Gql(http, base + "/peer", null, null, Duration.ofSeconds(5));
		List<StandardQueries.Query> queries = StandardQueries.all("o-county", "o-t-hbt",
				LatencyBench.whatIfOperations(List.of("b1", "b2"), "o-t-hbt"));

		LatencyBench.warmUpServices(ours, peer, queries, 1);

		// One key per side and query text.
		assertThat(this.seen.keySet()).allMatch((k) -> k.startsWith("/ours ") || k.startsWith("/peer "));
		long oursKinds = this.seen.keySet().stream().filter((k) -> k.startsWith("/ours ")).count();
		long peerKinds = this.seen.keySet().stream().filter((k) -> k.startsWith("/peer ")).count();
		assertThat(oursKinds).isEqualTo(queries.stream().filter(StandardQueries.Query::peerExpressible).count());
		assertThat(peerKinds).isEqualTo(oursKinds);
		assertThat(this.seen.values()).allMatch((n) -> n.get() >= 1);
		assertThat(this.seen.keySet()).noneMatch((k) -> k.contains("patternSummary") || k.contains("whatIf")
				|| k.contains("complianceIssues"));
	}

	@Test
	void noTimeMeansNoRequests() throws Exception {
		String base = start();
		Gql ours = new Gql(Gql.httpClient(), base + "/ours", null, null, Duration.ofSeconds(5));
		LatencyBench.warmUpServices(ours, null, StandardQueries.all("o-county", "o-t-hbt", List.of()), 0);
		assertThat(this.seen).isEmpty();
	}

}
