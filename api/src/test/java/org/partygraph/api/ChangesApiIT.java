package org.partygraph.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutations over HTTP on a county of their own (so the other tests' data stays put): each hard
 * rule answers a typed error naming the item and field, and leaves the stored graph as it was.
 */
class ChangesApiIT extends ServiceTestBase {

	private static final String COUNTY = """
			{"format": "party-graph/1", "name": "變更縣",
			 "units": [{"id": "c-u", "kind": "COUNTY", "name": "變更縣"}],
			 "orgs": [
			  {"id": "c-county", "kind": "COUNTY_COMMITTEE", "name": "中共變更縣委", "units": ["c-u"]},
			  {"id": "c-t", "kind": "TOWNSHIP_COMMITTEE", "name": "甲鄉黨委", "parent": "c-county"},
			  {"id": "c-b", "kind": "BRANCH", "name": "甲村黨支部", "parent": "c-t"},
			  {"id": "c-g", "kind": "PARTY_GROUP", "name": "第一黨小組", "parent": "c-b"},
			  {"id": "c-b2", "kind": "BRANCH", "name": "乙村黨支部", "parent": "c-t"}],
			 "members": [
			  {"id": "c-m1", "name": "趙一", "status": "FULL", "org": "c-b", "group": "c-g"},
			  {"id": "c-m2", "name": "趙二", "status": "FULL", "org": "c-b"}]}
			""";

	@BeforeEach
	void freshCounty() {
		this.graphQl.document("mutation($json: String!) { importDataset(json: $json) { dataset nodes errors { item field message } } }")
			.variable("json", COUNTY)
			.execute()
			.path("importDataset.dataset").entity(String.class).isEqualTo("變更縣")
			.path("importDataset.errors").entityList(Object.class).hasSize(0);
	}

	@Test
	void createRenameAndReadBack() {
		mutate("mutation { createOrg(input: {id: \"c-new\", kind: BRANCH, name: \"丙村黨支部\", parent: \"c-t\"}) { org { id kind parent { id } } errors { field } } }")
			.path("createOrg.org.parent.id").entity(String.class).isEqualTo("c-t")
			.path("createOrg.errors").entityList(Object.class).hasSize(0);
		mutate("mutation { renameOrg(id: \"c-new\", name: \"丁村黨支部\") { org { name } errors { field } } }")
			.path("renameOrg.org.name").entity(String.class).isEqualTo("丁村黨支部");
	}

	@Test
	void eachHardRuleIsATypedErrorAndChangesNothing() {
		Dataset before = this.exporter.exportAll();
		expectError("mutation { createOrg(input: {id: \"c-x\", kind: BRANCH, name: \"x\", parent: \"c-g\"}) { org { id } errors { item field message } } }",
				"createOrg", "c-x", "parent");
		expectError("mutation { createOrg(input: {id: \"c-b\", kind: BRANCH, name: \"x\", parent: \"c-t\"}) { org { id } errors { item field message } } }",
				"createOrg", "c-b", "id");
		expectError("mutation { moveOrg(id: \"c-t\", parent: \"c-b\") { org { id } errors { item field message } } }",
				"moveOrg", "c-t", "parent");
		expectError("mutation { addMember(input: {id: \"c-m9\", name: \"錢九\", status: FULL, org: \"c-g\"}) { member { id } errors { item field message } } }",
				"addMember", "c-m9", "org");
		expectError("mutation { transferMember(member: \"c-m1\", to: \"c-g\") { transfer { id } errors { item field message } } }",
				"transferMember", "c-m1", "target");
		expectError("mutation { assignGroup(member: \"c-m1\", group: \"c-b2\") { member { id } errors { item field message } } }",
				"assignGroup", "c-m1", "group");
		assertThat(this.exporter.exportAll()).as("nothing half-applied").isEqualTo(before);
	}

	@Test
	void refusalsComeInTheRequestsLanguage() {
		String taken = "mutation { createOrg(input: {id: \"c-b\", kind: BRANCH, name: \"x\", parent: \"c-t\"}) { org { id } errors { item field message } } }";
		String cycle = "mutation { moveOrg(id: \"c-t\", parent: \"c-b\") { org { id } errors { item field message } } }";
		String group = "mutation { assignGroup(member: \"c-m1\", group: \"c-b2\") { member { id } errors { item field message } } }";
		assertThat(messages("en", taken, "createOrg"))
			.containsExactly("id 'c-b' is already taken; ids are unique across orgs, units, members and candidates");
		assertThat(messages("en", cycle, "moveOrg"))
			.containsExactly("'c-b' is inside the subtree of 'c-t'; the move would make the subordination cycle c-t → c-b → c-t");
		assertThat(messages("en", group, "assignGroup"))
			.containsExactly("'c-b2' (BRANCH) is not a PARTY_GROUP");
		assertThat(messages("zh-CN", taken, "createOrg"))
			.containsExactly("编号“c-b”已被占用；党组织、单位、党员和入党申请人的编号互不相同");
		assertThat(messages("zh-CN", cycle, "moveOrg"))
			.containsExactly("“c-b”在“c-t”的下级组织之中；改隶将形成隶属循环c-t → c-b → c-t");
		assertThat(messages("zh-TW", group, "assignGroup")).containsExactly("'c-b2' (BRANCH)不是黨小組（PARTY_GROUP）");
		String named = "mutation($name: String!) { createOrg(input: {id: \"c-y\", kind: BRANCH, name: $name, parent: \"c-t\"}) { org { id } errors { item field message } } }";
		assertThat(messages("en", named, "createOrg", "a\u200D1")).containsExactly(
				"name has a format character U+200D at position 2 (a joiner is allowed only between two letters or marks)");
		assertThat(messages("zh-HK", named, "createOrg", "a\u0000b")).containsExactly("名稱name第2個字元是控制字元U+0000");
		assertThat(messages("zh-CN", named, "createOrg", "村".repeat(1001))).containsExactly("名称name有1,001个字符；最多200个");
	}

	private List<String> messages(String language, String document, String field) {
		return messages(language, document, field, null);
	}

	private List<String> messages(String language, String document, String field, String name) {
		GraphQlTester.Request<?> request = this.graphQl.mutate().header("Accept-Language", language).build().document(document);
		if (name != null) {
			request = request.variable("name", name);
		}
		return request.execute().path(field + ".errors[*].message").entityList(String.class).get();
	}

	@Test
	void aDateThatIsNoDateIsRefusedNamingTheFieldAndNothingIsWritten() {
		Dataset before = this.exporter.exportAll();
		// In the document: a validation error naming the argument and the input field.
		this.graphQl.document("mutation { addMember(input: {id: \"c-m9\", name: \"錢九\", status: FULL, org: \"c-b\", joined: \"2020-13-01\"}) { member { id } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.getErrorType().toString()).isEqualTo("ValidationError");
				assertThat(e.getMessage()).contains("input.joined").contains("'2020-13-01' is not an ISO date (yyyy-MM-dd)");
			}));
		// In a variable: the error names the variable and the value (graphql-java does not say which field).
		this.graphQl.document("mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }")
			.variable("input", Map.of("id", "c-m9", "name", "錢九", "status", "FULL", "org", "c-b", "birthDate",
					"1990-02-30"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.getMessage())
					.isEqualTo("Variable 'input' has an invalid value: '1990-02-30' is not an ISO date (yyyy-MM-dd)");
			}));
		assertThat(this.exporter.exportAll()).as("nothing written").isEqualTo(before);
		// A valid date is stored and read back as the same text.
		mutate("mutation { addMember(input: {id: \"c-m9\", name: \"錢九\", status: FULL, org: \"c-b\", joined: \"2001-02-03\"}) { member { joined } errors { field } } }")
			.path("addMember.member.joined").entity(String.class).isEqualTo("2001-02-03");
	}

	@Test
	void membersToMayBeLeftOutOnlyForAnOrgWithoutMembers() {
		Dataset before = this.exporter.exportAll();
		// c-b has members (one of them in its party group c-g): membersTo is required, and the error names it.
		expectError("mutation { dissolveOrg(id: \"c-b\") { dissolved errors { item field message } } }", "dissolveOrg",
				"c-b", "membersTo");
		assertThat(this.exporter.exportAll()).as("nothing written").isEqualTo(before);
		// c-b2 has none: it goes without one.
		mutate("mutation { dissolveOrg(id: \"c-b2\") { dissolved parent { id } membersMoved childrenMoved errors { field message } } }")
			.path("dissolveOrg.errors").entityList(Object.class).hasSize(0)
			.path("dissolveOrg.dissolved").entity(String.class).isEqualTo("c-b2")
			.path("dissolveOrg.parent.id").entity(String.class).isEqualTo("c-t")
			.path("dissolveOrg.membersMoved").entity(Integer.class).isEqualTo(0);
		this.graphQl.document("{ org(id: \"c-b2\") { id } }").execute().path("org").valueIsNull();
	}

	@Test
	void transferIsKeptAsHistory() {
		mutate("mutation { transferMember(member: \"c-m1\", to: \"c-b2\", reason: \"搬遷\") { transfer { from { id } to { id } reason at } errors { field } } }")
			.path("transferMember.transfer.from.id").entity(String.class).isEqualTo("c-b")
			.path("transferMember.transfer.to.id").entity(String.class).isEqualTo("c-b2")
			.path("transferMember.transfer.reason").entity(String.class).isEqualTo("搬遷");
		mutate("mutation { transferMember(member: \"c-m1\", to: \"c-t\") { errors { field } } }")
			.path("transferMember.errors").entityList(Object.class).hasSize(0);
		this.graphQl.document("{ member(id: \"c-m1\") { org { id } group { id } transfers { from { id } to { id } } } }")
			.execute()
			.path("member.org.id").entity(String.class).isEqualTo("c-t")
			.path("member.group").valueIsNull()
			.path("member.transfers[*].to.id").entityList(String.class).containsExactly("c-t", "c-b2");
	}

	@Test
	void namesThatLookLikeCypherAreStoredLiterally() {
		String name = "x'}) DETACH DELETE n // \\\"乙\\\" $param";
		mutate("mutation { createOrg(input: {id: \"c-evil\", kind: BRANCH, name: \"" + name + "\", parent: \"c-t\"}) { org { name } errors { field } } }")
			.path("createOrg.org.name").entity(String.class).isEqualTo("x'}) DETACH DELETE n // \"乙\" $param");
		this.graphQl.document("{ org(id: \"c-t\") { children { id } } }")
			.execute()
			.path("org.children[*].id").entityList(String.class)
			.satisfies((ids) -> assertThat(ids).containsExactlyInAnyOrder("c-b", "c-b2", "c-evil"));
	}

	@Test
	void anInvalidImportNamesEveryProblem() {
		this.graphQl.document("mutation($json: String!) { importDataset(json: $json) { dataset errors { item field message } } }")
			.variable("json", "{\"format\": \"party-graph/1\", \"name\": \"壞\", \"units\": [], \"orgs\": [{\"id\": \"z\", \"kind\": \"BRNCH\", \"name\": \"z\"}], \"members\": []}")
			.execute()
			.path("importDataset.dataset").valueIsNull()
			.path("importDataset.errors[*].field").entityList(String.class).contains("kind")
			.path("importDataset.errors[*].item").entityList(String.class).contains("z");
		// In the request's language (#19): item and field as they are.
		this.graphQl.mutate().header("Accept-Language", "zh-CN").build()
			.document("mutation($json: String!) { importDataset(json: $json) { dataset errors { item field message } } }")
			.variable("json", "{\"format\": \"party-graph/1\", \"name\": \"壞\", \"units\": [], \"orgs\": [{\"id\": \"z\", \"kind\": \"BRANCH\", \"name\": \"z\", \"parent\": \"無此\"}], \"members\": []}")
			.execute()
			.path("importDataset.dataset").valueIsNull()
			.path("importDataset.errors").entityList(Map.class).satisfies((errors) -> assertThat(errors).singleElement()
				.isEqualTo(Map.of("item", "z", "field", "parent", "message", "parent引用的党组织“無此”不存在")));
	}

	private GraphQlTester.Response mutate(String document) {
		return this.graphQl.document(document).execute();
	}

	private void expectError(String document, String field, String item, String inputField) {
		GraphQlTester.Response response = mutate(document);
		List<Map> errors = response.path(field + ".errors").entityList(Map.class).get();
		assertThat(errors).as(document).anySatisfy((e) -> {
			assertThat(e.get("item")).isEqualTo(item);
			assertThat(e.get("field")).isEqualTo(inputField);
			assertThat((String) e.get("message")).isNotBlank();
		});
	}

}
