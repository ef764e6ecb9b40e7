package org.partygraph.queries;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Candidate;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.Dataset;
import org.partygraph.model.DevelopmentRecord;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.Gender;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.NameKeys;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetWriter;
import org.partygraph.queries.dataset.DatasetConflictException;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportResult;
import org.partygraph.queries.schema.Migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.partygraph.queries.TestNeo4j.count;

/**
 * Candidates through the one-transaction import and the export: the nodes and relationships of
 * docs/graph-model.md, the same candidates back, replaced by a re-import, nothing written for a
 * dataset refused.
 */
class CandidatesImportIT {

	private final DatasetImporter importer = new DatasetImporter(TestNeo4j.driver());

	private final DatasetExporter exporter = new DatasetExporter(TestNeo4j.driver());

	@AfterEach
	void memberTalliesStillMatchTheMembers() {
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
	}

	@BeforeEach
	void clear() {
		TestNeo4j.clear();
	}

	private static LocalDate day(String iso) {
		return LocalDate.parse(iso);
	}

	private static DevelopmentRecord record(DevelopmentRecordKind kind, String on, String note) {
		return new DevelopmentRecord(kind, day(on), note);
	}

	/**
	 * SmallCounty with an applicant in o-xz and b3 (PROBATIONARY in o-xz-b) as an admitted candidate,
	 * handed on to o-xz-b by o-gone (dissolved since: in no dataset) on 2024-01-15.
	 */
	private static Dataset withCandidates() {
		Dataset small = SmallCounty.dataset();
		Candidate applicant = new Candidate("c-1", "趙小紅", "o-xz", CandidateStage.APPLICANT, day("2026-09-01"), null,
				null, null, null, Gender.F, day("2001-02-03"),
				List.of(record(DevelopmentRecordKind.APPLICATION, "2026-09-01", null),
						record(DevelopmentRecordKind.TALK, "2026-09-20", "書記談話")));
		Candidate admitted = new Candidate("c-2", "王四", "o-xz-b", CandidateStage.ADMITTED, day("2023-03-01"),
				day("2023-06-01"), day("2024-07-01"), day("2025-07-01"), "b3", null, null,
				List.of(record(DevelopmentRecordKind.APPLICATION, "2023-03-01", null),
						record(DevelopmentRecordKind.ACTIVIST_DESIGNATION, "2023-06-01", null),
						record(DevelopmentRecordKind.TARGET_DESIGNATION, "2024-07-01", null),
						record(DevelopmentRecordKind.POLITICAL_REVIEW, "2025-03-01", null),
						record(DevelopmentRecordKind.TRAINING, "2025-03-01", null),
						record(DevelopmentRecordKind.APPROVAL, "2025-07-01", "鄉黨委審批")))
			.withFormer(List.of("o-gone"), List.of(day("2024-01-15")));
		return new Dataset(small.name(), small.units(), small.orgs(), small.members(), List.of(applicant, admitted));
	}

	@Test
	void candidatesAreWrittenAsTheGraphModelShapesThemAndExportedBack() throws Exception {
		Dataset dataset = withCandidates();
		ImportResult result = this.importer.importDataset(dataset, ImportProgressCounter.NONE);
		assertThat(result.nodes()).isEqualTo(dataset.size() + 2 + 8);
		assertThat(count("MATCH (c:Candidate {dataset: '小縣'}) RETURN count(c)")).isEqualTo(2);
		assertThat(count("MATCH (:Candidate {id: 'c-1'})-[:DEVELOPED_BY]->(:Org {id: 'o-xz'}) RETURN count(*)"))
			.isEqualTo(1);
		assertThat(count("MATCH (:Candidate {id: 'c-2'})-[:BECAME]->(:Member {id: 'b3'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Candidate)-[:BECAME]->() RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Candidate {id: 'c-2'})-[:RECORDED]->(r:DevelopmentRecord) RETURN count(r)"))
			.isEqualTo(6);
		assertThat(count("MATCH (:Candidate {id: 'c-1'})-[:RECORDED]->(r:DevelopmentRecord {kind: 'TALK', "
				+ "note: '書記談話'}) WHERE r.on = date('2026-09-20') RETURN count(r)")).isEqualTo(1);
		Map<String, Object> c1 = TestNeo4j.driver()
			.executableQuery("MATCH (c:Candidate {id: 'c-1'}) RETURN properties(c) AS p")
			.execute()
			.records()
			.get(0)
			.get("p")
			.asMap();
		assertThat(c1).containsEntry("stage", "APPLICANT")
			.containsEntry("appliedOn", day("2026-09-01"))
			.containsEntry("birthDate", day("2001-02-03"))
			.containsEntry("gender", "F")
			.containsEntry("nameKey", NameKeys.searchKey("趙小紅"))
			.containsEntry("nameSort", NameKeys.sortKey("趙小紅"))
			.doesNotContainKeys("activistSince", "targetSince", "admittedOn", "formerOrgs", "formerUntil", "handedOn");
		// The hand-on is stored as the change that hands a candidate on stores it (Candidates.ORG_ON_DAY),
		// marked handedOn for the index that finds it by the org left.
		assertThat(count("MATCH (c:Candidate {id: 'c-2'}) WHERE c.formerOrgs = ['o-gone'] "
				+ "AND c.formerUntil = [date('2024-01-15')] AND c.handedOn = true RETURN count(c)")).isEqualTo(1);

		Dataset exported = this.exporter.exportAll();
		assertThat(exported.candidates()).isEqualTo(dataset.candidates());
		assertThat(exported.candidates().get(1).formerOrgs()).containsExactly("o-gone");
		// export, write, read, import, export: the same file
		String json = DatasetWriter.pretty().writeToString(exported);
		TestNeo4j.clear();
		this.importer.importDataset(DatasetFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))),
				ImportProgressCounter.NONE);
		assertThat(DatasetWriter.pretty().writeToString(this.exporter.exportAll())).isEqualTo(json);
	}

	@Test
	void theMigrationMarksTheCandidatesHandedOnBeforeIt() {
		this.importer.importDataset(withCandidates(), ImportProgressCounter.NONE);
		TestNeo4j.driver().executableQuery("MATCH (c:Candidate) REMOVE c.handedOn").execute();
		TestNeo4j.driver().executableQuery("MATCH (m:SchemaMigration {version: '0014'}) DELETE m").execute();
		assertThat(new Migrations(TestNeo4j.driver()).apply()).containsExactly("0014");
		assertThat(TestNeo4j.driver()
			.executableQuery("MATCH (c:Candidate) WHERE c.handedOn = true RETURN c.id AS id")
			.execute()
			.records()
			.stream()
			.map((r) -> r.get("id").asString())
			.toList()).as("only c-2 was handed on").containsExactly("c-2");
	}

	@Test
	void aReimportReplacesTheCandidatesAndTheirRecords() {
		Dataset dataset = withCandidates();
		this.importer.importDataset(dataset, ImportProgressCounter.NONE);
		Candidate applicant = dataset.candidates().get(0);
		Candidate activist = new Candidate(applicant.id(), applicant.name(), applicant.org(), CandidateStage.ACTIVIST,
				applicant.appliedOn(), day("2026-11-01"), null, null, null, applicant.gender(), applicant.birthDate(),
				List.of(record(DevelopmentRecordKind.APPLICATION, "2026-09-01", null),
						record(DevelopmentRecordKind.ACTIVIST_DESIGNATION, "2026-11-01", null)));
		Dataset again = new Dataset(dataset.name(), dataset.units(), dataset.orgs(), dataset.members(),
				List.of(activist));
		ImportResult result = this.importer.importDataset(again, ImportProgressCounter.NONE);
		assertThat(result.replaced()).isEqualTo(dataset.size() + 2 + 8);
		assertThat(count("MATCH (c:Candidate) RETURN count(c)")).isEqualTo(1);
		assertThat(count("MATCH (r:DevelopmentRecord) RETURN count(r)")).isEqualTo(2);
		assertThat(count("MATCH (:Candidate)-[:BECAME]->() RETURN count(*)")).isZero();
		assertThat(this.exporter.exportAll().candidates()).containsExactly(activist);
		// and none at all: the dataset's candidates go
		this.importer.importDataset(SmallCounty.dataset(), ImportProgressCounter.NONE);
		assertThat(count("MATCH (n) WHERE n:Candidate OR n:DevelopmentRecord RETURN count(n)")).isZero();
	}

	@Test
	void aRefusedDatasetWritesNothing() {
		Dataset dataset = withCandidates();
		this.importer.importDataset(dataset, ImportProgressCounter.NONE);
		List<String> before = GraphSnapshot.take();
		Candidate applicant = dataset.candidates().get(0);
		Candidate lost = new Candidate(applicant.id(), applicant.name(), "o-nowhere", applicant.stage(),
				applicant.appliedOn(), null, null, null, null, null, null, List.of());
		Dataset bad = new Dataset(dataset.name(), dataset.units(), dataset.orgs(), List.of(), List.of(lost));
		assertThatExceptionOfType(InvalidDatasetException.class)
			.isThrownBy(() -> this.importer.importDataset(bad, ImportProgressCounter.NONE))
			.satisfies((ex) -> assertThat(ex.problems()).anySatisfy((p) -> {
				assertThat(p.item()).isEqualTo("c-1");
				assertThat(p.field()).isEqualTo("org");
			}));
		// a candidate id another dataset holds is a conflict, found in the transaction: rolled back
		Dataset other = new Dataset("其他縣", List.of(), List.of(org.partygraph.model.Org.of("x-o",
				org.partygraph.model.OrgKind.COUNTY_COMMITTEE, "其他縣委", null)), List.of(),
				List.of(new Candidate("c-2", "某人", "x-o", CandidateStage.APPLICANT, day("2026-01-05"), null, null, null,
						null, null, null, List.of())));
		assertThatExceptionOfType(DatasetConflictException.class)
			.isThrownBy(() -> this.importer.importDataset(other, ImportProgressCounter.NONE))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((p) -> {
				assertThat(p.item()).isEqualTo("c-2");
				assertThat(p.message()).contains("Candidate of dataset '小縣'");
			}));
		assertThat(GraphSnapshot.take()).isEqualTo(before);
		assertThat(this.exporter.exportAll().candidates()).isEqualTo(dataset.candidates());
		assertThat(count("MATCH (r:DevelopmentRecord) RETURN count(r)")).isEqualTo(8);
	}

}
