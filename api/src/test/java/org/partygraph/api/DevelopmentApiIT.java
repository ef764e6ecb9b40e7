package org.partygraph.api;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development of new members over HTTP (docs/contract.md section 8) on a dataset of its own
 * (ids {@code v-…}, imported dated 2020-01-01): a county with two townships, a village branch in
 * each. v-c1 is taken through every stage to admission in {@link #setUp}; v-c2 stays an activist,
 * v-c3 an applicant.
 */
class DevelopmentApiIT extends ServiceTestBase {

	private static final String DATASET = """
			{"format": "party-graph/2", "name": "發展縣",
			 "units": [{"id": "v-u", "kind": "COUNTY", "name": "發展縣"},
			  {"id": "v-ut1", "kind": "TOWNSHIP", "name": "甲鄉", "locatedIn": "v-u"},
			  {"id": "v-ut2", "kind": "TOWNSHIP", "name": "乙鄉", "locatedIn": "v-u"},
			  {"id": "v-uv1", "kind": "VILLAGE", "name": "甲村", "locatedIn": "v-ut1"},
			  {"id": "v-uv2", "kind": "VILLAGE", "name": "乙村", "locatedIn": "v-ut2"}],
			 "orgs": [
			  {"id": "v-county", "kind": "COUNTY_COMMITTEE", "name": "中共發展縣委", "units": ["v-u"]},
			  {"id": "v-t1", "kind": "TOWNSHIP_COMMITTEE", "name": "甲鄉黨委", "parent": "v-county", "units": ["v-ut1"]},
			  {"id": "v-t2", "kind": "TOWNSHIP_COMMITTEE", "name": "乙鄉黨委", "parent": "v-county", "units": ["v-ut2"]},
			  {"id": "v-v1", "kind": "BRANCH", "name": "甲村黨支部", "parent": "v-t1", "units": ["v-uv1"]},
			  {"id": "v-v2", "kind": "BRANCH", "name": "乙村黨支部", "parent": "v-t2", "units": ["v-uv2"]}],
			 "members": [
			  {"id": "v-m1", "name": "趙一", "status": "FULL", "org": "v-v1"},
			  {"id": "v-m2", "name": "錢一", "status": "FULL", "org": "v-v2"}]}
			""";

	private HttpGraphQlTester hbtAdmin;

	private HttpGraphQlTester analyst;

	private HttpGraphQlTester viewer;

	private void ok(String mutation, String field) {
		this.graphQl.document("mutation { " + mutation + " { errors { item field message } } }")
			.execute()
			.path(field + ".errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@BeforeAll
	void setUp() {
		importOwnDataset(DATASET, "2020-01-01", "發展縣");
		this.hbtAdmin = TestApp.tester(this.port, "hbt-admin", TestApp.USER_PASSWORD);
		this.analyst = TestApp.tester(this.port, "analyst", TestApp.USER_PASSWORD);
		this.viewer = TestApp.tester(this.port, "viewer", TestApp.USER_PASSWORD);
		ok("applyForMembership(input: {id: \"v-c1\", name: \"孫一\", org: \"v-v1\", gender: M, birthDate: \"1995-03-02\"}, on: \"2021-01-04\")",
				"applyForMembership");
		ok("recordDevelopmentStep(candidate: \"v-c1\", kind: TALK, on: \"2021-01-20\", note: \"支部書記談話\")",
				"recordDevelopmentStep");
		ok("advanceCandidate(candidate: \"v-c1\", to: ACTIVIST, on: \"2021-04-01\")", "advanceCandidate");
		ok("advanceCandidate(candidate: \"v-c1\", to: DEVELOPMENT_TARGET, on: \"2022-04-01\")", "advanceCandidate");
		ok("recordDevelopmentStep(candidate: \"v-c1\", kind: POLITICAL_REVIEW, on: \"2022-05-01\")", "recordDevelopmentStep");
		ok("recordDevelopmentStep(candidate: \"v-c1\", kind: TRAINING, on: \"2022-05-10\")", "recordDevelopmentStep");
		ok("recordDevelopmentStep(candidate: \"v-c1\", kind: BRANCH_RESOLUTION, on: \"2022-06-01\")", "recordDevelopmentStep");
		ok("applyForMembership(input: {id: \"v-c2\", name: \"孫二\", org: \"v-v1\"}, on: \"2022-01-04\")", "applyForMembership");
		ok("advanceCandidate(candidate: \"v-c2\", to: ACTIVIST, on: \"2022-03-01\")", "advanceCandidate");
		ok("applyForMembership(input: {id: \"v-c3\", name: \"李三\", org: \"v-v2\"}, on: \"2022-02-01\")", "applyForMembership");
		this.graphQl.document("""
				mutation { admitCandidate(candidate: "v-c1", on: "2022-06-20") {
				  candidate { stage admittedOn } member { id status org { id } probationSince joined } probationSince errors { message } } }""")
			.execute()
			.path("admitCandidate.errors").entityList(Object.class).hasSize(0)
			.path("admitCandidate.candidate.stage").entity(String.class).isEqualTo("ADMITTED")
			.path("admitCandidate.candidate.admittedOn").entity(String.class).isEqualTo("2022-06-20")
			.path("admitCandidate.member.id").entity(String.class).isEqualTo("v-c1")
			.path("admitCandidate.member.status").entity(String.class).isEqualTo("PROBATIONARY")
			.path("admitCandidate.member.org.id").entity(String.class).isEqualTo("v-v1")
			.path("admitCandidate.member.probationSince").entity(String.class).isEqualTo("2022-06-01")
			.path("admitCandidate.probationSince").entity(String.class).isEqualTo("2022-06-01");
	}

	@Test
	void aCandidatesStagesAndRecords() {
		this.graphQl.document("""
				{ candidate(id: "v-c1") { name org { id } stage past: stage(asOf: "2021-06-01") before: stage(asOf: "2020-06-01")
				    appliedOn activistSince targetSince admittedOn birthDate gender nextStage nextStepFrom member { id }
				    records { kind on note } }
				  member(id: "v-c1") { development { id } } }""")
			.execute()
			.path("candidate.name").entity(String.class).isEqualTo("孫一")
			.path("candidate.org.id").entity(String.class).isEqualTo("v-v1")
			.path("candidate.stage").entity(String.class).isEqualTo("ADMITTED")
			.path("candidate.past").entity(String.class).isEqualTo("ACTIVIST")
			.path("candidate.before").valueIsNull()
			.path("candidate.activistSince").entity(String.class).isEqualTo("2021-04-01")
			.path("candidate.targetSince").entity(String.class).isEqualTo("2022-04-01")
			.path("candidate.birthDate").entity(String.class).isEqualTo("1995-03-02")
			.path("candidate.nextStage").valueIsNull()
			.path("candidate.member.id").entity(String.class).isEqualTo("v-c1")
			.path("candidate.records[*].kind").entityList(String.class)
			.containsExactly("APPLICATION", "TALK", "ACTIVIST_DESIGNATION", "TARGET_DESIGNATION", "POLITICAL_REVIEW",
					"TRAINING", "BRANCH_RESOLUTION", "APPROVAL")
			.path("candidate.records[1].note").entity(String.class).isEqualTo("支部書記談話")
			.path("member.development.id").entity(String.class).isEqualTo("v-c1");
		this.graphQl.document("{ candidate(id: \"v-c2\") { stage nextStage nextStepFrom } }")
			.execute()
			.path("candidate.nextStage").entity(String.class).isEqualTo("DEVELOPMENT_TARGET")
			.path("candidate.nextStepFrom").entity(String.class).isEqualTo("2023-03-01");
	}

	@Test
	void thePipelineByTownshipAndByOrgOnAnyDay() {
		// Today: v-t1 has v-c2 (activist) and v-c1 (a probationer); v-t2 has v-c3 (applicant).
		this.graphQl.document("""
				{ developmentPipeline(within: "v-county") { org { id } pipeline { applicants activists developmentTargets probationers total } }
				  org(id: "v-v1") { pipeline { activists probationers } own: pipeline(subtree: false) { activists } }
				  candidates(org: "v-v1") { id } all: candidates(org: "v-v1", stages: [APPLICANT, ACTIVIST, DEVELOPMENT_TARGET, ADMITTED]) { id } }""")
			.execute()
			.path("developmentPipeline[*].org.id").entityList(String.class).containsExactly("v-t1", "v-t2")
			.path("developmentPipeline[0].pipeline.applicants").entity(Integer.class).isEqualTo(0)
			.path("developmentPipeline[0].pipeline.activists").entity(Integer.class).isEqualTo(1)
			.path("developmentPipeline[0].pipeline.probationers").entity(Integer.class).isEqualTo(1)
			.path("developmentPipeline[0].pipeline.total").entity(Integer.class).isEqualTo(2)
			.path("developmentPipeline[1].pipeline.applicants").entity(Integer.class).isEqualTo(1)
			.path("developmentPipeline[1].pipeline.total").entity(Integer.class).isEqualTo(1)
			.path("org.pipeline.activists").entity(Integer.class).isEqualTo(1)
			.path("org.own.activists").entity(Integer.class).isEqualTo(1)
			.path("candidates[*].id").entityList(String.class).containsExactly("v-c2")
			.path("all[*].id").entityList(String.class).containsExactly("v-c1", "v-c2");
		// On 2022-05-01, v-c1 was a development target and nobody a probationer; v-c3 had applied.
		this.graphQl.document("""
				{ developmentPipeline(within: "v-county", asOf: "2022-05-01") { org { id } pipeline { applicants activists developmentTargets probationers } } }""")
			.execute()
			.path("developmentPipeline[0].pipeline.developmentTargets").entity(Integer.class).isEqualTo(1)
			.path("developmentPipeline[0].pipeline.activists").entity(Integer.class).isEqualTo(1)
			.path("developmentPipeline[0].pipeline.probationers").entity(Integer.class).isEqualTo(0)
			.path("developmentPipeline[1].pipeline.applicants").entity(Integer.class).isEqualTo(1);
		// On 2022-07-01 v-c1 is a probationer in the structure of that day.
		this.graphQl.document("{ org(id: \"v-t1\") { pipeline(asOf: \"2022-07-01\") { developmentTargets probationers } } }")
			.execute()
			.path("org.pipeline.developmentTargets").entity(Integer.class).isEqualTo(0)
			.path("org.pipeline.probationers").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void aPastDayCountsACandidateWhereItWasDevelopedBeforeAHandOn() {
		// A county of its own (ids hv-…): hv-v1 (under hv-t1) develops hv-c1 and is dissolved on
		// 2023-01-01, its members and candidates to hv-v2 (under hv-t2).
		importOwnDataset(DATASET.replace("v-", "hv-").replace("發展縣", "移交縣"), "2020-01-01", "移交縣");
		ok("applyForMembership(input: {id: \"hv-c1\", name: \"周一\", org: \"hv-v1\"}, on: \"2021-01-04\")",
				"applyForMembership");
		this.graphQl.document("mutation { dissolveOrg(id: \"hv-v1\", membersTo: \"hv-v2\", on: \"2023-01-01\") { dissolved errors { message } } }")
			.execute()
			.path("dissolveOrg.errors").entityList(Object.class).hasSize(0);
		String query = """
				query($day: Date) { developmentPipeline(within: "hv-county", asOf: $day) { org { id } pipeline { applicants } }
				  t1: org(id: "hv-t1") { pipeline(asOf: $day) { applicants } }
				  t2: org(id: "hv-t2") { pipeline(asOf: $day) { applicants } own: pipeline(asOf: $day, subtree: false) { applicants } }
				  v2: org(id: "hv-v2") { own: pipeline(asOf: $day, subtree: false) { applicants } }
				  candidates(org: "hv-v2", asOf: $day) { id org { id } } }""";
		// Today w-v2 develops w-c1.
		this.graphQl.document(query)
			.execute()
			.path("developmentPipeline[*].pipeline.applicants").entityList(Integer.class).containsExactly(0, 1)
			.path("t2.pipeline.applicants").entity(Integer.class).isEqualTo(1)
			.path("v2.own.applicants").entity(Integer.class).isEqualTo(1)
			.path("candidates[*].id").entityList(String.class).containsExactly("hv-c1");
		// On a day before the dissolution, w-v1 developed it: counted under w-t1, not at w-v2.
		this.graphQl.document(query)
			.variable("day", "2022-06-01")
			.execute()
			.path("developmentPipeline[*].org.id").entityList(String.class).containsExactly("hv-t1", "hv-t2")
			.path("developmentPipeline[*].pipeline.applicants").entityList(Integer.class).containsExactly(1, 0)
			.path("t1.pipeline.applicants").entity(Integer.class).isEqualTo(1)
			.path("t2.pipeline.applicants").entity(Integer.class).isEqualTo(0)
			.path("t2.own.applicants").entity(Integer.class).isEqualTo(0)
			.path("v2.own.applicants").entity(Integer.class).isEqualTo(0)
			.path("candidates").entityList(Object.class).hasSize(0);
		// On the dissolution's day it is w-v2's; the hand-on is a dated event.
		this.graphQl.document(query)
			.variable("day", "2023-01-01")
			.execute()
			.path("v2.own.applicants").entity(Integer.class).isEqualTo(1)
			.path("candidates[*].id").entityList(String.class).containsExactly("hv-c1");
		this.graphQl.document("{ changes(from: \"2023-01-01\", to: \"2023-01-01\", within: \"hv-county\") { kind on org member } }")
			.execute()
			.path("changes[?(@.kind == 'CANDIDATE_MOVED')].member").entityList(String.class).containsExactly("hv-c1")
			.path("changes[?(@.kind == 'CANDIDATE_MOVED')].org").entityList(String.class).containsExactly("hv-v2");
	}

	@Test
	void whoIsDueForTheNextStep() {
		// v-c3 (applicant since 2022-02-01, no span) and v-c2 (activist since 2022-03-01, target from 2023-03-01).
		this.graphQl.document("{ candidatesDue(within: \"v-county\", before: \"2023-01-01\") { candidate { id } next earliest } }")
			.execute()
			.path("candidatesDue[*].candidate.id").entityList(String.class).containsExactly("v-c3")
			.path("candidatesDue[0].next").entity(String.class).isEqualTo("ACTIVIST")
			.path("candidatesDue[0].earliest").entity(String.class).isEqualTo("2022-02-01");
		this.graphQl.document("{ candidatesDue(within: \"v-county\", before: \"2023-03-02\") { candidate { id } next earliest } }")
			.execute()
			.path("candidatesDue[*].candidate.id").entityList(String.class).containsExactly("v-c3", "v-c2")
			.path("candidatesDue[1].next").entity(String.class).isEqualTo("DEVELOPMENT_TARGET");
	}

	@Test
	void refusalsNameTheFieldAndWriteNothing() {
		this.graphQl.document("mutation { advanceCandidate(candidate: \"v-c2\", to: DEVELOPMENT_TARGET, on: \"2023-02-28\") { candidate { id } errors { item field message } } }")
			.execute()
			.path("advanceCandidate.candidate").valueIsNull()
			.path("advanceCandidate.errors[0].item").entity(String.class).isEqualTo("v-c2")
			.path("advanceCandidate.errors[0].field").entity(String.class).isEqualTo("on")
			.path("advanceCandidate.errors[0].message").entity(String.class)
			.satisfies((m) -> assertThat(m).contains("2023-03-01 at the earliest"));
		// In the request's language (#19): the same refusal in simplified and traditional Chinese, ids and fields as given.
		for (String[] language : new String[][] { { "zh-CN", "“v-c2”自", "入党积极分子" },
				{ "zh-TW", "「v-c2」自", "入黨積極分子" } }) {
			this.graphQl.mutate().header("Accept-Language", language[0]).build()
				.document("mutation { advanceCandidate(candidate: \"v-c2\", to: DEVELOPMENT_TARGET, on: \"2023-02-28\") { errors { item field message } } }")
				.execute()
				.path("advanceCandidate.errors[0].field").entity(String.class).isEqualTo("on")
				.path("advanceCandidate.errors[0].message").entity(String.class)
				.satisfies((m) -> assertThat(m).as(language[0]).startsWith(language[1])
					.contains(language[2], "最早2023-03-01").doesNotContain("earliest"));
		}
		this.graphQl.document("mutation { admitCandidate(candidate: \"v-c3\", on: \"2023-02-28\") { member { id } errors { field } } }")
			.execute()
			.path("admitCandidate.member").valueIsNull()
			.path("admitCandidate.errors[*].field").entityList(String.class).containsExactly("candidate");
		this.graphQl.document("mutation { applyForMembership(input: {id: \"v-m1\", name: \"重複\", org: \"v-v1\"}) { errors { field } } }")
			.execute()
			.path("applyForMembership.errors[*].field").entityList(String.class).containsExactly("id");
		this.graphQl.document("{ candidate(id: \"v-c2\") { stage records { kind } } }")
			.execute()
			.path("candidate.stage").entity(String.class).isEqualTo("ACTIVIST")
			.path("candidate.records[*].kind").entityList(String.class).containsExactly("APPLICATION", "ACTIVIST_DESIGNATION");
	}

	@Test
	void rolesAndScope() {
		// A township admin of another county neither sees nor changes these candidates.
		this.hbtAdmin.document("{ candidate(id: \"v-c2\") { id } }")
			.execute()
			.path("candidate").valueIsNull();
		this.hbtAdmin.document("mutation { advanceCandidate(candidate: \"v-c2\", to: DEVELOPMENT_TARGET) { errors { field message } } }")
			.execute()
			.path("advanceCandidate.errors[*].message").entityList(String.class).containsExactly("no candidate 'v-c2'");
		this.hbtAdmin.document("mutation { applyForMembership(input: {id: \"v-c9\", name: \"某\", org: \"v-v1\"}) { errors { field message } } }")
			.execute()
			.path("applyForMembership.errors[*].message").entityList(String.class).containsExactly("no org 'v-v1'");
		this.hbtAdmin.document("{ candidates(org: \"v-v1\") { id } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
		this.hbtAdmin.document("{ candidatesDue(before: \"2030-01-01\") { candidate { id } } }")
			.execute()
			.path("candidatesDue[*].candidate.id").entityList(String.class)
			.satisfies((ids) -> assertThat(ids).noneMatch((id) -> id.startsWith("v-")));
		// A viewer reads no candidates; an analyst reads them but not their birth dates.
		this.viewer.document("{ candidate(id: \"v-c1\") { id } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		this.analyst.document("{ candidate(id: \"v-c1\") { id birthDate } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getPath()).isEqualTo("candidate.birthDate")))
			.path("candidate.id").entity(String.class).isEqualTo("v-c1");
		this.analyst.document("mutation { applyForMembership(input: {id: \"v-c9\", name: \"某\", org: \"v-v1\"}) { errors { field } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
	}

}
