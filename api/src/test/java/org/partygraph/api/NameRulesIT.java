package org.partygraph.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.Org;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name rule ({@code org.partygraph.model.Names}) over HTTP: a rename with a bad name answers an
 * error on the field {@code name} and writes nothing; a good one is stored in its stored form (NFC,
 * trimmed). The renamed org of the small county gets its name back after each test.
 */
class NameRulesIT extends ServiceTestBase {

	private static final String ORG = "s-o-xz-b";

	private static final String NAME = "上寨村養殖行業黨支部";

	private static final String RENAME = """
			mutation($id: ID!, $name: String!) {
			  renameOrg(id: $id, name: $name) { org { name } errors { item field message } }
			}""";

	@AfterEach
	void restoreTheName() {
		rename(NAME).path("renameOrg.errors").entityList(Object.class).hasSize(0);
	}

	@Test
	void aNameWithANulByteIsRefusedOnTheFieldNameAndNothingIsWritten() {
		refused("上寨\u0000村", "name has a control character U+0000 at position 3");
	}

	@Test
	void aNameOfTwoHundredAndOneCharactersIsRefusedOnTheFieldNameAndNothingIsWritten() {
		refused("村".repeat(201), "name is 201 characters; at most 200");
	}

	@Test
	void aNameWithARightToLeftOverrideIsRefusedOnTheFieldNameAndNothingIsWritten() {
		refused("\u202Egnp.exe", "name has a format character U+202E at position 1");
	}

	@Test
	void aDecomposedNameIsStoredComposedAndTrimmed() {
		String decomposed = "  上寨村 Jose\u0301 黨支部 ";
		String composed = "上寨村 Jos\u00E9 黨支部";
		rename(decomposed).path("renameOrg.errors").entityList(Object.class).hasSize(0)
			.path("renameOrg.org.name").entity(String.class).isEqualTo(composed);
		assertThat(storedName()).isEqualTo(composed).hasSize(composed.length());
		this.graphQl.document("{ org(id: \"" + ORG + "\") { name } }")
			.execute()
			.path("org.name").entity(String.class).isEqualTo(composed);
	}

	private void refused(String name, String message) {
		// the small county's whole tree, as stored
		Dataset before = this.exporter.snapshot(ORG);
		GraphQlTester.Response response = rename(name);
		response.path("renameOrg.org").valueIsNull();
		List<Map> errors = response.path("renameOrg.errors").entityList(Map.class).get();
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.get("item")).isEqualTo(ORG);
			assertThat(error.get("field")).isEqualTo("name");
			assertThat(error.get("message")).isEqualTo(message);
		});
		assertThat(storedName()).isEqualTo(NAME);
		assertThat(this.exporter.snapshot(ORG)).isEqualTo(before);
	}

	private GraphQlTester.Response rename(String name) {
		return this.graphQl.document(RENAME).variable("id", ORG).variable("name", name).execute();
	}

	private String storedName() {
		return this.exporter.snapshot(ORG).orgs().stream().filter((o) -> o.id().equals(ORG)).map(Org::name)
			.findFirst().orElseThrow();
	}

}
