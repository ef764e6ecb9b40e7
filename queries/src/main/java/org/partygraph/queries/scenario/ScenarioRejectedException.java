package org.partygraph.queries.scenario;

import java.util.List;

import org.partygraph.model.Problem;
import org.partygraph.model.ProblemsException;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.ProblemTexts;
import org.partygraph.queries.text.Text;

/**
 * A scenario could not be saved, deleted or applied; nothing was written. Carries why, as a
 * {@link Refusal}, and the problems, each naming the scenario (or the id concerned) and the input
 * field at fault, e.g. {@code operations[2]}.
 */
public class ScenarioRejectedException extends ProblemsException implements ProblemTexts {

	private final Refusal refusal;

	private final transient List<Text> texts;

	public ScenarioRejectedException(Refusal refusal, String item, String field, String message) {
		this(refusal, List.of(new Problem(item, field, message)));
	}

	/** One problem whose message is a text of the bundles: in English here, in any language to the caller. */
	public ScenarioRejectedException(Refusal refusal, String item, String field, Text message) {
		this(refusal, List.of(new Problem(item, field, Messages.bundled().say(message, Lang.EN))), List.of(message));
	}

	public ScenarioRejectedException(Refusal refusal, List<Problem> problems) {
		this(refusal, problems, List.of());
	}

	/** @param texts each problem's message as a text, in the same order */
	public ScenarioRejectedException(Refusal refusal, List<Problem> problems, List<Text> texts) {
		super(message(refusal, problems), problems);
		this.refusal = refusal;
		this.texts = List.copyOf(texts);
	}

	/** The message of the problem at {@code index} as a text of the bundles; null when it is English only. */
	@Override
	public Text text(int index) {
		return (index < this.texts.size()) ? this.texts.get(index) : null;
	}

	public Refusal refusal() {
		return this.refusal;
	}

	private static String message(Refusal refusal, List<Problem> problems) {
		StringBuilder message = new StringBuilder("scenario refused (").append(refusal).append(")");
		problems.forEach((p) -> message.append(": ").append(p));
		return message.toString();
	}

	/** Why a scenario was refused. */
	public enum Refusal {

		/** No scenario has that name. */
		NOT_FOUND,
		/** The name is missing, too long or has characters a URL path cannot carry plainly. */
		INVALID_NAME,
		/** No org has the id given as within. */
		UNKNOWN_SCOPE,
		/** The list of operations is empty. */
		NO_OPERATIONS,
		/** An operation cannot be applied (the field names its index). */
		INVALID_OPERATION,
		/** The part of the live graph the scenario reads changed after it was saved. */
		LIVE_GRAPH_CHANGED,
		/** The scenario was applied already. */
		ALREADY_APPLIED,
		/**
		 * Members outside the scenario's scope belong to an org it removes; applying would leave them
		 * without membership.
		 */
		OUTSIDE_SCOPE,
		/** An id the scenario would create is held by something stored. */
		ID_TAKEN,
		/**
		 * The name is held by a scenario the caller may not see (another scope's); whose is not
		 * said.
		 */
		NAME_TAKEN,
		/**
		 * The apply's date is after today plus {@code party-graph.time.max-future-days}, or before
		 * the latest event recorded for an item it touches (field {@code on}).
		 */
		INVALID_DATE

	}

}
