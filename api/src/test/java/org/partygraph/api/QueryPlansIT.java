package org.partygraph.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;
import org.partygraph.api.StatementRecorder.Mode;
import org.partygraph.api.StatementRecorder.Statement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every standard analyst query, sent over GraphQL to the service on the sample county: each
 * statement the service runs for it (recorded at the driver, so the rule-check snapshot counts too)
 * ran in a read transaction, and its {@code EXPLAIN} plan, with the same parameters on the same
 * Neo4j, reads no {@code Member} by scanning: no label scan or full index scan over Member and
 * no scan of all nodes. Members are reached from an index seek or by a traversal from one.
 */
@ServiceTest
@Import(StatementRecorder.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlansIT {

	/** The standard analyst queries (issue #7), by name: document and variables. */
	static final Map<String, Map.Entry<String, Map<String, Object>>> STANDARD = new LinkedHashMap<>();

	static {
		standard("org with subtree counts and children", """
				query($id: ID!) { org(id: $id) { id name kind memberCount fullMemberCount
				  children { id name kind memberCount fullMemberCount } } }""", Map.of("id", "o-county"));
		standard("township dual management", """
				query($t: ID!) { orgs(filter: {township: $t, hasCoManager: true}, first: 50) { totalCount
				  edges { node { id name kind memberCount parent { id name } coManagers { id name kind } units { id name } } } } }""",
				Map.of("t", "o-t-hbt"));
		standard("orgs a township co-manages", """
				query($t: ID!) { orgs(filter: {coManagedBy: $t}, sort: {field: ID}, first: 100) { totalCount
				  edges { node { id name memberCount fullMemberCount coManagers { id name } } } } }""",
				Map.of("t", "o-t-hbt"));
		standard("township co-managed orgs within", """
				query($t: ID!) { org(id: $t) { name coManages { id name memberCount parent { name } } } }""",
				Map.of("t", "o-t-hbt"));
		standard("patternSummary within county", """
				query($within: ID) { patternSummary(within: $within) { pattern metrics { key value } } }""",
				Map.of("within", "o-county"));
		standard("patternSummary everything", """
				{ patternSummary { pattern metrics { key value } } }""", Map.of());
		standard("orgChart depth 3", """
				query($root: ID!) { orgChart(root: $root, depth: 3) {
				  nodes { id label kind unit memberCount fullMemberCount depth parent childCount external }
				  edges { source target kind } } }""", Map.of("root", "o-county"));
		standard("members page of an org", """
				query($id: ID!) { org(id: $id) { members(first: 20) { totalCount
				  edges { cursor node { id name status org { id } } } pageInfo { hasNextPage endCursor } } } }""",
				Map.of("id", "o-t-hbt"));
		standard("member by id", """
				query($id: ID!) { member(id: $id) { id name status trade joined org { id name } group { id }
				  unit { id name } roles { role org { id } } } }""", Map.of("id", "m-04958"));
		standard("search members by name", """
				query($name: String!) { members(filter: {nameContains: $name}, first: 20) { totalCount
				  edges { node { id name status org { id name } } } } }""", Map.of("name", "張剛"));
		standard("search members by name within an org", """
				query($name: String!, $within: ID!) { members(filter: {nameContains: $name, within: $within}, first: 20) {
				  totalCount edges { node { id name } } } }""", Map.of("name", "張", "within", "o-t-hbt"));
		standard("complianceIssues within county", """
				query($within: ID) { complianceIssues(within: $within) { rule severity orgId message } }""",
				Map.of("within", "o-county"));
		standard("complianceIssues everything", """
				{ complianceIssues { rule severity orgId message } }""", Map.of());
		standard("whatIf within township", """
				query($within: ID, $ops: [OperationInput!]!) { whatIf(within: $within, operations: $ops) {
				  before { key value } after { key value } issuesFixed { rule orgId } membersMoved changes } }""",
				Map.of("within", "o-t-hbt", "ops", List.of(Map.of("op", "ELECT_COMMITTEE", "org", "o-v-xz"))));
	}

	private static void standard(String name, String document, Map<String, Object> variables) {
		STANDARD.put(name, Map.entry(document, variables));
	}

	/** Operators that read every Member (or every node): label scans, full index scans, all-nodes scans. */
	private static final Pattern MEMBER = Pattern.compile(":\\s*Member\\b");

	@LocalServerPort
	int port;

	@Autowired
	StatementRecorder recorder;

	@Autowired
	Driver driver;

	HttpGraphQlTester graphQl;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApp.properties(registry);
		// Nothing but the test's own requests runs while statements are recorded.
		registry.add("party-graph.warm-up", () -> "false");
	}

	@BeforeAll
	void tester() {
		this.graphQl = TestApp.tester(this.port, "admin", TestApp.ADMIN_PASSWORD);
	}

	@Test
	void noStandardQueryScansMembers() {
		List<String> failures = new ArrayList<>();
		StringBuilder report = new StringBuilder("Query plans of the standard queries on the sample county:\n");
		for (var query : STANDARD.entrySet()) {
			String name = query.getKey();
			this.recorder.start();
			try {
				var request = this.graphQl.document(query.getValue().getKey());
				query.getValue().getValue().forEach(request::variable);
				request.execute()
					.errors()
					.verify();
			}
			finally {
				List<Statement> statements = this.recorder.stop();
				report.append("\n").append(name).append(": ").append(statements.size()).append(" statements\n");
				if (statements.isEmpty()) {
					failures.add(name + ": ran no statement at all (is the recorder wired?)");
				}
				for (Statement statement : statements) {
					Plan plan = explain(statement);
					List<String> scans = new ArrayList<>();
					List<String> offending = new ArrayList<>();
					walk(plan, scans, offending);
					report.append("  ").append(statement.mode()).append(" ").append(firstLine(statement.text()))
						.append("\n    leaves: ").append(String.join(", ", scans)).append("\n");
					if (statement.mode() != Mode.READ) {
						failures.add(name + ": ran outside a read transaction (" + statement.mode() + "):\n"
								+ statement.text());
					}
					for (String operator : offending) {
						failures.add(name + ": " + operator + " in\n" + statement.text() + "\nparameters "
								+ statement.parameters());
					}
				}
			}
		}
		System.out.println(report);
		assertThat(failures).as("standard queries that scan Member (the report above lists every statement)")
			.isEmpty();
		assertThat(STANDARD).hasSizeGreaterThanOrEqualTo(10);
	}

	/** The check itself sees a scan: a whole-graph member list (not a standard query) scans Member. */
	@Test
	void theCheckSeesAMemberScan() {
		Plan plan = explain(new Statement(new Query("MATCH (m:Member) WHERE m.status = $status RETURN m.id",
				Map.of("status", "FULL")), Mode.READ));
		List<String> offending = new ArrayList<>();
		walk(plan, new ArrayList<>(), offending);
		assertThat(offending).singleElement().asString().startsWith("NodeByLabelScan").contains("m:Member");

		plan = explain(new Statement(new Query("MATCH (n) WHERE n.id = $id RETURN n", Map.of("id", "m-04958")),
				Mode.READ));
		offending.clear();
		walk(plan, new ArrayList<>(), offending);
		assertThat(offending).singleElement().asString().startsWith("AllNodesScan");
	}

	private Plan explain(Statement statement) {
		try (Session session = this.driver.session()) {
			return session.executeRead(
					(tx) -> tx.run(new Query("EXPLAIN " + statement.text(), statement.query().parameters()))
						.consume()
						.plan());
		}
	}

	/**
	 * Collects the leaf operators (where rows come from) into {@code leaves} and the operators that
	 * read every Member or every node into {@code offending}.
	 */
	static void walk(Plan plan, List<String> leaves, List<String> offending) {
		String operator = plan.operatorType();
		String base = operator.contains("@") ? operator.substring(0, operator.indexOf('@')) : operator;
		String details = plan.arguments().containsKey("Details") ? plan.arguments().get("Details").asString() : "";
		String shown = base + (details.isEmpty() ? "" : "(" + details + ")");
		boolean labelScan = base.endsWith("LabelScan") || base.endsWith("LabelsScan");
		// A NodeIndexScan (not Seek) reads the whole index: every node of the label.
		boolean fullIndexScan = base.equals("NodeIndexScan");
		if (base.equals("AllNodesScan") || ((labelScan || fullIndexScan) && MEMBER.matcher(details).find())) {
			offending.add(operator + " " + details);
		}
		if (plan.children().isEmpty() || labelScan || base.contains("Index") || base.equals("AllNodesScan")) {
			leaves.add(shown);
		}
		for (Plan child : plan.children()) {
			walk(child, leaves, offending);
		}
	}

	private static String firstLine(String text) {
		String oneLine = text.strip().replaceAll("\\s+", " ");
		return (oneLine.length() > 110) ? oneLine.substring(0, 110) + "…" : oneLine;
	}

}
