package org.partygraph.queries.write;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neo4j.driver.SimpleQueryRunner;

import tools.jackson.databind.json.JsonMapper;

/**
 * The event log: every change to the stored structure, whatever wrote it (a mutation, an import, a
 * scenario's apply), kept as a dated {@code (:Event)} node written in the change's own transaction.
 * Nothing is ever removed from it. Each event carries the values before and after, so that the
 * structure as it stood at the end of any day can be rebuilt from the current graph by undoing the
 * later events (docs/graph-model.md, "The event log").
 *
 * <p>
 * Properties of an {@code Event}: {@code id}, {@code kind} ({@link Kind}), {@code on} (the effective
 * date, a Neo4j {@code Date}), {@code by} (the login, or {@code null}), {@code scenario} (the
 * applied scenario's name, or {@code null}), {@code recordedAt} (the transaction's time),
 * {@code seq} (its order among the events of its transaction), {@code org} (the org it is about, or
 * a member event's org), {@code other} (a second org it touches: the new parent, the co-manager, a
 * transfer's target), {@code member} (for member events), {@code detail} (human-readable),
 * {@code before} and {@code after} (a name, kind, id or list of ids; for {@code CREATED},
 * {@code MEMBER_ADDED} and {@code DISSOLVED} the whole state as JSON text), {@code transfer} (a
 * TRANSFERRED event's {@code Transfer} id) and {@code imported} (an IMPORTED event's dataset name).
 */
public final class Events {

	/** What happened. */
	public enum Kind {

		/** An org was created; {@code after}: its state as JSON. */
		CREATED,
		/** {@code before}/{@code after}: the names. */
		RENAMED,
		/** {@code before}/{@code after}: the parent ids. */
		MOVED,
		/** {@code before}/{@code after}: the kinds. */
		KIND_CHANGED,
		/** {@code after}: the co-manager's id (also {@code other}). */
		CO_MANAGER_ADDED,
		/** {@code before}: the co-manager's id (also {@code other}). */
		CO_MANAGER_REMOVED,
		/** {@code before}/{@code after}: the unit ids. */
		UNITS_CHANGED,
		/** {@code before}/{@code after}: the trades. */
		TRADE_CHANGED,
		/** {@code before}/{@code after}: {@code hasCommittee}. */
		COMMITTEE_CHANGED,
		/** A term started (recordElection); {@code before}/{@code after}: the term's first day (yyyy-MM-dd). */
		ELECTED,
		/** An org was dissolved and retired; {@code before}: its state at that moment as JSON. */
		DISSOLVED,
		/** A member was added; {@code after}: its state as JSON. */
		MEMBER_ADDED,
		/**
		 * A member's properties changed (a roster import); {@code before}/{@code after}: the changed
		 * ones of name, status, trade, gender, birthDate, joined, probationExtendedTo and unit (the id of the unit the
		 * member works in) as JSON (idNumber and phone only named in the detail, as MEMBER_ADDED leaves them out).
		 */
		MEMBER_UPDATED,
		/**
		 * A member was removed (a probation cancelled); {@code before}: its state at that moment as JSON,
		 * as MEMBER_ADDED keeps it (personal data left out), with {@code probationSince}.
		 */
		MEMBER_REMOVED,
		/** {@code before}/{@code after}: the membership org ids (also {@code org}/{@code other}). */
		TRANSFERRED,
		/** {@code before}/{@code after}: the party group ids. */
		GROUP_CHANGED,
		/** {@code after}: the role; {@code org}: where it is held. */
		ROLE_ASSIGNED,
		/** {@code before}: the role; {@code org}: where it was held. */
		ROLE_REMOVED,
		/** {@code before}/{@code after}: the org ids the member participates in. */
		PARTICIPATION_CHANGED,
		/**
		 * A member was dispatched as first secretary (第一書記) to a village's org ({@code org});
		 * {@code other}: the dispatching org; {@code after}: {@code from}, {@code to}, {@code by} as JSON.
		 */
		DISPATCHED,
		/**
		 * A dispatch ended ({@code org}: the village's org); {@code before}/{@code after}: its last day
		 * ({@code to}) before and after, as JSON.
		 */
		DISPATCH_ENDED,
		/**
		 * A mobile member (流動黨員) was recorded away at an org ({@code org}: where they flow in,
		 * {@code other}: their membership org); {@code after}: {@code from}, {@code to} as JSON.
		 */
		AWAY_RECORDED,
		/** A time away ended ({@code org}: where); {@code before}/{@code after}: its last day ({@code to}) as JSON. */
		AWAY_ENDED,
		/**
		 * A person applied for membership and became a candidate ({@code member}: the candidate's
		 * id, {@code org}: the developing org); {@code after}: its state as JSON.
		 */
		CANDIDATE_ADDED,
		/** A candidate moved on a stage; {@code before}/{@code after}: the stages. */
		CANDIDATE_ADVANCED,
		/** A step of a candidate's development was recorded; {@code after}: the record's kind. */
		CANDIDATE_RECORDED,
		/**
		 * A candidate was admitted ({@code other}: the new member's id, which has its own
		 * MEMBER_ADDED event); {@code before}/{@code after}: the stages.
		 */
		CANDIDATE_ADMITTED,
		/**
		 * A candidate was handed on by an org dissolved or merged away ({@code member}: the candidate's
		 * id, {@code org}: the org taking it, {@code other} and {@code before}: the org left,
		 * {@code after}: the org taking it).
		 */
		CANDIDATE_MOVED,
		/** A dataset was imported; {@code imported}: its name; {@code after}: its counts as JSON. */
		IMPORTED

	}

	/**
	 * When and by whom a change is made.
	 * @param on the effective date
	 * @param by the login, or {@code null} (a command-line import)
	 * @param scenario the applied scenario's name, or {@code null}
	 */
	public record Stamp(LocalDate on, String by, String scenario) {

		public Stamp {
			Objects.requireNonNull(on, "on");
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String RECORD = """
			UNWIND range(0, size($rows) - 1) AS i
			WITH i, $rows[i] AS row
			CREATE (e:Event)
			SET e = row, e.id = randomUUID(), e.on = $on, e.by = $by, e.scenario = $scenario,
			  e.recordedAt = datetime.transaction(), e.seq = i
			RETURN count(e) AS count
			""";

	/**
	 * The latest effective date recorded for each of the items (org or member ids) that is after
	 * {@code $on}: their own events, and the import that brought their dataset in.
	 */
	private static final String LATER = """
			UNWIND $ids AS id
			CALL (id) {
			  MATCH (e:Event {org: id}) RETURN e.on AS day, e.kind AS kind
			  UNION ALL
			  MATCH (e:Event {other: id}) RETURN e.on AS day, e.kind AS kind
			  UNION ALL
			  MATCH (e:Event {member: id}) RETURN e.on AS day, e.kind AS kind
			  UNION ALL
			  MATCH (o:Org {id: id}) MATCH (e:Event {imported: o.dataset}) RETURN e.on AS day, e.kind AS kind
			  UNION ALL
			  MATCH (m:Member {id: id}) MATCH (e:Event {imported: m.dataset}) RETURN e.on AS day, e.kind AS kind
			}
			WITH id, day, kind
			WHERE day > $on
			WITH id, day, kind
			ORDER BY day DESC
			WITH id, collect(day)[0] AS latest, collect(kind)[0] AS kind
			RETURN id, latest, kind
			ORDER BY id
			""";

	private static final String LATER_IMPORT = """
			MATCH (e:Event {imported: $dataset})
			WHERE e.on > $on
			RETURN max(e.on) AS latest
			""";

	// The state of an org at this moment, as its CREATED or DISSOLVED event keeps it.
	private static final String ORG_STATES = """
			UNWIND $ids AS id
			MATCH (o:Org {id: id})
			RETURN o.id AS id, o{.name, .kind, .trade, .hasCommittee, .dataset, electedOn: toString(o.electedOn)} AS props,
			  [(o)-[:SUBORDINATE_TO]->(p:Org) | p.id][0] AS parent,
			  [(o)-[:CO_MANAGED_BY]->(c:Org) | c.id] AS coManagedBy,
			  [(o)-[:SET_UP_IN]->(u:Unit) | u.id] AS units,
			  [(m:Member)-[h:HOLDS]->(o) | {member: m.id, role: h.role}] AS holders,
			  [(m:Member)-[:IN_GROUP]->(o) | m.id] AS groupMembers,
			  [(m:Member)-[:PARTICIPATES_IN]->(o) | m.id] AS participants,
			  [(c:Org)-[:SUBORDINATE_TO]->(o) | c.id] AS children,
			  [(c:Org)-[:CO_MANAGED_BY]->(o) | c.id] AS coManages,
			  [(m:Member)-[:MEMBER_OF]->(o) | m.id] AS members
			""";

	private Events() {
	}

	/** A new log for one change: add its events, then {@link Log#write} them in its transaction. */
	public static Log log(Stamp stamp) {
		return new Log(stamp);
	}

	/**
	 * Of the items (org and member ids), those with an event (or their dataset's import) dated after
	 * {@code on}, each with its latest such date and that event's kind.
	 */
	public static List<Later> later(SimpleQueryRunner tx, Collection<String> ids, LocalDate on) {
		List<String> present = ids.stream().filter(Objects::nonNull).distinct().toList();
		if (present.isEmpty()) {
			return List.of();
		}
		return tx.run(LATER, Map.of("ids", present, "on", on))
			.list((r) -> new Later(r.get("id").asString(), r.get("latest").asLocalDate(), r.get("kind").asString()));
	}

	/** The latest import of the dataset dated after {@code on}, or {@code null}. */
	public static LocalDate laterImport(SimpleQueryRunner tx, String dataset, LocalDate on) {
		var latest = tx.run(LATER_IMPORT, Map.of("dataset", dataset, "on", on)).single().get("latest");
		return latest.isNull() ? null : latest.asLocalDate();
	}

	/** An item with an event dated after a change's date. */
	public record Later(String id, LocalDate latest, String kind) {
	}

	/**
	 * The state of each org now, as a CREATED or DISSOLVED event keeps it: properties, parent,
	 * co-managers, units, the offices held at it, its members, children, the orgs it co-manages,
	 * group members and participants.
	 */
	public static Map<String, Map<String, Object>> orgStates(SimpleQueryRunner tx, Collection<String> ids) {
		Map<String, Map<String, Object>> states = new LinkedHashMap<>();
		tx.run(ORG_STATES, Map.of("ids", List.copyOf(ids))).forEachRemaining((r) -> {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("id", r.get("id").asString());
			state.putAll(r.get("props").asMap());
			state.put("parent", r.get("parent").asString(null));
			for (String key : List.of("coManagedBy", "units", "holders", "groupMembers", "participants", "children",
					"coManages", "members")) {
				List<Object> values = new ArrayList<>(r.get(key).asList((v) -> v.asObject()));
				// In id order, so that the same state is always the same text.
				values.sort(java.util.Comparator.comparing(String::valueOf));
				state.put(key, values);
			}
			states.put(r.get("id").asString(), state);
		});
		return states;
	}

	/** The value as JSON text (a state map). */
	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** The events of one change, written together in its transaction. */
	public static final class Log {

		private final Stamp stamp;

		private final List<Map<String, Object>> rows = new ArrayList<>();

		private Log(Stamp stamp) {
			this.stamp = stamp;
		}

		public Stamp stamp() {
			return this.stamp;
		}

		/** An event about an org ({@code other}: a second org it touches, or {@code null}). */
		public Log org(Kind kind, String org, String other, String detail, Object before, Object after) {
			return add(kind, org, other, null, detail, before, after);
		}

		/** An event about a member ({@code org}: the org it concerns, {@code other}: a second one). */
		public Log member(Kind kind, String member, String org, String other, String detail, Object before,
				Object after) {
			return add(kind, org, other, member, detail, before, after);
		}

		/** A TRANSFERRED event for a transfer recorded by {@link Transfers}. */
		public Log transfer(String transferId, String member, String from, String to, String reason) {
			add(Kind.TRANSFERRED, from, to, member, "member " + member + " transferred from " + from + " to " + to
					+ ((reason != null) ? " (" + reason + ")" : ""), from, to);
			this.rows.get(this.rows.size() - 1).put("transfer", transferId);
			return this;
		}

		/** An IMPORTED event of a dataset, with its counts. */
		public Log imported(String dataset, long units, long orgs, long members) {
			add(Kind.IMPORTED, null, null, null, "dataset " + dataset + " imported: " + units + " units, " + orgs
					+ " orgs, " + members + " members", null,
					json(Map.of("units", units, "orgs", orgs, "members", members)));
			this.rows.get(this.rows.size() - 1).put("imported", dataset);
			return this;
		}

		private Log add(Kind kind, String org, String other, String member, String detail, Object before,
				Object after) {
			Map<String, Object> row = new HashMap<>();
			row.put("kind", kind.name());
			row.put("org", org);
			row.put("other", other);
			row.put("member", member);
			row.put("detail", detail);
			row.put("before", value(before));
			row.put("after", value(after));
			this.rows.add(row);
			return this;
		}

		private static Object value(Object value) {
			return (value instanceof Map<?, ?>) ? json(value) : value;
		}

		public boolean isEmpty() {
			return this.rows.isEmpty();
		}

		public int size() {
			return this.rows.size();
		}

		/** Writes the events, in the order added. */
		public void write(SimpleQueryRunner tx) {
			if (this.rows.isEmpty()) {
				return;
			}
			Map<String, Object> params = new HashMap<>();
			params.put("rows", this.rows);
			params.put("on", this.stamp.on());
			params.put("by", this.stamp.by());
			params.put("scenario", this.stamp.scenario());
			long count = tx.run(RECORD, params).single().get("count").asLong();
			if (count != this.rows.size()) {
				throw new IllegalStateException("events written " + count + ", expected " + this.rows.size());
			}
		}

	}

}
