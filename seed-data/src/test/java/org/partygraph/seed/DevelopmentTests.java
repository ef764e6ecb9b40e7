package org.partygraph.seed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Candidate;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.Dataset;
import org.partygraph.model.DatasetValidator;
import org.partygraph.model.DevelopmentRecord;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample county's development pipeline (Development): its shape, its spans, its admitted. */
class DevelopmentTests {

	/** The day by which activists past their year are due for the next step (the pipeline's look-ahead). */
	private static final LocalDate DUE_BEFORE = LocalDate.of(2027, 3, 1);

	private static Dataset dataset;

	private static Map<String, Member> members;

	private static Map<String, Org> orgs;

	@BeforeAll
	static void build() {
		dataset = HuairenCounty.dataset();
		members = dataset.members().stream().collect(Collectors.toMap(Member::id, Function.identity()));
		orgs = dataset.orgs().stream().collect(Collectors.toMap(Org::id, Function.identity()));
	}

	private static List<Candidate> at(CandidateStage stage) {
		return dataset.candidates().stream().filter((c) -> c.stage() == stage).toList();
	}

	@Test
	void thePipelineHasItsShape() {
		Map<CandidateStage, Long> byStage = new EnumMap<>(CandidateStage.class);
		dataset.candidates().forEach((c) -> byStage.merge(c.stage(), 1L, Long::sum));
		assertThat(byStage).containsExactlyEntriesOf(PIPELINE);
		long developingOrgs = dataset.candidates()
			.stream()
			.filter((c) -> c.stage() != CandidateStage.ADMITTED)
			.map(Candidate::org)
			.distinct()
			.count();
		assertThat(developingOrgs).isEqualTo(DEVELOPING_ORGS);
		// Candidates are not members: the structure's figures stay as they were.
		assertThat(dataset.members()).hasSize(5507);
		assertThat(dataset.orgs()).hasSize(552);
	}

	/** Counts by stage, from the generated dataset (docs/graph-model.md gives them too). */
	static final Map<CandidateStage, Long> PIPELINE = new EnumMap<>(Map.of(CandidateStage.APPLICANT, 521L,
			CandidateStage.ACTIVIST, 438L, CandidateStage.DEVELOPMENT_TARGET, 208L, CandidateStage.ADMITTED, 200L));

	static final long DEVELOPING_ORGS = 216;

	@Test
	void everyCandidateIsSoundAndTheDatasetIsToo() {
		assertThat(DatasetValidator.validate(dataset)).isEmpty();
		assertThat(dataset.candidates()).extracting(Candidate::id).isSorted().doesNotHaveDuplicates()
			.allSatisfy((id) -> assertThat(id).startsWith("c-"))
			.noneMatch(members::containsKey)
			.noneMatch(orgs::containsKey);
		assertThat(dataset.candidates()).allSatisfy((c) -> assertThat(orgs.get(c.org()).kind())
			.isNotEqualTo(OrgKind.PARTY_GROUP));
	}

	@Test
	void admittedCandidatesAreTheRecentProbationers() {
		List<Candidate> admitted = at(CandidateStage.ADMITTED);
		assertThat(admitted).isNotEmpty().allSatisfy((c) -> {
			Member member = members.get(c.member());
			assertThat(member.status()).as(c.id()).isEqualTo(MemberStatus.PROBATIONARY);
			assertThat(member.probationSince()).as(c.id()).isEqualTo(c.admittedOn());
			assertThat(member.org()).as(c.id()).isEqualTo(c.org());
			assertThat(member.name()).as(c.id()).isEqualTo(c.name());
			assertThat(c.admittedOn()).as(c.id()).isAfterOrEqualTo(Probations.ORDINARY_FROM);
			assertThat(c.records()).as(c.id()).last().isEqualTo(
					new DevelopmentRecord(DevelopmentRecordKind.APPROVAL, c.admittedOn(), null));
			assertThat(c.records()).extracting(DevelopmentRecord::kind).as(c.id())
				.contains(DevelopmentRecordKind.POLITICAL_REVIEW, DevelopmentRecordKind.TRAINING,
						DevelopmentRecordKind.BRANCH_RESOLUTION);
		});
		assertThat(admitted).extracting(Candidate::member).doesNotHaveDuplicates();
	}

	@Test
	void theSpansAreTheRulesOnes() {
		assertThat(dataset.candidates()).allSatisfy((c) -> {
			if (c.birthDate() != null) {
				assertThat(c.birthDate().plusYears(18)).as(c.id()).isBeforeOrEqualTo(c.appliedOn());
			}
			if (c.targetSince() != null) {
				assertThat(c.activistSince().plusYears(1)).as(c.id()).isBeforeOrEqualTo(c.targetSince());
			}
			assertThat(c.records()).as(c.id()).first()
				.isEqualTo(new DevelopmentRecord(DevelopmentRecordKind.APPLICATION, c.appliedOn(), null));
			assertThat(c.records()).as(c.id())
				.isSortedAccordingTo(java.util.Comparator.comparing(DevelopmentRecord::on)
					.thenComparing(DevelopmentRecord::kind))
				.allSatisfy((r) -> assertThat(r.on()).isBeforeOrEqualTo(Development.TODAY));
			c.records().stream().filter((r) -> r.kind() == DevelopmentRecordKind.TALK).forEach((r) ->
					assertThat(ChronoUnit.DAYS.between(c.appliedOn(), r.on())).as(c.id()).isBetween(1L, 31L));
			if (c.activistSince() != null) {
				assertThat(c.records()).as(c.id())
					.contains(new DevelopmentRecord(DevelopmentRecordKind.ACTIVIST_DESIGNATION, c.activistSince(),
							c.records().stream()
								.filter((r) -> r.kind() == DevelopmentRecordKind.ACTIVIST_DESIGNATION)
								.findFirst()
								.orElseThrow()
								.note()));
			}
		});
		// Activists past their year: a few, due before 2027-03-01; most are not yet.
		List<Candidate> activists = at(CandidateStage.ACTIVIST);
		long due = activists.stream().filter((c) -> c.activistSince().plusYears(1).isBefore(DUE_BEFORE)).count();
		long pastTheYear = activists.stream()
			.filter((c) -> !c.activistSince().plusYears(1).isAfter(Development.TODAY))
			.count();
		assertThat(pastTheYear).isGreaterThanOrEqualTo(3);
		assertThat(due).isGreaterThan(pastTheYear).isLessThan(activists.size() / 3);
	}

	@Test
	void thePipelineIsTheSameEveryTimeAndRoundTripsThroughAFile() throws Exception {
		assertThat(HuairenCounty.dataset().candidates()).isEqualTo(dataset.candidates());
		String json = DatasetWriter.pretty().writeToString(dataset);
		Dataset read = DatasetFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
		assertThat(read.candidates()).isEqualTo(dataset.candidates());
		assertThat(Set.copyOf(read.candidates())).hasSameSizeAs(dataset.candidates());
	}

}
