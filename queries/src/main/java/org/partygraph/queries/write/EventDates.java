package org.partygraph.queries.write;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.neo4j.driver.SimpleQueryRunner;
import org.partygraph.model.Problem;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.ProblemTexts;
import org.partygraph.queries.text.Text;

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
		dateProblems(tx, item, on, touched).forEach((p) -> problems.add(p.problem()));
		return problems;
	}

	/** As {@link #problems}, each message a text of the bundles ({@code date.*}), to be said in any language. */
	public List<DateProblem> dateProblems(SimpleQueryRunner tx, String item, LocalDate on, Collection<String> touched) {
		List<DateProblem> problems = new ArrayList<>();
		LocalDate latestAllowed = today().plusDays(this.maxFutureDays);
		if (on.isAfter(latestAllowed)) {
			problems.add(new DateProblem(item, Text.of("date.tooLate", on, latestAllowed, today(), this.maxFutureDays)));
		}
		for (Events.Later later : Events.later(tx, touched, on)) {
			problems.add(new DateProblem(later.id(), earlierText(on, later.id(), later.latest(), later.kind())));
		}
		return problems;
	}

	/** The message for a change dated before the latest event of an item it touches, in English. */
	public static String earlier(LocalDate on, String id, LocalDate latest, String kind) {
		return Messages.bundled().say(earlierText(on, id, latest, kind), Lang.EN);
	}

	/** The problem ({@code item}, field {@code on}) of a change dated before the latest event of an item it touches. */
	public static Problem earlierProblem(String item, LocalDate on, String id, LocalDate latest, String kind) {
		return ProblemTexts.problem(item, "on", earlierText(on, id, latest, kind));
	}

	/** The message for a change dated before the latest event of an item it touches. */
	public static Text earlierText(LocalDate on, String id, LocalDate latest, String kind) {
		return Text.of("date.beforeLatest", on, id, kind, latest);
	}

	/**
	 * A problem of a change's date, on the field {@code on}.
	 * @param item the id concerned
	 * @param text the message
	 */
	public record DateProblem(String item, Text text) {

		/** The problem with its message in English, the text its wording. */
		public Problem problem() {
			return ProblemTexts.problem(this.item, "on", this.text);
		}

	}

}
