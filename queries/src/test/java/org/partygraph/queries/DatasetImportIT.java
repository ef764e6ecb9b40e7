package org.partygraph.queries;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.dataset.DatasetConflictException;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.partygraph.queries.TestNeo4j.count;

class DatasetImportIT {

	private final DatasetImporter importer = new DatasetImporter(TestNeo4j.driver());

	// Every write keeps the orgs' member tallies (MemberTallies) right, rejected ones included.
	@AfterEach
	void memberTalliesStillMatchTheMembers() {
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
	}

	@BeforeEach
	void clear() {
		TestNeo4j.clear();
	}

	@Test
	void writesTheContractExampleAsTheContractShapes() {
		ImportResult result = this.importer.importDataset(TestNeo4j.resource("contract-example.json"), (s, d, t) -> {
		});
		assertThat(result.nodes()).isEqualTo(8 + 7 + 1);
		assertThat(count("MATCH (u:Unit) RETURN count(u)")).isEqualTo(8);
		assertThat(count("MATCH (o:Org) RETURN count(o)")).isEqualTo(7);
		assertThat(count("MATCH (m:Member) RETURN count(m)")).isEqualTo(1);
		assertThat(count("MATCH (:Org {id:'o-e1'})-[:SUBORDINATE_TO]->(:Org {id:'o-npe'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Org {id:'o-e1'})-[:CO_MANAGED_BY]->(:Org {id:'o-hbt'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Org {id:'o-e1'})-[:SET_UP_IN]->(u:Unit) WHERE u.id IN ['u-e1','u-b1'] RETURN count(*)"))
			.isEqualTo(2);
		assertThat(count("MATCH (:Member {id:'m-1'})-[:MEMBER_OF]->(:Org {id:'o-e1'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id:'m-1'})-[h:HOLDS {role:'SECRETARY'}]->(:Org {id:'o-e1'}) RETURN count(*)"))
			.isEqualTo(1);
		assertThat(count("MATCH (:Member {id:'m-1'})-[:WORKS_IN]->(:Unit {id:'u-b1'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Unit {id:'u-b1'})-[:SUPPLIES]->(:Unit {id:'u-e1'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Unit {id:'u-e1'})-[:IN_INDUSTRY]->(:Unit {id:'u-sheep'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Unit {id:'u-xz'})-[:LOCATED_IN]->(:Unit {id:'u-hbt'}) RETURN count(*)")).isEqualTo(1);
		// Dates are Neo4j Date values, enums strings.
		assertThat(count("MATCH (m:Member {id:'m-1'}) WHERE m.joined = date('2001-07-01') AND m.status = 'FULL' RETURN count(m)"))
			.isEqualTo(1);
		assertThat(count("MATCH (u:Unit {id:'u-c1'}) WHERE u.householdsDriven = 460 RETURN count(u)")).isEqualTo(1);
	}

	@Test
	void reimportReplacesTheDatasetAndLeavesOthersAlone() {
		Dataset example = TestNeo4j.resource("contract-example.json");
		this.importer.importDataset(other(), ImportProgressCounter.NONE);
		this.importer.importDataset(example, ImportProgressCounter.NONE);
		this.importer.importDataset(example, ImportProgressCounter.NONE);
		assertThat(count("MATCH (o:Org {dataset:'懷仁縣'}) RETURN count(o)")).isEqualTo(7);

		// Drop a member and a party group: they disappear, nothing is duplicated, the other dataset stays.
		List<Org> orgs = example.orgs().stream().filter((o) -> !o.id().equals("o-xz-breed-g1")).toList();
		Dataset smaller = new Dataset(example.name(), example.units(), orgs, List.of());
		ImportResult result = this.importer.importDataset(smaller, ImportProgressCounter.NONE);
		assertThat(result.replaced()).isEqualTo(16);
		assertThat(count("MATCH (o:Org {dataset:'懷仁縣'}) RETURN count(o)")).isEqualTo(6);
		assertThat(count("MATCH (m:Member) RETURN count(m)")).isEqualTo(1);
		assertThat(count("MATCH (m:Member {id:'o-m1'}) RETURN count(m)")).isEqualTo(1);
		assertThat(count("MATCH (o:Org {id:'o-xz-breed-g1'}) RETURN count(o)")).isZero();
		assertThat(count("MATCH (d:Dataset) RETURN count(d)")).isEqualTo(2);
	}

	@Test
	void anIdHeldByAnotherDatasetIsRejectedAndNothingIsWritten() {
		this.importer.importDataset(other(), ImportProgressCounter.NONE);
		List<String> before = GraphSnapshot.take();
		Dataset example = TestNeo4j.resource("contract-example.json");
		List<Unit> units = new ArrayList<>(example.units());
		units.add(Unit.of("o-other", UnitKind.VILLAGE, "撞號村", "u-hbt"));
		Dataset clashing = new Dataset(example.name(), units, example.orgs(), example.members());
		assertThatExceptionOfType(DatasetConflictException.class)
			.isThrownBy(() -> this.importer.importDataset(clashing, ImportProgressCounter.NONE))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((p) -> {
				assertThat(p.item()).isEqualTo("o-other");
				assertThat(p.field()).isEqualTo("id");
				assertThat(p.message()).contains("其他縣");
			}));
		assertThat(GraphSnapshot.take()).isEqualTo(before);
	}

	@Test
	void anInvalidDatasetWritesNothing() {
		this.importer.importDataset(other(), ImportProgressCounter.NONE);
		List<String> before = GraphSnapshot.take();
		Dataset bad = new Dataset("壞", List.of(), List.of(Org.of("o-x", OrgKind.BRANCH, "x", "o-missing")),
				List.of());
		assertThatExceptionOfType(InvalidDatasetException.class)
			.isThrownBy(() -> this.importer.importDataset(bad, ImportProgressCounter.NONE))
			.satisfies((ex) -> assertThat(ex.problems()).anySatisfy((p) -> {
				assertThat(p.item()).isEqualTo("o-x");
				assertThat(p.field()).isEqualTo("parent");
			}));
		assertThat(GraphSnapshot.take()).isEqualTo(before);
	}

	@Test
	void aFailureHalfwayRollsBackEveryBatch() {
		Dataset example = TestNeo4j.resource("contract-example.json");
		this.importer.importDataset(example, ImportProgressCounter.NONE);
		List<String> before = GraphSnapshot.take();
		// The replacement deletes the old items, writes all nodes, then dies among the relationships.
		Dataset renamed = new Dataset(example.name(), example.units(),
				example.orgs().stream().map((o) -> o.withName(o.name() + "（新）")).toList(), example.members());
		ImportProgressCounter dying = new ImportProgressCounter("relationships", 2);
		assertThatIllegalStateException().isThrownBy(() -> this.importer.importDataset(renamed, dying))
			.withMessageContaining("simulated crash");
		assertThat(dying.calls).isGreaterThanOrEqualTo(4);
		assertThat(GraphSnapshot.take()).isEqualTo(before);
		assertThat(count("MATCH (o:Org) WHERE o.name ENDS WITH '（新）' RETURN count(o)")).isZero();
	}

	private static Dataset other() {
		return new Dataset("其他縣", List.of(Unit.of("u-other", UnitKind.COUNTY, "其他縣", null)),
				List.of(Org.of("o-other", OrgKind.COUNTY_COMMITTEE, "中共其他縣委", null)),
				List.of(Member.of("o-m1", "李四", MemberStatus.FULL, "o-other")));
	}

}
