package org.partygraph.model;

import java.util.List;

/**
 * Thrown when input breaks hard rules, with every problem found (item, field, message), not just
 * the first; nothing was written. The base of the refusals a caller can fix: an invalid dataset
 * ({@link InvalidDatasetException}), a rejected change, a refused scenario.
 */
public class ProblemsException extends RuntimeException {

	private final transient List<Problem> problems;

	/**
	 * @param message the summary the subclass gives
	 * @param problems every problem found
	 */
	protected ProblemsException(String message, List<Problem> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * A summary that starts with {@code what} and the number of problems, then lists up to
	 * {@code limit} of them, one a line.
	 */
	protected static String summary(String what, List<Problem> problems, int limit) {
		StringBuilder message = new StringBuilder(what).append(": ")
			.append(problems.size())
			.append(problems.size() == 1 ? " problem" : " problems");
		problems.stream().limit(limit).forEach((problem) -> message.append(System.lineSeparator()).append(problem));
		if (problems.size() > limit) {
			message.append(System.lineSeparator()).append("... and ").append(problems.size() - limit).append(" more");
		}
		return message.toString();
	}

}
