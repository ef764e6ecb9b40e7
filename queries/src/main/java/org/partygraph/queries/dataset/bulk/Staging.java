package org.partygraph.queries.dataset.bulk;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.queries.dataset.GraphRows;
import org.partygraph.queries.dataset.ImportProgress;

/**
 * Writing while the file is first read: units and orgs at the first member, then members in
 * batches. Gives up (the file is written after its check instead) when the name or the units and
 * orgs are not yet known good at the first member, and stops once any member problem is found.
 */
final class Staging implements AutoCloseable {

private final BulkImporter importer;


	private final MemberCheck members;

	private final ImportProgress progress;

	String name;

	private long head;

	long headRelationships;

	private BatchWriters writers;

	MemberBatches batches;

	private boolean gaveUp;

	private long entities;

	private final AtomicLong estimate = new AtomicLong();

	private boolean finished;

	private boolean started;

	private long membersStart;

	Staging(BulkImporter importer, MemberCheck members, ImportProgress progress) {
		this.importer = importer;
		this.members = members;
		this.progress = progress;
	}

	void member(Member member, long bytesRead, long fileSize) {
		if (this.gaveUp) {
			return;
		}
		if (!this.started && !start(bytesRead)) {
			return;
		}
		if (this.members.problemCount() > 0) {
			// the file is refused at the end; writing more would be wasted
			this.gaveUp = true;
			return;
		}
		this.entities += this.batches.add(member);
		// until the end is read, the total is extrapolated from the share of the members' bytes read
		double share = (double) Math.max(1, bytesRead - this.membersStart) / Math.max(1, fileSize - this.membersStart);
		this.estimate.set(this.head + (long) (this.entities / Math.min(1.0, share)));
	}

	private boolean start(long bytesRead) {
		if (this.name == null || this.members.problemCount() > 0) {
			this.gaveUp = true;
			return false;
		}
		this.started = true;
		this.membersStart = bytesRead;
		GraphRows rows = GraphRows.of(new Dataset(this.name, this.members.units, this.members.orgs, List.of()));
		this.headRelationships = rows.relationshipCount();
		this.head = rows.nodeCount() + this.headRelationships;
		this.estimate.set(this.head);
		long done = this.importer.writeNodes(rows, this.name, this.estimate::get, 0, this.progress);
		this.importer.writeRelationships(rows, this.name, this.estimate::get, done, this.progress);
		this.writers = this.importer.writers(this.name, this.estimate::get, this.head, this.progress);
		this.batches = this.importer.memberBatches(this.writers);
		return true;
	}

	/** Writes the last batch and waits for every batch; throws the first failure. */
	void finish() {
		this.finished = true;
		try {
			if (this.writers != null && !this.gaveUp) {
				this.batches.flush();
			}
		}
		catch (BatchFailed ex) {
			// closing throws the batch's own failure
		}
		close();
	}

	/** Whether units, orgs and every member were staged. */
	boolean wroteAll() {
		return this.finished && this.started && !this.gaveUp;
	}

	@Override
	public void close() {
		if (this.writers != null) {
			BatchWriters open = this.writers;
			this.writers = null;
			open.close();
		}
	}

}
