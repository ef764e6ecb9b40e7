package org.partygraph.queries.write;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.neo4j.driver.SimpleQueryRunner;
import org.partygraph.model.Problem;

/**
 * The effective dates of changes: today in the service's zone when none is given, and the two
 * rules every write path checks in its transaction (field {@code on}): not after today plus
 * {@code party-graph.time.max-future-days}, and not before the latest event already recorded for
 * any item the change touches (so that each item's events, read in date order, are the order they
 * were made in).
 *
 * @param clock gives today, in the service's zone
 * @param maxFutureDays how many days after today a change may be dated (0: today at the latest)
 */
public record EventDates(Clock clock, int maxFutureDays) {

	/** The system clock in the JVM's zone, no future dates. */
	public static final EventDates DEFAULT = new EventDates(Clock.systemDefaultZone(), 0);

	public EventDates {
		Objects.requireNonNull(clock, "clock");
		if (maxFutureDays < 0) {
			throw new IllegalArgumentException("party-graph.time.max-future-days must be 0 or more, not " + maxFutureDays);
		}
	}

	/** Today in the service's zone. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The date given, or today when none was. */
	public LocalDate orToday(LocalDate on) {
		return (on != null) ? on : today();
	}

	/**
	 * What is wrong with dating a change {@code on} (field {@code on}): a date too far ahead (named
	 * after {@code item}), and each touched item with an event (or its dataset's import) recorded
	 * for a later day (named after that item).
	 * @param touched the org and member ids the change touches ({@code null}s are left out)
	 */
	public List<Problem> problems(SimpleQueryRunner tx, String item, LocalDate on, Collection<String> touched) {
		List<Problem> problems = new ArrayList<>();
		LocalDate latestAllowed = today().plusDays(this.maxFutureDays);
		if (on.isAfter(latestAllowed)) {
			problems.add(new Problem(item, "on", "dated " + on + ", after " + latestAllowed + " (today " + today()
					+ " plus party-graph.time.max-future-days = " + this.maxFutureDays + ")"));
		}
		for (Events.Later later : Events.later(tx, touched, on)) {
			problems.add(new Problem(later.id(), "on", earlier(on, later.id(), later.latest(), later.kind())));
		}
		return problems;
	}

	/** The message for a change dated before the latest event of an item it touches. */
	public static String earlier(LocalDate on, String id, LocalDate latest, String kind) {
		return "dated " + on + ", before the latest change recorded for '" + id + "' (" + kind + " on " + latest
				+ "); a change may not be dated before one already recorded for an item it touches";
	}

}
