package org.partygraph.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;
import org.partygraph.api.StatementRecorder.Mode;
import org.partygraph.api.StatementRecorder.Statement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every standard analyst query, sent over GraphQL to the service on the sample county: each
 * statement the service runs for it (recorded at the driver, so the rule-check snapshot counts too)
 * ran in a read transaction, and its {@code EXPLAIN} plan, with the same parameters on the same
 * Neo4j, reads no {@code Member} (nor {@code Candidate}) by scanning: no label scan or full index
 * scan over Member or Candidate and no scan of all nodes. Members are reached from an index seek
 * or by a traversal from one.
 */
class QueryPlansIT extends ServiceTestBase {

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
		standard("search members by pinyin", """
				query($name: String!) { members(filter: {nameContains: $name}, sort: {field: NAME}, first: 20) { totalCount
				  edges { node { id name } } } }""", Map.of("name", "zhanggang"));
		standard("search orgs by simplified name", """
				query($name: String!) { orgs(filter: {nameContains: $name}, sort: {field: NAME}, first: 20) { totalCount
				  edges { node { id name kind memberCount } } } }""", Map.of("name", "下寨村党总支"));
		standard("search units by initials", """
				query($name: String!) { units(filter: {nameContains: $name}, first: 20) { totalCount
				  edges { node { id name kind } } } }""", Map.of("name", "xzc"));
		standard("complianceIssues within county", """
				query($within: ID) { complianceIssues(within: $within) { rule severity orgId message } }""",
				Map.of("within", "o-county"));
		standard("complianceIssues everything", """
				{ complianceIssues { rule severity orgId message } }""", Map.of());
		standard("termsDue within county", """
				query($within: ID) { termsDue(within: $within, before: "2027-06-07") { id name kind term { electedOn endsOn } } }""",
				Map.of("within", "o-county"));
		// the candidates an org developed: from the org, and those it handed on from the handedOn index
		standard("candidates of an org, on a past day", """
				query($org: ID!) { candidates(org: $org, asOf: "2026-01-05") { id name stage appliedOn } }""",
				Map.of("org", "o-v-xz"));
		standard("whatIf within township", """
				query($within: ID, $ops: [OperationInput!]!) { whatIf(within: $within, operations: $ops) {
				  before { key value } after { key value } issuesFixed { rule orgId } membersMoved changes } }""",
				Map.of("within", "o-t-hbt", "ops", List.of(Map.of("op", "ELECT_COMMITTEE", "org", "o-v-xz"))));
	}

	// The read compiler's statements (on by default) for the benchmark's compared shapes
	// (bench/.../ComparedShapes, issue #17) and the README's reads: each one statement per root field.
	static {
		Map<String, Object> township = Map.of("id", "o-t-hbt");
		Map<String, Object> village = Map.of("id", "o-v-xz");
		standard("compiled: org, two levels of children", """
				query($id: ID!) { org(id: $id) { id name kind children { id name kind children { id name kind } } } }""",
				township);
		standard("compiled: org's children with co-managers and units", """
				query($id: ID!) { org(id: $id) { id children { id name kind coManagers { id name kind } units { id name kind } } } }""",
				township);
		// members by status alone: the member_status index (V0011), not every member
		standard("compiled: probationary members, a page, with their org", """
				query { members(filter: {status: PROBATIONARY}, sort: {field: ID}, first: 50) {
				  edges { node { id name status org { id name } } } } }""", Map.of());
		standard("compiled: org's children with a page of their members", """
				query($id: ID!) { org(id: $id) { id children { id name
				  members(first: 10, direct: true) { edges { node { id name status } } } } } }""", township);
		standard("compiled: org's ancestors, three levels", """
				query($id: ID!) { org(id: $id) { id name parent { id name kind parent { id name kind parent { id name } } } } }""",
				village);
		standard("compiled: org's members page with their units and where those lie", """
				query($id: ID!) { org(id: $id) { id members(first: 20, direct: true) { edges { node { id name
				  unit { id name locatedIn { id name } } } } } } }""", village);
		standard("compiled: member with org, its parent, and where they take part", """
				query($id: ID!) { member(id: $id) { id name status org { id name kind parent { id name } }
				  participatesIn { id name kind } } }""", Map.of("id", "m-04958"));
		standard("compiled: member's org with its units, co-managers and parent's units", """
				query($id: ID!) { member(id: $id) { id org { id units { id name } coManagers { id name }
				  parent { id units { id name } } } } }""", Map.of("id", "m-04958"));
		standard("compiled: unit's locatedIn chain", """
				query($id: ID!) { unit(id: $id) { id name kind locatedIn { id name kind locatedIn { id name kind
				  locatedIn { id name kind } } } } }""", Map.of("id", "u-e-01"));
		standard("compiled: unit's orgs with their parents and co-managers", """
				query($id: ID!) { unit(id: $id) { id orgs { id name kind parent { id name } coManagers { id name } } } }""",
				Map.of("id", "u-v-xz"));
		standard("compiled: unit contains, two levels, with their orgs", """
				query($id: ID!) { unit(id: $id) { id contains { id name kind orgs { id } contains { id name kind } } } }""",
				Map.of("id", "u-t-hbt"));
		standard("compiled: orgs of a kind, a page, with counts and parent", """
				{ orgs(filter: {kinds: [JOINT_BRANCH]}, sort: {field: ID}, first: 50) {
				  edges { node { id name kind memberCount parent { id name } } } } }""", Map.of());
		standard("compiled: leading enterprises, a page, with location and orgs", """
				{ units(filter: {kinds: [ENTERPRISE], leading: true}, sort: {field: ID}, first: 50) {
				  edges { node { id name locatedIn { id name } orgs { id name kind } } } } }""", Map.of());
		standard("compiled: README org", """
				{ org(id: "o-e-01") { name kind hasCommittee patterns ancestors { name } coManagers { name kind }
				  units { name kind } secretary { name } officers { role member { name } } memberCount fullMemberCount
				  members(first: 5) { totalCount edges { node { name status } } pageInfo { hasNextPage endCursor } } } }""",
				Map.of());
		standard("compiled: README name searches", """
				{ simplified: orgs(filter: { nameContains: "下寨村党" }, sort: { field: NAME }) { totalCount edges { node { name } } }
				  pinyin: units(filter: { nameContains: "xiazhai" }) { totalCount edges { node { name kind } } }
				  initials: orgs(filter: { nameContains: "xzcdzz" }) { totalCount edges { node { id name } } }
				  members(filter: { nameContains: "张刚" }, sort: { field: NAME }, first: 5) { totalCount edges { node { name } } } }""",
				Map.of());
		standard("compiled: README dual management", """
				{ orgs(filter: { hasCoManager: true }, first: 50) { totalCount edges { node { name coManagers { name } } } }
				  coManagedByHbt: orgs(filter: { coManagedBy: "o-t-hbt" }) { totalCount edges { node { name memberCount } } }
				  org(id: "o-t-hbt") { coManages { name } inTerritoryNotLed { name kind parent { name } } } }""", Map.of());
		standard("compiled: README filtered lists", """
				{ orgs(filter: { township: "o-t-hbt", kinds: [BRANCH, JOINT_BRANCH], minMembers: 20 },
				       sort: { field: MEMBER_COUNT, descending: true }, first: 10) {
				    totalCount edges { node { name kind memberCount fullMemberCount } } pageInfo { hasNextPage endCursor } }
				  members(filter: { within: "o-v-xz", trade: BREEDING, status: FULL }, sort: { field: JOINED }) {
				    totalCount edges { node { name joined org { name } } } }
				  units(filter: { kinds: [VILLAGE], industryCluster: true, hasOrg: true }) { totalCount } }""", Map.of());
	}

	private static void standard(String name, String document, Map<String, Object> variables) {
		STANDARD.put(name, Map.entry(document, variables));
	}

	/** Operators that read every Member (or every node): label scans, full index scans, all-nodes scans. */
	private static final Pattern MEMBER = Pattern.compile(":\\s*(Member|Candidate)\\b");

	@Autowired
	StatementRecorder recorder;

	@Autowired
	Driver driver;

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

	/**
	 * Every name search that starts from the whole store (orgs, members, units; in any script, by
	 * pinyin or initials) starts from the text index on the folded name key: its plan has a
	 * {@code NodeIndexContainsScan} of that label's {@code nameKey} and no label scan at all.
	 */
	@Test
	void nameSearchesStartFromTheTextIndexOfTheirLabel() {
		Map<String, String> searches = new LinkedHashMap<>();
		searches.put("Org", "{ orgs(filter: {nameContains: \"黨支部\"}, sort: {field: NAME}, first: 5) { totalCount } }");
		searches.put("Org ", "{ orgs(filter: {nameContains: \"xiazhai\"}, first: 5) { totalCount } }");
		searches.put("Member", "{ members(filter: {nameContains: \"张\"}, sort: {field: NAME}, first: 5) { totalCount } }");
		searches.put("Member ", "{ members(filter: {nameContains: \"zhang\"}, first: 5) { totalCount } }");
		searches.put("Unit", "{ units(filter: {nameContains: \"下寨\"}, sort: {field: NAME}, first: 5) { totalCount } }");
		searches.put("Unit ", "{ units(filter: {nameContains: \"xzc\"}, first: 5) { totalCount } }");
		for (var search : searches.entrySet()) {
			String label = search.getKey().strip();
			this.recorder.start();
			List<Statement> statements;
			try {
				this.graphQl.document(search.getValue()).execute().errors().verify();
			}
			finally {
				statements = this.recorder.stop();
			}
			List<String> leaves = new ArrayList<>();
			for (Statement statement : statements) {
				walk(explain(statement), leaves, new ArrayList<>());
			}
			assertThat(leaves).as(search.getValue())
				.anySatisfy((leaf) -> assertThat(leaf).startsWith("NodeIndexContainsScan")
					.contains("TEXT INDEX")
					.contains(":" + label + "(nameKey)"))
				.noneSatisfy((leaf) -> assertThat(leaf).contains("LabelScan"))
				.noneSatisfy((leaf) -> assertThat(leaf).startsWith("AllNodesScan"));
		}
	}

	/** The check itself sees a scan: a whole-graph member list (not a standard query) scans Member. */
	@Test
	void theCheckSeesAMemberScan() {
		Plan plan = explain(new Statement(new Query("MATCH (m:Member) WHERE m.trade = $trade RETURN m.id",
				Map.of("trade", "BREEDING")), Mode.READ));
		List<String> offending = new ArrayList<>();
		walk(plan, new ArrayList<>(), offending);
		assertThat(offending).singleElement().asString().startsWith("NodeByLabelScan").contains("m:Member");

		// the candidates an org handed on, looked for in every candidate's list (as before V0014)
		plan = explain(new Statement(new Query("MATCH (c:Candidate) WHERE $org IN c.formerOrgs RETURN c.id",
				Map.of("org", "o-v-xz")), Mode.READ));
		offending.clear();
		walk(plan, new ArrayList<>(), offending);
		assertThat(offending).singleElement().asString().startsWith("NodeByLabelScan").contains("c:Candidate");

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
