package org.partygraph.api.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.partygraph.queries.dataset.ImportProgress;

/** Prints import progress with count, rate and remaining time, at most about once a second. */
final class ProgressPrinter implements ImportProgress {

	private final PrintStream out;

	private final long started = System.nanoTime();

	private long lastPrinted;

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
		if (done < total && now - this.lastPrinted < 1_000_000_000L) {
			return;
		}
		this.lastPrinted = now;
		double seconds = Math.max(1e-3, (now - this.started) / 1e9);
		double rate = done / seconds;
		double eta = (rate > 0) ? (total - done) / rate : 0;
		this.out.printf(Locale.ROOT, "writing %s: %,d / %,d entities (%.0f%%), %,.0f/s, ETA %.0f s%n", step, done, total,
				100.0 * done / Math.max(1, total), rate, eta);
	}

}
