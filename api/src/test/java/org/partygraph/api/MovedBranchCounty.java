package org.partygraph.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A county with a past, for the tests of reads on a past day: four orgs ({@code P-county}, the
 * townships {@code P-t1} and {@code P-t2}, the branch {@code P-b1} under the first) and two members
 * ({@code P-m1} in the branch, {@code P-m2} in the first township), imported 30 days ago; 10 days
 * ago the branch moved to the second township. {@code P} is the prefix, one per test class, so that
 * classes sharing the service do not meet; {@link #remove} takes it out again (the shared service's
 * other tests count everything).
 */
public final class MovedBranchCounty {

	private MovedBranchCounty() {
	}

	/**
	 * Imports the county once (a second call finds the dataset and does nothing).
	 * @param graphQl an ADMIN's tester, for the move
	 * @return today
	 */
	public static LocalDate ensure(DatasetImporter importer, DatasetExporter exporter, GraphQlTester graphQl,
			String dataset, String prefix, String namePrefix) {
		LocalDate today = LocalDate.now();
		if (exporter.datasetNames().contains(dataset)) {
			return today;
		}
		importer.importDataset(new Dataset(dataset, List.of(),
				List.of(Org.of(prefix + "-county", OrgKind.COUNTY_COMMITTEE, namePrefix + "測縣委", null),
						Org.of(prefix + "-t1", OrgKind.TOWNSHIP_COMMITTEE, namePrefix + "甲鄉黨委", prefix + "-county"),
						Org.of(prefix + "-t2", OrgKind.TOWNSHIP_COMMITTEE, namePrefix + "乙鄉黨委", prefix + "-county"),
						Org.of(prefix + "-b1", OrgKind.BRANCH, namePrefix + "丙村黨支部", prefix + "-t1")),
				List.of(Member.of(prefix + "-m1", namePrefix + "張甲", MemberStatus.FULL, prefix + "-b1"),
						Member.of(prefix + "-m2", namePrefix + "張乙", MemberStatus.FULL, prefix + "-t1"))),
				(step, done, total) -> {
				}, today.minusDays(30), "test");
		graphQl.document("mutation($id: ID!, $parent: ID!, $on: Date) { moveOrg(id: $id, parent: $parent, on: $on) {"
				+ " errors { message } } }")
			.variable("id", prefix + "-b1")
			.variable("parent", prefix + "-t2")
			.variable("on", today.minusDays(10).toString())
			.execute()
			.path("moveOrg.errors")
			.entityList(Object.class)
			.hasSize(0);
		return today;
	}

	/** Deletes the county, its dataset and its events. */
	public static void remove(Driver driver, String dataset, String prefix) {
		try (Session session = driver.session()) {
			session.executeWriteWithoutResult((tx) -> {
				tx.run("MATCH (n) WHERE (n:Org OR n:DissolvedOrg OR n:Member OR n:Unit) AND n.dataset = $name DETACH DELETE n",
						Map.of("name", dataset));
				tx.run("MATCH (t:Transfer) WHERE t.member STARTS WITH $prefix DETACH DELETE t",
						Map.of("prefix", prefix + "-"));
				tx.run("MATCH (c:Candidate) WHERE c.dataset = $name OR c.id STARTS WITH $prefix"
						+ " OPTIONAL MATCH (c)-[:RECORDED]->(r:DevelopmentRecord) DETACH DELETE c, r",
						Map.of("name", dataset, "prefix", prefix + "-"));
				tx.run("MATCH (d:Dataset {name: $name}) DETACH DELETE d", Map.of("name", dataset));
				tx.run("MATCH (e:Event) WHERE e.imported = $name OR e.org STARTS WITH $prefix OR e.member STARTS WITH $prefix DELETE e",
						Map.of("name", dataset, "prefix", prefix + "-"));
			});
		}
	}

}
