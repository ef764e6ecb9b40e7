package org.partygraph.queries;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetWriter;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.seed.HuairenCounty;

import static org.assertj.core.api.Assertions.assertThat;

/** import, export to a file, clear, import the file: the same graph, property for property. */
class ExportRoundTripIT {

	private final DatasetImporter importer = new DatasetImporter(TestNeo4j.driver());

	private final DatasetExporter exporter = new DatasetExporter(TestNeo4j.driver());

	@Test
	void sampleCountySurvivesExportAndReimport() throws Exception {
		TestNeo4j.clear();
		assertThat(this.exporter.isEmpty()).isTrue();
		Dataset sample = HuairenCounty.dataset();
		this.importer.importDataset(sample, ImportProgressCounter.NONE);
		assertThat(this.exporter.isEmpty()).isFalse();
		List<String> imported = GraphSnapshot.take();

		Dataset exported = this.exporter.exportAll();
		assertThat(exported.name()).isEqualTo("懷仁縣");
		// the sample's development pipeline comes back as generated: candidates by id, records by (on, kind)
		assertThat(exported.candidates()).hasSize(sample.candidates().size()).isEqualTo(sample.candidates());
		// and its first secretaries and mobile members, each by member, then day
		assertThat(exported.dispatches()).isNotEmpty().isEqualTo(sample.dispatches());
		assertThat(exported.away()).isNotEmpty().isEqualTo(sample.away());
		String json = DatasetWriter.pretty().writeToString(exported);

		TestNeo4j.clear();
		Dataset reread = DatasetFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
		this.importer.importDataset(reread, ImportProgressCounter.NONE);
		List<String> reimported = GraphSnapshot.take();

		assertThat(reimported).hasSize(imported.size()).isEqualTo(imported);
		assertThat(this.exporter.exportAll()).isEqualTo(exported);
		assertThat(this.exporter.datasetNames()).containsExactly("懷仁縣");
	}

}
