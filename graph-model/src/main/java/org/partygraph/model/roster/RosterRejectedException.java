package org.partygraph.model.roster;

import java.util.List;

import org.partygraph.model.Problem;
import org.partygraph.model.ProblemsException;

/**
 * A roster refused: every problem by row and column; nothing was written. As a
 * {@link ProblemsException} each problem's item is {@code row N} and its field the column's header.
 */
public class RosterRejectedException extends ProblemsException {

	private final transient List<RosterProblem> rosterProblems;

	public RosterRejectedException(List<RosterProblem> problems) {
		super(summary("roster refused, nothing written", problems.stream().map(RosterRejectedException::problem).toList(),
				20), problems.stream().map(RosterRejectedException::problem).toList());
		this.rosterProblems = List.copyOf(problems);
	}

	/** Every problem, by row and column, in row order. */
	public List<RosterProblem> rosterProblems() {
		return this.rosterProblems;
	}

	private static Problem problem(RosterProblem p) {
		return new Problem("row " + p.row(), p.column(), p.message(), p.wording());
	}

}
