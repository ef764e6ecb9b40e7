package org.partygraph.queries.pattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partygraph.model.Dataset;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.seed.HuairenCounty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The pattern figures, instances and memberships on real Neo4j: the sample county against the
 * report's figures and against {@link ContractFigures} (the contract's definitions in plain Java),
 * and a tiny county where each definition has a near miss. Each nested class imports its own
 * dataset, as other test classes in the same JVM clear the database.
 */
class PatternQueriesIT {

	private static final AtomicInteger statements = new AtomicInteger();

	private final PatternQueries patterns = new PatternQueries(TestNeo4j.driver(), (nanos) -> statements.incrementAndGet());

	private static void load(Dataset dataset) {
		TestNeo4j.clear();
		new DatasetImporter(TestNeo4j.driver()).importDataset(dataset, ImportProgress.NONE);
	}

	/** All metrics of a summary as one map, key to value, in pattern and key order. */
	private static Map<String, Double> flat(List<PatternSummary> summary) {
		Map<String, Double> figures = new LinkedHashMap<>();
		summary.forEach((s) -> s.metrics().forEach((m) -> figures.put(m.key(), m.value())));
		return figures;
	}

	private List<PatternSummary> summaryInOneStatement(String within) {
		int before = statements.get();
		List<PatternSummary> summary = this.patterns.summary(within);
		assertThat(statements.get() - before).as("statements for summary(%s)", within).isEqualTo(1);
		return summary;
	}

	private List<PatternInstance> instancesInOneStatement(Pattern pattern, String within) {
		int before = statements.get();
		List<PatternInstance> instances = this.patterns.instances(pattern, within);
		assertThat(statements.get() - before).as("statements for instances(%s, %s)", pattern, within).isEqualTo(1);
		return instances;
	}

	@Test
	void metricKeysAreTheContractsInItsOrder() {
		assertThat(PatternQueries.METRIC_KEYS).containsExactly(
				entry(Pattern.ENTERPRISE_BASE, List.of("leadingEnterprises", "enterprisesWithOrg", "baseMembers", "coManaged")),
				entry(Pattern.INDUSTRY_PARK,
						List.of("townshipsWithIndustryGeneralBranch", "townshipsWithIndustryBranch", "parkBranches")),
				entry(Pattern.VILLAGE_COOPERATIVE, List.of("cooperatives", "cooperativeOrgs", "householdsDriven")),
				entry(Pattern.VILLAGE_TRADE_BRANCH, List.of("clusterVillages", "upgradedToGeneralBranch", "tradeBranches")));
		assertThat(Pattern.VILLAGE_COOPERATIVE.chineseName()).isEqualTo("村黨組織+農民合作社");
	}

	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class SampleCounty {

		private final Dataset county = HuairenCounty.dataset();

		@BeforeAll
		void importSampleCounty() {
			load(this.county);
		}

		@Test
		void countyFiguresAreTheReports() {
			List<PatternSummary> summary = summaryInOneStatement(null);
			assertThat(summary).extracting(PatternSummary::pattern).containsExactly(Pattern.values());
			Map<String, Double> expected = new LinkedHashMap<>();
			HuairenCounty.FIGURES.forEach((key, value) -> expected.put(key, value.doubleValue()));
			assertThat(flat(summary)).containsExactlyEntriesOf(expected);
			assertThat(flat(summary).get("householdsDriven")).isEqualTo(21_468.0);
		}

		@Test
		void withinHaibeitouTheFiguresAreTheContractsDefinitionsInJava() {
			Map<String, Double> figures = flat(summaryInOneStatement(HuairenCounty.HAIBEITOU_COMMITTEE));
			assertThat(figures).containsExactlyEntriesOf(ContractFigures.of(this.county, HuairenCounty.HAIBEITOU_COMMITTEE));
			// the enterprise in 海北頭鄉 is counted, but its org hangs under the working committee
			assertThat(figures).contains(entry("leadingEnterprises", 1.0), entry("enterprisesWithOrg", 0.0),
					entry("townshipsWithIndustryGeneralBranch", 1.0), entry("clusterVillages", 6.0),
					entry("upgradedToGeneralBranch", 4.0));
		}

		@Test
		void withinEveryCommitteeAndSomeBranchesTheFiguresAreTheContractsDefinitionsInJava() {
			List<String> within = new ArrayList<>();
			for (Org org : this.county.orgs()) {
				if (org.kind() == OrgKind.TOWNSHIP_COMMITTEE || org.kind() == OrgKind.WORKING_COMMITTEE
						|| org.kind() == OrgKind.COUNTY_COMMITTEE) {
					within.add(org.id());
				}
			}
			within.addAll(List.of(HuairenCounty.FIRST_ENTERPRISE_ORG, HuairenCounty.HAIBEITOU_SHEEP_GENERAL_BRANCH,
					HuairenCounty.XIAZHAI_GENERAL_BRANCH, HuairenCounty.LUZHUANG_GENERAL_BRANCH,
					HuairenCounty.YANFENGYING_GENERAL_BRANCH, "o-p-hbt-2", "o-i-wjy"));
			for (String id : within) {
				assertThat(flat(summaryInOneStatement(id))).as(id).containsExactlyEntriesOf(ContractFigures.of(this.county, id));
			}
		}

		@Test
		void anUnknownWithinIsAllZeros() {
			List<PatternSummary> summary = summaryInOneStatement("no-such-org");
			assertThat(summary).hasSize(4);
			assertThat(flat(summary)).hasSize(13).allSatisfy((key, value) -> assertThat(value).as(key).isZero());
			assertThat(instancesInOneStatement(Pattern.ENTERPRISE_BASE, "no-such-org")).isEmpty();
		}

		@Test
		void enterpriseInstancesAreTheFifteenDualManagedOrgs() {
			List<PatternInstance> instances = instancesInOneStatement(Pattern.ENTERPRISE_BASE, null);
			assertThat(instances).hasSize(15).allSatisfy((i) -> {
				assertThat(i.parts("CO_MANAGER")).singleElement()
					.satisfies((c) -> assertThat(c.kind()).isEqualTo("TOWNSHIP_COMMITTEE"));
				assertThat(i.parts("PARENT")).singleElement()
					.satisfies((p) -> assertThat(p.id()).isEqualTo(HuairenCounty.WORKING_COMMITTEE));
				assertThat(i.parts("ENTERPRISE")).hasSize(1);
				assertThat(i.parts("PRODUCTION_BASE")).isNotEmpty()
					.allSatisfy((b) -> assertThat(b.figure("households")).isPositive());
			});
			assertThat(instances.stream().mapToDouble((i) -> i.figure("baseMembers")).sum()).isEqualTo(105);
			// by pinyin (the stored nameSort), then id
			assertThat(instances).isSortedAccordingTo(Comparator
				.comparing((PatternInstance i) -> org.partygraph.model.NameKeys.sortKey(i.orgName()))
				.thenComparing(PatternInstance::orgId));
			PatternInstance first = instances.stream()
				.filter((i) -> i.orgId().equals(HuairenCounty.FIRST_ENTERPRISE_ORG))
				.findFirst()
				.orElseThrow();
			assertThat(first.orgKind()).isEqualTo("GENERAL_BRANCH");
			assertThat(first.parts("PRODUCTION_BASE")).hasSize(3);
			assertThat(first.parts("CHILD")).extracting(Part::id)
				.containsExactlyInAnyOrder(HuairenCounty.FIRST_ENTERPRISE_ORG + "-1", HuairenCounty.FIRST_ENTERPRISE_ORG + "-2");
			assertThat(first.parts("CO_MANAGER")).extracting(Part::id).containsExactly("o-t-jst");
			// the enterprise orgs hang under the working committee, not under a township
			assertThat(instancesInOneStatement(Pattern.ENTERPRISE_BASE, HuairenCounty.HAIBEITOU_COMMITTEE)).isEmpty();
			assertThat(instancesInOneStatement(Pattern.ENTERPRISE_BASE, HuairenCounty.WORKING_COMMITTEE)).hasSize(15);
		}

		@Test
		void industryParkInstancesAreTheIndustryOrgsAndTheParkBranches() {
			List<PatternInstance> instances = instancesInOneStatement(Pattern.INDUSTRY_PARK, null);
			List<PatternInstance> industryOrgs = instances.stream().filter((i) -> i.figure("industryOrg") == 1).toList();
			assertThat(industryOrgs).hasSize(10).allSatisfy((i) -> {
				assertThat(i.figure("secretaryIsTownshipDeputy")).isEqualTo(1);
				assertThat(i.parts("SECRETARY")).singleElement()
					.satisfies((s) -> assertThat(s.figure("townshipDeputySecretary")).isEqualTo(1));
				assertThat(i.parts("TOWNSHIP")).singleElement().satisfies((t) -> assertThat(t.kind()).isEqualTo("TOWNSHIP_COMMITTEE"));
				assertThat(i.parts("INDUSTRY")).extracting(Part::id).containsExactly(HuairenCounty.SHEEP_INDUSTRY);
			});
			assertThat(instances.stream().filter((i) -> i.figure("parkBranch") == 1)).hasSize(14)
				.allSatisfy((i) -> assertThat(i.parts("PARK")).isNotEmpty());
			PatternInstance haibeitou = instances.stream()
				.filter((i) -> i.orgId().equals(HuairenCounty.HAIBEITOU_SHEEP_GENERAL_BRANCH))
				.findFirst()
				.orElseThrow();
			assertThat(haibeitou.parts("TOWNSHIP")).extracting(Part::id).containsExactly(HuairenCounty.HAIBEITOU_COMMITTEE);
			assertThat(haibeitou.parts("PARK")).extracting(Part::id).containsExactlyInAnyOrder("u-p-hbt-1", "u-p-hbt-2");
			assertThat(haibeitou.parts("PARK_BRANCH")).extracting(Part::id).containsExactlyInAnyOrder("o-p-hbt-1", "o-p-hbt-2");
		}

		@Test
		void cooperativeInstancesDriveTheCountysHouseholds() {
			List<PatternInstance> instances = instancesInOneStatement(Pattern.VILLAGE_COOPERATIVE, null);
			assertThat(instances).hasSize(43);
			assertThat(instances.stream().mapToDouble((i) -> i.figure("householdsDriven")).sum())
				.isEqualTo(HuairenCounty.HOUSEHOLDS_DRIVEN);
			assertThat(instances).allSatisfy((i) -> {
				assertThat(i.parts("PARENT")).singleElement().satisfies((p) -> assertThat(p.kind()).isEqualTo("GENERAL_BRANCH"));
				assertThat(i.parts("VILLAGE")).hasSize(1);
				assertThat(i.parts("PARTY_GROUP")).isNotEmpty();
				assertThat(i.figure("chainComplete")).isEqualTo(1);
				assertThat(i.parts("PARTY_GROUP").stream().mapToDouble((g) -> g.figure("memberCount")).sum())
					.isEqualTo(i.figure("groupedMembers"));
			});
		}

		@Test
		void tradeBranchInstancesHoldTheEightyTwoTradeBranches() {
			List<PatternInstance> instances = instancesInOneStatement(Pattern.VILLAGE_TRADE_BRANCH, null);
			assertThat(instances.stream().mapToLong((i) -> i.parts("TRADE_BRANCH").size()).sum()).isEqualTo(82);
			assertThat(instances.stream().filter((i) -> i.figure("clusterVillage") == 1)).hasSize(32);
			assertThat(instances).allSatisfy((i) -> assertThat(i.parts("TRADE_BRANCH"))
				.allSatisfy((b) -> assertThat(b.trade()).isNotNull()));
			PatternInstance xiazhai = instances.stream()
				.filter((i) -> i.orgId().equals(HuairenCounty.XIAZHAI_GENERAL_BRANCH))
				.findFirst()
				.orElseThrow();
			assertThat(xiazhai.parts("VILLAGE")).extracting(Part::id).containsExactly(HuairenCounty.XIAZHAI_VILLAGE);
			assertThat(xiazhai.parts("PARENT")).extracting(Part::id).containsExactly(HuairenCounty.HAIBEITOU_COMMITTEE);
			assertThat(instancesInOneStatement(Pattern.VILLAGE_TRADE_BRANCH, HuairenCounty.HAIBEITOU_COMMITTEE)
				.stream()
				.mapToLong((i) -> i.parts("TRADE_BRANCH").size())
				.sum()).isEqualTo((long) ContractFigures.of(this.county, HuairenCounty.HAIBEITOU_COMMITTEE)
					.get("tradeBranches")
					.doubleValue());
		}

		@Test
		void patternsOfKnownOrgs() {
			String tradeBranch = this.county.orgs()
				.stream()
				.filter((o) -> HuairenCounty.XIAZHAI_GENERAL_BRANCH.equals(o.parent()) && o.trade() != null)
				.findFirst()
				.orElseThrow()
				.id();
			String cooperativeOrg = this.county.orgs()
				.stream()
				.filter((o) -> HuairenCounty.XIAZHAI_GENERAL_BRANCH.equals(o.parent()) && o.id().startsWith("o-c-"))
				.findFirst()
				.orElseThrow()
				.id();
			int before = statements.get();
			Map<String, List<Pattern>> of = PatternQueriesIT.this.patterns.patternsOf(List.of(
					HuairenCounty.FIRST_ENTERPRISE_ORG, HuairenCounty.FIRST_ENTERPRISE_ORG + "-1",
					HuairenCounty.HAIBEITOU_SHEEP_GENERAL_BRANCH, "o-p-hbt-2", HuairenCounty.XIAZHAI_GENERAL_BRANCH,
					tradeBranch, cooperativeOrg, HuairenCounty.COUNTY_COMMITTEE, HuairenCounty.HAIBEITOU_COMMITTEE,
					"no-such-org"));
			assertThat(statements.get() - before).isEqualTo(1);
			assertThat(of).containsOnly(entry(HuairenCounty.FIRST_ENTERPRISE_ORG, List.of(Pattern.ENTERPRISE_BASE)),
					entry(HuairenCounty.FIRST_ENTERPRISE_ORG + "-1", List.of(Pattern.ENTERPRISE_BASE)),
					entry(HuairenCounty.HAIBEITOU_SHEEP_GENERAL_BRANCH, List.of(Pattern.INDUSTRY_PARK)),
					entry("o-p-hbt-2", List.of(Pattern.INDUSTRY_PARK)),
					entry(HuairenCounty.XIAZHAI_GENERAL_BRANCH,
							List.of(Pattern.VILLAGE_COOPERATIVE, Pattern.VILLAGE_TRADE_BRANCH)),
					entry(tradeBranch, List.of(Pattern.VILLAGE_TRADE_BRANCH)),
					entry(cooperativeOrg, List.of(Pattern.VILLAGE_COOPERATIVE)),
					entry(HuairenCounty.COUNTY_COMMITTEE, List.of()), entry(HuairenCounty.HAIBEITOU_COMMITTEE, List.of()),
					entry("no-such-org", List.of()));
		}

	}

	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class TinyCountyDefinitions {

		@BeforeAll
		void importTinyCounty() {
			load(TinyCounty.dataset());
		}

		private Map<String, Double> figures(String within) {
			Map<String, Double> figures = flat(summaryInOneStatement(within));
			assertThat(figures).as("the Java reading of the contract, within %s", within)
				.containsExactlyEntriesOf(ContractFigures.of(TinyCounty.dataset(), within));
			return figures;
		}

		@Test
		void wholeGraph() {
			assertThat(figures(null)).containsExactly(
					// e3 has no org; o-e2's co-manager is the county committee, not a township
					entry("leadingEnterprises", 3.0), entry("enterprisesWithOrg", 2.0),
					// m1 works at a base of o-e1's enterprise, m4 at one of o-e2's; m2 works at a base
					// of another enterprise, m3 at the enterprise, m5's org is a village org
					entry("baseMembers", 2.0), entry("coManaged", 1.0),
					// o-i3's parent is no township; o-i2 and o-i4 share one
					entry("townshipsWithIndustryGeneralBranch", 1.0), entry("townshipsWithIndustryBranch", 1.0),
					// o-p1 is a JOINT_BRANCH and counts; o-p3 is a GENERAL_BRANCH and does not
					entry("parkBranches", 2.0),
					// u-co1 has two orgs and counts once (300), u-x1 7, u-co2 and u-x2 none
					entry("cooperatives", 4.0), entry("cooperativeOrgs", 3.0), entry("householdsDriven", 307.0),
					// u-v2 is a cluster village with only a branch; o-v3's village is no cluster but its
					// trade branch counts; o-e4-pr's general branch is set up in an enterprise
					entry("clusterVillages", 2.0), entry("upgradedToGeneralBranch", 1.0), entry("tradeBranches", 2.0));
		}

		@Test
		void withinATownship() {
			assertThat(figures("o-t1")).containsExactly(
					// u-e1 lies in the township but its org hangs under the working committee
					entry("leadingEnterprises", 1.0), entry("enterprisesWithOrg", 0.0), entry("baseMembers", 0.0),
					entry("coManaged", 0.0), entry("townshipsWithIndustryGeneralBranch", 1.0),
					entry("townshipsWithIndustryBranch", 0.0), entry("parkBranches", 1.0), entry("cooperatives", 1.0),
					entry("cooperativeOrgs", 2.0), entry("householdsDriven", 300.0), entry("clusterVillages", 1.0),
					entry("upgradedToGeneralBranch", 1.0), entry("tradeBranches", 2.0));
			assertThat(figures("o-t2")).containsExactly(entry("leadingEnterprises", 2.0), entry("enterprisesWithOrg", 0.0),
					entry("baseMembers", 0.0), entry("coManaged", 0.0), entry("townshipsWithIndustryGeneralBranch", 0.0),
					entry("townshipsWithIndustryBranch", 1.0), entry("parkBranches", 1.0),
					// u-x1 and u-x2 lie in each other, not in the township; o-x is under it
					entry("cooperatives", 1.0), entry("cooperativeOrgs", 1.0), entry("householdsDriven", 7.0),
					entry("clusterVillages", 1.0), entry("upgradedToGeneralBranch", 0.0), entry("tradeBranches", 0.0));
		}

		@Test
		void withinTheWorkingCommitteeWhichIsSetUpInNothing() {
			assertThat(figures("o-npe")).containsExactly(entry("leadingEnterprises", 0.0),
					entry("enterprisesWithOrg", 0.0), entry("baseMembers", 2.0), entry("coManaged", 1.0),
					entry("townshipsWithIndustryGeneralBranch", 0.0), entry("townshipsWithIndustryBranch", 0.0),
					entry("parkBranches", 0.0), entry("cooperatives", 0.0), entry("cooperativeOrgs", 0.0),
					entry("householdsDriven", 0.0), entry("clusterVillages", 0.0), entry("upgradedToGeneralBranch", 0.0),
					entry("tradeBranches", 0.0));
		}

		@Test
		void withinTheCountyUnitsOutsideTheCountyUnitAreLeftOut() {
			Map<String, Double> county = figures("o-county");
			assertThat(county).contains(entry("leadingEnterprises", 3.0), entry("enterprisesWithOrg", 2.0),
					// the cycle u-x1/u-x2 lies in no unit of the county
					entry("cooperatives", 2.0), entry("householdsDriven", 307.0), entry("clusterVillages", 2.0));
		}

		@Test
		void theUnitsTheWithinOrgIsSetUpInAreNotInItsScope() {
			// o-v1 is set up in u-v1, a cluster village: u-v1 is not located in itself
			assertThat(figures("o-v1")).contains(entry("clusterVillages", 0.0), entry("upgradedToGeneralBranch", 0.0),
					entry("cooperatives", 1.0), entry("cooperativeOrgs", 2.0), entry("householdsDriven", 300.0),
					entry("tradeBranches", 1.0));
			// o-x is set up in u-x1; u-x2 lies in u-x1, and u-x1 lies in itself only round the cycle
			assertThat(figures("o-x")).contains(entry("cooperatives", 1.0), entry("cooperativeOrgs", 1.0),
					entry("householdsDriven", 7.0));
			// an industry org alone still counts its township, and a trade branch alone itself
			assertThat(figures("o-i1")).contains(entry("townshipsWithIndustryGeneralBranch", 1.0), entry("parkBranches", 1.0));
			assertThat(figures("o-v3-pl")).contains(entry("tradeBranches", 1.0));
		}

		@Test
		void enterpriseInstances() {
			List<PatternInstance> instances = instancesInOneStatement(Pattern.ENTERPRISE_BASE, null);
			assertThat(instances).extracting(PatternInstance::orgId).containsExactly("o-e1", "o-e2");
			// by pinyin: 甲 (jia) before the other
			PatternInstance e1 = instances.get(0);
			assertThat(e1).isEqualTo(new PatternInstance(Pattern.ENTERPRISE_BASE, "o-e1", "甲肉業公司黨支部", "BRANCH",
					List.of(new Part("ENTERPRISE", "u-e1", "甲肉業公司", "ENTERPRISE", null, List.of()),
							new Part("PRODUCTION_BASE", "u-b1", "甲村養殖基地", "PRODUCTION_BASE", null,
									List.of(new Metric("households", 100), new Metric("baseMembers", 1))),
							new Part("PARENT", "o-npe", "非公經濟組織工委", "WORKING_COMMITTEE", null, List.of()),
							new Part("CO_MANAGER", "o-t1", "甲鄉黨委", "TOWNSHIP_COMMITTEE", null, List.of())),
					List.of(new Metric("baseMembers", 1), new Metric("households", 100), new Metric("memberCount", 3),
							new Metric("townshipCoManagers", 1))));
			assertThat(instances.get(1).parts("CO_MANAGER")).extracting(Part::kind).containsExactly("COUNTY_COMMITTEE");
			assertThat(instances.get(1).figure("townshipCoManagers")).isZero();
		}

		@Test
		void industryParkInstances() {
			List<PatternInstance> instances = instancesInOneStatement(Pattern.INDUSTRY_PARK, null);
			assertThat(instances).extracting(PatternInstance::orgId)
				.containsExactlyInAnyOrder("o-i1", "o-i2", "o-i4", "o-p1", "o-p2");
			PatternInstance i1 = instances.stream().filter((i) -> i.orgId().equals("o-i1")).findFirst().orElseThrow();
			assertThat(i1.parts()).extracting(Part::role, Part::id)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("TOWNSHIP", "o-t1"),
						org.assertj.core.groups.Tuple.tuple("PARENT", "o-t1"),
						org.assertj.core.groups.Tuple.tuple("INDUSTRY", "u-sheep"),
						org.assertj.core.groups.Tuple.tuple("PARK", "u-p1"),
						org.assertj.core.groups.Tuple.tuple("PARK_BRANCH", "o-p1"),
						org.assertj.core.groups.Tuple.tuple("SECRETARY", "m8"));
			assertThat(i1.parts("SECRETARY").get(0).kind()).isEqualTo("MEMBER");
			assertThat(i1.figures()).containsExactly(new Metric("industryOrg", 1), new Metric("parkBranch", 0),
					new Metric("memberCount", 1), new Metric("unitsSetUpIn", 1), new Metric("secretaryIsTownshipDeputy", 1));
			PatternInstance i2 = instances.stream().filter((i) -> i.orgId().equals("o-i2")).findFirst().orElseThrow();
			assertThat(i2.figure("secretaryIsTownshipDeputy")).isZero();
			PatternInstance p1 = instances.stream().filter((i) -> i.orgId().equals("o-p1")).findFirst().orElseThrow();
			// a joint branch: its township is above its parent, its other unit an enterprise
			assertThat(p1.parts()).extracting(Part::role, Part::id)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("TOWNSHIP", "o-t1"),
						org.assertj.core.groups.Tuple.tuple("PARENT", "o-i1"),
						org.assertj.core.groups.Tuple.tuple("INDUSTRY", "u-sheep"),
						org.assertj.core.groups.Tuple.tuple("PARK", "u-p1"),
						org.assertj.core.groups.Tuple.tuple("UNIT", "u-e4"));
			assertThat(p1.figure("unitsSetUpIn")).isEqualTo(2);
		}

		@Test
		void cooperativeAndTradeBranchInstances() {
			List<PatternInstance> cooperatives = instancesInOneStatement(Pattern.VILLAGE_COOPERATIVE, "o-t1");
			assertThat(cooperatives).extracting(PatternInstance::orgId).containsExactly("o-v1-co", "o-v1-co2");
			PatternInstance co = cooperatives.get(0);
			assertThat(co.parts()).extracting(Part::role, Part::id)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("PARENT", "o-v1"),
						org.assertj.core.groups.Tuple.tuple("VILLAGE", "u-v1"),
						org.assertj.core.groups.Tuple.tuple("COOPERATIVE", "u-co1"),
						org.assertj.core.groups.Tuple.tuple("INDUSTRY", "u-sheep"),
						org.assertj.core.groups.Tuple.tuple("PARTY_GROUP", "o-v1-co-g"));
			assertThat(co.figures()).containsExactly(new Metric("householdsDriven", 300), new Metric("memberCount", 1),
					new Metric("partyGroups", 1), new Metric("groupedMembers", 1), new Metric("chainComplete", 1));
			assertThat(cooperatives.get(1).figure("chainComplete")).isZero();

			List<PatternInstance> villages = instancesInOneStatement(Pattern.VILLAGE_TRADE_BRANCH, null);
			assertThat(villages).extracting(PatternInstance::orgId).containsExactlyInAnyOrder("o-v1", "o-v3");
			PatternInstance v1 = villages.stream().filter((i) -> i.orgId().equals("o-v1")).findFirst().orElseThrow();
			assertThat(v1.parts("TRADE_BRANCH")).singleElement().satisfies((b) -> {
				assertThat(b.id()).isEqualTo("o-v1-br");
				assertThat(b.trade()).isEqualTo("BREEDING");
				assertThat(b.figure("memberCount")).isEqualTo(1);
			});
			assertThat(v1.parts("CHILD")).extracting(Part::id).containsExactlyInAnyOrder("o-v1-co", "o-v1-co2");
			assertThat(v1.figures()).containsExactly(new Metric("clusterVillage", 1), new Metric("tradeBranches", 1),
					new Metric("tradeBranchMembers", 1), new Metric("memberCount", 3));
		}

		@Test
		void patternsOf() {
			int before = statements.get();
			Map<String, List<Pattern>> of = PatternQueriesIT.this.patterns.patternsOf(
					List.of("o-e1", "o-e4", "o-i1", "o-i3", "o-p1", "o-p3", "o-v1", "o-v1-br", "o-v1-co", "o-v3",
							"o-v2", "o-e4-pr", "o-x"));
			assertThat(statements.get() - before).isEqualTo(1);
			assertThat(of).containsOnly(entry("o-e1", List.of(Pattern.ENTERPRISE_BASE)), entry("o-e4", List.of()),
					entry("o-i1", List.of(Pattern.INDUSTRY_PARK)), entry("o-i3", List.of()),
					entry("o-p1", List.of(Pattern.INDUSTRY_PARK)), entry("o-p3", List.of()),
					entry("o-v1", List.of(Pattern.VILLAGE_COOPERATIVE, Pattern.VILLAGE_TRADE_BRANCH)),
					entry("o-v1-br", List.of(Pattern.VILLAGE_TRADE_BRANCH)),
					entry("o-v1-co", List.of(Pattern.VILLAGE_COOPERATIVE)),
					entry("o-v3", List.of(Pattern.VILLAGE_TRADE_BRANCH)), entry("o-v2", List.of()),
					entry("o-e4-pr", List.of()), entry("o-x", List.of(Pattern.VILLAGE_COOPERATIVE)));
		}

	}

}
