package org.partygraph.queries.change;

import java.util.List;

import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Problem;

/**
 * Thrown when a change to the stored structure would break a hard rule; nothing of the change was
 * written. Carries every problem found, each naming the id concerned and the input field at fault.
 */
public class ChangeRejectedException extends InvalidDatasetException {

	private final String summary;

	public ChangeRejectedException(List<Problem> problems) {
		super(problems);
		this.summary = summary(problems);
	}

	// The inherited message speaks of an invalid dataset; a rejected change is not one.
	@Override
	public String getMessage() {
		return this.summary;
	}

	private static String summary(List<Problem> problems) {
		StringBuilder message = new StringBuilder("change rejected: ").append(problems.size())
			.append(problems.size() == 1 ? " problem" : " problems");
		problems.forEach((problem) -> message.append(System.lineSeparator()).append(problem));
		return message.toString();
	}

}
