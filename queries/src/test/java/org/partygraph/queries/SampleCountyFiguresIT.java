package org.partygraph.queries;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.seed.HuairenCounty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partygraph.queries.TestNeo4j.count;

/**
 * The sample county, imported into Neo4j, reproduces the report's figures. The counts are Cypher
 * written here from docs/contract.md's definitions, not the service's own pattern queries.
 */
class SampleCountyFiguresIT {

	@BeforeAll
	static void importSampleCounty() {
		TestNeo4j.clear();
		new DatasetImporter(TestNeo4j.driver()).importDataset(HuairenCounty.dataset(), ImportProgressCounter.NONE);
	}

	@Test
	void enterpriseAndProductionBase() {
		assertThat(count("MATCH (u:Unit {kind:'ENTERPRISE', leading:true}) RETURN count(u)")).isEqualTo(15);
		assertThat(count("""
				MATCH (u:Unit {kind:'ENTERPRISE', leading:true}) WHERE EXISTS { (:Org)-[:SET_UP_IN]->(u) }
				RETURN count(u)""")).isEqualTo(15);
		assertThat(count("""
				MATCH (m:Member)-[:MEMBER_OF]->(:Org)-[:SET_UP_IN]->(e:Unit {kind:'ENTERPRISE', leading:true}),
				      (m)-[:WORKS_IN]->(:Unit {kind:'PRODUCTION_BASE'})-[:SUPPLIES]->(e)
				RETURN count(DISTINCT m)""")).isEqualTo(105);
		assertThat(count("""
				MATCH (o:Org)-[:SET_UP_IN]->(:Unit {kind:'ENTERPRISE', leading:true})
				WHERE EXISTS { (o)-[:CO_MANAGED_BY]->(:Org {kind:'TOWNSHIP_COMMITTEE'}) }
				  AND EXISTS { (o)-[:SUBORDINATE_TO]->(:Org {kind:'WORKING_COMMITTEE'}) }
				RETURN count(DISTINCT o)""")).isEqualTo(15);
	}

	@Test
	void industryOrgsAndParkBranches() {
		String townships = """
				MATCH (o:Org {kind:$kind})-[:SET_UP_IN]->(:Unit {kind:'INDUSTRY'}),
				      (o)-[:SUBORDINATE_TO]->(t:Org {kind:'TOWNSHIP_COMMITTEE'})
				RETURN count(DISTINCT t)""";
		assertThat(count(townships.replace("$kind", "'GENERAL_BRANCH'"))).isEqualTo(4);
		assertThat(count(townships.replace("$kind", "'BRANCH'"))).isEqualTo(6);
		// Each industry org's secretary is a deputy secretary of its township committee.
		assertThat(count("""
				MATCH (o:Org)-[:SET_UP_IN]->(:Unit {kind:'INDUSTRY'}), (o)-[:SUBORDINATE_TO]->(t:Org {kind:'TOWNSHIP_COMMITTEE'})
				WHERE EXISTS { (s:Member)-[:HOLDS {role:'SECRETARY'}]->(o) WHERE (s)-[:HOLDS {role:'DEPUTY_SECRETARY'}]->(t) }
				RETURN count(DISTINCT o)""")).isEqualTo(10);
		assertThat(count("""
				MATCH (o:Org)-[:SET_UP_IN]->(:Unit {kind:'PARK'}) WHERE o.kind IN ['BRANCH', 'JOINT_BRANCH']
				RETURN count(DISTINCT o)""")).isEqualTo(14);
		assertThat(count("""
				MATCH (o:Org {kind:'JOINT_BRANCH'})-[:SET_UP_IN]->(:Unit {kind:'PARK'}) RETURN count(DISTINCT o)"""))
			.isBetween(1L, 13L);
	}

	@Test
	void villageAndCooperative() {
		assertThat(count("MATCH (c:Unit {kind:'COOPERATIVE'}) RETURN count(c)")).isEqualTo(846);
		assertThat(count("MATCH (o:Org)-[:SET_UP_IN]->(:Unit {kind:'COOPERATIVE'}) RETURN count(DISTINCT o)"))
			.isEqualTo(43);
		assertThat(count("""
				MATCH (c:Unit {kind:'COOPERATIVE'}) WHERE EXISTS { (:Org)-[:SET_UP_IN]->(c) }
				RETURN sum(c.householdsDriven)""")).isGreaterThanOrEqualTo(21_000);
		// The chain: village general branch -> cooperative branch -> industry-chain party group -> members.
		assertThat(count("""
				MATCH (m:Member)-[:IN_GROUP]->(g:Org {kind:'PARTY_GROUP'})-[:SUBORDINATE_TO]->(b:Org)
				      -[:SUBORDINATE_TO]->(:Org {kind:'GENERAL_BRANCH'})-[:SET_UP_IN]->(:Unit {kind:'VILLAGE'}),
				      (b)-[:SET_UP_IN]->(:Unit {kind:'COOPERATIVE'})
				RETURN count(DISTINCT b)""")).isPositive();
	}

	@Test
	void villageAndTradeBranch() {
		assertThat(count("MATCH (v:Unit {kind:'VILLAGE', industryCluster:true}) RETURN count(v)")).isEqualTo(45);
		assertThat(count("""
				MATCH (v:Unit {kind:'VILLAGE', industryCluster:true})
				WHERE EXISTS { (:Org {kind:'GENERAL_BRANCH'})-[:SET_UP_IN]->(v) }
				RETURN count(v)""")).isEqualTo(32);
		assertThat(count("""
				MATCH (b:Org {kind:'BRANCH'})-[:SUBORDINATE_TO]->(:Org {kind:'GENERAL_BRANCH'})-[:SET_UP_IN]->(:Unit {kind:'VILLAGE'})
				WHERE b.trade IS NOT NULL
				RETURN count(DISTINCT b)""")).isEqualTo(82);
		for (String village : List.of("下寨村", "路莊村", "鹽豐營村")) {
			assertThat(count("""
					MATCH (v:Unit {kind:'VILLAGE', industryCluster:true, name:'%s'})<-[:SET_UP_IN]-(g:Org {kind:'GENERAL_BRANCH'}),
					      (t:Org {kind:'BRANCH'})-[:SUBORDINATE_TO]->(g)
					WHERE t.trade IS NOT NULL
					RETURN count(DISTINCT t)""".formatted(village))).as(village).isPositive();
		}
	}

	@Test
	void plantedRuleBreaksAreThere() {
		String fullMembers = "count { (m:Member {status:'FULL'})-[:MEMBER_OF]->(o) }";
		assertThat(count("MATCH (o:Org) WHERE o.kind IN ['BRANCH','JOINT_BRANCH'] AND " + fullMembers
				+ " < 3 RETURN count(o)")).isPositive();
		assertThat(count("MATCH (o:Org {kind:'BRANCH'}) WHERE count { (:Member)-[:MEMBER_OF]->(o) } > 50 RETURN count(o)"))
			.isPositive();
		assertThat(count("MATCH (o:Org) WHERE o.kind IN ['BRANCH','JOINT_BRANCH'] AND " + fullMembers
				+ " >= 7 AND NOT coalesce(o.hasCommittee, false) RETURN count(o)")).isPositive();
		assertThat(count("""
				MATCH (o:Org) WHERE o.kind <> 'PARTY_GROUP' AND NOT EXISTS { (:Member)-[:HOLDS {role:'SECRETARY'}]->(o) }
				RETURN count(o)""")).isPositive();
	}

	@Test
	void townshipsCarryTheirRealNames() {
		assertThat(count("""
				MATCH (t:Unit {kind:'TOWNSHIP'})-[:LOCATED_IN]->(:Unit {kind:'COUNTY', name:'懷仁縣'})
				WHERE t.name IN ['雲中鎮','吳家窯鎮','金沙灘鎮','毛家皂鎮','何家堡鄉','新家園鄉','親和鄉','海北頭鄉','馬辛莊鄉','河頭鄉','鵝毛口鄉']
				RETURN count(t)""")).isEqualTo(11);
	}

}
