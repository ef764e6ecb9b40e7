package org.partygraph.queries.change;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.partygraph.model.roster.RosterProblem;
import org.partygraph.model.roster.RosterRejectedException;
import org.partygraph.queries.text.ProblemTexts;
import org.partygraph.queries.text.Text;

/**
 * A roster refused when matched against the stored members: each problem's message in English,
 * and as a text of the bundles where it has one ({@link #text}), to be said in the request's
 * language. The file's own reading ({@code RosterSheet}) tells its problems in English only.
 */
public class RosterRefusedException extends RosterRejectedException implements ProblemTexts {

	private final transient List<Text> texts;

	/** @param texts each problem's message as a text, in the same order; null entries for English only */
	public RosterRefusedException(List<RosterProblem> problems, List<Text> texts) {
		super(problems);
		this.texts = Collections.unmodifiableList(new ArrayList<>(texts));
	}

	/** The message of the problem at {@code index} (of {@link #rosterProblems()}) as a text; null when English only. */
	@Override
	public Text text(int index) {
		return (index < this.texts.size()) ? this.texts.get(index) : null;
	}

}
