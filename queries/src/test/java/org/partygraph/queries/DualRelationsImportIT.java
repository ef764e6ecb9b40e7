package org.partygraph.queries;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.AwayRecord;
import org.partygraph.model.Dataset;
import org.partygraph.model.Dispatch;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Problem;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetWriter;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportResult;
import org.partygraph.queries.dataset.bulk.BulkImportSettings;
import org.partygraph.queries.dataset.bulk.BulkImporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.partygraph.queries.TestNeo4j.count;

/**
 * First secretaries' dispatches ({@code DISPATCHED_TO}) and mobile members' stays away
 * ({@code AWAY_AT}) through the one-transaction import and the export: the relationships of
 * docs/graph-model.md, the same lists back, replaced by a re-import, nothing written for a dataset
 * refused, and refused by the bulk import.
 */
class DualRelationsImportIT {

	private final DatasetImporter importer = new DatasetImporter(TestNeo4j.driver());

	private final DatasetExporter exporter = new DatasetExporter(TestNeo4j.driver());

	@TempDir
	Path dir;

	@BeforeEach
	void clear() {
		TestNeo4j.clear();
	}

	@AfterEach
	void memberTalliesStillMatchTheMembers() {
		// The dual relations count nowhere: every member is counted once, at the membership org.
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
	}

	private static LocalDate day(String iso) {
		return LocalDate.parse(iso);
	}

	/**
	 * SmallCounty with e1 (o-e1) dispatched twice to 下寨村 (o-xz), once ended, and a1 (o-xz) and b1
	 * (o-xz-b) away at the enterprise's branch o-e1; in export order (member, from).
	 */
	private static Dataset withDuals() {
		return SmallCounty.dataset()
			.withDuals(List.of(new Dispatch("e1", "o-xz", day("2024-03-01"), day("2025-03-01"), "o-npe"),
					new Dispatch("e1", "o-xz", day("2025-06-01"), null, "o-e1")),
					List.of(new AwayRecord("a1", "o-e1", day("2026-02-01"), null),
							new AwayRecord("b1", "o-e1", day("2025-05-01"), day("2026-01-01"))));
	}

	@Test
	void writtenAsTheGraphModelShapesThemAndExportedBackTheSame() {
		Dataset dataset = withDuals();
		ImportResult result = this.importer.importDataset(dataset, ImportProgressCounter.NONE);
		ImportResult without = importedWithout();
		assertThat(result.relationships()).isEqualTo(without.relationships() + 4);
		TestNeo4j.clear();
		this.importer.importDataset(dataset, ImportProgressCounter.NONE);
		assertThat(count("MATCH (:Member)-[d:DISPATCHED_TO]->(:Org) RETURN count(d)")).isEqualTo(2);
		assertThat(count("MATCH (:Member {id: 'e1'})-[d:DISPATCHED_TO {by: 'o-npe'}]->(:Org {id: 'o-xz'}) "
				+ "WHERE d.from = date('2024-03-01') AND d.to = date('2025-03-01') RETURN count(d)")).isEqualTo(1);
		// open: no to stored, as dispatchFirstSecretary leaves it
		assertThat(count("MATCH (:Member {id: 'e1'})-[d:DISPATCHED_TO {by: 'o-e1'}]->(:Org {id: 'o-xz'}) "
				+ "WHERE d.from = date('2025-06-01') AND d.to IS NULL AND NOT 'to' IN keys(d) RETURN count(d)"))
			.isEqualTo(1);
		assertThat(count("MATCH (:Member)-[a:AWAY_AT]->(:Org {id: 'o-e1'}) RETURN count(a)")).isEqualTo(2);
		assertThat(count("MATCH (:Member {id: 'b1'})-[a:AWAY_AT]->(:Org {id: 'o-e1'}) "
				+ "WHERE a.from = date('2025-05-01') AND a.to = date('2026-01-01') RETURN count(a)")).isEqualTo(1);
		// the membership stays where it is
		assertThat(count("MATCH (:Member {id: 'b1'})-[:MEMBER_OF]->(:Org {id: 'o-xz-b'}) RETURN count(*)")).isEqualTo(1);

		Dataset exported = this.exporter.exportAll();
		assertThat(exported.dispatches()).isEqualTo(dataset.dispatches());
		assertThat(exported.away()).isEqualTo(dataset.away());
		// export, write, read, import, export: the same file
		String json = DatasetWriter.pretty().writeToString(exported);
		assertThat(json).contains("\"dispatches\"", "\"away\"");
		TestNeo4j.clear();
		this.importer.importDataset(read(json), ImportProgressCounter.NONE);
		assertThat(DatasetWriter.pretty().writeToString(this.exporter.exportAll())).isEqualTo(json);
	}

	private ImportResult importedWithout() {
		TestNeo4j.clear();
		return this.importer.importDataset(SmallCounty.dataset(), ImportProgressCounter.NONE);
	}

	@Test
	void exportedInMemberThenDayOrderWhateverTheFileOrder() {
		Dataset dataset = withDuals();
		Dataset shuffled = dataset.withDuals(List.of(dataset.dispatches().get(1), dataset.dispatches().get(0)),
				List.of(dataset.away().get(1), dataset.away().get(0)));
		this.importer.importDataset(shuffled, ImportProgressCounter.NONE);
		Dataset exported = this.exporter.exportAll();
		assertThat(exported.dispatches()).isEqualTo(dataset.dispatches());
		assertThat(exported.away()).isEqualTo(dataset.away());
	}

	@Test
	void aReimportReplacesThem() {
		Dataset dataset = withDuals();
		this.importer.importDataset(dataset, ImportProgressCounter.NONE);
		Dispatch ended = new Dispatch("e1", "o-xz", day("2025-06-01"), day("2026-06-01"), "o-e1");
		Dataset again = dataset.withDuals(List.of(ended), List.of());
		this.importer.importDataset(again, ImportProgressCounter.NONE);
		assertThat(count("MATCH ()-[d:DISPATCHED_TO]->() RETURN count(d)")).isEqualTo(1);
		assertThat(count("MATCH ()-[a:AWAY_AT]->() RETURN count(a)")).isZero();
		assertThat(this.exporter.exportAll().dispatches()).containsExactly(ended);
		// and none at all: they go with the members
		this.importer.importDataset(SmallCounty.dataset(), ImportProgressCounter.NONE);
		assertThat(count("MATCH ()-[r:DISPATCHED_TO|AWAY_AT]->() RETURN count(r)")).isZero();
		assertThat(this.exporter.exportAll().dispatches()).isEmpty();
	}

	@Test
	void aRefusedDatasetWritesNothing() throws Exception {
		Dataset dataset = withDuals();
		this.importer.importDataset(dataset, ImportProgressCounter.NONE);
		List<String> before = GraphSnapshot.take();
		// o-e1 is an enterprise's branch, no village's; and b1 cannot be away at its own org
		Dataset bad = dataset.withDuals(List.of(new Dispatch("a1", "o-e1", day("2026-01-05"), null, null)),
				List.of(new AwayRecord("b1", "o-xz-b", day("2026-01-05"), null)));
		assertThatExceptionOfType(InvalidDatasetException.class)
			.isThrownBy(() -> this.importer.importDataset(bad, ImportProgressCounter.NONE))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(Problem::item, Problem::field)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("dispatches[0]", "village"),
						org.assertj.core.groups.Tuple.tuple("away[0]", "org")));
		assertThat(GraphSnapshot.take()).isEqualTo(before);
		// The bulk import refuses it for the same problems, and writes nothing either.
		Path file = Files.createTempFile(this.dir, "duals-", ".json");
		DatasetWriter.pretty().write(bad, file);
		assertThatExceptionOfType(InvalidDatasetException.class)
			.isThrownBy(() -> new BulkImporter(TestNeo4j.driver(), BulkImportSettings.DEFAULTS).importFile(file,
					ImportProgressCounter.NONE))
			.satisfies((ex) -> assertThat(ex.problems()).isEqualTo(DatasetFormat.validate(bad)));
		assertThat(GraphSnapshot.take()).isEqualTo(before);
		assertThat(this.exporter.exportAll().dispatches()).isEqualTo(dataset.dispatches());
	}

	private static Dataset read(String json) {
		try {
			return DatasetFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
