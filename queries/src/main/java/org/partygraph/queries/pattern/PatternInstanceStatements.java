package org.partygraph.queries.pattern;

import java.util.Map;

import org.partygraph.queries.write.MemberTallies;

/**
 * The statements of {@link PatternQueries#instances} (one per pattern) and
 * {@link PatternQueries#patternsOf}, built from the same predicates on who a pattern's org is.
 */
final class PatternInstanceStatements {

	// Who is the pattern's org, as predicates on o. Summary, instances and patternsOf share them.

	/** An org set up in a leading enterprise. */
	private static final String ENTERPRISE_ORG = """
			EXISTS { (o)-[:SET_UP_IN]->(:Unit {kind: 'ENTERPRISE', leading: true}) }""";

	// The instance is the enterprise's top org: one whose parent is not set up in the same
	// enterprise. The branches under a big enterprise's general branch are its CHILD parts.
	private static final String ENTERPRISE_TOP_ORG = """
			EXISTS { (o)-[:SET_UP_IN]->(e:Unit {kind: 'ENTERPRISE', leading: true})
			         WHERE NOT EXISTS { (o)-[:SUBORDINATE_TO]->(:Org)-[:SET_UP_IN]->(e) } }""";

	private static final String INDUSTRY_ORG = """
			(o.kind IN ['GENERAL_BRANCH', 'BRANCH']
			 AND EXISTS { (o)-[:SET_UP_IN]->(:Unit {kind: 'INDUSTRY'}) }
			 AND EXISTS { (o)-[:SUBORDINATE_TO]->(:Org {kind: 'TOWNSHIP_COMMITTEE'}) })""";

	private static final String PARK_BRANCH = """
			(o.kind IN ['BRANCH', 'JOINT_BRANCH'] AND EXISTS { (o)-[:SET_UP_IN]->(:Unit {kind: 'PARK'}) })""";

	private static final String COOPERATIVE_ORG = """
			EXISTS { (o)-[:SET_UP_IN]->(:Unit {kind: 'COOPERATIVE'}) }""";

	/** The village org a cooperative org hangs under. */
	private static final String COOPERATIVE_VILLAGE_ORG = """
			(EXISTS { (o)-[:SET_UP_IN]->(:Unit {kind: 'VILLAGE'}) }
			 AND EXISTS { (o)<-[:SUBORDINATE_TO]-(:Org)-[:SET_UP_IN]->(:Unit {kind: 'COOPERATIVE'}) })""";

	// A village general branch that counts as upgraded (its village is a cluster village) or has
	// trade branches: every upgraded village and every trade branch shows up in some instance.
	private static final String VILLAGE_GENERAL_BRANCH = """
			(o.kind = 'GENERAL_BRANCH'
			 AND (EXISTS { (o)-[:SET_UP_IN]->(:Unit {kind: 'VILLAGE', industryCluster: true}) }
			      OR (EXISTS { (o)-[:SET_UP_IN]->(:Unit {kind: 'VILLAGE'}) }
			          AND EXISTS { (o)<-[:SUBORDINATE_TO]-(b:Org {kind: 'BRANCH'}) WHERE b.trade IS NOT NULL })))""";

	private static final String TRADE_BRANCH = """
			(o.kind = 'BRANCH' AND o.trade IS NOT NULL
			 AND EXISTS { (o)-[:SUBORDINATE_TO]->(:Org {kind: 'GENERAL_BRANCH'})-[:SET_UP_IN]->(:Unit {kind: 'VILLAGE'}) })""";

	// Instances: one row per pattern org, with its parts as {role, node, figures} maps (ordered in
	// Java, by role then name) and its figures as a map (ordered in Java by FIGURE_KEYS).
	private static final String INSTANCES = """
			OPTIONAL MATCH (w:Org {id: $within})
			WITH w WHERE $within IS NULL OR w IS NOT NULL
			MATCH (o:Org)
			WHERE (w IS NULL OR EXISTS { (o)-[:SUBORDINATE_TO*0..]->(w) })
			  AND %s
			%s
			RETURN o.id AS id, o.name AS name, o.kind AS kind, parts, figures
			ORDER BY o.nameSort, o.id
			""";

	// An org's subtree count, added up from the orgs' own tallies.
	private static String memberCount(String org) {
		return MemberTallies.subtreeSum(org, "ownMembers");
	}

	private static final String ENTERPRISE_PARTS = """
			WITH o, COLLECT { MATCH (o)-[:SET_UP_IN]->(e:Unit {kind: 'ENTERPRISE', leading: true}) RETURN e } AS enterprises
			WITH o, enterprises,
			     COLLECT { UNWIND enterprises AS e
			               MATCH (b:Unit {kind: 'PRODUCTION_BASE'})-[:SUPPLIES]->(e)
			               RETURN DISTINCT b } AS bases
			WITH o, bases,
			     [e IN enterprises | {role: 'ENTERPRISE', node: e}]
			     + [b IN bases | {role: 'PRODUCTION_BASE', node: b, figures: {
			          households: coalesce(b.households, 0),
			          baseMembers: COUNT { (o)<-[:MEMBER_OF]-(:Member)-[:WORKS_IN]->(b) }}}]
			     + COLLECT {
			         MATCH (o)-[:SUBORDINATE_TO]->(p:Org) RETURN {role: 'PARENT', node: p} AS part
			         UNION ALL
			         MATCH (o)-[:CO_MANAGED_BY]->(c:Org) RETURN {role: 'CO_MANAGER', node: c} AS part
			         UNION ALL
			         MATCH (o)<-[:SUBORDINATE_TO]-(c:Org)
			         RETURN {role: 'CHILD', node: c, figures: {memberCount: %s}} AS part
			       } AS parts
			WITH o, parts, {
			       baseMembers: COUNT { (o)<-[:MEMBER_OF]-(:Member)-[:WORKS_IN]->(b:Unit) WHERE b IN bases },
			       households: reduce(total = 0, b IN bases | total + coalesce(b.households, 0)),
			       memberCount: %s,
			       townshipCoManagers: COUNT { (o)-[:CO_MANAGED_BY]->(:Org {kind: 'TOWNSHIP_COMMITTEE'}) }
			     } AS figures
			""".formatted(memberCount("c"), memberCount("o"));

	// The township is the nearest TOWNSHIP_COMMITTEE above (a park branch may hang under the
	// industry general branch). An industry org's parks are the parks of its industry lying in
	// its township's units; a park branch's are those it is set up in.
	private static final String INDUSTRY_PARK_PARTS = """
			WITH o, head(COLLECT { MATCH p = (o)-[:SUBORDINATE_TO*1..]->(t:Org {kind: 'TOWNSHIP_COMMITTEE'})
			                       RETURN t ORDER BY length(p) LIMIT 1 }) AS township
			WITH o, township,
			     COLLECT { MATCH (o)-[:SET_UP_IN]->(i:Unit {kind: 'INDUSTRY'}),
			                     (township)-[:SET_UP_IN]->(s:Unit)<-[:LOCATED_IN*1..]-(p:Unit {kind: 'PARK'})-[:IN_INDUSTRY]->(i)
			               RETURN DISTINCT p } AS industryParks,
			     COLLECT { MATCH (o)<-[:HOLDS {role: 'SECRETARY'}]-(s:Member) RETURN DISTINCT s } AS secretaries
			WITH o, township, secretaries,
			     [s IN secretaries WHERE EXISTS { (s)-[:HOLDS {role: 'DEPUTY_SECRETARY'}]->(township) }] AS deputies,
			     [t IN [township] WHERE t IS NOT NULL | {role: 'TOWNSHIP', node: t}]
			     + [p IN industryParks | {role: 'PARK', node: p}]
			     + COLLECT {
			         MATCH (o)-[:SUBORDINATE_TO]->(p:Org) RETURN {role: 'PARENT', node: p} AS part
			         UNION ALL
			         MATCH (o)-[:SET_UP_IN]->(u:Unit)
			         RETURN {role: CASE u.kind WHEN 'INDUSTRY' THEN 'INDUSTRY' WHEN 'PARK' THEN 'PARK' ELSE 'UNIT' END,
			                 node: u} AS part
			         UNION ALL
			         MATCH (o)-[:SET_UP_IN]->(:Unit {kind: 'PARK'})-[:IN_INDUSTRY]->(i:Unit)
			         RETURN {role: 'INDUSTRY', node: i} AS part
			         UNION ALL
			         UNWIND industryParks AS p
			         MATCH (b:Org)-[:SET_UP_IN]->(p)
			         WHERE b.kind IN ['BRANCH', 'JOINT_BRANCH']
			         RETURN {role: 'PARK_BRANCH', node: b, figures: {memberCount: %1$s}} AS part
			         UNION ALL
			         MATCH (o)<-[:SUBORDINATE_TO]-(b:Org)
			         WHERE b.kind IN ['BRANCH', 'JOINT_BRANCH'] AND EXISTS { (b)-[:SET_UP_IN]->(:Unit {kind: 'PARK'}) }
			         RETURN {role: 'PARK_BRANCH', node: b, figures: {memberCount: %1$s}} AS part
			         UNION ALL
			         UNWIND secretaries AS s
			         RETURN {role: 'SECRETARY', node: s, figures: {
			                   townshipDeputySecretary: CASE WHEN EXISTS { (s)-[:HOLDS {role: 'DEPUTY_SECRETARY'}]->(township) }
			                                                 THEN 1 ELSE 0 END}} AS part
			       } AS parts
			WITH o, parts, {
			       industryOrg: CASE WHEN %3$s THEN 1 ELSE 0 END,
			       parkBranch: CASE WHEN %4$s THEN 1 ELSE 0 END,
			       memberCount: %2$s,
			       unitsSetUpIn: COUNT { (o)-[:SET_UP_IN]->(:Unit) },
			       secretaryIsTownshipDeputy: CASE WHEN size(deputies) > 0 THEN 1 ELSE 0 END
			     } AS figures
			""".formatted(memberCount("b"), memberCount("o"), INDUSTRY_ORG, PARK_BRANCH);

	// The chain 村黨總支—合作社黨支部—產業鏈黨小組—產業黨員 is complete when the parent is a general
	// branch set up in a village and some party group under the org has members assigned.
	private static final String COOPERATIVE_PARTS = """
			WITH o, COLLECT { MATCH (o)-[:SET_UP_IN]->(c:Unit {kind: 'COOPERATIVE'}) RETURN c } AS cooperatives
			WITH o, cooperatives,
			     [c IN cooperatives | {role: 'COOPERATIVE', node: c, figures: {householdsDriven: coalesce(c.householdsDriven, 0)}}]
			     + COLLECT {
			         MATCH (o)-[:SUBORDINATE_TO]->(p:Org) RETURN {role: 'PARENT', node: p} AS part
			         UNION ALL
			         UNWIND cooperatives AS c
			         MATCH (c)-[:LOCATED_IN*1..]->(v:Unit {kind: 'VILLAGE'})
			         RETURN {role: 'VILLAGE', node: v} AS part
			         UNION ALL
			         UNWIND cooperatives AS c
			         MATCH (c)-[:IN_INDUSTRY]->(i:Unit)
			         RETURN {role: 'INDUSTRY', node: i} AS part
			         UNION ALL
			         MATCH (o)<-[:SUBORDINATE_TO]-(g:Org {kind: 'PARTY_GROUP'})
			         RETURN {role: 'PARTY_GROUP', node: g, figures: {memberCount: COUNT { (g)<-[:IN_GROUP]-(:Member) }}} AS part
			       } AS parts
			WITH o, parts, {
			       householdsDriven: reduce(total = 0, c IN cooperatives | total + coalesce(c.householdsDriven, 0)),
			       memberCount: %s,
			       partyGroups: COUNT { (o)<-[:SUBORDINATE_TO]-(:Org {kind: 'PARTY_GROUP'}) },
			       groupedMembers: COUNT { (o)<-[:SUBORDINATE_TO]-(:Org {kind: 'PARTY_GROUP'})<-[:IN_GROUP]-(:Member) },
			       chainComplete: CASE WHEN EXISTS { (o)-[:SUBORDINATE_TO]->(:Org {kind: 'GENERAL_BRANCH'})-[:SET_UP_IN]->(:Unit {kind: 'VILLAGE'}) }
			                                AND EXISTS { (o)<-[:SUBORDINATE_TO]-(:Org {kind: 'PARTY_GROUP'})<-[:IN_GROUP]-(:Member) }
			                           THEN 1 ELSE 0 END
			     } AS figures
			""".formatted(memberCount("o"));

	private static final String TRADE_BRANCH_PARTS = """
			WITH o,
			     COLLECT {
			       MATCH (o)-[:SUBORDINATE_TO]->(p:Org) RETURN {role: 'PARENT', node: p} AS part
			       UNION ALL
			       MATCH (o)-[:SET_UP_IN]->(v:Unit {kind: 'VILLAGE'})
			       RETURN {role: 'VILLAGE', node: v, figures: {industryCluster: CASE WHEN v.industryCluster THEN 1 ELSE 0 END}} AS part
			       UNION ALL
			       MATCH (o)<-[:SUBORDINATE_TO]-(b:Org)
			       RETURN {role: CASE WHEN b.kind = 'BRANCH' AND b.trade IS NOT NULL THEN 'TRADE_BRANCH'
			                          WHEN b.kind = 'PARTY_GROUP' THEN 'PARTY_GROUP' ELSE 'CHILD' END,
			               node: b,
			               figures: {memberCount: CASE b.kind WHEN 'PARTY_GROUP' THEN coalesce(b.groupMembers, 0)
			                                      ELSE %1$s END}} AS part
			     } AS parts
			WITH o, parts, {
			       clusterVillage: CASE WHEN EXISTS { (o)-[:SET_UP_IN]->(:Unit {kind: 'VILLAGE', industryCluster: true}) } THEN 1 ELSE 0 END,
			       tradeBranches: COUNT { (o)<-[:SUBORDINATE_TO]-(b:Org {kind: 'BRANCH'}) WHERE b.trade IS NOT NULL },
			       tradeBranchMembers: reduce(n = 0, x IN COLLECT {
			                             MATCH (o)<-[:SUBORDINATE_TO]-(b:Org {kind: 'BRANCH'})<-[:SUBORDINATE_TO*0..]-(d:Org)
			                             WHERE b.trade IS NOT NULL RETURN d.ownMembers } | n + coalesce(x, 0)),
			       memberCount: %2$s
			     } AS figures
			""".formatted(memberCount("b"), memberCount("o"));

	static final Map<Pattern, String> INSTANCE_STATEMENTS = Map.of(
			Pattern.ENTERPRISE_BASE, INSTANCES.formatted(ENTERPRISE_TOP_ORG, ENTERPRISE_PARTS),
			Pattern.INDUSTRY_PARK, INSTANCES.formatted("(" + INDUSTRY_ORG + " OR " + PARK_BRANCH + ")", INDUSTRY_PARK_PARTS),
			Pattern.VILLAGE_COOPERATIVE, INSTANCES.formatted(COOPERATIVE_ORG, COOPERATIVE_PARTS),
			Pattern.VILLAGE_TRADE_BRANCH, INSTANCES.formatted(VILLAGE_GENERAL_BRANCH, TRADE_BRANCH_PARTS));

	static final String PATTERNS_OF = """
			UNWIND $ids AS key
			MATCH (o:Org {id: key})
			RETURN key,
			       %s AS enterpriseBase,
			       (%s OR %s) AS industryPark,
			       (%s OR %s) AS villageCooperative,
			       (%s OR %s) AS villageTradeBranch
			""".formatted(ENTERPRISE_ORG, INDUSTRY_ORG, PARK_BRANCH, COOPERATIVE_ORG, COOPERATIVE_VILLAGE_ORG,
			VILLAGE_GENERAL_BRANCH, TRADE_BRANCH);

	private PatternInstanceStatements() {
	}

}
