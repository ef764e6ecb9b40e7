package org.partygraph.queries.dataset.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionContext;
import org.partygraph.model.Dataset;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.GraphSchema;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.write.CandidateRows;
import org.partygraph.queries.write.Datasets;
import org.partygraph.queries.write.MemberTallies;
import org.partygraph.queries.write.Transfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last steps of a bulk import ({@link BulkImporter}): the staged items take the live labels
 * and the earlier import's items are retired, in ONE transaction or, for a dataset too large for
 * one, in chunks under a marker that makes an interrupted publish finish at the next
 * {@link #cleanUp()}; then the retired items are deleted in batches. The dataset's candidates
 * ({@code StagedCandidate}, {@code RetiredCandidate}, their records reached through them) go the
 * same way; dispatches and stays away are relationships between staged members and orgs and go
 * with them.
 */
final class BulkPublisher {

	private static final Logger logger = LoggerFactory.getLogger(BulkImporter.class);

	static final String STAGED = "Staged";

	private static final String RETIRED = "Retired";

	private static final String RELABEL = """
			MATCH (n:%s)
			WHERE n.dataset = $dataset
			REMOVE n:%s
			SET n:%s
			RETURN count(*) AS nodes
			""";

	private static final String DELETE_IN_BATCHES = """
			MATCH (n:%s)
			CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
			""";

	private static final String COUNT = "MATCH (n:%s) RETURN count(n) AS nodes";

	// Publishing in chunks, for datasets too large for one transaction's memory. A marker says a
	// publish began, so that an interrupted one is finished (rolled forward), never undone.
	private static final String MARK_PUBLISHING = """
			MERGE (b:BulkImport {dataset: $dataset})
			SET b.state = $state, b.units = $units, b.orgs = $orgs, b.members = $members, b.since = datetime()
			""";

	private static final String SET_MARKER_STATE = "MATCH (b:BulkImport {dataset: $dataset}) SET b.state = $state";

	private static final String MARKERS = """
			MATCH (b:BulkImport)
			RETURN b.dataset AS dataset, b.state AS state, b.units AS units, b.orgs AS orgs, b.members AS members
			""";

	private static final String DROP_MARKER = "MATCH (b:BulkImport {dataset: $dataset}) DELETE b";

	// Items of the earlier import that the new file no longer has: retired before anything new shows.
	private static final String RETIRE_GONE = """
			MATCH (n:%s {dataset: $dataset})
			WHERE NOT EXISTS { MATCH (:%s {id: n.id}) }
			CALL (n) { REMOVE n:%s SET n:%s } IN TRANSACTIONS OF 20000 ROWS
			""";

	// Each staged item takes the live label; the earlier item with its id (same dataset: any other
	// owner was refused) is retired in the same transaction.
	private static final String PROMOTE = """
			MATCH (s:%s)
			CALL (s) {
			  OPTIONAL MATCH (old:%s {id: s.id})
			  CALL (old) { WITH old WHERE old IS NOT NULL REMOVE old:%s SET old:%s }
			  REMOVE s:%s SET s:%s
			} IN TRANSACTIONS OF 20000 ROWS
			""";

	// The same, for a label the dataset has no live items of yet (a first import): no earlier item
	// can share a staged id (ids held by other datasets were refused), so none is looked up.
	private static final String PROMOTE_NEW = """
			MATCH (s:%s)
			CALL (s) { REMOVE s:%s SET s:%s } IN TRANSACTIONS OF 20000 ROWS
			""";

	// Every live candidate of the dataset retired (a re-import replaces them all; their records go
	// with them, reached only through them).
	private static final String RETIRE_CANDIDATES = """
			MATCH (n:Candidate {dataset: $dataset})
			CALL (n) { REMOVE n:Candidate SET n:RetiredCandidate } IN TRANSACTIONS OF 20000 ROWS
			""";

	private static final String CANDIDATE = "Candidate";

	private static final String HAS_LIVE = "MATCH (n:%s {dataset: $dataset}) RETURN n LIMIT 1";

	// The name text indexes on the folded key (migrations V0006, V0009: member_name, org_name,
	// unit_name). Lucene takes each relabelled node one by one, which for members was half the
	// publishing time of a province; built afresh from the store an index takes seconds.
	private static final Map<GraphSchema.Label, String> NAME_INDEXES = Map.of(GraphSchema.Label.UNIT, "unit_name",
			GraphSchema.Label.ORG, "org_name", GraphSchema.Label.MEMBER, "member_name");

	private static final String CREATE_NAME_INDEX = "CREATE TEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.nameKey)";

	private static final String DROP_NAME_INDEX = "DROP INDEX %s IF EXISTS";

	private static final String AWAIT_NAME_INDEX = "CALL db.awaitIndex('%s', 1800)";

	private final Driver driver;

	private final long nameIndexRebuildMinMembers;

	BulkPublisher(Driver driver, long nameIndexRebuildMinMembers) {
		this.driver = driver;
		this.nameIndexRebuildMinMembers = nameIndexRebuildMinMembers;
	}

	/**
	 * Removes what an interrupted bulk import left: staged items (never visible) and retired items
	 * (replaced, no longer visible).
	 * @return how many nodes were removed
	 */
	long cleanUp() {
		List<org.neo4j.driver.Record> markers;
		try (Session session = this.driver.session()) {
			markers = session.run(MARKERS).list();
		}
		for (org.neo4j.driver.Record marker : markers) {
			String dataset = marker.get("dataset").asString();
			logger.info("Finishing the interrupted publishing of dataset '{}'", dataset);
			finishPublishing(dataset, marker.get("state").asString(), marker.get("units").asLong(),
					marker.get("orgs").asLong(), marker.get("members").asLong(), ImportProgress.NONE, 0);
		}
		long removed = 0;
		try (Session session = this.driver.session()) {
			for (GraphSchema.Label label : GraphSchema.Label.values()) {
				for (String prefix : List.of(STAGED, RETIRED)) {
					String name = prefix + label.cypher();
					long nodes = session.run(COUNT.formatted(name)).single().get("nodes").asLong();
					if (nodes > 0) {
						session.run(DELETE_IN_BATCHES.formatted(name)).consume();
						removed += nodes;
					}
				}
			}
		}
		try (Session session = this.driver.session()) {
			for (String prefix : List.of(STAGED, RETIRED)) {
				String name = prefix + CANDIDATE;
				long nodes = session.run(COUNT.formatted(name)).single().get("nodes").asLong();
				if (nodes > 0) {
					session.run(CandidateRows.DELETE_LABELLED.formatted(name)).consume();
					removed += nodes;
				}
			}
		}
		if (removed > 0) {
			logger.info("Removed {} nodes an interrupted bulk import left behind", removed);
		}
		return removed;
	}

	// Orgs of other datasets that earlier members of this one had moved into: their tallies change
	// as those members are replaced.
	static List<String> foreignOrgs(SimpleQueryRunner tx, String dataset) {
		return tx.run(DatasetImporter.FOREIGN_ORGS_OF_MEMBERS, Map.of("dataset", dataset))
			.list((r) -> r.get("id").asString());
	}

	long publish(Checked checked, org.partygraph.queries.write.Events.Stamp stamp) {
		try (Session session = this.driver.session()) {
			return session.executeWrite((tx) -> {
				List<String> foreignOrgs = foreignOrgs(tx, checked.name);
				long replaced = 0;
				for (GraphSchema.Label label : GraphSchema.Label.values()) {
					replaced += relabel(tx, label.cypher(), RETIRED + label.cypher(), checked.name);
				}
				replaced += relabel(tx, CANDIDATE, RETIRED + CANDIDATE, checked.name);
				for (GraphSchema.Label label : GraphSchema.Label.values()) {
					relabel(tx, STAGED + label.cypher(), label.cypher(), checked.name);
				}
				relabel(tx, STAGED + CANDIDATE, CANDIDATE, checked.name);
				Transfers.relink(tx, checked.name);
				MemberTallies.recount(tx, foreignOrgs);
				Datasets.record(tx, checked.name, Dataset.FORMAT, checked.units, checked.orgs, checked.members);
				org.partygraph.queries.write.Events.log(stamp)
					.imported(checked.name, checked.units, checked.orgs, checked.members)
					.write(tx);
				return replaced;
			});
		}
	}

	/**
	 * Publishes a dataset too large for one transaction: the earlier import's items the file no
	 * longer has are retired, then each label's staged items are promoted in transactions of 20,000
	 * (the earlier item with the same id retired alongside). Readers may see the dataset partly
	 * published while this runs; the marker makes an interrupted run finish at the next
	 * {@link #cleanUp()}, so the store never stays that way.
	 */
	long publishInChunks(Checked checked, ImportProgress progress) {
		long units = checked.units;
		long orgs = checked.orgs;
		long replaced = countDataset(checked.name);
		try (Session session = this.driver.session()) {
			session.executeWriteWithoutResult((tx) -> tx.run(MARK_PUBLISHING, Map.of("dataset", checked.name, "state",
					"RETIRING", "units", units, "orgs", orgs, "members", checked.members)));
		}
		finishPublishing(checked.name, "RETIRING", units, orgs, checked.members, progress, checked.total);
		return replaced;
	}

	private long countDataset(String dataset) {
		long nodes = 0;
		try (Session session = this.driver.session()) {
			for (GraphSchema.Label label : GraphSchema.Label.values()) {
				nodes += session
					.executeRead((tx) -> tx
						.run("MATCH (n:%s {dataset: $dataset}) RETURN count(n) AS nodes".formatted(label.cypher()),
								Map.of("dataset", dataset))
						.single()
						.get("nodes")
						.asLong());
			}
		}
		return nodes;
	}

	private void finishPublishing(String dataset, String state, long units, long orgs, long members,
			ImportProgress progress, long total) {
		Map<String, Object> parameters = Map.of("dataset", dataset);
		try (Session session = this.driver.session()) {
			if (state.equals("RETIRING")) {
				for (GraphSchema.Label label : GraphSchema.Label.values()) {
					String live = label.cypher();
					session.run(RETIRE_GONE.formatted(live, STAGED + live, live, RETIRED + live), parameters).consume();
				}
				session.run(RETIRE_CANDIDATES, parameters).consume();
				session.executeWriteWithoutResult(
						(tx) -> tx.run(SET_MARKER_STATE, Map.of("dataset", dataset, "state", "PROMOTING")));
			}
			boolean rebuildNameIndexes = members >= this.nameIndexRebuildMinMembers;
			List<String> rebuilt = new ArrayList<>();
			try {
				for (GraphSchema.Label label : GraphSchema.Label.values()) {
					String live = label.cypher();
					boolean replacing = session.run(HAS_LIVE.formatted(live), parameters).hasNext();
					if (rebuildNameIndexes) {
						session.run(DROP_NAME_INDEX.formatted(NAME_INDEXES.get(label))).consume();
					}
					// told before it starts: promoting the members of a province takes tens of seconds
					progress.progress("publishing " + live, total, total);
					session.run(replacing ? PROMOTE.formatted(STAGED + live, live, live, RETIRED + live, STAGED + live, live)
							: PROMOTE_NEW.formatted(STAGED + live, STAGED + live, live)).consume();
				}
				// the earlier candidates were all retired above: the staged ones simply change label
				progress.progress("publishing " + CANDIDATE, total, total);
				session.run(PROMOTE_NEW.formatted(STAGED + CANDIDATE, STAGED + CANDIDATE, CANDIDATE)).consume();
			}
			finally {
				// also when a publish interrupted after the drop is finished with other settings
				for (GraphSchema.Label label : GraphSchema.Label.values()) {
					String index = NAME_INDEXES.get(label);
					if (session.run(CREATE_NAME_INDEX.formatted(index, label.cypher())).consume().counters().indexesAdded() > 0) {
						rebuilt.add(index);
					}
				}
			}
			if (!rebuilt.isEmpty()) {
				progress.progress("building the name indexes", total, total);
				for (String index : rebuilt) {
					session.run(AWAIT_NAME_INDEX.formatted(index)).consume();
				}
			}
			session.executeWriteWithoutResult((tx) -> {
				Transfers.relink(tx, dataset);
				Datasets.record(tx, dataset, Dataset.FORMAT, units, orgs, members);
				tx.run(DROP_MARKER, parameters).consume();
			});
		}
	}

	private static long relabel(TransactionContext tx, String from, String to, String dataset) {
		return tx.run(RELABEL.formatted(from, from, to), Map.of("dataset", dataset)).single().get("nodes").asLong();
	}

	void deleteRetired() {
		try (Session session = this.driver.session()) {
			session.run(CandidateRows.DELETE_LABELLED.formatted(RETIRED + CANDIDATE)).consume();
			for (GraphSchema.Label label : GraphSchema.Label.values()) {
				session.run(DELETE_IN_BATCHES.formatted(RETIRED + label.cypher())).consume();
			}
		}
	}

}
