package org.partygraph.queries.rules;

/** How serious a rule break is. */
public enum Severity {

	/** Breaks a regulation outright. */
	ERROR,
	/** Should be put right; the regulation says "usually" or leaves room. */
	WARNING,
	/** Worth a look: the org has grown into the next kind. */
	INFO

}
