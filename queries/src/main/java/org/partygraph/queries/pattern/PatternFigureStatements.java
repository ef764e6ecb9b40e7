package org.partygraph.queries.pattern;

/**
 * The statement of {@link PatternQueries#summary}: the four patterns' figures in one read, with
 * and without a within org (see {@link PatternQueries} for how {@code within} limits them).
 */
final class PatternFigureStatements {

	// An unknown within id leaves no row at all, which reads as all zeros.
	// Scope first: with a within org, the orgs of its subtree are gathered once, walking down from
	// it, and the unit figures start from the units it is set up in, so a county of a province costs
	// what the county holds, not what the store holds. With none, every org and unit is read. The two
	// are separate statements (no null test in a UNION): each plans faster and has no dead branch.
	// Patterns from a bound org or unit carry no label: with one, the planner could start from a
	// label index and join back (it cannot tell how few orgs the list holds), reading every unit.
	private static final String SCOPE_WITHIN = """
			MATCH (w:Org {id: $within})
			MATCH (w)<-[:SUBORDINATE_TO*0..]-(o:Org)
			WITH w, collect(DISTINCT o) AS orgs
			""";

	// The units located (at any depth) in the units the within org is set up in: walked once, each
	// figure then taken from the list.
	private static final String UNITS_WITHIN = """
			CALL (w) {
			  OPTIONAL MATCH (w)-[:SET_UP_IN]->(s)<-[:LOCATED_IN*1..]-(x)
			  WHERE s <> x
			  WITH DISTINCT x
			  WITH collect(x) AS inside
			  WITH [e IN inside WHERE e.kind = 'ENTERPRISE' AND e.leading = true] AS leading,
			       [c IN inside WHERE c.kind = 'COOPERATIVE'] AS coops,
			       [v IN inside WHERE v.kind = 'VILLAGE' AND v.industryCluster = true] AS clustered
			  RETURN size(leading) AS leadingEnterprises,
			         size([e IN leading WHERE EXISTS {
			           (o)-[:SET_UP_IN]->(e) WHERE EXISTS { (o)-[:SUBORDINATE_TO*0..]->(w) }
			         }]) AS enterprisesWithOrg,
			         size(coops) AS cooperatives,
			         size(clustered) AS clusterVillages,
			         size([v IN clustered WHERE EXISTS {
			           (g)-[:SET_UP_IN]->(v) WHERE g.kind = 'GENERAL_BRANCH' AND EXISTS { (g)-[:SUBORDINATE_TO*0..]->(w) }
			         }]) AS upgradedToGeneralBranch
			}
			""";

	// The figures of the orgs in scope. An org's relationships sit in one chain with its members'
	// (most orgs have too few to be split by type), so every expansion from an org walks all of them:
	// the units each org is set up in are read in one expansion, and the figures taken from that list;
	// other expansions only from the few orgs a figure concerns.
	private static final String ORG_FIGURES = """
			CALL (orgs) {
			  UNWIND orgs AS o
			  WITH o, [(o)-[:SET_UP_IN]->(u) | u] AS units
			  WHERE size(units) > 0
			  RETURN collect({o: o, units: units}) AS placed
			}
			CALL (placed) {
			  UNWIND placed AS p
			  UNWIND [e IN p.units WHERE e.kind = 'ENTERPRISE' AND e.leading = true] AS e
			  WITH p.o AS o, e
			  MATCH (m)-[:MEMBER_OF]->(o)
			  // from the member's workplace (a member has few relationships, an enterprise many)
			  CALL (m, e) {
			    MATCH (m)-[:WORKS_IN]->(b)
			    WHERE b.kind = 'PRODUCTION_BASE'
			    MATCH (b)-[:SUPPLIES]->(x)
			    WHERE x = e
			    RETURN count(*) > 0 AS fromBase
			  }
			  WITH m WHERE fromBase
			  RETURN count(DISTINCT m) AS baseMembers
			}
			CALL (placed) {
			  UNWIND placed AS p
			  WITH p.o AS o, p.units AS units
			  WHERE any(e IN units WHERE e.kind = 'ENTERPRISE' AND e.leading = true)
			  WITH o
			  WHERE EXISTS { (o)-[:CO_MANAGED_BY]->(t) WHERE t.kind = 'TOWNSHIP_COMMITTEE' }
			  RETURN count(o) AS coManaged
			}
			CALL (placed) {
			  UNWIND placed AS p
			  WITH p.o AS o, p.units AS units
			  WHERE o.kind IN ['GENERAL_BRANCH', 'BRANCH'] AND any(i IN units WHERE i.kind = 'INDUSTRY')
			  MATCH (o)-[:SUBORDINATE_TO]->(t)
			  WHERE t.kind = 'TOWNSHIP_COMMITTEE'
			  RETURN count(DISTINCT CASE o.kind WHEN 'GENERAL_BRANCH' THEN t END) AS townshipsWithIndustryGeneralBranch,
			         count(DISTINCT CASE o.kind WHEN 'BRANCH' THEN t END) AS townshipsWithIndustryBranch
			}
			CALL (placed) {
			  UNWIND placed AS p
			  WITH p
			  WHERE p.o.kind IN ['BRANCH', 'JOINT_BRANCH'] AND any(x IN p.units WHERE x.kind = 'PARK')
			  RETURN count(p) AS parkBranches
			}
			CALL (placed) {
			  UNWIND placed AS p
			  WITH p
			  WHERE any(c IN p.units WHERE c.kind = 'COOPERATIVE')
			  RETURN count(p) AS cooperativeOrgs
			}
			CALL (placed) {
			  UNWIND placed AS p
			  UNWIND p.units AS c
			  WITH c
			  WHERE c.kind = 'COOPERATIVE'
			  WITH DISTINCT c
			  RETURN sum(coalesce(c.householdsDriven, 0)) AS householdsDriven
			}
			CALL (orgs) {
			  UNWIND orgs AS b
			  WITH b
			  // CASE keeps the expansions to the few branches with a trade (a WHERE may be reordered)
			  WHERE CASE WHEN b.kind = 'BRANCH' AND b.trade IS NOT NULL
			    THEN EXISTS { (b)-[:SUBORDINATE_TO]->(g)-[:SET_UP_IN]->(v) WHERE g.kind = 'GENERAL_BRANCH' AND v.kind = 'VILLAGE' }
			    ELSE false END
			  RETURN count(b) AS tradeBranches
			}
			RETURN leadingEnterprises, enterprisesWithOrg, baseMembers, coManaged, townshipsWithIndustryGeneralBranch,
			  townshipsWithIndustryBranch, parkBranches, cooperatives, cooperativeOrgs, householdsDriven, clusterVillages,
			  upgradedToGeneralBranch, tradeBranches
			""";

	// With no within: every figure starts from the few units of its kind (an index seek) and reaches
	// the orgs set up in them. Starting from every org walked each org's relationship chain (2.0 s on
	// a province); the older form with a null scope test planned badly on a county (0.5 s).
	static final String SUMMARY_ALL = """
			CALL () {
			  MATCH (e:Unit {kind: 'ENTERPRISE', leading: true})
			  RETURN count(e) AS leadingEnterprises,
			         count(CASE WHEN EXISTS { (e)<-[:SET_UP_IN]-(:Org) } THEN e END) AS enterprisesWithOrg
			}
			CALL () {
			  MATCH (e:Unit {kind: 'ENTERPRISE', leading: true})<-[:SET_UP_IN]-(o:Org)<-[:MEMBER_OF]-(m)
			  WHERE EXISTS { (m)-[:WORKS_IN]->(b)-[:SUPPLIES]->(e) WHERE b.kind = 'PRODUCTION_BASE' }
			  RETURN count(DISTINCT m) AS baseMembers
			}
			CALL () {
			  MATCH (:Unit {kind: 'ENTERPRISE', leading: true})<-[:SET_UP_IN]-(o:Org)
			  WHERE EXISTS { (o)-[:CO_MANAGED_BY]->(t) WHERE t.kind = 'TOWNSHIP_COMMITTEE' }
			  RETURN count(DISTINCT o) AS coManaged
			}
			CALL () {
			  MATCH (:Unit {kind: 'INDUSTRY'})<-[:SET_UP_IN]-(o:Org)
			  WHERE o.kind IN ['GENERAL_BRANCH', 'BRANCH']
			  WITH DISTINCT o
			  MATCH (o)-[:SUBORDINATE_TO]->(t)
			  WHERE t.kind = 'TOWNSHIP_COMMITTEE'
			  RETURN count(DISTINCT CASE o.kind WHEN 'GENERAL_BRANCH' THEN t END) AS townshipsWithIndustryGeneralBranch,
			         count(DISTINCT CASE o.kind WHEN 'BRANCH' THEN t END) AS townshipsWithIndustryBranch
			}
			CALL () {
			  MATCH (:Unit {kind: 'PARK'})<-[:SET_UP_IN]-(o:Org)
			  WHERE o.kind IN ['BRANCH', 'JOINT_BRANCH']
			  RETURN count(DISTINCT o) AS parkBranches
			}
			CALL () {
			  MATCH (c:Unit {kind: 'COOPERATIVE'})
			  RETURN count(c) AS cooperatives,
			         sum(CASE WHEN EXISTS { (c)<-[:SET_UP_IN]-(:Org) } THEN coalesce(c.householdsDriven, 0) ELSE 0 END)
			           AS householdsDriven
			}
			CALL () {
			  MATCH (:Unit {kind: 'COOPERATIVE'})<-[:SET_UP_IN]-(o:Org)
			  RETURN count(DISTINCT o) AS cooperativeOrgs
			}
			CALL () {
			  MATCH (v:Unit {kind: 'VILLAGE', industryCluster: true})
			  RETURN count(v) AS clusterVillages,
			         count(CASE WHEN EXISTS {
			           (g)-[:SET_UP_IN]->(v) WHERE g.kind = 'GENERAL_BRANCH'
			         } THEN v END) AS upgradedToGeneralBranch
			}
			CALL () {
			  MATCH (:Unit {kind: 'VILLAGE'})<-[:SET_UP_IN]-(g:Org)<-[:SUBORDINATE_TO]-(b:Org)
			  WHERE g.kind = 'GENERAL_BRANCH' AND b.kind = 'BRANCH' AND b.trade IS NOT NULL
			  RETURN count(DISTINCT b) AS tradeBranches
			}
			RETURN leadingEnterprises, enterprisesWithOrg, baseMembers, coManaged, townshipsWithIndustryGeneralBranch,
			  townshipsWithIndustryBranch, parkBranches, cooperatives, cooperativeOrgs, householdsDriven, clusterVillages,
			  upgradedToGeneralBranch, tradeBranches
			""";

	static final String SUMMARY_WITHIN = SCOPE_WITHIN + UNITS_WITHIN + ORG_FIGURES;

	private PatternFigureStatements() {
	}

}
