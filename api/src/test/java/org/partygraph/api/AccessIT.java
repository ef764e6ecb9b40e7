package org.partygraph.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partygraph.seed.HuairenCounty;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles, scopes and personal fields over HTTP: who may see and change what. */
@ExtendWith(OutputCaptureExtension.class)
class AccessIT extends ServiceTestBase {

	private HttpGraphQlTester as(String user) {
		return TestApp.tester(this.port, user, TestApp.USER_PASSWORD);
	}

	@Test
	void aViewerSeesStructureAndFiguresButNoMembers() {
		HttpGraphQlTester viewer = as("viewer");
		viewer.document("{ org(id: \"o-county\") { name memberCount children { id } } }")
			.execute()
			.path("org.memberCount").entity(Integer.class).isEqualTo(5507);
		forbidden(viewer.document("{ member(id: \"m-00001\") { name } }").execute(), "member");
		forbidden(viewer.document("{ org(id: \"o-v-xz\") { name secretary { name } } }").execute(), "org.secretary");
		forbidden(viewer.document("{ org(id: \"o-v-xz\") { members { totalCount } } }").execute(), "org.members");
		forbidden(viewer.document("{ whatIf(operations: [{op: ELECT_COMMITTEE, org: \"o-v-xz\"}]) { membersMoved } }")
			.execute(), "whatIf");
		viewer.document("{ complianceIssues(within: \"o-county\") { rule } }").execute().path("complianceIssues")
			.entityList(Object.class).hasSizeGreaterThan(3);
		forbidden(viewer.document("mutation { renameOrg(id: \"o-v-xz\", name: \"x\") { errors { field } } }").execute(),
				"renameOrg");
	}

	@Test
	void personalFieldsOnlyForOrgAdmins() {
		GraphQlTester.Response analyst = as("analyst")
			.document("{ member(id: \"m-00001\") { name idNumber phone birthDate } }")
			.execute();
		analyst.errors().satisfy((errors) -> assertThat(errors).hasSize(3).allSatisfy((e) -> {
			assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
			assertThat(e.getPath()).startsWith("member.");
		}));
		analyst.path("member.name").entity(String.class).satisfies((n) -> assertThat(n).isNotBlank());
		analyst.path("member.idNumber").valueIsNull().path("member.phone").valueIsNull();
		this.graphQl.document("{ member(id: \"m-00001\") { idNumber phone birthDate } }")
			.execute()
			.path("member.idNumber").entity(String.class).satisfies((id) -> assertThat(id).hasSize(18));
	}

	@Test
	void aScopedUserSeesOnlyTheirSubtreeAndAnswersAsIfTheRestDidNotExist() {
		HttpGraphQlTester hbt = as("hbt-analyst");
		hbt.document("{ county: org(id: \"o-county\") { id } own: org(id: \"o-t-hbt\") { id parent { id } } unknown: org(id: \"nope\") { id } }")
			.execute()
			.path("county").valueIsNull()
			.path("unknown").valueIsNull()
			.path("own.id").entity(String.class).isEqualTo("o-t-hbt")
			.path("own.parent").valueIsNull();
		// Lists and aggregates count only the scope: the same as the admin asking within it.
		int scoped = hbt.document("{ orgs { totalCount } }").execute().path("orgs.totalCount").entity(Integer.class).get();
		int adminWithin = this.graphQl.document("{ orgs(filter: {within: \"o-t-hbt\"}) { totalCount } }")
			.execute()
			.path("orgs.totalCount").entity(Integer.class).get();
		assertThat(scoped).isEqualTo(adminWithin).isLessThan(552);
		Object mine = hbt.document("{ patternSummary { metrics { key value } } }").execute().path("patternSummary")
			.entity(Object.class).get();
		Object adminsView = this.graphQl.document("{ patternSummary(within: \"o-t-hbt\") { metrics { key value } } }")
			.execute()
			.path("patternSummary")
			.entity(Object.class).get();
		assertThat(mine).isEqualTo(adminsView);
		// A scope argument outside answers exactly as an unknown one.
		String outside = hbt.document("{ complianceIssues(within: \"o-county\") { rule } }").execute().returnResponse()
			.getErrors().get(0).getMessage();
		String unknown = hbt.document("{ complianceIssues(within: \"zzz\") { rule } }").execute().returnResponse()
			.getErrors().get(0).getMessage();
		assertThat(outside.replace("o-county", "X")).isEqualTo(unknown.replace("zzz", "X"));
		// A member outside the scope is null; one inside is there.
		String outsideMember = firstMemberOf("o-t-yz");
		hbt.document("{ member(id: \"" + outsideMember + "\") { id } }").execute().path("member").valueIsNull();
		String insideMember = firstMemberOf("o-t-hbt");
		hbt.document("{ member(id: \"" + insideMember + "\") { id } }").execute().path("member.id").entity(String.class)
			.isEqualTo(insideMember);
	}

	@Test
	void aScopedOrgAdminChangesOnlyInsideTheScope(CapturedOutput output) {
		HttpGraphQlTester admin = as("hbt-admin");
		admin.document("mutation { renameOrg(id: \"o-t-yz\", name: \"x\") { org { id } errors { item field message } } }")
			.execute()
			.path("renameOrg.errors[0].field").entity(String.class).isEqualTo("id")
			.path("renameOrg.errors[0].message").entity(String.class).satisfies((m) -> assertThat(m).contains("no org"));
		String name = this.graphQl.document("{ org(id: \"o-v-xz\") { name } }").execute().path("org.name")
			.entity(String.class).get();
		try {
			admin.document("mutation { addMember(input: {id: \"acc-m1\", name: \"保密\", status: PROBATIONARY, org: \"o-v-xz\", idNumber: \"140624199901017777\", phone: \"13912345678\"}) { member { id idNumber } errors { field } } }")
				.execute()
				.path("addMember.member.idNumber").entity(String.class).isEqualTo("140624199901017777");
			admin.document("mutation { renameOrg(id: \"o-v-xz\", name: \"" + name + "-改\") { org { name } errors { field } } }")
				.execute()
				.path("renameOrg.org.name").entity(String.class).isEqualTo(name + "-改");
		}
		finally {
			// Other tests count the sample county's members: put it back as it was.
			this.importer.importDataset(HuairenCounty.dataset(), (step, done, total) -> {
			});
		}
		// Personal data never reaches the log, whatever was written.
		assertThat(output.getAll()).doesNotContain("140624199901017777").doesNotContain("13912345678");
	}

	@Test
	void scenariosFollowRolesAndScopes() throws Exception {
		String save = "mutation { saveScenario(name: \"access-check\", within: \"o-county\", operations: [{op: ELECT_COMMITTEE, org: \"o-v-ht-05\"}]) { scenario { name } errors { field message } } }";
		forbidden(as("viewer").document(save).execute(), "saveScenario");
		as("analyst").document(save).execute().path("saveScenario.scenario.name").entity(String.class)
			.isEqualTo("access-check");
		forbidden(as("analyst").document("mutation { applyScenario(name: \"access-check\") { errors { field } } }")
			.execute(), "applyScenario");
		// A scenario over the whole county is outside a township user's scope: it does not exist for them.
		as("hbt-analyst").document("{ scenario(name: \"access-check\") { name } }").execute().path("scenario")
			.valueIsNull();
		java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/scenarios/access-check/report.html"))
				.header("Authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString(("hbt-analyst:" + TestApp.USER_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(404);
		this.graphQl.document("mutation { deleteScenario(name: \"access-check\") { deleted errors { field } } }")
			.execute()
			.path("deleteScenario.deleted").entity(String.class).isEqualTo("access-check");
	}

	private String firstMemberOf(String orgId) {
		return this.graphQl.document("{ members(filter: {within: \"" + orgId + "\"}, first: 1, sort: {field: ID}) { edges { node { id } } } }")
			.execute()
			.path("members.edges[0].node.id")
			.entity(String.class)
			.get();
	}

	private static void forbidden(GraphQlTester.Response response, String path) {
		response.errors().satisfy((errors) -> assertThat(errors).anySatisfy((e) -> {
			assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
			assertThat(e.getPath()).isEqualTo(path);
		}));
	}

}
