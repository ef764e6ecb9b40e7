package org.partygraph.queries.dataset.bulk;

import java.util.List;
import java.util.Map;

import org.partygraph.model.AwayRecord;
import org.partygraph.model.Candidate;
import org.partygraph.model.DatasetValidator;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.Problem;
import org.partygraph.model.Unit;
import org.partygraph.queries.dataset.GraphRows;

/** The streaming check of members, with the counts the progress report needs. */
final class MemberCheck {

	final List<Unit> units;

	final List<Org> orgs;

	private DatasetValidator.Streaming validator;

	boolean deferred;

	long count;

	long relationships;

	MemberCheck(List<Unit> units, List<Org> orgs) {
		this.units = units;
		this.orgs = orgs;
	}

	int problemCount() {
		return (this.validator != null) ? this.validator.problemCount() : 0;
	}

	void check(Member member) {
		if (this.validator == null) {
			// The name is checked by the reader; the validator needs only some name.
			this.validator = DatasetValidator.streaming("(checked by the reader)", this.units, this.orgs);
		}
		this.validator.member(member);
		this.count++;
		this.relationships += GraphRows.memberRelationships(member);
	}

	void restart() {
		this.validator = null;
		this.count = 0;
		this.relationships = 0;
	}

	/**
	 * Every problem, with the candidates, dispatches and stays away checked after the members.
	 * @param named the members the dispatches and stays away name, by id
	 */
	List<Problem> finish(List<Candidate> candidates, List<Dispatch> dispatches, List<AwayRecord> away,
			Map<String, Member> named) {
		if (this.validator == null) {
			this.validator = DatasetValidator.streaming("(checked by the reader)", this.units, this.orgs);
		}
		return this.validator.finish(candidates, dispatches, away, named);
	}

}
