package org.partygraph.queries.text;

import org.partygraph.model.Names;

/** The name rule's problems ({@link Names#flaw}) as texts of the bundles; in English as {@link Names#problem}. */
public final class NameTexts {

	private NameTexts() {
	}

	/** What is wrong with a name as a text; {@code null} when the name may be stored. */
	public static Text problem(String name) {
		Names.Flaw flaw = Names.flaw(name);
		return (flaw != null) ? Text.of(flaw.wording()) : null;
	}

}
