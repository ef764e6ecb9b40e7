package org.partygraph.queries.change;

import java.util.List;

import org.partygraph.model.Problem;
import org.partygraph.model.ProblemsException;

/**
 * Thrown when a change to the stored structure would break a hard rule; nothing of the change was
 * written. Carries every problem found, each naming the id concerned and the input field at fault.
 */
public class ChangeRejectedException extends ProblemsException {

	public ChangeRejectedException(List<Problem> problems) {
		super(summary("change rejected", problems, Integer.MAX_VALUE), problems);
	}

}
