package org.partygraph.queries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.Candidate;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.Dataset;
import org.partygraph.model.Problem;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.model.format.DatasetWriter;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.dataset.DatasetConflictException;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportResult;
import org.partygraph.queries.dataset.bulk.BulkImportSettings;
import org.partygraph.queries.dataset.bulk.BulkImporter;
import org.partygraph.seed.HuairenCounty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.partygraph.queries.TestNeo4j.count;

/**
 * The bulk path for files too large for one transaction: the same graph as the one-transaction
 * import, all or nothing as seen by readers, nothing left behind by a failure.
 */
class BulkImportIT {

	private static final String LEFTOVERS = """
			MATCH (n) WHERE n:StagedUnit OR n:StagedOrg OR n:StagedMember OR n:StagedCandidate
			  OR n:RetiredUnit OR n:RetiredOrg OR n:RetiredMember OR n:RetiredCandidate
			RETURN count(n)""";

	private static final String NAME_INDEX = "SHOW INDEXES YIELD name, state, type WHERE name = 'member_name'";

	@TempDir
	Path dir;

	// Every write keeps the orgs' member tallies (MemberTallies) right, rejected ones included.
	@AfterEach
	void memberTalliesStillMatchTheMembers() {
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
	}

	@BeforeEach
	void clear() {
		TestNeo4j.driver().executableQuery("MATCH (b:BulkImport) DELETE b").execute();
		bulkImporter().cleanUp();
		TestNeo4j.clear();
	}

	/**
	 * The whole sample county, candidates (with their records and BECAME links), first secretaries'
	 * dispatches and stays away included (issue #21): the same graph and the same export as the
	 * one-transaction import, published at once or in chunks, and again over itself.
	 */
	@Test
	void sampleCountyGivesExactlyTheGraphOfTheOneTransactionImport() throws IOException {
		Dataset sample = HuairenCounty.dataset();
		assertThat(sample.candidates()).isNotEmpty().anySatisfy((c) -> assertThat(c.member()).isNotNull());
		assertThat(sample.dispatches()).isNotEmpty();
		assertThat(sample.away()).isNotEmpty();
		new DatasetImporter(TestNeo4j.driver()).importDataset(sample, ImportProgressCounter.NONE);
		List<String> expected = GraphSnapshot.take();
		Dataset exported = new DatasetExporter(TestNeo4j.driver()).exportAll();
		assertThat(exported.candidates()).hasSameSizeAs(sample.candidates());
		assertThat(exported.dispatches()).hasSameSizeAs(sample.dispatches());
		assertThat(exported.away()).hasSameSizeAs(sample.away());
		TestNeo4j.clear();

		List<Long> done = new ArrayList<>();
		// a small batch, so that every kind of statement runs many times
		Path file = write(sample);
		ImportResult result = new BulkImporter(TestNeo4j.driver(), settings(700)).importFile(file,
				(step, d, total) -> done.add(d));
		assertThat(GraphSnapshot.take()).isEqualTo(expected);
		assertThat(new DatasetExporter(TestNeo4j.driver()).exportAll()).isEqualTo(exported);
		long candidateNodes = sample.candidates().stream().mapToLong((c) -> 1 + c.records().size()).sum();
		assertThat(result.nodes()).isEqualTo(sample.size() + candidateNodes);
		assertThat(result.nodes() + result.relationships())
			.isEqualTo(count("MATCH (n) WHERE n:Org OR n:Unit OR n:Member OR n:Candidate OR n:DevelopmentRecord RETURN count(n)")
					+ count("MATCH (n)-[r]->() WHERE n:Org OR n:Unit OR n:Member OR n:Candidate RETURN count(r)"));
		assertThat(done).isSorted().last().isEqualTo(result.nodes() + result.relationships());
		assertThat(count(LEFTOVERS)).isZero();
		assertThat(count("MATCH (d:Dataset {name: '懷仁縣'}) WHERE d.members = 5507 RETURN count(d)")).isEqualTo(1);
		// Again over itself, published in chunks: the earlier candidates are replaced, not kept beside.
		new BulkImporter(TestNeo4j.driver(), settings(700, 2, 0)).importFile(file, ImportProgressCounter.NONE);
		assertThat(GraphSnapshot.take()).isEqualTo(expected);
		assertThat(new DatasetExporter(TestNeo4j.driver()).exportAll()).isEqualTo(exported);
		assertThat(count("MATCH (n) WHERE n:Candidate OR n:DevelopmentRecord RETURN count(n)")).isEqualTo(candidateNodes);
		assertThat(count(LEFTOVERS)).isZero();
	}

	@Test
	void readersSeeThePreviousDatasetUntilTheNewOneIsWhole() throws IOException {
		Dataset small = SmallCounty.dataset();
		BulkImporter importer = new BulkImporter(TestNeo4j.driver(), settings(5));
		importer.importFile(write(small), ImportProgressCounter.NONE);
		List<String> before = GraphSnapshot.take();
		// the same dataset with one member more and one member's name changed
		List<Member> members = new ArrayList<>(small.members());
		Member first = members.get(0);
		members.set(0, new Member(first.id(), "改名", first.status(), first.org(), first.unit(), first.trade(),
				first.gender(), first.birthDate(), first.joined(), first.idNumber(), first.phone(), first.group(),
				first.roles(), first.participatesIn()));
		members.add(Member.of("s-m-new", "新黨員", MemberStatus.FULL, first.org()));
		Dataset changed = new Dataset(small.name(), small.units(), small.orgs(), members);
		List<List<String>> seenWhileWriting = new ArrayList<>();
		ImportResult result = importer.importFile(write(changed), (step, d, total) -> {
			if (step.equals("members")) {
				seenWhileWriting.add(GraphSnapshot.take());
			}
		});
		assertThat(seenWhileWriting).isNotEmpty().allSatisfy((seen) -> assertThat(seen).isEqualTo(before));
		assertThat(result.replaced()).isEqualTo(small.size());
		assertThat(count("MATCH (m:Member {id: 's-m-new'}) RETURN count(m)")).isEqualTo(1);
		assertThat(count("MATCH (m:Member {id: '" + first.id() + "', name: '改名'}) RETURN count(m)")).isEqualTo(1);
		assertThat(count("MATCH (m:Member) RETURN count(m)")).isEqualTo(members.size());
		assertThat(count(LEFTOVERS)).isZero();
	}

	@Test
	void aDatasetTooLargeForOneTransactionIsPublishedInChunksAndAnInterruptedPublishIsFinished() throws IOException {
		Dataset small = SmallCounty.dataset();
		// the same dataset without its last member, with one new member and one renamed
		List<Member> members = new ArrayList<>(small.members().subList(0, small.members().size() - 1));
		Member first = members.get(0);
		members.set(0, new Member(first.id(), "改名", first.status(), first.org(), first.unit(), first.trade(),
				first.gender(), first.birthDate(), first.joined(), first.idNumber(), first.phone(), first.group(),
				first.roles(), first.participatesIn()));
		members.add(Member.of("s-m-new", "新黨員", MemberStatus.FULL, first.org()));
		Dataset changed = new Dataset(small.name(), small.units(), small.orgs(), members);
		new DatasetImporter(TestNeo4j.driver()).importDataset(changed, ImportProgressCounter.NONE);
		List<String> expected = GraphSnapshot.take();
		TestNeo4j.clear();

		// every dataset counts as too large: published in chunks
		BulkImporter chunked = new BulkImporter(TestNeo4j.driver(), settings(4, 2, 0));
		chunked.importFile(write(small), ImportProgressCounter.NONE);
		assertThat(count("MATCH (m:Member) RETURN count(m)")).isEqualTo(small.members().size());
		// publishing is interrupted after the units went live (as the orgs' turn begins): the next
		// clean-up finishes it
		assertThatIllegalStateException()
			.isThrownBy(() -> chunked.importFile(write(changed), (step, d, total) -> {
				if (step.equals("publishing Org")) {
					assertThat(count("MATCH (u:StagedUnit) RETURN count(u)")).isZero();
					throw new IllegalStateException("simulated crash while publishing");
				}
			}))
			.withMessageContaining("simulated crash");
		assertThat(GraphSnapshot.take()).isEqualTo(expected);
		assertThat(count(LEFTOVERS)).isZero();
		assertThat(count("MATCH (b:BulkImport) RETURN count(b)")).isZero();
		assertThat(count("MATCH (d:Dataset {name: '" + small.name() + "'}) WHERE d.members = " + members.size()
				+ " RETURN count(d)")).isEqualTo(1);
	}

	@Test
	void aPublishLeftHalfwayByACrashIsFinishedByTheNextCleanUp() throws IOException {
		Dataset small = SmallCounty.dataset();
		BulkImporter chunked = new BulkImporter(TestNeo4j.driver(), settings(4, 2, 0));
		chunked.importFile(write(small), ImportProgressCounter.NONE);
		List<String> expected = GraphSnapshot.take();
		// what a kill during publishing leaves: the marker, some items live, the rest still staged
		TestNeo4j.driver().executableQuery("""
				MATCH (m:Member) WITH m ORDER BY m.id SKIP 3
				REMOVE m:Member SET m:StagedMember
				WITH count(*) AS moved
				CREATE (:BulkImport {dataset: $dataset, state: 'PROMOTING', units: $units, orgs: $orgs, members: $members})
				""")
			.withParameters(java.util.Map.of("dataset", small.name(), "units", small.units().size(), "orgs",
					small.orgs().size(), "members", small.members().size()))
			.execute();
		assertThat(count("MATCH (m:Member) RETURN count(m)")).isEqualTo(3);
		chunked.cleanUp();
		assertThat(GraphSnapshot.take()).isEqualTo(expected);
		assertThat(count(LEFTOVERS)).isZero();
		assertThat(count("MATCH (b:BulkImport) RETURN count(b)")).isZero();
	}

	@Test
	void aLargePublishBuildsTheMemberNameIndexAgainInsteadOfUpdatingIt() throws IOException {
		Dataset small = SmallCounty.dataset();
		new DatasetImporter(TestNeo4j.driver()).importDataset(small, ImportProgressCounter.NONE);
		List<String> expected = GraphSnapshot.take();
		TestNeo4j.clear();

		// every dataset counts as large: chunked, and the name index is rebuilt
		BulkImporter rebuilding = new BulkImporter(TestNeo4j.driver(), settings(4, 2, 0, 1));
		List<String> steps = new ArrayList<>();
		List<Long> nameIndexesWhileMembersWentLive = new ArrayList<>();
		rebuilding.importFile(write(small), (step, done, total) -> {
			steps.add(step);
			if (step.equals("publishing Member")) {
				nameIndexesWhileMembersWentLive.add(count(NAME_INDEX + " RETURN count(*)"));
			}
		});
		assertThat(nameIndexesWhileMembersWentLive).containsExactly(0L);
		assertThat(steps).containsSubsequence("publishing Member", "building the name indexes", "published");
		assertThat(count(NAME_INDEX + " AND state = 'ONLINE' AND type = 'TEXT' RETURN count(*)")).isEqualTo(1);
		assertThat(GraphSnapshot.take()).isEqualTo(expected);
		String name = small.members().get(1).name();
		long sameName = small.members().stream().filter((m) -> m.name().contains(name)).count();
		assertThat(count("MATCH (m:Member) WHERE m.name CONTAINS '" + name + "' RETURN count(m)")).isEqualTo(sameName);
		// the keys were computed in the import's stream, and the rebuilt text indexes answer them
		assertThat(TestNeo4j.nameKeyMismatches()).isEmpty();
		assertThat(count("SHOW INDEXES YIELD name, state, type, properties WHERE name IN ['org_name', 'unit_name', 'member_name']"
				+ " AND state = 'ONLINE' AND type = 'TEXT' AND properties = ['nameKey'] RETURN count(*)")).isEqualTo(3);

		// importing it again replaces every member (each looked up by id) and rebuilds the index again
		steps.clear();
		rebuilding.importFile(write(small), (step, done, total) -> steps.add(step));
		assertThat(steps).contains("building the name indexes");
		assertThat(GraphSnapshot.take()).isEqualTo(expected);
		assertThat(count(LEFTOVERS)).isZero();
	}

	@Test
	void aPublishKilledWhileTheNameIndexWasDroppedGetsTheIndexBack() throws IOException {
		Dataset small = SmallCounty.dataset();
		BulkImporter chunked = new BulkImporter(TestNeo4j.driver(), settings(4, 2, 0));
		chunked.importFile(write(small), ImportProgressCounter.NONE);
		List<String> expected = GraphSnapshot.take();
		// a kill while a large dataset's members went live: the index dropped, members still staged
		TestNeo4j.driver().executableQuery("DROP INDEX member_name").execute();
		TestNeo4j.driver().executableQuery("""
				MATCH (m:Member) REMOVE m:Member SET m:StagedMember
				WITH count(*) AS moved
				CREATE (:BulkImport {dataset: $dataset, state: 'PROMOTING', units: $units, orgs: $orgs, members: $members})
				""")
			.withParameters(java.util.Map.of("dataset", small.name(), "units", small.units().size(), "orgs",
					small.orgs().size(), "members", small.members().size()))
			.execute();
		assertThat(count(NAME_INDEX + " RETURN count(*)")).isZero();
		// finished by an importer whose threshold would not have dropped it (the default)
		chunked.cleanUp();
		assertThat(GraphSnapshot.take()).isEqualTo(expected);
		assertThat(count(NAME_INDEX + " AND type = 'TEXT' RETURN count(*)")).isEqualTo(1);
		assertThat(count(LEFTOVERS)).isZero();
	}

	@Test
	void aFailureHalfwayLeavesTheLiveGraphAsItWasAndNothingStaged() throws IOException {
		Dataset small = SmallCounty.dataset();
		BulkImporter importer = new BulkImporter(TestNeo4j.driver(), settings(3));
		importer.importFile(write(small), ImportProgressCounter.NONE);
		List<String> before = GraphSnapshot.take();
		Path sample = write(withoutCandidates(HuairenCounty.dataset()));
		assertThatIllegalStateException()
			.isThrownBy(() -> importer.importFile(sample, new ImportProgressCounter("members", 3)))
			.withMessageContaining("simulated crash");
		assertThat(GraphSnapshot.take()).isEqualTo(before);
		assertThat(count(LEFTOVERS)).isZero();
	}

	@Test
	void membersAreStagedWhileTheFileIsCheckedAndAProblemFoundLateRemovesThem() throws IOException {
		Dataset small = SmallCounty.dataset();
		bulkImporter().importFile(write(small), ImportProgressCounter.NONE);
		List<String> before = GraphSnapshot.take();
		Dataset sample = HuairenCounty.dataset();
		List<Member> members = new ArrayList<>(sample.members());
		Member last = members.get(members.size() - 1);
		members.set(members.size() - 1, Member.of(last.id(), last.name(), last.status(), "o-nowhere"));
		Path file = write(new Dataset(small.name(), sample.units(), sample.orgs(), members));
		List<Long> stagedBeforeTheProblem = new ArrayList<>();
		assertThatExceptionOfType(InvalidDatasetException.class)
			.isThrownBy(() -> new BulkImporter(TestNeo4j.driver(), settings(200)).importFile(file, (step, done, total) -> {
				if (step.equals("members")) {
					stagedBeforeTheProblem.add(count("MATCH (m:StagedMember) RETURN count(m)"));
				}
			}))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((p) -> {
				assertThat(p.item()).isEqualTo(last.id());
				assertThat(p.field()).isEqualTo("org");
			}));
		// the check and the writing shared one read: members were staged before the last was read
		assertThat(stagedBeforeTheProblem).isNotEmpty().last().isEqualTo((long) members.size() - 1 - (members.size() - 1) % 200);
		assertThat(GraphSnapshot.take()).isEqualTo(before);
		assertThat(count(LEFTOVERS)).isZero();
	}

	@Test
	void progressWhileReadingEstimatesTheTotalFromTheBytesRead() throws IOException {
		Dataset sample = withoutCandidates(HuairenCounty.dataset());
		List<long[]> reports = new ArrayList<>();
		ImportResult result = new BulkImporter(TestNeo4j.driver(), settings(250, 1)).importFile(write(sample),
				(step, done, total) -> {
					if (step.equals("members")) {
						reports.add(new long[] { done, total });
					}
				});
		long total = result.nodes() + result.relationships();
		assertThat(reports).hasSizeGreaterThan(10).allSatisfy((r) -> {
			assertThat(r[0]).isLessThanOrEqualTo(r[1]);
			assertThat((double) r[1]).isCloseTo(total, org.assertj.core.data.Percentage.withPercentage(15));
		});
		assertThat(reports.get(reports.size() - 1)[0]).isEqualTo(total);
	}

	@Test
	void leftoversOfAnInterruptedImportAreInvisibleAndCleanedUp() {
		TestNeo4j.driver()
			.executableQuery("CREATE (:StagedMember {id: 'ghost', dataset: 'x'})-[:MEMBER_OF]->(:StagedOrg {id: 'o-ghost'})")
			.execute();
		assertThat(count("MATCH (m:Member) RETURN count(m)")).isZero();
		assertThat(bulkImporter().cleanUp()).isEqualTo(2);
		assertThat(count(LEFTOVERS)).isZero();
	}

	@Test
	void aFileThatBreaksHardRulesIsRefusedWithEveryProblemAndNothingWritten() throws IOException {
		Dataset small = SmallCounty.dataset();
		List<Member> members = new ArrayList<>(small.members());
		members.add(Member.of("s-m-bad", "壞", MemberStatus.FULL, "o-nowhere"));
		members.add(Member.of(small.members().get(1).id(), "重號", MemberStatus.FULL, small.members().get(1).org()));
		Path file = write(new Dataset(small.name(), small.units(), small.orgs(), members));
		List<String> before = GraphSnapshot.take();
		assertThatExceptionOfType(InvalidDatasetException.class)
			.isThrownBy(() -> bulkImporter().importFile(file, ImportProgressCounter.NONE))
			.satisfies((ex) -> {
				assertThat(ex.problems()).anySatisfy((p) -> {
					assertThat(p.item()).isEqualTo("s-m-bad");
					assertThat(p.field()).isEqualTo("org");
					assertThat(p.message()).contains("unknown org 'o-nowhere'");
				});
				assertThat(ex.problems()).filteredOn((p) -> p.field().equals("id")).hasSize(2);
			});
		assertThat(GraphSnapshot.take()).isEqualTo(before);
		assertThat(count(LEFTOVERS)).isZero();
	}

	@Test
	void membersListedBeforeUnitsAndOrgsAreCheckedAndWritten() throws IOException {
		Dataset small = SmallCounty.dataset();
		String json = DatasetWriter.compact().writeToString(small);
		// move the members list to the front of the object
		int members = json.indexOf("\"members\":");
		String membersPart = json.substring(members, json.length() - 1);
		String reordered = "{" + membersPart + "," + json.substring(1, members - 1) + "}";
		assertThat(reordered.indexOf("\"members\"")).isLessThan(reordered.indexOf("\"units\""));
		Path file = this.dir.resolve("reordered.json");
		Files.writeString(file, reordered, StandardCharsets.UTF_8);
		ImportResult result = bulkImporter().importFile(file, ImportProgressCounter.NONE);
		assertThat(result.nodes()).isEqualTo(small.size());
		assertThat(count("MATCH (m:Member)-[:MEMBER_OF]->(:Org) RETURN count(m)")).isEqualTo(small.members().size());
	}

	@Test
	void aReimportRecountsTheOrgOfAnotherDatasetItsMemberHadMovedInto() throws IOException {
		Dataset small = SmallCounty.dataset();
		Dataset other = new Dataset("另一縣", List.of(), List.of(Org.of("x-o", OrgKind.COUNTY_COMMITTEE, "另一縣委", null)),
				List.of());
		bulkImporter().importFile(write(small), ImportProgressCounter.NONE);
		bulkImporter().importFile(write(other), ImportProgressCounter.NONE);
		String moved = small.members().get(0).id();
		String ownMembers = "MATCH (o:Org {id: 'x-o'}) RETURN o.ownMembers";
		// published in one transaction, then in chunks: each time the member goes back to its own org
		for (BulkImporter importer : List.of(bulkImporter(),
				new BulkImporter(TestNeo4j.driver(), settings(4, 2, 0)))) {
			new OrgChanges(TestNeo4j.driver()).transferMember(moved, "x-o", "借調", Instant.now());
			assertThat(count(ownMembers)).isEqualTo(1);
			importer.importFile(write(small), ImportProgressCounter.NONE);
			assertThat(count(ownMembers)).isZero();
		}
	}

	@Test
	void anIdHeldByAnotherDatasetIsRefusedAndNothingIsLeft() throws IOException {
		Dataset small = SmallCounty.dataset();
		bulkImporter().importFile(write(small), ImportProgressCounter.NONE);
		List<String> before = GraphSnapshot.take();
		String takenId = small.orgs().get(0).id();
		Dataset other = new Dataset("另一縣", List.of(Unit.of(takenId, UnitKind.VILLAGE, "撞號村", null)), List.of(),
				List.of());
		assertThatExceptionOfType(DatasetConflictException.class)
			.isThrownBy(() -> bulkImporter().importFile(write(other), ImportProgressCounter.NONE))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((p) -> {
				assertThat(p.item()).isEqualTo(takenId);
				assertThat(p.field()).isEqualTo("id");
				assertThat(p.message()).contains("already held by Org of dataset '" + small.name() + "'");
			}));
		assertThat(GraphSnapshot.take()).isEqualTo(before);
		assertThat(count(LEFTOVERS)).isZero();
	}

	/**
	 * Candidates, dispatches and stays away are checked as the one-transaction import checks them:
	 * a file breaking their rules is refused whole, each problem naming the item and the field, and
	 * nothing is staged or published; the same problems as the one-transaction import finds.
	 */
	@Test
	void aFileWhoseCandidatesOrDualsBreakTheRulesIsRefusedAndNothingIsWritten() throws IOException {
		Dataset small = SmallCounty.dataset();
		bulkImporter().importFile(write(small), ImportProgressCounter.NONE);
		List<String> before = GraphSnapshot.take();
		Member first = small.members().get(0);
		Member other = small.members().stream().filter((m) -> !m.org().equals(first.org())).findFirst().orElseThrow();
		Dataset bad = new Dataset(small.name(), small.units(), small.orgs(), small.members(),
				List.of(new Candidate("c-bulk-1", "申請人", first.org(), CandidateStage.APPLICANT,
						java.time.LocalDate.of(2026, 3, 1), null, null, null, "s-nobody", null, null, List.of())),
				// the first member cannot be away at their own org; the other is away twice at once
				List.of(), List.of(new org.partygraph.model.AwayRecord(first.id(), first.org(), java.time.LocalDate.of(2026, 1, 5), null),
						new org.partygraph.model.AwayRecord(other.id(), first.org(), java.time.LocalDate.of(2026, 1, 5), null),
						new org.partygraph.model.AwayRecord(other.id(), first.org(), java.time.LocalDate.of(2026, 2, 5), null)));
		List<Problem> expected = org.partygraph.model.format.DatasetFormat.validate(bad);
		assertThat(expected).extracting(Problem::item, Problem::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(expected.get(0).item(), "member"),
					org.assertj.core.groups.Tuple.tuple("away[0]", "org"),
					org.assertj.core.groups.Tuple.tuple("away[2]", "from"));
		assertThat(expected.get(0).item()).contains("c-bulk-1");
		assertThatExceptionOfType(InvalidDatasetException.class)
			.isThrownBy(() -> new BulkImporter(TestNeo4j.driver(), settings(3)).importFile(write(bad),
					ImportProgressCounter.NONE))
			.satisfies((ex) -> assertThat(ex.problems()).isEqualTo(expected));
		assertThat(GraphSnapshot.take()).isEqualTo(before);
		assertThat(count(LEFTOVERS)).isZero();
		assertThat(count("MATCH (c:Candidate) RETURN count(c)")).isZero();
	}

	/** The dataset without its candidates, which the bulk import does not take. */
	private static Dataset withoutCandidates(Dataset dataset) {
		return new Dataset(dataset.name(), dataset.units(), dataset.orgs(), dataset.members());
	}

	private Path write(Dataset dataset) throws IOException {
		Path file = Files.createTempFile(this.dir, "dataset-", ".json");
		DatasetWriter.pretty().write(dataset, file);
		return file;
	}

	private static BulkImporter bulkImporter() {
		return new BulkImporter(TestNeo4j.driver(), BulkImportSettings.DEFAULTS);
	}

	private static BulkImportSettings settings(int batch) {
		return settings(batch, BulkImportSettings.defaultWriters());
	}

	private static BulkImportSettings settings(int batch, int writers) {
		return settings(batch, writers, BulkImportSettings.DEFAULT_ATOMIC_PUBLISH_MAX_NODES);
	}

	private static BulkImportSettings settings(int batch, int writers, long atomicPublishMaxNodes) {
		return settings(batch, writers, atomicPublishMaxNodes, BulkImportSettings.DEFAULT_NAME_INDEX_REBUILD_MIN_MEMBERS);
	}

	private static BulkImportSettings settings(int batch, int writers, long atomicPublishMaxNodes,
			long nameIndexRebuildMinMembers) {
		return new BulkImportSettings(batch, writers, atomicPublishMaxNodes, nameIndexRebuildMinMembers);
	}

}
