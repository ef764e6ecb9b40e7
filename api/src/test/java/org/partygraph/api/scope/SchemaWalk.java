package org.partygraph.api.scope;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.partygraph.api.limits.QueryCost;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Plans the scope walk from the schema the service serves ({@code classpath:graphql/**}{@code /*.graphqls},
 * where Spring for GraphQL reads it): the documents to send for one user, so that a field added to the
 * schema later is walked without editing the test.
 * <p>
 * <b>What "every path to depth 5" means here.</b> Depth counts fields from the root: in
 * {@code org(id) { secretary { org { id } } } } {@code org} is at depth 1, {@code secretary} at 2,
 * {@code secretary.org} at 3. For each {@code Query} field the walk is a breadth-first search over the
 * schema's object types: an object type is <em>expanded</em> (every one of its fields selected) at the
 * first place the search reaches it, i.e. at its shortest path from that root field, provided that its
 * fields then lie at depth 5 at most. So every (object type, field) edge reachable from a root field within
 * depth 5 is walked, once per root field and argument variant, by a shortest path to it. Wherever else an
 * object appears (a type already expanded nearer the root, or an object-typed field at depth 5) it gets its
 * <em>identity</em> selection ({@link #identity}): its {@code id}, or for types without one their ID-typed
 * fields, {@code name} and the {@code id} of their object fields, so that every Org, Member, Unit and
 * Transfer in an answer carries its id and can be checked; identity selections may go one or two levels
 * past depth 5. Longer paths to an edge already walked (e.g. {@code org.children.secretary} once
 * {@code org.secretary} is) are not sent: the data behind the shortest one is what the prepared data makes
 * reach outside the scope.
 * <p>
 * <b>Arguments.</b> Root field arguments get values by kind ({@link Ids}): an ID argument the id of an org
 * (a member for fields answering {@code Member}, a unit for those answering {@code Unit}) inside the scope,
 * and as a pair one outside it and a made-up one, whose answers must be the same (ids replaced); a required
 * {@code name}/{@code names} argument a saved scenario's name likewise; {@code operations} a harmless
 * {@code ELECT_COMMITTEE} of an org inside (and the pair); a required enum each of its values;
 * {@code first} 5. Optional arguments are omitted in the base call, and an optional ID argument is also
 * given inside, outside and made-up. Arguments of nested fields keep their defaults. A required argument of
 * another kind stops the plan with an error naming it (extend {@link #argument}).
 * <p>
 * <b>Documents.</b> Each expanded place is a <em>unit</em>: the path down to it (with identity selections
 * along the way) and its fields. Units are packed into as few documents as the request limits allow:
 * complexity at most {@value #MAX_COMPLEXITY} as the service computes it ({@link #cost}), at most
 * {@value #MAX_ALIASES} aliased root calls; a unit over the limit alone is split into parts of its fields.
 * The outside/made-up pair of a call shares documents only with each other, with identical selections.
 */
final class SchemaWalk {

	/** Fields deep from the root field (the root field is depth 1). */
	static final int MAX_DEPTH = 5;

	/** {@code party-graph.limits.max-complexity} (default). */
	static final long MAX_COMPLEXITY = 10000;

	/** {@code party-graph.limits.max-aliases} (default). */
	static final int MAX_ALIASES = 30;

	/** {@code party-graph.limits.list-multiplier} (default). */
	static final int LIST_MULTIPLIER = 10;

	/** The page size of a paged field given no {@code first}. */
	static final int DEFAULT_PAGE = 20;

	/** The {@code first} given to paged root fields. */
	static final int ROOT_PAGE = 5;

	private SchemaWalk() {
	}

	/** The schema as the service builds it from its resources (no runtime wiring needed to walk it). */
	static GraphQLSchema schema() {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		SchemaParser parser = new SchemaParser();
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:graphql/**/*.graphqls");
			if (resources.length == 0) {
				throw new IllegalStateException("no graphql/*.graphqls on the class path");
			}
			for (Resource resource : resources) {
				try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
					registry.merge(parser.parse(reader));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

	/**
	 * The ids and names a user's walk passes as arguments.
	 *
	 * @param insideOrg an org in the scope
	 * @param outsideOrg an org outside it
	 * @param insideMember a member whose membership is in the scope
	 * @param outsideMember one whose membership is outside
	 * @param insideUnit a unit an org in the scope is set up in
	 * @param outsideUnit a unit of an org outside (units are public: not compared with the made-up one)
	 * @param insideScenario a scenario saved within the scope
	 * @param outsideScenario one saved within an org outside it
	 * @param unknownId an id nothing has
	 * @param unknownName a name no scenario has
	 */
	record Ids(String insideOrg, String outsideOrg, String insideMember, String outsideMember, String insideUnit,
			String outsideUnit, String insideScenario, String outsideScenario, String unknownId,
			String unknownName) {
	}

	/**
	 * One root field called with arguments under an alias.
	 *
	 * @param alias the response key
	 * @param field the root field
	 * @param args the arguments as GraphQL text, {@code ""} for none
	 * @param argument the id or name this call is about (the outside or made-up one of a pair), or null
	 */
	record Call(String alias, GraphQLFieldDefinition field, String args, String argument) {

		/** How the violations name the call, e.g. {@code org(id: "o-t-hbt")}. */
		String label() {
			return this.field.getName() + this.args;
		}

	}

	/** A call with an id outside the scope and the same call with a made-up id: their answers must match. */
	record Pair(Call outside, Call unknown) {
	}

	/** A place in the breadth-first tree of one root field. */
	static final class Node {

		final GraphQLFieldDefinition field;

		final GraphQLFieldsContainer parent;

		final int depth;

		final Node up;

		final List<Node> children = new ArrayList<>();

		boolean expanded;

		Node(GraphQLFieldDefinition field, GraphQLFieldsContainer parent, int depth, Node up) {
			this.field = field;
			this.parent = parent;
			this.depth = depth;
			this.up = up;
		}

		/** The object type this field answers, or null for a scalar or enum. */
		GraphQLObjectType objectType() {
			GraphQLType type = GraphQLTypeUtil.unwrapAll(this.field.getType());
			return (type instanceof GraphQLObjectType object) ? object : null;
		}

		/** Field names from the root field down to this one, dotted. */
		String path() {
			return (this.up == null) ? this.field.getName() : this.up.path() + "." + this.field.getName();
		}

	}

	/**
	 * An expanded place and the fields of it that one document selects (all of them unless the unit was
	 * split to fit the complexity limit).
	 *
	 * @param place the expanded place
	 * @param fields its fields this unit selects
	 * @param identity which keys of the identity selection of its one object field it keeps; null for all
	 * (a unit of one field that is still over the limit is split by those keys)
	 */
	record Unit(Node place, List<Node> fields, List<String> identity) {

		Unit(Node place, List<Node> fields) {
			this(place, fields, null);
		}

	}

	/** The breadth-first tree of a root field: each object type expanded at its shortest path, to depth 5. */
	static Node tree(GraphQLSchema schema, GraphQLFieldDefinition rootField) {
		Node root = new Node(rootField, schema.getQueryType(), 1, null);
		Deque<Node> queue = new ArrayDeque<>();
		queue.add(root);
		Set<String> expanded = new HashSet<>();
		while (!queue.isEmpty()) {
			Node node = queue.poll();
			GraphQLObjectType type = node.objectType();
			if (type != null && node.depth < MAX_DEPTH && expanded.add(type.getName())) {
				node.expanded = true;
				for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
					Node child = new Node(field, type, node.depth + 1, node);
					node.children.add(child);
					queue.add(child);
				}
			}
		}
		return root;
	}

	/** The expanded places of a tree, breadth first, each as one unit with all its fields. */
	static List<Unit> units(Node root) {
		List<Unit> units = new ArrayList<>();
		Deque<Node> queue = new ArrayDeque<>();
		queue.add(root);
		while (!queue.isEmpty()) {
			Node node = queue.poll();
			if (node.expanded) {
				units.add(new Unit(node, List.copyOf(node.children)));
				queue.addAll(node.children);
			}
		}
		return units;
	}

	/** The selection of a unit for a call: the path down with identity selections, then the unit's fields. */
	static Sel selection(Unit unit, Call call) {
		List<Node> path = new ArrayList<>();
		for (Node node = unit.place(); node != null; node = node.up) {
			path.add(0, node);
		}
		Sel root = new Sel(call.alias(), call.field(), call.args());
		Sel at = root;
		for (int i = 0; i < path.size(); i++) {
			Node node = path.get(i);
			if (i > 0) {
				Sel step = new Sel(node.field.getName(), node.field, nestedArguments(node.field));
				at = at.add(step);
			}
			if (node.objectType() != null) {
				identity(node.objectType(), at);
			}
		}
		for (Node field : unit.fields()) {
			Sel child = at.add(new Sel(field.field.getName(), field.field, nestedArguments(field.field)));
			GraphQLObjectType type = field.objectType();
			if (type != null) {
				identity(type, child);
				if (unit.identity() != null) {
					child.children.keySet().retainAll(unit.identity());
				}
			}
		}
		return root;
	}

	/**
	 * Adds the identity selection of an object type to {@code sel}: {@code id} when it has one; else its
	 * ID-typed scalar fields, its {@code name}, and {@code { id }} of its object fields whose type has an id;
	 * else its first scalar field, else {@code __typename}.
	 */
	static void identity(GraphQLObjectType type, Sel sel) {
		if (type.getFieldDefinition("id") != null) {
			sel.add(new Sel("id", type.getFieldDefinition("id"), ""));
			return;
		}
		int before = sel.children.size();
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			GraphQLType named = GraphQLTypeUtil.unwrapAll(field.getType());
			if (named == Scalars.GraphQLID || ("name".equals(field.getName()) && GraphQLTypeUtil.isLeaf(named))) {
				sel.add(new Sel(field.getName(), field, ""));
			}
			else if (named instanceof GraphQLObjectType object && object.getFieldDefinition("id") != null) {
				sel.add(new Sel(field.getName(), field, nestedArguments(field)))
					.add(new Sel("id", object.getFieldDefinition("id"), ""));
			}
		}
		if (sel.children.size() > before) {
			return;
		}
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			if (GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(field.getType()))) {
				sel.add(new Sel(field.getName(), field, ""));
				return;
			}
		}
		sel.add(new Sel("__typename", null, ""));
	}

	/** Nested fields keep their defaults: only a required argument would need a value, and none has one. */
	private static String nestedArguments(GraphQLFieldDefinition field) {
		for (GraphQLArgument argument : field.getArguments()) {
			if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
				throw new IllegalStateException("the walk gives nested fields no arguments, but " + field.getName()
						+ "(" + argument.getName() + ") is required: extend SchemaWalk");
			}
		}
		return "";
	}

	/** A selected field: response key, field, arguments, sub-selections by response key. */
	static final class Sel {

		final String key;

		/** Null for {@code __typename}. */
		final GraphQLFieldDefinition field;

		final String args;

		final Map<String, Sel> children = new LinkedHashMap<>();

		Sel(String key, GraphQLFieldDefinition field, String args) {
			this.key = key;
			this.field = field;
			this.args = args;
		}

		/** Adds a child, or merges it into the child of the same key; answers the child kept. */
		Sel add(Sel child) {
			Sel existing = this.children.get(child.key);
			if (existing == null) {
				this.children.put(child.key, child);
				return child;
			}
			for (Sel grandChild : child.children.values()) {
				existing.add(grandChild.copy());
			}
			return existing;
		}

		Sel copy() {
			Sel copy = new Sel(this.key, this.field, this.args);
			for (Sel child : this.children.values()) {
				copy.children.put(child.key, child.copy());
			}
			return copy;
		}

		String name() {
			return (this.field != null) ? this.field.getName() : "__typename";
		}

		void render(StringBuilder out) {
			if (!this.key.equals(name())) {
				out.append(this.key).append(": ");
			}
			out.append(name()).append(this.args);
			if (!this.children.isEmpty()) {
				out.append(" {");
				for (Sel child : this.children.values()) {
					out.append(' ');
					child.render(out);
				}
				out.append(" }");
			}
		}

		/** The {@code first} given in the arguments, or null. */
		Integer first() {
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\bfirst: (\\d+)").matcher(this.args);
			return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
		}

	}

	/** The complexity the service computes for a selection: {@link QueryCost#fieldCost} over the tree. */
	static long cost(Sel sel, GraphQLFieldsContainer parent) {
		if (sel.field == null) {
			return 0;
		}
		long children = 0;
		GraphQLType named = GraphQLTypeUtil.unwrapAll(sel.field.getType());
		for (Sel child : sel.children.values()) {
			children += cost(child, (GraphQLFieldsContainer) named);
		}
		return QueryCost.fieldCost(sel.field, parent, sel.first(), children, LIST_MULTIPLIER);
	}

	/** One document: aliased root calls, each with the units it selects. */
	static final class Doc {

		final GraphQLSchema schema;

		final Map<String, Call> calls = new LinkedHashMap<>();

		final Map<String, List<Unit>> units = new LinkedHashMap<>();

		final Map<String, Sel> roots = new LinkedHashMap<>();

		final List<Pair> pairs = new ArrayList<>();

		Doc(GraphQLSchema schema) {
			this.schema = schema;
		}

		long cost() {
			long cost = 0;
			for (Sel root : this.roots.values()) {
				// A top-level field costs at least 1, as in QueryCost.
				cost += Math.max(1, SchemaWalk.cost(root, this.schema.getQueryType()));
			}
			return cost;
		}

		String text() {
			StringBuilder out = new StringBuilder("{");
			for (Sel root : this.roots.values()) {
				out.append(' ');
				root.render(out);
			}
			return out.append(" }").toString();
		}

		/** This document with another unit for each of these calls added (a copy; this one is unchanged). */
		Doc with(List<Call> calls, Unit unit) {
			Doc doc = new Doc(this.schema);
			doc.calls.putAll(this.calls);
			this.units.forEach((alias, list) -> doc.units.put(alias, new ArrayList<>(list)));
			this.roots.forEach((alias, root) -> doc.roots.put(alias, root.copy()));
			doc.pairs.addAll(this.pairs);
			for (Call call : calls) {
				doc.calls.put(call.alias(), call);
				doc.units.computeIfAbsent(call.alias(), (alias) -> new ArrayList<>()).add(unit);
				Sel selection = selection(unit, call);
				Sel root = doc.roots.get(call.alias());
				if (root == null) {
					doc.roots.put(call.alias(), selection);
				}
				else {
					for (Sel child : selection.children.values()) {
						root.add(child);
					}
				}
			}
			return doc;
		}

		boolean fits() {
			return this.roots.size() <= MAX_ALIASES && cost() <= MAX_COMPLEXITY;
		}

	}

	/** A root call's argument values: the base value, further single values, and outside/made-up pairs. */
	private record Argument(String name, String base, List<String> alternatives, List<String[]> pairs) {
	}

	/**
	 * The values an argument of a root field takes in the walk (each {@code String[]} of a pair is
	 * outside text, made-up text, outside id, made-up id).
	 */
	private static Argument argument(GraphQLFieldDefinition field, GraphQLArgument argument, Ids ids) {
		GraphQLInputType type = argument.getType();
		boolean required = GraphQLTypeUtil.isNonNull(type) && !argument.hasSetDefaultValue();
		boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
		GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
		String name = argument.getName();
		String[] values = null;
		boolean scoped = true;
		if (named == Scalars.GraphQLID) {
			String answers = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName();
			if ("Member".equals(answers)) {
				values = new String[] { ids.insideMember(), ids.outsideMember(), ids.unknownId() };
			}
			else if ("Unit".equals(answers)) {
				values = new String[] { ids.insideUnit(), ids.outsideUnit(), ids.unknownId() };
				scoped = false;
			}
			else {
				values = new String[] { ids.insideOrg(), ids.outsideOrg(), ids.unknownId() };
			}
		}
		else if (named == Scalars.GraphQLString && ("name".equals(name) || "names".equals(name))) {
			values = new String[] { ids.insideScenario(), ids.outsideScenario(), ids.unknownName() };
		}
		if (values != null) {
			String[] texts = new String[3];
			for (int i = 0; i < 3; i++) {
				texts[i] = list ? "[" + quote(values[i]) + "]" : quote(values[i]);
			}
			return valued(name, required, scoped, texts, values);
		}
		if (named instanceof GraphQLInputObjectType input && "OperationInput".equals(input.getName()) && list) {
			String[] texts = new String[3];
			String[] orgs = { ids.insideOrg(), ids.outsideOrg(), ids.unknownId() };
			for (int i = 0; i < 3; i++) {
				texts[i] = "[{op: ELECT_COMMITTEE, org: " + quote(orgs[i]) + "}]";
			}
			return valued(name, required, true, texts, orgs);
		}
		if (named instanceof GraphQLEnumType enumType && required && !list) {
			List<String> names = enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
			return new Argument(name, names.get(0), names.subList(1, names.size()), List.of());
		}
		if ("first".equals(name) && named == Scalars.GraphQLInt) {
			return new Argument(name, String.valueOf(ROOT_PAGE), List.of(), List.of());
		}
		// A span of days (changes(from, to)): wide enough to hold every event; termsDue(before) every term.
		if (required && !list && "Date".equals(named.getName())) {
			return new Argument(name, quote(("to".equals(name) || "before".equals(name)) ? "2999-12-31" : "2000-01-01"),
					List.of(), List.of());
		}
		if (required) {
			throw new IllegalStateException("the walk has no value for the required argument " + field.getName() + "("
					+ name + ": " + GraphQLTypeUtil.simplePrint(type) + "): extend SchemaWalk.argument");
		}
		return new Argument(name, null, List.of(), List.of());
	}

	private static Argument valued(String name, boolean required, boolean scoped, String[] texts, String[] values) {
		List<String> alternatives = new ArrayList<>();
		List<String[]> pairs = new ArrayList<>();
		if (!required) {
			alternatives.add(texts[0]);
		}
		if (scoped) {
			pairs.add(new String[] { texts[1], texts[2], values[1], values[2] });
		}
		else {
			alternatives.add(texts[1]);
			alternatives.add(texts[2]);
		}
		return new Argument(name, required ? texts[0] : null, alternatives, pairs);
	}

	static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String render(List<Argument> arguments, Map<String, String> values) {
		StringBuilder out = new StringBuilder();
		for (Argument argument : arguments) {
			String value = values.get(argument.name());
			if (value != null) {
				out.append(out.isEmpty() ? "(" : ", ").append(argument.name()).append(": ").append(value);
			}
		}
		return out.isEmpty() ? "" : out.append(")").toString();
	}

	/** A group of calls of one root field that are packed together. */
	private record Group(Node tree, List<Call> calls, Pair pair) {
	}

	/** The documents of one user's walk: every root field of Query with every argument variant. */
	static List<Doc> plan(GraphQLSchema schema, Ids ids) {
		List<Group> single = new ArrayList<>();
		List<Group> paired = new ArrayList<>();
		int[] next = { 0 };
		for (GraphQLFieldDefinition field : schema.getQueryType().getFieldDefinitions()) {
			Node tree = tree(schema, field);
			List<Argument> arguments = new ArrayList<>();
			for (GraphQLArgument argument : field.getArguments()) {
				arguments.add(argument(field, argument, ids));
			}
			Map<String, String> base = new LinkedHashMap<>();
			arguments.forEach((a) -> base.put(a.name(), a.base()));
			single.add(new Group(tree, List.of(call(field, render(arguments, base), null, next)), null));
			for (Argument argument : arguments) {
				for (String alternative : argument.alternatives()) {
					Map<String, String> values = new LinkedHashMap<>(base);
					values.put(argument.name(), alternative);
					single.add(new Group(tree, List.of(call(field, render(arguments, values), null, next)), null));
				}
				for (String[] pair : argument.pairs()) {
					Map<String, String> outside = new LinkedHashMap<>(base);
					outside.put(argument.name(), pair[0]);
					Map<String, String> unknown = new LinkedHashMap<>(base);
					unknown.put(argument.name(), pair[1]);
					Pair both = new Pair(call(field, render(arguments, outside), pair[2], next),
							call(field, render(arguments, unknown), pair[3], next));
					paired.add(new Group(tree, List.of(both.outside(), both.unknown()), both));
				}
			}
		}
		List<Doc> docs = new ArrayList<>();
		pack(schema, single, docs);
		for (Group group : paired) {
			List<Doc> own = new ArrayList<>();
			pack(schema, List.of(group), own);
			own.forEach((doc) -> doc.pairs.add(group.pair()));
			docs.addAll(own);
		}
		return docs;
	}

	private static Call call(GraphQLFieldDefinition field, String args, String argument, int[] next) {
		return new Call("c" + next[0]++, field, args, argument);
	}

	private static void pack(GraphQLSchema schema, List<Group> groups, List<Doc> docs) {
		Doc current = null;
		for (Group group : groups) {
			for (Unit whole : units(group.tree())) {
				for (Unit unit : fitting(schema, whole, group.calls())) {
					Doc grown = (current != null) ? current.with(group.calls(), unit) : null;
					if (grown != null && grown.fits()) {
						current = grown;
					}
					else {
						if (current != null) {
							docs.add(current);
						}
						current = new Doc(schema).with(group.calls(), unit);
					}
				}
			}
		}
		if (current != null) {
			docs.add(current);
		}
	}

	/** The unit, or parts of its fields, each within the complexity limit alone (when one field can be). */
	static List<Unit> fitting(GraphQLSchema schema, Unit unit, List<Call> calls) {
		if (new Doc(schema).with(calls, unit).cost() <= MAX_COMPLEXITY) {
			return List.of(unit);
		}
		if (unit.fields().size() < 2) {
			GraphQLObjectType type = unit.fields().get(0).objectType();
			if (type == null || unit.identity() != null) {
				return List.of(unit);
			}
			Sel keys = new Sel("keys", null, "");
			identity(type, keys);
			return keys.children.keySet().stream()
				.map((key) -> new Unit(unit.place(), unit.fields(), List.of(key)))
				.toList();
		}
		int half = unit.fields().size() / 2;
		List<Unit> parts = new ArrayList<>(
				fitting(schema, new Unit(unit.place(), unit.fields().subList(0, half)), calls));
		parts.addAll(fitting(schema, new Unit(unit.place(), unit.fields().subList(half, unit.fields().size())), calls));
		return parts;
	}

	/** A document of one call with one unit, e.g. to run again what another call's error wiped out. */
	static Doc alone(GraphQLSchema schema, Call call, Unit unit) {
		return new Doc(schema).with(List.of(call), unit);
	}

	/** The output type of a selected field, unwrapped. */
	static GraphQLOutputType typeOf(Sel sel) {
		return (GraphQLOutputType) GraphQLTypeUtil.unwrapAll(sel.field.getType());
	}

}
