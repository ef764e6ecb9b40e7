package org.partygraph.queries.change;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.partygraph.model.Problem;
import org.partygraph.model.ProblemsException;
import org.partygraph.queries.text.ProblemTexts;
import org.partygraph.queries.text.Text;

/**
 * Thrown when a change to the stored structure would break a hard rule; nothing of the change was
 * written. Carries every problem found, each naming the id concerned and the input field at fault;
 * a problem's message in English, and as a text of the bundles where it has one ({@link #text}), to
 * be said in the request's language.
 */
public class ChangeRejectedException extends ProblemsException implements ProblemTexts {

	private final transient List<Text> texts;

	public ChangeRejectedException(List<Problem> problems) {
		this(problems, null);
	}

	/** @param texts each problem's message as a text, in the same order; null entries for English only */
	public ChangeRejectedException(List<Problem> problems, List<Text> texts) {
		super(summary("change rejected", problems, Integer.MAX_VALUE), problems);
		this.texts = (texts != null) ? Collections.unmodifiableList(new ArrayList<>(texts)) : List.of();
	}

	/** The message of the problem at {@code index} as a text of the bundles; null when it is English only. */
	@Override
	public Text text(int index) {
		return (index < this.texts.size()) ? this.texts.get(index) : null;
	}

}
