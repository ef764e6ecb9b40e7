package org.partygraph.queries;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Member;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Problem;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetWriter;
import org.partygraph.queries.change.ChangeRejectedException;
import org.partygraph.queries.change.Election;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.StatementListener;
import org.partygraph.queries.read.TermQueries;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.rules.Terms;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.write.EventDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Terms and elections (換屆) against a real Neo4j: recordElection replaces the holders of the
 * elected offices and keeps the term on the org, refusals name the field and write nothing,
 * termsDue answers per kind and scope, the term rules fire on the stored dates, and party-graph/2
 * carries electedOn and probationSince through export and import.
 *
 * <pre>
 * o-county (COUNTY_COMMITTEE)
 * ├── o-hbt (TOWNSHIP_COMMITTEE)
 * │   └── o-xz (GENERAL_BRANCH)             a1
 * │       └── o-xz-b (BRANCH)               b1 (SECRETARY here), b2 (COMMITTEE_MEMBER here), b3
 * │           └── o-xz-g1 (PARTY_GROUP)
 * └── o-npe (WORKING_COMMITTEE)
 *     └── o-e1 (BRANCH)                     e1
 * </pre>
 */
class TermsIT {

	private static final LocalDate IMPORTED = LocalDate.of(2026, 1, 1);

	private final EventDates dates = new EventDates(
			Clock.fixed(LocalDate.of(2026, 12, 5).atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC")), 0);

	private final OrgChanges changes = new OrgChanges(TestNeo4j.driver(), this.dates);

	private final TermQueries terms = new TermQueries(TestNeo4j.driver(), StatementListener.NONE);

	private final DatasetExporter exporter = new DatasetExporter(TestNeo4j.driver());

	@BeforeEach
	void load() {
		TestNeo4j.load(county(), this.dates, IMPORTED);
	}

	@AfterAll
	static void clean() {
		TestNeo4j.clear();
	}

	/** The small county with offices at o-xz-b: b1 its secretary, b2 a committee member. */
	static Dataset county() {
		Dataset small = SmallCounty.dataset();
		List<Member> members = new ArrayList<>();
		for (Member m : small.members()) {
			members.add(switch (m.id()) {
				case "b1" -> m.withRoles(List.of(new RoleAssignment("o-xz-b", Role.SECRETARY)));
				case "b2" -> m.withRoles(List.of(new RoleAssignment("o-xz-b", Role.COMMITTEE_MEMBER)));
				default -> m;
			});
		}
		return new Dataset(small.name(), small.units(), small.orgs(), members);
	}

	private OrgChanges on(String day) {
		return this.changes.on(LocalDate.parse(day)).by("alice");
	}

	// recordElection

	@Test
	void anElectionReplacesTheHoldersSetsTheTermAndLogsItsEvents() {
		Election done = on("2026-03-01").recordElection("o-xz-b", "b2", List.of("b3"), List.of("b1"));

		assertThat(offices("o-xz-b")).containsExactly("b1 COMMITTEE_MEMBER", "b2 SECRETARY", "b3 DEPUTY_SECRETARY");
		assertThat(done.removed()).extracting((h) -> h.member() + " " + h.role())
			.containsExactlyInAnyOrder("b1 SECRETARY", "b2 COMMITTEE_MEMBER");
		assertThat(done.assigned()).hasSize(3);
		assertThat(orgValue("o-xz-b", "toString(o.electedOn)")).isEqualTo("2026-03-01");
		assertThat(orgValue("o-xz-b", "o.hasCommittee")).isEqualTo(true);
		// hasCommittee was not given by the dataset: null -> true.
		assertThat(events("o-xz-b")).containsExactly(tuple("ELECTED", "2026-03-01"),
				tuple("COMMITTEE_CHANGED", "2026-03-01"), tuple("ROLE_REMOVED", "2026-03-01"),
				tuple("ROLE_REMOVED", "2026-03-01"), tuple("ROLE_ASSIGNED", "2026-03-01"),
				tuple("ROLE_ASSIGNED", "2026-03-01"), tuple("ROLE_ASSIGNED", "2026-03-01"));

		// The next election, without a committee: the previous term ends, hasCommittee goes false.
		on("2026-06-01").recordElection("o-xz-b", "b2", null, null);
		assertThat(offices("o-xz-b")).containsExactly("b2 SECRETARY");
		assertThat(orgValue("o-xz-b", "toString(o.electedOn)")).isEqualTo("2026-06-01");
		assertThat(orgValue("o-xz-b", "o.hasCommittee")).isEqualTo(false);
		assertThat(TestNeo4j.count("MATCH (e:Event {org: 'o-xz-b', kind: 'COMMITTEE_CHANGED'}) RETURN count(e)"))
			.isEqualTo(2);
		assertThat(TestNeo4j.count(
				"MATCH (e:Event {org: 'o-xz-b', kind: 'ELECTED', before: '2026-03-01', after: '2026-06-01'}) RETURN count(e)"))
			.isEqualTo(1);
		// Offices at other orgs are untouched.
		assertThat(TestNeo4j.count("MATCH (:Member)-[h:HOLDS]->(o:Org) WHERE o.id <> 'o-xz-b' RETURN count(h)"))
			.isZero();
	}

	@Test
	void aSecretaryOfAnOrgAboveIsAMemberOfItsSubtree() {
		on("2026-03-01").recordElection("o-hbt", "b1", List.of("a1"), List.of());
		assertThat(offices("o-hbt")).containsExactly("a1 DEPUTY_SECRETARY", "b1 SECRETARY");
		// b1 still holds SECRETARY at its own branch: an election changes the offices of its org only.
		assertThat(offices("o-xz-b")).contains("b1 SECRETARY");
	}

	@Test
	void refusalsNameTheFieldAndWriteNothing() {
		assertRefused(() -> on("2026-03-01").recordElection("o-xz-b", "e1", null, null), "o-xz-b", "secretary",
				"'e1' is not a member of 'o-xz-b' (BRANCH)");
		assertRefused(() -> on("2026-03-01").recordElection("o-xz-b", "nobody", null, null), "o-xz-b", "secretary",
				"no member 'nobody'");
		assertRefused(() -> on("2026-03-01").recordElection("o-xz-b", "b1", List.of("b2"), List.of("b2")), "o-xz-b",
				"committee[0]", "already named in deputies[0]");
		assertRefused(() -> on("2026-03-01").recordElection("o-xz-b", "b1", List.of("b1"), null), "o-xz-b",
				"deputies[0]", "already named in secretary");
		assertRefused(() -> on("2026-03-01").recordElection("o-none", "b1", null, null), "o-none", "org",
				"no org 'o-none'");
		assertRefused(() -> on("2026-03-01").recordElection("o-xz-g1", "b1", null, null), "o-xz-g1", "org",
				"is a PARTY_GROUP");
		// Before the import that brought the org in.
		assertRefused(() -> on("2025-12-01").recordElection("o-xz-b", "b1", null, null), "o-xz-b", "on",
				"before the latest change recorded");
		// Outside the caller's scope: refused exactly as an unknown org.
		assertRefused(() -> on("2026-03-01").within(WriteScope.of("o-npe")).recordElection("o-xz-b", "b1", null, null),
				"o-xz-b", "org", "no org 'o-xz-b'");
		// Before the org's latest election.
		on("2026-03-01").recordElection("o-xz-b", "b1", null, null);
		assertRefused(() -> on("2026-02-01").recordElection("o-xz-b", "b2", null, null), "o-xz-b", "on",
				"on 2026-03-01); a change may not be dated before");
	}

	// Org.term, termsDue

	@Test
	void termsDueSoonestFirstPerKindAndScope() {
		on("2026-02-01").recordElection("o-xz-b", "b1", null, null);
		on("2026-01-15").recordElection("o-xz", "a1", null, null);
		on("2026-01-20").recordElection("o-e1", "e1", null, null);

		Terms defaults = Terms.DEFAULTS;
		// 5 years for every kind: o-xz (2031-01-15), o-e1 (2031-01-20), o-xz-b (2031-02-01).
		assertThat(ids(this.terms.due(null, LocalDate.of(2032, 1, 1), defaults.yearsByKindName())))
			.containsExactly("o-xz", "o-e1", "o-xz-b");
		assertThat(ids(this.terms.due(null, LocalDate.of(2031, 1, 20), defaults.yearsByKindName())))
			.as("before is excluded").containsExactly("o-xz");
		assertThat(ids(this.terms.due("o-hbt", LocalDate.of(2032, 1, 1), defaults.yearsByKindName())))
			.as("within o-hbt").containsExactly("o-xz", "o-xz-b");
		assertThat(this.terms.due("o-npe", LocalDate.of(2031, 1, 1), defaults.yearsByKindName())).isEmpty();

		// Branches 3 years: o-e1 (2029-01-20), o-xz-b (2029-02-01), then o-xz (2031-01-15).
		Map<OrgKind, Integer> years = Terms.defaultYears();
		years.put(OrgKind.BRANCH, 3);
		Terms threeYearBranches = new Terms(years, Clock.systemUTC());
		assertThat(ids(this.terms.due(null, LocalDate.of(2032, 1, 1), threeYearBranches.yearsByKindName())))
			.containsExactly("o-e1", "o-xz-b", "o-xz");
		assertThat(threeYearBranches.endsOn(OrgKind.BRANCH, LocalDate.of(2026, 2, 1))).isEqualTo("2029-02-01");
		assertThat(threeYearBranches.endsOn(OrgKind.PARTY_GROUP, LocalDate.of(2026, 2, 1))).isNull();
		years.put(OrgKind.GENERAL_BRANCH, 0);
		assertThat(ids(this.terms.due(null, LocalDate.of(2040, 1, 1), new Terms(years, Clock.systemUTC())
			.yearsByKindName()))).as("a kind with 0 years has no term").containsExactly("o-e1", "o-xz-b");

		// The row Org.term is computed from.
		OrgRow row = this.terms.due("o-hbt", LocalDate.of(2032, 1, 1), defaults.yearsByKindName()).get(1);
		assertThat(row.electedOn()).isEqualTo("2026-02-01");
		assertThat(defaults.endsOn(row.kind(), row.electedOn())).isEqualTo("2031-02-01");
	}

	// TERM_EXPIRED and TERM_ENDING on the stored dates

	@Test
	void theTermRulesFireOnTheStoredDates() {
		on("2026-02-01").recordElection("o-xz-b", "b1", null, List.of("b2", "b3"));
		on("2026-01-15").recordElection("o-xz", "a1", null, null);
		on("2026-01-20").recordElection("o-e1", "e1", null, null);
		Terms on20310125 = new Terms(Terms.defaultYears(),
				Clock.fixed(LocalDate.of(2031, 1, 25).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneId.of("UTC")));
		ComplianceQueries compliance = new ComplianceQueries(this.exporter,
				new RuleChecker(RuleThresholds.DEFAULTS, on20310125), PatternFigures::of);

		List<ComplianceIssue> issues = compliance.issues(null, Set.of(Rule.TERM_EXPIRED, Rule.TERM_ENDING));
		assertThat(issues).extracting(ComplianceIssue::rule, ComplianceIssue::orgId, ComplianceIssue::actual)
			.containsExactlyInAnyOrder(tuple(Rule.TERM_EXPIRED, "o-xz", 10), tuple(Rule.TERM_EXPIRED, "o-e1", 5),
					tuple(Rule.TERM_ENDING, "o-xz-b", 7));
		assertThat(issues).filteredOn((i) -> i.rule() == Rule.TERM_EXPIRED)
			.allSatisfy((i) -> assertThat(i.suggestion()).contains("recordElection"));
		// Within a scope only its orgs.
		assertThat(compliance.issues("o-npe", Set.of(Rule.TERM_EXPIRED, Rule.TERM_ENDING)))
			.extracting(ComplianceIssue::orgId)
			.containsExactly("o-e1");

		// An election renews the term: no issue left at o-e1 (its day is after the import's, before "today").
		on("2026-11-01").recordElection("o-e1", "e1", null, null);
		assertThat(compliance.issues("o-npe", Set.of(Rule.TERM_EXPIRED, Rule.TERM_ENDING))).isEmpty();
	}

	// party-graph/2

	@Test
	void exportWritesFormat2AndAnImportKeepsElectedOnAndProbationSince() throws Exception {
		on("2026-02-01").recordElection("o-xz-b", "b1", null, null);
		TestNeo4j.driver()
			.executableQuery("MATCH (m:Member {id: 'b3'}) SET m.probationSince = date('2026-04-30')")
			.execute();
		Dataset exported = this.exporter.exportAll();
		String json = DatasetWriter.pretty().writeToString(exported);
		assertThat(json).contains("\"format\": \"party-graph/2\"", "\"electedOn\": \"2026-02-01\"",
				"\"probationSince\": \"2026-04-30\"");

		TestNeo4j.clear();
		Dataset read = DatasetFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
		new DatasetImporter(TestNeo4j.driver(), this.dates).importDataset(read, ImportProgress.NONE, IMPORTED, "admin");
		assertThat(orgValue("o-xz-b", "toString(o.electedOn)")).isEqualTo("2026-02-01");
		assertThat(TestNeo4j.count("MATCH (m:Member {id: 'b3'}) WHERE m.probationSince = date('2026-04-30') RETURN count(m)"))
			.isEqualTo(1);
		assertThat(this.exporter.exportAll()).isEqualTo(exported);
	}

	@Test
	void format1StillImportsAndMayNotUseTheNewKeys() throws Exception {
		String v1 = """
				{"format": "party-graph/1", "name": "一縣", "units": [],
				 "orgs": [{"id": "v1-c", "kind": "COUNTY_COMMITTEE", "name": "一縣委"}],
				 "members": [{"id": "v1-m", "name": "張三", "status": "FULL", "org": "v1-c"}]}
				""";
		Dataset read = DatasetFormat.read(new ByteArrayInputStream(v1.getBytes(StandardCharsets.UTF_8)));
		new DatasetImporter(TestNeo4j.driver(), this.dates).importDataset(read, ImportProgress.NONE, IMPORTED, "admin");
		assertThat(TestNeo4j.count("MATCH (o:Org {id: 'v1-c'}) WHERE o.electedOn IS NULL RETURN count(o)")).isEqualTo(1);

		Throwable thrown = catchThrowable(() -> DatasetFormat.read(new ByteArrayInputStream(
				v1.replace("\"一縣委\"", "\"一縣委\", \"electedOn\": \"2024-01-01\"").getBytes(StandardCharsets.UTF_8))));
		assertThat(thrown).isInstanceOf(InvalidDatasetException.class);
		assertThat(((InvalidDatasetException) thrown).problems()).extracting(Problem::item, Problem::field)
			.containsExactly(tuple("v1-c", "electedOn"));

		Throwable badDate = catchThrowable(() -> DatasetFormat.read(new ByteArrayInputStream(v1
			.replace("party-graph/1", "party-graph/2")
			.replace("\"一縣委\"", "\"一縣委\", \"electedOn\": \"2024-02-30\"")
			.getBytes(StandardCharsets.UTF_8))));
		assertThat(((InvalidDatasetException) badDate).problems()).extracting(Problem::item, Problem::field)
			.containsExactly(tuple("v1-c", "electedOn"));
	}

	private static void assertRefused(ThrowingCallable change, String item, String field, String message) {
		List<String> before = GraphSnapshot.take();
		long events = TestNeo4j.count("MATCH (e:Event) RETURN count(e)");
		Throwable thrown = catchThrowable(change);
		assertThat(thrown).isInstanceOf(ChangeRejectedException.class);
		assertThat(((ChangeRejectedException) thrown).problems()).anySatisfy((p) -> {
			assertThat(p.item()).isEqualTo(item);
			assertThat(p.field()).isEqualTo(field);
			assertThat(p.message()).contains(message);
		});
		assertThat(GraphSnapshot.take()).as("nothing written").isEqualTo(before);
		assertThat(TestNeo4j.count("MATCH (e:Event) RETURN count(e)")).as("no event").isEqualTo(events);
	}

	private static List<String> offices(String org) {
		return TestNeo4j.driver()
			.executableQuery("MATCH (m:Member)-[h:HOLDS]->(:Org {id: $org}) RETURN m.id + ' ' + h.role AS o ORDER BY o")
			.withParameters(Map.of("org", org))
			.execute()
			.records()
			.stream()
			.map((r) -> r.get("o").asString())
			.toList();
	}

	private static Object orgValue(String id, String expression) {
		return TestNeo4j.driver()
			.executableQuery("MATCH (o:Org {id: $id}) RETURN " + expression + " AS v")
			.withParameters(Map.of("id", id))
			.execute()
			.records()
			.get(0)
			.get("v")
			.asObject();
	}

	private static List<org.assertj.core.groups.Tuple> events(String org) {
		return TestNeo4j.driver()
			.executableQuery("MATCH (e:Event {org: $org}) WHERE e.kind <> 'IMPORTED' RETURN e.kind AS kind, toString(e.on) AS on ORDER BY e.recordedAt, e.seq")
			.withParameters(Map.of("org", org))
			.execute()
			.records()
			.stream()
			.map((r) -> tuple(r.get("kind").asString(), r.get("on").asString()))
			.toList();
	}

	private static List<String> ids(List<OrgRow> rows) {
		return rows.stream().map(OrgRow::id).toList();
	}

}
