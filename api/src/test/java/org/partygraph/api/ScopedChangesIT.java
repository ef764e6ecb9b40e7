package org.partygraph.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.seed.HuairenCounty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes by a scoped ORG_ADMIN ({@code hbt-admin}, the township {@code o-t-hbt}) over HTTP: the
 * scope holds on every path of every change, is read inside the change's transaction (never from
 * a stale cache), and an org or member outside it is refused exactly as an id that does not exist.
 */
class ScopedChangesIT extends ServiceTestBase {

	/** An id nothing holds. */
	private static final String UNKNOWN = "zz-nope";

	@Autowired
	private OrgChanges changes;

	private HttpGraphQlTester hbt;

	// Inside the scope: a village org with members of its own, a member there, a party group and a
	// member whose org is that group's parent.
	private String village;

	private String villageMember;

	private String group;

	private String groupMember;

	// Outside the scope: another township's org below it, a party group and a member there.
	private String outsideOrg;

	private String outsideGroup;

	private String outsideMember;

	@BeforeAll
	void findSampleIds() {
		this.hbt = TestApp.tester(this.port, "hbt-admin", TestApp.USER_PASSWORD);
		this.village = "o-v-xz";
		this.villageMember = directMemberOf(this.village);
		this.group = firstOrg("o-t-hbt", "PARTY_GROUP");
		String groupParent = this.graphQl.document("{ org(id: \"" + this.group + "\") { parent { id } } }")
			.execute()
			.path("org.parent.id").entity(String.class).get();
		this.groupMember = directMemberOf(groupParent);
		this.outsideOrg = firstOrg("o-t-yz", "GENERAL_BRANCH");
		this.outsideGroup = firstOrg("o-t-yz", "PARTY_GROUP");
		this.outsideMember = directMemberOf(this.outsideOrg);
		// Another township, which a change once told from an unknown id by naming its kind.
		this.graphQl.document("{ org(id: \"o-t-qh\") { kind } }")
			.execute()
			.path("org.kind").entity(String.class).isEqualTo("TOWNSHIP_COMMITTEE");
	}

	// The sample county is shared with the other tests: whatever happened here, put it back.
	@AfterAll
	void restoreSampleCounty() {
		restore();
	}

	@Test
	void everyChangeNamingAnOrgOrMemberOutsideTheScopeIsRefusedExactlyAsAnUnknownId() {
		// Each change with %s where one org or member goes, every other argument valid and inside.
		List<String[]> cases = new ArrayList<>();
		String in = this.village;
		orgCases(cases, "createOrg", "createOrg(input: {id: \"sc-new\", kind: BRANCH, name: \"新支部\", parent: \"%s\"}) { org { id } %s }");
		orgCases(cases, "renameOrg", "renameOrg(id: \"%s\", name: \"新名\") { org { id } %s }");
		orgCases(cases, "moveOrg", "moveOrg(id: \"%s\", parent: \"o-t-hbt\") { org { id } %s }");
		orgCases(cases, "moveOrg", "moveOrg(id: \"" + in + "\", parent: \"%s\") { org { id } %s }");
		orgCases(cases, "dissolveOrg", "dissolveOrg(id: \"%s\", membersTo: \"o-t-hbt\") { dissolved parent { id } %s }");
		orgCases(cases, "dissolveOrg", "dissolveOrg(id: \"" + in + "\", membersTo: \"%s\") { dissolved parent { id } %s }");
		orgCases(cases, "addCoManager", "addCoManager(org: \"%s\", coManager: \"o-t-hbt\") { org { id } %s }");
		orgCases(cases, "addCoManager", "addCoManager(org: \"" + in + "\", coManager: \"%s\") { org { id } %s }");
		orgCases(cases, "removeCoManager", "removeCoManager(org: \"%s\", coManager: \"o-t-hbt\") { org { id } %s }");
		orgCases(cases, "removeCoManager", "removeCoManager(org: \"" + in + "\", coManager: \"%s\") { org { id } %s }");
		orgCases(cases, "addMember", "addMember(input: {id: \"sc-m\", name: \"趙五\", status: FULL, org: \"%s\"}) { member { id } %s }");
		orgCases(cases, "transferMember", "transferMember(member: \"" + this.villageMember + "\", to: \"%s\") { transfer { id } %s }");
		orgCases(cases, "assignRole", "assignRole(member: \"" + this.villageMember + "\", org: \"%s\", role: COMMITTEE_MEMBER) { member { id } %s }");
		orgCases(cases, "removeRole", "removeRole(member: \"" + this.villageMember + "\", org: \"%s\", role: COMMITTEE_MEMBER) { member { id } %s }");
		cases.add(new String[] { "addMember", "addMember(input: {id: \"sc-m\", name: \"趙五\", status: FULL, org: \""
				+ this.village + "\", group: \"%s\"}) { member { id } %s }", this.outsideGroup });
		cases.add(new String[] { "assignGroup", "assignGroup(member: \"" + this.groupMember
				+ "\", group: \"%s\") { member { id } %s }", this.outsideGroup });
		// A township outside: once answered "is not a PARTY_GROUP", naming its kind.
		cases.add(new String[] { "assignGroup", "assignGroup(member: \"" + this.groupMember
				+ "\", group: \"%s\") { member { id } %s }", "o-t-qh" });
		memberCases(cases, "transferMember", "transferMember(member: \"%s\", to: \"o-t-hbt\") { transfer { id } %s }");
		memberCases(cases, "assignRole", "assignRole(member: \"%s\", org: \"" + in + "\", role: COMMITTEE_MEMBER) { member { id } %s }");
		memberCases(cases, "removeRole", "removeRole(member: \"%s\", org: \"" + in + "\", role: COMMITTEE_MEMBER) { member { id } %s }");
		memberCases(cases, "assignGroup", "assignGroup(member: \"%s\", group: \"" + this.group + "\") { member { id } %s }");

		Dataset before = this.exporter.exportAll();
		for (String[] change : cases) {
			String field = change[0];
			String outside = change[2];
			List<Map<String, Object>> outsideErrors = refusal(field, change[1], outside);
			List<Map<String, Object>> unknownErrors = refusal(field, change[1], UNKNOWN);
			assertThat(outsideErrors).as("%s with %s", field, outside).isNotEmpty();
			assertThat(normalised(outsideErrors, outside)).as("%s with %s, as with an unknown id", field, outside)
				.isEqualTo(normalised(unknownErrors, UNKNOWN));
			assertThat(this.exporter.exportAll()).as("nothing written by %s with %s or %s", field, outside, UNKNOWN)
				.isEqualTo(before);
		}
	}

	@Test
	void aTakenIdIsRefusedWithOneMessageWhateverHoldsItAndWhereverItIs() {
		Dataset before = this.exporter.exportAll();
		String create = "createOrg(input: {id: \"%s\", kind: BRANCH, name: \"新支部\", parent: \"o-t-hbt\"}) { org { id } %s }";
		String add = "addMember(input: {id: \"%s\", name: \"趙五\", status: FULL, org: \"" + this.village
				+ "\"}) { member { id } %s }";
		// Orgs and members inside and outside the scope, and a unit.
		String unit = this.graphQl.document("{ org(id: \"o-t-hbt\") { units { id } } }")
			.execute()
			.path("org.units[0].id").entity(String.class).get();
		List<String> taken = List.of(this.village, "o-county", this.outsideOrg, this.villageMember, this.outsideMember,
				unit);
		for (String[] change : List.of(new String[] { "createOrg", create }, new String[] { "addMember", add })) {
			List<Map<String, Object>> expected = normalised(refusal(change[0], change[1], this.village), this.village);
			assertThat(expected).singleElement().satisfies((e) -> {
				assertThat(e.get("field")).isEqualTo("id");
				assertThat((String) e.get("message")).contains("already taken").doesNotContain("Org", "Member", "Unit");
			});
			for (String id : taken) {
				assertThat(normalised(refusal(change[0], change[1], id), id)).as("%s with the id %s", change[0], id)
					.isEqualTo(expected);
			}
			// The same for a caller without a scope.
			assertThat(normalised(errors(this.graphQl, change[0], change[1], this.outsideOrg), this.outsideOrg))
				.isEqualTo(expected);
		}
		assertThat(this.exporter.exportAll()).as("nothing written").isEqualTo(before);
	}

	@Test
	void aScopedOrgAdminCannotDissolveOrMoveTheRootOfItsScope() {
		Dataset before = this.exporter.exportAll();
		GraphQlTester.Response dissolved = this.hbt
			.document("mutation { dissolveOrg(id: \"o-t-hbt\", membersTo: \"" + this.village
					+ "\") { dissolved parent { id children { id } } errors { item field message } } }")
			.execute();
		dissolved.path("dissolveOrg.dissolved").valueIsNull().path("dissolveOrg.parent").valueIsNull();
		assertRootRefused(dissolved.path("dissolveOrg.errors").entityList(Map.class).get(), "dissolved");
		GraphQlTester.Response moved = this.hbt
			.document("mutation { moveOrg(id: \"o-t-hbt\", parent: \"" + this.village
					+ "\") { org { id } errors { item field message } } }")
			.execute();
		moved.path("moveOrg.org").valueIsNull();
		assertRootRefused(moved.path("moveOrg.errors").entityList(Map.class).get(), "moved");
		assertThat(this.exporter.exportAll()).as("nothing written").isEqualTo(before);
	}

	@Test
	void aScopedOrgAdminCannotCreateAnOrgWithoutAParent() {
		Dataset before = this.exporter.exportAll();
		List<Map<String, Object>> errors = errors(this.hbt, "createOrg",
				"createOrg(input: {id: \"%s\", kind: COUNTY_COMMITTEE, name: \"另一縣委\"}) { org { id } %s }", "sc-root");
		assertThat(errors).singleElement().satisfies((e) -> {
			assertThat(e.get("item")).isEqualTo("sc-root");
			assertThat(e.get("field")).isEqualTo("parent");
			assertThat((String) e.get("message")).contains("parent is missing", "o-t-hbt");
		});
		assertThat(this.exporter.exportAll()).as("nothing written").isEqualTo(before);
	}

	@Test
	void anOrgThatLeftTheScopeIsRefusedAtOnceHoweverTheTreeWasChanged() {
		String name = this.graphQl.document("{ org(id: \"" + this.village + "\") { name } }")
			.execute()
			.path("org.name").entity(String.class).get();
		String rename = "renameOrg(id: \"%s\", name: \"改名\") { org { name } %s }";
		try {
			// The api knows the village as inside the scope, and keeps what it read for a while.
			this.hbt.document("{ org(id: \"" + this.village + "\") { id } }")
				.execute()
				.path("org.id").entity(String.class).isEqualTo(this.village);
			// Another instance of the service moves it to another township: this one is not told.
			this.changes.moveOrg(this.village, "o-t-yz");

			List<Map<String, Object>> refused = refusal("renameOrg", rename, this.village);
			assertThat(normalised(refused, this.village))
				.isEqualTo(normalised(refusal("renameOrg", rename, UNKNOWN), UNKNOWN));
			this.graphQl.document("{ org(id: \"" + this.village + "\") { name parent { id } } }")
				.execute()
				.path("org.name").entity(String.class).isEqualTo(name)
				.path("org.parent.id").entity(String.class).isEqualTo("o-t-yz");
		}
		finally {
			restore();
		}
	}

	@Test
	void concurrentTransfersOfOneMemberKeepAHistoryThatChains() throws Exception {
		String member = this.villageMember;
		// The township and two orgs below it that members may belong to (not party groups).
		List<String> targets = new ArrayList<>(List.of("o-t-hbt"));
		this.graphQl.document("{ org(id: \"o-t-hbt\") { children { id kind } } }")
			.execute()
			.path("org.children").entityList(Map.class).get()
			.stream()
			.filter((c) -> !"PARTY_GROUP".equals(c.get("kind")))
			.limit(2)
			.forEach((c) -> targets.add((String) c.get("id")));
		assertThat(targets).hasSize(3);
		assertThat(targets).doesNotHaveDuplicates();
		int earlier = history(member).size();
		String start = (String) ((Map<?, ?>) this.graphQl.document("{ member(id: \"" + member + "\") { org { id } } }")
			.execute()
			.path("member.org").entity(Map.class).get()).get("id");
		ExecutorService pool = Executors.newFixedThreadPool(10);
		int made = 0;
		try {
			List<Future<Boolean>> runs = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String target = targets.get(i % targets.size());
				runs.add(pool.submit(() -> {
					List<?> errors = TestApp.tester(this.port, "hbt-admin", TestApp.USER_PASSWORD)
						.document("mutation { transferMember(member: \"" + member + "\", to: \"" + target
								+ "\") { transfer { id } errors { field message } } }")
						.execute()
						.path("transferMember.errors").entityList(Object.class).get();
					// Refused only when already a member there: another transfer got in first.
					return errors.isEmpty();
				}));
			}
			for (Future<Boolean> run : runs) {
				if (run.get(120, TimeUnit.SECONDS)) {
					made++;
				}
			}

			assertThat(made).isGreaterThan(1);
			List<Map<String, Object>> history = history(member);
			assertThat(history).hasSize(earlier + made);
			// Oldest first: each transfer starts where the one before it ended, no earlier than it.
			List<Map<String, Object>> ours = new ArrayList<>(history.subList(0, made));
			Collections.reverse(ours);
			String org = start;
			Instant last = Instant.MIN;
			for (Map<String, Object> transfer : ours) {
				assertThat(id(transfer.get("from"))).as("history %s", ours).isEqualTo(org);
				Instant at = Instant.parse((String) transfer.get("at"));
				assertThat(at).as("history %s", ours).isAfterOrEqualTo(last);
				org = id(transfer.get("to"));
				last = at;
			}
			this.graphQl.document("{ member(id: \"" + member + "\") { org { id } } }")
				.execute()
				.path("member.org.id").entity(String.class).isEqualTo(org);
		}
		finally {
			pool.shutdown();
			restore();
		}
	}

	private void orgCases(List<String[]> cases, String field, String mutation) {
		cases.add(new String[] { field, mutation, this.outsideOrg });
	}

	private void memberCases(List<String[]> cases, String field, String mutation) {
		cases.add(new String[] { field, mutation, this.outsideMember });
	}

	/** The errors of the change with {@code id} in place, made by {@code hbt-admin}. */
	private List<Map<String, Object>> refusal(String field, String mutation, String id) {
		return errors(this.hbt, field, mutation, id);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static List<Map<String, Object>> errors(HttpGraphQlTester tester, String field, String mutation,
			String id) {
		String document = "mutation { " + String.format(mutation, id, "errors { item field message }") + " }";
		List<Map> errors = tester.document(document).execute().path(field + ".errors").entityList(Map.class).get();
		return (List) errors;
	}

	/** The errors with {@code id} written as {@code X}, as an unknown id's would read. */
	private static List<Map<String, Object>> normalised(List<Map<String, Object>> errors, String id) {
		return errors.stream().map((e) -> {
			Map<String, Object> copy = new LinkedHashMap<>();
			e.forEach((k, v) -> copy.put(k, (v instanceof String s) ? s.replace(id, "X") : v));
			return copy;
		}).toList();
	}

	private static void assertRootRefused(List<Map> errors, String done) {
		assertThat(errors).singleElement().satisfies((e) -> {
			assertThat(e.get("item")).isEqualTo("o-t-hbt");
			assertThat(e.get("field")).isEqualTo("id");
			assertThat((String) e.get("message")).contains("root of your scope", done).doesNotContain("o-county");
		});
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private List<Map<String, Object>> history(String member) {
		List<Map> transfers = this.graphQl
			.document("{ member(id: \"" + member + "\") { transfers { from { id } to { id } at } } }")
			.execute()
			.path("member.transfers").entityList(Map.class).get();
		return (List) transfers;
	}

	private static String id(Object org) {
		return (String) ((Map<?, ?>) org).get("id");
	}

	private String firstOrg(String within, String kind) {
		return this.graphQl
			.document("{ orgs(filter: {within: \"" + within + "\", kinds: [" + kind
					+ "]}, first: 1) { edges { node { id } } } }")
			.execute()
			.path("orgs.edges[0].node.id").entity(String.class).get();
	}

	private String directMemberOf(String org) {
		return this.graphQl
			.document("{ org(id: \"" + org + "\") { members(first: 1, direct: true) { edges { node { id } } } } }")
			.execute()
			.path("org.members.edges[0].node.id").entity(String.class).get();
	}

	private void restore() {
		this.importer.importDataset(HuairenCounty.dataset(), (step, done, total) -> {
		});
	}

}
