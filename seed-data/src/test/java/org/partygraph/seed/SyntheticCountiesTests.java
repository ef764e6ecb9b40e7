package org.partygraph.seed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partygraph.model.Candidate;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.Dataset;
import org.partygraph.model.DatasetValidator;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The synthetic generator: deterministic, valid, shaped like the sample county, streamed. */
class SyntheticCountiesTests {

	@TempDir
	Path dir;

	@Test
	void sameSeedGivesTheSameItemsAndAnotherSeedOtherPeople() {
		Dataset first = collect(new SyntheticCounties(2, 2, 7));
		Dataset again = collect(new SyntheticCounties(2, 2, 7));
		Dataset other = collect(new SyntheticCounties(2, 2, 8));
		assertThat(again).isEqualTo(first);
		// the same structure of committees; people (and so branch sizes) differ
		assertThat(committees(other)).isEqualTo(committees(first)).isNotEmpty();
		assertThat(other.members().subList(0, 100)).extracting(Member::name)
			.isNotEqualTo(first.members().subList(0, 100).stream().map(Member::name).toList());
	}

	@Test
	void laterBlocksShareTheCountysCommitteesUnitAndIndustries() {
		SyntheticCounties generator = new SyntheticCounties(2, 3, 1);
		Dataset counties = collect(generator);
		int units = 0;
		int orgs = 0;
		int members = 0;
		for (int county = 0; county < 2; county++) {
			for (int block = 0; block < 3; block++) {
				// each block is the sample county built from its own seed, less what the first block brings
				Dataset sample = HuairenCounty.dataset(generator.blockSeed(county, block));
				boolean later = block > 0;
				units += sample.units().size() - (later ? (int) sample.units()
					.stream()
					.filter((u) -> u.kind() == UnitKind.INDUSTRY || u.kind() == UnitKind.COUNTY)
					.count() : 0);
				orgs += sample.orgs().size() - (later ? 3 : 0);
				members += sample.members().size() - (later ? (int) sample.members()
					.stream()
					.filter((m) -> m.org().equals(HuairenCounty.COUNTY_OFFICE_BRANCH))
					.count() : 0);
			}
		}
		assertThat(counties.units()).hasSize(units);
		assertThat(counties.orgs()).hasSize(orgs);
		assertThat(counties.members()).hasSize(members);
		assertThat(members).isBetween(2 * 3 * 5_000, 2 * 3 * 6_000);
		// one root per county, and each county's townships of all three blocks under it
		List<Org> roots = counties.orgs().stream().filter((o) -> o.parent() == null).toList();
		assertThat(roots).extracting(Org::id)
			.containsExactly(SyntheticCounties.countyCommittee(0), SyntheticCounties.countyCommittee(1));
		long townships = HuairenCounty.dataset().orgs().stream().filter((o) -> o.kind() == OrgKind.TOWNSHIP_COMMITTEE).count();
		assertThat(counties.orgs()
			.stream()
			.filter((o) -> SyntheticCounties.countyCommittee(1).equals(o.parent()))
			.filter((o) -> o.kind() == OrgKind.TOWNSHIP_COMMITTEE)).hasSize(3 * (int) townships);
		// one secretary of each county committee, not one per block
		assertThat(counties.members()
			.stream()
			.flatMap((m) -> m.roles().stream())
			.filter((r) -> r.org().equals(SyntheticCounties.countyCommittee(0)))
			.map((r) -> r.role())
			.filter((r) -> r == org.partygraph.model.Role.SECRETARY)).hasSize(1);
	}

	@Test
	void everyBlockCarriesThePlantedBreaksAndTheCountysName() {
		Dataset counties = collect(new SyntheticCounties(3, 2, 1));
		Set<String> orgIds = counties.orgs().stream().map(Org::id).collect(Collectors.toSet());
		for (int county = 0; county < 3; county++) {
			for (int block = 0; block < 2; block++) {
				for (String planted : HuairenCounty.PLANTED_BREAKS.values()) {
					assertThat(orgIds).contains(SyntheticCounties.id(county, block, planted));
				}
			}
			String root = SyntheticCounties.countyCommittee(county);
			String name = SyntheticCounties.countyName(county);
			assertThat(counties.orgs().stream().filter((o) -> o.id().equals(root)).findFirst().orElseThrow().name())
				.isEqualTo("中共" + name + "委");
		}
		assertThat(counties.orgs()).noneMatch((o) -> o.name().contains("懷仁"));
		assertThat(Set.of(SyntheticCounties.countyName(0), SyntheticCounties.countyName(1),
				SyntheticCounties.countyName(2))).hasSize(3);
	}

	@Test
	void countyNamesAreDistinctForAProvince() {
		Set<String> names = new java.util.HashSet<>();
		for (int county = 0; county < 400; county++) {
			names.add(SyntheticCounties.countyName(county));
		}
		assertThat(names).hasSize(400);
		assertThatIllegalArgumentException().isThrownBy(() -> new SyntheticCounties(401, 1, 1))
			.withMessageContaining("counties must be between 1 and 400");
	}

	@Test
	void writtenFileIsValidAndReadsBackToTheSameItems() throws IOException {
		SyntheticCounties generator = new SyntheticCounties(2, 2, 3);
		Path file = this.dir.resolve("two.json");
		List<Integer> progress = new ArrayList<>();
		long[] counts = generator.write(file, generator.defaultName(), (done, total, members) -> progress.add(done));
		assertThat(progress).containsExactly(1, 2);
		Dataset read = DatasetFormat.read(file);
		Dataset expected = collect(generator);
		assertThat(read.name()).isEqualTo("合成省(2縣,種子3)");
		assertThat(read.units()).isEqualTo(expected.units());
		assertThat(read.orgs()).isEqualTo(expected.orgs());
		assertThat(read.members()).isEqualTo(expected.members());
		assertThat(counts).startsWith(expected.units().size(), expected.orgs().size(), expected.members().size());
		assertThat(DatasetValidator.validate(read)).isEmpty();
	}

	/**
	 * Issue #21: every block carries the member lifecycle, valid under the dataset validator and
	 * deterministic by seed: candidates at every stage in most villages, with their records;
	 * first secretaries sent from county-level orgs to a share of the villages; a few percent of the
	 * members away at other orgs.
	 */
	@Test
	void theCountiesCarryCandidatesDispatchesAndMembersAwayInRealisticProportions() {
		SyntheticCounties generator = new SyntheticCounties(2, 2, 11);
		Dataset counties = collectAll(generator);
		assertThat(DatasetValidator.validate(counties)).as("hard rules, the lifecycle's included").isEmpty();
		assertThat(collectAll(new SyntheticCounties(2, 2, 11))).isEqualTo(counties);
		Dataset other = collectAll(new SyntheticCounties(2, 2, 12));
		assertThat(other.dispatches()).isNotEqualTo(counties.dispatches());
		assertThat(other.candidates().stream().map(Candidate::name).toList())
			.isNotEqualTo(counties.candidates().stream().map(Candidate::name).toList());

		java.util.Map<String, Org> orgs = counties.orgs().stream().collect(Collectors.toMap(Org::id, (o) -> o));
		java.util.Map<String, Unit> units = counties.units().stream().collect(Collectors.toMap(Unit::id, (u) -> u));
		java.util.Map<String, Member> members = counties.members().stream().collect(Collectors.toMap(Member::id, (m) -> m));
		// A village is the top org set up in a VILLAGE unit, right under a township committee.
		List<Org> villages = counties.orgs()
			.stream()
			.filter((o) -> o.parent() != null && orgs.get(o.parent()).kind() == OrgKind.TOWNSHIP_COMMITTEE)
			.filter((o) -> o.units().stream().anyMatch((u) -> units.get(u).kind() == UnitKind.VILLAGE))
			.toList();
		assertThat(villages).hasSizeGreaterThan(4 * 100);

		// Candidates: applicants, activists and targets in most villages, each with its records.
		Set<String> villagesWithPipeline = counties.candidates()
			.stream()
			.filter((c) -> c.stage() != CandidateStage.ADMITTED)
			.map(Candidate::org)
			.collect(Collectors.toSet());
		long villagesDeveloping = villages.stream().filter((v) -> villagesWithPipeline.contains(v.id())).count();
		assertThat((double) villagesDeveloping / villages.size()).as("share of villages developing members")
			.isBetween(0.6, 0.95);
		assertThat(counties.candidates()).extracting(Candidate::stage)
			.contains(CandidateStage.APPLICANT, CandidateStage.ACTIVIST, CandidateStage.DEVELOPMENT_TARGET,
					CandidateStage.ADMITTED);
		assertThat(counties.candidates()).allSatisfy((c) -> assertThat(c.records()).as(c.id()).isNotEmpty());
		// every block has its own: ids unique, and the blocks' new applicants differ in name
		assertThat(counties.candidates().stream().map(Candidate::id).distinct().count())
			.isEqualTo(counties.candidates().size());
		List<String> block0 = counties.candidates()
			.stream()
			.filter((c) -> c.member() == null && c.id().startsWith(SyntheticCounties.id(0, 0, "c-")))
			.map(Candidate::name)
			.toList();
		List<String> block1 = counties.candidates()
			.stream()
			.filter((c) -> c.member() == null && c.id().startsWith(SyntheticCounties.id(0, 1, "c-")))
			.map(Candidate::name)
			.toList();
		assertThat(block0).isNotEmpty().isNotEqualTo(block1);

		// First secretaries: from county-level orgs (the county office's branch, the leading
		// enterprises' orgs under the working committee) to a share of the villages.
		Set<String> villageIds = villages.stream().map(Org::id).collect(Collectors.toSet());
		assertThat(counties.dispatches()).isNotEmpty().allSatisfy((d) -> {
			assertThat(villageIds).as("dispatched to").contains(d.village());
			Org by = orgs.get(d.by());
			assertThat(by).as("sent by").isNotNull();
			assertThat(orgs.get(by.parent()).kind()).as("%s sent by %s", d.member(), by.id())
				.isIn(OrgKind.COUNTY_COMMITTEE, OrgKind.WORKING_COMMITTEE);
			assertThat(members.get(d.member()).org()).isEqualTo(d.by());
		});
		long servedToday = counties.dispatches()
			.stream()
			.filter((d) -> d.to() == null)
			.map(org.partygraph.model.Dispatch::village)
			.distinct()
			.count();
		assertThat((double) servedToday / villages.size()).as("share of villages with a first secretary")
			.isBetween(0.05, 0.35);

		// Members away: a few percent of the members, at another org than their own.
		double awayShare = (double) counties.away().stream().map(org.partygraph.model.AwayRecord::member).distinct().count()
				/ counties.members().size();
		assertThat(awayShare).as("share of members away").isBetween(0.01, 0.06);
		assertThat(counties.away()).allSatisfy((a) -> assertThat(a.org()).isNotEqualTo(members.get(a.member()).org()));
	}

	@Test
	void theWrittenFileCarriesTheLifecycle() throws IOException {
		SyntheticCounties generator = new SyntheticCounties(1, 2, 3);
		Path file = this.dir.resolve("lifecycle.json");
		long[] counts = generator.write(file, generator.defaultName(), (done, total, members) -> {
		});
		Dataset read = DatasetFormat.read(file);
		Dataset expected = collectAll(generator);
		assertThat(read.candidates()).isEqualTo(expected.candidates()).isNotEmpty();
		assertThat(read.dispatches()).isEqualTo(expected.dispatches()).isNotEmpty();
		assertThat(read.away()).isEqualTo(expected.away()).isNotEmpty();
		assertThat(counts).containsExactly(expected.units().size(), expected.orgs().size(), expected.members().size(),
				expected.candidates().size(), expected.dispatches().size(), expected.away().size());
		assertThat(DatasetValidator.validate(read)).isEmpty();
	}

	/** Every item the generator gives, the lifecycle's too. */
	private static Dataset collectAll(SyntheticCounties generator) {
		List<Unit> units = new ArrayList<>();
		List<Org> orgs = new ArrayList<>();
		List<Member> members = new ArrayList<>();
		List<Candidate> candidates = new ArrayList<>();
		List<org.partygraph.model.Dispatch> dispatches = new ArrayList<>();
		List<org.partygraph.model.AwayRecord> away = new ArrayList<>();
		generator.generate(new DatasetReader.ItemSink() {

			@Override
			public void unit(Unit unit) {
				units.add(unit);
			}

			@Override
			public void org(Org org) {
				orgs.add(org);
			}

			@Override
			public void member(Member member) {
				members.add(member);
			}

			@Override
			public void candidate(Candidate candidate) {
				candidates.add(candidate);
			}

			@Override
			public void dispatch(org.partygraph.model.Dispatch dispatch) {
				dispatches.add(dispatch);
			}

			@Override
			public void away(org.partygraph.model.AwayRecord record) {
				away.add(record);
			}

		}, (done, total, count) -> {
		});
		return new Dataset("synthetic", units, orgs, members, candidates, dispatches, away);
	}

	private static List<String> committees(Dataset dataset) {
		return dataset.orgs()
			.stream()
			.filter((o) -> o.kind() == OrgKind.TOWNSHIP_COMMITTEE || o.kind() == OrgKind.COUNTY_COMMITTEE)
			.map((o) -> o.id() + " " + o.name() + " " + o.parent())
			.toList();
	}

	private static Dataset collect(SyntheticCounties generator) {
		List<Unit> units = new ArrayList<>();
		List<Org> orgs = new ArrayList<>();
		List<Member> members = new ArrayList<>();
		generator.generate(DatasetReader.ItemSink.of(units::add, orgs::add, members::add), (done, total, count) -> {
		});
		Dataset dataset = new Dataset("synthetic", units, orgs, members);
		assertThat(DatasetValidator.validate(dataset)).as("hard rules").isEmpty();
		return dataset;
	}

}
