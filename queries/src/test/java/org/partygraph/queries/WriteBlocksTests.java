package org.partygraph.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.partygraph.queries.dataset.GraphSchema;
import org.partygraph.queries.write.Links;
import org.partygraph.queries.write.Members;
import org.partygraph.queries.write.WriteLocks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The graph's invariants for writes have one home, the {@code write} package: the org and member
 * nodes with their property maps, the relationships between orgs, members and units, transfer
 * records, the dataset of a new org, locks and member tallies. No class outside it holds the Cypher
 * that creates those nodes or relationships ({@code CREATE}/{@code MERGE} of a {@link GraphSchema}
 * type, of {@code TRANSFERRED}, or of an org, member, unit or transfer node), sets a member tally,
 * takes a lock ({@code _LOCK_}) or works out the dataset of new orgs from their units. Checked on the
 * source of each class, where the Cypher text blocks are.
 */
class WriteBlocksTests {

	private static final String TYPES = String.join("|",
			java.util.Arrays.stream(GraphSchema.Rel.values()).map(Enum::name).toList())
			+ "|TRANSFERRED|DEVELOPED_BY|RECORDED|BECAME|DISPATCHED_TO|AWAY_AT|%s";

	private static final List<Pattern> INVARIANT_CYPHER = List.of(
			// a relationship created or merged: CREATE (a)-[:MEMBER_OF]->(b), MERGE (m)-[r:%s]->(o), ...
			Pattern.compile("\\b(CREATE|MERGE)\\b[^\\n]*\\[\\w*:(" + TYPES + ")\\b"),
			// a node of the dataset or the history created or merged: CREATE (o:Org), CREATE (m:StagedMember), ...
			Pattern.compile("\\b(CREATE|MERGE)\\s*\\(\\w*:(Staged)?(Org|Member|Unit|Transfer|Candidate|DevelopmentRecord|%s)\\b"),
			// a member tally set
			Pattern.compile("\\.(ownMembers|ownFullMembers|groupMembers|groupFullMembers)\\s*=[^=]"),
			// a lock taken
			Pattern.compile("_LOCK_"),
			// the datasets of units, which decide a new root's dataset
			Pattern.compile("UNIT_DATASETS|collect\\(DISTINCT u\\.dataset\\)"));

	private static final Path SOURCES = Path.of("src/main/java");

	private final JavaClasses queries = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.partygraph.queries");

	@Test
	void onlyTheWritePackageHoldsTheCypherOfTheGraphsInvariants() {
		noClasses().that()
			.resideOutsideOfPackage("org.partygraph.queries.write..")
			.should(holdInvariantCypher())
			.check(this.queries);
	}

	/** The rule can fail: the write package does hold that Cypher. */
	@Test
	void theRuleSeesInvariantCypher() {
		classes().that()
			.belongToAnyOf(Links.class, Members.class, WriteLocks.class, org.partygraph.queries.write.Candidates.class,
					org.partygraph.queries.write.CandidateRows.class, org.partygraph.queries.write.DualRows.class)
			.should(holdInvariantCypher())
			.check(this.queries);
	}

	private static ArchCondition<JavaClass> holdInvariantCypher() {
		return new ArchCondition<>("hold Cypher that writes the graph's invariants") {

			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				String source = source(javaClass);
				boolean any = false;
				for (Pattern pattern : INVARIANT_CYPHER) {
					Matcher matcher = pattern.matcher(source);
					while (matcher.find()) {
						any = true;
						events.add(new SimpleConditionEvent(javaClass, true,
								javaClass.getName() + " holds '" + matcher.group() + "'"));
					}
				}
				if (!any) {
					events.add(new SimpleConditionEvent(javaClass, false,
							javaClass.getName() + " holds no Cypher that writes the graph's invariants"));
				}
			}

		};
	}

	/** The source file a (top-level or nested) class was compiled from; empty when there is none. */
	private static String source(JavaClass javaClass) {
		String file = javaClass.getSourceCodeLocation().getSourceFileName();
		Path path = SOURCES.resolve(javaClass.getPackageName().replace('.', '/')).resolve(file);
		try {
			return Files.isRegularFile(path) ? Files.readString(path) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
