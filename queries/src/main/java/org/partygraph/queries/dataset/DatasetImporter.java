package org.partygraph.queries.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.partygraph.model.Candidate;
import org.partygraph.model.Dataset;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Problem;
import org.partygraph.model.history.History;
import org.partygraph.model.history.HistoryScenario;
import org.partygraph.queries.scenario.OperationsJson;
import org.partygraph.queries.text.ProblemTexts;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.write.CandidateRows;
import org.partygraph.queries.write.Datasets;
import org.partygraph.queries.write.DualRows;
import org.partygraph.queries.write.EventDates;
import org.partygraph.queries.write.Events;
import org.partygraph.queries.write.ImportedHistory;
import org.partygraph.queries.write.MemberTallies;
import org.partygraph.queries.write.OrgTallies;
import org.partygraph.queries.write.Rows;
import org.partygraph.queries.write.Transfers;

/**
 * Writes a validated dataset into Neo4j, replacing whatever an earlier import of the same dataset
 * name brought in. Everything happens in ONE write transaction: a failure at any point (a
 * conflict, a dropped connection, a crash) leaves the previous state whole.
 */
public final class DatasetImporter {

	/** Rows per {@code UNWIND} statement. */
	static final int BATCH = 10_000;

	private static final String FIND_FOREIGN_IDS = """
			UNWIND $ids AS id
			MATCH (n:%s {id: id})
			WHERE coalesce(n.dataset, '') <> $dataset
			RETURN n.id AS id, coalesce(n.dataset, '(none: made outside an import)') AS owner
			""";

	private static final String DELETE_DATASET = """
			MATCH (n:%s {dataset: $dataset})
			DETACH DELETE n
			RETURN count(*) AS deleted
			""";

	// Orgs of other datasets that members of this one were moved into: replacing the members changes
	// their tallies too.
	public static final String FOREIGN_ORGS_OF_MEMBERS = """
			MATCH (:Member {dataset: $dataset})-[:MEMBER_OF|IN_GROUP]->(o:Org)
			WHERE coalesce(o.dataset, '') <> $dataset
			RETURN DISTINCT o.id AS id
			""";

	// A dissolved org of another dataset keeps its id; one of this dataset whose id the import
	// brings back is replaced, as the rest of the dataset is (with the ended dispatches and stays it
	// keeps).
	private static final String FIND_RETIRED_IDS = """
			UNWIND $ids AS id
			MATCH (o:DissolvedOrg {id: id})
			WHERE coalesce(o.dataset, '') <> $dataset
			RETURN o.id AS id, toString(o.dissolvedOn) AS retiredOn
			""";

	private static final String DELETE_RETURNING_RETIRED = """
			UNWIND $ids AS id
			MATCH (o:DissolvedOrg {id: id, dataset: $dataset})
			DETACH DELETE o
			""";

	private final Driver driver;

	private final EventDates dates;

	public DatasetImporter(Driver driver) {
		this(driver, EventDates.DEFAULT);
	}

	public DatasetImporter(Driver driver, EventDates dates) {
		this.driver = driver;
		this.dates = dates;
	}

	/**
	 * Validates and writes the dataset in one transaction.
	 * @throws InvalidDatasetException when the dataset breaks a hard rule (nothing is written)
	 * @throws DatasetConflictException when an id belongs to another stored dataset (nothing
	 * is written)
	 */
	public ImportResult importDataset(Dataset dataset, ImportProgress progress) {
		return importDataset(dataset, progress, null, null);
	}

	/**
	 * Validates and writes the dataset in one transaction, as {@link #importDataset(Dataset,
	 * ImportProgress)}, recording one IMPORTED event dated {@code on} (today when {@code null}) by
	 * {@code by}.
	 * @throws InvalidDatasetException also when {@code on} is after today plus
	 * {@code party-graph.time.max-future-days}, or before the latest event recorded for an org or
	 * member of the dataset or an earlier import of it (field {@code on}); nothing is written
	 */
	public ImportResult importDataset(Dataset dataset, ImportProgress progress, LocalDate on, String by) {
		return importDataset(dataset, History.EMPTY, progress, on, by);
	}

	/**
	 * As {@link #importDataset(Dataset, ImportProgress, LocalDate, String)}, with the history the
	 * dataset was exported with ({@code export --history}, {@link DatasetHistory}) written in the same
	 * transaction: its events, transfers and saved scenarios, those already in the store left as they
	 * are. A scenario whose operations cannot be read is a problem naming it and {@code operations}.
	 */
	public ImportResult importDataset(Dataset dataset, History history, ImportProgress progress, LocalDate on,
			String by) {
		Events.Stamp stamp = new Events.Stamp(this.dates.orToday(on), by, null);
		List<Problem> problems = new ArrayList<>(DatasetFormat.validate(dataset));
		history.events()
			.stream()
			.filter((e) -> e.on() != null && e.on().isAfter(stamp.on()))
			.findFirst()
			.ifPresent((e) -> problems.add(ProblemTexts.problem(Problem.DATASET, "on",
					Text.of("dataset.beforeHistory", stamp.on(), e.id(), e.on()))));
		for (HistoryScenario scenario : history.scenarios()) {
			try {
				OperationsJson.read(scenario.operations());
			}
			catch (IllegalArgumentException ex) {
				problems.add(ProblemTexts.problem(scenario.name(), "operations",
						Text.of("dataset.scenarioOperations", ex.getMessage())));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidDatasetException(problems);
		}
		GraphRows rows = GraphRows.of(dataset);
		OrgTallies tallies = OrgTallies.of(dataset.members());
		for (Map<String, Object> org : rows.nodes.get(GraphSchema.Label.ORG)) {
			tallies.putInto((String) org.get("id"), org);
		}
		long candidateNodes = CandidateRows.nodeCount(dataset.candidates());
		long candidateRelationships = CandidateRows.relationshipCount(dataset.candidates());
		List<Map<String, Object>> dispatches = DualRows.dispatchRows(dataset.dispatches());
		List<Map<String, Object>> away = DualRows.awayRows(dataset.away());
		long duals = dispatches.size() + away.size();
		long total = rows.nodeCount() + rows.relationshipCount() + candidateNodes + candidateRelationships + duals;
		long started = System.nanoTime();
		try (Session session = this.driver.session()) {
			long replaced = session.executeWrite((tx) -> {
				checkNoForeignIds(tx, dataset);
				checkDate(tx, dataset, stamp.on());
				List<String> tallied = new ArrayList<>(tx.run(FOREIGN_ORGS_OF_MEMBERS, Map.of("dataset", dataset.name()))
					.list((r) -> r.get("id").asString()));
				tx.run(DELETE_RETURNING_RETIRED,
						Map.of("ids", dataset.orgs().stream().map((o) -> o.id()).toList(), "dataset", dataset.name()))
					.consume();
				// The candidates first: their records hang off them only, and they point at the members.
				long deleted = CandidateRows.delete(tx, dataset.name());
				for (GraphSchema.Label label : List.of(GraphSchema.Label.MEMBER, GraphSchema.Label.ORG,
						GraphSchema.Label.UNIT)) {
					deleted += tx.run(DELETE_DATASET.formatted(label.cypher()), Map.of("dataset", dataset.name()))
						.single()
						.get("deleted")
						.asLong();
				}
				long done = 0;
				// Each new node's element id by label and id: the relationships are made between them.
				Map<GraphSchema.Label, Map<String, String>> nodes = new EnumMap<>(GraphSchema.Label.class);
				for (var entry : rows.nodes.entrySet()) {
					Map<String, String> made = nodes.computeIfAbsent(entry.getKey(), (label) -> new HashMap<>());
					String cypher = Rows.CREATE_NODES_KEYED.formatted(entry.getKey().cypher());
					for (int start = 0; start < entry.getValue().size(); start += BATCH) {
						List<Map<String, Object>> batch = entry.getValue()
							.subList(start, Math.min(entry.getValue().size(), start + BATCH));
						tx.run(cypher, Map.of("rows", batch, "dataset", dataset.name()))
							.forEachRemaining((r) -> made.put(r.get("id").asString(), r.get("node").asString()));
						done += batch.size();
						progress.progress("nodes", done, total);
					}
				}
				for (var entry : rows.relationships.entrySet()) {
					done = writeRelationships(tx, entry.getKey(), entry.getValue(), nodes, dataset.name(), done, total,
							progress);
				}
				done = writeCandidates(tx, dataset, done, total, progress);
				// The dual relations start at the members, which the re-import has just made again: the old
				// ones went with the old members.
				done = writeBatches(tx, DualRows.CREATE_DISPATCHES, dispatches, dataset.name(), "dispatches", done,
						total, progress);
				done = writeBatches(tx, DualRows.CREATE_AWAY, away, dataset.name(), "away", done, total, progress);
				ImportedHistory.write(tx, history, dataset.name());
				Transfers.relink(tx, dataset.name());
				// The dataset's orgs were written with their tallies; any other org a member of it is
				// linked to, before or now, is counted again.
				tallied.addAll(tallies.orgs());
				tallied.removeAll(nodes.get(GraphSchema.Label.ORG).keySet());
				MemberTallies.recount(tx, tallied);
				Datasets.record(tx, dataset.name(), Dataset.FORMAT, dataset.units().size(), dataset.orgs().size(),
						dataset.members().size());
				Events.log(stamp)
					.imported(dataset.name(), dataset.units().size(), dataset.orgs().size(), dataset.members().size())
					.write(tx);
				return deleted;
			});
			long millis = (System.nanoTime() - started) / 1_000_000;
			return new ImportResult(dataset.name(), rows.nodeCount() + candidateNodes,
					rows.relationshipCount() + candidateRelationships + duals, replaced, millis);
		}
	}

	private static long writeBatches(TransactionContext tx, String cypher, List<Map<String, Object>> rows,
			String dataset, String step, long done, long total, ImportProgress progress) {
		for (int start = 0; start < rows.size(); start += BATCH) {
			List<Map<String, Object>> batch = rows.subList(start, Math.min(rows.size(), start + BATCH));
			tx.run(cypher, Map.of("rows", batch, "dataset", dataset)).consume();
			done += batch.size();
			progress.progress(step, done, total);
		}
		return done;
	}

	/**
	 * Writes the relationships of a type between the nodes just made ({@code nodes}, element ids by
	 * label and id), as {@link Rows#CREATE_RELATIONSHIPS_BETWEEN_NODES}; a row whose end is not among
	 * them (an org of another dataset) finds its ends by id.
	 */
	private static long writeRelationships(TransactionContext tx, GraphSchema.Rel rel, List<Map<String, Object>> links,
			Map<GraphSchema.Label, Map<String, String>> nodes, String dataset, long done, long total,
			ImportProgress progress) {
		List<Map<String, Object>> between = new ArrayList<>(links.size());
		List<Map<String, Object>> byId = new ArrayList<>();
		Map<String, String> from = nodes.getOrDefault(rel.from(), Map.of());
		Map<String, String> to = nodes.getOrDefault(rel.to(), Map.of());
		for (Map<String, Object> link : links) {
			String a = from.get((String) link.get("from"));
			String b = to.get((String) link.get("to"));
			if (a != null && b != null) {
				between.add(Rows.between(a, b, link));
			}
			else {
				byId.add(link);
			}
		}
		long written = writeBatches(tx, Rows.CREATE_RELATIONSHIPS_BETWEEN_NODES.formatted(rel.name()), between, dataset,
				"relationships", done, total, progress);
		return writeBatches(tx, Rows.createRelationships(rel), byId, dataset, "relationships", written, total, progress);
	}

	/** The candidates with their records and links, after the members they may have become. */
	private static long writeCandidates(TransactionContext tx, Dataset dataset, long done, long total,
			ImportProgress progress) {
		List<Map<String, Object>> rows = dataset.candidates().stream().map(CandidateRows::row).toList();
		for (int start = 0; start < rows.size(); start += CandidateRows.BATCH) {
			List<Candidate> batch = dataset.candidates()
				.subList(start, Math.min(rows.size(), start + CandidateRows.BATCH));
			tx.run(CandidateRows.CREATE,
					Map.of("rows", rows.subList(start, start + batch.size()), "dataset", dataset.name()))
				.consume();
			done += CandidateRows.nodeCount(batch) + CandidateRows.relationshipCount(batch);
			progress.progress("candidates", done, total);
		}
		return done;
	}

	private static void checkNoForeignIds(TransactionContext tx, Dataset dataset) {
		List<String> ids = new ArrayList<>(dataset.size());
		dataset.units().forEach((u) -> ids.add(u.id()));
		dataset.orgs().forEach((o) -> ids.add(o.id()));
		dataset.members().forEach((m) -> ids.add(m.id()));
		List<Problem> problems = new ArrayList<>();
		for (GraphSchema.Label label : GraphSchema.Label.values()) {
			tx.run(FIND_FOREIGN_IDS.formatted(label.cypher()), Map.of("ids", ids, "dataset", dataset.name()))
				.forEachRemaining((r) -> problems.add(heldByOther(r, label.cypher())));
		}
		List<String> candidates = dataset.candidates().stream().map(Candidate::id).toList();
		if (!candidates.isEmpty()) {
			tx.run(CandidateRows.FIND_FOREIGN_IDS, Map.of("ids", candidates, "dataset", dataset.name()))
				.forEachRemaining((r) -> problems.add(heldByOther(r, "Candidate")));
		}
		tx.run(FIND_RETIRED_IDS, Map.of("ids", ids, "dataset", dataset.name()))
			.forEachRemaining((r) -> problems.add(ProblemTexts.problem(r.get("id").asString(), "id",
					Text.of("dataset.heldByDissolved", r.get("retiredOn").asString()))));
		if (!problems.isEmpty()) {
			throw new DatasetConflictException(problems);
		}
	}

	/**
	 * The problem of an id (the record's {@code id}) held by an item of another dataset (its
	 * {@code owner}).
	 * @param label the other item's label, e.g. {@code Org}
	 */
	public static Problem heldByOther(org.neo4j.driver.Record record, String label) {
		return ProblemTexts.problem(record.get("id").asString(), "id",
				Text.of("dataset.heldByOther", label, record.get("owner").asString(null)));
	}

	private void checkDate(TransactionContext tx, Dataset dataset, LocalDate on) {
		List<String> ids = new ArrayList<>(dataset.orgs().size() + dataset.members().size());
		dataset.orgs().forEach((o) -> ids.add(o.id()));
		dataset.members().forEach((m) -> ids.add(m.id()));
		// An earlier import of this dataset dated later is one problem, not one per item.
		List<Problem> problems = new ArrayList<>(this.dates.problems(tx, Problem.DATASET, on, ids)
			.stream()
			.filter((p) -> !p.message().contains("(" + Events.Kind.IMPORTED.name() + " on "))
			.toList());
		LocalDate laterImport = Events.laterImport(tx, dataset.name(), on);
		if (laterImport != null) {
			problems.add(EventDates.earlierProblem(Problem.DATASET, on, dataset.name(), laterImport,
					Events.Kind.IMPORTED.name()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidDatasetException(problems);
		}
	}

}
