package org.partygraph.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The application module talks to the database only through the queries module. */
class ArchitectureTests {

	private final JavaClasses api = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.partygraph.api");

	@Test
	void apiNeverTouchesTheDriver() {
		noClasses().should().dependOnClassesThat().resideInAnyPackage("org.neo4j..").check(this.api);
	}

	@Test
	void apiNeverTouchesTheEmbeddedDatabase() {
		noClasses().should().dependOnClassesThat().resideInAnyPackage("org.partygraph.embedded..").check(this.api);
	}

}
