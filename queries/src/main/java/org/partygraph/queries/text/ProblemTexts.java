package org.partygraph.queries.text;

/**
 * A refusal whose problems' messages are texts of the bundles where they have one: each is said in
 * the request's language where it reaches a person (a payload's {@code errors { message }}).
 */
public interface ProblemTexts {

	/** The message of the problem at {@code index} as a text; {@code null} when it is English only. */
	Text text(int index);

}
