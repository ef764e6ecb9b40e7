package org.partygraph.model;

import java.util.List;

/** Thrown when a dataset breaks a hard rule; carries every problem found, not just the first. */
public class InvalidDatasetException extends RuntimeException {

	private final transient List<Problem> problems;

	public InvalidDatasetException(List<Problem> problems) {
		super(summary(problems));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	private static String summary(List<Problem> problems) {
		StringBuilder message = new StringBuilder("invalid dataset: ").append(problems.size())
			.append(problems.size() == 1 ? " problem" : " problems");
		problems.stream().limit(20).forEach((problem) -> message.append(System.lineSeparator()).append(problem));
		if (problems.size() > 20) {
			message.append(System.lineSeparator()).append("... and ").append(problems.size() - 20).append(" more");
		}
		return message.toString();
	}

}
