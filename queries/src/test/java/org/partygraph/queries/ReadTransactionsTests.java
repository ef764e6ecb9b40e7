package org.partygraph.queries;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.dataset.DatasetExporter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Everything that only reads runs in read transactions ({@code executeRead}), which a cluster
 * routes to secondaries: the read queries, the pattern queries, the rule checks and what-ifs, and
 * the snapshot they read ({@link DatasetExporter}). None of them opens a write transaction, an
 * explicit transaction or an auto-commit statement (both of which run in the session's mode, WRITE
 * by default, so they would go to the leader).
 */
class ReadTransactionsTests {

	private static final Set<String> WRITE_OR_SESSION_MODE = Set.of("executeWrite", "executeWriteWithoutResult",
			"beginTransaction", "run");

	private static final DescribedPredicate<JavaMethodCall> WRITES = DescribedPredicate.describe(
			"executeWrite, beginTransaction or run on a driver Session",
			(call) -> call.getTargetOwner().isAssignableTo(Session.class)
					&& WRITE_OR_SESSION_MODE.contains(call.getName()));

	private final JavaClasses queries = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.partygraph.queries");

	@Test
	void readPathsUseReadTransactionsOnly() {
		noClasses().that()
			.resideInAnyPackage("org.partygraph.queries.read..", "org.partygraph.queries.pattern..",
					"org.partygraph.queries.rules..", "org.partygraph.queries.whatif..",
					"org.partygraph.queries.structure..", "org.partygraph.queries.history..")
			.or()
			.belongToAnyOf(DatasetExporter.class)
			.should()
			.callMethodWhere(WRITES)
			.check(this.queries);
	}

	/** The rule can fail: the change path does write. */
	@Test
	void theRuleSeesWrites() {
		classes().that().belongToAnyOf(OrgChanges.class).should().callMethodWhere(WRITES).check(this.queries);
	}

}
