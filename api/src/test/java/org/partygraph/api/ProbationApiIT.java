package org.partygraph.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probations over HTTP (docs/contract.md section 8): the Member fields, PROBATION_OVERDUE judged
 * against today, and decideProbation with its refusals, on a {@code party-graph/2} dataset of its
 * own (ids {@code p-…}, imported dated 2020-01-01) whose probation days are set relative to today,
 * so the answers hold whatever day the test runs. p-b1 is only read; p-b2's members are decided.
 */
class ProbationApiIT extends ServiceTestBase {

	private static final LocalDate TODAY = LocalDate.now();

	/** Ended 10 days ago: overdue. */
	private static final LocalDate LATE = TODAY.minusMonths(12).minusDays(10);

	/** Ended a month ago: overdue. */
	private static final LocalDate LATER = TODAY.minusMonths(13);

	/** Ends in 9 months. */
	private static final LocalDate RECENT = TODAY.minusMonths(3);

	private static final String DATASET = """
			{"format": "party-graph/2", "name": "預備縣",
			 "units": [{"id": "p-u", "kind": "COUNTY", "name": "預備縣"}],
			 "orgs": [
			  {"id": "p-county", "kind": "COUNTY_COMMITTEE", "name": "中共預備縣委", "units": ["p-u"]},
			  {"id": "p-b1", "kind": "BRANCH", "name": "東村黨支部", "parent": "p-county"},
			  {"id": "p-b2", "kind": "BRANCH", "name": "西村黨支部", "parent": "p-county"}],
			 "members": [
			  {"id": "p-m1", "name": "錢一", "status": "PROBATIONARY", "org": "p-b1", "probationSince": "%1$s"},
			  {"id": "p-m2", "name": "錢二", "status": "PROBATIONARY", "org": "p-b1", "joined": "%2$s"},
			  {"id": "p-m3", "name": "錢三", "status": "PROBATIONARY", "org": "p-b1", "probationSince": "%3$s"},
			  {"id": "p-m4", "name": "錢四", "status": "FULL", "org": "p-b1"},
			  {"id": "p-m5", "name": "孫一", "status": "PROBATIONARY", "org": "p-b2", "probationSince": "%3$s"},
			  {"id": "p-m6", "name": "孫二", "status": "PROBATIONARY", "org": "p-b2", "probationSince": "%1$s"},
			  {"id": "p-m7", "name": "孫三", "status": "PROBATIONARY", "org": "p-b2", "probationSince": "%3$s"},
			  {"id": "p-m8", "name": "孫四", "status": "PROBATIONARY", "org": "p-b2", "probationSince": "%2$s"},
			  {"id": "p-m9", "name": "孫五", "status": "FULL", "org": "p-b2"}]}
			""".formatted(LATE, LATER, RECENT);

	private HttpGraphQlTester hbtAdmin;

	private HttpGraphQlTester analyst;

	@BeforeAll
	void importOwnDataset() {
		importOwnDataset(DATASET, "2020-01-01", "預備縣");
		this.hbtAdmin = TestApp.tester(this.port, "hbt-admin", TestApp.USER_PASSWORD);
		this.analyst = TestApp.tester(this.port, "analyst", TestApp.USER_PASSWORD);
	}

	@Test
	void aMemberShowsWhenItsProbationBeganAndEnds() {
		this.graphQl.document("""
				{ a: member(id: "p-m3") { status probationSince probationEndsOn probationExtendedTo }
				  b: member(id: "p-m2") { probationSince probationEndsOn }
				  c: member(id: "p-m4") { probationEndsOn } }""")
			.execute()
			.path("a.status").entity(String.class).isEqualTo("PROBATIONARY")
			.path("a.probationSince").entity(String.class).isEqualTo(RECENT.toString())
			.path("a.probationEndsOn").entity(String.class).isEqualTo(RECENT.plusMonths(12).toString())
			.path("a.probationExtendedTo").valueIsNull()
			// No probationSince: it began when they joined.
			.path("b.probationSince").valueIsNull()
			.path("b.probationEndsOn").entity(String.class).isEqualTo(LATER.plusMonths(12).toString())
			.path("c.probationEndsOn").valueIsNull();
	}

	@Test
	void probationOverdueCountsTheOrgsOwnOverdueProbations() {
		List<Map<String, Object>> issues = this.graphQl
			.document("{ complianceIssues(within: \"p-b1\", rules: [PROBATION_OVERDUE]) { rule orgId severity actual threshold message messageZh article } }")
			.execute()
			.path("complianceIssues").entityList(mapType()).get();
		assertThat(issues).singleElement().satisfies((i) -> {
			assertThat(i).containsEntry("rule", "PROBATION_OVERDUE").containsEntry("orgId", "p-b1")
				.containsEntry("severity", "WARNING").containsEntry("actual", 2).containsEntry("threshold", 12);
			assertThat(i.get("message")).asString()
				.contains("2 probationary members", LATER.plusMonths(12).toString());
			assertThat(i.get("messageZh")).asString().contains("2名預備黨員");
			assertThat(i.get("article")).asString().contains("第七條");
		});
		this.graphQl.document("{ rules { code severity threshold statement } }")
			.execute()
			.path("rules[?(@.code == 'PROBATION_OVERDUE')].threshold").entityList(Integer.class).containsExactly(12)
			.path("rules[?(@.code == 'PROBATION_OVERDUE')].statement").entityList(String.class)
			.satisfies((s) -> assertThat(s).singleElement().asString().contains("12 months"));
	}

	@Test
	void probationsDueSoonestFirstScopedLikeEveryList() {
		this.graphQl.document("{ probationsDue(within: \"p-b1\", before: \"" + TODAY + "\") { id probationEndsOn } }")
			.execute()
			.path("probationsDue[*].id").entityList(String.class).containsExactly("p-m2", "p-m1")
			.path("probationsDue[0].probationEndsOn").entity(String.class).isEqualTo(LATER.plusMonths(12).toString());
		this.graphQl.document("{ probationsDue(within: \"p-b1\", before: \"" + TODAY.plusYears(1) + "\") { id } }")
			.execute()
			.path("probationsDue[*].id").entityList(String.class).containsExactly("p-m2", "p-m1", "p-m3");
		// A township's analyst: another subtree is refused as an unknown org.
		TestApp.tester(this.port, "hbt-analyst", TestApp.USER_PASSWORD)
			.document("{ probationsDue(within: \"p-b1\", before: \"2040-01-01\") { id } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("within: no org has id 'p-b1'")));
	}

	@Test
	void aDecisionIsTakenWhenTheProbationEndsAndNotBefore() {
		String early = "mutation { decideProbation(member: \"p-m5\", outcome: FULL) { member { id } outcome removed errors { item field message } } }";
		this.graphQl.document(early)
			.execute()
			.path("decideProbation.member").valueIsNull()
			.path("decideProbation.removed").entity(Boolean.class).isEqualTo(false)
			.path("decideProbation.errors[0].item").entity(String.class).isEqualTo("p-m5")
			.path("decideProbation.errors[0].field").entity(String.class).isEqualTo("on")
			.path("decideProbation.errors[0].message").entity(String.class)
			.satisfies((m) -> assertThat(m).contains(RECENT.plusMonths(12).toString()));
		// In the request's language (#19): 预备期 / 預備期, the outcome's code and the days as they are.
		this.graphQl.mutate().header("Accept-Language", "zh-CN").build().document(early)
			.execute()
			.path("decideProbation.errors[0].field").entity(String.class).isEqualTo("on")
			.path("decideProbation.errors[0].message").entity(String.class)
			.satisfies((m) -> assertThat(m).startsWith("“p-m5”的预备期自").contains("FULL须在预备期满（"
					+ RECENT.plusMonths(12) + "或以后）讨论决定").doesNotContain("probation", "預備"));
		this.graphQl.mutate().header("Accept-Language", "zh-HK").build().document(early)
			.execute()
			.path("decideProbation.errors[0].message").entity(String.class)
			.satisfies((m) -> assertThat(m).startsWith("「p-m5」的預備期自").doesNotContain("probation", "预备"));
		this.graphQl.document("{ member(id: \"p-m5\") { status } }")
			.execute()
			.path("member.status").entity(String.class).isEqualTo("PROBATIONARY");

		// p-m8's probation ended a month ago: made full today.
		this.graphQl.document("mutation { decideProbation(member: \"p-m8\", outcome: FULL) { member { id status org { fullMemberCount } } outcome errors { message } } }")
			.execute()
			.path("decideProbation.errors").entityList(Object.class).hasSize(0)
			.path("decideProbation.outcome").entity(String.class).isEqualTo("FULL")
			.path("decideProbation.member.status").entity(String.class).isEqualTo("FULL")
			.path("decideProbation.member.org.fullMemberCount").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void anExtensionRunsFromTheProbationsEnd() {
		this.graphQl.document("mutation { decideProbation(member: \"p-m6\", outcome: EXTENDED, months: 5) { errors { field message } } }")
			.execute()
			.path("decideProbation.errors[*].field").entityList(String.class).containsExactly("months");
		LocalDate to = LATE.plusMonths(12).plusMonths(6);
		this.graphQl.document("mutation { decideProbation(member: \"p-m6\", outcome: EXTENDED, months: 6) { extendedTo member { probationExtendedTo probationEndsOn } errors { message } } }")
			.execute()
			.path("decideProbation.errors").entityList(Object.class).hasSize(0)
			.path("decideProbation.extendedTo").entity(String.class).isEqualTo(to.toString())
			.path("decideProbation.member.probationExtendedTo").entity(String.class).isEqualTo(to.toString())
			.path("decideProbation.member.probationEndsOn").entity(String.class).isEqualTo(to.toString());
	}

	@Test
	void cancellingRemovesTheMemberAndTheChangeIsLogged() {
		this.graphQl.document("mutation { decideProbation(member: \"p-m7\", outcome: CANCELLED) { member { id } outcome removed errors { message } } }")
			.execute()
			.path("decideProbation.errors").entityList(Object.class).hasSize(0)
			.path("decideProbation.member").valueIsNull()
			.path("decideProbation.outcome").entity(String.class).isEqualTo("CANCELLED")
			.path("decideProbation.removed").entity(Boolean.class).isEqualTo(true);
		this.graphQl.document("{ member(id: \"p-m7\") { id } }").execute().path("member").valueIsNull();
		this.graphQl.document("{ changes(from: \"" + TODAY + "\", to: \"" + TODAY + "\", within: \"p-b2\") { kind member detail by } }")
			.execute()
			.path("changes[?(@.member == 'p-m7')].kind").entityList(String.class).containsExactly("MEMBER_REMOVED")
			.path("changes[?(@.member == 'p-m7')].by").entityList(String.class).containsExactly("admin")
			.path("changes[?(@.member == 'p-m7')].detail").entityList(String.class)
			.satisfies((d) -> assertThat(d).singleElement().asString().contains("CANCELLED"));
	}

	@Test
	void onlyAnOrgAdminWithinItsScopeDecides() {
		String decide = "mutation { decideProbation(member: \"p-m1\", outcome: FULL) { member { id } errors { item field message } } }";
		this.analyst.document(decide)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		// Outside its scope: exactly as an unknown member.
		this.hbtAdmin.document(decide)
			.execute()
			.path("decideProbation.errors[0].field").entity(String.class).isEqualTo("member")
			.path("decideProbation.errors[0].message").entity(String.class).isEqualTo("no member 'p-m1'");
		this.graphQl.document("{ member(id: \"p-m1\") { status } }")
			.execute()
			.path("member.status").entity(String.class).isEqualTo("PROBATIONARY");
	}

	@SuppressWarnings("unchecked")
	private static Class<Map<String, Object>> mapType() {
		return (Class<Map<String, Object>>) (Class<?>) Map.class;
	}

}
