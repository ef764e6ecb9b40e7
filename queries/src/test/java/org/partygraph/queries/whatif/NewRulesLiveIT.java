package org.partygraph.queries.whatif;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.structure.Structure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of #20 on real Neo4j: the live complianceIssues of the planted county (stored, read
 * back through the snapshot) are exactly the in-memory checker's on the same records, and hold each
 * new rule where it is planted (and nowhere it is not).
 */
class NewRulesLiveIT {

	private final RuleChecker checker = new RuleChecker(RuleThresholds.DEFAULTS);

	private final ComplianceQueries compliance = new ComplianceQueries(new DatasetExporter(TestNeo4j.driver()),
			this.checker, PatternFigures::of);

	@AfterAll
	static void clear() {
		TestNeo4j.clear();
	}

	@Test
	void liveIssuesAreTheInMemoryOnesAndHoldTheNewRules() {
		TestNeo4j.clear();
		Dataset county = WhatIfEngineTests.plantedCounty().dataset();
		new DatasetImporter(TestNeo4j.driver()).importDataset(county, ImportProgress.NONE);

		List<ComplianceIssue> live = this.compliance.issues("o-c", EnumSet.noneOf(Rule.class));
		List<ComplianceIssue> inMemory = this.checker.check(Structure.of(county), "o-c", null);
		assertThat(live).isEqualTo(inMemory);

		Set<Rule> added = EnumSet.of(Rule.SECRETARY_DUPLICATE, Rule.EMPTY_ORG, Rule.GENERAL_BRANCH_WITHOUT_BRANCHES,
				Rule.JOINT_BRANCH_ACROSS_TOWNSHIPS);
		assertThat(live.stream().filter((i) -> added.contains(i.rule())).map(ComplianceIssue::key))
			.containsExactlyInAnyOrder("SECRETARY_DUPLICATE@o-two", "EMPTY_ORG@o-empty", "EMPTY_ORG@o-empty-g",
					"GENERAL_BRANCH_WITHOUT_BRANCHES@o-gb4", "GENERAL_BRANCH_WITHOUT_BRANCHES@o-gb5",
					"JOINT_BRANCH_ACROSS_TOWNSHIPS@o-jb");
		// Within one township's subtree the joint branch's other township is still seen (units are
		// read up to the county), so the scoped check agrees.
		assertThat(this.compliance.issues("o-t", EnumSet.of(Rule.JOINT_BRANCH_ACROSS_TOWNSHIPS)))
			.extracting(ComplianceIssue::key)
			.containsExactly("JOINT_BRANCH_ACROSS_TOWNSHIPS@o-jb");
		// At the threshold: o-two's second secretary gives up the office, o-gb5 becomes a branch.
		WhatIfReport report = this.compliance.whatIf("o-t",
				List.of(Operation.endRole(secretaries(county).get(1), "o-two", "SECRETARY"),
						Operation.upgrade("o-gb5", "BRANCH")));
		assertThat(report.issuesFixed()).extracting(ComplianceIssue::key)
			.contains("SECRETARY_DUPLICATE@o-two", "GENERAL_BRANCH_WITHOUT_BRANCHES@o-gb5");
	}

	private static List<String> secretaries(Dataset county) {
		return county.members()
			.stream()
			.filter((m) -> m.roles().stream().anyMatch((r) -> r.org().equals("o-two")))
			.map((m) -> m.id())
			.sorted()
			.toList();
	}

}
