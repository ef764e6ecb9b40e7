package org.partygraph.queries.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.RandomChanges;
import org.partygraph.queries.SmallCounty;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.change.ProbationOutcome;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.dataset.bulk.BulkImportSettings;
import org.partygraph.queries.dataset.bulk.BulkImporter;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.scenario.ScenarioApplier;
import org.partygraph.queries.scenario.ScenarioStore;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.write.EventDates;
import org.partygraph.seed.SyntheticCounties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeptCompliance} held against a full check of the graph after every kind of change: two
 * counties (two trees: one the sample's size, one small), a seeded random sequence of changes through the real change paths
 * ({@link RandomChanges}: renames, moves across counties, dissolutions, new orgs, transfers,
 * co-managers, offices, groups, new members, a scenario's kind change), then an election, a
 * dispatch, a stay away, a probation decided, a scenario of several operations and an import.
 * After each, the kept answer (whole, and cut to a township and to some rules) equals the full
 * check's, and only the trees the change touched were checked again.
 */
class KeptComplianceIT {

	private static final Set<Rule> ALL = EnumSet.allOf(Rule.class);

	private final EventDates dates = EventDates.DEFAULT;

	private final OrgChanges changes = new OrgChanges(TestNeo4j.driver(), this.dates);

	private final DatasetExporter exporter = new DatasetExporter(TestNeo4j.driver());

	private final ComplianceQueries compliance = new ComplianceQueries(this.exporter,
			new RuleChecker(RuleThresholds.DEFAULTS), PatternFigures::of, 2);

	private final ScenarioStore scenarios = new ScenarioStore(TestNeo4j.driver(), this.exporter, this.compliance);

	private final ScenarioApplier applier = new ScenarioApplier(TestNeo4j.driver(), this.exporter, this.compliance,
			this.dates);

	@BeforeAll
	static void loadCounties(@TempDir Path dir) throws IOException {
		TestNeo4j.clear();
		TestNeo4j.driver().executableQuery("MATCH (s:Scenario) DETACH DELETE s").execute();
		Path file = dir.resolve("counties.json");
		new SyntheticCounties(1, 1, 11).write(file, "一縣", (done, total, members) -> {
		});
		new BulkImporter(TestNeo4j.driver(), BulkImportSettings.DEFAULTS).importFile(file, ImportProgress.NONE);
		new DatasetImporter(TestNeo4j.driver(), EventDates.DEFAULT).importDataset(SmallCounty.dataset(),
				ImportProgress.NONE);
	}

	@AfterAll
	static void clear() {
		TestNeo4j.clear();
		TestNeo4j.driver().executableQuery("MATCH (s:Scenario) DETACH DELETE s").execute();
	}

	@Test
	void theKeptAnswerIsAFullChecksAfterEveryKindOfChange() {
		KeptCompliance kept = new KeptCompliance(TestNeo4j.driver(), this.compliance, Duration.ofSeconds(10));
		assertThat(this.exporter.roots()).hasSize(2);
		sameAsAFullCheck(kept, "first read");
		assertThat(kept.treesChecked()).as("the first read checks every tree").isEqualTo(2);
		sameAsAFullCheck(kept, "read again");
		assertThat(kept.treesChecked()).as("with nothing changed, the answer is read, not checked").isEqualTo(2);

		// The change paths the random sequence leaves out, one by one, while no link crosses from one
		// county to the other yet: each is checked again in its own county only.
		LocalDate today = this.dates.today();
		String root = SyntheticCounties.countyCommittee(0);
		Structure county = Structure.of(this.exporter.snapshot(root));
		Org branch = county.subtree(root)
			.stream()
			.filter((o) -> o.kind() == OrgKind.BRANCH && !county.directMembers(o.id()).isEmpty())
			.findFirst()
			.orElseThrow();
		Member secretary = county.directMembers(branch.id()).get(0);
		long before = kept.treesChecked();
		this.changes.recordElection(branch.id(), secretary.id(), null, null);
		sameAsAFullCheck(kept, "after an election");
		assertThat(kept.treesChecked() - before).as("trees checked again after an election").isEqualTo(1);

		Org village = county.subtree(root)
			.stream()
			.filter((o) -> !o.id().equals(secretary.org()) && o.units().stream()
				.anyMatch((u) -> county.unit(u) != null && county.unit(u).kind() == UnitKind.VILLAGE))
			.findFirst()
			.orElseThrow();
		this.changes.dispatchFirstSecretary(secretary.id(), village.id(), today, null, null);
		sameAsAFullCheck(kept, "after a dispatch");
		this.changes.recordAway(secretary.id(), village.id(), today, null);
		sameAsAFullCheck(kept, "after a stay away");

		Member probationary = county.subtree(root)
			.stream()
			.flatMap((o) -> county.directMembers(o.id()).stream())
			.filter((m) -> m.status() == MemberStatus.PROBATIONARY && m.probationEndsOn(12) != null
					&& m.probationEndsOn(12).isBefore(today))
			.findFirst()
			.orElseThrow();
		before = kept.treesChecked();
		this.changes.decideProbation(probationary.id(), ProbationOutcome.FULL, 0, 12);
		sameAsAFullCheck(kept, "after a probation decided");
		assertThat(kept.treesChecked() - before).as("trees checked again after a probation decided").isEqualTo(1);

		List<Org> branches = county.subtree(root)
			.stream()
			.filter((o) -> o.kind() == OrgKind.BRANCH && !o.id().equals(branch.id()))
			.toList();
		this.scenarios.save("kept-compliance", root, List.of(Operation.upgrade(branches.get(0).id(), "GENERAL_BRANCH"),
				Operation.electCommittee(branches.get(1).id()), Operation.dissolve(branches.get(2).id(), branches.get(2).parent())), null,
				"prop", null);
		before = kept.treesChecked();
		this.applier.apply("kept-compliance", "prop", null, today);
		sameAsAFullCheck(kept, "after a scenario's apply");
		assertThat(kept.treesChecked() - before).as("trees checked again after a scenario in one county").isEqualTo(1);

		// Across the counties: a full member transferred into the small county's branch of two full
		// members (its MIN_FULL_MEMBERS break goes), then a branch moved under its general branch.
		Member full = county.subtree(root)
			.stream()
			.filter((o) -> o.kind() == OrgKind.BRANCH && !o.id().equals(branch.id()))
			.flatMap((o) -> county.directMembers(o.id()).stream())
			.filter((m) -> m.status() == MemberStatus.FULL && m.roles().isEmpty())
			.findFirst()
			.orElseThrow();
		assertThat(kept.issues("o-xz-b", EnumSet.of(Rule.MIN_FULL_MEMBERS))).hasSize(1);
		before = kept.treesChecked();
		this.changes.transferMember(full.id(), "o-xz-b", "調入", null);
		sameAsAFullCheck(kept, "after a transfer from one county to the other");
		assertThat(kept.treesChecked() - before).as("trees checked again after a transfer across").isEqualTo(2);
		assertThat(kept.issues("o-xz-b", EnumSet.of(Rule.MIN_FULL_MEMBERS))).as("the small branch now has three")
			.isEmpty();
		before = kept.treesChecked();
		this.changes.moveOrg(branches.get(3).id(), "o-xz");
		sameAsAFullCheck(kept, "after a move from one county to the other");
		assertThat(kept.treesChecked() - before).as("trees checked again after a move across").isEqualTo(2);

		// Then the random sequence, which also links the counties (moves, transfers, offices across).
		RandomChanges random = new RandomChanges(this.changes, this.scenarios, this.applier);
		Random seeded = new Random(5);
		Dataset now = this.exporter.exportAll();
		Map<String, Integer> kinds = new LinkedHashMap<>();
		int oneTree = 0;
		for (int step = 0; step < 20; step++) {
			long was = kept.treesChecked();
			long events = TestNeo4j.count("MATCH (e:Event) RETURN count(e)");
			String kind = random.change(seeded, today, now, step);
			if (kind == null) {
				continue;
			}
			kinds.merge(kind, 1, Integer::sum);
			sameAsAFullCheck(kept, "after " + kind + " (step " + step + ")");
			long checked = kept.treesChecked() - was;
			if (TestNeo4j.count("MATCH (e:Event) RETURN count(e)") == events) {
				assertThat(checked).as("trees checked again after " + kind + ", which changed nothing").isZero();
			}
			else {
				assertThat(checked).as("trees checked again after " + kind).isBetween(1L, 2L);
			}
			oneTree += (checked == 1) ? 1 : 0;
			if (step % 2 == 1) {
				now = this.exporter.exportAll();
			}
		}
		assertThat(kinds.keySet()).as("kinds of change made").hasSizeGreaterThanOrEqualTo(7);
		assertThat(kept.treesBroughtUpToDate()).as("trees brought up to date from their kept snapshot, not read whole")
			.isGreaterThanOrEqualTo(10);
		assertThat(oneTree).as("changes after which only their own county was checked again").isGreaterThanOrEqualTo(6);


		Dataset third = new Dataset("第三縣", List.of(Unit.of("kc-u", UnitKind.COUNTY, "第三縣", null)),
				List.of(Org.of("kc-county", OrgKind.COUNTY_COMMITTEE, "中共第三縣委", null),
						Org.of("kc-b", OrgKind.BRANCH, "第三縣某黨支部", "kc-county")),
				List.of());
		new DatasetImporter(TestNeo4j.driver(), this.dates).importDataset(third, ImportProgress.NONE, today, "admin");
		before = kept.treesChecked();
		sameAsAFullCheck(kept, "after an import");
		assertThat(kept.treesChecked() - before).as("an import checks every tree again").isEqualTo(3);
	}

	/**
	 * The kept answer equals a full check: everywhere, within a township (the full check cut to its
	 * subtree) and for two rules only.
	 */
	private void sameAsAFullCheck(KeptCompliance kept, String when) {
		String township = SyntheticCounties.id(0, 0, "o-t-hbt");
		List<ComplianceIssue> full = this.compliance.issues(null, ALL);
		assertThat(kept.issues(null, ALL)).as("every issue " + when).containsExactlyElementsOf(full);
		Set<Rule> two = EnumSet.of(Rule.MIN_FULL_MEMBERS, Rule.SECRETARY_MISSING);
		assertThat(kept.issues(null, two)).as("two rules " + when)
			.containsExactlyElementsOf(full.stream().filter((i) -> two.contains(i.rule())).toList());
		Structure tree = Structure.of(this.exporter.snapshot(township));
		assertThat(kept.issues(township, ALL)).as("within " + township + " " + when)
			.isNotEmpty()
			.containsExactlyElementsOf(full.stream().filter((i) -> tree.isInSubtree(i.orgId(), township)).toList());
	}

}
