package org.partygraph.queries.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * The event log (written by {@code write.Events}): an org's history, and every event of a span of
 * days. Oldest first: by effective date, then by when recorded, then in the order of their change.
 */
public final class EventQueries {

	// An org's own events (not those of its members), whether it is live or dissolved.
	private static final String HISTORY = """
			UNWIND $ids AS key
			CALL (key) {
			  MATCH (e:Event {org: key})
			  WHERE e.member IS NULL
			  RETURN e
			  ORDER BY e.on, e.recordedAt, e.seq
			}
			RETURN key, e
			""";

	// visible null: every event; else those about an org of the list (or touching one: other).
	private static final String SPAN = """
			MATCH (e:Event)
			WHERE e.on >= $from AND e.on <= $to
			  AND ($visible IS NULL OR e.org IN $visible OR e.other IN $visible)
			  AND ($members OR e.member IS NULL)
			RETURN e
			ORDER BY e.on, e.recordedAt, e.seq
			""";

	// Live or dissolved: the ends of a transfer, and the orgs events name.
	private static final String ORG_ENDS = """
			UNWIND $ids AS key
			CALL (key) {
			  MATCH (o:Org {id: key}) RETURN o
			  UNION
			  MATCH (o:DissolvedOrg {id: key}) RETURN o
			}
			RETURN key, o.name AS name, o.kind AS kind, o.dissolvedOn AS dissolvedOn, o.lastParent AS lastParent
			""";

	private static final String MEMBER_ORGS = """
			UNWIND $ids AS key
			MATCH (:Member {id: key})-[:MEMBER_OF]->(o:Org)
			RETURN key, o.id AS org
			""";

	private final ReadStatements statements;

	public EventQueries(Driver driver, StatementListener listener) {
		this.statements = new ReadStatements(driver, listener);
	}

	public EventQueries(Driver driver) {
		this(driver, StatementListener.NONE);
	}

	/** Each org's own events, oldest first (an org with none: an empty list). */
	public Map<String, List<EventRow>> history(Collection<String> orgIds) {
		Map<String, List<EventRow>> result = new HashMap<>();
		orgIds.forEach((id) -> result.put(id, new ArrayList<>()));
		this.statements.read(HISTORY, Map.of("ids", List.copyOf(orgIds)))
			.forEach((r) -> result.get(r.get("key").asString()).add(event(r.get("e"))));
		return result;
	}

	/**
	 * Every event dated from {@code from} to {@code to}, both included, oldest first.
	 * @param visible the org ids whose events are wanted (an event about one of them, or touching
	 * one); {@code null} for all, imports included
	 * @param members whether member events (transfers, offices, groups) are included
	 */
	public List<EventRow> span(LocalDate from, LocalDate to, Set<String> visible, boolean members) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		params.put("visible", (visible != null) ? List.copyOf(visible) : null);
		params.put("members", members);
		return this.statements.read(SPAN, params).stream().map((r) -> event(r.get("e"))).toList();
	}

	/**
	 * An org, live or dissolved, by id.
	 *
	 * @param id its id
	 * @param name its name (when dissolved, as it was then)
	 * @param kind its kind's name
	 * @param dissolvedOn when it was dissolved; {@code null} while live
	 * @param lastParent a dissolved org's parent when it was dissolved
	 */
	public record OrgEnd(String id, String name, String kind, LocalDate dissolvedOn, String lastParent) {
	}

	/** The orgs with these ids, live or dissolved (unknown ids are left out). */
	public Map<String, OrgEnd> orgEnds(Collection<String> ids) {
		Map<String, OrgEnd> result = new HashMap<>();
		this.statements.read(ORG_ENDS, Map.of("ids", ids.stream().filter(java.util.Objects::nonNull).toList()))
			.forEach((r) -> result.put(r.get("key").asString(),
					new OrgEnd(r.get("key").asString(), r.get("name").asString(null), r.get("kind").asString(null),
							r.get("dissolvedOn").isNull() ? null : r.get("dissolvedOn").asLocalDate(),
							r.get("lastParent").asString(null))));
		return result;
	}

	/** The present membership org of each member (unknown ids are left out). */
	public Map<String, String> memberOrgs(Collection<String> ids) {
		Map<String, String> result = new HashMap<>();
		this.statements.read(MEMBER_ORGS, Map.of("ids", ids.stream().filter(java.util.Objects::nonNull).toList()))
			.forEach((r) -> result.put(r.get("key").asString(), r.get("org").asString()));
		return result;
	}

	static EventRow event(Value e) {
		return new EventRow(e.get("id").asString(), e.get("on").asLocalDate(), e.get("kind").asString(),
				e.get("detail").asString(null), e.get("by").asString(null),
				e.get("recordedAt").asZonedDateTime().toInstant(), e.get("scenario").asString(null),
				e.get("org").asString(null), e.get("other").asString(null), e.get("member").asString(null));
	}

}
