package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.partygraph.queries.change.DispatchRecord;

/**
 * First secretaries (第一書記, docs/contract.md section 8) over the stored graph: the
 * {@code DISPATCHED_TO} relations, each with its days ({@code from} up to, not including,
 * {@code to}; {@code to} null while open) and the dispatching org ({@code by}). The day a read asks
 * about is compared with those days, so any past day reads as it stood, also for a village's org
 * dissolved since (a {@code DissolvedOrg} keeps the dispatches to it, ended on its last day).
 */
public final class DispatchQueries {

	private static final String SERVING = """
			UNWIND $ids AS key
			CALL (key) {
			  MATCH (o:Org {id: key}) RETURN o
			  UNION
			  MATCH (o:DissolvedOrg {id: key}) RETURN o
			}
			MATCH (o)<-[d:DISPATCHED_TO]-(m:Member)
			WHERE d.from <= $day AND (d.to IS NULL OR d.to > $day)
			RETURN key, m.id AS member, d.from AS from, d.to AS to, d.by AS by
			ORDER BY key, d.from, m.id
			""";

	private static final String OF_MEMBERS = """
			UNWIND $ids AS key
			MATCH (m:Member {id: key})-[d:DISPATCHED_TO]->(o)
			RETURN key, o.id AS village, d.from AS from, d.to AS to, d.by AS by
			ORDER BY key, d.from DESC
			""";

	private final Rows rows;

	public DispatchQueries(Driver driver, StatementListener listener) {
		this.rows = new Rows(driver, listener);
	}

	/** The first secretaries serving each org on {@code day}, by org id (orgs with none left out). */
	public Map<String, List<DispatchRecord>> serving(List<String> orgIds, LocalDate day) {
		Map<String, Object> params = new HashMap<>();
		params.put("ids", orgIds);
		params.put("day", day);
		Map<String, List<DispatchRecord>> byOrg = new LinkedHashMap<>();
		for (Record r : this.rows.read(SERVING, params)) {
			String org = r.get("key").asString();
			byOrg.computeIfAbsent(org, (k) -> new ArrayList<>()).add(record(r.get("member").asString(), org, r));
		}
		return byOrg;
	}

	/** Every dispatch of each member, newest first, by member id (members with none left out). */
	public Map<String, List<DispatchRecord>> ofMembers(List<String> memberIds) {
		Map<String, List<DispatchRecord>> byMember = new LinkedHashMap<>();
		for (Record r : this.rows.read(OF_MEMBERS, Map.of("ids", memberIds))) {
			String member = r.get("key").asString();
			byMember.computeIfAbsent(member, (k) -> new ArrayList<>())
				.add(record(member, r.get("village").asString(), r));
		}
		return byMember;
	}

	private static DispatchRecord record(String member, String village, Record r) {
		return new DispatchRecord(member, village, r.get("from").asLocalDate(),
				r.get("to").isNull() ? null : r.get("to").asLocalDate(), r.get("by").asString(null));
	}

}
