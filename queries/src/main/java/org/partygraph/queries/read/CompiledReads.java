package org.partygraph.queries.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.RelationshipPattern;
import org.neo4j.cypherdsl.core.SortItem;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.StatementBuilder;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.cypherdsl.core.renderer.Configuration;
import org.neo4j.cypherdsl.core.renderer.Dialect;
import org.neo4j.cypherdsl.core.renderer.Renderer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partygraph.model.NameKeys;

/**
 * The read compiler: one root field of a query ({@code org}, {@code member}, {@code unit}, or a
 * page of the lists {@code orgs}, {@code members}, {@code units}) and everything asked below it,
 * as ONE Cypher statement built with Cypher-DSL, where the resolvers would send one statement per
 * level. A statement's text depends on the query's shape only (which fields, which filters are
 * given, which sort); every value is a parameter, so Neo4j plans a shape once.
 *
 * <p>
 * Each object of the answer is read as {@code {row, answers}}: the node (the row the resolvers read)
 * and a map of the relations asked of it, each a {@code COLLECT} subquery that sorts exactly as the
 * resolver's statement does. The relations it knows are listed in {@link #RELATIONS} (plus member
 * counts and member pages); any other field (scalars, offices, personal data, management chains)
 * is left to its resolver, which gets the row as before. So a query is compiled as far as it can be,
 * and the rest costs what it did.
 *
 * <p>
 * Scope is compiled in: with a scope root, every org a relation reaches must lie in the root's
 * subtree (the API's ScopeGuard still checks every answer, as for the resolvers).
 */
public final class CompiledReads {

	/** What a relation of a type leads to, how, and in which order. */
	record Relation(String type, String field, String relationship, boolean outgoing, String target,
			boolean list, String kindIs) {
	}

	static final List<Relation> RELATIONS = List.of(
			new Relation("Org", "parent", "SUBORDINATE_TO", true, "Org", false, null),
			new Relation("Org", "children", "SUBORDINATE_TO", false, "Org", true, null),
			new Relation("Org", "coManagers", "CO_MANAGED_BY", true, "Org", true, null),
			new Relation("Org", "coManages", "CO_MANAGED_BY", false, "Org", true, null),
			new Relation("Org", "units", "SET_UP_IN", true, "Unit", true, null),
			new Relation("Org", "partyGroups", "SUBORDINATE_TO", false, "Org", true, "PARTY_GROUP"),
			new Relation("Member", "org", "MEMBER_OF", true, "Org", false, null),
			new Relation("Member", "group", "IN_GROUP", true, "Org", false, null),
			new Relation("Member", "unit", "WORKS_IN", true, "Unit", false, null),
			new Relation("Member", "participatesIn", "PARTICIPATES_IN", true, "Org", true, null),
			new Relation("Unit", "locatedIn", "LOCATED_IN", true, "Unit", false, null),
			new Relation("Unit", "contains", "LOCATED_IN", false, "Unit", true, null),
			new Relation("Unit", "orgs", "SET_UP_IN", false, "Org", true, null),
			new Relation("Unit", "industry", "IN_INDUSTRY", true, "Unit", false, null),
			new Relation("Unit", "supplies", "SUPPLIES", true, "Unit", false, null),
			new Relation("Unit", "suppliedBy", "SUPPLIES", false, "Unit", true, null));

	private static final Map<String, Relation> BY_FIELD = new HashMap<>();

	static {
		RELATIONS.forEach((r) -> BY_FIELD.put(r.type() + "." + r.field(), r));
	}

	/** The hidden answer holding an org's two member counts. */
	private static final String COUNTS = "__counts";

	// Neo4j 5.26's Cypher: EXISTS { } subqueries rather than the exists() of older versions, CALL (x) { }
	// subqueries with a scope clause rather than the deprecated CALL { WITH x … }.
	private static final Renderer RENDERER = Renderer
		.getRenderer(Configuration.newConfig().withDialect(Dialect.NEO4J_5_23).build());

	private final ReadStatements statements;

	public CompiledReads(Driver driver, StatementListener listener) {
		this.statements = new ReadStatements(driver, listener);
	}

	/** Whether the compiler answers this field of this type (else its resolver does). */
	public static boolean compiles(String type, String field) {
		return BY_FIELD.containsKey(type + "." + field) || (type.equals("Org")
				&& (field.equals("memberCount") || field.equals("fullMemberCount") || field.equals("members")));
	}

	/**
	 * One object by id with what the selections ask of it, in one statement; {@code null} when no
	 * such object exists (or, for an org, it lies outside the scope).
	 * @param type {@code Org}, {@code Member} or {@code Unit}
	 * @param scopeRoot the caller's scope root, {@code null} for everything
	 */
	public Compiled byId(String type, String id, List<Selection> selections, String scopeRoot) {
		Compiler compiler = new Compiler(scopeRoot);
		Node root = Cypher.node(type).named("v0").withProperties("id", compiler.parameter(id));
		Statement statement = Cypher.match(root)
			.returning(compiler.object(type, root, selections).as("value"))
			.build();
		List<Record> records = this.statements.read(RENDERER.render(statement), compiler.parameters);
		if (records.isEmpty()) {
			return null;
		}
		return read(type, records.get(0).get("value"), selections);
	}

	/** The rendered statement of {@link #byId}, for tests and plans. */
	public static String cypher(String type, List<Selection> selections, String scopeRoot) {
		Compiler compiler = new Compiler(scopeRoot);
		Node root = Cypher.node(type).named("v0").withProperties("id", compiler.parameter("x"));
		return RENDERER.render(Cypher.match(root).returning(compiler.object(type, root, selections).as("value")).build());
	}

	/**
	 * A page of the list root {@code orgs} with what the selections ask of each org, in one statement:
	 * the same matches, order and page as {@link SearchQueries#orgs} (the filter's {@code within}
	 * already holds the caller's scope, as there).
	 * @param nodeSelections what the query asks of each org ({@code edges { node { … } }})
	 */
	public Page<Compiled> orgs(OrgFilter filter, Sort sort, int first, int offset, List<Selection> nodeSelections,
			String scopeRoot) {
		Compiler compiler = new Compiler(scopeRoot);
		return page("Org", compiler, compiler.orgs(filter, sort, first, offset, nodeSelections), first, offset,
				nodeSelections);
	}

	/** As {@link #orgs}, for the list root {@code members} ({@link SearchQueries#members}). */
	public Page<Compiled> members(MemberFilter filter, Sort sort, int first, int offset,
			List<Selection> nodeSelections, String scopeRoot) {
		Compiler compiler = new Compiler(scopeRoot);
		return page("Member", compiler, compiler.members(filter, sort, first, offset, nodeSelections), first, offset,
				nodeSelections);
	}

	/** As {@link #orgs}, for the list root {@code units} ({@link SearchQueries#units}). */
	public Page<Compiled> units(UnitFilter filter, Sort sort, int first, int offset, List<Selection> nodeSelections,
			String scopeRoot) {
		Compiler compiler = new Compiler(scopeRoot);
		return page("Unit", compiler, compiler.units(filter, sort, first, offset, nodeSelections), first, offset,
				nodeSelections);
	}

	/** The rendered statement of {@link #orgs}, for tests and plans. */
	public static String orgsCypher(OrgFilter filter, Sort sort, List<Selection> nodeSelections, String scopeRoot) {
		return RENDERER.render(new Compiler(scopeRoot).orgs(filter, sort, 20, 0, nodeSelections));
	}

	/** The rendered statement of {@link #members}, for tests and plans. */
	public static String membersCypher(MemberFilter filter, Sort sort, List<Selection> nodeSelections,
			String scopeRoot) {
		return RENDERER.render(new Compiler(scopeRoot).members(filter, sort, 20, 0, nodeSelections));
	}

	/** The rendered statement of {@link #units}, for tests and plans. */
	public static String unitsCypher(UnitFilter filter, Sort sort, List<Selection> nodeSelections, String scopeRoot) {
		return RENDERER.render(new Compiler(scopeRoot).units(filter, sort, 20, 0, nodeSelections));
	}

	private Page<Compiled> page(String type, Compiler compiler, Statement statement, int first, int offset,
			List<Selection> nodeSelections) {
		Record r = this.statements.read(RENDERER.render(statement), compiler.parameters).get(0);
		List<Compiled> items = new ArrayList<>();
		r.get("page").values().forEach((item) -> items.add(read(type, item, nodeSelections)));
		boolean hasNext = items.size() > first;
		return new Page<>(hasNext ? items.subList(0, first) : items, r.get("total").asInt(), offset, hasNext);
	}

	/** Builds one statement: fresh variable and parameter names, the parameters' values. */
	private static final class Compiler {

		private final String scopeRoot;

		private final Map<String, Object> parameters = new HashMap<>();

		private int names;

		Compiler(String scopeRoot) {
			this.scopeRoot = scopeRoot;
			if (scopeRoot != null) {
				this.parameters.put("scopeRoot", scopeRoot);
			}
		}

		Expression parameter(Object value) {
			String name = "p" + this.parameters.size();
			this.parameters.put(name, value);
			return Cypher.parameter(name);
		}

		String name() {
			return "v" + (++this.names);
		}

		/**
		 * {@code orgs}: where the search starts (the co-manager, else the township, else the within
		 * org, else the name index, else every org: as SearchQueries), the other filters as
		 * conditions, then counts, order, page. Only the filters given are in the text; their values
		 * are parameters, so one query shape is one statement text (one plan in Neo4j's cache).
		 */
		Statement orgs(OrgFilter filter, Sort sort, int first, int offset, List<Selection> nodeSelections) {
			SymbolicName v = Cypher.name("v0");
			Node o = Cypher.anyNode(v);
			Node org = Cypher.node("Org").named(v);
			String nameKey = NameKeys.query(filter.nameContains());
			org.neo4j.cypherdsl.core.ExposesWith start;
			boolean withinFilter = filter.within() != null;
			boolean townshipFilter = filter.township() != null;
			if (filter.coManagedBy() != null) {
				Node manager = Cypher.node("Org").named(name()).withProperties("id", parameter(filter.coManagedBy()));
				start = matchWhere(org.relationshipTo(manager, "CO_MANAGED_BY"), manager, filter, nameKey, o);
			}
			else if (filter.township() != null) {
				townshipFilter = false;
				Node t = Cypher.node("Org").named(name()).withProperties("id", parameter(filter.township()));
				Node a = Cypher.node("Org").named(name());
				Node b = Cypher.node("Org").named(name());
				Node c = Cypher.node("Org").named(name());
				Expression all = Cypher.listBasedOn(t.relationshipFrom(a, "SUBORDINATE_TO").min(0))
					.returning(a.getRequiredSymbolicName())
					.add(Cypher.listBasedOn(t.relationshipFrom(b, "CO_MANAGED_BY")).returning(b.getRequiredSymbolicName()))
					.add(Cypher.listBasedOn(t.relationshipTo(Cypher.node("Unit"), "SET_UP_IN")
						.relationshipFrom(Cypher.node("Unit"), "LOCATED_IN")
						.min(1)
						.relationshipFrom(c, "SET_UP_IN")).returning(c.getRequiredSymbolicName()));
				// as the UNION of SearchQueries: each org once
				start = Cypher.match(t).unwind(all).as(v).withDistinct(v).where(filters(filter, nameKey, o));
			}
			else if (filter.within() != null) {
				withinFilter = false;
				Node within = Cypher.node("Org").named(name()).withProperties("id", parameter(filter.within()));
				start = matchWhere(within.relationshipFrom(org, "SUBORDINATE_TO").min(0), within, filter, nameKey, o);
			}
			else {
				start = Cypher.match(org).where(filters(filter, nameKey, o));
			}
			Condition paths = Cypher.noCondition();
			if (withinFilter) {
				paths = paths.and(exists(o.relationshipTo(Cypher.node("Org").withProperties("id",
						parameter(filter.within())), "SUBORDINATE_TO").min(0)));
			}
			if (townshipFilter) {
				Expression township = parameter(filter.township());
				paths = paths.and(exists(o.relationshipTo(Cypher.node("Org").withProperties("id", township),
						"SUBORDINATE_TO").min(0))
					.or(exists(o.relationshipTo(Cypher.node("Org").withProperties("id", township), "CO_MANAGED_BY")))
					.or(exists(o.relationshipTo(Cypher.node("Unit"), "SET_UP_IN")
						.relationshipTo(Cypher.node("Unit"), "LOCATED_IN")
						.min(1)
						.relationshipFrom(Cypher.node("Org").withProperties("id", township), "SET_UP_IN"))));
			}
			// the path filters on what the cheap ones left, as in SearchQueries
			StatementBuilder.OrderableOngoingReadingAndWithWithWhere filtered = start.with(v).where(paths);
			boolean counted = filter.minMembers() != null || filter.maxMembers() != null
					|| sort.field() == Sort.Field.MEMBER_COUNT || sort.field() == Sort.Field.FULL_MEMBER_COUNT;
			SymbolicName counts = Cypher.name("counts");
			Expression sortKey = switch (sort.field()) {
				case NAME -> o.property("nameSort");
				case KIND -> o.property("kind");
				case MEMBER_COUNT -> Cypher.valueAt(counts, 0);
				case FULL_MEMBER_COUNT -> Cypher.valueAt(counts, 1);
				default -> o.property("id");
			};
			org.neo4j.cypherdsl.core.ExposesWith ordered;
			if (counted) {
				Condition range = Cypher.noCondition();
				if (filter.minMembers() != null) {
					range = range.and(Cypher.valueAt(counts, 0).gte(parameter(filter.minMembers())));
				}
				if (filter.maxMembers() != null) {
					range = range.and(Cypher.valueAt(counts, 0).lte(parameter(filter.maxMembers())));
				}
				ordered = filtered.with(Cypher.name("v0"), counts(o).as(counts))
					.where(range)
					.with(Cypher.name("v0"), sortKey.as(SORT_KEY))
					.orderBy(order(SORT_KEY, sort), o.property("id").ascending());
			}
			else {
				ordered = filtered.with(v, sortKey.as(SORT_KEY)).orderBy(order(SORT_KEY, sort), o.property("id").ascending());
			}
			return page(ordered, v, "Org", first, offset, nodeSelections);
		}

		/**
		 * The match from an anchor org named by id. The hint holds the plan to starting there: with a
		 * name filter and fresh statistics the planner was seen to start from the name's text index
		 * instead (every member of the store) and walk up (QueryPlansIT).
		 */
		private org.neo4j.cypherdsl.core.ExposesWith matchWhere(RelationshipPattern pattern, Node anchor, OrgFilter filter,
				String nameKey, Node o) {
			return Cypher.match(pattern).usingIndex(anchor.property("id")).where(filters(filter, nameKey, o));
		}

		/** The cheap filters of an org search (SearchQueries' ORGS_FILTERS), those given. */
		private Condition filters(OrgFilter filter, String nameKey, Node o) {
			Condition where = Cypher.noCondition();
			if (filter.ids() != null) {
				where = where.and(o.property("id").in(parameter(filter.ids())));
			}
			if (filter.kinds() != null) {
				where = where.and(o.property("kind").in(parameter(filter.kinds().stream().map(Enum::name).toList())));
			}
			if (nameKey != null) {
				where = where.and(o.property("nameKey").contains(parameter(nameKey)));
			}
			if (filter.trade() != null) {
				where = where.and(o.property("trade").isEqualTo(parameter(filter.trade().name())));
			}
			if (filter.hasCoManager() != null) {
				Condition has = exists(o.relationshipTo(Cypher.node("Org"), "CO_MANAGED_BY"));
				where = where.and(filter.hasCoManager() ? has : has.not());
			}
			if (filter.setUpInKind() != null) {
				where = where.and(exists(o.relationshipTo(
						Cypher.node("Unit").withProperties("kind", parameter(filter.setUpInKind().name())), "SET_UP_IN")));
			}
			if (filter.hasFirstSecretary() != null) {
				Relationship d = o.relationshipFrom(Cypher.node("Member"), "DISPATCHED_TO").named(name());
				Expression day = parameter(filter.firstSecretaryDay());
				Condition serving = d.property("from").lte(day)
					.and(d.property("to").isNull().or(d.property("to").gt(day)));
				Condition has = Cypher.exists(List.of(d), org.neo4j.cypherdsl.core.Where.from(serving));
				where = where.and(filter.hasFirstSecretary() ? has : has.not());
			}
			return where;
		}

		/** {@code members}: from the within org, else the name index, else every member (SearchQueries). */
		Statement members(MemberFilter filter, Sort sort, int first, int offset, List<Selection> nodeSelections) {
			SymbolicName v = Cypher.name("v0");
			Node m = Cypher.anyNode(v);
			Node member = Cypher.node("Member").named(v);
			String nameKey = NameKeys.query(filter.nameContains());
			Condition where = Cypher.noCondition();
			StatementBuilder.OngoingReadingWithoutWhere start;
			if (filter.within() != null) {
				// held to the within org, as the orgs' matchWhere
				Node within = Cypher.node("Org").named(name()).withProperties("id", parameter(filter.within()));
				start = Cypher.match(within.relationshipFrom(Cypher.node("Org"), "SUBORDINATE_TO")
					.min(0)
					.relationshipFrom(member, "MEMBER_OF")).usingIndex(within.property("id"));
			}
			else {
				start = Cypher.match(member);
			}
			if (nameKey != null && filter.within() != null) {
				// Held to the walk from the within org: a test the name's text index cannot serve, so
				// the planner never starts from that index and joins (QueryPlansIT).
				where = where.and(Cypher.coalesce(m.property("nameKey"), Cypher.literalOf("")).contains(parameter(nameKey)));
			}
			else if (nameKey != null) {
				where = where.and(m.property("nameKey").contains(parameter(nameKey)));
			}
			if (filter.status() != null) {
				where = where.and(m.property("status").isEqualTo(parameter(filter.status().name())));
			}
			if (filter.trade() != null) {
				where = where.and(m.property("trade").isEqualTo(parameter(filter.trade().name())));
			}
			if (filter.role() != null) {
				where = where.and(exists(m.relationshipTo(Cypher.node("Org"), "HOLDS")
					.withProperties("role", parameter(filter.role().name()))));
			}
			Expression sortKey = switch (sort.field()) {
				case NAME -> m.property("nameSort");
				case JOINED -> m.property("joined");
				default -> m.property("id");
			};
			org.neo4j.cypherdsl.core.ExposesWith ordered = start.where(where)
				.withDistinct(v)
				.with(v, sortKey.as(SORT_KEY))
				.orderBy(order(SORT_KEY, sort), m.property("id").ascending());
			return page(ordered, v, "Member", first, offset, nodeSelections);
		}

		/** {@code units}: from the name index, else every unit (SearchQueries). */
		Statement units(UnitFilter filter, Sort sort, int first, int offset, List<Selection> nodeSelections) {
			SymbolicName v = Cypher.name("v0");
			Node u = Cypher.anyNode(v);
			String nameKey = NameKeys.query(filter.nameContains());
			Condition where = Cypher.noCondition();
			if (filter.kinds() != null) {
				where = where.and(u.property("kind").in(parameter(filter.kinds().stream().map(Enum::name).toList())));
			}
			if (nameKey != null) {
				where = where.and(u.property("nameKey").contains(parameter(nameKey)));
			}
			if (filter.locatedIn() != null) {
				where = where.and(exists(u.relationshipTo(
						Cypher.node("Unit").withProperties("id", parameter(filter.locatedIn())), "LOCATED_IN").min(1)));
			}
			if (filter.leading() != null) {
				where = where.and(Cypher.coalesce(u.property("leading"), Cypher.literalFalse())
					.isEqualTo(parameter(filter.leading())));
			}
			if (filter.industryCluster() != null) {
				where = where.and(Cypher.coalesce(u.property("industryCluster"), Cypher.literalFalse())
					.isEqualTo(parameter(filter.industryCluster())));
			}
			if (filter.hasOrg() != null) {
				Condition has = exists(u.relationshipFrom(Cypher.node("Org"), "SET_UP_IN"));
				where = where.and(filter.hasOrg() ? has : has.not());
			}
			Expression sortKey = switch (sort.field()) {
				case NAME -> u.property("nameSort");
				case KIND -> u.property("kind");
				default -> u.property("id");
			};
			org.neo4j.cypherdsl.core.ExposesWith ordered = Cypher.match(Cypher.node("Unit").named(v))
				.where(where)
				.with(v, sortKey.as(SORT_KEY))
				.orderBy(order(SORT_KEY, sort), u.property("id").ascending());
			return page(ordered, v, "Unit", first, offset, nodeSelections);
		}

		/**
		 * The sort key, projected by name before ORDER BY, as SearchQueries does: ordering a WITH by
		 * the node's property itself ({@code ORDER BY v0.kind}) after an index seek on that property
		 * made Neo4j 5.26's planner fail ("v0.kind should not appear non-cached").
		 */
		private static final SymbolicName SORT_KEY = Cypher.name("sortKey");

		private static SortItem order(Expression key, Sort sort) {
			return sort.descending() ? key.descending() : key.ascending();
		}

		/**
		 * The ordered matches collected, counted and cut to the page (one more than asked: whether
		 * more follow), each object of the page with what the selections ask of it. The objects are
		 * made in a {@code CALL} subquery over the page: made in a list comprehension in the RETURN,
		 * Neo4j 5.26's planner failed on a page found by an index seek and sorted by the property
		 * sought ("v0.kind should not appear non-cached"); the subquery keeps the two apart.
		 */
		private Statement page(org.neo4j.cypherdsl.core.ExposesWith ordered, SymbolicName v, String type, int first,
				int offset, List<Selection> nodeSelections) {
			SymbolicName matches = Cypher.name("matches");
			SymbolicName page = Cypher.name("page");
			SymbolicName values = Cypher.name("values");
			SymbolicName item = Cypher.name(name());
			Statement objects = Cypher.unwind(page)
				.as(item)
				.returning(Cypher.collect(object(type, Cypher.anyNode(item), nodeSelections)).as(values))
				.build();
			return ordered.with(Cypher.collect(v).as(matches))
				.with(Cypher.size(matches).as("total"),
						Cypher.subList(matches, parameter(offset), parameter(offset + first + 1)).as(page))
				.call(objects, page)
				.returning(Cypher.name("total"), values.as("page"))
				.build();
		}

		/** An {@code EXISTS { pattern }} subquery (Neo4j 5 refuses the older {@code exists(pattern)}). */
		private static Condition exists(org.neo4j.cypherdsl.core.PatternElement pattern) {
			return Cypher.exists(List.of(pattern), null);
		}

		/** {@code {row: <the node or member map>, answers: {key: ..., ...}}} */
		Expression object(String type, Node node, List<Selection> selections) {
			List<Object> answers = new ArrayList<>();
			boolean counts = false;
			for (Selection s : selections) {
				Relation relation = BY_FIELD.get(type + "." + s.field());
				if (relation != null) {
					answers.add(s.key());
					answers.add(relation(relation, node, s.selections()));
				}
				else if (type.equals("Org") && s.field().equals("members")) {
					answers.add(s.key());
					answers.add(memberPage(node, s));
				}
				else if (type.equals("Org") && (s.field().equals("memberCount") || s.field().equals("fullMemberCount"))) {
					counts = true;
				}
			}
			if (counts) {
				answers.add(COUNTS);
				answers.add(counts(node));
			}
			Expression row = type.equals("Member") ? memberRow(node) : node.getRequiredSymbolicName();
			return Cypher.mapOf("row", row, "answers", Cypher.mapOf(answers.toArray()));
		}

		private Expression relation(Relation relation, Node from, List<Selection> selections) {
			Node source = Cypher.anyNode(from.getRequiredSymbolicName());
			Node target = Cypher.node(relation.target()).named(name());
			Relationship pattern = relation.outgoing() ? source.relationshipTo(target, relation.relationship())
					: source.relationshipFrom(target, relation.relationship());
			Condition where = Cypher.noCondition();
			if (relation.kindIs() != null) {
				where = where.and(target.property("kind").isEqualTo(Cypher.literalOf(relation.kindIs())));
			}
			if (relation.target().equals("Org")) {
				where = where.and(inScope(target));
			}
			Expression value = object(relation.target(), target, selections);
			// Pattern comprehensions, not COLLECT subqueries: they plan in a fraction of the time.
			// Lists come back unsorted and are sorted as the resolvers sort them (by nameSort, then id)
			// when the answer is read (CompiledReads.read).
			Expression list = Cypher.listBasedOn(pattern).where(where).returning(value);
			return relation.list() ? list : Cypher.head(list);
		}

		private Condition inScope(Node org) {
			if (this.scopeRoot == null) {
				return Cypher.noCondition();
			}
			Node root = Cypher.node("Org").withProperties("id", Cypher.parameter("scopeRoot"));
			return Cypher.exists(List.of(Cypher.anyNode(org.getRequiredSymbolicName())
				.relationshipTo(root, "SUBORDINATE_TO")
				.min(0)), null);
		}

		/** A member as the resolvers read it: its properties and its membership org's id. */
		private Expression memberRow(Node member) {
			Node m = Cypher.anyNode(member.getRequiredSymbolicName());
			Node org = Cypher.node("Org").named(name());
			return m.project(Cypher.asterisk(), "orgId",
					Cypher.head(Cypher.listBasedOn(m.relationshipTo(org, "MEMBER_OF")).returning(org.property("id"))));
		}

		/**
		 * Both member counts from the tallies, as the resolvers add them up: a party group its
		 * assigned members, any other org its subtree's own members.
		 */
		private Expression counts(Node org) {
			Node o = Cypher.anyNode(org.getRequiredSymbolicName());
			Node d = Cypher.node("Org").named(name());
			// Summed with reduce, not sum(): an aggregate anywhere inside the RETURN would make Neo4j
			// treat the whole RETURN as aggregating (and refuse its ORDER BY on the node).
			Expression pairs = Cypher.listBasedOn(o.relationshipFrom(d, "SUBORDINATE_TO").min(0))
				.returning(Cypher.listOf(Cypher.coalesce(d.property("ownMembers"), Cypher.literalOf(0)),
						Cypher.coalesce(d.property("ownFullMembers"), Cypher.literalOf(0))));
			org.neo4j.cypherdsl.core.SymbolicName acc = Cypher.name(name());
			org.neo4j.cypherdsl.core.SymbolicName pair = Cypher.name(name());
			Expression subtree = Cypher.reduce(pair)
				.in(pairs)
				.map(Cypher.listOf(Cypher.valueAt(acc, 0).add(Cypher.valueAt(pair, 0)),
						Cypher.valueAt(acc, 1).add(Cypher.valueAt(pair, 1))))
				.accumulateOn(acc)
				.withInitialValueOf(Cypher.listOf(Cypher.literalOf(0), Cypher.literalOf(0)));
			Expression group = Cypher.listOf(Cypher.coalesce(o.property("groupMembers"), Cypher.literalOf(0)),
					Cypher.coalesce(o.property("groupFullMembers"), Cypher.literalOf(0)));
			return Cypher.caseExpression()
				.when(o.property("kind").isEqualTo(Cypher.literalOf("PARTY_GROUP")))
				.then(group)
				.elseDefault(subtree);
		}

		/** The sum of a list of numbers, with reduce (see {@link #counts}). */
		private Expression sum(Expression list) {
			org.neo4j.cypherdsl.core.SymbolicName acc = Cypher.name(name());
			org.neo4j.cypherdsl.core.SymbolicName n = Cypher.name(name());
			return Cypher.reduce(n).in(list).map(acc.add(n)).accumulateOn(acc).withInitialValueOf(Cypher.literalOf(0));
		}

		/**
		 * A page of members in id order after the cursor, one more than asked (whether more follow), with
		 * the total from the tallies: the group's assigned members, the org's own (direct) or its
		 * subtree's.
		 */
		private Expression memberPage(Node org, Selection s) {
			int first = pageSize(s.argument("first"));
			String after = (String) s.argument("after");
			boolean direct = Boolean.TRUE.equals(s.argument("direct"));
			Node o = Cypher.anyNode(org.getRequiredSymbolicName());
			List<Selection> nodeSelections = nodeSelections(s);
			Expression limit = parameter(first + 1);
			Expression afterId = parameter(after);
			Node grouped = Cypher.node("Member").named(name());
			Expression inGroup = Cypher.collect(Cypher.match(o.relationshipFrom(grouped, "IN_GROUP"))
				.where(afterId.isNull().or(grouped.property("id").gt(afterId)))
				.returning(object("Member", grouped, nodeSelections))
				.orderBy(grouped.property("id").ascending())
				.limit(limit)
				.build());
			Node d = Cypher.node("Org").named(name());
			Node member = Cypher.node("Member").named(name());
			RelationshipPattern below = direct ? o.relationshipFrom(member, "MEMBER_OF")
					: o.relationshipFrom(d, "SUBORDINATE_TO").min(0).relationshipFrom(member, "MEMBER_OF");
			Expression inSubtree = Cypher.collect(Cypher.match(below)
				.where(afterId.isNull().or(member.property("id").gt(afterId)))
				.returning(object("Member", member, nodeSelections))
				.orderBy(member.property("id").ascending())
				.limit(limit)
				.build());
			Expression total;
			if (direct) {
				total = Cypher.coalesce(o.property("ownMembers"), Cypher.literalOf(0));
			}
			else {
				Node t = Cypher.node("Org").named(name());
				total = sum(Cypher.listBasedOn(o.relationshipFrom(t, "SUBORDINATE_TO").min(0))
					.returning(Cypher.coalesce(t.property("ownMembers"), Cypher.literalOf(0))));
			}
			Expression isGroup = o.property("kind").isEqualTo(Cypher.literalOf("PARTY_GROUP"));
			return Cypher.mapOf("first", parameter(first),
					"page", Cypher.caseExpression().when(isGroup).then(inGroup).elseDefault(inSubtree),
					"total", Cypher.caseExpression()
						.when(isGroup)
						.then(Cypher.coalesce(o.property("groupMembers"), Cypher.literalOf(0)))
						.elseDefault(total));
		}

	}

	/** The page size asked for, checked as the resolvers check it: default 20, 0 to 100. */
	static int pageSize(Object first) {
		int size = (first != null) ? ((Number) first).intValue() : 20;
		if (size < 0 || size > 100) {
			throw new IllegalArgumentException("first must be between 0 and 100, was " + size);
		}
		return size;
	}

	private static final Map<String, Function<Value, Object>> ROWS = Map.of("Org", Rows::org, "Unit", Rows::unit,
			"Member", Rows::member);

	/**
	 * The resolvers' order of relation lists ({@code ORDER BY x.nameSort, x.id}): by the stored pinyin
	 * sort key, then id, as Cypher orders strings (by code point, missing keys last).
	 */
	static final java.util.Comparator<Value> BY_NAME_SORT_THEN_ID = java.util.Comparator
		.comparing((Value item) -> item.get("row").get("nameSort").asString(null),
				java.util.Comparator.nullsLast(CompiledReads::byCodePoint))
		.thenComparing((Value item) -> item.get("row").get("id").asString(), CompiledReads::byCodePoint);

	static int byCodePoint(String a, String b) {
		return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
	}

	/** The statement's answer for one object, as rows and answers by key. */
	static Compiled read(String type, Value value, List<Selection> selections) {
		if (value == null || value.isNull()) {
			return null;
		}
		Object row = ROWS.get(type).apply(value.get("row"));
		Value answers = value.get("answers");
		Map<String, Object> read = new LinkedHashMap<>();
		for (Selection s : selections) {
			Relation relation = BY_FIELD.get(type + "." + s.field());
			if (relation != null) {
				Value v = answers.get(s.key());
				if (relation.list()) {
					List<Value> items = new ArrayList<>();
					v.values().forEach(items::add);
					items.sort(BY_NAME_SORT_THEN_ID);
					List<Compiled> list = new ArrayList<>();
					items.forEach((item) -> list.add(read(relation.target(), item, s.selections())));
					read.put(s.key(), list);
				}
				else {
					read.put(s.key(), read(relation.target(), v, s.selections()));
				}
			}
			else if (type.equals("Org") && s.field().equals("members")) {
				Value page = answers.get(s.key());
				int first = page.get("first").asInt();
				List<Selection> nodeSelections = nodeSelections(s);
				List<Compiled> members = new ArrayList<>();
				page.get("page").values().forEach((item) -> members.add(read("Member", item, nodeSelections)));
				boolean more = members.size() > first;
				read.put(s.key(), new MemberPageAnswer(more ? members.subList(0, first) : members,
						page.get("total").asInt(0), more));
			}
			else if (type.equals("Org") && s.field().equals("memberCount")) {
				read.put(s.key(), answers.get(COUNTS).get(0).asInt(0));
			}
			else if (type.equals("Org") && s.field().equals("fullMemberCount")) {
				read.put(s.key(), answers.get(COUNTS).get(1).asInt(0));
			}
		}
		return new Compiled(row, read);
	}

	/** What a member page asks of each member: the selections under {@code edges { node { … } } }. */
	private static List<Selection> nodeSelections(Selection members) {
		List<Selection> result = new ArrayList<>();
		for (Selection sub : members.selections()) {
			if (sub.field().equals("edges")) {
				for (Selection edge : sub.selections()) {
					if (edge.field().equals("node")) {
						result.addAll(edge.selections());
					}
				}
			}
		}
		return result;
	}

}
