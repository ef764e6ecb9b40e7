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
 * Detects the four patterns (docs/contract.md section 2, "Pattern metric keys") in the stored graph:
 * their figures, the instances behind the figures, and which patterns an org takes part in. Each
 * method is one statement ({@link PatternFigureStatements}, {@link PatternInstanceStatements}).
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
		List<Record> records = this.statements.read((withinOrgId != null) ? PatternFigureStatements.SUMMARY_WITHIN
				: PatternFigureStatements.SUMMARY_ALL,
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
		String statement = PatternInstanceStatements.INSTANCE_STATEMENTS.get(pattern);
		for (Record r : this.statements.read(statement, within(withinOrgId))) {
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
		Map<String, Object> ids = Map.of("ids", List.copyOf(orgIds));
		for (Record r : this.statements.read(PatternInstanceStatements.PATTERNS_OF, ids)) {
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
