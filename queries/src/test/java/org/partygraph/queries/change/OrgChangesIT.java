package org.partygraph.queries.change;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.partygraph.model.Dataset;
import org.partygraph.model.Gender;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Problem;
import org.partygraph.model.ProblemsException;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;
import org.partygraph.queries.GraphSnapshot;
import org.partygraph.queries.TestNeo4j;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportProgress;
import org.partygraph.queries.read.TransferQueries;
import org.partygraph.queries.schema.WriteScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.partygraph.queries.TestNeo4j.count;

/**
 * Every change against the small county (tree in {@code SmallCounty}'s javadoc): what a success
 * writes, checked with Cypher, and for every hard rule a rejection that names the item and field
 * and leaves the graph exactly as it was.
 *
 * <pre>
 * o-county (COUNTY_COMMITTEE)
 * ├── o-hbt (TOWNSHIP_COMMITTEE)            set up in u-hbt
 * │   └── o-xz (GENERAL_BRANCH)             set up in u-xz;  member a1 FULL
 * │       └── o-xz-b (BRANCH, BREEDING)     members b1 FULL, b2 FULL, b3 PROBATIONARY (b3 participates in o-e1)
 * │           └── o-xz-g1 (PARTY_GROUP)     b1, b2 assigned
 * └── o-npe (WORKING_COMMITTEE)
 *     └── o-e1 (BRANCH)                     set up in u-e1; co-managed by o-hbt; member e1 FULL
 * </pre>
 */
class OrgChangesIT {

	private final OrgChanges changes = new OrgChanges(TestNeo4j.driver());

	private final TransferQueries transfers = new TransferQueries(TestNeo4j.driver());

	// Every write keeps the orgs' member tallies (MemberTallies) right, rejected ones included.
	@AfterEach
	void memberTalliesStillMatchTheMembers() {
		assertThat(TestNeo4j.tallyMismatches()).isEmpty();
	}

	@BeforeEach
	void loadSmallCounty() {
		TestNeo4j.clear();
		// TestNeo4j.clear() knows only the dataset labels; transfer history is this package's own.
		TestNeo4j.driver().executableQuery("MATCH (t:Transfer) DETACH DELETE t").execute();
		new DatasetImporter(TestNeo4j.driver()).importDataset(smallCounty(), ImportProgress.NONE);
	}

	// The Neo4j is shared by every test class of the run, and TestNeo4j.clear() leaves transfers.
	@AfterAll
	static void removeTransferHistory() {
		TestNeo4j.driver().executableQuery("MATCH (t:Transfer) DETACH DELETE t").execute();
	}

	// createOrg

	@Test
	void createOrgWritesTheOrgUnderItsParentInTheParentsDataset() {
		String id = this.changes.createOrg(
				new NewOrg("o-xz-p", OrgKind.BRANCH, "下寨村種植行業黨支部", "o-xz", List.of("u-xz"), Trade.PLANTING, true));

		assertThat(id).isEqualTo("o-xz-p");
		assertThat(count("""
				MATCH (o:Org {id: 'o-xz-p', name: '下寨村種植行業黨支部', kind: 'BRANCH', trade: 'PLANTING',
				  hasCommittee: true, dataset: '小縣'})-[:SUBORDINATE_TO]->(:Org {id: 'o-xz'})
				RETURN count(o)""")).isEqualTo(1);
		assertThat(count("MATCH (:Org {id: 'o-xz-p'})-[:SET_UP_IN]->(u:Unit {id: 'u-xz'}) RETURN count(u)"))
			.isEqualTo(1);
		assertThat(count("MATCH (:Org {id: 'o-xz-p'})-[r]-() RETURN count(r)")).isEqualTo(2);
		assertThat(count("MATCH (o:Org) RETURN count(o)")).isEqualTo(8);
	}

	@Test
	void createOrgMakesACountyCommitteeARootInTheDatasetOfItsUnits() {
		this.changes.createOrg(new NewOrg("o-county2", OrgKind.COUNTY_COMMITTEE, "另一縣委", null, List.of("u-county"),
				null, null));

		assertThat(count("MATCH (o:Org {id: 'o-county2', kind: 'COUNTY_COMMITTEE', dataset: '小縣'}) RETURN count(o)"))
			.isEqualTo(1);
		assertThat(count("MATCH (:Org {id: 'o-county2'})-[:SUBORDINATE_TO]->() RETURN count(*)")).isZero();
		assertThat(count("MATCH (o:Org {id: 'o-county2'}) WHERE o.hasCommittee IS NULL AND o.trade IS NULL RETURN count(o)"))
			.as("absent optional fields are not stored")
			.isEqualTo(1);
	}

	@Test
	void createOrgRejectsABranchUnderAPartyGroup() {
		ChangeRejectedException rejected = assertRejected(
				() -> this.changes.createOrg(NewOrg.of("o-new", OrgKind.BRANCH, "新支部", "o-xz-g1")), "o-new", "parent");
		assertThat(rejected.problems()).singleElement()
			.extracting(Problem::message)
			.asString()
			.contains("o-xz-g1", "PARTY_GROUP", "BRANCH");
	}

	@Test
	void createOrgRejectsAParentOfTheSameKind() {
		assertRejected(() -> this.changes.createOrg(NewOrg.of("o-new", OrgKind.BRANCH, "新支部", "o-xz-b")), "o-new",
				"parent");
		assertRejected(() -> this.changes.createOrg(NewOrg.of("o-new", OrgKind.TOWNSHIP_COMMITTEE, "新黨委", "o-npe")),
				"o-new", "parent");
	}

	@Test
	void createOrgRejectsAnUnknownOrMissingParent() {
		assertRejected(() -> this.changes.createOrg(NewOrg.of("o-new", OrgKind.BRANCH, "新支部", "o-none")), "o-new",
				"parent");
		assertRejected(() -> this.changes.createOrg(NewOrg.of("o-new", OrgKind.BRANCH, "新支部", null)), "o-new",
				"parent");
	}

	@Test
	void createOrgRejectsAnIdHeldByAnyKindOfItem() {
		assertRejected(() -> this.changes.createOrg(NewOrg.of("o-xz", OrgKind.BRANCH, "新支部", "o-hbt")), "o-xz", "id");
		assertRejected(() -> this.changes.createOrg(NewOrg.of("u-xz", OrgKind.BRANCH, "新支部", "o-xz")), "u-xz", "id");
		assertRejected(() -> this.changes.createOrg(NewOrg.of("a1", OrgKind.BRANCH, "新支部", "o-xz")), "a1", "id");
		assertRejected(() -> this.changes.createOrg(NewOrg.of(" ", OrgKind.BRANCH, "新支部", "o-xz")), Problems.NO_ID,
				"id");
	}

	@Test
	void createOrgRejectsMissingKindOrNameAndUnknownUnits() {
		assertRejected(() -> this.changes.createOrg(NewOrg.of("o-new", null, "新支部", "o-xz")), "o-new", "kind");
		assertRejected(() -> this.changes.createOrg(NewOrg.of("o-new", OrgKind.BRANCH, "", "o-xz")), "o-new", "name");
		assertRejected(() -> this.changes.createOrg(
				new NewOrg("o-new", OrgKind.BRANCH, "新支部", "o-xz", List.of("u-xz", "u-none"), null, null)), "o-new",
				"units[1]");
	}

	@Test
	void createOrgListsEveryProblemAtOnce() {
		ChangeRejectedException rejected = assertRejected(
				() -> this.changes.createOrg(NewOrg.of("a1", OrgKind.BRANCH, null, "o-none")), "a1", "id");
		assertThat(rejected.problems()).extracting(Problem::item, Problem::field)
			.containsExactlyInAnyOrder(tuple("a1", "id"), tuple("a1", "name"), tuple("a1", "parent"));
		assertThat(rejected).isInstanceOf(ProblemsException.class)
			.isNotInstanceOf(InvalidDatasetException.class)
			.hasMessageStartingWith("change rejected: 3 problems");
	}

	// renameOrg

	@Test
	void renameOrgSetsTheName() {
		OrgRenamed renamed = this.changes.renameOrg("o-xz", "下寨村黨委");

		assertThat(renamed).isEqualTo(new OrgRenamed("o-xz", "下寨村黨總支", "下寨村黨委"));
		assertThat(count("MATCH (o:Org {id: 'o-xz', name: '下寨村黨委'}) RETURN count(o)")).isEqualTo(1);
	}

	@Test
	void renameOrgRejectsAnUnknownOrgOrAMissingName() {
		assertRejected(() -> this.changes.renameOrg("o-none", "x"), "o-none", "id");
		assertRejected(() -> this.changes.renameOrg("o-xz", " "), "o-xz", "name");
	}

	// moveOrg

	@Test
	void moveOrgReparentsTheOrgWithItsSubtreeAndNoMembership() {
		OrgMoved moved = this.changes.moveOrg("o-xz-b", "o-hbt");

		assertThat(moved).isEqualTo(new OrgMoved("o-xz-b", "o-xz", "o-hbt"));
		assertThat(count("MATCH (:Org {id: 'o-xz-b'})-[:SUBORDINATE_TO]->(p) RETURN count(p)")).isEqualTo(1);
		assertThat(count("MATCH (:Org {id: 'o-xz-b'})-[:SUBORDINATE_TO]->(:Org {id: 'o-hbt'}) RETURN count(*)"))
			.isEqualTo(1);
		assertThat(count("MATCH (:Org {id: 'o-xz-g1'})-[:SUBORDINATE_TO]->(:Org {id: 'o-xz-b'}) RETURN count(*)"))
			.isEqualTo(1);
		assertThat(count("MATCH (:Member)-[:MEMBER_OF]->(:Org {id: 'o-xz-b'}) RETURN count(*)")).isEqualTo(3);
	}

	@Test
	void moveOrgTakesAPartyGroupOnceNoMemberIsAssignedToIt() {
		this.changes.assignGroup("b1", null);
		this.changes.assignGroup("b2", null);
		this.changes.moveOrg("o-xz-g1", "o-e1");

		assertThat(count("MATCH (:Org {id: 'o-xz-g1'})-[:SUBORDINATE_TO]->(:Org {id: 'o-e1'}) RETURN count(*)"))
			.isEqualTo(1);
	}

	@Test
	void moveOrgRejectsACycleAndNamesIt() {
		ChangeRejectedException rejected = assertRejected(() -> this.changes.moveOrg("o-hbt", "o-xz-b"), "o-hbt",
				"parent");
		assertThat(rejected.problems().get(0).message()).contains("o-hbt → o-xz-b → o-xz → o-hbt");

		rejected = assertRejected(() -> this.changes.moveOrg("o-xz", "o-xz"), "o-xz", "parent");
		assertThat(rejected.problems().get(0).message()).contains("o-xz → o-xz");
	}

	@Test
	void moveOrgRejectsAParentNotOfAHigherKind() {
		ChangeRejectedException rejected = assertRejected(() -> this.changes.moveOrg("o-e1", "o-xz-b"), "o-e1",
				"parent");
		assertThat(rejected.problems().get(0).message()).contains("BRANCH");
	}

	@Test
	void moveOrgRejectsUnknownIdsARootAndTheSameParent() {
		assertRejected(() -> this.changes.moveOrg("o-none", "o-hbt"), "o-none", "id");
		assertRejected(() -> this.changes.moveOrg("o-e1", "o-none"), "o-e1", "parent");
		assertRejected(() -> this.changes.moveOrg("o-e1", null), "o-e1", "parent");
		assertRejected(() -> this.changes.moveOrg("o-county", "o-hbt"), "o-county", "id");
		assertRejected(() -> this.changes.moveOrg("o-e1", "o-npe"), "o-e1", "parent");
	}

	@Test
	void moveOrgRejectsMovingAPartyGroupAwayFromItsAssignedMembers() {
		ChangeRejectedException rejected = assertRejected(() -> this.changes.moveOrg("o-xz-g1", "o-e1"), "o-xz-g1",
				"parent");
		assertThat(rejected.problems().get(0).message()).contains("b1", "b2");
	}

	// dissolveOrg

	@Test
	void dissolveOrgMovesMembersToTheTargetAndChildrenToItsParentAndEndsWhatPointedAtIt() {
		this.changes.assignRole("a1", "o-xz-b", Role.SECRETARY);
		TestNeo4j.driver()
			.executableQuery("MATCH (m:Member {id: 'e1'}), (o:Org {id: 'o-xz-b'}) CREATE (m)-[:PARTICIPATES_IN]->(o)")
			.execute();
		this.changes.addCoManager("o-xz-b", "o-npe");

		OrgDissolved dissolved = this.changes.dissolveOrg("o-xz-b", "o-xz");

		assertThat(dissolved).isEqualTo(new OrgDissolved("o-xz-b", "o-xz", "o-xz", List.of("b1", "b2", "b3"),
				List.of("o-xz-g1"), 1, 0, 1));
		assertThat(count("MATCH (o:Org {id: 'o-xz-b'}) RETURN count(o)")).isZero();
		assertThat(count("MATCH (m:Member)-[:MEMBER_OF]->(:Org {id: 'o-xz'}) RETURN count(m)")).isEqualTo(4);
		assertThat(count("MATCH (:Org {id: 'o-xz-g1'})-[:SUBORDINATE_TO]->(:Org {id: 'o-xz'}) RETURN count(*)"))
			.isEqualTo(1);
		// The group went up to the very org its members went to, so their assignment still holds.
		assertThat(count("MATCH (:Member)-[:IN_GROUP]->(:Org {id: 'o-xz-g1'}) RETURN count(*)")).isEqualTo(2);
		assertThat(count("MATCH ()-[h:HOLDS]->() RETURN count(h)")).isZero();
		assertThat(count("MATCH (:Member {id: 'e1'})-[:PARTICIPATES_IN]->() RETURN count(*)")).isZero();
		assertThat(count("MATCH (:Member {id: 'b3'})-[:PARTICIPATES_IN]->(:Org {id: 'o-e1'}) RETURN count(*)"))
			.isEqualTo(1);
		assertThat(count("MATCH (o:Org) RETURN count(o)")).isEqualTo(6);
		assertThat(count("MATCH (m:Member) WHERE NOT (m)-[:MEMBER_OF]->() RETURN count(m)")).isZero();
	}

	@Test
	void dissolveOrgMayGiveItsMembersToAChild() {
		OrgDissolved dissolved = this.changes.dissolveOrg("o-xz", "o-xz-b");

		assertThat(dissolved.membersMoved()).containsExactly("a1");
		assertThat(dissolved.childrenMoved()).containsExactly("o-xz-b");
		assertThat(count("MATCH (:Member {id: 'a1'})-[:MEMBER_OF]->(:Org {id: 'o-xz-b'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Org {id: 'o-xz-b'})-[:SUBORDINATE_TO]->(:Org {id: 'o-hbt'}) RETURN count(*)"))
			.isEqualTo(1);
		assertThat(count("MATCH (:Org)-[:SET_UP_IN]->(:Unit {id: 'u-xz'}) RETURN count(*)")).isZero();
		assertThat(count("MATCH (:Member)-[:IN_GROUP]->(:Org {id: 'o-xz-g1'}) RETURN count(*)")).isEqualTo(2);
	}

	@Test
	void dissolveOrgEndsTheGroupsOfMembersMovedAwayFromThem() {
		OrgDissolved dissolved = this.changes.dissolveOrg("o-xz-b", "o-e1");

		assertThat(dissolved.groupAssignmentsEnded()).isEqualTo(2);
		assertThat(count("MATCH (m:Member)-[:MEMBER_OF]->(:Org {id: 'o-e1'}) RETURN count(m)")).isEqualTo(4);
		assertThat(count("MATCH ()-[g:IN_GROUP]->() RETURN count(g)")).isZero();
		assertThat(count("MATCH (:Org {id: 'o-xz-g1'})-[:SUBORDINATE_TO]->(:Org {id: 'o-xz'}) RETURN count(*)"))
			.isEqualTo(1);
	}

	@Test
	void dissolveOrgOfAPartyGroupEndsItsAssignmentsAndNeedsNoTarget() {
		this.changes.assignRole("b1", "o-xz-g1", Role.GROUP_LEADER);

		OrgDissolved dissolved = this.changes.dissolveOrg("o-xz-g1", null);

		assertThat(dissolved).isEqualTo(new OrgDissolved("o-xz-g1", "o-xz-b", null, List.of(), List.of(), 1, 2, 0));
		assertThat(count("MATCH ()-[g:IN_GROUP]->() RETURN count(g)")).isZero();
		assertThat(count("MATCH (m:Member)-[:MEMBER_OF]->(:Org {id: 'o-xz-b'}) RETURN count(m)")).isEqualTo(3);
		assertThat(count("MATCH (o:Org {id: 'o-xz-g1'}) RETURN count(o)")).isZero();
	}

	@Test
	void dissolveOrgTakesAChildlessRoot() {
		this.changes.createOrg(NewOrg.of("o-county2", OrgKind.COUNTY_COMMITTEE, "另一縣委", null));
		this.changes.dissolveOrg("o-county2", null);

		assertThat(count("MATCH (o:Org {id: 'o-county2'}) RETURN count(o)")).isZero();
	}

	@Test
	void dissolveOrgRejectsUnknownIdsAndBadTargets() {
		assertRejected(() -> this.changes.dissolveOrg("o-none", "o-xz"), "o-none", "id");
		assertRejected(() -> this.changes.dissolveOrg("o-xz-b", "o-none"), "o-xz-b", "target");
		assertRejected(() -> this.changes.dissolveOrg("o-xz-b", "o-xz-g1"), "o-xz-b", "target");
		assertRejected(() -> this.changes.dissolveOrg("o-xz-b", "o-xz-b"), "o-xz-b", "target");
	}

	@Test
	void dissolveOrgTakesAnEmptyOrgWithoutMembersTo() {
		this.changes.createOrg(NewOrg.of("o-empty", OrgKind.BRANCH, "空支部", "o-xz"));
		this.changes.createOrg(NewOrg.of("o-empty-g", OrgKind.PARTY_GROUP, "空小組", "o-empty"));

		OrgDissolved dissolved = this.changes.dissolveOrg("o-empty", null);

		assertThat(dissolved).isEqualTo(new OrgDissolved("o-empty", "o-xz", null, List.of(), List.of("o-empty-g"), 0, 0, 0));
		assertThat(count("MATCH (o:Org {id: 'o-empty'}) RETURN count(o)")).isZero();
		assertThat(count("MATCH (:Org {id: 'o-empty-g'})-[:SUBORDINATE_TO]->(:Org {id: 'o-xz'}) RETURN count(*)"))
			.isEqualTo(1);
	}

	@Test
	void dissolveOrgWithMembersRefusesAMissingMembersTo() {
		ChangeRejectedException rejected = assertRejected(() -> this.changes.dissolveOrg("o-xz-b", null), "o-xz-b",
				"membersTo");

		assertThat(rejected.problems()).extracting(Problem::field, Problem::message)
			.containsExactly(tuple("membersTo", "membersTo: required because org 'o-xz-b' has 3 members"));
	}

	@Test
	void dissolveOrgRejectsARootWithChildren() {
		ChangeRejectedException rejected = assertRejected(() -> this.changes.dissolveOrg("o-county", "o-hbt"),
				"o-county", "id");
		assertThat(rejected.problems().get(0).message()).contains("o-hbt", "o-npe");
	}

	@Test
	void dissolveOrgRejectsAChildThatWouldSitUnderAParentNotOfAHigherKind() {
		// A soft break in stored data: a working committee under a general branch.
		TestNeo4j.driver().executableQuery("MATCH (o:Org {id: 'o-xz-b'}) SET o.kind = 'WORKING_COMMITTEE'").execute();

		ChangeRejectedException rejected = assertRejected(() -> this.changes.dissolveOrg("o-xz", "o-hbt"), "o-xz",
				"id");
		assertThat(rejected.problems().get(0).message()).contains("o-xz-b", "WORKING_COMMITTEE", "TOWNSHIP_COMMITTEE");
	}

	// addCoManager, removeCoManager

	@Test
	void addCoManagerAndRemoveCoManagerChangeTheEdge() {
		assertThat(this.changes.addCoManager("o-xz-b", "o-npe")).isEqualTo(new CoManagement("o-xz-b", "o-npe"));
		assertThat(count("MATCH (:Org {id: 'o-xz-b'})-[:CO_MANAGED_BY]->(:Org {id: 'o-npe'}) RETURN count(*)"))
			.isEqualTo(1);

		assertThat(this.changes.removeCoManager("o-e1", "o-hbt")).isEqualTo(new CoManagement("o-e1", "o-hbt"));
		assertThat(count("MATCH (:Org {id: 'o-e1'})-[:CO_MANAGED_BY]->() RETURN count(*)")).isZero();
		assertThat(count("MATCH ()-[c:CO_MANAGED_BY]->() RETURN count(c)")).isEqualTo(1);
	}

	@Test
	void addCoManagerRejectsSelfUnknownAndDuplicate() {
		assertRejected(() -> this.changes.addCoManager("o-e1", "o-e1"), "o-e1", "coManager");
		assertRejected(() -> this.changes.addCoManager("o-none", "o-hbt"), "o-none", "id");
		assertRejected(() -> this.changes.addCoManager("o-e1", "o-none"), "o-e1", "coManager");
		assertRejected(() -> this.changes.addCoManager("o-e1", "o-hbt"), "o-e1", "coManager");
	}

	@Test
	void removeCoManagerRejectsARelationThatDoesNotExist() {
		assertRejected(() -> this.changes.removeCoManager("o-e1", "o-npe"), "o-e1", "coManager");
		assertRejected(() -> this.changes.removeCoManager("o-e1", "o-none"), "o-e1", "coManager");
		assertRejected(() -> this.changes.removeCoManager("o-e1", "o-e1"), "o-e1", "coManager");
	}

	// addMember

	@Test
	void addMemberWritesEveryPropertyAndRelationshipLikeTheImporter() {
		String id = this.changes.addMember(new NewMember("n1", "趙五", MemberStatus.PROBATIONARY, "o-xz-b", "u-xz",
				Trade.BREEDING, Gender.F, LocalDate.of(1990, 5, 4), LocalDate.of(2024, 7, 1), "140624199005040022",
				"13900000000", "o-xz-g1", List.of(new RoleAssignment("o-xz-g1", Role.GROUP_LEADER)), List.of("o-e1")));

		assertThat(id).isEqualTo("n1");
		assertThat(count("""
				MATCH (m:Member {id: 'n1', name: '趙五', status: 'PROBATIONARY', trade: 'BREEDING', gender: 'F',
				  idNumber: '140624199005040022', phone: '13900000000', dataset: '小縣'})
				WHERE m.birthDate = date('1990-05-04') AND m.joined = date('2024-07-01')
				  AND valueType(m.joined) STARTS WITH 'DATE'
				RETURN count(m)""")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'n1'})-[:MEMBER_OF]->(:Org {id: 'o-xz-b'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'n1'})-[:IN_GROUP]->(:Org {id: 'o-xz-g1'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'n1'})-[:WORKS_IN]->(:Unit {id: 'u-xz'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("""
				MATCH (:Member {id: 'n1'})-[:HOLDS {role: 'GROUP_LEADER'}]->(:Org {id: 'o-xz-g1'})
				RETURN count(*)""")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'n1'})-[:PARTICIPATES_IN]->(:Org {id: 'o-e1'}) RETURN count(*)"))
			.isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'n1'})-[r]->() RETURN count(r)")).isEqualTo(5);
	}

	@Test
	void addMemberWithOnlyTheRequiredFields() {
		this.changes.addMember(NewMember.of("n2", "錢六", MemberStatus.FULL, "o-e1"));

		assertThat(count("MATCH (m:Member {id: 'n2', dataset: '小縣'})-[:MEMBER_OF]->(:Org {id: 'o-e1'}) RETURN count(m)"))
			.isEqualTo(1);
		// id, name, status, dataset, and the name's search and sort keys
		assertThat(count("MATCH (m:Member {id: 'n2'}) RETURN size(keys(m))")).isEqualTo(6);
		assertThat(count("MATCH (:Member {id: 'n2'})-[r]->() RETURN count(r)")).isEqualTo(1);
	}

	@Test
	void addMemberRejectsMembershipInAPartyGroup() {
		assertRejected(() -> this.changes.addMember(NewMember.of("n1", "趙五", MemberStatus.FULL, "o-xz-g1")), "n1",
				"org");
	}

	@Test
	void addMemberRejectsATakenIdAnUnknownOrMissingOrgAndAMissingStatus() {
		assertRejected(() -> this.changes.addMember(NewMember.of("b1", "趙五", MemberStatus.FULL, "o-xz-b")), "b1", "id");
		assertRejected(() -> this.changes.addMember(NewMember.of("o-e1", "趙五", MemberStatus.FULL, "o-xz-b")), "o-e1",
				"id");
		assertRejected(() -> this.changes.addMember(NewMember.of("n1", "趙五", MemberStatus.FULL, "o-none")), "n1", "org");
		assertRejected(() -> this.changes.addMember(NewMember.of("n1", "趙五", MemberStatus.FULL, null)), "n1", "org");
		assertRejected(() -> this.changes.addMember(NewMember.of("n1", "趙五", null, "o-xz-b")), "n1", "status");
		assertRejected(() -> this.changes.addMember(NewMember.of("n1", null, MemberStatus.FULL, "o-xz-b")), "n1",
				"name");
	}

	@Test
	void addMemberRejectsAGroupNotAPartyGroupUnderTheOrg() {
		assertRejected(() -> this.changes.addMember(member("n1", "o-xz", "o-xz-g1", null)), "n1", "group");
		assertRejected(() -> this.changes.addMember(member("n1", "o-xz-b", "o-e1", null)), "n1", "group");
		assertRejected(() -> this.changes.addMember(member("n1", "o-xz-b", "o-none", null)), "n1", "group");
	}

	@Test
	void addMemberRejectsUnknownUnitsRolesAndParticipation() {
		assertRejected(() -> this.changes.addMember(member("n1", "o-xz-b", null, "u-none")), "n1", "unit");
		assertRejected(() -> this.changes.addMember(new NewMember("n1", "趙五", MemberStatus.FULL, "o-xz-b", null, null,
				null, null, null, null, null, null, List.of(new RoleAssignment("o-xz-b", Role.GROUP_LEADER)), null)),
				"n1", "roles[0].role");
		assertRejected(() -> this.changes.addMember(new NewMember("n1", "趙五", MemberStatus.FULL, "o-xz-b", null, null,
				null, null, null, null, null, null,
				List.of(new RoleAssignment("o-xz-b", Role.SECRETARY), new RoleAssignment("o-xz-b", Role.SECRETARY)),
				null)), "n1", "roles[1]");
		assertRejected(() -> this.changes.addMember(new NewMember("n1", "趙五", MemberStatus.FULL, "o-xz-b", null, null,
				null, null, null, null, null, null, List.of(new RoleAssignment("o-none", Role.SECRETARY)), null)),
				"n1", "roles[0].org");
		assertRejected(() -> this.changes.addMember(new NewMember("n1", "趙五", MemberStatus.FULL, "o-xz-b", null, null,
				null, null, null, null, null, null, null, List.of("o-e1", "o-none"))), "n1", "participatesIn[1]");
	}

	// transferMember, transfers

	@Test
	void transferMemberMovesMembershipClearsTheGroupAndRecordsTheTransfer() {
		Instant at = Instant.parse("2024-03-01T08:00:00Z");
		TransferRecord transfer = this.changes.transferMember("b1", "o-e1", "工作調動", at);

		assertThat(transfer.member()).isEqualTo("b1");
		assertThat(transfer.from()).isEqualTo("o-xz-b");
		assertThat(transfer.to()).isEqualTo("o-e1");
		assertThat(transfer.at()).isEqualTo(at);
		assertThat(transfer.reason()).isEqualTo("工作調動");
		assertThat(count("MATCH (:Member {id: 'b1'})-[:MEMBER_OF]->(o) RETURN count(o)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'b1'})-[:MEMBER_OF]->(:Org {id: 'o-e1'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'b1'})-[:IN_GROUP]->() RETURN count(*)")).isZero();
		assertThat(count("MATCH (:Member {id: 'b2'})-[:IN_GROUP]->() RETURN count(*)")).isEqualTo(1);
		assertThat(countWith("""
				MATCH (:Member {id: 'b1'})-[:TRANSFERRED]->(t:Transfer {from: 'o-xz-b', to: 'o-e1', reason: '工作調動'})
				WHERE t.at = datetime('2024-03-01T08:00:00Z') AND valueType(t.at) STARTS WITH 'ZONED DATETIME'
				  AND t.id = $id
				RETURN count(t)""", Map.of("id", transfer.id()))).isEqualTo(1);
	}

	@Test
	void transferHistoryListsEveryTransferNewestFirst() {
		TransferRecord first = this.changes.transferMember("b1", "o-e1", "工作調動", Instant.parse("2024-03-01T08:00:00Z"));
		TransferRecord second = this.changes.transferMember("b1", "o-xz", "返鄉", Instant.parse("2024-06-01T08:00:00Z"));

		assertThat(this.transfers.ofMember("b1")).containsExactly(second, first);
		assertThat(this.transfers.ofMember("b1")).extracting(TransferRecord::from, TransferRecord::to)
			.containsExactly(tuple("o-e1", "o-xz"), tuple("o-xz-b", "o-e1"));
		assertThat(this.transfers.into("o-e1")).containsExactly(first);
		assertThat(this.transfers.outOf("o-e1")).containsExactly(second);
		assertThat(this.transfers.ofMember("b2")).isEmpty();
		assertThat(count("MATCH (:Member {id: 'b1'})-[:TRANSFERRED]->(t:Transfer) RETURN count(t)")).isEqualTo(2);
	}

	@Test
	void transfersAtTheSameTimeListInTheOrderMade() {
		Instant at = Instant.parse("2024-03-01T00:00:00Z");
		TransferRecord first = this.changes.transferMember("a1", "o-e1", null, at);
		TransferRecord second = this.changes.transferMember("a1", "o-xz", null, at);
		TransferRecord now = this.changes.transferMember("e1", "o-xz", null, null);

		assertThat(this.transfers.ofMember("a1")).containsExactly(second, first);
		assertThat(this.transfers.into("o-xz")).containsExactly(now, second);
		assertThat(now.at()).isAfter(at);
	}

	@Test
	void transferMemberRejectsAPartyGroupUnknownIdsAndThePresentOrg() {
		assertRejected(() -> this.changes.transferMember("b1", "o-xz-g1", null, null), "b1", "target");
		assertRejected(() -> this.changes.transferMember("m-none", "o-e1", null, null), "m-none", "member");
		assertRejected(() -> this.changes.transferMember("b1", "o-none", null, null), "b1", "target");
		assertRejected(() -> this.changes.transferMember("b1", "o-xz-b", null, null), "b1", "target");
		assertThat(count("MATCH (t:Transfer) RETURN count(t)")).isZero();
	}

	// assignRole, removeRole

	@Test
	void assignRoleAndRemoveRoleChangeTheOffice() {
		assertThat(this.changes.assignRole("a1", "o-xz", Role.SECRETARY))
			.isEqualTo(new HeldRole("a1", "o-xz", Role.SECRETARY));
		this.changes.assignRole("a1", "o-e1", Role.COMMITTEE_MEMBER);
		this.changes.assignRole("b1", "o-xz-g1", Role.GROUP_LEADER);
		assertThat(count("MATCH (:Member {id: 'a1'})-[:HOLDS {role: 'SECRETARY'}]->(:Org {id: 'o-xz'}) RETURN count(*)"))
			.isEqualTo(1);
		assertThat(count("MATCH ()-[h:HOLDS]->() RETURN count(h)")).isEqualTo(3);

		this.changes.removeRole("a1", "o-xz", Role.SECRETARY);
		assertThat(count("MATCH (:Member {id: 'a1'})-[h:HOLDS]->() RETURN count(h)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'a1'})-[:HOLDS {role: 'COMMITTEE_MEMBER'}]->(:Org {id: 'o-e1'}) RETURN count(*)"))
			.isEqualTo(1);
	}

	@Test
	void assignRoleRejectsAGroupLeaderOutsideAPartyGroupDuplicatesAndUnknowns() {
		this.changes.assignRole("a1", "o-xz", Role.SECRETARY);

		assertRejected(() -> this.changes.assignRole("b1", "o-xz-b", Role.GROUP_LEADER), "b1", "role");
		assertRejected(() -> this.changes.assignRole("a1", "o-xz", Role.SECRETARY), "a1", "role");
		assertRejected(() -> this.changes.assignRole("m-none", "o-xz", Role.SECRETARY), "m-none", "member");
		assertRejected(() -> this.changes.assignRole("a1", "o-none", Role.SECRETARY), "a1", "org");
		assertRejected(() -> this.changes.assignRole("a1", "o-xz", null), "a1", "role");
	}

	@Test
	void removeRoleRejectsARoleNotHeld() {
		assertRejected(() -> this.changes.removeRole("a1", "o-xz", Role.SECRETARY), "a1", "role");
		assertRejected(() -> this.changes.removeRole("a1", "o-none", Role.SECRETARY), "a1", "org");
	}

	// assignGroup

	@Test
	void assignGroupSetsOrClearsTheGroup() {
		assertThat(this.changes.assignGroup("b3", "o-xz-g1")).isEqualTo(new GroupAssigned("b3", null, "o-xz-g1"));
		assertThat(count("MATCH (:Member {id: 'b3'})-[:IN_GROUP]->(:Org {id: 'o-xz-g1'}) RETURN count(*)")).isEqualTo(1);

		assertThat(this.changes.assignGroup("b1", null)).isEqualTo(new GroupAssigned("b1", "o-xz-g1", null));
		assertThat(count("MATCH (:Member {id: 'b1'})-[:IN_GROUP]->() RETURN count(*)")).isZero();

		this.changes.assignGroup("b2", "o-xz-g1");
		assertThat(count("MATCH (:Member {id: 'b2'})-[:IN_GROUP]->() RETURN count(*)")).isEqualTo(1);
	}

	@Test
	void assignGroupRejectsAGroupNotAPartyGroupUnderTheMembersOrg() {
		assertRejected(() -> this.changes.assignGroup("a1", "o-xz-g1"), "a1", "group");
		assertRejected(() -> this.changes.assignGroup("b3", "o-xz"), "b3", "group");
		assertRejected(() -> this.changes.assignGroup("b3", "o-none"), "b3", "group");
		assertRejected(() -> this.changes.assignGroup("m-none", "o-xz-g1"), "m-none", "member");
	}

	// Concurrency

	@Test
	void concurrentTransfersOfOneMemberApplyOneAfterTheOther() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				String target = List.of("o-e1", "o-xz", "o-xz-b").get(i % 3);
				runs.add(pool.submit(() -> {
					try {
						this.changes.transferMember("b1", target, null, null);
					}
					catch (ChangeRejectedException ex) {
						// Already a member there: another run got in first.
					}
				}));
			}
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(count("MATCH (:Member {id: 'b1'})-[r:MEMBER_OF]->() RETURN count(r)")).isEqualTo(1);
		// Each transfer starts where the one before it ended: none read a membership another had moved.
		List<TransferRecord> history = new ArrayList<>(this.transfers.ofMember("b1"));
		Collections.reverse(history);
		assertThat(history).isNotEmpty();
		String org = "o-xz-b";
		for (TransferRecord transfer : history) {
			assertThat(transfer.from()).isEqualTo(org);
			org = transfer.to();
		}
		assertThat(count("MATCH (:Member {id: 'b1'})-[:MEMBER_OF]->(o) RETURN count(o)")).isEqualTo(1);
		assertThat(countWith("MATCH (:Member {id: 'b1'})-[:MEMBER_OF]->(o:Org {id: $org}) RETURN count(o)",
				Map.of("org", org))).isEqualTo(1);
		assertThat(count("MATCH (n) WHERE n._LOCK_ IS NOT NULL RETURN count(n)")).as("no lock left behind").isZero();
	}

	@Test
	void aChangeWaitsOnlyForTheOrgsItTouches() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try (Session session = TestNeo4j.driver().session(); Transaction holder = session.beginTransaction()) {
			holder.run("MATCH (o:Org {id: 'o-xz'}) SET o._LOCK_ = true REMOVE o._LOCK_").consume();

			// Another org of the same dataset: not held up.
			pool.submit(() -> this.changes.addMember(member("n-e1", "o-e1", null, null))).get(30, TimeUnit.SECONDS);
			pool.submit(() -> this.changes.renameOrg("o-xz-b", "養殖支部")).get(30, TimeUnit.SECONDS);
			// A member whose present org is held: waits, and so does a member added to it.
			Future<?> transfer = pool.submit(() -> this.changes.transferMember("a1", "o-e1", null, null));
			Future<?> added = pool.submit(() -> this.changes.addMember(member("n-xz", "o-xz", null, null)));
			Thread.sleep(1500);
			assertThat(transfer).as("transfer out of the locked org").isNotDone();
			assertThat(added).as("member added to the locked org").isNotDone();

			holder.commit();
			transfer.get(30, TimeUnit.SECONDS);
			added.get(30, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("MATCH (:Member {id: 'a1'})-[:MEMBER_OF]->(:Org {id: 'o-e1'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'n-xz'})-[:MEMBER_OF]->(:Org {id: 'o-xz'}) RETURN count(*)")).isEqualTo(1);
	}

	@Test
	void changesOfTheTreesShapeWaitForTheirDatasetAndOtherChangesDoNot() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try (Session session = TestNeo4j.driver().session(); Transaction holder = session.beginTransaction()) {
			holder.run("MATCH (d:Dataset) SET d._LOCK_ = true REMOVE d._LOCK_").consume();

			pool.submit(() -> this.changes.addMember(member("n-xz", "o-xz", null, null))).get(30, TimeUnit.SECONDS);
			pool.submit(() -> this.changes.transferMember("b3", "o-xz", null, null)).get(30, TimeUnit.SECONDS);
			Future<?> move = pool.submit(() -> this.changes.moveOrg("o-e1", "o-hbt"));
			Thread.sleep(1500);
			assertThat(move).as("a move while the dataset is locked").isNotDone();

			holder.commit();
			move.get(30, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("MATCH (:Org {id: 'o-e1'})-[:SUBORDINATE_TO]->(:Org {id: 'o-hbt'}) RETURN count(*)"))
			.isEqualTo(1);
	}

	@Test
	void concurrentAddsOfOneNewIdLeaveOneMemberAndRejectTheOthersOnTheirId() throws Exception {
		List<String> orgs = List.of("o-xz", "o-xz-b", "o-e1", "o-hbt");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<String>> runs = new ArrayList<>();
		try {
			for (int i = 0; i < 12; i++) {
				String org = orgs.get(i % orgs.size());
				runs.add(pool.submit(() -> {
					try {
						return this.changes.addMember(member("n-same", org, null, null));
					}
					catch (ChangeRejectedException ex) {
						assertThat(ex.problems()).extracting(Problem::item, Problem::field)
							.containsExactly(tuple("n-same", "id"));
						return null;
					}
				}));
			}
			int added = 0;
			for (Future<String> run : runs) {
				if (run.get(60, TimeUnit.SECONDS) != null) {
					added++;
				}
			}
			assertThat(added).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(count("MATCH (m:Member {id: 'n-same'}) RETURN count(m)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'n-same'})-[r:MEMBER_OF]->() RETURN count(r)")).isEqualTo(1);
	}

	@Test
	void transfersRacingTheDissolutionOfTheirOrgLeaveEveryMemberInExactlyOneLiveOrg() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> runs = new ArrayList<>();
		try {
			// Whichever runs first, each transfer succeeds: from o-xz-b, or from o-xz where the
			// dissolution moved the member.
			for (String member : List.of("b1", "b2", "b3")) {
				runs.add(pool.submit(() -> this.changes.transferMember(member, "o-e1", null, null)));
			}
			runs.add(pool.submit(() -> this.changes.dissolveOrg("o-xz-b", "o-xz")));
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(count("MATCH (o:Org {id: 'o-xz-b'}) RETURN count(o)")).isZero();
		assertThat(count("MATCH (m:Member)-[:MEMBER_OF]->() WHERE m.id IN ['b1', 'b2', 'b3'] RETURN count(*)"))
			.as("memberships of b1, b2, b3")
			.isEqualTo(3);
		assertThat(count("""
				MATCH (m:Member)-[:MEMBER_OF]->(:Org {id: 'o-e1'})
				WHERE m.id IN ['b1', 'b2', 'b3']
				RETURN count(m)
				""")).isEqualTo(3);
		assertThat(count("MATCH (n) WHERE n._LOCK_ IS NOT NULL RETURN count(n)")).isZero();
	}

	// Scope (WriteScope): changes limited to o-hbt's subtree

	@Test
	void aScopedChangeRefusesEveryOrgAndMemberOutsideItsScopeExactlyAsAnUnknownId() {
		OrgChanges hbt = this.changes.within(WriteScope.of("o-hbt"));
		// Each change with the outside id, every other argument valid and inside the scope.
		Map<String, Function<String, ThrowingCallable>> changes = new LinkedHashMap<>();
		changes.put("createOrg parent", (id) -> () -> hbt.createOrg(NewOrg.of("o-new", OrgKind.BRANCH, "新支部", id)));
		changes.put("renameOrg id", (id) -> () -> hbt.renameOrg(id, "新名"));
		changes.put("moveOrg id", (id) -> () -> hbt.moveOrg(id, "o-hbt"));
		changes.put("moveOrg parent", (id) -> () -> hbt.moveOrg("o-xz-b", id));
		changes.put("dissolveOrg id", (id) -> () -> hbt.dissolveOrg(id, "o-xz"));
		changes.put("dissolveOrg target", (id) -> () -> hbt.dissolveOrg("o-xz-b", id));
		changes.put("addCoManager id", (id) -> () -> hbt.addCoManager(id, "o-xz"));
		changes.put("addCoManager coManager", (id) -> () -> hbt.addCoManager("o-xz", id));
		changes.put("removeCoManager id", (id) -> () -> hbt.removeCoManager(id, "o-hbt"));
		changes.put("removeCoManager coManager", (id) -> () -> hbt.removeCoManager("o-xz", id));
		changes.put("addMember org", (id) -> () -> hbt.addMember(member("n1", id, null, null)));
		changes.put("addMember group", (id) -> () -> hbt.addMember(member("n1", "o-xz-b", id, null)));
		changes.put("addMember roles[].org", (id) -> () -> hbt.addMember(new NewMember("n1", "趙五", MemberStatus.FULL,
				"o-xz-b", null, null, null, null, null, null, null, null,
				List.of(new RoleAssignment("o-xz", Role.SECRETARY), new RoleAssignment(id, Role.SECRETARY)), null)));
		changes.put("addMember participatesIn", (id) -> () -> hbt.addMember(new NewMember("n1", "趙五",
				MemberStatus.FULL, "o-xz-b", null, null, null, null, null, null, null, null, null, List.of("o-xz", id))));
		changes.put("transferMember target", (id) -> () -> hbt.transferMember("a1", id, null, null));
		changes.put("assignRole org", (id) -> () -> hbt.assignRole("a1", id, Role.COMMITTEE_MEMBER));
		changes.put("removeRole org", (id) -> () -> hbt.removeRole("a1", id, Role.COMMITTEE_MEMBER));
		changes.put("assignGroup group", (id) -> () -> hbt.assignGroup("b3", id));
		changes.forEach((change, made) -> assertRefusedAsUnknown(change, made, "o-e1", "o-none"));
		// o-npe and the county too: a working committee and a root.
		assertRefusedAsUnknown("createOrg parent", changes.get("createOrg parent"), "o-npe", "o-none");
		assertRefusedAsUnknown("renameOrg id", changes.get("renameOrg id"), "o-county", "o-none");

		Map<String, Function<String, ThrowingCallable>> memberChanges = new LinkedHashMap<>();
		memberChanges.put("transferMember member", (id) -> () -> hbt.transferMember(id, "o-xz", null, null));
		memberChanges.put("assignRole member", (id) -> () -> hbt.assignRole(id, "o-xz", Role.COMMITTEE_MEMBER));
		memberChanges.put("removeRole member", (id) -> () -> hbt.removeRole(id, "o-xz", Role.COMMITTEE_MEMBER));
		memberChanges.put("assignGroup member", (id) -> () -> hbt.assignGroup(id, "o-xz-g1"));
		memberChanges.forEach((change, made) -> assertRefusedAsUnknown(change, made, "e1", "m-none"));
	}

	@Test
	void aScopedChangeInsideItsScopeIsMadeAsAnUnscopedOneWouldBe() {
		OrgChanges hbt = this.changes.within(WriteScope.of("o-hbt"));
		assertThat(hbt.scope().root()).isEqualTo("o-hbt");
		assertThat(this.changes.scope().isEverything()).as("the unscoped instance stays unscoped").isTrue();

		hbt.createOrg(NewOrg.of("o-xz-p", OrgKind.BRANCH, "種植支部", "o-xz"));
		hbt.renameOrg("o-xz-b", "養殖支部");
		hbt.addMember(new NewMember("n1", "趙五", MemberStatus.FULL, "o-xz-p", null, null, null, null, null, null, null,
				null, List.of(new RoleAssignment("o-xz", Role.COMMITTEE_MEMBER)), List.of("o-hbt")));
		hbt.transferMember("b3", "o-xz-p", null, null);
		hbt.assignGroup("b3", null);
		hbt.moveOrg("o-xz-p", "o-hbt");
		hbt.dissolveOrg("o-xz-p", "o-xz");

		assertThat(count("MATCH (:Org {id: 'o-xz-b', name: '養殖支部'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'n1'})-[:MEMBER_OF]->(:Org {id: 'o-xz'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'n1'})-[:HOLDS]->(:Org {id: 'o-xz'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (:Member {id: 'b3'})-[:MEMBER_OF]->(:Org {id: 'o-xz'}) RETURN count(*)")).isEqualTo(1);
		assertThat(count("MATCH (o:Org {id: 'o-xz-p'}) RETURN count(o)")).isZero();
	}

	@Test
	void aScopeIsReadFromTheTreeAsTheChangeFindsItNotAsItWas() {
		OrgChanges hbt = this.changes.within(WriteScope.of("o-hbt"));
		hbt.renameOrg("o-xz-b", "養殖支部");
		// Moved out by a change without a scope: o-xz-b and its members leave o-hbt's subtree with it.
		this.changes.moveOrg("o-xz", "o-npe");

		assertRejected(() -> hbt.renameOrg("o-xz-b", "又改名"), "o-xz-b", "id");
		assertRejected(() -> hbt.transferMember("b1", "o-hbt", null, null), "b1", "member");
		// And back in: changeable again.
		this.changes.moveOrg("o-xz", "o-hbt");
		hbt.renameOrg("o-xz-b", "又改名");
		assertThat(count("MATCH (:Org {id: 'o-xz-b', name: '又改名'}) RETURN count(*)")).isEqualTo(1);
	}

	@Test
	void aScopedCallerCannotMoveOrDissolveItsScopesRootNorCreateAnOrgWithoutAParent() {
		OrgChanges xz = this.changes.within(WriteScope.of("o-xz"));
		ChangeRejectedException dissolved = assertRejected(() -> xz.dissolveOrg("o-xz", "o-xz-b"), "o-xz", "id");
		ChangeRejectedException moved = assertRejected(() -> xz.moveOrg("o-xz", "o-xz-b"), "o-xz", "id");
		for (ChangeRejectedException rejected : List.of(dissolved, moved)) {
			// Nothing about its parent or where its children would go, which lie outside.
			assertThat(rejected.problems()).singleElement()
				.extracting(Problem::message)
				.asString()
				.contains("root of your scope")
				.doesNotContain("o-hbt");
		}
		ChangeRejectedException created = assertRejected(
				() -> xz.createOrg(NewOrg.of("o-c2", OrgKind.COUNTY_COMMITTEE, "另一縣委", null)), "o-c2", "parent");
		assertThat(created.problems()).singleElement().extracting(Problem::message).asString().contains("o-xz");
		// Without a scope, the same root may go.
		this.changes.moveOrg("o-xz", "o-npe");
		assertThat(count("MATCH (:Org {id: 'o-xz'})-[:SUBORDINATE_TO]->(:Org {id: 'o-npe'}) RETURN count(*)"))
			.isEqualTo(1);
	}

	@Test
	void aTakenIdIsRefusedWithOneMessageWhateverHoldsIt() {
		OrgChanges hbt = this.changes.within(WriteScope.of("o-hbt"));
		List<Problem> expected = null;
		for (String id : List.of("o-xz", "o-e1", "o-county", "u-xz", "a1", "e1")) {
			for (OrgChanges changes : List.of(hbt, this.changes)) {
				List<Problem> problems = normalised(
						assertRejected(() -> changes.createOrg(NewOrg.of(id, OrgKind.BRANCH, "新支部", "o-xz")), id, "id"),
						id);
				assertThat(normalised(
						assertRejected(() -> changes.addMember(NewMember.of(id, "趙五", MemberStatus.FULL, "o-xz")), id,
								"id"),
						id))
					.isEqualTo(problems);
				if (expected == null) {
					expected = problems;
				}
				assertThat(problems).as("%s in %s", id, changes.scope()).isEqualTo(expected);
			}
		}
		assertThat(expected).singleElement()
			.extracting(Problem::message)
			.asString()
			.contains("already taken")
			.doesNotContain("Org", "Unit", "Member");
	}

	/**
	 * The change with {@code outside} is refused exactly as with {@code unknown}, nothing written
	 * either time.
	 */
	private static void assertRefusedAsUnknown(String change, Function<String, ThrowingCallable> made, String outside,
			String unknown) {
		List<Problem> outsideProblems = rejected(made.apply(outside));
		List<Problem> unknownProblems = rejected(made.apply(unknown));
		assertThat(outsideProblems).as(change).isNotEmpty();
		assertThat(normalised(outsideProblems, outside)).as("%s with %s, as with %s", change, outside, unknown)
			.isEqualTo(normalised(unknownProblems, unknown));
	}

	private static List<Problem> rejected(ThrowingCallable change) {
		List<String> before = GraphSnapshot.take();
		Throwable thrown = catchThrowable(change);
		assertThat(thrown).isInstanceOf(ChangeRejectedException.class);
		assertThat(GraphSnapshot.take()).as("nothing written").isEqualTo(before);
		return ((ChangeRejectedException) thrown).problems();
	}

	private static List<Problem> normalised(ChangeRejectedException rejected, String id) {
		return normalised(rejected.problems(), id);
	}

	/** The problems with {@code id} written as {@code X}. */
	private static List<Problem> normalised(List<Problem> problems, String id) {
		return problems.stream()
			.map((p) -> new Problem(p.item().replace(id, "X"), p.field(), p.message().replace(id, "X")))
			.toList();
	}

	// Input is data, never Cypher

	@Test
	void namesAndIdsThatLookLikeCypherAreStoredLiterally() {
		List<String> names = List.of("x'}) DETACH DELETE n //", "a\"b\\c\\'d", "'; MATCH (n) DETACH DELETE n; //",
				"名字 /* 註釋 */ $id {id: 'o-xz'} `Org` \\u0027");
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			String id = "o-" + i + "'}) DETACH DELETE n //";
			Map<String, Long> labels = labelCounts();
			long relationships = count("MATCH ()-[r]->() RETURN count(r)");

			this.changes.createOrg(NewOrg.of(id, OrgKind.BRANCH, name, "o-xz"));

			Map<String, Long> expected = new HashMap<>(labels);
			expected.merge("Org", 1L, Long::sum);
			expected.merge("Event", 1L, Long::sum);
			assertThat(labelCounts()).isEqualTo(expected);
			assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships + 1);
			assertThat(nameOf("Org", id)).isEqualTo(name);
		}

		String name = names.get(0);
		this.changes.renameOrg("o-xz", name);
		this.changes.addMember(NewMember.of("n'1 //", name, MemberStatus.FULL, "o-xz"));
		this.changes.transferMember("b3", "o-xz", name, null);
		assertThat(nameOf("Org", "o-xz")).isEqualTo(name);
		assertThat(nameOf("Member", "n'1 //")).isEqualTo(name);
		assertThat(this.transfers.ofMember("b3")).singleElement().extracting(TransferRecord::reason).isEqualTo(name);
		assertThat(count("MATCH (o:Org) RETURN count(o)")).isEqualTo(7 + names.size());
		assertThat(count("MATCH (m:Member) RETURN count(m)")).isEqualTo(6);
	}

	/**
	 * Runs a change that must be rejected with a problem on {@code item} and {@code field}, and
	 * checks that the stored graph is exactly as before.
	 */
	private static ChangeRejectedException assertRejected(ThrowingCallable change, String item, String field) {
		List<String> before = GraphSnapshot.take();
		long transfers = count("MATCH (t:Transfer) RETURN count(t)");
		Throwable thrown = catchThrowable(change);
		assertThat(thrown).isInstanceOf(ChangeRejectedException.class);
		ChangeRejectedException rejected = (ChangeRejectedException) thrown;
		assertThat(rejected.problems()).extracting(Problem::item, Problem::field).contains(tuple(item, field));
		assertThat(GraphSnapshot.take()).as("nothing written").isEqualTo(before);
		assertThat(count("MATCH (t:Transfer) RETURN count(t)")).isEqualTo(transfers);
		return rejected;
	}

	private static long countWith(String cypher, Map<String, Object> parameters) {
		return TestNeo4j.driver()
			.executableQuery(cypher)
			.withParameters(parameters)
			.execute()
			.records()
			.get(0)
			.get(0)
			.asLong();
	}

	private static NewMember member(String id, String org, String group, String unit) {
		return new NewMember(id, "趙五", MemberStatus.FULL, org, unit, null, null, null, null, null, null, group, null,
				null);
	}

	private static Map<String, Long> labelCounts() {
		Map<String, Long> counts = new HashMap<>();
		TestNeo4j.driver()
			.executableQuery("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
			.execute()
			.records()
			.forEach((r) -> counts.put(r.get("label").asString(), r.get("n").asLong()));
		return counts;
	}

	private static String nameOf(String label, String id) {
		String cypher = "MATCH (n {id: $id}) WHERE $label IN labels(n) RETURN n.name AS name";
		return TestNeo4j.driver()
			.executableQuery(cypher)
			.withParameters(Map.of("id", id, "label", label))
			.execute()
			.records()
			.get(0)
			.get("name")
			.asString();
	}

	// SmallCounty is package-private in org.partygraph.queries; this package reaches the same
	// fixture rather than keeping a copy that could drift from it.
	private static Dataset smallCounty() {
		try {
			Method dataset = Class.forName("org.partygraph.queries.SmallCounty").getDeclaredMethod("dataset");
			dataset.setAccessible(true);
			return (Dataset) dataset.invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot reach the SmallCounty fixture", ex);
		}
	}

}
