package org.partygraph.api.faults;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.api.AppProcess;
import org.partygraph.api.cli.CliAccess;
import org.partygraph.model.Dataset;
import org.partygraph.model.Org;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetWriter;
import org.partygraph.seed.HuairenCounty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL in the middle of a large import, then start again: the embedded store recovers by
 * itself and holds either the whole previous state or the whole new dataset, never a mix.
 */
class KilledImportIT {

	@TempDir
	Path dir;

	@Test
	void aKilledImportLeavesTheWholePreviousStateOrTheWholeNewOne() throws Exception {
		Path data = this.dir.resolve("data");
		Dataset before = HuairenCounty.dataset();
		Path first = this.dir.resolve("before.json");
		DatasetWriter.compact().write(before, first);
		assertThat(CliAccess.run(data, "import", first)).isZero();

		// The same county with every org renamed: a mix would show old and new names together.
		Dataset renamed = new Dataset(before.name(), before.units(),
				before.orgs().stream().map((o) -> o.withName(o.name() + "（新）")).toList(), before.members());
		Path second = this.dir.resolve("renamed.json");
		DatasetWriter.compact().write(renamed, second);

		Process importing = new ProcessBuilder(AppProcess.app("512m", "import", second.toString(),
				"--party-graph.data-dir=" + data, "--party-graph.embedded.bolt-port=0",
				"--party-graph.embedded.page-cache=32m"))
			.redirectErrorStream(true)
			.start();
		List<String> seen = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(importing.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				seen.add(line);
				if (line.startsWith("writing")) {
					// Mid-write: kill -9, no shutdown hooks, no clean store close.
					importing.destroyForcibly();
					break;
				}
			}
		}
		assertThat(importing.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(seen).as("the import reported progress before it was killed").anyMatch((l) -> l.startsWith("writing"));

		Path after = this.dir.resolve("after.json");
		assertThat(CliAccess.run(data, "export", after)).as("the store recovers and exports").isZero();
		Dataset stored = DatasetFormat.read(after);
		Set<Boolean> renamedFlags = stored.orgs().stream().map((o) -> o.name().endsWith("（新）")).collect(Collectors.toSet());
		assertThat(renamedFlags).as("all orgs old or all new").hasSize(1);
		System.out.println("KilledImportIT: after the kill the store held the "
				+ (renamedFlags.contains(true) ? "new" : "previous") + " dataset, whole");
		assertThat(stored.orgs()).hasSameSizeAs(before.orgs());
		assertThat(stored.members()).hasSameSizeAs(before.members());
		assertThat(stored.orgs().stream().map(Org::id).collect(Collectors.toSet()))
			.isEqualTo(before.orgs().stream().map(Org::id).collect(Collectors.toSet()));
	}

}
