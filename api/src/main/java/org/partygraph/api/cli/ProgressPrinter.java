package org.partygraph.api.cli;

import java.io.PrintStream;
import java.util.List;

import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

/**
 * Prints import progress with count, rate and remaining time, at most about once a second, in a
 * language ({@link CliTexts}; the steps' names as they are).
 */
final class ProgressPrinter implements ImportProgress {

	// Steps of a bulk import after its entities are written; each is reported once, as it starts.
	private static final List<String> PHASES = List.of("counting", "publishing", "published", "building");

	private final PrintStream out;

	private final Lang lang;

	private final long started = System.nanoTime();

	private long lastPrinted;

	private String lastPhase;

	/** Progress in English. */
	ProgressPrinter(PrintStream out) {
		this(out, Lang.EN);
	}

	ProgressPrinter(PrintStream out, Lang lang) {
		this.out = out;
		this.lang = lang;
	}

	@Override
	public void progress(String step, long done, long total) {
		if (step.equals("checked")) {
			print(CliTexts.checked(total));
			return;
		}
		long now = System.nanoTime();
		double seconds = Math.max(1e-3, (now - this.started) / 1e9);
		if (PHASES.stream().anyMatch(step::startsWith)) {
			// the steps after every entity is written: when each starts
			if (!step.equals(this.lastPhase)) {
				this.lastPhase = step;
				print(CliTexts.phase(step, seconds));
			}
			return;
		}
		if (done < total && now - this.lastPrinted < 1_000_000_000L) {
			return;
		}
		this.lastPrinted = now;
		print(CliTexts.writing(step, done, total, seconds));
	}

	private void print(Text line) {
		this.out.println(Messages.bundled().say(line, this.lang));
	}

}
