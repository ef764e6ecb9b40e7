package org.partygraph.queries.dataset.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.partygraph.model.Member;
import org.partygraph.queries.dataset.GraphRows;
import org.partygraph.queries.write.Members;
import org.partygraph.queries.write.OrgTallies;

/**
 * Members in batches of {@code batch} rows, each written with the relationships its members start
 * ({@link Members#CREATE_STAGED_WITH_LINKS}).
 */
final class MemberBatches {

	private final int batch;

	private final BatchWriters writers;

	private final List<Map<String, Object>> rows = new ArrayList<>();

	final OrgTallies tallies = new OrgTallies();

	private long entities;

	MemberBatches(BatchWriters writers, int batch) {
		this.writers = writers;
		this.batch = batch;
	}

	/**
	 * Adds a member, writing the batch once it is full.
	 * @return the entities the member adds: its node and the relationships it starts
	 */
	long add(Member member) {
		this.rows.add(Members.stagedRow(member));
		this.tallies.add(member);
		long added = 1 + GraphRows.memberRelationships(member);
		this.entities += added;
		if (this.rows.size() >= this.batch) {
			flush();
		}
		return added;
	}

	/** Writes what is gathered; throws {@link BatchFailed} once any batch has failed. */
	void flush() {
		if (!this.rows.isEmpty()) {
			this.writers.submit(Members.CREATE_STAGED_WITH_LINKS, List.copyOf(this.rows), this.entities, "members");
			this.rows.clear();
			this.entities = 0;
		}
	}

}
