package org.partygraph.seed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partygraph.model.AwayRecord;
import org.partygraph.model.Dataset;
import org.partygraph.model.DatasetValidator;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample county's first secretaries and mobile members (DualRelations): their counts, their rules, their shape. */
class DualRelationsTests {

	private static Dataset dataset;

	private static Map<String, Member> members;

	private static Map<String, Org> orgs;

	private static Map<String, Unit> units;

	@BeforeAll
	static void build() {
		dataset = HuairenCounty.dataset();
		members = dataset.members().stream().collect(Collectors.toMap(Member::id, Function.identity()));
		orgs = dataset.orgs().stream().collect(Collectors.toMap(Org::id, Function.identity()));
		units = dataset.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
	}

	/** The figures docs/graph-model.md gives. */
	static final int DISPATCHES = 32;

	static final int DISPATCHES_ENDED = 3;

	static final int AWAY = 129;

	static final int AWAY_ENDED = 29;

	@Test
	void theCountsAreThoseOfTheDocsAndTheStructureIsUnchanged() {
		assertThat(dataset.dispatches()).hasSize(DISPATCHES);
		assertThat(dataset.dispatches().stream().filter((d) -> d.to() != null)).hasSize(DISPATCHES_ENDED);
		assertThat(dataset.dispatches().stream().filter((d) -> d.runsOn(Development.TODAY)))
			.hasSize(DISPATCHES - DISPATCHES_ENDED);
		assertThat(dataset.away()).hasSize(AWAY);
		assertThat(dataset.away().stream().filter((a) -> a.to() != null)).hasSize(AWAY_ENDED);
		// 2 to 4 in a hundred members are away
		assertThat(dataset.away().size() * 100.0 / dataset.members().size()).isBetween(2.0, 4.0);
		// no member added, none moved: the structure's figures stay as they were
		assertThat(dataset.members()).hasSize(5507);
		assertThat(dataset.orgs()).hasSize(552);
		assertThat(dataset.size()).isEqualTo(dataset.units().size() + 552 + 5507);
	}

	@Test
	void everythingValidatesAndNoOneMembersSpansOverlap() {
		assertThat(DatasetValidator.validate(dataset)).isEmpty();
		assertThat(dataset.dispatches().stream().collect(Collectors.groupingBy(Dispatch::member)).values())
			.allSatisfy((spans) -> {
				for (int i = 1; i < spans.size(); i++) {
					assertThat(spans.get(i - 1).to()).as("%s", spans).isNotNull();
					assertThat(spans.get(i - 1).to()).isBeforeOrEqualTo(spans.get(i).from());
				}
			});
		assertThat(dataset.away().stream().map(AwayRecord::member)).doesNotHaveDuplicates();
		// in the order the export writes them: by member, then day
		assertThat(dataset.dispatches())
			.isSortedAccordingTo(Comparator.comparing(Dispatch::member).thenComparing(Dispatch::from));
		assertThat(dataset.away())
			.isSortedAccordingTo(Comparator.comparing(AwayRecord::member).thenComparing(AwayRecord::from));
	}

	@Test
	void firstSecretariesAreSentByTheCountysUnitsToItsWeakestVillages() {
		List<Org> weak = DualRelations.weakVillages(dataset);
		assertThat(weak).hasSize(DualRelations.WEAK_VILLAGES);
		// the planted village without a secretary first, then the one with two full members
		assertThat(weak.get(0).id()).isEqualTo(HuairenCounty.SECRETARY_MISSING_BREAK);
		assertThat(weak.get(1).id()).isEqualTo(HuairenCounty.MIN_FULL_MEMBERS_BREAK);
		Set<String> weakIds = weak.stream().map(Org::id).collect(Collectors.toSet());
		for (Dispatch dispatch : dataset.dispatches()) {
			Org village = orgs.get(dispatch.village());
			Member member = members.get(dispatch.member());
			assertThat(weakIds).contains(village.id());
			assertThat(orgs.get(village.parent()).kind()).isEqualTo(OrgKind.TOWNSHIP_COMMITTEE);
			assertThat(village.units()).anySatisfy((u) -> assertThat(units.get(u).kind()).isEqualTo(UnitKind.VILLAGE));
			assertThat(member.org()).isNotEqualTo(village.id()).isEqualTo(dispatch.by());
			assertThat(member.status()).isEqualTo(MemberStatus.FULL);
			assertThat(member.roles()).isEmpty();
			Org sender = orgs.get(dispatch.by());
			assertThat(sender.id().equals(HuairenCounty.COUNTY_OFFICE_BRANCH)
					|| HuairenCounty.WORKING_COMMITTEE.equals(sender.parent())).as(sender.id()).isTrue();
			assertThat(dispatch.from()).isBetween(DualRelations.FIRST_DAY, Development.TODAY);
			if (dispatch.to() != null) {
				assertThat(dispatch.to()).isBefore(Development.TODAY);
			}
		}
		// each weak village has had one, and has at most one today
		assertThat(dataset.dispatches().stream().map(Dispatch::village).distinct()).hasSize(DualRelations.WEAK_VILLAGES);
		assertThat(dataset.dispatches().stream().filter((d) -> d.runsOn(Development.TODAY)).map(Dispatch::village))
			.doesNotHaveDuplicates();
	}

	/**
	 * OrgChartPageIT (api) dispatches the first member by id of o-e-01 to the planted
	 * MIN_FULL_MEMBERS village today and expects that village's panel to name them alone.
	 */
	@Test
	void theChartTestsVillageHasNoneTodayAndItsMemberIsFree() {
		assertThat(dataset.dispatches().stream()
			.filter((d) -> d.village().equals(HuairenCounty.MIN_FULL_MEMBERS_BREAK))
			.filter((d) -> d.to() == null || d.to().isAfter(Development.TODAY))).isEmpty();
		String first = dataset.members()
			.stream()
			.filter((m) -> m.org().equals(HuairenCounty.FIRST_ENTERPRISE_ORG))
			.map(Member::id)
			.min(Comparator.naturalOrder())
			.orElseThrow();
		assertThat(dataset.dispatches()).noneMatch((d) -> d.member().equals(first));
	}

	@Test
	void mobileMembersAreVillagersAwayAtTheCountysParksAndEnterprises() {
		for (AwayRecord away : dataset.away()) {
			Member member = members.get(away.member());
			Org own = orgs.get(member.org());
			Org host = orgs.get(away.org());
			assertThat(host.id()).isNotEqualTo(own.id());
			assertThat(host.kind()).isNotEqualTo(OrgKind.PARTY_GROUP);
			assertThat(own.units()).anySatisfy((u) -> assertThat(units.get(u).kind()).isEqualTo(UnitKind.VILLAGE));
			assertThat(HuairenCounty.WORKING_COMMITTEE.equals(host.parent())
					|| host.units().stream().anyMatch((u) -> units.get(u).kind() == UnitKind.PARK)).as(host.id()).isTrue();
			assertThat(member.roles()).isEmpty();
			assertThat(away.from()).isBefore(Development.TODAY);
			if (away.to() != null) {
				assertThat(away.to()).isAfter(away.from()).isBefore(Development.TODAY);
			}
		}
	}

	@Test
	void theyAreTheSameEveryTimeAndRoundTripThroughAFile() throws Exception {
		Dataset again = HuairenCounty.dataset();
		assertThat(again.dispatches()).isEqualTo(dataset.dispatches());
		assertThat(again.away()).isEqualTo(dataset.away());
		String json = DatasetWriter.pretty().writeToString(dataset);
		Dataset read = DatasetFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
		assertThat(read.dispatches()).isEqualTo(dataset.dispatches());
		assertThat(read.away()).isEqualTo(dataset.away());
	}

}
