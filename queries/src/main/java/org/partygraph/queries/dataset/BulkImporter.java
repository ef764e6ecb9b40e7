package org.partygraph.queries.dataset;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionContext;
import org.partygraph.model.Dataset;
import org.partygraph.model.DatasetValidator;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.Problem;
import org.partygraph.model.Unit;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetReader;
import org.partygraph.queries.write.Datasets;
import org.partygraph.queries.write.MemberTallies;
import org.partygraph.queries.write.Members;
import org.partygraph.queries.write.Rows;
import org.partygraph.queries.write.Transfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a {@code party-graph/1} file of any size (a province of millions of members) without
 * holding its members in memory and without one giant transaction, and still all or nothing.
 *
 * <ol>
 * <li>Read the file, keeping units and orgs (they are few) and checking every member as it streams
 * by, and write everything in batched transactions under the staging labels {@code StagedUnit},
 * {@code StagedOrg}, {@code StagedMember}, which no query reads: units and orgs at the first
 * member, each batch of members once checked. A dataset that breaks a hard rule is refused and
 * what was staged removed; the live graph is never touched. (A file that lists members before
 * units and orgs, or whose units and orgs break a rule, is checked whole first and read a second
 * time for its members.)</li>
 * <li>Refuse ids another dataset holds.</li>
 * <li>In ONE transaction: the earlier import of the same name is relabelled {@code RetiredUnit}
 * etc. and the staged items get the live labels. Readers see the old dataset or the new one,
 * never a mix. A dataset of more nodes than one transaction's memory allows (over
 * {@code atomicPublishMaxNodes}, 500,000 by default) is published in chunks instead, with a marker
 * that makes an interrupted publish finish at the next start. When the dataset is new, the staged
 * items simply change label (no earlier item to look up), and a publish of many members (200,000 by
 * default) drops the member name text index first and builds it again after: the index takes a
 * relabelled member at a time far slower than it indexes a whole store.</li>
 * <li>Delete the retired items in batches.</li>
 * </ol>
 * A failure or a crash before step 4 leaves the live graph as it was; staged leftovers are invisible
 * and removed by {@link #cleanUp()} (run at start-up and before every bulk import).
 */
public final class BulkImporter {

	/** Rows per write transaction (the rate it gives is in docs/benchmarks.md; other sizes not measured yet). */
	public static final int DEFAULT_BATCH = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(BulkImporter.class);

	private static final String STAGED = "Staged";

	private static final String RETIRED = "Retired";

	private static final String FIND_FOREIGN_IDS = """
			MATCH (s:%s)
			MATCH (n:%s {id: s.id})
			WHERE coalesce(n.dataset, '') <> $dataset
			RETURN s.id AS id, coalesce(n.dataset, '(none: made outside an import)') AS owner
			LIMIT 100
			""";

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

	private static final String HAS_LIVE = "MATCH (n:%s {dataset: $dataset}) RETURN n LIMIT 1";

	// The member name text index (migration V0006). Lucene takes each relabelled member one by one,
	// which was half the publishing time of a province; built afresh from the store it takes seconds.
	private static final String CREATE_NAME_INDEX = "CREATE TEXT INDEX member_name IF NOT EXISTS FOR (m:Member) ON (m.name)";

	private static final String DROP_NAME_INDEX = "DROP INDEX member_name IF EXISTS";

	private static final String AWAIT_NAME_INDEX = "CALL db.awaitIndex('member_name', 1800)";

	/** Chunked publishes of at least this many members rebuild the name index instead of updating it. */
	public static final long DEFAULT_NAME_INDEX_REBUILD_MIN_MEMBERS = 200_000;

	private final Driver driver;

	private final int batch;

	private final int writers;

	private final long atomicPublishMaxNodes;

	private final long nameIndexRebuildMinMembers;

	/** Datasets up to this many nodes are published in one transaction (measured to fit a 2 GB heap). */
	public static final long DEFAULT_ATOMIC_PUBLISH_MAX_NODES = 500_000;

	public BulkImporter(Driver driver) {
		this(driver, DEFAULT_BATCH, defaultWriters());
	}

	public BulkImporter(Driver driver, int batch) {
		this(driver, batch, defaultWriters());
	}

	public BulkImporter(Driver driver, int batch, int writers) {
		this(driver, batch, writers, DEFAULT_ATOMIC_PUBLISH_MAX_NODES);
	}

	/**
	 * @param driver the driver
	 * @param batch rows per write transaction
	 * @param writers member batches written at the same time
	 * @param atomicPublishMaxNodes the largest dataset (in nodes) published in one transaction;
	 * larger ones are published in chunks
	 */
	public BulkImporter(Driver driver, int batch, int writers, long atomicPublishMaxNodes) {
		this(driver, batch, writers, atomicPublishMaxNodes, DEFAULT_NAME_INDEX_REBUILD_MIN_MEMBERS);
	}

	/**
	 * @param driver the driver
	 * @param batch rows per write transaction
	 * @param writers member batches written at the same time
	 * @param atomicPublishMaxNodes the largest dataset (in nodes) published in one transaction;
	 * larger ones are published in chunks
	 * @param nameIndexRebuildMinMembers a chunked publish of at least this many members drops the
	 * member name text index while the members go live and builds it again after (name searches
	 * scan meanwhile)
	 */
	public BulkImporter(Driver driver, int batch, int writers, long atomicPublishMaxNodes,
			long nameIndexRebuildMinMembers) {
		if (batch < 1) {
			throw new IllegalArgumentException("batch must be at least 1, not " + batch);
		}
		if (writers < 1) {
			throw new IllegalArgumentException("writers must be at least 1, not " + writers);
		}
		this.driver = driver;
		this.batch = batch;
		this.writers = writers;
		this.atomicPublishMaxNodes = atomicPublishMaxNodes;
		this.nameIndexRebuildMinMembers = nameIndexRebuildMinMembers;
	}

	/** One writer per core, at most four. */
	public static int defaultWriters() {
		return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

	/**
	 * Checks and imports a file; see the class description for how.
	 * @param file a {@code party-graph/1} file
	 * @param progress told after each batch, with counts over the whole import
	 * @return what was written
	 * @throws InvalidDatasetException when the file breaks a hard rule (nothing is written)
	 * @throws DatasetConflictException when an id belongs to another stored dataset (nothing is
	 * written)
	 * @throws IOException if the file cannot be read
	 */
	public ImportResult importFile(Path file, ImportProgress progress) throws IOException {
		long started = System.nanoTime();
		cleanUp();
		try {
			Checked checked = checkAndStage(file, progress);
			Tallies tallies = checked.tallies;
			if (!checked.staged) {
				long done = 0;
				done = writeNodes(checked.rows, checked.name, checked::total, done, progress);
				done = writeRelationships(checked.rows, checked.name, checked::total, done, progress);
				tallies = writeMembers(file, checked, done, progress);
			}
			checkNoForeignIds(checked.name);
			writeTallies(checked, tallies, progress);
			long replaced;
			if (checked.nodes <= this.atomicPublishMaxNodes) {
				replaced = publish(checked);
			}
			else {
				List<String> foreignOrgs;
				try (Session session = this.driver.session()) {
					foreignOrgs = session.executeRead((tx) -> foreignOrgs(tx, checked.name));
				}
				replaced = publishInChunks(checked, progress);
				try (Session session = this.driver.session()) {
					session.executeWriteWithoutResult((tx) -> MemberTallies.recount(tx, foreignOrgs));
				}
			}
			progress.progress("published", checked.total, checked.total);
			deleteRetired();
			long millis = (System.nanoTime() - started) / 1_000_000;
			return new ImportResult(checked.name, checked.nodes, checked.total - checked.nodes, replaced, millis);
		}
		catch (RuntimeException | IOException | Error ex) {
			try {
				cleanUp();
			}
			catch (RuntimeException cleanUpFailure) {
				ex.addSuppressed(cleanUpFailure);
			}
			throw ex;
		}
	}

	/**
	 * Removes what an interrupted bulk import left: staged items (never visible) and retired items
	 * (replaced, no longer visible).
	 * @return how many nodes were removed
	 */
	public long cleanUp() {
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
		if (removed > 0) {
			logger.info("Removed {} nodes an interrupted bulk import left behind", removed);
		}
		return removed;
	}

	/**
	 * The counts of a file, after every hard rule was checked.
	 * @param rows its units and orgs as rows, when not yet written ({@code null} once staged);
	 * emptied as they are written, so they do not stay in memory while members are
	 * @param staged whether everything is already written under the staging labels
	 */
	private record Checked(String name, GraphRows rows, long units, long orgs, long members, long nodes, long total,
			boolean staged, List<String> orgIds, Tallies tallies) {
	}

	/**
	 * Reads the file once, checking every item; when the file lists units and orgs before members
	 * (as written by this project) and they break no rule, they are staged as soon as they are read
	 * and each batch of checked members right after, so checking and writing share one read. Staged
	 * items are invisible: a problem found later refuses the file all the same, and the caller
	 * removes what was staged. Otherwise nothing is written here.
	 */
	private Checked checkAndStage(Path file, ImportProgress progress) throws IOException {
		List<Unit> units = new ArrayList<>();
		List<Org> orgs = new ArrayList<>();
		MemberCheck members = new MemberCheck(units, orgs);
		long fileSize = Files.size(file);
		DatasetReader.Result read;
		try (CountingInput input = new CountingInput(file); Staging staging = new Staging(members, progress)) {
			try {
				read = DatasetReader.stream(input, new DatasetReader.ItemSink() {

					private boolean unitsRead;

					private boolean orgsRead;

					@Override
					public void name(String name) {
						staging.name = name;
					}

					@Override
					public void unit(Unit unit) {
						units.add(unit);
					}

					@Override
					public void org(Org org) {
						orgs.add(org);
					}

					@Override
					public void member(Member member) {
						// Members are checked as they stream by once units and orgs are all in; a file that
						// lists members first is read a second time for them.
						if (this.unitsRead && this.orgsRead) {
							members.check(member);
							staging.member(member, input.count, fileSize);
						}
						else {
							members.deferred = true;
						}
					}

					@Override
					public void endOfList(String list) {
						this.unitsRead |= list.equals("units");
						this.orgsRead |= list.equals("orgs");
					}

				});
			}
			catch (BatchFailed ex) {
				// finishing throws the batch's own failure
				read = null;
			}
			staging.finish();
			if (read == null) {
				throw new IllegalStateException("a batch failed");
			}
			if (read.complete() && members.deferred) {
				members.restart();
				DatasetReader.stream(file, DatasetReader.ItemSink.membersOnly(members::check));
			}
			List<Problem> semantic = read.complete() ? members.finish() : List.of();
			List<Problem> problems = DatasetFormat.combine(read.problems(), semantic);
			if (!problems.isEmpty()) {
				throw new InvalidDatasetException(problems);
			}
			String name = read.dataset().name();
			boolean staged = staging.wroteAll() && name.equals(staging.name);
			GraphRows rows = staged ? null : GraphRows.of(new Dataset(name, units, orgs, List.of()));
			long nodes = units.size() + orgs.size() + members.count;
			long total = nodes + (staged ? staging.headRelationships : rows.relationshipCount()) + members.relationships;
			progress.progress("checked", staged ? total : 0, total);
			return new Checked(name, rows, units.size(), orgs.size(), members.count, nodes, total, staged,
					orgs.stream().map(Org::id).toList(), staged ? staging.batches.tallies : null);
		}
	}

	/**
	 * Writing while the file is first read: units and orgs at the first member, then members in
	 * batches. Gives up (the file is written after its check instead) when the name or the units and
	 * orgs are not yet known good at the first member, and stops once any member problem is found.
	 */
	private final class Staging implements AutoCloseable {

		private final MemberCheck members;

		private final ImportProgress progress;

		private String name;

		private long head;

		private long headRelationships;

		private Writers writers;

		private MemberBatches batches;

		private boolean gaveUp;

		private long entities;

		private final AtomicLong estimate = new AtomicLong();

		private boolean finished;

		private boolean started;

		private long membersStart;

		Staging(MemberCheck members, ImportProgress progress) {
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
			long done = writeNodes(rows, this.name, this.estimate::get, 0, this.progress);
			writeRelationships(rows, this.name, this.estimate::get, done, this.progress);
			this.writers = new Writers(this.name, this.estimate::get, this.head, this.progress);
			this.batches = new MemberBatches(this.writers);
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
				Writers open = this.writers;
				this.writers = null;
				open.close();
			}
		}

	}

	/** The streaming check of members, with the counts the progress report needs. */
	private static final class MemberCheck {

		private final List<Unit> units;

		private final List<Org> orgs;

		private DatasetValidator.Streaming validator;

		private boolean deferred;

		private long count;

		private long relationships;

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

		List<Problem> finish() {
			if (this.validator == null) {
				this.validator = DatasetValidator.streaming("(checked by the reader)", this.units, this.orgs);
			}
			return this.validator.finish();
		}

	}

	private long writeNodes(GraphRows rows, String dataset, LongSupplier total, long done, ImportProgress progress) {
		for (var entry : rows.nodes.entrySet()) {
			String cypher = Rows.CREATE_NODES.formatted(STAGED + entry.getKey().cypher());
			done = writeInBatches(cypher, entry.getValue(), dataset, total, done, "nodes", progress);
			entry.setValue(List.of());
		}
		return done;
	}

	private long writeRelationships(GraphRows rows, String dataset, LongSupplier total, long done,
			ImportProgress progress) {
		for (var entry : rows.relationships.entrySet()) {
			GraphSchema.Rel rel = entry.getKey();
			String cypher = Rows.createRelationships(STAGED + rel.from().cypher(), STAGED + rel.to().cypher(), rel);
			done = writeInBatches(cypher, entry.getValue(), dataset, total, done, "relationships", progress);
			entry.setValue(List.of());
		}
		return done;
	}

	private long writeInBatches(String cypher, List<Map<String, Object>> all, String dataset, LongSupplier total,
			long done, String step, ImportProgress progress) {
		try (Writers writers = new Writers(dataset, total, done, progress)) {
			for (int start = 0; start < all.size(); start += this.batch) {
				List<Map<String, Object>> batch = all.subList(start, Math.min(all.size(), start + this.batch));
				writers.submit(cypher, batch, batch.size(), step);
			}
		}
		return done + all.size();
	}

	/**
	 * Write transactions run {@code writers} at a time on their own threads, so that reading and
	 * the database use every core; at most {@code writers + 1} batches are held. Closing waits for
	 * every batch and throws the first failure.
	 */
	private final class Writers implements AutoCloseable {

		private final ExecutorService pool;

		private final Semaphore inFlight;

		private final AtomicLong written;

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		private final String dataset;

		private final LongSupplier total;

		private final ImportProgress progress;

		Writers(Checked checked, long done, ImportProgress progress) {
			this(checked.name, () -> checked.total, done, progress);
		}

		/**
		 * @param total the entities the whole import writes, as far as known (an estimate while the
		 * file is still being read)
		 */
		Writers(String dataset, LongSupplier total, long done, ImportProgress progress) {
			this.dataset = dataset;
			this.total = total;
			this.progress = progress;
			this.written = new AtomicLong(done);
			this.inFlight = new Semaphore(BulkImporter.this.writers + 1);
			this.pool = Executors.newFixedThreadPool(BulkImporter.this.writers, (task) -> {
				Thread thread = new Thread(task, "bulk-import-writer");
				thread.setDaemon(true);
				return thread;
			});
		}

		/** Writes one batch; throws {@link BatchFailed} once any batch has failed. */
		void submit(String cypher, List<Map<String, Object>> rows, long entities, String step) {
			this.inFlight.acquireUninterruptibly();
			if (this.failure.get() != null) {
				this.inFlight.release();
				throw new BatchFailed();
			}
			Map<String, Object> parameters = Map.of("rows", rows, "dataset", this.dataset);
			this.pool.execute(() -> {
				try (Session session = BulkImporter.this.driver.session()) {
					session.executeWriteWithoutResult((tx) -> tx.run(cypher, parameters));
					long total = this.written.addAndGet(entities);
					synchronized (this.progress) {
						this.progress.progress(step, total, Math.max(total, this.total.getAsLong()));
					}
				}
				catch (Throwable ex) {
					this.failure.compareAndSet(null, ex);
				}
				finally {
					this.inFlight.release();
				}
			});
		}

		@Override
		public void close() {
			this.pool.shutdown();
			try {
				this.pool.awaitTermination(1, TimeUnit.DAYS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.pool.shutdownNow();
				throw new IllegalStateException("interrupted while writing", ex);
			}
			Throwable failed = this.failure.get();
			if (failed instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failed instanceof Error error) {
				throw error;
			}
			if (failed != null) {
				throw new IllegalStateException("writing failed", failed);
			}
		}

	}

	/**
	 * Members from a second read of the file, each batch with the relationships its members start.
	 * @return the orgs' member tallies
	 */
	private Tallies writeMembers(Path file, Checked checked, long done, ImportProgress progress) throws IOException {
		MemberBatches batches;
		try (Writers writers = new Writers(checked, done, progress)) {
			batches = new MemberBatches(writers);
			try {
				DatasetReader.stream(file, DatasetReader.ItemSink.membersOnly(batches::add));
				batches.flush();
			}
			catch (BatchFailed ex) {
				// closing the writers throws the batch's own failure
			}
		}
		return batches.tallies;
	}

	/**
	 * Sets every staged org's member tallies (MemberTallies) from the members counted as they were
	 * written: no member is read back.
	 */
	private void writeTallies(Checked checked, Tallies tallies, ImportProgress progress) {
		List<Map<String, Object>> rows = new ArrayList<>(checked.orgIds.size());
		for (String id : checked.orgIds) {
			int[] t = tallies.byOrg.getOrDefault(id, new int[4]);
			rows.add(Map.of("id", id, "t", List.of(t[0], t[1], t[2], t[3])));
		}
		try (Writers writers = new Writers(checked, checked.total, progress)) {
			for (int start = 0; start < rows.size(); start += this.batch) {
				writers.submit(MemberTallies.SET_STAGED, rows.subList(start, Math.min(rows.size(), start + this.batch)), 0,
						"counting members per org");
			}
		}
	}

	/** Each org's member tallies, counted from the members as they are written. */
	private static final class Tallies {

		final Map<String, int[]> byOrg = new HashMap<>();

		void add(Member member) {
			boolean full = member.status() == MemberStatus.FULL;
			int[] own = this.byOrg.computeIfAbsent(member.org(), (id) -> new int[4]);
			own[0]++;
			own[1] += full ? 1 : 0;
			if (member.group() != null) {
				int[] group = this.byOrg.computeIfAbsent(member.group(), (id) -> new int[4]);
				group[2]++;
				group[3] += full ? 1 : 0;
			}
		}

	}

	/** Members in batches of {@code batch} rows, each with the relationships its members start. */
	private final class MemberBatches {

		private final Writers writers;

		private final List<Map<String, Object>> rows = new ArrayList<>();

		private final Tallies tallies = new Tallies();

		private long entities;

		MemberBatches(Writers writers) {
			this.writers = writers;
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
			if (this.rows.size() >= BulkImporter.this.batch) {
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

	/** A file's stream that counts the bytes read, for estimates while it is read. */
	private static final class CountingInput extends FilterInputStream {

		private long count;

		CountingInput(Path file) throws IOException {
			super(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

	/** A writer failed: stop reading the file. */
	private static final class BatchFailed extends RuntimeException {

		BatchFailed() {
			super(null, null, false, false);
		}

	}

	private void checkNoForeignIds(String dataset) {
		List<Problem> problems = new ArrayList<>();
		try (Session session = this.driver.session()) {
			for (GraphSchema.Label label : GraphSchema.Label.values()) {
				// Ids are unique across all three lists, so a staged id is checked against every live label.
				for (GraphSchema.Label live : GraphSchema.Label.values()) {
					session
						.executeRead((tx) -> tx
							.run(FIND_FOREIGN_IDS.formatted(STAGED + label.cypher(), live.cypher()),
									Map.of("dataset", dataset))
							.list())
						.forEach((r) -> problems.add(new Problem(r.get("id").asString(), "id",
								"already held by " + live.cypher() + " of dataset '" + r.get("owner").asString(null)
										+ "'; ids must be unique across datasets")));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new DatasetConflictException(problems);
		}
	}

	// Orgs of other datasets that earlier members of this one had moved into: their tallies change
	// as those members are replaced.
	private static List<String> foreignOrgs(SimpleQueryRunner tx, String dataset) {
		return tx.run(DatasetImporter.FOREIGN_ORGS_OF_MEMBERS, Map.of("dataset", dataset))
			.list((r) -> r.get("id").asString());
	}

	private long publish(Checked checked) {
		try (Session session = this.driver.session()) {
			return session.executeWrite((tx) -> {
				List<String> foreignOrgs = foreignOrgs(tx, checked.name);
				long replaced = 0;
				for (GraphSchema.Label label : GraphSchema.Label.values()) {
					replaced += relabel(tx, label.cypher(), RETIRED + label.cypher(), checked.name);
				}
				for (GraphSchema.Label label : GraphSchema.Label.values()) {
					relabel(tx, STAGED + label.cypher(), label.cypher(), checked.name);
				}
				Transfers.relink(tx, checked.name);
				MemberTallies.recount(tx, foreignOrgs);
				Datasets.record(tx, checked.name, Dataset.FORMAT, checked.units, checked.orgs, checked.members);
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
	private long publishInChunks(Checked checked, ImportProgress progress) {
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
				session.executeWriteWithoutResult(
						(tx) -> tx.run(SET_MARKER_STATE, Map.of("dataset", dataset, "state", "PROMOTING")));
			}
			boolean rebuildNameIndex = members >= this.nameIndexRebuildMinMembers;
			try {
				for (GraphSchema.Label label : GraphSchema.Label.values()) {
					String live = label.cypher();
					boolean replacing = session.run(HAS_LIVE.formatted(live), parameters).hasNext();
					if (label == GraphSchema.Label.MEMBER && rebuildNameIndex) {
						session.run(DROP_NAME_INDEX).consume();
					}
					// told before it starts: promoting the members of a province takes tens of seconds
					progress.progress("publishing " + live, total, total);
					session.run(replacing ? PROMOTE.formatted(STAGED + live, live, live, RETIRED + live, STAGED + live, live)
							: PROMOTE_NEW.formatted(STAGED + live, STAGED + live, live)).consume();
				}
			}
			finally {
				// also when a publish interrupted after the drop is finished with other settings
				rebuildNameIndex = session.run(CREATE_NAME_INDEX).consume().counters().indexesAdded() > 0;
			}
			if (rebuildNameIndex) {
				progress.progress("building the member name index", total, total);
				session.run(AWAIT_NAME_INDEX).consume();
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

	private void deleteRetired() {
		try (Session session = this.driver.session()) {
			for (GraphSchema.Label label : GraphSchema.Label.values()) {
				session.run(DELETE_IN_BATCHES.formatted(RETIRED + label.cypher())).consume();
			}
		}
	}

}
