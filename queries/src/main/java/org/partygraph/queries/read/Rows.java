package org.partygraph.queries.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partygraph.model.Gender;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;
import org.partygraph.model.UnitKind;

/**
 * Runs read statements (one round trip each) and maps stored nodes to rows; shared by the
 * query classes so each of them is only its Cypher.
 */
final class Rows {

	private final ReadStatements statements;

	Rows(Driver driver, StatementListener listener) {
		this.statements = new ReadStatements(driver, listener);
	}

	List<Record> read(String cypher, Map<String, Object> parameters) {
		return this.statements.read(cypher, parameters);
	}

	/** Rows keyed by the {@code key} column, one value each (first wins). */
	<T> Map<String, T> single(String cypher, Collection<String> keys, Function<Value, T> mapper) {
		Map<String, T> result = new LinkedHashMap<>();
		for (Record r : read(cypher, Map.of("ids", List.copyOf(keys)))) {
			result.putIfAbsent(r.get("key").asString(), mapper.apply(r.get("value")));
		}
		return result;
	}

	/** Rows grouped by the {@code key} column in statement order; every key present, maybe empty. */
	<T> Map<String, List<T>> grouped(String cypher, Collection<String> keys, Function<Value, T> mapper) {
		return grouped(cypher, keys, Map.of("ids", List.copyOf(keys)), mapper);
	}

	/** As {@link #grouped(String, Collection, Function)} with further parameters ({@code ids} among them). */
	<T> Map<String, List<T>> grouped(String cypher, Collection<String> keys, Map<String, Object> parameters,
			Function<Value, T> mapper) {
		Map<String, List<T>> result = new HashMap<>();
		keys.forEach((k) -> result.put(k, new ArrayList<>()));
		for (Record r : read(cypher, parameters)) {
			result.computeIfAbsent(r.get("key").asString(), (k) -> new ArrayList<>()).add(mapper.apply(r.get("value")));
		}
		return result;
	}

	static OrgRow org(Value n) {
		return new OrgRow(n.get("id").asString(), n.get("name").asString(), OrgKind.valueOf(n.get("kind").asString()),
				enumOf(n.get("trade"), Trade::valueOf), n.get("hasCommittee").isNull() ? null : n.get("hasCommittee").asBoolean(),
				n.get("dataset").asString(null), n.get("electedOn").isNull() ? null : n.get("electedOn").asLocalDate());
	}

	static UnitRow unit(Value n) {
		return new UnitRow(n.get("id").asString(), n.get("name").asString(), UnitKind.valueOf(n.get("kind").asString()),
				bool(n.get("leading")), bool(n.get("industryCluster")), integer(n.get("households")),
				integer(n.get("householdsDriven")));
	}

	/**
	 * Cypher for a member as {@link #member(Value)} reads it: its properties and its membership org's
	 * id. Every statement returning members returns them through this.
	 * @param variable the member's variable in the statement
	 */
	static String memberValue(String variable) {
		return "%1$s {.*, orgId: head([(%1$s)-[:MEMBER_OF]->(memberOrg:Org) | memberOrg.id])}".formatted(variable);
	}

	static MemberRow member(Value n) {
		return new MemberRow(n.get("id").asString(), n.get("name").asString(),
				MemberStatus.valueOf(n.get("status").asString()), enumOf(n.get("trade"), Trade::valueOf),
				enumOf(n.get("gender"), Gender::valueOf), n.get("birthDate").isNull() ? null : n.get("birthDate").asLocalDate(),
				n.get("joined").isNull() ? null : n.get("joined").asLocalDate(), n.get("idNumber").asString(null),
				n.get("phone").asString(null), n.get("orgId").asString(null),
				n.get("probationSince").isNull() ? null : n.get("probationSince").asLocalDate(),
				n.get("probationExtendedTo").isNull() ? null : n.get("probationExtendedTo").asLocalDate());
	}

	private static Boolean bool(Value value) {
		return value.isNull() ? null : value.asBoolean();
	}

	private static Integer integer(Value value) {
		return value.isNull() ? null : value.asInt();
	}

	private static <E> E enumOf(Value value, Function<String, E> parse) {
		return value.isNull() ? null : parse.apply(value.asString());
	}

}
