package org.partygraph.api.limits;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.partygraph.api.TestApp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service with a short database timeout (3s), a what-if budget no what-if fits in (1ms), and one
 * request running at a time that the others wait for at most 1s, over HTTP on the sample county:
 * a change held up in the database past the timeout answers a clear TIMEOUT error and writes
 * nothing; a request that finds the one slot taken past the wait answers a BUSY error naming the
 * setting; every what-if is refused naming the budget and saves nothing; the service keeps answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeLimitsIT {

	@LocalServerPort
	int port;

	/** Boot's plain driver, to hold a lock the way another client would. */
	@Autowired
	Driver driver;

	HttpGraphQlTester admin;

	@Autowired
	Admission admission;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApp.properties(registry);
		registry.add("party-graph.limits.database-timeout", () -> "3s");
		registry.add("party-graph.limits.what-if-budget", () -> "1ms");
		registry.add("party-graph.limits.concurrent-requests", () -> "1");
		registry.add("party-graph.limits.queue-wait", () -> "1s");
	}

	@BeforeAll
	void login() {
		this.admin = TestApp.tester(this.port, "admin", TestApp.ADMIN_PASSWORD);
	}

	@Test
	void aChangeHeldUpPastTheDatabaseTimeoutAnswersATimeoutErrorAndWritesNothing() {
		String name = this.admin.document("{ org(id: \"o-v-xz\") { name } }").execute().path("org.name")
			.entity(String.class).get();
		String rename = "mutation { renameOrg(id: \"o-v-xz\", name: \"超時\") { org { name } errors { field message } } }";
		GraphQlTester.Response response;
		long started;
		double seconds;
		// Another client holds the org's write lock, so the rename waits in the database.
		try (Session session = this.driver.session(); Transaction holder = session.beginTransaction()) {
			holder.run("MATCH (o:Org {id: 'o-v-xz'}) SET o.name = o.name").consume();
			started = System.nanoTime();
			response = this.admin.document(rename).execute();
			seconds = (System.nanoTime() - started) / 1e9;
			holder.rollback();
		}
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
			assertThat(e.getErrorType().toString()).isEqualTo("TIMEOUT");
			assertThat(e.getPath()).isEqualTo("renameOrg");
			assertThat(e.getMessage()).startsWith("The database did not answer within 3s (party-graph.limits.database-timeout)")
				.contains("nothing was written")
				.doesNotContain("Exception");
		}));
		assertThat(seconds).as("stopped by the 3s timeout, not waiting for the lock holder").isBetween(2.5, 20.0);
		// Nothing was written, and the service answers and changes as usual afterwards.
		this.admin.document("{ org(id: \"o-v-xz\") { name } }").execute().path("org.name").entity(String.class)
			.isEqualTo(name);
		this.admin.document(rename).execute().path("renameOrg.org.name").entity(String.class).isEqualTo("超時");
		this.admin.document("mutation { renameOrg(id: \"o-v-xz\", name: \"" + name + "\") { org { name } } }")
			.execute()
			.path("renameOrg.org.name").entity(String.class).isEqualTo(name);
	}

	/**
	 * The one slot held by a change waiting in the database on a lock another client holds: a read
	 * sent meanwhile waits its 1s and is turned away (BUSY, naming party-graph.limits.queue-wait, in
	 * the request's language); the change then runs into the 3s timeout, and the next read goes in.
	 */
	@Test
	void aRequestThatFindsEverySlotTakenPastTheWaitIsTurnedAway() throws Exception {
		String rename = "mutation { renameOrg(id: \"o-v-xz\", name: \"排隊\") { org { name } errors { message } } }";
		java.util.concurrent.CompletableFuture<GraphQlTester.Response> held;
		try (Session session = this.driver.session(); Transaction holder = session.beginTransaction()) {
			holder.run("MATCH (o:Org {id: 'o-v-xz'}) SET o.name = o.name").consume();
			held = java.util.concurrent.CompletableFuture.supplyAsync(() -> this.admin.document(rename).execute());
			long until = System.nanoTime() + 10_000_000_000L;
			while (this.admission.running() < 1 && System.nanoTime() < until) {
				Thread.sleep(10);
			}
			assertThat(this.admission.running()).as("the rename holds the one slot").isOne();
			long started = System.nanoTime();
			GraphQlTester.Response busy = TestApp.tester(this.port, "admin", TestApp.ADMIN_PASSWORD)
				.mutate()
				.header("Accept-Language", "zh-CN")
				.build()
				.document("{ org(id: \"o-v-xz\") { name } }")
				.execute();
			double seconds = (System.nanoTime() - started) / 1e9;
			busy.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.getErrorType().toString()).isEqualTo("BUSY");
				assertThat(e.getMessage()).startsWith("服务繁忙：1个请求正在执行")
					.contains("party-graph.limits.queue-wait");
			}));
			assertThat((Object) busy.returnResponse().getData()).isNull();
			assertThat(seconds).as("turned away after its 1s wait").isBetween(0.9, 2.9);
			// The lock still held: the rename runs into the database timeout.
			held.get(30, java.util.concurrent.TimeUnit.SECONDS).errors().satisfy((errors) -> assertThat(errors)
				.singleElement()
				.satisfies((e) -> assertThat(e.getErrorType().toString()).isEqualTo("TIMEOUT")));
			holder.rollback();
		}
		assertThat(this.admission.running()).isZero();
		this.admin.document("{ org(id: \"o-v-xz\") { name } }").execute().path("org.name").entity(String.class)
			.satisfies((name) -> assertThat(name).isNotEqualTo("排隊"));
	}

	@Test
	void everyWhatIfPastItsBudgetIsRefusedNamingTheBudgetAndSavesNothing() {
		budgetRefused(this.admin.document("{ whatIf(operations: [{op: ELECT_COMMITTEE, org: \"o-v-xz\"}]) { membersMoved } }")
			.execute(), "whatIf");
		budgetRefused(this.admin.document("{ suggestedScenarios(within: \"o-t-hbt\") { name } }").execute(),
				"suggestedScenarios");
		budgetRefused(this.admin.document("mutation { saveScenario(name: \"over-budget\", within: \"o-county\", operations: [{op: ELECT_COMMITTEE, org: \"o-v-xz\"}]) { scenario { name } errors { field } } }")
			.execute(), "saveScenario");
		this.admin.document("{ scenario(name: \"over-budget\") { name } scenarios { name } }")
			.execute()
			.path("scenario").valueIsNull()
			.path("scenarios").entityList(Object.class).hasSize(0);
		// What is not a what-if is not under the budget. A run can pass this test's 3s database timeout
		// on a busy machine (the first, cold one above all: statements planned, code compiled); whatever
		// it answers, it is never the what-if budget, and one of three runs answers.
		boolean answered = false;
		for (int run = 0; run < 3 && !answered; run++) {
			List<ResponseError> errors = new ArrayList<>();
			this.admin.document("{ complianceIssues(within: \"o-t-hbt\") { rule } }")
				.execute()
				.errors()
				.satisfy(errors::addAll);
			assertThat(errors).noneSatisfy(
					(e) -> assertThat(e.getMessage()).contains("party-graph.limits.what-if-budget"));
			answered = errors.isEmpty();
		}
		assertThat(answered).as("complianceIssues answered in one of three runs").isTrue();
	}

	private static void budgetRefused(GraphQlTester.Response response, String path) {
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((ResponseError e) -> {
			assertThat(e.getErrorType().toString()).isEqualTo("TIMEOUT");
			assertThat(e.getPath()).isEqualTo(path);
			assertThat(e.getMessage()).startsWith("The what-if took longer than its time budget of 1ms "
					+ "(party-graph.limits.what-if-budget) and was stopped while ")
				.contains("nothing was written");
		}));
		// The fields are non-null, so the whole data is null: no partial report.
		assertThat((Object) response.returnResponse().getData()).isNull();
	}


}
