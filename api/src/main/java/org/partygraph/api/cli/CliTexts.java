package org.partygraph.api.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.partygraph.model.Dataset;
import org.partygraph.model.history.History;
import org.partygraph.queries.change.RosterOutcome;
import org.partygraph.queries.dataset.ImportResult;
import org.partygraph.queries.text.Text;

/**
 * The progress and summary lines of {@code import}, {@code export} and {@code import-roster} as texts
 * of the bundles ({@code cli.*}), to be said in the language of the environment ({@link CliLang}).
 * Files, dataset names, ids, steps and a roster row's changes are arguments as they are; counts are
 * grouped and seconds rounded in {@link Locale#ROOT} before they are, so that the English is the
 * line of before.
 */
final class CliTexts {

	private CliTexts() {
	}

	/** {@code bulk import of FILE (N bytes)}. */
	static Text bulkImport(Path file, long bytes) {
		return Text.of("cli.import.bulk", file, grouped(bytes));
	}

	/** The dataset file read before anything starts. */
	static Text readDataset(Path file, Dataset dataset) {
		return Text.of("cli.import.read", file, dataset.name(), dataset.units().size(), dataset.orgs().size(),
				dataset.members().size());
	}

	/** The history file read beside it. */
	static Text readHistory(Path file, History history) {
		return Text.of("cli.import.readHistory", file, history.events().size(), history.transfers().size());
	}

	/** What an import wrote, how fast, and what it replaced. */
	static Text imported(ImportResult result) {
		return Text.of("cli.import.done", result.dataset(), result.nodes(), result.relationships(),
				String.format(Locale.ROOT, "%.1f", result.millis() / 1000.0),
				String.format(Locale.ROOT, "%.0f", result.entitiesPerSecond()), result.replaced());
	}

	/** The dataset written by {@code export}. */
	static Text exported(Dataset dataset, Path file) {
		return Text.of("cli.export.done", dataset.name(), file, dataset.units().size(), dataset.orgs().size(),
				dataset.members().size());
	}

	/** The history written beside it. */
	static Text exportedHistory(Path file, History history) {
		return Text.of("cli.export.history", file, history.events().size(), history.transfers().size());
	}

	/** A roster row that changes something: its action (ADDED, UPDATED, TRANSFERRED), member and changes. */
	static Text rosterRow(RosterOutcome row) {
		return Text.of("cli.roster.row", row.row(), Text.of("cli.roster.action." + row.action()), row.memberId(),
				row.name(), String.join("; ", row.changes()));
	}

	/** A command that failed ({@code why} its reason). */
	static Text failed(String command, Text why) {
		return Text.of("cli.failed", command, why);
	}

	/** The import's hard-rule check passed over this many entities. */
	static Text checked(long total) {
		return Text.of("cli.progress.checked", grouped(total));
	}

	/** A step after every entity is written, as it starts. */
	static Text phase(String step, double seconds) {
		return Text.of("cli.progress.phase", step, String.format(Locale.ROOT, "%.0f", seconds));
	}

	/** Entities written so far, the rate and the time left. */
	static Text writing(String step, long done, long total, double seconds) {
		double rate = done / seconds;
		double eta = (rate > 0) ? (total - done) / rate : 0;
		return Text.of("cli.progress.writing", step, grouped(done), grouped(total),
				String.format(Locale.ROOT, "%.0f", 100.0 * done / Math.max(1, total)),
				String.format(Locale.ROOT, "%,.0f", rate), String.format(Locale.ROOT, "%.0f", eta));
	}

	private static String grouped(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

}
