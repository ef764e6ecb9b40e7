package org.partygraph.api.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.partygraph.queries.dataset.ImportProgress;

/** Prints import progress with count, rate and remaining time, at most about once a second. */
final class ProgressPrinter implements ImportProgress {

	// Steps of a bulk import after its entities are written; each is reported once, as it starts.
	private static final List<String> PHASES = List.of("counting", "publishing", "published", "building");

	private final PrintStream out;

	private final long started = System.nanoTime();

	private long lastPrinted;

	private String lastPhase;

	ProgressPrinter(PrintStream out) {
		this.out = out;
	}

	@Override
	public void progress(String step, long done, long total) {
		if (step.equals("checked")) {
			this.out.printf(Locale.ROOT, "checked: no hard-rule problem in %,d entities%n", total);
			return;
		}
		long now = System.nanoTime();
		double seconds = Math.max(1e-3, (now - this.started) / 1e9);
		if (PHASES.stream().anyMatch(step::startsWith)) {
			// the steps after every entity is written: when each starts
			if (!step.equals(this.lastPhase)) {
				this.lastPhase = step;
				this.out.printf(Locale.ROOT, "%s (at %.0f s)%n", step, seconds);
			}
			return;
		}
		if (done < total && now - this.lastPrinted < 1_000_000_000L) {
			return;
		}
		this.lastPrinted = now;
		double rate = done / seconds;
		double eta = (rate > 0) ? (total - done) / rate : 0;
		this.out.printf(Locale.ROOT, "writing %s: %,d / %,d entities (%.0f%%), %,.0f/s, ETA %.0f s%n", step, done, total,
				100.0 * done / Math.max(1, total), rate, eta);
	}

}
