package org.partygraph.queries.text;

import org.partygraph.model.Names;

/** The name rule's problems ({@link Names#flaw}) as texts of the bundles; in English as {@link Names#problem}. */
public final class NameTexts {

	private NameTexts() {
	}

	/** What is wrong with a name as a text; {@code null} when the name may be stored. */
	public static Text problem(String name) {
		Names.Flaw flaw = Names.flaw(name);
		if (flaw == null) {
			return null;
		}
		return switch (flaw.kind()) {
			case MISSING -> Text.of("problem.missing", "name");
			case TOO_LONG -> Text.of("problem.name.tooLong", flaw.groupedLength(), Names.MAX_LENGTH);
			default -> Text.of("problem.name.refused", Text.of("problem.name." + flaw.kind()), flaw.hex(),
					flaw.position(), flaw.joiner() ? Text.of("problem.name.joiner") : Text.plain(""));
		};
	}

}
