package org.partygraph.queries.pattern;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.partygraph.queries.write.MemberTallies;
import org.partygraph.queries.read.ReadStatements;
import org.partygraph.queries.read.StatementListener;

/**
 * Detects the four patterns (CONTRACT.md section 2, "Pattern metric keys") in the stored graph:
 * their figures, the instances behind the figures, and which patterns an org takes part in. Each
 * method is one statement.
 *
 * <h2>How {@code within} limits a query</h2>
 * {@code within} is an org id; {@code null} means the whole graph (every dataset). With it:
 * <ul>
 * <li><b>org-based</b> figures count only orgs in the within org's subtree through
 * {@code SUBORDINATE_TO}, the within org included. Only the counted orgs are tested against the
 * scope; the units they are set up in, their co-managers and their parents may lie outside it.
 * So {@code coManaged}, {@code parkBranches} and {@code cooperativeOrgs} count in-scope orgs
 * wherever their enterprise, park or cooperative lies; {@code townshipsWithIndustry*} count the
 * parent townships of in-scope industry orgs (within an industry org, its township counts);
 * {@code householdsDriven} sums, each once, the cooperatives that some in-scope org is set up
 * in; {@code tradeBranches} counts in-scope trade branches (within a trade branch, itself).</li>
 * <li><b>member-based</b> figures ({@code baseMembers}) count only members whose membership org
 * is in the subtree.</li>
 * <li><b>unit-based</b> figures ({@code leadingEnterprises}, {@code cooperatives},
 * {@code clusterVillages}) count the units U for which there is a unit S that the within org is
 * {@code SET_UP_IN}, S not U, and a path of one or more {@code LOCATED_IN} from U to S. So the
 * units the within org is itself set up in are not counted, unless one of them lies in another
 * (within a village general branch the village is not a cluster village of its scope, its
 * cooperatives are cooperatives of its scope), and a unit is never located in itself, not even
 * round a {@code LOCATED_IN} cycle. Variable-length patterns never reuse a relationship, so a
 * cycle ends the walk instead of looping. {@code enterprisesWithOrg} and
 * {@code upgradedToGeneralBranch} count those in-scope units that an in-scope org (a
 * GENERAL_BRANCH for the latter) is set up in: within a township committee, an enterprise whose
 * org hangs under the working committee counts as a leading enterprise but not as one with an
 * org.</li>
 * </ul>
 * An unknown within id yields every figure 0 and no instances; telling "not found" apart is the
 * API layer's business.
 */
public final class PatternQueries {

	/** Every metric key of every pattern, in the contract's order. */
	public static final Map<Pattern, List<String>> METRIC_KEYS = metricKeys();

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
	private static final String SUMMARY_ALL = """
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



	private static final String SUMMARY_WITHIN = SCOPE_WITHIN + UNITS_WITHIN + ORG_FIGURES;



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
			ORDER BY o.name, o.id
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

	private static final Map<Pattern, String> INSTANCE_STATEMENTS = Map.of(
			Pattern.ENTERPRISE_BASE, INSTANCES.formatted(ENTERPRISE_TOP_ORG, ENTERPRISE_PARTS),
			Pattern.INDUSTRY_PARK, INSTANCES.formatted("(" + INDUSTRY_ORG + " OR " + PARK_BRANCH + ")", INDUSTRY_PARK_PARTS),
			Pattern.VILLAGE_COOPERATIVE, INSTANCES.formatted(COOPERATIVE_ORG, COOPERATIVE_PARTS),
			Pattern.VILLAGE_TRADE_BRANCH, INSTANCES.formatted(VILLAGE_GENERAL_BRANCH, TRADE_BRANCH_PARTS));

	/** Parts come in this role order per pattern, then by name and id. */
	private static final Map<Pattern, List<String>> ROLES = Map.of(
			Pattern.ENTERPRISE_BASE, List.of("ENTERPRISE", "PRODUCTION_BASE", "PARENT", "CO_MANAGER", "CHILD"),
			Pattern.INDUSTRY_PARK, List.of("TOWNSHIP", "PARENT", "INDUSTRY", "PARK", "UNIT", "PARK_BRANCH", "SECRETARY"),
			Pattern.VILLAGE_COOPERATIVE, List.of("PARENT", "VILLAGE", "COOPERATIVE", "INDUSTRY", "PARTY_GROUP"),
			Pattern.VILLAGE_TRADE_BRANCH, List.of("PARENT", "VILLAGE", "TRADE_BRANCH", "PARTY_GROUP", "CHILD"));

	/** Instance figures come in this order per pattern. */
	private static final Map<Pattern, List<String>> FIGURE_KEYS = Map.of(
			Pattern.ENTERPRISE_BASE, List.of("baseMembers", "households", "memberCount", "townshipCoManagers"),
			Pattern.INDUSTRY_PARK,
			List.of("industryOrg", "parkBranch", "memberCount", "unitsSetUpIn", "secretaryIsTownshipDeputy"),
			Pattern.VILLAGE_COOPERATIVE,
			List.of("householdsDriven", "memberCount", "partyGroups", "groupedMembers", "chainComplete"),
			Pattern.VILLAGE_TRADE_BRANCH, List.of("clusterVillage", "tradeBranches", "tradeBranchMembers", "memberCount"));

	private static final String PATTERNS_OF = """
			UNWIND $ids AS key
			MATCH (o:Org {id: key})
			RETURN key,
			       %s AS enterpriseBase,
			       (%s OR %s) AS industryPark,
			       (%s OR %s) AS villageCooperative,
			       (%s OR %s) AS villageTradeBranch
			""".formatted(ENTERPRISE_ORG, INDUSTRY_ORG, PARK_BRANCH, COOPERATIVE_ORG, COOPERATIVE_VILLAGE_ORG,
			VILLAGE_GENERAL_BRANCH, TRADE_BRANCH);

	/** Part figures come in this order; any other key after them. */
	private static final List<String> PART_FIGURE_KEYS = List.of("households", "householdsDriven", "baseMembers",
			"industryCluster", "memberCount", "townshipDeputySecretary");

	private final ReadStatements statements;

	public PatternQueries(Driver driver, StatementListener listener) {
		this.statements = new ReadStatements(driver, listener);
	}

	/**
	 * The four patterns' figures, in pattern order, each with exactly the contract's metric keys in
	 * the contract's order. One statement.
	 * @param withinOrgId the org whose subtree to count in, {@code null} for the whole graph; an
	 * unknown id gives all zeros
	 */
	public List<PatternSummary> summary(String withinOrgId) {
		List<Record> records = this.statements.read((withinOrgId != null) ? SUMMARY_WITHIN : SUMMARY_ALL,
				within(withinOrgId));
		Record row = records.isEmpty() ? null : records.get(0);
		List<PatternSummary> summaries = new ArrayList<>();
		METRIC_KEYS.forEach((pattern, keys) -> summaries.add(new PatternSummary(pattern,
				keys.stream().map((key) -> new Metric(key, (row != null) ? row.get(key).asDouble() : 0)).toList())));
		return summaries;
	}

	/**
	 * Each instance of a pattern: the pattern's org with the units, orgs and members around it,
	 * ordered by org name then id. One statement. The instances are those whose org is in the
	 * within org's subtree ({@code null}: all).
	 * <ul>
	 * <li>ENTERPRISE_BASE: the top org set up in a leading enterprise (the branches under a big
	 * enterprise's general branch are its CHILD parts); parts ENTERPRISE, PRODUCTION_BASE (the
	 * bases supplying its enterprises; figures households, baseMembers), PARENT, CO_MANAGER, CHILD
	 * (memberCount); figures baseMembers, households, memberCount, townshipCoManagers.</li>
	 * <li>INDUSTRY_PARK: an industry org or a park branch; parts TOWNSHIP (the nearest township
	 * committee above), PARENT, INDUSTRY, PARK (for an industry org also the parks of its industry
	 * in its township), UNIT (other units it is set up in, e.g. a joint branch's enterprises),
	 * PARK_BRANCH (the branches in an industry org's parks and park branches under it;
	 * memberCount), SECRETARY (townshipDeputySecretary 1 or 0); figures industryOrg, parkBranch,
	 * memberCount, unitsSetUpIn, secretaryIsTownshipDeputy.</li>
	 * <li>VILLAGE_COOPERATIVE: an org set up in a cooperative; parts PARENT (the village general
	 * branch), VILLAGE (where its cooperatives lie), COOPERATIVE (householdsDriven), INDUSTRY,
	 * PARTY_GROUP (memberCount: members assigned); figures householdsDriven, memberCount,
	 * partyGroups, groupedMembers, chainComplete (1 when the parent is a general branch set up in a
	 * village and some party group under the org has members).</li>
	 * <li>VILLAGE_TRADE_BRANCH: a GENERAL_BRANCH set up in a cluster village, or in a village and
	 * with trade branches; parts PARENT, VILLAGE (industryCluster 1 or 0), TRADE_BRANCH (with its
	 * trade; memberCount), PARTY_GROUP (memberCount: assigned), CHILD (other children;
	 * memberCount); figures clusterVillage, tradeBranches, tradeBranchMembers, memberCount.</li>
	 * </ul>
	 * {@code memberCount} is as the contract defines it: members whose membership org is the org
	 * or below it; for a party group, the members assigned to it.
	 */
	public List<PatternInstance> instances(Pattern pattern, String withinOrgId) {
		List<String> roles = ROLES.get(pattern);
		List<PatternInstance> instances = new ArrayList<>();
		for (Record r : this.statements.read(INSTANCE_STATEMENTS.get(pattern), within(withinOrgId))) {
			Map<List<String>, Part> parts = new LinkedHashMap<>();
			for (Value value : r.get("parts").values()) {
				Part part = part(value);
				// a node reached two ways (an industry set up in and the industry of a park) is one part
				parts.putIfAbsent(List.of(part.role(), part.id()), part);
			}
			List<Part> ordered = parts.values()
				.stream()
				.sorted(Comparator.comparingInt((Part p) -> rank(roles, p.role()))
					.thenComparing(Part::name)
					.thenComparing(Part::id))
				.toList();
			instances.add(new PatternInstance(pattern, r.get("id").asString(), r.get("name").asString(),
					r.get("kind").asString(), ordered, metrics(r.get("figures"), FIGURE_KEYS.get(pattern))));
		}
		return instances;
	}

	/**
	 * For each org, the patterns it takes part in as one of the pattern's orgs, in pattern order;
	 * every requested id is present, an unknown one with none. One statement.
	 * <ul>
	 * <li>ENTERPRISE_BASE: set up in a leading enterprise (the top org and the branches under it
	 * alike);</li>
	 * <li>INDUSTRY_PARK: an industry org or a park branch;</li>
	 * <li>VILLAGE_COOPERATIVE: set up in a cooperative, or set up in a village with such an org
	 * directly under it;</li>
	 * <li>VILLAGE_TRADE_BRANCH: a general branch set up in a cluster village or in a village with
	 * trade branches under it, or a trade branch.</li>
	 * </ul>
	 */
	public Map<String, List<Pattern>> patternsOf(Collection<String> orgIds) {
		Map<String, List<Pattern>> patterns = new HashMap<>();
		orgIds.forEach((id) -> patterns.put(id, List.of()));
		for (Record r : this.statements.read(PATTERNS_OF, Map.of("ids", List.copyOf(orgIds)))) {
			List<Pattern> of = new ArrayList<>();
			if (r.get("enterpriseBase").asBoolean()) {
				of.add(Pattern.ENTERPRISE_BASE);
			}
			if (r.get("industryPark").asBoolean()) {
				of.add(Pattern.INDUSTRY_PARK);
			}
			if (r.get("villageCooperative").asBoolean()) {
				of.add(Pattern.VILLAGE_COOPERATIVE);
			}
			if (r.get("villageTradeBranch").asBoolean()) {
				of.add(Pattern.VILLAGE_TRADE_BRANCH);
			}
			patterns.put(r.get("key").asString(), List.copyOf(of));
		}
		return patterns;
	}

	static Map<String, Object> within(String withinOrgId) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("within", withinOrgId);
		return parameters;
	}

	private static Part part(Value value) {
		Node node = value.get("node").asNode();
		String kind = node.hasLabel("Member") ? "MEMBER" : node.get("kind").asString();
		return new Part(value.get("role").asString(), node.get("id").asString(), node.get("name").asString(), kind,
				node.get("trade").asString(null), metrics(value.get("figures"), PART_FIGURE_KEYS));
	}

	/** A map of figures as metrics: the listed keys first, in order, then any others by key. */
	private static List<Metric> metrics(Value figures, List<String> order) {
		if (figures.isNull()) {
			return List.of();
		}
		return StreamSupport.stream(figures.keys().spliterator(), false)
			.sorted(Comparator.comparingInt((String key) -> rank(order, key)).thenComparing(Comparator.naturalOrder()))
			.map((key) -> new Metric(key, figures.get(key).asDouble()))
			.toList();
	}

	private static int rank(List<String> order, String key) {
		int index = order.indexOf(key);
		return (index >= 0) ? index : order.size();
	}

	private static Map<Pattern, List<String>> metricKeys() {
		Map<Pattern, List<String>> keys = new EnumMap<>(Pattern.class);
		keys.put(Pattern.ENTERPRISE_BASE, List.of("leadingEnterprises", "enterprisesWithOrg", "baseMembers", "coManaged"));
		keys.put(Pattern.INDUSTRY_PARK,
				List.of("townshipsWithIndustryGeneralBranch", "townshipsWithIndustryBranch", "parkBranches"));
		keys.put(Pattern.VILLAGE_COOPERATIVE, List.of("cooperatives", "cooperativeOrgs", "householdsDriven"));
		keys.put(Pattern.VILLAGE_TRADE_BRANCH, List.of("clusterVillages", "upgradedToGeneralBranch", "tradeBranches"));
		return Collections.unmodifiableMap(keys);
	}

}
