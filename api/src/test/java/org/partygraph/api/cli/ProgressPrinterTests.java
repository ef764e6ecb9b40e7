package org.partygraph.api.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an import prints: counts with rate while writing, then each later step once, as it starts. */
class ProgressPrinterTests {

	@Test
	void writingShowsCountsThenEachLaterStepOnce() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		printer.progress("checked", 0, 1000);
		printer.progress("members", 1000, 1000);
		for (int i = 0; i < 5; i++) {
			printer.progress("counting members per org", 1000, 1000);
		}
		printer.progress("publishing Org", 1000, 1000);
		printer.progress("publishing Member", 1000, 1000);
		printer.progress("published", 1000, 1000);

		List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(6);
		assertThat(lines.get(0)).isEqualTo("checked: no hard-rule problem in 1,000 entities");
		assertThat(lines.get(1)).startsWith("writing members: 1,000 / 1,000 entities (100%), ");
		assertThat(lines.subList(2, 6)).allMatch((l) -> l.matches(".+ \\(at \\d+ s\\)"));
		assertThat(lines.subList(2, 6)).extracting((l) -> l.substring(0, l.indexOf(" (at")))
			.containsExactly("counting members per org", "publishing Org", "publishing Member", "published");
	}

}
