package org.partygraph.queries.text;

import java.util.List;

import org.partygraph.model.Problem;
import org.partygraph.model.ProblemsException;

/**
 * A refusal whose problems' messages are texts of the bundles where they have one: each is said in
 * the request's language where it reaches a person (a payload's {@code errors { message }}). A
 * problem of the model (a dataset's, a roster file's) carries its own {@link Problem#wording()};
 * {@link #text(ProblemsException, int)} finds either.
 */
public interface ProblemTexts {

	/** The message of the problem at {@code index} as a text; {@code null} when it is English only. */
	Text text(int index);

	/**
	 * The message of a refusal's problem at {@code index} as a text: the refusal's own, else the
	 * problem's wording; {@code null} when it is English only. A refused roster's problems are its
	 * {@code rosterProblems()} in the same order.
	 */
	static Text text(ProblemsException ex, int index) {
		Text text = (ex instanceof ProblemTexts texts) ? texts.text(index) : null;
		return (text != null) ? text : Text.of(ex.problems().get(index).wording());
	}

	/** A problem whose message is a text of the bundles: in English, with the text as its wording. */
	static Problem problem(String item, String field, Text text) {
		return new Problem(item, field, Messages.bundled().say(text, Lang.EN), text.wording());
	}

	/** Each problem's message in the language: said from its wording, or its English message. */
	static List<String> say(Messages messages, List<Problem> problems, Lang lang) {
		return problems.stream()
			.map((p) -> (p.wording() != null) ? messages.say(Text.of(p.wording()), lang) : p.message())
			.toList();
	}

}
