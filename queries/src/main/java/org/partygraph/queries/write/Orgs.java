package org.partygraph.queries.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.SimpleQueryRunner;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;

/**
 * Org nodes as every write path stores them: one property map ({@link #properties}), created in a
 * dataset, renamed, changed and deleted. The links an org starts are written by {@link Links}.
 */
public final class Orgs {

	private static final String CREATE = """
			CREATE (o:Org)
			SET o = $props, o.dataset = $dataset
			""";

	private static final String CREATE_ALL = """
			UNWIND $rows AS row
			CREATE (o:Org)
			SET o = row.props, o.dataset = row.dataset
			RETURN count(o) AS count
			""";

	private static final String RENAME = """
			MATCH (o:Org {id: $id})
			SET o.name = $name, o.nameKey = $nameKey, o.nameSort = $nameSort
			""";

	// Properties not given are removed: the org is as described, not merged with what it was.
	private static final String UPDATE_ALL = """
			UNWIND $rows AS row
			MATCH (o:Org {id: row.id})
			SET o.name = row.name, o.nameKey = row.nameKey, o.nameSort = row.nameSort, o.kind = row.kind, o.trade = row.trade, o.hasCommittee = row.hasCommittee, o.electedOn = row.electedOn
			RETURN count(o) AS count
			""";

	private static final String DELETE = """
			MATCH (o:Org {id: $id})
			DETACH DELETE o
			""";

	private static final String DELETE_ALL = """
			UNWIND $ids AS id
			MATCH (o:Org {id: id})
			DETACH DELETE o
			RETURN count(*) AS count
			""";

	// A dissolved org is never deleted: it loses its links (kept in its DISSOLVED event) and the Org
	// label, so every read, which matches :Org, leaves it out; its id stays taken. The dispatches to it
	// and the stays at it are kept (ended on the day first, DualEnds): they carry their own days, which
	// asOf reads of a day before compare.
	private static final String RETIRE_ALL = """
			UNWIND $ids AS id
			MATCH (o:Org {id: id})
			WITH o, [(o)-[:SUBORDINATE_TO]->(p:Org) | p.id][0] AS parent
			CALL (o) {
			  MATCH (o)-[r]-()
			  WHERE NOT r:DISPATCHED_TO|AWAY_AT
			  DELETE r
			}
			REMOVE o:Org
			SET o:DissolvedOrg, o.dissolvedOn = $on, o.lastParent = parent
			RETURN count(o) AS count
			""";

	// An election (換屆): the present term begins on $on; hasCommittee is whether a committee was elected.
	private static final String ELECT = """
			MATCH (o:Org {id: $id})
			WITH o, o.electedOn AS before, o.hasCommittee AS hadCommittee
			SET o.electedOn = $on, o.hasCommittee = $hasCommittee
			RETURN before, hadCommittee
			""";

	private Orgs() {
	}

	/**
	 * The stored properties of an org node (its dataset apart): enums as their names, absent
	 * optional values left out.
	 */
	public static Map<String, Object> properties(String id, String name, OrgKind kind, Trade trade,
			Boolean hasCommittee) {
		Map<String, Object> props = new HashMap<>();
		Properties.put(props, "id", id);
		Properties.putName(props, name);
		Properties.put(props, "kind", Properties.name(kind));
		Properties.put(props, "trade", Properties.name(trade));
		Properties.put(props, "hasCommittee", hasCommittee);
		return props;
	}

	/**
	 * The stored properties of the org, as {@link #properties(String, String, OrgKind, Trade, Boolean)},
	 * with the day its present term began ({@code electedOn}) when one is recorded.
	 */
	public static Map<String, Object> properties(Org org) {
		Map<String, Object> props = properties(org.id(), org.name(), org.kind(), org.trade(), org.hasCommittee());
		Properties.put(props, "electedOn", org.electedOn());
		return props;
	}

	/** Creates an org node with these properties in the dataset ({@code null}: none). */
	public static void create(SimpleQueryRunner tx, Map<String, Object> props, String dataset) {
		tx.run(CREATE, Properties.params("props", props, "dataset", dataset)).consume();
	}

	/**
	 * Creates the orgs' nodes, each in its dataset.
	 * @param datasets the dataset of each org by id
	 * @return how many were created
	 */
	public static long createAll(SimpleQueryRunner tx, List<Org> orgs, Map<String, String> datasets) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Org org : orgs) {
			rows.add(Properties.params("props", properties(org), "dataset", datasets.get(org.id())));
		}
		return tx.run(CREATE_ALL, Map.of("rows", rows)).single().get("count").asLong();
	}

	/** Gives the org a new name, as given (normalize it first). */
	public static void rename(SimpleQueryRunner tx, String id, String name) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		Properties.putName(params, name);
		tx.run(RENAME, params).consume();
	}

	/**
	 * Sets the stored orgs' properties to those of the given ones (same ids); their links stay.
	 * @return how many were found and changed
	 */
	public static long updateAll(SimpleQueryRunner tx, List<Org> orgs) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Org org : orgs) {
			Map<String, Object> row = Properties.params("id", org.id(), "kind", org.kind().name(), "trade",
					Properties.name(org.trade()), "hasCommittee", org.hasCommittee(), "electedOn", org.electedOn());
			Properties.putName(row, org.name());
			rows.add(row);
		}
		return tx.run(UPDATE_ALL, Map.of("rows", rows)).single().get("count").asLong();
	}

	/**
	 * Records an election at the org: its present term begins {@code on}, and {@code hasCommittee}
	 * says whether a committee was elected.
	 * @return what it was before: {@code electedOn} (a date or {@code null}) and {@code hasCommittee}
	 */
	public static Map<String, Object> elect(SimpleQueryRunner tx, String id, java.time.LocalDate on,
			boolean hasCommittee) {
		var row = tx.run(ELECT, Map.of("id", id, "on", on, "hasCommittee", hasCommittee)).single();
		Map<String, Object> before = new HashMap<>();
		before.put("electedOn", row.get("before").isNull() ? null : row.get("before").asLocalDate());
		before.put("hasCommittee", row.get("hadCommittee").isNull() ? null : row.get("hadCommittee").asBoolean());
		return before;
	}

	/** Deletes the org with every relationship it still has (end the ones that matter first). */
	public static void delete(SimpleQueryRunner tx, String id) {
		tx.run(DELETE, Map.of("id", id)).consume();
	}

	/**
	 * Retires the orgs (dissolved on {@code on}): every relationship they still have ends but the
	 * dispatches to them and stays at them (end those first: {@link DualEnds}), the
	 * {@code Org} label becomes {@code DissolvedOrg}, with {@code dissolvedOn} and {@code lastParent}.
	 * Record their state first ({@link Events#orgStates}).
	 * @return how many were retired
	 */
	public static long retireAll(SimpleQueryRunner tx, List<String> ids, java.time.LocalDate on) {
		return tx.run(RETIRE_ALL, Map.of("ids", ids, "on", on)).single().get("count").asLong();
	}

	/**
	 * Deletes the orgs with every relationship they still have.
	 * @return how many were deleted
	 */
	public static long deleteAll(SimpleQueryRunner tx, List<String> ids) {
		return tx.run(DELETE_ALL, Map.of("ids", ids)).single().get("count").asLong();
	}

}
