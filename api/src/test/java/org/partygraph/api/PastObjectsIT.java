package org.partygraph.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code asOf} on {@code org}, {@code orgs}, {@code member} and {@code members} against real dated
 * changes: a county ({@link MovedBranchCounty}, ids po-…) imported 30 days ago, its branch po-b1 moved
 * from township po-t1 to po-t2 10 days ago; 6 days ago po-m1 became the branch's secretary; 5 days
 * ago po-t1 was renamed; 4 days ago po-m2 was transferred from po-t1 to the branch; 2 days ago the
 * branch was dissolved, its members to po-t2. Each read is checked on the days around each change,
 * every field below the root of that day; a dissolved org is found before its dissolution; scoped
 * callers see their scope's subtree of the day, less what lies outside their scope today; a role
 * a field requires is still required. That asOf today answers exactly today's reads, for every
 * field, role and scope, is {@code CompiledReadsIT}'s.
 */
class PastObjectsIT extends ServiceTestBase {

	private static final String DATASET = "過去讀測試";

	/** A second county, whose first township co-manages the first county's second township. */
	private static final String OTHER_DATASET = "過去讀測試鄰縣";

	@Autowired
	Driver driver;

	private LocalDate today;

	private static final String ORG = """
			query($id: ID!, $asOf: Date) { org(id: $id, asOf: $asOf) {
			  id name kind dataset parent { id name } ancestors { id } children { id } memberCount fullMemberCount
			  members { totalCount edges { node { id org { id } } } }
			  secretary { id } officers { role member { id } org { id } }
			  managementChain { manager { id } distance via }
			  history { kind } } }""";

	private static final String MEMBER = """
			query($id: ID!, $asOf: Date) { member(id: $id, asOf: $asOf) {
			  id name org { id name parent { id } } roles { role org { id } } transfers { on } } }""";

	private static final String ORGS = """
			query($within: ID, $asOf: Date, $name: String) {
			  orgs(filter: {within: $within, nameContains: $name}, asOf: $asOf) { totalCount edges { node { id name } } } }""";

	private static final String MEMBERS = """
			query($within: ID, $asOf: Date) {
			  members(filter: {within: $within}, asOf: $asOf) { totalCount edges { node { id org { id } } } } }""";

	@BeforeAll
	void theCountyAndItsChanges() {
		this.today = MovedBranchCounty.ensure(this.importer, this.exporter, this.graphQl, DATASET, "po", "過");
		change("mutation($on: Date) { assignRole(member: \"po-m1\", org: \"po-b1\", role: SECRETARY, on: $on) { errors { message } } }",
				"assignRole", 6);
		// An applicant the branch develops from 8 days ago; the dissolution hands them on to po-t2.
		change("mutation($on: Date) { applyForMembership(input: {id: \"po-c1\", name: \"過申請人\", org: \"po-b1\"}, on: $on) { errors { message } } }",
				"applyForMembership", 8);
		// po-m2, then of the first township, away at the branch for a day (6 days ago), before both
		// the transfer into it and its dissolution.
		this.graphQl.document("mutation($from: Date!, $to: Date) { recordAway(member: \"po-m2\", at: \"po-b1\", from: $from, to: $to) { errors { message } } }")
			.variable("from", day(6))
			.variable("to", day(5))
			.execute()
			.path("recordAway.errors")
			.entityList(Object.class)
			.hasSize(0);
		change("mutation($on: Date) { renameOrg(id: \"po-t1\", name: \"過甲鄉新黨委\", on: $on) { errors { message } } }",
				"renameOrg", 5);
		change("mutation($on: Date) { transferMember(member: \"po-m2\", to: \"po-b1\", on: $on) { errors { message } } }",
				"transferMember", 4);
		change("mutation($on: Date) { dissolveOrg(id: \"po-b1\", membersTo: \"po-t2\", on: $on) { errors { message } } }",
				"dissolveOrg", 2);
		MovedBranchCounty.ensure(this.importer, this.exporter, this.graphQl, OTHER_DATASET, "px", "鄰");
		change("mutation($on: Date) { addCoManager(org: \"po-t2\", coManager: \"px-t1\", on: $on) { errors { message } } }",
				"addCoManager", 1);
	}

	@AfterAll
	void removeTheCounty() {
		MovedBranchCounty.remove(this.driver, DATASET, "po");
		MovedBranchCounty.remove(this.driver, OTHER_DATASET, "px");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anOrgIsReadAsItStoodOnTheDayWithEverythingBelowIt() {
		// Before the move: under the first township, with its one member.
		Map<String, Object> b1 = org(this.graphQl, "po-b1", day(20));
		assertThat(b1).containsEntry("name", "過丙村黨支部").containsEntry("dataset", DATASET)
			.containsEntry("memberCount", 1).containsEntry("secretary", null);
		assertThat((Map<String, Object>) b1.get("parent")).containsEntry("id", "po-t1").containsEntry("name", "過甲鄉黨委");
		assertThat(ids((List<?>) b1.get("ancestors"))).containsExactly("po-t1", "po-county");
		assertThat(nodes(b1.get("members"))).containsExactly("po-m1");
		assertThat((List<Map<String, Object>>) b1.get("history")).extracting((e) -> e.get("kind"))
			.as("only what had happened by then").doesNotContain("MOVED", "ROLE_ASSIGNED", "DISSOLVED");
		// After the move, the secretary, the rename and the transfer; before the dissolution.
		Map<String, Object> later = org(this.graphQl, "po-b1", day(3));
		assertThat((Map<String, Object>) later.get("parent")).containsEntry("id", "po-t2");
		assertThat(ids((List<?>) later.get("ancestors"))).containsExactly("po-t2", "po-county");
		assertThat(later).containsEntry("memberCount", 2).containsEntry("fullMemberCount", 2)
			.containsEntry("secretary", Map.of("id", "po-m1"));
		assertThat(nodes(later.get("members"))).containsExactly("po-m1", "po-m2");
		assertThat((List<Map<String, Object>>) later.get("officers")).singleElement()
			.isEqualTo(Map.of("role", "SECRETARY", "member", Map.of("id", "po-m1"), "org", Map.of("id", "po-b1")));
		assertThat((List<Map<String, Object>>) later.get("managementChain")).extracting((l) -> l.get("manager"))
			.containsExactly(Map.of("id", "po-t2"), Map.of("id", "po-county"));
		assertThat((List<Map<String, Object>>) later.get("history")).extracting((e) -> e.get("kind"))
			.contains("MOVED").doesNotContain("DISSOLVED");
		// Today the branch is dissolved: null without asOf, and on the day of its dissolution.
		assertThat(org(this.graphQl, "po-b1", null)).isNull();
		assertThat(org(this.graphQl, "po-b1", day(2))).isNull();
		// The first township: its old name and its child then, its new name after.
		Map<String, Object> t1 = org(this.graphQl, "po-t1", day(20));
		assertThat(t1).containsEntry("name", "過甲鄉黨委").containsEntry("memberCount", 2);
		assertThat(ids((List<?>) t1.get("children"))).containsExactly("po-b1");
		assertThat(org(this.graphQl, "po-t1", day(5))).containsEntry("name", "過甲鄉新黨委");
		assertThat((List<?>) org(this.graphQl, "po-t1", day(5)).get("children")).isEmpty();
		// Before the import nothing existed.
		assertThat(org(this.graphQl, "po-county", day(31))).isNull();
	}

	/**
	 * A time away at an org dissolved since: under a past root the host org is answered as it stood
	 * that day (Member.awayAt, Away.at, Away.home the member's org then), under today's root it is
	 * null (Org reads show live orgs only) and the stay keeps its days.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aStayAtAnOrgDissolvedSinceNamesItOnPastDays() {
		String document = """
				query($id: ID!, $asOf: Date) { member(id: $id, asOf: $asOf) {
				  awayAt { id name parent { id } } away { from to at { id name } home { id } member { id } } } }""";
		Map<String, Object> then = root(this.graphQl, document, "member", "po-m2", day(6));
		assertThat(then.get("awayAt")).isEqualTo(Map.of("id", "po-b1", "name", "過丙村黨支部", "parent", Map.of("id", "po-t2")));
		assertThat((List<Map<String, Object>>) then.get("away")).singleElement()
			.isEqualTo(Map.of("from", day(6).toString(), "to", day(5).toString(),
					"at", Map.of("id", "po-b1", "name", "過丙村黨支部"), "home", Map.of("id", "po-t1"),
					"member", Map.of("id", "po-m2")));
		// After the stay, before the dissolution: the stay is listed with its org, no longer away.
		Map<String, Object> later = root(this.graphQl, document, "member", "po-m2", day(3));
		assertThat(later.get("awayAt")).isNull();
		assertThat((List<Map<String, Object>>) later.get("away")).singleElement()
			.satisfies((a) -> assertThat(a.get("at")).isEqualTo(Map.of("id", "po-b1", "name", "過丙村黨支部")))
			.satisfies((a) -> assertThat(a.get("home")).as("transferred into the branch 4 days ago")
				.isEqualTo(Map.of("id", "po-b1")));
		// Today: the branch is gone, the stay kept with its days.
		Map<String, Object> now = root(this.graphQl, document, "member", "po-m2", null);
		assertThat(now.get("awayAt")).isNull();
		assertThat((List<Map<String, Object>>) now.get("away")).singleElement()
			.satisfies((a) -> assertThat(a.get("at")).isNull())
			.satisfies((a) -> assertThat(a.get("from")).isEqualTo(day(6).toString()));
		// Before the stay began, none.
		assertThat((List<?>) root(this.graphQl, document, "member", "po-m2", day(7)).get("away")).isEmpty();
		// The chart of that day draws the stay from the member's org then (po-t1), not today's (po-t2).
		Map<String, Object> chart = this.graphQl
			.document("query($asOf: Date) { orgChart(root: \"po-county\", asOf: $asOf) { edges { source target kind count } } }")
			.variable("asOf", day(6))
			.execute()
			.path("orgChart")
			.entity(Map.class)
			.get();
		assertThat((List<Map<String, Object>>) chart.get("edges")).filteredOn((e) -> "AWAY".equals(e.get("kind")))
			.containsExactly(Map.of("source", "po-t1", "target", "po-b1", "kind", "AWAY", "count", 1));
		// The second township's scope held the branch that day, not the member (then in po-t1): the
		// stay is listed with no member and no home, not with today's home (po-t2, in that scope).
		Map<String, Object> host = this.scoped("po-t2", "ANALYST")
			.document("query($asOf: Date) { org(id: \"po-b1\", asOf: $asOf) { flowingIn { member { id } home { id } at { id } } } }")
			.variable("asOf", day(6))
			.execute()
			.path("org")
			.entity(Map.class)
			.get();
		assertThat((List<Map<String, Object>>) host.get("flowingIn")).singleElement()
			.satisfies((a) -> assertThat(a).containsEntry("member", null).containsEntry("home", null))
			.satisfies((a) -> assertThat(a.get("at")).isEqualTo(Map.of("id", "po-b1")));
	}

	/**
	 * candidates(org, asOf) of an org dissolved since: listed on a day it stood, for a caller whose
	 * scope held it that day; NOT_FOUND today, on the day it went, and for a scope it was not in.
	 */
	@Test
	void theCandidatesOfAnOrgDissolvedSinceAreListedOnTheDaysItStood() {
		String document = "query($org: ID!, $asOf: Date) { candidates(org: $org, asOf: $asOf) { id org { id } stage(asOf: $asOf) } }";
		Map<String, Object> then = this.graphQl.document(document).variable("org", "po-b1").variable("asOf", day(3))
			.execute().returnResponse().toMap();
		assertThat(then.get("errors")).isNull();
		assertThat(then.get("data")).isEqualTo(Map.of("candidates",
				List.of(Map.of("id", "po-c1", "org", Map.of("id", "po-t2"), "stage", "APPLICANT"))));
		// Before the application: none, but the org is known.
		assertThat(this.graphQl.document(document).variable("org", "po-b1").variable("asOf", day(9))
			.execute().path("candidates").entityList(Object.class).get()).isEmpty();
		// Today and on the day it went: unknown.
		for (String asOf : java.util.Arrays.asList(null, day(2))) {
			this.graphQl.document(document).variable("org", "po-b1").variable("asOf", asOf)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((e) -> assertThat(e.getExtensions()).containsEntry("classification", "NOT_FOUND")));
		}
		// Scoped: the second township held the branch 3 days ago, the first did not (it did 20 days ago).
		assertThat(scoped("po-t2", "ANALYST").document(document).variable("org", "po-b1").variable("asOf", day(3))
			.execute().path("candidates[*].id").entityList(String.class).get()).containsExactly("po-c1");
		scoped("po-t1", "ANALYST").document(document).variable("org", "po-b1").variable("asOf", day(3))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getExtensions()).containsEntry("classification", "NOT_FOUND")));
		assertThat(scoped("po-t1", "ANALYST").document(document).variable("org", "po-b1").variable("asOf", day(20))
			.execute().path("candidates").entityList(Object.class).get()).isEmpty();
	}

	/**
	 * An unscoped read answers relations across counties on a past day as today's read does: the
	 * co-manager in the other county, its own parent there, and the inverse; before the link, none.
	 */
	@Test
	void coManagementAcrossCountiesIsReadOnAnyDay() {
		String document = """
				query($id: ID!, $asOf: Date) { org(id: $id, asOf: $asOf) {
				  id coManagers { id parent { id } coManages { id } } coManages { id } managementChain { manager { id } } } }""";
		Map<String, Object> today = root(this.graphQl, document, "org", "po-t2", null);
		assertThat(today.get("coManagers")).isEqualTo(
				List.of(Map.of("id", "px-t1", "parent", Map.of("id", "px-county"), "coManages", List.of(Map.of("id", "po-t2")))));
		assertThat(root(this.graphQl, document, "org", "po-t2", day(0))).isEqualTo(today);
		assertThat(root(this.graphQl, document, "org", "px-t1", day(0)))
			.isEqualTo(root(this.graphQl, document, "org", "px-t1", null))
			.containsEntry("coManages", List.of(Map.of("id", "po-t2")));
		assertThat(root(this.graphQl, document, "org", "po-t2", day(3))).containsEntry("coManagers", List.of());
		assertThat(root(this.graphQl, document, "org", "px-t1", day(3))).containsEntry("coManages", List.of());
	}

	@Test
	@SuppressWarnings("unchecked")
	void aMemberIsReadInTheOrgOfTheDay() {
		Map<String, Object> before = member(this.graphQl, "po-m2", day(5));
		assertThat((Map<String, Object>) before.get("org")).containsEntry("id", "po-t1").containsEntry("name", "過甲鄉新黨委");
		assertThat((List<?>) before.get("transfers")).as("the transfer came later").isEmpty();
		Map<String, Object> after = member(this.graphQl, "po-m2", day(3));
		assertThat((Map<String, Object>) after.get("org")).containsEntry("id", "po-b1")
			.containsEntry("parent", Map.of("id", "po-t2"));
		assertThat((List<?>) after.get("transfers")).hasSize(1);
		Map<String, Object> secretary = member(this.graphQl, "po-m1", day(3));
		assertThat((List<Map<String, Object>>) secretary.get("roles")).singleElement()
			.isEqualTo(Map.of("role", "SECRETARY", "org", Map.of("id", "po-b1")));
		assertThat((List<?>) member(this.graphQl, "po-m1", day(7)).get("roles")).isEmpty();
		// Today both are in the second township; before the import neither was a member.
		assertThat((Map<String, Object>) member(this.graphQl, "po-m1", null).get("org")).containsEntry("id", "po-t2");
		assertThat(member(this.graphQl, "po-m1", day(31))).isNull();
	}

	@Test
	void listsHoldTheDaysOrgsAndMembers() {
		assertThat(list(this.graphQl, ORGS, "orgs", "po-t1", day(20))).containsExactly("po-b1", "po-t1");
		assertThat(list(this.graphQl, ORGS, "orgs", "po-t1", null)).containsExactly("po-t1");
		assertThat(list(this.graphQl, ORGS, "orgs", "po-t2", day(3))).containsExactly("po-b1", "po-t2");
		assertThat(list(this.graphQl, ORGS, "orgs", "po-county", day(31))).isEmpty();
		// the name of the day, found in simplified script
		assertThat(this.graphQl.document(ORGS).variable("within", "po-county").variable("asOf", day(20))
			.variable("name", "丙村党支部").execute().path("orgs.edges[*].node.id").entityList(String.class).get())
			.containsExactly("po-b1");
		assertThat(list(this.graphQl, MEMBERS, "members", "po-t2", day(3))).containsExactly("po-m1", "po-m2");
		assertThat(list(this.graphQl, MEMBERS, "members", "po-t1", day(20))).containsExactly("po-m1", "po-m2");
		assertThat(list(this.graphQl, MEMBERS, "members", "po-t1", day(3))).isEmpty();
	}

	@Test
	void aScopedCallerSeesTheirScopesSubtreeOfTheDayLessWhatIsOutsideItToday() {
		// The dissolved branch was under the second township 3 days ago: its scope sees it.
		HttpGraphQlTester second = scoped("po-t2", "ANALYST");
		assertThat(org(second, "po-b1", day(3))).containsEntry("id", "po-b1");
		assertThat(org(second, "po-b1", day(20))).as("then under the first township").isNull();
		assertThat(list(second, ORGS, "orgs", null, day(3))).containsExactly("po-b1", "po-t2");
		// The first township's scope saw it 20 days ago (dissolved since, so in no scope today), not its sibling.
		HttpGraphQlTester first = scoped("po-t1", "ANALYST");
		assertThat(org(first, "po-b1", day(20))).containsEntry("id", "po-b1");
		assertThat(org(first, "po-t2", day(20))).isNull();
		assertThat(org(first, "po-b1", day(20)).get("parent")).isEqualTo(Map.of("id", "po-t1", "name", "過甲鄉黨委"));
		assertThat(org(first, "po-t1", day(20)).get("parent")).as("the county is outside the scope").isNull();
		assertThat(member(first, "po-m1", day(20))).isNotNull();
		assertThat(member(first, "po-m1", day(3))).as("in the second township's branch by then").isNull();
		assertThat(list(first, MEMBERS, "members", null, day(20))).containsExactly("po-m1", "po-m2");
		assertThat(list(first, ORGS, "orgs", "po-t2", day(20))).as("within outside the scope").isNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aRoleAFieldRequiresIsStillRequiredAndADayOutOfRangeIsRefused() {
		Map<String, Object> viewer = scoped("po-t2", "VIEWER")
			.document("{ org(id: \"po-b1\", asOf: \"" + day(3) + "\") { id memberCount secretary { id } } }")
			.execute()
			.returnResponse()
			.toMap();
		assertThat((Map<String, Object>) ((Map<String, Object>) viewer.get("data")).get("org")).containsEntry("id", "po-b1")
			.containsEntry("memberCount", 2)
			.containsEntry("secretary", null);
		assertThat((List<Map<String, Object>>) viewer.get("errors")).singleElement().satisfies((e) -> {
			assertThat(e.get("path")).isEqualTo(List.of("org", "secretary"));
			assertThat(((Map<String, Object>) e.get("extensions")).get("classification")).isEqualTo("FORBIDDEN");
		});
		for (String document : List.of(ORG, MEMBER)) {
			Map<String, Object> answer = this.graphQl.document(document)
				.variable("id", "po-t1")
				.variable("asOf", this.today.plusDays(2).toString())
				.execute()
				.returnResponse()
				.toMap();
			assertThat((List<Map<String, Object>>) answer.get("errors")).singleElement()
				.satisfies((e) -> assertThat((String) e.get("message")).startsWith("asOf: "));
		}
	}

	private String day(int daysAgo) {
		return this.today.minusDays(daysAgo).toString();
	}

	private void change(String document, String field, int daysAgo) {
		this.graphQl.document(document)
			.variable("on", day(daysAgo))
			.execute()
			.path(field + ".errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private HttpGraphQlTester scoped(String scope, String role) {
		return TestApp.tester(this.port, "Bearer " + TestJwt.token("past-" + role + "-" + scope,
				Map.of("party_graph_role", role, "party_graph_scope", scope, "name", "Past Reader")));
	}

	private static Map<String, Object> org(HttpGraphQlTester tester, String id, String asOf) {
		return root(tester, ORG, "org", id, asOf);
	}

	private static Map<String, Object> member(HttpGraphQlTester tester, String id, String asOf) {
		return root(tester, MEMBER, "member", id, asOf);
	}

	/** The root field's answer (null when null), with no error. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> root(HttpGraphQlTester tester, String document, String field, String id,
			String asOf) {
		Map<String, Object> answer = tester.document(document)
			.variable("id", id)
			.variable("asOf", asOf)
			.execute()
			.returnResponse()
			.toMap();
		assertThat(answer.get("errors")).as(field + " " + id + " asOf " + asOf).isNull();
		return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(field);
	}

	/** The ids of a list's nodes; {@code null} when the list was refused (NOT_FOUND). */
	private static List<String> list(HttpGraphQlTester tester, String document, String root, String within,
			String asOf) {
		Map<String, Object> answer = tester.document(document)
			.variable("within", within)
			.variable("asOf", asOf)
			.execute()
			.returnResponse()
			.toMap();
		if (answer.get("errors") != null) {
			return null;
		}
		return nodes(((Map<?, ?>) answer.get("data")).get(root));
	}

	@SuppressWarnings("unchecked")
	private static List<String> nodes(Object connection) {
		return ((List<Map<String, Object>>) ((Map<String, Object>) connection).get("edges")).stream()
			.map((e) -> (String) ((Map<String, Object>) e.get("node")).get("id"))
			.toList();
	}

}
