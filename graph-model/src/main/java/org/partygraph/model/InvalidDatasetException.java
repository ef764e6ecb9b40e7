package org.partygraph.model;

import java.util.List;

/** Thrown when a dataset breaks a hard rule; carries every problem found, not just the first. */
public class InvalidDatasetException extends ProblemsException {

	public InvalidDatasetException(List<Problem> problems) {
		super(summary("invalid dataset", problems, 20), problems);
	}

}
