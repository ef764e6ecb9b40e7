package org.partygraph.queries;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.read.MemberCounts;
import org.partygraph.queries.read.MemberPage;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.UnitQueries;
import org.partygraph.queries.read.UnitRow;

import static org.assertj.core.api.Assertions.assertThat;

class ReadQueriesIT {

	private static final AtomicInteger statements = new AtomicInteger();

	private final OrgQueries orgs = new OrgQueries(TestNeo4j.driver(), (nanos) -> statements.incrementAndGet());

	private final MemberQueries members = new MemberQueries(TestNeo4j.driver(), (nanos) -> statements.incrementAndGet());

	private final UnitQueries units = new UnitQueries(TestNeo4j.driver(), (nanos) -> statements.incrementAndGet());

	@BeforeAll
	static void load() {
		TestNeo4j.clear();
		new DatasetImporter(TestNeo4j.driver()).importDataset(SmallCounty.dataset(), ImportProgressCounter.NONE);
	}

	@Test
	void subordinationBothWays() {
		assertThat(this.orgs.parents(List.of("o-xz-b", "o-county", "o-e1")))
			.containsOnlyKeys("o-xz-b", "o-e1")
			.hasEntrySatisfying("o-xz-b", (p) -> assertThat(p.id()).isEqualTo("o-xz"))
			.hasEntrySatisfying("o-e1", (p) -> assertThat(p.id()).isEqualTo("o-npe"));
		assertThat(this.orgs.children(List.of("o-county", "o-xz-g1")).get("o-county")).extracting(OrgRow::id)
			.containsExactlyInAnyOrder("o-hbt", "o-npe");
		assertThat(this.orgs.children(List.of("o-xz-g1")).get("o-xz-g1")).isEmpty();
	}

	@Test
	void coManagementAndUnits() {
		assertThat(this.orgs.coManagers(List.of("o-e1", "o-xz")))
			.hasEntrySatisfying("o-e1", (c) -> assertThat(c).extracting(OrgRow::id).containsExactly("o-hbt"))
			.hasEntrySatisfying("o-xz", (c) -> assertThat(c).isEmpty());
		assertThat(this.orgs.units(List.of("o-e1")).get("o-e1")).extracting(UnitRow::id).containsExactly("u-e1");
		assertThat(this.units.locatedIn(List.of("u-xz", "u-county"))).containsOnlyKeys("u-xz")
			.hasEntrySatisfying("u-xz", (u) -> assertThat(u.id()).isEqualTo("u-hbt"));
	}

	@Test
	void memberCountsFollowTheSubtreeAndGroupsCountTheirAssignedMembers() {
		int before = statements.get();
		var counts = this.orgs.memberCounts(List.of("o-county", "o-hbt", "o-xz", "o-xz-b", "o-xz-g1", "o-e1", "o-npe", "nope"));
		assertThat(statements.get() - before).as("one round trip for all orgs").isEqualTo(1);
		assertThat(counts.get("o-county")).isEqualTo(new MemberCounts(5, 4));
		assertThat(counts.get("o-hbt")).isEqualTo(new MemberCounts(4, 3));
		assertThat(counts.get("o-xz")).isEqualTo(new MemberCounts(4, 3));
		assertThat(counts.get("o-xz-b")).isEqualTo(new MemberCounts(3, 2));
		assertThat(counts.get("o-xz-g1")).isEqualTo(new MemberCounts(2, 2));
		assertThat(counts.get("o-npe")).isEqualTo(new MemberCounts(1, 1));
		assertThat(counts.get("nope")).isEqualTo(MemberCounts.NONE);
	}

	@Test
	void memberPagesWalkTheSubtreeInIdOrder() {
		MemberPage first = this.members.pages(List.of("o-county"), true, 2, null).get("o-county");
		assertThat(first.members()).extracting(MemberRow::id).containsExactly("a1", "b1");
		assertThat(first.totalCount()).isEqualTo(5);
		assertThat(first.hasNextPage()).isTrue();
		MemberPage second = this.members.pages(List.of("o-county"), true, 2, "b1").get("o-county");
		assertThat(second.members()).extracting(MemberRow::id).containsExactly("b2", "b3");
		assertThat(second.hasNextPage()).isTrue();
		MemberPage last = this.members.pages(List.of("o-county"), true, 2, "b3").get("o-county");
		assertThat(last.members()).extracting(MemberRow::id).containsExactly("e1");
		assertThat(last.hasNextPage()).isFalse();

		var direct = this.members.pages(List.of("o-xz", "o-xz-g1", "o-npe"), false, 10, null);
		assertThat(direct.get("o-xz").members()).extracting(MemberRow::id).containsExactly("a1");
		assertThat(direct.get("o-xz-g1").members()).extracting(MemberRow::id).containsExactly("b1", "b2");
		assertThat(direct.get("o-npe").totalCount()).isZero();
	}

	@Test
	void membershipAndParticipation() {
		assertThat(this.members.orgs(List.of("b3", "e1")))
			.hasEntrySatisfying("b3", (o) -> assertThat(o.id()).isEqualTo("o-xz-b"))
			.hasEntrySatisfying("e1", (o) -> assertThat(o.id()).isEqualTo("o-e1"));
		assertThat(this.members.participatesIn(List.of("b3")).get("b3")).extracting(OrgRow::id).containsExactly("o-e1");
		assertThat(this.members.byIds(List.of("b3")).get("b3").status().name()).isEqualTo("PROBATIONARY");
	}

}
