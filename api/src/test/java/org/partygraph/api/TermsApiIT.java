package org.partygraph.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terms and elections over HTTP (docs/contract.md section 6), on a {@code party-graph/2} dataset of
 * its own (ids {@code t-…}, imported dated 2026-01-01) whose election days are set relative to
 * today, so that the answers hold whatever day the test runs: t-county's term ended 10 days ago,
 * t-t1's ends in about 2 months, t-b1's in 3 years.
 */
class TermsApiIT extends ServiceTestBase {

	private static final LocalDate TODAY = LocalDate.now();

	private static final LocalDate COUNTY_ELECTED = TODAY.minusYears(5).minusDays(10);

	private static final LocalDate TOWNSHIP_ELECTED = TODAY.minusYears(5).plusMonths(2);

	private static final LocalDate BRANCH_ELECTED = TODAY.minusYears(2);

	private static final String DATASET = """
			{"format": "party-graph/2", "name": "任期縣",
			 "units": [{"id": "t-u", "kind": "COUNTY", "name": "任期縣"}],
			 "orgs": [
			  {"id": "t-county", "kind": "COUNTY_COMMITTEE", "name": "中共任期縣委", "units": ["t-u"], "hasCommittee": true, "electedOn": "%s"},
			  {"id": "t-t1", "kind": "TOWNSHIP_COMMITTEE", "name": "東鄉黨委", "parent": "t-county", "hasCommittee": true, "electedOn": "%s"},
			  {"id": "t-b1", "kind": "BRANCH", "name": "東村黨支部", "parent": "t-t1", "electedOn": "%s"},
			  {"id": "t-b2", "kind": "BRANCH", "name": "西村黨支部", "parent": "t-t1"},
			  {"id": "t-g", "kind": "PARTY_GROUP", "name": "第一黨小組", "parent": "t-b1"}],
			 "members": [
			  {"id": "t-m1", "name": "趙一", "status": "FULL", "org": "t-b1", "roles": [{"org": "t-b1", "role": "SECRETARY"}]},
			  {"id": "t-m2", "name": "趙二", "status": "FULL", "org": "t-b1"},
			  {"id": "t-m3", "name": "趙三", "status": "PROBATIONARY", "org": "t-b1", "probationSince": "2025-10-01"},
			  {"id": "t-m4", "name": "趙四", "status": "FULL", "org": "t-county", "roles": [{"org": "t-county", "role": "SECRETARY"}]}]}
			""".formatted(COUNTY_ELECTED, TOWNSHIP_ELECTED, BRANCH_ELECTED);

	private HttpGraphQlTester hbtAdmin;

	private HttpGraphQlTester analyst;

	@BeforeAll
	void importOwnDataset() {
		importOwnDataset(DATASET, "2026-01-01", "任期縣");
		this.hbtAdmin = TestApp.tester(this.port, "hbt-admin", TestApp.USER_PASSWORD);
		this.analyst = TestApp.tester(this.port, "analyst", TestApp.USER_PASSWORD);
	}

	@Test
	void orgTermIsTheLatestElectionPlusTheKindsYearsAndNullWithoutOne() {
		this.graphQl.document("{ a: org(id: \"t-county\") { term { electedOn endsOn } } b: org(id: \"t-b2\") { term { electedOn } } g: org(id: \"t-g\") { term { electedOn } } }")
			.execute()
			.path("a.term.electedOn").entity(String.class).isEqualTo(COUNTY_ELECTED.toString())
			.path("a.term.endsOn").entity(String.class).isEqualTo(COUNTY_ELECTED.plusYears(5).toString())
			.path("b.term").valueIsNull()
			.path("g.term").valueIsNull();
	}

	@Test
	void termsDueSoonestFirstScopedLikeEveryList() {
		// t-b1's term ends in 3 years, or in 2031 once anElectionReplacesTheOfficesAndStartsATerm ran.
		this.graphQl.document("{ termsDue(within: \"t-county\", before: \"" + TODAY.plusYears(10) + "\") { id term { endsOn } } }")
			.execute()
			.path("termsDue[*].id").entityList(String.class).containsExactly("t-county", "t-t1", "t-b1");
		this.graphQl.document("{ termsDue(within: \"t-t1\", before: \"" + TODAY.plusYears(1) + "\") { id } }")
			.execute()
			.path("termsDue[*].id").entityList(String.class).containsExactly("t-t1");
		// A township user: its own scope by default; another subtree is refused as an unknown org.
		List<String> hbt = this.hbtAdmin.document("{ termsDue(before: \"" + TODAY.plusYears(10) + "\") { id } }")
			.execute()
			.path("termsDue[*].id").entityList(String.class).get();
		assertThat(hbt).isNotEmpty().contains("o-t-hbt").noneMatch((id) -> id.startsWith("t-"));
		this.hbtAdmin.document("{ termsDue(within: \"t-county\", before: \"2040-01-01\") { id } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("within: no org has id 't-county'")));
	}

	@Test
	void theTermRulesJudgeAgainstToday() {
		List<Map<String, Object>> issues = this.graphQl
			.document("{ complianceIssues(within: \"t-county\", rules: [TERM_EXPIRED, TERM_ENDING]) { rule orgId severity threshold article } }")
			.execute()
			.path("complianceIssues").entityList(mapType()).get();
		assertThat(issues).extracting((i) -> i.get("rule") + "@" + i.get("orgId") + " " + i.get("severity"))
			.containsExactly("TERM_EXPIRED@t-county ERROR", "TERM_ENDING@t-t1 INFO");
		assertThat(issues.get(0).get("article")).asString().contains("選舉工作條例");
		this.graphQl.document("{ rules { code threshold statementZh } }")
			.execute()
			.path("rules[?(@.code == 'TERM_ENDING')].threshold").entityList(Integer.class).containsExactly(6);
	}

	@Test
	void anElectionReplacesTheOfficesAndStartsATerm() {
		this.graphQl.document("""
				mutation { recordElection(org: "t-b1", on: "2026-03-01", secretary: "t-m2", deputies: ["t-m1"], committee: ["t-m3"]) {
				  org { id hasCommittee term { electedOn endsOn } officers { member { id } role } history { kind on } }
				  errors { item field message } } }""")
			.execute()
			.path("recordElection.errors").entityList(Object.class).hasSize(0)
			.path("recordElection.org.hasCommittee").entity(Boolean.class).isEqualTo(true)
			.path("recordElection.org.term.electedOn").entity(String.class).isEqualTo("2026-03-01")
			.path("recordElection.org.term.endsOn").entity(String.class).isEqualTo("2031-03-01")
			.path("recordElection.org.officers[0].role").entity(String.class).isEqualTo("SECRETARY")
			.path("recordElection.org.officers[0].member.id").entity(String.class).isEqualTo("t-m2")
			.path("recordElection.org.officers[*].member.id").entityList(String.class)
			.contains("t-m2", "t-m1", "t-m3").hasSize(3)
			.path("recordElection.org.history[*].kind").entityList(String.class).contains("ELECTED");
	}

	@Test
	void refusalsNameTheItemAndFieldAndWriteNothing() {
		this.graphQl.document("mutation { recordElection(org: \"t-b2\", on: \"2026-03-01\", secretary: \"t-m4\") { org { id } errors { item field message } } }")
			.execute()
			.path("recordElection.org").valueIsNull()
			.path("recordElection.errors[0].item").entity(String.class).isEqualTo("t-b2")
			.path("recordElection.errors[0].field").entity(String.class).isEqualTo("secretary")
			.path("recordElection.errors[0].message").entity(String.class)
			.satisfies((m) -> assertThat(m).contains("'t-m4' is not a member of 't-b2'"));
		this.graphQl.document("mutation { recordElection(org: \"t-b2\", on: \"2025-12-31\", secretary: \"t-m1\") { org { id } errors { item field } } }")
			.execute()
			.path("recordElection.errors[*].field").entityList(String.class).contains("on", "secretary");
		this.graphQl.document("mutation { recordElection(org: \"t-b2\", on: \"2026-02-30\", secretary: \"t-m1\") { org { id } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty());
		this.graphQl.document("{ org(id: \"t-b2\") { term { electedOn } hasCommittee history { kind } } }")
			.execute()
			.path("org.term").valueIsNull()
			.path("org.history[*].kind").entityList(String.class).doesNotContain("ELECTED");
	}

	@Test
	void onlyAnOrgAdminWithinItsScopeRecordsAnElection() {
		String election = "mutation { recordElection(org: \"t-b2\", on: \"2026-03-01\", secretary: \"t-m1\") { org { id } errors { item field message } } }";
		this.analyst.document(election)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		// Outside its scope: exactly as an unknown org.
		this.hbtAdmin.document(election)
			.execute()
			.path("recordElection.errors[0].field").entity(String.class).isEqualTo("org")
			.path("recordElection.errors[0].message").entity(String.class).isEqualTo("no org 't-b2'");
	}

	@SuppressWarnings("unchecked")
	private static Class<Map<String, Object>> mapType() {
		return (Class<Map<String, Object>>) (Class<?>) Map.class;
	}

}
