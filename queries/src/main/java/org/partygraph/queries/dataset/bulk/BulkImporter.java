package org.partygraph.queries.dataset.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.partygraph.model.AwayRecord;
import org.partygraph.model.Candidate;
import org.partygraph.model.Dataset;
import org.partygraph.model.Dispatch;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.Problem;
import org.partygraph.model.Unit;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetReader;
import org.partygraph.queries.dataset.DatasetConflictException;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.GraphRows;
import org.partygraph.queries.dataset.GraphSchema;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.dataset.ImportResult;
import org.partygraph.queries.write.CandidateRows;
import org.partygraph.queries.write.DualRows;
import org.partygraph.queries.write.EventDates;
import org.partygraph.queries.write.Events;
import org.partygraph.queries.write.MemberTallies;
import org.partygraph.queries.write.OrgTallies;
import org.partygraph.queries.write.Rows;

import static org.partygraph.queries.dataset.bulk.BulkPublisher.STAGED;

/**
 * Imports a {@code party-graph/1} or {@code /2} file of any size (a province of millions of members) without
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
 * and removed by {@link #cleanUp()} (run at start-up and before every bulk import). The settings
 * (rows per transaction, writers, the largest atomic publish) are {@link BulkImportSettings}.
 *
 * <p>
 * The {@code party-graph/2} lists {@code candidates}, {@code dispatches} and {@code away} are held
 * in memory as they are read (they are a small share of the members), checked as the
 * one-transaction import checks them (the members that dispatches and stays away name are found
 * by a second read of the members), and staged after the members: candidates as
 * {@code StagedCandidate} with their records and links, dispatches and stays away between the
 * staged members and orgs. Publishing retires the earlier import's candidates as it retires its
 * members.
 */
public final class BulkImporter {

	private static final String FIND_FOREIGN_IDS = """
			MATCH (s:%s)
			MATCH (n:%s {id: s.id})
			WHERE coalesce(n.dataset, '') <> $dataset
			RETURN s.id AS id, coalesce(n.dataset, '(none: made outside an import)') AS owner
			LIMIT 100
			""";

	/** Candidate ids per look-up of ids other datasets hold. */
	private static final int DATASET_BATCH = 10_000;

	private final Driver driver;

	private final BulkImportSettings settings;

	private final BulkPublisher publisher;

	/**
	 * @param driver the driver
	 * @param settings rows per transaction, writers, and when to publish in chunks
	 */
	private final EventDates dates;

	public BulkImporter(Driver driver, BulkImportSettings settings) {
		this(driver, settings, EventDates.DEFAULT);
	}

	/**
	 * @param driver the driver
	 * @param settings rows per transaction, writers, and when to publish in chunks
	 * @param dates today and the furthest date ahead an import may be dated
	 */
	public BulkImporter(Driver driver, BulkImportSettings settings, EventDates dates) {
		this.driver = driver;
		this.settings = settings;
		this.dates = dates;
		this.publisher = new BulkPublisher(driver, settings.nameIndexRebuildMinMembers());
	}

	private void checkDate(String dataset, LocalDate on) {
		List<Problem> problems = new ArrayList<>();
		try (Session session = this.driver.session()) {
			session.executeRead((tx) -> {
				problems.addAll(this.dates.problems(tx, Problem.DATASET, on, List.of()));
				LocalDate later = Events.laterImport(tx, dataset, on);
				if (later != null) {
					problems.add(EventDates.earlierProblem(Problem.DATASET, on, dataset, later, Events.Kind.IMPORTED.name()));
				}
				return null;
			});
		}
		if (!problems.isEmpty()) {
			throw new InvalidDatasetException(problems);
		}
	}

	/**
	 * Checks and imports a file; see the class description for how.
	 * @param file a {@code party-graph/1} or {@code /2} file
	 * @param progress told after each batch, with counts over the whole import
	 * @return what was written
	 * @throws InvalidDatasetException when the file breaks a hard rule (nothing is written)
	 * @throws DatasetConflictException when an id belongs to another stored dataset (nothing is
	 * written)
	 * @throws IOException if the file cannot be read
	 */
	public ImportResult importFile(Path file, ImportProgress progress) throws IOException {
		return importFile(file, progress, null, null);
	}

	/**
	 * As {@link #importFile(Path, ImportProgress)}, recording ONE IMPORTED event of the dataset dated
	 * {@code on} (today when {@code null}) by {@code by}, written as it is published; no event per
	 * item, which would double the nodes the import writes. The date is refused (field {@code on},
	 * before anything is staged) when after today plus {@code party-graph.time.max-future-days} or
	 * before an earlier import of the same dataset; unlike the one-transaction import, it is not
	 * checked against each item's own events.
	 */
	public ImportResult importFile(Path file, ImportProgress progress, LocalDate on, String by) throws IOException {
		long started = System.nanoTime();
		Events.Stamp stamp = new Events.Stamp(this.dates.orToday(on), by, null);
		cleanUp();
		try {
			Checked checked = checkAndStage(file, progress);
			checkDate(checked.name, stamp.on());
			OrgTallies tallies = checked.tallies;
			if (!checked.staged) {
				long done = 0;
				done = writeNodes(checked.rows, checked.name, checked::total, done, progress);
				done = writeRelationships(checked.rows, checked.name, checked::total, done, progress);
				tallies = writeMembers(file, checked, done, progress);
			}
			writeLifecycle(checked, progress);
			checkNoForeignIds(checked);
			writeTallies(checked, tallies, progress);
			long replaced;
			if (checked.nodes <= this.settings.atomicPublishMaxNodes()) {
				replaced = this.publisher.publish(checked, stamp);
			}
			else {
				List<String> foreignOrgs;
				try (Session session = this.driver.session()) {
					foreignOrgs = session.executeRead((tx) -> BulkPublisher.foreignOrgs(tx, checked.name));
				}
				replaced = this.publisher.publishInChunks(checked, progress);
				try (Session session = this.driver.session()) {
					session.executeWriteWithoutResult((tx) -> {
						MemberTallies.recount(tx, foreignOrgs);
						Events.log(stamp).imported(checked.name, checked.units, checked.orgs, checked.members).write(tx);
					});
				}
			}
			progress.progress("published", checked.total, checked.total);
			this.publisher.deleteRetired();
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
		return this.publisher.cleanUp();
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
		List<Candidate> candidates = new ArrayList<>();
		List<Dispatch> dispatches = new ArrayList<>();
		List<AwayRecord> away = new ArrayList<>();
		long fileSize = Files.size(file);
		DatasetReader.Result read;
		try (CountingInput input = new CountingInput(file); Staging staging = new Staging(this, members, progress)) {
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
					public void candidate(Candidate candidate) {
						candidates.add(candidate);
					}

					@Override
					public void dispatch(Dispatch dispatch) {
						dispatches.add(dispatch);
					}

					@Override
					public void away(AwayRecord record) {
						away.add(record);
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
			// The members the dispatches and stays away name, whole: their rules look at a member's org.
			Set<String> wanted = new HashSet<>();
			dispatches.forEach((d) -> wanted.add(d.member()));
			away.forEach((a) -> wanted.add(a.member()));
			wanted.remove(null);
			Map<String, Member> named = new HashMap<>();
			if (read.complete() && members.deferred) {
				members.restart();
				DatasetReader.stream(file, DatasetReader.ItemSink.membersOnly((m) -> {
					members.check(m);
					keep(wanted, named, m);
				}));
			}
			else if (read.complete() && !wanted.isEmpty()) {
				DatasetReader.stream(file, DatasetReader.ItemSink.membersOnly((m) -> keep(wanted, named, m)));
			}
			List<Problem> semantic = read.complete() ? members.finish(candidates, dispatches, away, named) : List.of();
			List<Problem> problems = new ArrayList<>(DatasetFormat.combine(read.problems(), semantic));
			if (!problems.isEmpty()) {
				throw new InvalidDatasetException(problems);
			}
			String name = read.dataset().name();
			boolean staged = staging.wroteAll() && name.equals(staging.name);
			GraphRows rows = staged ? null : GraphRows.of(new Dataset(name, units, orgs, List.of()));
			long nodes = units.size() + orgs.size() + members.count + CandidateRows.nodeCount(candidates);
			long lifecycle = CandidateRows.nodeCount(candidates) + CandidateRows.relationshipCount(candidates)
					+ dispatches.size() + away.size();
			long total = nodes + (staged ? staging.headRelationships : rows.relationshipCount()) + members.relationships
					+ CandidateRows.relationshipCount(candidates) + dispatches.size() + away.size();
			// staged: everything but the lifecycle, written next
			progress.progress("checked", staged ? total - lifecycle : 0, total);
			return new Checked(name, rows, units.size(), orgs.size(), members.count, nodes, total, staged,
					orgs.stream().map(Org::id).toList(), staged ? staging.batches.tallies : null,
					new Checked.Lifecycle(candidates, dispatches, away));
		}
	}

	private static void keep(Set<String> wanted, Map<String, Member> named, Member member) {
		if (wanted.contains(member.id())) {
			named.putIfAbsent(member.id(), member);
		}
	}

	/**
	 * The candidates (with their records and links), dispatches and stays away, staged after the
	 * members they join (CandidateRows, DualRows).
	 */
	private void writeLifecycle(Checked checked, ImportProgress progress) {
		Checked.Lifecycle lifecycle = checked.lifecycle;
		if (lifecycle.isEmpty()) {
			return;
		}
		long done = checked.total - CandidateRows.nodeCount(lifecycle.candidates())
				- CandidateRows.relationshipCount(lifecycle.candidates()) - lifecycle.dispatches().size()
				- lifecycle.away().size();
		try (BatchWriters writers = writers(checked.name, checked::total, done, progress)) {
			List<Candidate> candidates = lifecycle.candidates();
			for (int start = 0; start < candidates.size(); start += CandidateRows.BATCH) {
				List<Candidate> batch = candidates.subList(start, Math.min(candidates.size(), start + CandidateRows.BATCH));
				writers.submit(CandidateRows.CREATE_STAGED, batch.stream().map(CandidateRows::row).toList(),
						CandidateRows.nodeCount(batch) + CandidateRows.relationshipCount(batch), "candidates");
			}
		}
		// after the candidates' batches: they read no dual relation, but one writer at a time keeps
		// the members' locks simple
		writeInBatches(DualRows.CREATE_STAGED_DISPATCHES, DualRows.dispatchRows(lifecycle.dispatches()), checked.name,
				checked::total, checked.total - lifecycle.dispatches().size() - lifecycle.away().size(), "dispatches",
				progress);
		writeInBatches(DualRows.CREATE_STAGED_AWAY, DualRows.awayRows(lifecycle.away()), checked.name, checked::total,
				checked.total - lifecycle.away().size(), "away", progress);
	}

	long writeNodes(GraphRows rows, String dataset, LongSupplier total, long done, ImportProgress progress) {
		for (var entry : rows.nodes.entrySet()) {
			String cypher = Rows.CREATE_NODES.formatted(STAGED + entry.getKey().cypher());
			done = writeInBatches(cypher, entry.getValue(), dataset, total, done, "nodes", progress);
			entry.setValue(List.of());
		}
		return done;
	}

	long writeRelationships(GraphRows rows, String dataset, LongSupplier total, long done,
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
		try (BatchWriters writers = writers(dataset, total, done, progress)) {
			for (int start = 0; start < all.size(); start += this.settings.batch()) {
				List<Map<String, Object>> batch = all.subList(start,
						Math.min(all.size(), start + this.settings.batch()));
				writers.submit(cypher, batch, batch.size(), step);
			}
		}
		return done + all.size();
	}

	/**
	 * Members from a second read of the file, each batch with the relationships its members start.
	 * @return the orgs' member tallies
	 */
	private OrgTallies writeMembers(Path file, Checked checked, long done, ImportProgress progress) throws IOException {
		MemberBatches batches;
		try (BatchWriters writers = writers(checked.name, checked::total, done, progress)) {
			batches = memberBatches(writers);
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
	private void writeTallies(Checked checked, OrgTallies tallies, ImportProgress progress) {
		List<Map<String, Object>> rows = new ArrayList<>(checked.orgIds.size());
		for (String id : checked.orgIds) {
			rows.add(Map.of("id", id, "t", tallies.of(id)));
		}
		try (BatchWriters writers = writers(checked.name, checked::total, checked.total, progress)) {
			for (int start = 0; start < rows.size(); start += this.settings.batch()) {
				writers.submit(MemberTallies.SET_STAGED, rows.subList(start, Math.min(rows.size(), start + this.settings.batch())),
						0,
						"counting members per org");
			}
		}
	}

	private void checkNoForeignIds(Checked checked) {
		String dataset = checked.name;
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
						.forEach((r) -> problems.add(DatasetImporter.heldByOther(r, live.cypher())));
				}
			}
		}
		List<String> candidates = checked.lifecycle.candidates().stream().map(Candidate::id).toList();
		try (Session session = this.driver.session()) {
			for (int start = 0; start < candidates.size(); start += DATASET_BATCH) {
				List<String> batch = candidates.subList(start, Math.min(candidates.size(), start + DATASET_BATCH));
				session
					.executeRead((tx) -> tx
						.run(CandidateRows.FIND_FOREIGN_IDS, Map.of("ids", batch, "dataset", checked.name))
						.list())
					.forEach((r) -> problems.add(DatasetImporter.heldByOther(r, "Candidate")));
			}
		}
		if (!problems.isEmpty()) {
			throw new DatasetConflictException(problems);
		}
	}

	BatchWriters writers(String dataset, LongSupplier total, long done, ImportProgress progress) {
		return new BatchWriters(this.driver, this.settings.writers(), dataset, total, done, progress);
	}

	MemberBatches memberBatches(BatchWriters writers) {
		return new MemberBatches(writers, this.settings.batch());
	}

}
