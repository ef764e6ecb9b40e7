package org.partygraph.queries.limits;

import java.time.Duration;

final class Durations {

	private Durations() {
	}

	/** {@code 10s}, {@code 1500ms}: as the property would be written. */
	static String text(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
