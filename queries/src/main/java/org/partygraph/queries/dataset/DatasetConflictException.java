package org.partygraph.queries.dataset;

import java.util.List;

import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Problem;

/** An import whose ids are already held by another stored dataset: a hard error, nothing written. */
public class DatasetConflictException extends InvalidDatasetException {

	public DatasetConflictException(List<Problem> problems) {
		super(problems);
	}

}
