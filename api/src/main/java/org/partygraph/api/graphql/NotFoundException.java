package org.partygraph.api.graphql;

/** An id given as an argument names nothing (or nothing the caller may see). */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
