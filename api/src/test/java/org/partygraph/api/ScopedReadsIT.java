package org.partygraph.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partygraph.seed.HuairenCounty;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relations that lead out of a user's scope (issue #15, finding 2) and members named to a viewer
 * (finding 10): what the scope guard leaves out of an answer, whichever field leads there.
 * The township 海北頭鄉 ({@code o-t-hbt}) is the scope; another township's orgs lie outside it.
 */
class ScopedReadsIT extends ServiceTestBase {

	private static final String SCOPE = "o-t-hbt";

	private static final String OUTSIDE_TOWNSHIP = "o-t-yz";

	@AfterEach
	void restoreSampleCounty() {
		this.importer.importDataset(HuairenCounty.dataset(), (step, done, total) -> {
		});
	}

	/** A scoped org admin: sees personal fields, so a leak would show them too. */
	private HttpGraphQlTester scopedAdmin() {
		return TestApp.tester(this.port, "Bearer " + TestJwt.token("scoped-admin",
				Map.of("party_graph_role", "ORG_ADMIN", "party_graph_scope", SCOPE, "name", "Scoped Admin")));
	}

	@Test
	void officersWhoseMembershipIsOutsideAreAbsentWithEverythingBehindThem() {
		String inside = "sr-branch";
		mutate("createOrg(input: {id: \"" + inside + "\", kind: BRANCH, name: \"試點支部\", parent: \"" + SCOPE + "\"})");
		String outsider = firstMemberOf(OUTSIDE_TOWNSHIP);
		String insider = firstMemberOf(SCOPE);
		mutate("assignRole(member: \"" + outsider + "\", org: \"" + inside + "\", role: SECRETARY)");
		mutate("assignRole(member: \"" + insider + "\", org: \"" + inside + "\", role: COMMITTEE_MEMBER)");
		// The admin sees the outside secretary, so there is something to leave out.
		this.graphQl.document("{ org(id: \"" + inside + "\") { secretary { id } } }").execute()
			.path("org.secretary.id").entity(String.class).isEqualTo(outsider);

		HttpGraphQlTester scoped = scopedAdmin();
		var response = scoped.document("{ org(id: \"" + inside + "\") { id secretary { id idNumber org { id } } "
				+ "officers { role member { id phone org { id members(first: 3) { totalCount } } } org { id } } } "
				+ "outsider: member(id: \"" + outsider + "\") { id } }").execute();
		response.path("org.id").entity(String.class).isEqualTo(inside)
			.path("org.secretary").valueIsNull()
			.path("outsider").valueIsNull();
		List<String> officers = response.path("org.officers[*].member.id").entityList(String.class).get();
		assertThat(officers).contains(insider).doesNotContain(outsider);
	}

	@Test
	void transfersShowTheirOutsideEndAsNullAndOfficesOutsideAreLeftOut() {
		String member = firstMemberOf(SCOPE);
		String from = this.graphQl.document("{ member(id: \"" + member + "\") { org { id } } }").execute()
			.path("member.org.id").entity(String.class).get();
		String outsideOrg = firstBranchOf(OUTSIDE_TOWNSHIP);
		// Out of the township and back in, and an office and a participation outside.
		mutate("transferMember(member: \"" + member + "\", to: \"" + outsideOrg + "\", reason: \"out\")");
		mutate("transferMember(member: \"" + member + "\", to: \"" + from + "\", reason: \"back\")");
		mutate("assignRole(member: \"" + member + "\", org: \"" + outsideOrg + "\", role: COMMITTEE_MEMBER)");
		this.graphQl.document("{ member(id: \"" + member + "\") { transfers { to { id } } roles { org { id } } } }")
			.execute()
			.path("member.transfers[*].to.id").entityList(String.class).containsExactly(from, outsideOrg)
			.path("member.roles[*].org.id").entityList(String.class).contains(outsideOrg);

		scopedAdmin().document("{ member(id: \"" + member + "\") { id transfers { reason from { id } to { id } "
				+ "member { id } } roles { org { id } } } }")
			.execute()
			.path("member.transfers[*].reason").entityList(String.class).containsExactly("back", "out")
			.path("member.transfers[0].from").valueIsNull()
			.path("member.transfers[0].to.id").entity(String.class).isEqualTo(from)
			.path("member.transfers[1].from.id").entity(String.class).isEqualTo(from)
			.path("member.transfers[1].to").valueIsNull()
			.path("member.roles[*].org.id").entityList(String.class).doesNotContain(outsideOrg);
	}

	@Test
	void aViewerIsShownNoMemberThroughTheRuleChecksSuggestionsAndFixes() {
		String issues = "{ complianceIssues(rules: [SECRETARY_MISSING]) { orgId suggestion fix { op member } } }";
		// An analyst is given the member to appoint, so the viewer's answer has something to lose.
		List<Map<String, Object>> forAnalyst = TestApp.tester(this.port, "analyst", TestApp.USER_PASSWORD)
			.document(issues).execute().path("complianceIssues").entityList(mapType()).get();
		assertThat(forAnalyst).anySatisfy((issue) -> assertThat((List<?>) issue.get("fix")).isNotEmpty());
		List<String> named = forAnalyst.stream()
			.flatMap((issue) -> ((List<?>) issue.get("fix")).stream())
			.map((op) -> (String) ((Map<?, ?>) op).get("member"))
			.filter((id) -> id != null)
			.toList();
		assertThat(named).isNotEmpty();

		List<Map<String, Object>> forViewer = TestApp.tester(this.port, "viewer", TestApp.USER_PASSWORD)
			.document(issues).execute().path("complianceIssues").entityList(mapType()).get();
		assertThat(forViewer).hasSameSizeAs(forAnalyst).allSatisfy((issue) -> {
			assertThat((List<?>) issue.get("fix")).allSatisfy((op) -> assertThat(((Map<?, ?>) op).get("member")).isNull());
			for (String id : named) {
				assertThat((String) issue.get("suggestion")).doesNotContain(id);
			}
		});
	}

	private void mutate(String call) {
		this.graphQl.document("mutation { r: " + call + " { errors { item field message } } }").execute()
			.path("r.errors").entityList(Object.class).hasSize(0);
	}

	private String firstBranchOf(String within) {
		return this.graphQl.document("{ orgs(filter: {within: \"" + within + "\", kinds: [BRANCH]}, first: 1, sort: {field: ID}) { edges { node { id } } } }")
			.execute()
			.path("orgs.edges[0].node.id").entity(String.class).get();
	}

	private String firstMemberOf(String within) {
		return this.graphQl.document("{ members(filter: {within: \"" + within + "\"}, first: 1, sort: {field: ID}) { edges { node { id } } } }")
			.execute()
			.path("members.edges[0].node.id").entity(String.class).get();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Class<Map<String, Object>> mapType() {
		return (Class) Map.class;
	}

}
