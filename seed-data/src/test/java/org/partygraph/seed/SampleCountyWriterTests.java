package org.partygraph.seed;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.Dataset;
import org.partygraph.model.format.DatasetFormat;

import static org.assertj.core.api.Assertions.assertThat;

class SampleCountyWriterTests {

	@Test
	void writesAFileThatReadsBackToTheSameDataset(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("huairen.json");
		SampleCountyWriter.main(new String[] { file.toString() });
		assertThat(Files.readString(file)).startsWith("{")
			.contains("\"format\": \"party-graph/2\"")
			.contains("下寨村黨總支");
		Dataset read = DatasetFormat.read(file);
		assertThat(read).isEqualTo(HuairenCounty.dataset());
	}

}
