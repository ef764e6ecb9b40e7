package org.partygraph.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import tools.jackson.databind.JsonNode;

/**
 * The load test of issue #6: starts the service jar on a fresh data directory (the sample county loads
 * itself), runs N concurrent clients for S seconds over HTTP on loopback mixing reads, what-ifs, small
 * writes and deliberately refused requests, then checks that no acknowledged write was lost or
 * duplicated and no refused one written, writes the figures to a Markdown file and stops the service.
 * Exit status 0 when every error was an expected refusal and every write is as acknowledged, 1
 * otherwise. Run by {@code bench/load-test}; options: {@code --clients 50 --seconds 60 --seed 1
 * --jar api/target/party-graph.jar --report docs/load-test.md --service-jvm "-Xmx1g"}.
 */
public final class LoadTest {

	static final String ORG_FIELDS = "{ id name kind memberCount fullMemberCount children { id name kind memberCount fullMemberCount } }";

	private final Options options;

	private final Recorder recorder = new Recorder();

	private final WriteLedger ledger = new WriteLedger();

	private final String tag;

	private Gql analyst;

	private Gql orgAdmin;

	private Gql admin;

	private final List<String> branches = new ArrayList<>();

	private final Map<String, String> branchNames = new HashMap<>();

	private final List<String> townships = new ArrayList<>();

	private final List<String> readOrgs = new ArrayList<>();

	private final List<String> partyGroups = new ArrayList<>();

	private final List<WhatIfTemplate> whatIfs = new ArrayList<>();

	/** The 10-operation scenarios of the apply lane, one per reserved township (issue #20). */
	private final List<ApplyPlan> applyPlans = new ArrayList<>();

	record Options(int clients, int seconds, long seed, Path jar, Path report, List<String> serviceJvm, String root,
			int timeoutSeconds, int applyTownships, String command) {

		static Options parse(String[] args) {
			Map<String, String> map = new HashMap<>();
			for (int i = 0; i < args.length; i++) {
				if (!args[i].startsWith("--") || i + 1 >= args.length) {
					throw new IllegalArgumentException("options are --name value; got " + args[i]);
				}
				map.put(args[i].substring(2), args[++i]);
			}
			List<String> known = List.of("clients", "seconds", "seed", "jar", "report", "service-jvm", "root",
					"timeout-seconds", "apply-townships");
			for (String key : map.keySet()) {
				if (!known.contains(key)) {
					throw new IllegalArgumentException("unknown option --" + key + "; known: " + known);
				}
			}
			String jvm = map.getOrDefault("service-jvm", "");
			return new Options(Integer.parseInt(map.getOrDefault("clients", "50")),
					Integer.parseInt(map.getOrDefault("seconds", "60")), Long.parseLong(map.getOrDefault("seed", "1")),
					Path.of(map.getOrDefault("jar", "api/target/party-graph.jar")),
					Path.of(map.getOrDefault("report", "docs/load-test.md")),
					jvm.isBlank() ? List.of() : List.of(jvm.trim().split("\\s+")), map.getOrDefault("root", "o-county"),
					Integer.parseInt(map.getOrDefault("timeout-seconds", "30")),
					Integer.parseInt(map.getOrDefault("apply-townships", "4")),
					System.getProperty("bench.command", "bench/load-test " + String.join(" ", args)).trim());
		}

	}

	/**
	 * A scenario of ten operations in one township, built from the live graph the way
	 * {@code queries}' ApplyBench picks them: two merges of village branches, two committee elections,
	 * three transfers from one village's branch into another's and three deputy secretaries there. The
	 * clients never write inside the township, so nothing changes what the scenario reads between its
	 * save and its apply.
	 */
	record ApplyPlan(String township, List<Map<String, Object>> operations) {
	}

	/** A what-if known to be valid on the sample, within a township. */
	record WhatIfTemplate(String within, List<Map<String, Object>> operations) {
	}

	LoadTest(Options options) {
		this.options = options;
		this.tag = "LT" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		boolean passed = new LoadTest(options).run();
		System.exit(passed ? 0 : 1);
	}

	boolean run() throws Exception {
		long wallStart = System.nanoTime();
		Path dir = Files.createTempDirectory("party-graph-load-test-");
		String adminPassword = UUID.randomUUID().toString();
		String analystPassword = UUID.randomUUID().toString();
		String orgAdminPassword = UUID.randomUUID().toString();
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
		List<String> properties = List.of("--party-graph.security.admin-password=" + adminPassword,
				"--party-graph.security.users[0].name=lt-analyst",
				"--party-graph.security.users[0].password={bcrypt}" + bcrypt.encode(analystPassword),
				"--party-graph.security.users[0].role=ANALYST", "--party-graph.security.users[1].name=lt-orgadmin",
				"--party-graph.security.users[1].password={bcrypt}" + bcrypt.encode(orgAdminPassword),
				"--party-graph.security.users[1].role=ORG_ADMIN");
		System.out.printf("load test: %d clients for %d s; service data in %s%n", this.options.clients(),
				this.options.seconds(), dir);
		try (ServiceProcess service = ServiceProcess.start(this.options.jar(), dir, this.options.serviceJvm(),
				properties)) {
			long startNanos = System.nanoTime();
			service.awaitHealthy(Duration.ofSeconds(150));
			double startSeconds = (System.nanoTime() - startNanos) / 1e9;
			System.out.printf("service healthy after %.1f s (pid %d, %s)%n", startSeconds, service.pid(),
					service.graphqlUrl());
			HttpClient http = Gql.httpClient();
			Duration timeout = Duration.ofSeconds(this.options.timeoutSeconds());
			this.analyst = new Gql(http, service.graphqlUrl(), "lt-analyst", analystPassword, timeout);
			this.orgAdmin = new Gql(http, service.graphqlUrl(), "lt-orgadmin", orgAdminPassword, timeout);
			this.admin = new Gql(http, service.graphqlUrl(), "admin", adminPassword, timeout);
			setUp();
			this.loadBefore = loadAverage();
			double seconds = drive();
			this.loadAfter = loadAverage();
			List<String> problems = verify();
			String rss = residentMemory(service.pid());
			List<Recorder.Row> rows = this.recorder.rows(seconds);
			int unexpected = this.recorder.unexpected();
			boolean passed = unexpected == 0 && problems.isEmpty();
			String report = report(rows, seconds, startSeconds, problems, rss, passed);
			Files.createDirectories(this.options.report().toAbsolutePath().getParent());
			Files.writeString(this.options.report(), report, StandardCharsets.UTF_8);
			System.out.println(Recorder.table(rows));
			this.recorder.unexpectedDetails().forEach((d) -> System.out.println("UNEXPECTED " + d));
			problems.forEach((p) -> System.out.println("WRITE PROBLEM " + p));
			System.out.printf("%s: %d unexpected errors, %d write problems; %s written; wall time %.0f s%n",
					passed ? "PASSED" : "FAILED", unexpected, problems.size(), this.options.report(),
					(System.nanoTime() - wallStart) / 1e9);
			return passed;
		}
		finally {
			deleteTree(dir);
		}
	}

	// --- setup -------------------------------------------------------------------------------------

	private void setUp() throws Exception {
		String after = null;
		do {
			Map<String, Object> vars = new HashMap<>();
			vars.put("after", after);
			JsonNode page = this.admin.data("""
					query($after: String) { orgs(filter: {kinds: [BRANCH, JOINT_BRANCH]}, sort: {field: ID}, first: 100, after: $after) {
					  edges { node { id name } } pageInfo { hasNextPage endCursor } } }""", vars).path("orgs");
			for (JsonNode edge : page.path("edges")) {
				this.branches.add(edge.path("node").path("id").asString());
				this.branchNames.put(edge.path("node").path("id").asString(), edge.path("node").path("name").asString());
			}
			after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor").asString()
					: null;
		}
		while (after != null);
		for (JsonNode edge : this.admin
			.data("{ orgs(filter: {kinds: [TOWNSHIP_COMMITTEE]}, sort: {field: ID}, first: 100) { edges { node { id } } } }",
					null)
			.path("orgs")
			.path("edges")) {
			this.townships.add(edge.path("node").path("id").asString());
		}
		for (JsonNode edge : this.admin
			.data("{ orgs(filter: {kinds: [PARTY_GROUP]}, sort: {field: ID}, first: 10) { edges { node { id } } } }", null)
			.path("orgs")
			.path("edges")) {
			this.partyGroups.add(edge.path("node").path("id").asString());
		}
		reserveApplyTownships();
		if (this.branches.size() < this.options.clients() || this.townships.isEmpty() || this.partyGroups.isEmpty()) {
			throw new IllegalStateException("the sample is too small: " + this.branches.size() + " branches, "
					+ this.townships.size() + " townships, " + this.partyGroups.size() + " party groups");
		}
		this.readOrgs.add(this.options.root());
		this.readOrgs.addAll(this.townships);
		this.readOrgs.addAll(this.branches);
		// What-ifs: a few operations on branches of each township, each checked once before the run.
		for (String township : this.townships) {
			List<String> local = new ArrayList<>();
			for (JsonNode edge : this.admin
				.data("query($t: ID!) { orgs(filter: {within: $t, kinds: [BRANCH]}, sort: {field: ID}, first: 4) { edges { node { id } } } }",
						Map.of("t", township))
				.path("orgs")
				.path("edges")) {
				local.add(edge.path("node").path("id").asString());
			}
			if (local.size() < 3) {
				continue;
			}
			List<Map<String, Object>> ops = List.of(Map.of("op", "ELECT_COMMITTEE", "org", local.get(0)),
					Map.of("op", "UPGRADE", "org", local.get(1), "kind", "GENERAL_BRANCH"),
					Map.of("op", "SPLIT_BY_TRADE", "org", local.get(2)),
					Map.of("op", "ADD_CO_MANAGER", "org", local.get(0), "target", township));
			WhatIfTemplate template = new WhatIfTemplate(township, ops);
			Gql.Answer answer = this.analyst.post(WHAT_IF, Map.of("within", township, "ops", ops));
			if (answer.status() == 200 && !answer.hasErrors()) {
				this.whatIfs.add(template);
			}
			else {
				System.out.println("what-if left out (" + answer.errorSummary() + "): " + ops);
			}
		}
		if (this.whatIfs.isEmpty()) {
			throw new IllegalStateException("no valid what-if on the sample");
		}
		System.out.printf("setup: %d branches, %d townships, %d what-ifs, %d scenarios to apply; run tag %s%n",
				this.branches.size(), this.townships.size(), this.whatIfs.size(), this.applyPlans.size(), this.tag);
	}

	/**
	 * Builds the apply lane's scenarios: for up to {@code --apply-townships} townships (from the last), the
	 * ten operations of {@link ApplyPlan} when the township has eight village branches with enough
	 * members; their branches are taken out of the ones the clients write to.
	 */
	private void reserveApplyTownships() throws Exception {
		for (int i = this.townships.size() - 1; i >= 0 && this.applyPlans.size() < this.options.applyTownships(); i--) {
			String township = this.townships.get(i);
			List<String> subtree = new ArrayList<>();
			List<JsonNode> villageBranches = new ArrayList<>();
			for (JsonNode edge : this.admin.data("""
					query($t: ID!) { orgs(filter: {within: $t, kinds: [BRANCH, JOINT_BRANCH, GENERAL_BRANCH]}, sort: {field: ID}, first: 100) {
					  edges { node { id kind parent { id } units { kind }
					    members(first: 30) { edges { node { id status roles { role } } } } } } } }""",
					Map.of("t", township)).path("orgs").path("edges")) {
				JsonNode node = edge.path("node");
				subtree.add(node.path("id").asString());
				boolean village = false;
				for (JsonNode unit : node.path("units")) {
					village |= unit.path("kind").asString().equals("VILLAGE");
				}
				if (village && node.path("kind").asString().equals("BRANCH")
						&& township.equals(node.path("parent").path("id").asString(null))) {
					villageBranches.add(node);
				}
			}
			List<Map<String, Object>> ops = applyOperations(township, villageBranches);
			if (ops.isEmpty()) {
				continue;
			}
			this.applyPlans.add(new ApplyPlan(township, ops));
			this.branches.removeAll(subtree);
		}
	}

	/** The ten operations of {@link ApplyPlan} on a township's village branches, or none when it has too few. */
	static List<Map<String, Object>> applyOperations(String township, List<JsonNode> villageBranches) {
		if (villageBranches.size() < 8) {
			return List.of();
		}
		JsonNode from = villageBranches.get(6);
		JsonNode to = villageBranches.get(7);
		List<String> moved = new ArrayList<>();
		for (JsonNode edge : from.path("members").path("edges")) {
			if (moved.size() < 3 && edge.path("node").path("roles").isEmpty()) {
				moved.add(edge.path("node").path("id").asString());
			}
		}
		List<String> deputies = new ArrayList<>();
		for (JsonNode edge : to.path("members").path("edges")) {
			JsonNode member = edge.path("node");
			if (deputies.size() < 3 && member.path("status").asString().equals("FULL") && member.path("roles").isEmpty()) {
				deputies.add(member.path("id").asString());
			}
		}
		if (moved.size() < 3 || deputies.size() < 3) {
			return List.of();
		}
		String id = township.replaceAll("[^A-Za-z0-9]", "");
		List<Map<String, Object>> ops = new ArrayList<>();
		ops.add(Map.of("op", "MERGE", "orgs", List.of(id(villageBranches.get(0)), id(villageBranches.get(1))), "name",
				"壓測聯合黨支部一" + id));
		ops.add(Map.of("op", "MERGE", "orgs", List.of(id(villageBranches.get(2)), id(villageBranches.get(3))), "name",
				"壓測聯合黨支部二" + id));
		ops.add(Map.of("op", "ELECT_COMMITTEE", "org", id(villageBranches.get(4))));
		ops.add(Map.of("op", "ELECT_COMMITTEE", "org", id(villageBranches.get(5))));
		moved.forEach((m) -> ops.add(Map.of("op", "TRANSFER_MEMBER", "member", m, "target", id(to))));
		deputies.forEach((m) -> ops.add(Map.of("op", "ASSIGN_ROLE", "member", m, "org", id(to), "kind", "DEPUTY_SECRETARY")));
		return ops;
	}

	private static String id(JsonNode org) {
		return org.path("id").asString();
	}

	// --- the run -----------------------------------------------------------------------------------

	static final String WHAT_IF = """
			query($within: ID, $ops: [OperationInput!]!) { whatIf(within: $within, operations: $ops) {
			  membersMoved orgsCreated issuesFixed { rule orgId } issuesIntroduced { rule orgId } before { key value } after { key value } } }""";

	/** Operation kinds with their weights (out of 100). */
	static final Map<String, Integer> MIX = mix();

	private static Map<String, Integer> mix() {
		Map<String, Integer> mix = new LinkedHashMap<>();
		mix.put("read.org", 15);
		mix.put("read.membersPage", 12);
		mix.put("read.patternSummary", 8);
		mix.put("read.orgChart", 8);
		mix.put("read.complianceIssues", 8);
		mix.put("whatIf", 8);
		mix.put("write.addMember", 14);
		mix.put("write.transferMember", 11);
		mix.put("write.renameOrg", 8);
		mix.put("refuse.duplicateMemberId", 2);
		mix.put("refuse.memberInPartyGroup", 2);
		mix.put("refuse.whatIfUnknownOrg", 2);
		mix.put("refuse.analystWrites", 2);
		return mix;
	}

	static String pick(Map<String, Integer> mix, int roll) {
		int total = mix.values().stream().mapToInt(Integer::intValue).sum();
		int r = Math.floorMod(roll, total);
		for (Map.Entry<String, Integer> e : mix.entrySet()) {
			r -= e.getValue();
			if (r < 0) {
				return e.getKey();
			}
		}
		throw new IllegalStateException();
	}

	private double drive() throws InterruptedException {
		int n = this.options.clients();
		CountDownLatch ready = new CountDownLatch(n);
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		AtomicInteger crashed = new AtomicInteger();
		long[] deadline = new long[1];
		for (int c = 0; c < n; c++) {
			Client client = new Client(c, new Random(this.options.seed() * 1_000_003L + c));
			Thread t = new Thread(() -> {
				ready.countDown();
				try {
					go.await();
					client.loop(deadline[0]);
				}
				catch (Throwable ex) {
					crashed.incrementAndGet();
					this.recorder.record("driver", 0, Recorder.Outcome.UNEXPECTED, "client crashed: " + ex);
				}
			}, "client-" + c);
			threads.add(t);
			t.start();
		}
		Thread applier = new Thread(() -> {
			try {
				go.await();
				applyLane(deadline[0]);
			}
			catch (Throwable ex) {
				this.recorder.record("driver", 0, Recorder.Outcome.UNEXPECTED, "the apply lane crashed: " + ex);
			}
		}, "applier");
		applier.start();
		ready.await();
		long start = System.nanoTime();
		deadline[0] = start + this.options.seconds() * 1_000_000_000L;
		go.countDown();
		for (Thread t : threads) {
			t.join();
		}
		applier.join();
		return (System.nanoTime() - start) / 1e9;
	}

	static final String SAVE_SCENARIO = """
			mutation($name: String!, $within: ID, $ops: [OperationInput!]!) {
			  saveScenario(name: $name, within: $within, operations: $ops) { scenario { name } refusal errors { message } } }""";

	static final String APPLY_SCENARIO = """
			mutation($name: String!) { applyScenario(name: $name) {
			  scenario { appliedAt } orgsDissolved membersChanged refusal errors { message } } }""";

	/**
	 * The apply lane (issue #20): beside the clients, one ORG_ADMIN saves and applies each {@link ApplyPlan}
	 * in turn, spread over the run; {@code write.saveScenario} and {@code write.applyScenario} are timed
	 * apart. An apply counts as OK only when it wrote the scenario: {@code appliedAt} set, no refusal, the
	 * four merged branches dissolved and at least the three transferred members changed.
	 */
	private void applyLane(long deadline) throws InterruptedException {
		int n = this.applyPlans.size();
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			long at = start + (deadline - start) * (i + 1) / (n + 1);
			long wait = (at - System.nanoTime()) / 1_000_000;
			if (wait > 0) {
				Thread.sleep(wait);
			}
			if (System.nanoTime() >= deadline) {
				return;
			}
			ApplyPlan plan = this.applyPlans.get(i);
			String name = "load test " + this.tag + " " + plan.township().replaceAll("[^A-Za-z0-9]", "");
			try {
				// Saved again after a LIVE_GRAPH_CHANGED refusal, as a user is told to, up to three times:
				// the fingerprint covers the township's subtree and the orgs above it, so a client's
				// rename of the county or of that township makes a saved scenario stale.
				for (int attempt = 1; attempt <= 3 && System.nanoTime() < deadline; attempt++) {
					Map<String, Object> vars = new HashMap<>();
					vars.put("name", name + " " + attempt);
					vars.put("within", plan.township());
					vars.put("ops", plan.operations());
					Gql.Answer saved = this.orgAdmin.post(SAVE_SCENARIO, vars);
					boolean ok = saved.status() == 200 && !saved.hasErrors() && (name + " " + attempt)
						.equals(saved.data().path("saveScenario").path("scenario").path("name").asString(null));
					this.recorder.record("write.saveScenario", saved.nanos(), ok ? Recorder.Outcome.OK
							: Recorder.Outcome.UNEXPECTED, "a 10-operation scenario was not saved: " + saved.raw());
					if (!ok) {
						break;
					}
					Gql.Answer applied = this.orgAdmin.post(APPLY_SCENARIO, Map.of("name", name + " " + attempt));
					JsonNode payload = applied.data().path("applyScenario");
					boolean stale = applied.status() == 200 && !applied.hasErrors()
							&& "LIVE_GRAPH_CHANGED".equals(payload.path("refusal").asString(null));
					if (stale) {
						this.recorder.record("refuse.staleScenario", applied.nanos(), Recorder.Outcome.EXPECTED, "");
						continue;
					}
					boolean written = applied.status() == 200 && !applied.hasErrors() && absent(payload.path("refusal"))
							&& !absent(payload.path("scenario").path("appliedAt"))
							&& payload.path("orgsDissolved").size() == 4 && payload.path("membersChanged").asInt() >= 3;
					this.recorder.record("write.applyScenario", applied.nanos(), written ? Recorder.Outcome.OK
							: Recorder.Outcome.UNEXPECTED, "a 10-operation scenario was not applied: " + applied.raw());
					System.out.printf("apply lane: %s applied in %.0f ms%s%n", plan.township(), applied.nanos() / 1e6,
							written ? "" : " (not written)");
					break;
				}
			}
			catch (java.io.IOException ex) {
				this.recorder.record("write.applyScenario", 0, Recorder.Outcome.UNEXPECTED, ex.toString());
			}
		}
	}

	/** One client: its own random stream, its own members (so it knows their org) and its own org to rename. */
	private final class Client {

		private final int index;

		private final Random random;

		private final List<String> members = new ArrayList<>();

		private final Map<String, String> orgOf = new HashMap<>();

		private final String renameOrg;

		private int seq;

		Client(int index, Random random) {
			this.index = index;
			this.random = random;
			this.renameOrg = LoadTest.this.branches.get(index);
		}

		void loop(long deadline) throws InterruptedException {
			while (System.nanoTime() < deadline) {
				String kind = pick(MIX, this.random.nextInt(1 << 30));
				if (kind.equals("write.transferMember") && this.members.isEmpty()
						|| kind.equals("refuse.duplicateMemberId") && this.members.isEmpty()) {
					kind = "write.addMember";
				}
				run(kind);
			}
		}

		private <T> T any(List<T> list) {
			return list.get(this.random.nextInt(list.size()));
		}

		private String newId() {
			return LoadTest.this.tag + "-c" + this.index + "-" + (++this.seq);
		}

		private String nameOf(String id) {
			return "壓測" + id;
		}

		private void run(String kind) throws InterruptedException {
			String memberId = null;
			try {
				switch (kind) {
					case "read.org" -> expectData(kind, LoadTest.this.analyst.post(
							"query($id: ID!) { org(id: $id) " + ORG_FIELDS + " }", Map.of("id", any(LoadTest.this.readOrgs))));
					case "read.membersPage" -> expectData(kind, LoadTest.this.analyst.post("""
							query($id: ID!) { org(id: $id) { members(first: 20) {
							  totalCount edges { cursor node { id name status } } pageInfo { hasNextPage endCursor } } } }""",
							Map.of("id", any(LoadTest.this.branches))));
					case "read.patternSummary" -> {
						Map<String, Object> vars = new HashMap<>();
						vars.put("within", (this.random.nextInt(10) == 0) ? null : any(LoadTest.this.townships));
						expectData(kind, LoadTest.this.analyst.post(
								"query($within: ID) { patternSummary(within: $within) { pattern metrics { key value } } }", vars));
					}
					case "read.orgChart" -> expectData(kind, LoadTest.this.analyst.post("""
							query($root: ID!) { orgChart(root: $root, depth: 3) {
							  nodes { id label kind memberCount depth } edges { source target kind } } }""",
							Map.of("root", (this.random.nextInt(10) == 0) ? LoadTest.this.options.root()
									: any(LoadTest.this.townships))));
					case "read.complianceIssues" -> expectData(kind, LoadTest.this.analyst.post(
							"query($within: ID) { complianceIssues(within: $within) { rule severity orgId message } }",
							Map.of("within", any(LoadTest.this.townships))));
					case "whatIf" -> {
						WhatIfTemplate t = any(LoadTest.this.whatIfs);
						expectData(kind, LoadTest.this.analyst.post(WHAT_IF, Map.of("within", t.within(), "ops", t.operations())));
					}
					case "write.addMember" -> {
						memberId = newId();
						addMember(kind, memberId, any(LoadTest.this.branches), false);
					}
					case "write.transferMember" -> transfer(kind);
					case "write.renameOrg" -> {
						String name = LoadTest.this.branchNames.get(this.renameOrg) + "（" + LoadTest.this.tag + "-"
								+ (++this.seq) + "）";
						renameAsOrgAdmin(kind, name);
					}
					case "refuse.duplicateMemberId" -> {
						String id = any(this.members);
						Gql.Answer a = LoadTest.this.orgAdmin.post(ADD_MEMBER,
								Map.of("input", Map.of("id", id, "name", nameOf(id) + "-again", "status", "FULL", "org",
										any(LoadTest.this.branches))));
						JsonNode errors = a.data().path("addMember").path("errors");
						boolean refused = a.status() == 200 && !a.hasErrors() && a.data().path("addMember").path("member").isNull()
								&& errors.size() > 0 && errors.get(0).path("field").asString().equals("id");
						record(kind, a, refused ? Recorder.Outcome.EXPECTED : Recorder.Outcome.UNEXPECTED,
								"a taken id was not refused: " + a.raw());
					}
					case "refuse.memberInPartyGroup" -> {
						memberId = newId();
						addMember(kind, memberId, any(LoadTest.this.partyGroups), true);
					}
					case "refuse.whatIfUnknownOrg" -> {
						Gql.Answer a = LoadTest.this.analyst.post(WHAT_IF, Map.of("within", any(LoadTest.this.townships),
								"ops", List.of(Map.of("op", "ELECT_COMMITTEE", "org", "no-such-org-" + LoadTest.this.tag))));
						boolean refused = a.status() == 200 && a.hasErrors() && absent(a.data().path("whatIf"))
								&& a.errorSummary().startsWith("BAD_REQUEST: operation 0 ");
						record(kind, a, refused ? Recorder.Outcome.EXPECTED : Recorder.Outcome.UNEXPECTED,
								"an unknown org in a what-if was not refused as operation 0: " + a.raw());
					}
					case "refuse.analystWrites" -> {
						Gql.Answer a = LoadTest.this.analyst.post(RENAME, Map.of("id", this.renameOrg, "name",
								"analysts may not rename " + LoadTest.this.tag));
						boolean refused = a.status() == 200 && a.hasErrors() && absent(a.data().path("renameOrg"))
								&& a.errorSummary().startsWith("FORBIDDEN");
						record(kind, a, refused ? Recorder.Outcome.EXPECTED : Recorder.Outcome.UNEXPECTED,
								"an ANALYST's rename was not refused as FORBIDDEN: " + a.raw());
					}
					default -> throw new IllegalStateException(kind);
				}
			}
			catch (IOException ex) {
				// The outcome of a write is unknown: it may have happened (once) or not.
				if (memberId != null) {
					LoadTest.this.ledger.addUnknown(memberId);
				}
				LoadTest.this.recorder.record(kind, 0, Recorder.Outcome.UNEXPECTED, ex.toString());
			}
		}

		private void expectData(String kind, Gql.Answer a) {
			boolean ok = a.status() == 200 && !a.hasErrors() && a.data().size() > 0
					&& a.data().values().stream().noneMatch(JsonNode::isNull);
			record(kind, a, ok ? Recorder.Outcome.OK : Recorder.Outcome.UNEXPECTED, a.errorSummary());
		}

		private void record(String kind, Gql.Answer a, Recorder.Outcome outcome, String detail) {
			LoadTest.this.recorder.record(kind, a.nanos(), outcome, detail);
		}

		private void addMember(String kind, String id, String org, boolean expectRefusal)
				throws IOException, InterruptedException {
			Map<String, Object> input = new HashMap<>();
			input.put("id", id);
			input.put("name", nameOf(id));
			input.put("status", this.random.nextInt(5) == 0 ? "PROBATIONARY" : "FULL");
			input.put("org", org);
			input.put("trade", "BREEDING");
			Gql.Answer a;
			try {
				a = LoadTest.this.orgAdmin.post(ADD_MEMBER, Map.of("input", input));
			}
			catch (IOException ex) {
				LoadTest.this.ledger.addUnknown(id);
				throw ex;
			}
			JsonNode payload = a.data().path("addMember");
			boolean acknowledged = a.status() == 200 && !a.hasErrors() && payload.path("errors").isEmpty()
					&& id.equals(payload.path("member").path("id").asString(null))
					&& org.equals(payload.path("member").path("org").path("id").asString(null));
			if (acknowledged) {
				LoadTest.this.ledger.addAcknowledged(id, org);
				this.members.add(id);
				this.orgOf.put(id, org);
			}
			else if (a.status() == 200 && !a.hasErrors() && payload.path("member").isNull()) {
				LoadTest.this.ledger.addRefused(id);
			}
			else {
				LoadTest.this.ledger.addUnknown(id);
			}
			boolean refusedAsExpected = !acknowledged && a.status() == 200 && !a.hasErrors()
					&& payload.path("errors").size() > 0 && payload.path("errors").get(0).path("field").asString().equals("org");
			Recorder.Outcome outcome = expectRefusal ? (refusedAsExpected ? Recorder.Outcome.EXPECTED
					: Recorder.Outcome.UNEXPECTED) : (acknowledged ? Recorder.Outcome.OK : Recorder.Outcome.UNEXPECTED);
			record(kind, a, outcome, (expectRefusal ? "membership in a PARTY_GROUP was not refused: " : "") + a.raw());
		}

		private void transfer(String kind) throws IOException, InterruptedException {
			String member = any(this.members);
			String target;
			do {
				target = any(LoadTest.this.branches);
			}
			while (target.equals(this.orgOf.get(member)));
			Gql.Answer a;
			try {
				a = LoadTest.this.orgAdmin.post("""
						mutation($m: ID!, $to: ID!) { transferMember(member: $m, to: $to, reason: "load test") {
						  transfer { id member { id } to { id } } errors { item field message } } }""",
						Map.of("m", member, "to", target));
			}
			catch (IOException ex) {
				LoadTest.this.ledger.transferUnknown(member);
				throw ex;
			}
			JsonNode transfer = a.data().path("transferMember").path("transfer");
			boolean acknowledged = a.status() == 200 && !a.hasErrors()
					&& a.data().path("transferMember").path("errors").isEmpty()
					&& target.equals(transfer.path("to").path("id").asString(null)) && transfer.hasNonNull("id");
			if (acknowledged) {
				LoadTest.this.ledger.transferAcknowledged(member, transfer.path("id").asString(), target);
				this.orgOf.put(member, target);
			}
			else if (!(a.status() == 200 && !a.hasErrors() && transfer.isNull())) {
				LoadTest.this.ledger.transferUnknown(member);
			}
			record(kind, a, acknowledged ? Recorder.Outcome.OK : Recorder.Outcome.UNEXPECTED, a.raw());
		}

		private void renameAsOrgAdmin(String kind, String name) throws IOException, InterruptedException {
			Gql.Answer a;
			try {
				a = LoadTest.this.orgAdmin.post(RENAME, Map.of("id", this.renameOrg, "name", name));
			}
			catch (IOException ex) {
				LoadTest.this.ledger.renameUnknown(this.renameOrg, name);
				throw ex;
			}
			boolean acknowledged = a.status() == 200 && !a.hasErrors()
					&& a.data().path("renameOrg").path("errors").isEmpty()
					&& name.equals(a.data().path("renameOrg").path("org").path("name").asString(null));
			if (acknowledged) {
				LoadTest.this.ledger.renameAcknowledged(this.renameOrg, name);
			}
			else {
				LoadTest.this.ledger.renameUnknown(this.renameOrg, name);
			}
			record(kind, a, acknowledged ? Recorder.Outcome.OK : Recorder.Outcome.UNEXPECTED, a.raw());
		}

	}

	static boolean absent(JsonNode node) {
		return node.isNull() || node.isMissingNode();
	}

	static final String ADD_MEMBER = """
			mutation($input: AddMemberInput!) { addMember(input: $input) {
			  member { id org { id } } errors { item field message } } }""";

	static final String RENAME = """
			mutation($id: ID!, $name: String!) { renameOrg(id: $id, name: $name) {
			  org { id name } errors { item field message } } }""";

	// --- verification ------------------------------------------------------------------------------

	private List<String> verify() throws Exception {
		List<WriteLedger.ObservedMember> found = new ArrayList<>();
		String after = null;
		int totalCount = -1;
		do {
			Map<String, Object> vars = new HashMap<>();
			vars.put("name", "壓測" + this.tag);
			vars.put("after", after);
			JsonNode page = this.admin.data("""
					query($name: String!, $after: String) {
					  members(filter: {nameContains: $name}, sort: {field: ID}, first: 100, after: $after) {
					    totalCount edges { node { id org { id } transfers { id } } } pageInfo { hasNextPage endCursor } } }""",
					vars).path("members");
			totalCount = page.path("totalCount").asInt();
			for (JsonNode edge : page.path("edges")) {
				JsonNode node = edge.path("node");
				List<String> transfers = new ArrayList<>();
				node.path("transfers").forEach((t) -> transfers.add(t.path("id").asString()));
				found.add(new WriteLedger.ObservedMember(node.path("id").asString(), node.path("org").path("id").asString(),
						transfers));
			}
			after = page.path("pageInfo").path("hasNextPage").asBoolean()
					? page.path("pageInfo").path("endCursor").asString() : null;
		}
		while (after != null);
		List<String> problems = new ArrayList<>();
		if (totalCount != found.size()) {
			problems.add("members(filter: {nameContains}) says totalCount " + totalCount + " but listed " + found.size());
		}
		Map<String, String> names = new HashMap<>();
		List<String> renamed = new ArrayList<>(this.ledger.renamedOrgs());
		for (int i = 0; i < renamed.size(); i += 100) {
			List<String> chunk = renamed.subList(i, Math.min(renamed.size(), i + 100));
			for (JsonNode edge : this.admin
				.data("query($ids: [ID!]) { orgs(filter: {ids: $ids}, first: 100) { edges { node { id name } } } }",
						Map.of("ids", chunk))
				.path("orgs")
				.path("edges")) {
				names.put(edge.path("node").path("id").asString(), edge.path("node").path("name").asString());
			}
		}
		problems.addAll(this.ledger.verify(found, names));
		this.foundMembers = found.size();
		return problems;
	}

	private int foundMembers;

	private String loadBefore = "?";

	private String loadAfter = "?";

	/** The 1, 5 and 15 minute load averages. */
	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "?";
		}
	}

	// --- report ------------------------------------------------------------------------------------

	private String report(List<Recorder.Row> rows, double seconds, double startSeconds, List<String> problems,
			String rss, boolean passed) throws Exception {
		StringBuilder md = new StringBuilder();
		md.append("# Load test\n\n");
		md.append("Issue #6: concurrent clients on loopback mixing reads, what-ifs and small writes against the sample\n"
				+ "county, with every error classified and every write checked afterwards. Written by `bench/load-test`\n"
				+ "(`org.partygraph.bench.LoadTest`); run it again to replace this page.\n\n");
		md.append("## Result: ").append(passed ? "PASSED" : "FAILED").append("\n\n");
		md.append("```\n").append(this.options.command()).append("\n```\n\n");
		md.append("| | |\n|---|---|\n");
		md.append("| date (UTC) | ")
			.append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
			.append(" |\n");
		md.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (`nproc`), ")
			.append(memTotal()).append(" memory, ").append(cpuModel()).append(" |\n");
		md.append("| load average (1, 5, 15 min) | before the run ").append(this.loadBefore).append(", after it ")
			.append(this.loadAfter)
			.append(" (the machine is shared: other builds and tests may run at the same time) |\n");
		md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
			.append(" |\n");
		md.append("| java -version | ").append(javaVersion()).append(" |\n");
		md.append("| service | `java ").append(String.join(" ", this.options.serviceJvm()))
			.append(this.options.serviceJvm().isEmpty() ? "" : " ")
			.append("-jar api/target/party-graph.jar` on a fresh temporary data directory (sample county loaded on first start), embedded Neo4j; ")
			.append(String.format(Locale.ROOT, "healthy %.0f s after launch; resident memory after the run %s", startSeconds, rss))
			.append(" |\n");
		md.append("| load | ").append(this.options.clients()).append(" client threads, ")
			.append(String.format(Locale.ROOT, "%.1f s", seconds))
			.append(", each sending its next request as soon as the previous answer arrived (closed loop), HTTP/1.1 with Basic auth, on the same machine as the service (so the clients share its cores); request timeout ")
			.append(this.options.timeoutSeconds())
			.append(" s; seed ")
			.append(this.options.seed())
			.append(" |\n");
		md.append("| users | `lt-analyst` (ANALYST) for reads, what-ifs and the analyst-write refusal; `lt-orgadmin` (ORG_ADMIN) for writes; `admin` for setup and verification; BCrypt-hashed in `party-graph.security.users[i].*` |\n\n");
		md.append("## Latency and throughput\n\n");
		md.append(Recorder.table(rows)).append('\n');
		md.append("""
				Latency is the client's round trip (request sent to answer read). `req/s` is requests of that kind
				divided by the run's length.

				Every change (and every refused change, which is checked inside the same kind of transaction)
				locks the orgs and members it touches, and a member's present org (`WriteLocks.items` in
				`queries`); only changes of the tree's shape (create, move, dissolve an org) lock the whole
				dataset. So changes to different branches run side by side, and write latency is mostly the
				commit itself (each new member's name goes into the `member_name` text index, refreshed on every
				commit) and the share of the machine's two cores each request gets: the clients, the service and
				Neo4j share them, and the load average above says how busy the machine was with other work.
				Reads on one server carry no bookmarks (`party-graph.causal-consistency=auto`), so they never wait
				for writes in flight.
				""").append('\n');
		md.append("## What each operation does\n\n");
		md.append("""
				| operation | share | request |
				|---|---:|---|
				| `read.org` | 15 % | `org(id)` with `memberCount fullMemberCount` and its `children` with theirs; the county, a township or a branch |
				| `read.membersPage` | 12 % | a branch's `members(first: 20)` with `totalCount`, cursors, `pageInfo` |
				| `read.patternSummary` | 8 % | `patternSummary(within: township)`, one in ten for everything |
				| `read.orgChart` | 8 % | `orgChart(root: township, depth: 3)`, one in ten from the county |
				| `read.complianceIssues` | 8 % | `complianceIssues(within: township)` |
				| `whatIf` | 8 % | `whatIf(within: township)` with 4 operations: ELECT_COMMITTEE, UPGRADE to GENERAL_BRANCH, SPLIT_BY_TRADE, ADD_CO_MANAGER |
				| `write.addMember` | 14 % | `addMember` with an id unique per run, client and sequence, into a random branch |
				| `write.transferMember` | 11 % | `transferMember` of one of the client's own added members to another branch |
				| `write.renameOrg` | 8 % | `renameOrg` of the client's own branch (one per client) to a new name |
				| `refuse.duplicateMemberId` | 2 % | `addMember` again with an id the client already added: expected refusal, `errors[0].field = "id"` |
				| `refuse.memberInPartyGroup` | 2 % | `addMember` with a new id into a PARTY_GROUP: expected refusal, `errors[0].field = "org"`, nothing written |
				| `refuse.whatIfUnknownOrg` | 2 % | `whatIf` naming an org that does not exist: expected `BAD_REQUEST` error naming operation 0 |
				| `refuse.analystWrites` | 2 % | `renameOrg` as the ANALYST: expected `FORBIDDEN`, nothing renamed |
				| `write.saveScenario`, `write.applyScenario` | apart | the apply lane (issue #20), one more thread beside the clients: for each of `--apply-townships` townships (default 4; the clients never write inside them), spread over the run, `saveScenario` then `applyScenario` of ten operations (two MERGEs of village branches, two ELECT_COMMITTEE, three TRANSFER_MEMBER from one village's branch into another's, three ASSIGN_ROLE DEPUTY_SECRETARY there); OK only when applied with the four merged branches dissolved. A `LIVE_GRAPH_CHANGED` refusal (the scenario's fingerprint covers the township's subtree and the orgs above it, so a client's rename of the county or of that township makes it stale) is counted as `refuse.staleScenario` and the scenario saved again and applied, up to three times |

				An error is *expected* only when it is exactly the refusal the request was built to provoke.
				Anything else (an error in the answer, a status other than 200, a timeout, a broken connection,
				a refusal that did not come) is *unexpected* and fails the run.

				""");
		md.append("## Writes checked afterwards\n\n");
		md.append("All members carrying the run's name tag were listed (`members(filter: {nameContains})`, paged by id,\n"
				+ "with `org { id }` and `transfers { id }`), and each renamed org read back (`orgs(filter: {ids})`).\n\n");
		md.append("| check | figure |\n|---|---:|\n");
		md.append("| acknowledged `addMember` | ").append(this.ledger.acknowledgedAdds()).append(" |\n");
		md.append("| members found with the run's tag | ").append(this.foundMembers).append(" |\n");
		md.append("| refused adds (must not exist) | ").append(this.ledger.refusedAdds()).append(" |\n");
		md.append("| acknowledged `transferMember` (history entries must match one to one, by transfer id) | ")
			.append(this.ledger.acknowledgedTransfers())
			.append(" |\n");
		md.append("| orgs renamed (each must carry its last acknowledged name) | ").append(this.ledger.acknowledgedRenames())
			.append(" |\n");
		md.append("| lost, duplicated, unacknowledged or misplaced writes | ").append(problems.size()).append(" |\n\n");
		if (!problems.isEmpty()) {
			md.append("Problems:\n\n");
			problems.stream().limit(50).forEach((p) -> md.append("- ").append(p).append('\n'));
			md.append('\n');
		}
		List<String> unexpected = this.recorder.unexpectedDetails();
		if (!unexpected.isEmpty()) {
			md.append("Unexpected errors (up to 20 per operation):\n\n");
			unexpected.forEach((u) -> md.append("- ").append(u.replace('\n', ' ')).append('\n'));
			md.append('\n');
		}
		return md.toString();
	}

	private static String memTotal() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					long kb = Long.parseLong(line.replaceAll("\\D", ""));
					return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return "? GiB";
	}

	private static String cpuModel() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return "";
	}

	private static String javaVersion() {
		try {
			Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
				.redirectErrorStream(true)
				.start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			p.waitFor();
			return out.replace("\n", "; ");
		}
		catch (IOException | InterruptedException ex) {
			return System.getProperty("java.version");
		}
	}

	static String residentMemory(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					long kb = Long.parseLong(line.replaceAll("\\D", ""));
					return String.format(Locale.ROOT, "%.2f GiB", kb / 1024.0 / 1024.0);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return "?";
	}

	private static void deleteTree(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("could not delete " + dir + ": " + ex.getMessage());
		}
	}

}
