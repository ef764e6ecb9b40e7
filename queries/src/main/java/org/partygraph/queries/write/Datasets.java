package org.partygraph.queries.write;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.partygraph.model.Org;

/**
 * Which dataset a written item belongs to, and the {@code (:Dataset)} record of an import. A new
 * org belongs to its parent's dataset; a new root to the dataset of its units when they agree on
 * one, else to none.
 */
public final class Datasets {

	private static final String ORG_DATASETS = """
			UNWIND $ids AS id
			MATCH (o:Org {id: id})
			RETURN o.id AS id, o.dataset AS dataset
			""";

	private static final String UNIT_DATASETS = """
			UNWIND $ids AS id
			MATCH (u:Unit {id: id})
			WHERE u.dataset IS NOT NULL
			RETURN collect(DISTINCT u.dataset) AS datasets
			""";

	/**
	 * Records (or updates) a dataset's import: its format, time and counts. Parameters
	 * {@code dataset}, {@code format}, {@code units}, {@code orgs}, {@code members}.
	 */
	public static final String RECORD = """
			MERGE (d:Dataset {name: $dataset})
			SET d.format = $format, d.importedAt = datetime(), d.units = $units, d.orgs = $orgs, d.members = $members
			""";

	private Datasets() {
	}

	/**
	 * The dataset of a new org.
	 * @param parentDataset its parent's dataset, when it has a parent
	 * @param hasParent whether it has one
	 * @param units its units (none {@code null}), for a root
	 */
	public static String ofNewOrg(SimpleQueryRunner tx, boolean hasParent, String parentDataset, List<String> units) {
		return hasParent ? parentDataset : soleDatasetOfUnits(tx, units);
	}

	/**
	 * The datasets of new orgs, by id: a parent created alongside passes its dataset on.
	 * @param created parents before their children
	 */
	public static Map<String, String> ofNewOrgs(SimpleQueryRunner tx, List<Org> created) {
		Set<String> createdIds = new HashSet<>(created.stream().map(Org::id).toList());
		List<String> parents = created.stream()
			.map(Org::parent)
			.filter((p) -> p != null && !createdIds.contains(p))
			.distinct()
			.toList();
		Map<String, String> datasets = new HashMap<>();
		tx.run(ORG_DATASETS, Map.of("ids", parents))
			.forEachRemaining((r) -> datasets.put(r.get("id").asString(), r.get("dataset").asString(null)));
		for (Org org : created) {
			datasets.put(org.id(),
					ofNewOrg(tx, org.parent() != null, datasets.get(org.parent()), org.units()));
		}
		return datasets;
	}

	/** Records a dataset's import ({@link #RECORD}). */
	public static void record(SimpleQueryRunner tx, String dataset, String format, long units, long orgs,
			long members) {
		tx.run(RECORD, Map.of("dataset", dataset, "format", format, "units", units, "orgs", orgs, "members", members))
			.consume();
	}

	/** The dataset the units (none {@code null}) come from when they agree on one, else {@code null}. */
	private static String soleDatasetOfUnits(SimpleQueryRunner tx, List<String> ids) {
		List<String> datasets = tx.run(UNIT_DATASETS, Map.of("ids", ids))
			.single()
			.get("datasets")
			.asList(Value::asString);
		return (datasets.size() == 1) ? datasets.get(0) : null;
	}

}
