package org.partygraph.model.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partygraph.model.AwayRecord;
import org.partygraph.model.Candidate;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.DevelopmentRecord;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Gender;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Names;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Problem;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads one item of a {@code units}, {@code orgs} or {@code members} list from the parser into its
 * record, reporting every problem of the item and keeping the fields that are sound.
 */
final class ItemReader {

	/** Field name of a problem with a list entry as a whole, e.g. one that is not an object. */
	static final String WHOLE_ITEM = "(item)";

	static final Set<String> UNIT_KEYS = keys("id", "kind", "name", "locatedIn", "industry", "supplies",
			"households", "householdsDriven", "leading", "industryCluster", "adjacentTo");

	static final Set<String> ORG_KEYS = keys("id", "kind", "name", "parent", "coManagedBy", "units", "trade",
			"hasCommittee", "electedOn");

	static final Set<String> MEMBER_KEYS = keys("id", "name", "status", "org", "unit", "trade", "gender",
			"birthDate", "joined", "idNumber", "phone", "group", "roles", "participatesIn", "probationSince",
			"probationExtendedTo");

	static final Set<String> CANDIDATE_KEYS = keys("id", "name", "org", "stage", "appliedOn", "activistSince",
			"targetSince", "admittedOn", "member", "gender", "birthDate", "records", "formerOrgs", "formerUntil");

	static final Set<String> RECORD_KEYS = keys("kind", "on", "note");

	static final Set<String> DISPATCH_KEYS = keys("member", "village", "from", "to", "by");

	static final Set<String> AWAY_KEYS = keys("member", "org", "from", "to");

	/** The keys {@code party-graph/2} added; a {@code party-graph/1} file may not use them. */
	static final Set<String> FORMAT_2_KEYS = keys("electedOn", "probationSince", "probationExtendedTo",
			"adjacentTo");

	static final Set<String> ROLE_KEYS = keys("org", "role");

	private final ObjectMapper mapper;

	private final List<Problem> problems;

	/** The first item using a key {@code party-graph/2} added, as the problem a {@code /1} file gets. */
	private Problem format2Use;

	ItemReader(ObjectMapper mapper, List<Problem> problems) {
		this.mapper = mapper;
		this.problems = problems;
	}

	/** The first use of a key {@code party-graph/2} added, as a problem; {@code null} when none. */
	Problem format2Use() {
		return this.format2Use;
	}

	/** Reads the unit whose {@code START_OBJECT} the parser is on. */
	Unit unit(JsonParser parser, int index) {
		Fields fields = open(parser, "units", index, UNIT_KEYS);
		return new Unit(fields.id(), fields.choice("kind", UnitKind.class, true), Names.normalize(fields.text("name", true)),
				fields.reference("locatedIn", "unit", false), fields.reference("industry", "unit", false),
				fields.reference("supplies", "unit", false), fields.count("households"),
				fields.count("householdsDriven"), fields.flag("leading"), fields.flag("industryCluster"),
				fields.references("adjacentTo", "unit"));
	}

	/** Reads the org whose {@code START_OBJECT} the parser is on. */
	Org org(JsonParser parser, int index) {
		Fields fields = open(parser, "orgs", index, ORG_KEYS);
		return new Org(fields.id(), fields.choice("kind", OrgKind.class, true), Names.normalize(fields.text("name", true)),
				fields.reference("parent", "org", false), fields.references("coManagedBy", "org"),
				fields.references("units", "unit"), fields.choice("trade", Trade.class, false),
				fields.flag("hasCommittee"), fields.date("electedOn"));
	}

	/** Reads the member whose {@code START_OBJECT} the parser is on. */
	Member member(JsonParser parser, int index) {
		Fields fields = open(parser, "members", index, MEMBER_KEYS);
		return new Member(fields.id(), Names.normalize(fields.text("name", true)), fields.choice("status", MemberStatus.class, true),
				fields.reference("org", "org", true), fields.reference("unit", "unit", false),
				fields.choice("trade", Trade.class, false), fields.choice("gender", Gender.class, false),
				fields.date("birthDate"), fields.date("joined"), fields.text("idNumber", false),
				fields.text("phone", false), fields.reference("group", "org", false), roles(fields),
				fields.references("participatesIn", "org"), fields.date("probationSince"),
				fields.date("probationExtendedTo"));
	}

	/** Reads the candidate whose {@code START_OBJECT} the parser is on. */
	Candidate candidate(JsonParser parser, int index) {
		Fields fields = open(parser, "candidates", index, CANDIDATE_KEYS);
		return new Candidate(fields.id(), Names.normalize(fields.text("name", true)),
				fields.reference("org", "org", true), fields.choice("stage", CandidateStage.class, true),
				fields.date("appliedOn"), fields.date("activistSince"), fields.date("targetSince"),
				fields.date("admittedOn"), fields.reference("member", "member", false),
				fields.choice("gender", Gender.class, false), fields.date("birthDate"), records(fields),
				fields.references("formerOrgs", "org"), fields.dates("formerUntil"));
	}

	/** Reads the dispatch whose {@code START_OBJECT} the parser is on; it is named {@code dispatches[i]}. */
	Dispatch dispatch(JsonParser parser, int index) {
		Fields fields = open(parser, "dispatches", index, DISPATCH_KEYS);
		return new Dispatch(fields.reference("member", "member", true), fields.reference("village", "org", true),
				fields.date("from"), fields.date("to"), fields.reference("by", "org", false));
	}

	/** Reads the stay away whose {@code START_OBJECT} the parser is on; it is named {@code away[i]}. */
	AwayRecord away(JsonParser parser, int index) {
		Fields fields = open(parser, "away", index, AWAY_KEYS);
		return new AwayRecord(fields.reference("member", "member", true), fields.reference("org", "org", true),
				fields.date("from"), fields.date("to"));
	}

	private List<DevelopmentRecord> records(Fields fields) {
		JsonNode node = fields.node("records");
		if (node == null) {
			return null;
		}
		if (!node.isArray()) {
			fields.report("records", "records must be a list of {kind, on, note} objects, not " + Fields.describe(node),
					"dataset.field.notObjectList", "records", "{kind, on, note}", Fields.describeWording(node));
			return null;
		}
		List<DevelopmentRecord> records = new ArrayList<>(node.size());
		for (int i = 0; i < node.size(); i++) {
			JsonNode entry = node.get(i);
			String field = "records[" + i + "]";
			if (!entry.isObject()) {
				fields.report(field, field + " must be an object with kind, on and note, not " + Fields.describe(entry),
						"dataset.field.recordNotObject", field, Fields.describeWording(entry));
				// An empty record keeps the later records at their index, so the validator names them alike.
				records.add(new DevelopmentRecord(null, null, null));
				continue;
			}
			Map<String, JsonNode> values = new LinkedHashMap<>();
			entry.properties().forEach((property) -> values.put(property.getKey(), property.getValue()));
			Fields record = new Fields(fields.item(), field + ".", values, this.problems);
			record.rejectUnknown(RECORD_KEYS);
			records.add(new DevelopmentRecord(record.choice("kind", DevelopmentRecordKind.class, true),
					record.date("on"), record.text("note", false)));
		}
		return records;
	}

	private List<RoleAssignment> roles(Fields fields) {
		JsonNode node = fields.node("roles");
		if (node == null) {
			return null;
		}
		if (!node.isArray()) {
			fields.report("roles", "roles must be a list of {org, role} objects, not " + Fields.describe(node),
					"dataset.field.notObjectList", "roles", "{org, role}", Fields.describeWording(node));
			return null;
		}
		List<RoleAssignment> roles = new ArrayList<>(node.size());
		for (int i = 0; i < node.size(); i++) {
			JsonNode entry = node.get(i);
			String field = "roles[" + i + "]";
			if (!entry.isObject()) {
				fields.report(field, field + " must be an object with org and role, not " + Fields.describe(entry),
						"dataset.field.roleNotObject", field, Fields.describeWording(entry));
				// An empty role keeps the later roles at their index, so the validator names them alike.
				roles.add(new RoleAssignment(null, null));
				continue;
			}
			Map<String, JsonNode> values = new LinkedHashMap<>();
			entry.properties().forEach((property) -> values.put(property.getKey(), property.getValue()));
			Fields role = new Fields(fields.item(), field + ".", values, this.problems);
			role.rejectUnknown(ROLE_KEYS);
			roles.add(new RoleAssignment(role.reference("org", "org", true), role.choice("role", Role.class, true)));
		}
		return roles;
	}

	/**
	 * Reads the keys of the object the parser is on, one value tree at a time, and reports the keys
	 * given twice and those not allowed.
	 */
	private Fields open(JsonParser parser, String list, int index, Set<String> allowed) {
		Map<String, JsonNode> values = new LinkedHashMap<>();
		Set<String> repeated = new LinkedHashSet<>(0);
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String key = parser.currentName();
			parser.nextToken();
			JsonNode value = value(parser);
			if (values.putIfAbsent(key, value) != null) {
				repeated.add(key);
			}
		}
		JsonNode id = repeated.contains("id") ? null : values.get("id");
		boolean named = id != null && id.isString() && !id.stringValue().isBlank();
		String item = named ? id.stringValue() : list + "[" + index + "]";
		Fields fields = new Fields(item, "", values, this.problems);
		// Neither value of a repeated key is read: which one was meant is a guess, and a field with a
		// problem always reads as absent, so that the validator does not report it a second time.
		for (String key : repeated) {
			fields.discard(key, key + " is given more than once; none of its values is read", "dataset.field.givenTwice",
					key);
		}
		fields.rejectUnknown(allowed);
		for (String key : FORMAT_2_KEYS) {
			if (this.format2Use == null && values.get(key) != null && !values.get(key).isNull()) {
				this.format2Use = format2Key(item, key);
			}
		}
		return fields;
	}

	/** The problem of a key {@code party-graph/2} added ({@code key}) in a file that says it is {@code /1}. */
	static Problem format2Key(String item, String key) {
		return Problem.of(item, key, key + " is a key of " + org.partygraph.model.Dataset.FORMAT + "; this file says it is "
				+ org.partygraph.model.Dataset.FORMAT_1 + ", so change its format to " + org.partygraph.model.Dataset.FORMAT,
				"dataset.field.format2Key", key, org.partygraph.model.Dataset.FORMAT, org.partygraph.model.Dataset.FORMAT_1);
	}

	/**
	 * The value the parser is on as a tree. Scalars, nearly every value of a file, are made here:
	 * a databind call per value costs several times more, which tells on millions of members.
	 */
	private JsonNode value(JsonParser parser) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		return switch (parser.currentToken()) {
			case VALUE_STRING -> nodes.stringNode(parser.getString());
			case VALUE_TRUE -> nodes.booleanNode(true);
			case VALUE_FALSE -> nodes.booleanNode(false);
			case VALUE_NULL -> nodes.nullNode();
			case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
				case INT -> nodes.numberNode(parser.getIntValue());
				case LONG -> nodes.numberNode(parser.getLongValue());
				default -> nodes.numberNode(parser.getBigIntegerValue());
			};
			default -> this.mapper.readTree(parser);
		};
	}

	/** Keys in the order a problem lists them. */
	static Set<String> keys(String... keys) {
		return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
	}

}
