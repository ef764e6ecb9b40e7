package org.partygraph.api;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log over HTTP (docs/contract.md section 6), on a dataset of its own (ids {@code h-…},
 * imported dated 2026-01-01): dated mutations, refusals naming the item and field {@code on},
 * {@code Org.history}, {@code changes} (inclusive and scoped), the ends of a transfer after a
 * dissolution, and an applied scenario's kept report.
 */
class HistoryApiIT extends ServiceTestBase {

	private static final String DATASET = """
			{"format": "party-graph/1", "name": "歷史縣",
			 "units": [{"id": "h-u", "kind": "COUNTY", "name": "歷史縣"}],
			 "orgs": [
			  {"id": "h-county", "kind": "COUNTY_COMMITTEE", "name": "中共歷史縣委", "units": ["h-u"]},
			  {"id": "h-t1", "kind": "TOWNSHIP_COMMITTEE", "name": "東鄉黨委", "parent": "h-county"},
			  {"id": "h-t2", "kind": "TOWNSHIP_COMMITTEE", "name": "西鄉黨委", "parent": "h-county"},
			  {"id": "h-t3", "kind": "TOWNSHIP_COMMITTEE", "name": "南鄉黨委", "parent": "h-county"},
			  {"id": "h-v1", "kind": "GENERAL_BRANCH", "name": "東村黨總支", "parent": "h-t1"},
			  {"id": "h-v2", "kind": "GENERAL_BRANCH", "name": "北村黨總支", "parent": "h-t1"}],
			 "members": [{"id": "h-m1", "name": "張一", "status": "FULL", "org": "h-county"}]}
			""";

	private HttpGraphQlTester hbtAnalyst;

	@BeforeAll
	void importOwnDataset() {
		importOwnDataset(DATASET, "2026-01-01", "歷史縣");
		this.hbtAnalyst = TestApp.tester(this.port, "hbt-analyst", TestApp.USER_PASSWORD);
	}

	@Test
	void datedChangesMakeAnOldestFirstHistoryWithWhoAndWhen() {
		mutate("createOrg(input: {id: \"h-b\", kind: BRANCH, name: \"東村支部\", parent: \"h-v1\"}, on: \"2026-02-01\") { org { id } errors { message } }");
		mutate("renameOrg(id: \"h-b\", name: \"東村一支部\", on: \"2026-03-01\") { org { id } errors { message } }");
		mutate("moveOrg(id: \"h-b\", parent: \"h-t1\", on: \"2026-04-01\") { org { id } errors { message } }");

		this.graphQl.document("{ org(id: \"h-b\") { history { on kind detail by scenario org } } }")
			.execute()
			.path("org.history[*].kind").entityList(String.class).containsExactly("CREATED", "RENAMED", "MOVED")
			.path("org.history[*].on").entityList(String.class).containsExactly("2026-02-01", "2026-03-01", "2026-04-01")
			.path("org.history[*].by").entityList(String.class).containsExactly("admin", "admin", "admin")
			.path("org.history[1].detail").entity(String.class).isEqualTo("org h-b renamed from '東村支部' to '東村一支部'");

		// Both days included; the import of 2026-01-01 is outside this span.
		this.graphQl.document("{ changes(from: \"2026-02-01\", to: \"2026-03-01\", within: \"h-county\") { on kind org } }")
			.execute()
			.path("changes[*].kind").entityList(String.class).containsExactly("CREATED", "RENAMED");
	}

	@Test
	void aChangeDatedBeforeTheLatestEventOrAfterTodayIsRefusedNamingTheItemAndOn() {
		mutate("renameOrg(id: \"h-v2\", name: \"東村黨總支部\", on: \"2026-05-01\") { org { id } errors { message } }");

		this.graphQl.document("mutation { renameOrg(id: \"h-v2\", name: \"早\", on: \"2026-04-30\") { org { id } errors { item field message } } }")
			.execute()
			.path("renameOrg.org").valueIsNull()
			.path("renameOrg.errors[0].item").entity(String.class).isEqualTo("h-v2")
			.path("renameOrg.errors[0].field").entity(String.class).isEqualTo("on")
			.path("renameOrg.errors[0].message").entity(String.class).satisfies((m) -> assertThat(m).contains("RENAMED on 2026-05-01"));
		String tomorrow = LocalDate.now().plusDays(2).toString();
		this.graphQl.document("mutation { renameOrg(id: \"h-v2\", name: \"晚\", on: \"" + tomorrow + "\") { org { id } errors { item field } } }")
			.execute()
			.path("renameOrg.errors[0].item").entity(String.class).isEqualTo("h-v2")
			.path("renameOrg.errors[0].field").entity(String.class).isEqualTo("on");
		this.graphQl.document("mutation { renameOrg(id: \"h-v2\", name: \"錯\", on: \"2026-02-30\") { org { id } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty());
		this.graphQl.document("{ org(id: \"h-v2\") { name } }")
			.execute()
			.path("org.name").entity(String.class).isEqualTo("東村黨總支部");
	}

	@Test
	void aDissolvedOrgIsGoneFromReadsButTransfersKeepBothEndsAndItsIdIsNotReused() {
		mutate("createOrg(input: {id: \"h-d\", kind: BRANCH, name: \"將撤支部\", parent: \"h-t2\"}, on: \"2026-06-01\") { org { id } errors { message } }");
		mutate("addMember(input: {id: \"h-m2\", name: \"張二\", status: FULL, org: \"h-d\"}, on: \"2026-06-01\") { member { id } errors { message } }");
		this.graphQl.document("mutation { dissolveOrg(id: \"h-d\", membersTo: \"h-t2\", on: \"2026-06-02\") { dissolved errors { message } } }")
			.execute()
			.path("dissolveOrg.dissolved").entity(String.class).isEqualTo("h-d");

		this.graphQl.document("{ org(id: \"h-d\") { id } }").execute().path("org").valueIsNull();
		this.graphQl.document("{ member(id: \"h-m2\") { transfers { on fromEnd { id name dissolvedOn } toEnd { id name dissolvedOn } reason } } }")
			.execute()
			.path("member.transfers[0].on").entity(String.class).isEqualTo("2026-06-02")
			.path("member.transfers[0].fromEnd.id").entity(String.class).isEqualTo("h-d")
			.path("member.transfers[0].fromEnd.name").entity(String.class).isEqualTo("將撤支部")
			.path("member.transfers[0].fromEnd.dissolvedOn").entity(String.class).isEqualTo("2026-06-02")
			.path("member.transfers[0].toEnd.id").entity(String.class).isEqualTo("h-t2")
			.path("member.transfers[0].toEnd.dissolvedOn").valueIsNull();
		this.graphQl.document("{ changes(from: \"2026-06-02\", to: \"2026-06-02\", within: \"h-t2\") { kind org member } }")
			.execute()
			.path("changes[*].kind").entityList(String.class).containsExactly("TRANSFERRED", "DISSOLVED");
		this.graphQl.document("mutation { createOrg(input: {id: \"h-d\", kind: BRANCH, name: \"新支部\", parent: \"h-t2\"}) { org { id } errors { item field message } } }")
			.execute()
			.path("createOrg.org").valueIsNull()
			.path("createOrg.errors[0].item").entity(String.class).isEqualTo("h-d")
			.path("createOrg.errors[0].field").entity(String.class).isEqualTo("id");
	}

	@Test
	void changesAreScopedATownshipUserSeesOnlyItsOwnTownshipsEvents() {
		String today = LocalDate.now().toString();
		mutate("renameOrg(id: \"h-county\", name: \"中共歷史縣委員會\") { org { id } errors { message } }");
		String name = this.graphQl.document("{ org(id: \"o-v-xz\") { name } }").execute().path("org.name").entity(String.class).get();
		mutate("renameOrg(id: \"o-v-xz\", name: \"" + name + "（改）\") { org { id } errors { message } }");
		mutate("renameOrg(id: \"o-v-xz\", name: \"" + name + "\") { org { id } errors { message } }");

		String query = "{ changes(from: \"" + today + "\", to: \"" + today + "\") { kind org } }";
		List<String> all = this.graphQl.document(query).execute().path("changes[*].org").entityList(String.class).get();
		assertThat(all).contains("h-county", "o-v-xz");
		List<String> township = this.hbtAnalyst.document(query).execute().path("changes[*].org").entityList(String.class).get();
		assertThat(township).contains("o-v-xz").doesNotContain("h-county");
		// Another township's subtree, asked for by a township user: as an unknown org.
		this.hbtAnalyst.document("{ changes(from: \"" + today + "\", to: \"" + today + "\", within: \"o-t-yz\") { kind } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty());
	}

	@Test
	void anAppliedScenarioKeepsItsReportWhoAndWhen() {
		mutate("createOrg(input: {id: \"h-s\", kind: BRANCH, name: \"試點支部\", parent: \"h-t3\"}, on: \"2026-07-01\") { org { id } errors { message } }");
		this.graphQl.document("mutation { saveScenario(name: \"歷史撤銷\", within: \"h-t3\", operations: [{op: DISSOLVE, org: \"h-s\", target: \"h-t3\"}]) { scenario { name } errors { message } } }")
			.execute()
			.path("saveScenario.errors").entityList(Object.class).hasSize(0);
		this.graphQl.document("mutation { applyScenario(name: \"歷史撤銷\", on: \"2026-07-02\") { orgsDissolved errors { message } } }")
			.execute()
			.path("applyScenario.errors").entityList(Object.class).hasSize(0)
			.path("applyScenario.orgsDissolved").entityList(String.class).containsExactly("h-s");

		this.graphQl.document("{ scenario(name: \"歷史撤銷\") { appliedBy appliedOn appliedAt report { orgsDissolved markdown } } }")
			.execute()
			.path("scenario.appliedBy").entity(String.class).isEqualTo("admin")
			.path("scenario.appliedOn").entity(String.class).isEqualTo("2026-07-02")
			.path("scenario.appliedAt").entity(String.class).satisfies((at) -> assertThat(at).isNotBlank())
			.path("scenario.report.orgsDissolved").entityList(String.class).containsExactly("h-s");
		this.graphQl.document("{ changes(from: \"2026-07-02\", to: \"2026-07-02\", within: \"h-county\") { kind org scenario by } }")
			.execute()
			.path("changes[*].kind").entityList(String.class).containsExactly("DISSOLVED")
			.path("changes[0].scenario").entity(String.class).isEqualTo("歷史撤銷")
			.path("changes[0].by").entity(String.class).isEqualTo("admin");
	}

	private void mutate(String mutation) {
		String root = mutation.substring(0, mutation.indexOf('('));
		this.graphQl.document("mutation { " + mutation + " }")
			.execute()
			.path(root + ".errors")
			.entityList(Object.class)
			.hasSize(0);
	}

}
