package org.partygraph.api.roster;

import java.util.List;

import org.partygraph.model.roster.RosterProblem;
import org.partygraph.queries.change.RosterOutcome;
import org.partygraph.queries.change.RosterResult;

/**
 * The answer to a roster import ({@code RosterImport} in GraphQL, and the JSON of
 * {@code POST /import/roster}).
 */
public record RosterPayload(boolean dryRun, int added, int updated, int transferred, int unchanged,
		List<RosterOutcome> rows, List<String> ignoredColumns, List<Error> errors) {

	/** One problem ({@code RosterProblem}): row {@code null} for an argument or the file as a whole. */
	public record Error(Integer row, String column, String field, String message) {

		static Error of(RosterProblem p) {
			return of(p, null);
		}

		/** The problem with its message said in the request's language ({@code null}: its English message). */
		static Error of(RosterProblem p, String said) {
			return new Error((p.row() > 0) ? p.row() : null, p.column(), p.field(), (said != null) ? said : p.message());
		}

	}

	static RosterPayload done(RosterResult result, List<String> ignored) {
		return new RosterPayload(result.dryRun(), result.added(), result.updated(), result.transferred(),
				result.unchanged(), result.rows(), ignored, List.of());
	}

	static RosterPayload refused(boolean dryRun, List<String> ignored, List<Error> errors) {
		return new RosterPayload(dryRun, 0, 0, 0, 0, List.of(), ignored, errors);
	}

}
