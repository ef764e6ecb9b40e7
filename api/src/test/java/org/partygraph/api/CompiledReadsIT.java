package org.partygraph.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.partygraph.api.graphql.CompiledFields;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read compiler (issue #17) answers exactly what the resolvers answer: random queries over every
 * field of Org, Member and Unit (compiled relations, counts and member pages, and the fields left
 * to resolvers, personal ones included), nested up to three levels, with aliases and page
 * arguments, and the list roots {@code orgs}, {@code members} and {@code units} with random filters,
 * sorts, page sizes and cursors (bad ones too) and nested selections under their nodes, are each
 * run with the compiler on and off, by the admin and by a VIEWER, an ANALYST and an ORG_ADMIN of
 * three scopes; the whole JSON (data and errors) must be equal. And a query of
 * compiled fields only is one database round trip, however deep.
 */
class CompiledReadsIT extends ServiceTestBase {

	@Autowired
	CompiledFields compiled;

	private static final String[] ORG_SCALARS = { "id", "name", "kind", "trade", "hasCommittee", "dataset",
			"memberCount", "fullMemberCount" };

	private static final String[] MEMBER_SCALARS = { "id", "name", "status", "trade", "gender", "joined", "idNumber",
			"phone", "birthDate" };

	private static final String[] UNIT_SCALARS = { "id", "name", "kind", "leading", "industryCluster", "households",
			"householdsDriven" };

	/** Relations of each type: field → target type. */
	private static final Map<String, Map<String, String>> RELATIONS = new LinkedHashMap<>();

	static {
		Map<String, String> org = new LinkedHashMap<>();
		org.put("parent", "Org");
		org.put("children", "Org");
		org.put("coManagers", "Org");
		org.put("coManages", "Org");
		org.put("units", "Unit");
		org.put("partyGroups", "Org");
		org.put("members", "MemberConnection");
		// left to resolvers
		org.put("secretary", "Member");
		org.put("ancestors", "Org");
		org.put("inTerritoryNotLed", "Org");
		RELATIONS.put("Org", org);
		Map<String, String> member = new LinkedHashMap<>();
		member.put("org", "Org");
		member.put("group", "Org");
		member.put("unit", "Unit");
		member.put("participatesIn", "Org");
		RELATIONS.put("Member", member);
		Map<String, String> unit = new LinkedHashMap<>();
		unit.put("locatedIn", "Unit");
		unit.put("contains", "Unit");
		unit.put("orgs", "Org");
		unit.put("industry", "Unit");
		unit.put("supplies", "Unit");
		unit.put("suppliedBy", "Unit");
		RELATIONS.put("Unit", unit);
	}

	private static final String[] ORG_IDS = { "o-county", "o-t-hbt", "o-v-xz", "o-npe", "o-e-01", "o-v-hbt-01",
			"o-t-yz", "s-o-county", "zz-none" };

	private static final String[] MEMBER_IDS = { "m-00001", "m-04996", "m-05018", "m-03271", "m-00010", "m-03292" };

	private static final String[] UNIT_IDS = { "u-t-hbt", "u-v-xz", "u-e-01", "u-county" };

	// names in either script, pinyin, initials, and text no name holds
	private static final String[] NAMES = { "下寨", "下寨村党总支", "張", "张", "zhang", "xzc", "党支部", "村", "公司", "hbt",
			"无此名" };

	private static final String[] ORG_KINDS = { "COUNTY_COMMITTEE", "TOWNSHIP_COMMITTEE", "WORKING_COMMITTEE",
			"PRIMARY_COMMITTEE", "GENERAL_BRANCH", "BRANCH", "JOINT_BRANCH", "PARTY_GROUP" };

	private static final String[] UNIT_KINDS = { "COUNTY", "TOWNSHIP", "VILLAGE", "ENTERPRISE", "PRODUCTION_BASE",
			"INDUSTRY", "PARK", "COOPERATIVE" };

	private static final String[] TRADES = { "PLANTING", "BREEDING", "PROCESSING", "TRANSPORT", "COMMERCE" };

	private static final String[] PATTERNS = { "ENTERPRISE_BASE", "INDUSTRY_PARK", "VILLAGE_COOPERATIVE",
			"VILLAGE_TRADE_BRANCH" };

	private static final String[] TOWNSHIPS = { "o-t-hbt", "o-t-yz", "o-county", "zz-none" };

	/**
	 * Fields only the asOf comparison asks for (it compares past reads with today's, not the
	 * compiler with the resolvers): object fields with their selection, as leaves.
	 */
	private static final Map<String, String[]> PAST_EXTRAS = Map.of("Org", new String[] { "descendants { id }",
			"descendants(depth: 1) { id name }", "managementChain { distance via manager { id } }",
			"officers { role member { id } org { id } }", "patterns", "term { electedOn endsOn }",
			"history { on kind }", "coManages { id }", "partyGroups { id memberCount }" },
			"Member", new String[] { "roles { role org { id } member { id } }", "transfers { on }", "probationEndsOn",
					"probationSince", "participatesIn { id }" },
			"Unit", new String[] { "adjacentTo { id }", "orgs { id memberCount }" });

	/** The day the roots are asked for ({@code asOf}, first argument), with the extras; null: today's queries. */
	private String asOf;

	private Random random = new Random(17);

	private int aliases;

	private static final int QUERIES_PER_USER = 10;

	/** Fewer: today's side of the comparison asks the fields the compiler leaves to resolvers. */
	private static final int PAST_QUERIES_PER_USER = 5;

	@Test
	void everyRandomQueryAnswersTheSameCompiledAndResolvedForEveryRoleAndScope() {
		List<String> users = new ArrayList<>(List.of("admin"));
		for (String scope : List.of("o-t-hbt", "o-npe", "o-v-xz")) {
			for (String role : List.of("viewer", "analyst", "org-admin")) {
				users.add("walk-" + role + "-" + scope);
			}
		}
		List<String> differences = new ArrayList<>();
		int compared = 0;
		int withData = 0;
		int listsWithNodes = 0;
		for (String user : users) {
			HttpGraphQlTester tester = user.equals("admin") ? this.graphQl
					: TestApp.tester(this.port, user, TestApp.USER_PASSWORD);
			for (int i = 0; i < QUERIES_PER_USER; i++) {
				String document = randomQuery();
				Map<String, Object> on = unordered(run(tester, document, true), false);
				Map<String, Object> off = unordered(run(tester, document, false), false);
				compared++;
				if (on.get("data") instanceof Map<?, ?> data && data.values().stream().anyMatch((v) -> v != null)) {
					withData++;
				}
				if (!document.contains("(id:") && on.toString().contains("node={")) {
					listsWithNodes++;
				}
				if (!on.equals(off)) {
					differences.add(user + ": " + document + "\n  compiled: " + on + "\n  resolved: " + off);
				}
			}
		}
		assertThat(differences).as("answers that differ").isEmpty();
		assertThat(compared).isEqualTo(10 * QUERIES_PER_USER);
		// many of the queries find something (a VIEWER or an outside id finds nothing), or the comparison would prove little
		assertThat(withData).isGreaterThan(compared / 3);
		// and many list roots answer nodes, with what was asked of them
		assertThat(listsWithNodes).isGreaterThan(compared / 8);
	}

	/**
	 * asOf on org, orgs, member and members (issue #18): as of today, the past read (the structure
	 * rebuilt in memory, every field below answered from it) answers exactly today's reads, for
	 * random queries over every field, by every role of three scopes and the admin.
	 */
	@Test
	void everyRandomQueryAnswersTheSameAsOfTodayAsWithout() {
		List<String> users = new ArrayList<>(List.of("admin"));
		for (String scope : List.of("o-t-hbt", "o-npe", "o-v-xz")) {
			for (String role : List.of("viewer", "analyst", "org-admin")) {
				users.add("walk-" + role + "-" + scope);
			}
		}
		String today = java.time.LocalDate.now().toString();
		String marker = "asOf: \"" + today + "\"";
		List<String> differences = new ArrayList<>();
		int withData = 0;
		int compared = 0;
		this.asOf = today;
		// its own sequence, so that the other tests draw the same queries whichever runs first
		Random others = this.random;
		this.random = new Random(18);
		try {
			for (String user : users) {
				HttpGraphQlTester tester = user.equals("admin") ? this.graphQl
						: TestApp.tester(this.port, user, TestApp.USER_PASSWORD);
				for (int i = 0; i < PAST_QUERIES_PER_USER; i++) {
					String past = randomQuery();
					if (!past.contains(marker)) {
						// units: no asOf
						i--;
						continue;
					}
					String now = past.replace("(" + marker + ")", "").replace(marker + ", ", "");
					// the errors' locations move with the asOf text
					Map<String, Object> before = unordered(run(tester, past, true), true);
					Map<String, Object> current = unordered(run(tester, now, true), true);
					compared++;
					if (before.get("data") instanceof Map<?, ?> data && data.values().stream().anyMatch((v) -> v != null)) {
						withData++;
					}
					if (!before.equals(current)) {
						differences.add(user + ": " + past + "\n  asOf today: " + before + "\n  today:      " + current);
					}
				}
			}
		}
		finally {
			this.asOf = null;
			this.random = others;
		}
		assertThat(differences).as("answers that differ").isEmpty();
		assertThat(compared).isEqualTo(10 * PAST_QUERIES_PER_USER);
		// a VIEWER's member roots and an outside id answer null: a fifth with data at least
		assertThat(withData).isGreaterThan(compared / 5);
	}

	@Test
	void compiledFieldsAreOneRoundTripAtAnyDepth() {
		String deep = """
				{ org(id: "o-county") { id memberCount children { id fullMemberCount coManagers { id }
				    units { id } children { id members(first: 3) { totalCount
				      edges { cursor node { id org { id parent { id } } unit { id } } } pageInfo { hasNextPage endCursor } } } } } }""";
		Map<String, Object> compiledAnswer = run(this.graphQl, deep, true, true);
		@SuppressWarnings("unchecked")
		Map<String, Object> debug = (Map<String, Object>) ((Map<String, Object>) compiledAnswer.get("extensions")).get("debug");
		assertThat(debug.get("databaseRoundTrips")).isEqualTo(1);
		Map<String, Object> resolved = run(this.graphQl, deep, false);
		assertThat(withoutExtensions(compiledAnswer)).isEqualTo(resolved);
		assertThat(compiledAnswer.toString()).contains("o-t-hbt").contains("totalCount");
	}

	/**
	 * The answer with its errors in one order (GraphQL does not order them: they come as fields
	 * complete, which differs between the compiled and the resolved way), and without their locations
	 * when asked.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> unordered(Map<String, Object> answer, boolean withoutLocations) {
		if (!(answer.get("errors") instanceof List<?> errors)) {
			return answer;
		}
		Map<String, Object> copy = new LinkedHashMap<>(answer);
		List<Map<String, Object>> sorted = new ArrayList<>();
		for (Object e : errors) {
			Map<String, Object> error = new LinkedHashMap<>((Map<String, Object>) e);
			if (withoutLocations) {
				error.remove("locations");
			}
			sorted.add(error);
		}
		sorted.sort(java.util.Comparator.comparing(Object::toString));
		copy.put("errors", sorted);
		return copy;
	}

	private static Map<String, Object> withoutExtensions(Map<String, Object> answer) {
		Map<String, Object> copy = new LinkedHashMap<>(answer);
		copy.remove("extensions");
		return copy;
	}

	private Map<String, Object> run(HttpGraphQlTester tester, String document, boolean compiledReads) {
		return run(tester, document, compiledReads, false);
	}

	private Map<String, Object> run(HttpGraphQlTester tester, String document, boolean compiledReads, boolean debug) {
		boolean before = this.compiled.enabled();
		this.compiled.enabled(compiledReads);
		try {
			return tester.document(document).extension("debug", debug).execute().returnResponse().toMap();
		}
		finally {
			this.compiled.enabled(before);
		}
	}

	private String randomQuery() {
		this.aliases = 0;
		return switch (this.random.nextInt(6)) {
			case 0 -> "{ org(" + dayFirst() + "id: \"" + pick(ORG_IDS) + "\") " + selection("Org", 3) + " }";
			case 1 -> "{ member(" + dayFirst() + "id: \"" + pick(MEMBER_IDS) + "\") " + selection("Member", 3) + " }";
			case 2 -> "{ unit(id: \"" + pick(UNIT_IDS) + "\") " + selection("Unit", 3) + " }";
			case 3 -> list("orgs", "Org", orgFilter(), new String[] { "NAME", "ID", "KIND", "MEMBER_COUNT",
					"FULL_MEMBER_COUNT" });
			case 4 -> list("members", "Member", memberFilter(), new String[] { "NAME", "ID", "JOINED" });
			default -> list("units", "Unit", unitFilter(), new String[] { "NAME", "ID", "KIND" });
		};
	}

	/** {@code asOf: "…", } when the roots are asked for a day. */
	private String dayFirst() {
		return (this.asOf != null) ? "asOf: \"" + this.asOf + "\", " : "";
	}

	/** A list root with a filter, maybe a sort, page size and cursor, and nested selections of its nodes. */
	private String list(String root, String type, String filter, String[] sortFields) {
		List<String> arguments = new ArrayList<>();
		if (this.asOf != null && !root.equals("units")) {
			arguments.add("asOf: \"" + this.asOf + "\"");
		}
		if (!filter.isEmpty()) {
			arguments.add("filter: {" + filter + "}");
		}
		if (this.random.nextInt(3) > 0) {
			arguments.add("sort: {field: " + pick(sortFields)
					+ (this.random.nextBoolean() ? ", descending: " + this.random.nextBoolean() : "") + "}");
		}
		if (this.random.nextInt(3) > 0) {
			arguments.add("first: " + pick(new String[] { "0", "1", "3", "10", "50", "101" }));
		}
		if (this.random.nextInt(4) == 0) {
			arguments.add(this.random.nextInt(5) == 0 ? "after: \"not-a-cursor\"" : "after: \"" + cursor(
					"offset:" + pick(new String[] { "0", "2", "9", "400" })) + "\"");
		}
		String args = arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
		StringBuilder out = new StringBuilder("{ ");
		if (this.random.nextInt(4) == 0) {
			out.append("l").append(++this.aliases).append(": ");
		}
		out.append(root).append(args).append(" { totalCount pageInfo { hasNextPage endCursor } edges { cursor node ")
			.append(selection(type, 2)).append(" }");
		if (this.random.nextInt(5) == 0) {
			// a second, aliased look at the same nodes
			out.append(" more: edges { node ").append(selection(type, 1)).append(" }");
		}
		return out.append(" } }").toString();
	}

	private String orgFilter() {
		List<String> parts = new ArrayList<>();
		int n = this.random.nextInt(4);
		for (int i = 0; i < n; i++) {
			parts.add(switch (this.random.nextInt(12)) {
				case 0 -> "kinds: [" + pick(ORG_KINDS) + ", " + pick(ORG_KINDS) + "]";
				case 1 -> "nameContains: \"" + pick(NAMES) + "\"";
				case 2 -> "within: \"" + pick(ORG_IDS) + "\"";
				case 3 -> "township: \"" + pick(TOWNSHIPS) + "\"";
				case 4 -> "trade: " + pick(TRADES);
				case 5 -> "hasCoManager: " + this.random.nextBoolean();
				case 6 -> "coManagedBy: \"" + pick(TOWNSHIPS) + "\"";
				case 7 -> "setUpInKind: " + pick(UNIT_KINDS);
				case 8 -> "minMembers: " + pick(new String[] { "0", "5", "40" });
				case 9 -> "maxMembers: " + pick(new String[] { "3", "30", "1000" });
				case 10 -> "ids: [\"" + pick(ORG_IDS) + "\", \"" + pick(ORG_IDS) + "\", \"" + pick(ORG_IDS) + "\"]";
				default -> "pattern: " + pick(PATTERNS);
			});
		}
		return distinctFields(parts);
	}

	private String memberFilter() {
		List<String> parts = new ArrayList<>();
		int n = this.random.nextInt(4);
		for (int i = 0; i < n; i++) {
			parts.add(switch (this.random.nextInt(5)) {
				case 0 -> "within: \"" + pick(ORG_IDS) + "\"";
				case 1 -> "status: " + pick(new String[] { "FULL", "PROBATIONARY" });
				case 2 -> "trade: " + pick(TRADES);
				case 3 -> "nameContains: \"" + pick(NAMES) + "\"";
				default -> "role: " + pick(new String[] { "SECRETARY", "DEPUTY_SECRETARY", "COMMITTEE_MEMBER",
						"GROUP_LEADER" });
			});
		}
		return distinctFields(parts);
	}

	private String unitFilter() {
		List<String> parts = new ArrayList<>();
		int n = this.random.nextInt(4);
		for (int i = 0; i < n; i++) {
			parts.add(switch (this.random.nextInt(6)) {
				case 0 -> "kinds: [" + pick(UNIT_KINDS) + ", " + pick(UNIT_KINDS) + "]";
				case 1 -> "nameContains: \"" + pick(NAMES) + "\"";
				case 2 -> "locatedIn: \"" + pick(UNIT_IDS) + "\"";
				case 3 -> "leading: " + this.random.nextBoolean();
				case 4 -> "industryCluster: " + this.random.nextBoolean();
				default -> "hasOrg: " + this.random.nextBoolean();
			});
		}
		return distinctFields(parts);
	}

	/** The filter's fields, each once (the first drawn). */
	private static String distinctFields(List<String> parts) {
		Map<String, String> byField = new LinkedHashMap<>();
		parts.forEach((part) -> byField.putIfAbsent(part.substring(0, part.indexOf(':')), part));
		return String.join(", ", byField.values());
	}

	private static String cursor(String text) {
		return java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private String selection(String type, int depth) {
		StringBuilder out = new StringBuilder("{ id");
		String[] scalars = switch (type) {
			case "Org" -> ORG_SCALARS;
			case "Member" -> MEMBER_SCALARS;
			default -> UNIT_SCALARS;
		};
		for (int i = 0; i < 2; i++) {
			out.append(' ').append(pick(scalars));
		}
		if (this.asOf != null) {
			out.append(' ').append("x").append(++this.aliases).append(": ").append(pick(PAST_EXTRAS.get(type)));
		}
		if (depth > 0) {
			List<String> relations = new ArrayList<>(RELATIONS.get(type).keySet());
			int n = 1 + this.random.nextInt(2);
			for (int i = 0; i < n; i++) {
				String field = relations.get(this.random.nextInt(relations.size()));
				String target = RELATIONS.get(type).get(field);
				out.append(' ');
				if (this.random.nextInt(4) == 0) {
					out.append("a").append(++this.aliases).append(": ");
				}
				if (target.equals("MemberConnection")) {
					out.append(memberPage(depth - 1));
				}
				else {
					out.append(field).append(' ').append(selection(target, depth - 1));
				}
			}
		}
		return out.append(" }").toString();
	}

	private String memberPage(int depth) {
		List<String> arguments = new ArrayList<>();
		switch (this.random.nextInt(3)) {
			case 0 -> arguments.add("first: " + pick(new String[] { "0", "1", "3", "20", "101" }));
			case 1 -> arguments.add("direct: " + this.random.nextBoolean());
			default -> {
			}
		}
		if (this.random.nextInt(4) == 0) {
			// a cursor of a member id: the page after it
			arguments.add(this.random.nextInt(5) == 0 ? "after: \"not-a-cursor\"" : "after: \"" + java.util.Base64.getUrlEncoder().withoutPadding()
				.encodeToString(("member:" + pick(MEMBER_IDS)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"");
		}
		String args = arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
		return "members" + args + " { totalCount pageInfo { hasNextPage endCursor } edges { cursor node "
				+ selection("Member", depth) + " } }";
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
