package org.partygraph.api.scope;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.partygraph.api.ServiceTestBase;
import org.partygraph.api.TestApp;
import org.partygraph.seed.HuairenCounty;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope promise (issue #15) over the whole schema: for ANALYST and ORG_ADMIN scoped to a township
 * ({@code o-t-hbt}), the working committee ({@code o-npe}) and a village general branch under the township
 * ({@code o-v-xz}), and for VIEWER scoped to the township ({@link #rolesWalked}), every root field of {@code Query} is walked as
 * {@link SchemaWalk} plans it (every (type, field) edge within depth 5 of each root field, by its shortest
 * path, with ids inside, outside and made up) and every answer is checked as {@link AnswerCheck} says:
 * nothing outside the scope appears anywhere, personal fields follow the role, and an id outside answers
 * exactly as one that does not exist. The users are {@code walk-<role>-<scope>} of {@link TestApp}.
 * <p>
 * Before walking, the sample county is given the links that lead outside a scope, as the admin: a member
 * transferred into {@code o-v-xz} from {@code o-e-02} (under {@code o-npe}), out again and back, holding an
 * office at {@code o-e-02}; the mirror for {@code o-npe}; the secretary of {@code o-t-hbt} a member of
 * {@code o-e-03} and the secretary of {@code o-v-xz} a member of another village of the township (the
 * secretary of {@code o-npe} is already a member of the county office); {@code o-v-xz-breed} and
 * {@code o-e-05} without a secretary (their rule break's fix names a member to elect, which a VIEWER must
 * not see); scenarios saved within the county
 * (by the unscoped {@code analyst}), the township ({@code hbt-analyst}) and each walked scope. Every
 * violation of every user is collected and the test fails once with the list. The sample county is imported
 * again and the scenarios deleted afterwards.
 * <p>
 * Calls whose answer was wiped out by another call's error (a non-null root field failing nulls the whole
 * {@code data}) are run again alone, and a call whose answer was cut short by an error deep inside it
 * (null propagating up from, e.g., a forbidden {@code Office.member}) again unit by unit and then field by
 * field, so that one refusal does not hide the rest of the walk. The walk sends about 1,300 requests (about 70
 * per ANALYST or ORG_ADMIN user, about 850 for the VIEWER, most of them such re-runs).
 */
class ScopeWalkIT extends ServiceTestBase {

	/** The scopes walked, each with the ids its users' calls pass. */
	private static final Map<String, SchemaWalk.Ids> SCOPES = new LinkedHashMap<>();

	/** Moved into o-v-xz from o-e-02, out and back: transfers from and to outside; holds an office at o-e-02. */
	private static final String INTO_XZ = "m-04996";

	/** The mirror for o-npe: from o-v-xz into o-e-01, out and back; holds an office at o-v-xz. */
	private static final String INTO_NPE = "m-03292";

	/** A member of o-e-03 (under o-npe) made secretary of o-t-hbt. */
	private static final String HBT_SECRETARY = "m-05018";

	/** A member of o-v-hbt-01 (in the township, outside o-v-xz) made secretary of o-v-xz. */
	private static final String XZ_SECRETARY = "m-03271";

	/** The secretary of o-npe in the sample county: a member of the county office. */
	private static final String NPE_SECRETARY = "m-00010";

	private static final String UNKNOWN_ID = "zz-walk-unknown";

	private static final String UNKNOWN_NAME = "walk no such scenario";

	static {
		SCOPES.put("o-t-hbt", ids("o-t-hbt", "o-county", INTO_XZ, HBT_SECRETARY, "u-t-hbt", "walk-o-county"));
		SCOPES.put("o-npe", ids("o-npe", "o-t-hbt", INTO_NPE, NPE_SECRETARY, "u-e-01", "walk-o-t-hbt"));
		SCOPES.put("o-v-xz", ids("o-v-xz", "o-t-hbt", INTO_XZ, XZ_SECRETARY, "u-v-xz", "walk-o-t-hbt"));
	}

	private static final List<String> ROLES = List.of("VIEWER", "ANALYST", "ORG_ADMIN");

	/** The scope whose VIEWER is walked too. */
	private static final String VIEWER_SCOPE = "o-t-hbt";

	/**
	 * The roles walked in a scope: ANALYST and ORG_ADMIN in each, VIEWER in the township only. What a
	 * role may see is decided field by field whatever the scope (the personal fields, the people), and
	 * the scope row by row whatever the role, in the one statement each read compiles to; a VIEWER's
	 * walk re-runs about 800 calls field by field (its people are refused everywhere), which took 43
	 * of the walk's 152 s in the two other scopes.
	 */
	static List<String> rolesWalked(String scope) {
		return VIEWER_SCOPE.equals(scope) ? ROLES : ROLES.subList(1, ROLES.size());
	}

	private final GraphQLSchema schema = SchemaWalk.schema();

	private final Map<String, Map<String, List<String>>> transfers = new HashMap<>();

	private int requests;

	private static SchemaWalk.Ids ids(String scope, String outsideOrg, String insideMember, String outsideMember,
			String insideUnit, String outsideScenario) {
		return new SchemaWalk.Ids(scope, outsideOrg, insideMember, outsideMember, insideUnit, "u-county",
				"walk-" + scope, outsideScenario, UNKNOWN_ID, UNKNOWN_NAME);
	}

	/** The configured user of a role and scope, e.g. {@code walk-org-admin-o-npe}. */
	static String user(String role, String scope) {
		return "walk-" + role.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + scope;
	}

	@Test
	void nothingOutsideTheScopeNorAboveTheRoleAppearsAnywhereInTheSchema() {
		List<String> violations = new ArrayList<>();
		long start = System.nanoTime();
		try {
			prepare();
			AnswerCheck.Facts facts = facts();
			for (Map.Entry<String, SchemaWalk.Ids> scope : SCOPES.entrySet()) {
				Set<String> orgs = scopeOrgs(scope.getKey());
				checkPreparedData(facts, scope.getKey(), scope.getValue(), orgs);
				for (String role : rolesWalked(scope.getKey())) {
					long userStart = System.nanoTime();
					int before = this.requests;
					String user = user(role, scope.getKey());
					AnswerCheck check = new AnswerCheck(facts, user, role, orgs);
					HttpGraphQlTester tester = TestApp.tester(this.port, user, TestApp.USER_PASSWORD);
					for (SchemaWalk.Doc doc : SchemaWalk.plan(this.schema, scope.getValue())) {
						run(tester, check, doc, true);
					}
					violations.addAll(check.violations());
					System.out.printf("scope walk: %s: %d requests, %d ms, %d violations%n", user,
							this.requests - before, (System.nanoTime() - userStart) / 1_000_000,
							check.violations().size());
				}
			}
		}
		finally {
			restore();
		}
		System.out.printf("scope walk: %d requests in all, %d s%n", this.requests,
				(System.nanoTime() - start) / 1_000_000_000);
		assertThat(violations).as(() -> report(violations)).isEmpty();
	}

	/**
	 * Runs a document, checks its answer, and runs again what an error cut short: a call lost to another
	 * call's error alone, a call cut by an error inside it unit by unit, then field by field.
	 */
	private void run(HttpGraphQlTester tester, AnswerCheck check, SchemaWalk.Doc doc, boolean compare) {
		Map<String, Object> response = post(tester, doc.text());
		check.check(doc, response);
		if (compare) {
			check.compare(doc, response);
		}
		Map<String, Object> data = AnswerCheck.map(response.get("data"));
		List<Map<String, Object>> errors = AnswerCheck.errors(response);
		for (Map.Entry<String, SchemaWalk.Call> entry : doc.calls.entrySet()) {
			String alias = entry.getKey();
			List<SchemaWalk.Unit> units = doc.units.get(alias);
			boolean ownRootError = errors.stream().anyMatch((e) -> List.of(alias).equals(e.get("path")));
			boolean lost = (data == null || !data.containsKey(alias)) && !ownRootError;
			boolean cut = errors.stream().anyMatch((e) -> cutShort(data, alias, e.get("path")));
			if (lost && doc.calls.size() > 1) {
				SchemaWalk.Doc alone = new SchemaWalk.Doc(this.schema);
				for (SchemaWalk.Unit unit : units) {
					alone = alone.with(List.of(entry.getValue()), unit);
				}
				run(tester, check, alone, false);
			}
			else if (cut && units.size() > 1) {
				for (SchemaWalk.Unit unit : units) {
					run(tester, check, SchemaWalk.alone(this.schema, entry.getValue(), unit), false);
				}
			}
			else if (cut && units.get(0).fields().size() > 1) {
				SchemaWalk.Unit unit = units.get(0);
				for (SchemaWalk.Node field : unit.fields()) {
					run(tester, check, SchemaWalk.alone(this.schema, entry.getValue(),
							new SchemaWalk.Unit(unit.place(), List.of(field), unit.identity())), false);
				}
			}
		}
	}

	/** Whether an error below a call nulled more than its own field (the field's parent is null or gone). */
	private static boolean cutShort(Map<String, Object> data, String alias, Object errorPath) {
		if (!(errorPath instanceof List<?> path) || path.size() < 2 || !alias.equals(path.get(0))) {
			return false;
		}
		Object at = data;
		for (Object step : path.subList(0, path.size() - 1)) {
			if (at instanceof Map<?, ?> object) {
				at = object.get(step);
			}
			else if (at instanceof List<?> list && step instanceof Integer i && i < list.size()) {
				at = list.get(i);
			}
			else {
				return true;
			}
			if (at == null) {
				return true;
			}
		}
		return false;
	}

	private Map<String, Object> post(HttpGraphQlTester tester, String document) {
		this.requests++;
		Map<String, Object> response = tester.document(document).execute().returnResponse().toMap();
		// SCOPE_WALK_DUMP=dir keeps every document and answer, to look into a violation.
		String dump = System.getenv("SCOPE_WALK_DUMP");
		if (dump != null) {
			try {
				java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(dump));
				java.nio.file.Files.writeString(dir.resolve(String.format("%05d.txt", this.requests)),
						document + "\n\n" + response, StandardCharsets.UTF_8);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return response;
	}

	private Map<String, Object> admin(String document) {
		Map<String, Object> response = post(this.graphQl, document);
		assertThat(AnswerCheck.errors(response)).as(document).isEmpty();
		return AnswerCheck.map(response.get("data"));
	}

	/** The links leading outside the walked scopes, and scenarios saved within each. */
	private void prepare() {
		transfer(INTO_XZ, "o-v-xz-plant");
		transfer(INTO_XZ, "o-e-02");
		transfer(INTO_XZ, "o-v-xz-plant");
		transfer(INTO_NPE, "o-e-01");
		transfer(INTO_NPE, "o-v-xz-breed");
		transfer(INTO_NPE, "o-e-01");
		role("assignRole", INTO_XZ, "o-e-02", "COMMITTEE_MEMBER");
		role("assignRole", INTO_NPE, "o-v-xz", "COMMITTEE_MEMBER");
		role("removeRole", "m-00115", "o-t-hbt", "SECRETARY");
		role("assignRole", HBT_SECRETARY, "o-t-hbt", "SECRETARY");
		role("removeRole", "m-03273", "o-v-xz", "SECRETARY");
		role("assignRole", XZ_SECRETARY, "o-v-xz", "SECRETARY");
		// An org without a secretary in each scope: its rule break's fix names a member to elect.
		for (String org : List.of("o-v-xz-breed", "o-e-05")) {
			Map<String, Object> secretary = AnswerCheck.map(AnswerCheck.map(admin("{ org(id: \"" + org
					+ "\") { secretary { id } } }").get("org")).get("secretary"));
			role("removeRole", (String) secretary.get("id"), org, "SECRETARY");
		}
		save("analyst", "walk-o-county", "o-county", "o-v-ht-05");
		save("hbt-analyst", "walk-o-t-hbt", "o-t-hbt", "o-t-hbt");
		save(user("ANALYST", "o-npe"), "walk-o-npe", "o-npe", "o-npe");
		save(user("ANALYST", "o-v-xz"), "walk-o-v-xz", "o-v-xz", "o-v-xz");
	}

	private void transfer(String member, String to) {
		Map<String, Object> data = admin("mutation { transferMember(member: \"" + member + "\", to: \"" + to
				+ "\", reason: \"scope walk\") { errors { item field message } } }");
		assertThat(data.toString()).contains("errors=[]");
	}

	private void role(String mutation, String member, String org, String role) {
		Map<String, Object> data = admin("mutation { " + mutation + "(member: \"" + member + "\", org: \"" + org
				+ "\", role: " + role + ") { errors { item field message } } }");
		assertThat(data.toString()).contains("errors=[]");
	}

	private void save(String user, String name, String within, String org) {
		Map<String, Object> response = post(TestApp.tester(this.port, user, TestApp.USER_PASSWORD),
				"mutation { saveScenario(name: \"" + name + "\", within: \"" + within
						+ "\", operations: [{op: ELECT_COMMITTEE, org: \"" + org
						+ "\"}]) { scenario { name } errors { item field message } } }");
		assertThat(response.toString()).contains("name=" + name).contains("errors=[]");
	}

	/** Puts the sample county back and deletes the scenarios saved here. */
	private void restore() {
		this.importer.importDataset(HuairenCounty.dataset(), (step, done, total) -> {
		});
		for (String name : List.of("walk-o-county", "walk-o-t-hbt", "walk-o-npe", "walk-o-v-xz")) {
			post(this.graphQl, "mutation { deleteScenario(name: \"" + name + "\") { deleted } }");
		}
	}

	/**
	 * What the admin sees: every org, every member and candidate with org and name, the scenarios, the
	 * neutral texts.
	 */
	private AnswerCheck.Facts facts() {
		Set<String> orgs = new HashSet<>();
		StringBuilder neutral = new StringBuilder();
		pages("orgs", "id name", 9, (node) -> {
			orgs.add((String) node.get("id"));
			neutral.append(node.get("name")).append('\n');
		});
		pages("units", "name", 12, (node) -> neutral.append(node.get("name")).append('\n'));
		Map<String, Object> rules = admin("{ rules { statement statementZh article } }");
		neutral.append(rules);
		Map<String, String> memberOrgs = new HashMap<>();
		Map<String, String> memberNames = new HashMap<>();
		pages("members", "id name org { id }", 7, (node) -> {
			String id = (String) node.get("id");
			memberOrgs.put(id, (String) AnswerCheck.map(node.get("org")).get("id"));
			memberNames.put(id, (String) node.get("name"));
		});
		// Candidates (發展黨員) are people scoped by their developing org, as members by theirs: their
		// names count as an inside or outside person's. Every candidate not yet admitted is due before
		// 2100; an admitted one is a member, already above.
		for (Object due : (List<?>) admin("{ candidatesDue(before: \"2100-01-01\") { candidate { id name org { id } } } }")
			.get("candidatesDue")) {
			Map<String, Object> candidate = AnswerCheck.map(AnswerCheck.map(due).get("candidate"));
			String id = (String) candidate.get("id");
			memberOrgs.put(id, (String) AnswerCheck.map(candidate.get("org")).get("id"));
			memberNames.put(id, (String) candidate.get("name"));
		}
		Map<String, String> within = new HashMap<>();
		for (Object scenario : (List<?>) admin("{ scenarios { name owner } }").get("scenarios")) {
			Map<String, Object> s = AnswerCheck.map(scenario);
			within.put((String) s.get("name"), (String) s.get("owner"));
		}
		return new AnswerCheck.Facts(orgs, memberOrgs, memberNames, within, this::transfersOf, neutral.toString());
	}

	/**
	 * Reads a whole list as the admin, {@code perDocument} pages of 100 aliased in one document (cursors are
	 * positions), until a page comes back short; checks that the count matches totalCount.
	 */
	private void pages(String field, String selection, int perDocument, java.util.function.Consumer<Map<String, Object>> each) {
		int seen = 0;
		int total = -1;
		for (int page = 0; total < 0 || seen < total; page += perDocument) {
			StringBuilder document = new StringBuilder("{");
			for (int i = page; i < page + perDocument; i++) {
				String after = (i == 0) ? "" : ", after: \"" + Base64.getUrlEncoder().withoutPadding()
					.encodeToString(("offset:" + (i * 100 - 1)).getBytes(StandardCharsets.UTF_8)) + "\"";
				document.append(" p").append(i).append(": ").append(field).append("(first: 100, sort: {field: ID}")
					.append(after).append(") { totalCount edges { node { ").append(selection).append(" } } }");
			}
			Map<String, Object> data = admin(document.append(" }").toString());
			for (int i = page; i < page + perDocument; i++) {
				Map<String, Object> connection = AnswerCheck.map(data.get("p" + i));
				total = (Integer) connection.get("totalCount");
				for (Object edge : (List<?>) connection.get("edges")) {
					each.accept(AnswerCheck.map(AnswerCheck.map(edge).get("node")));
					seen++;
				}
			}
			assertThat(page).as("paging " + field).isLessThan(1000);
		}
		assertThat(seen).as(field).isEqualTo(total);
	}

	/** A member's transfers as the admin sees them: id to [from, to]. */
	private Map<String, List<String>> transfersOf(String member) {
		return this.transfers.computeIfAbsent(member, (m) -> {
			Map<String, List<String>> ends = new HashMap<>();
			Map<String, Object> found = AnswerCheck.map(admin("{ member(id: \"" + m
					+ "\") { transfers { id from { id } to { id } } } }").get("member"));
			if (found != null) {
				for (Object transfer : (List<?>) found.get("transfers")) {
					Map<String, Object> t = AnswerCheck.map(transfer);
					ends.put((String) t.get("id"), java.util.Arrays.asList(idOf(t.get("from")), idOf(t.get("to"))));
				}
			}
			return ends;
		});
	}

	private static String idOf(Object org) {
		Map<String, Object> map = AnswerCheck.map(org);
		return (map != null) ? (String) map.get("id") : null;
	}

	/** The scope org and everything below it through parent. */
	private Set<String> scopeOrgs(String scope) {
		Map<String, Object> org = AnswerCheck.map(admin("{ org(id: \"" + scope + "\") { id descendants { id } } }")
			.get("org"));
		Set<String> orgs = new HashSet<>();
		orgs.add((String) org.get("id"));
		for (Object descendant : (List<?>) org.get("descendants")) {
			orgs.add(idOf(descendant));
		}
		return orgs;
	}

	/** The arguments really are inside and outside, and the escapes really lead outside, as the admin sees. */
	private void checkPreparedData(AnswerCheck.Facts facts, String scope, SchemaWalk.Ids ids, Set<String> orgs) {
		assertThat(orgs).contains(ids.insideOrg()).doesNotContain(ids.outsideOrg());
		assertThat(orgs).contains(facts.memberOrgs().get(ids.insideMember()))
			.doesNotContain(facts.memberOrgs().get(ids.outsideMember()));
		assertThat(facts.scenarioOwner()).containsEntry(ids.insideScenario(), scope);
		assertThat(orgs).doesNotContain(facts.scenarioOwner().get(ids.outsideScenario()));
		Map<String, Object> data = admin("{ org(id: \"" + scope + "\") { secretary { id } } member(id: \""
				+ ids.insideMember() + "\") { roles { org { id } } transfers { from { id } to { id } } } }");
		assertThat(orgs).doesNotContain(facts.memberOrgs()
			.get((String) AnswerCheck.map(AnswerCheck.map(data.get("org")).get("secretary")).get("id")));
		String member = data.get("member").toString();
		assertThat(List.of("o-e-02", "o-v-xz")).anySatisfy((outside) -> {
			assertThat(orgs).doesNotContain(outside);
			assertThat(member).contains("id=" + outside);
		});
	}

	/** The violations, counted by kind and place (list positions dropped), then each one. */
	private static String report(List<String> violations) {
		Map<String, Integer> kinds = new TreeMap<>();
		for (String violation : violations) {
			String[] parts = violation.split(" \\| ", 4);
			String role = parts[0].replaceAll("^walk-(viewer|analyst|org-admin)-.*$", "$1");
			String place = parts[1].replaceAll("\\[\\d+\\]", "[]").replaceAll("\\(.*?\\)(?=[.\\[]|$)", "(…)");
			String what = parts[3].replaceAll(":.*$", "");
			kinds.merge(role + " | " + place + " | " + what, 1, Integer::sum);
		}
		StringBuilder out = new StringBuilder(violations.size() + " scope or role violations\n\nby kind (role | place | what: count):\n");
		kinds.forEach((kind, count) -> out.append("  ").append(kind).append(": ").append(count).append('\n'));
		out.append("\neach (user | call and path | id | what):\n");
		new LinkedHashSet<>(violations).forEach((v) -> out.append("  ").append(v).append('\n'));
		return out.toString();
	}

}
