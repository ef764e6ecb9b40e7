package org.partygraph.api.limits;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The complexity of an operation and the largest page it asks for, from the schema and the
 * operation's arguments (variables resolved), before anything runs. The complexity is the number of
 * objects (orgs, members, units, offices, events, metrics…) the answer can hold, lists counted at
 * their page or at the size they are assumed to have. Scalars and enums cost nothing: they come
 * with the object that holds them, and the alias limit bounds how often one can be asked for.
 *
 * <pre>
 * scalar or enum field (also a list of them), __typename   0
 * object field                                             size × (self + children)
 *   size: a list with @listSize(slicingArguments: ["first"])  max(1, first)  (not given: first's default)
 *         a field with a first argument (a page)            max(1, first)  (not given: 20, the default page)
 *         the edges of a connection                         1              (first has counted the page)
 *         any other list                                    its @listSize(assumedSize:), else the list multiplier (10)
 *         a single object                                   1
 *   self: a connection, an edge or PageInfo (wrappers)      0
 *         any other object                                  1
 * introspection (__schema, __type and below them)          1 + children   (no sizes; scalars 0)
 * a top-level field                                        at least 1     (each is a statement)
 * </pre>
 *
 * where {@code children} is the sum of the costs of the field's selected fields (each fragment
 * spread counted in full, fields left out by {@code @skip}/{@code @include} not at all), and the
 * operation's complexity the sum of its top-level fields' costs. For example
 * {@code { orgs(first: 50) { totalCount edges { node { name coManagers { name } } } } }} costs
 * {@code 50 × (1 + 2 × 1)} = 150 ({@code coManagers} is assumed to hold 2), and
 * {@code { org(id: "o-county") { children { name children { name } } } }} costs
 * {@code 1 + 10 × (1 + 10 × 1)} = 111. Costs stop growing at {@link #CAP}. The assumed sizes are
 * declared in the schema, on the list fields, with {@code @listSize}.
 * <p>
 * Not GraphQL Java's {@code QueryComplexityCalculator}: its traversal enters each fragment once
 * per operation, so a fragment spread twice would be paid for once. This walk remembers each
 * fragment's cost instead, which also keeps it linear in the document's size.
 */
public final class QueryCost {

	static final long CAP = 1L << 50;

	/** The schema directive that declares a list field's assumed size. */
	static final String LIST_SIZE = "listSize";

	/** The one slicing argument the directive may name. */
	static final String SLICING_ARGUMENT = "first";

	private final long complexity;

	private final int largestPage;

	private QueryCost(long complexity, int largestPage) {
		this.complexity = complexity;
		this.largestPage = largestPage;
	}

	/** The cost of the named operation (or the only one) of a valid document. */
	static QueryCost of(GraphQLSchema schema, Document document, String operationName, Map<String, Object> variables,
			int listMultiplier) {
		Walker walker = new Walker(schema, document, variables, listMultiplier);
		long complexity = 0;
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			if (operationName == null || operationName.equals(operation.getName())) {
				GraphQLObjectType root = switch (operation.getOperation()) {
					case MUTATION -> schema.getMutationType();
					case SUBSCRIPTION -> schema.getSubscriptionType();
					default -> schema.getQueryType();
				};
				complexity = Math.max(complexity, walker.selections(operation.getSelectionSet(), root));
			}
		}
		return new QueryCost(complexity, walker.largestPage);
	}

	/** The operation's complexity, at most {@link #CAP}. */
	long complexity() {
		return this.complexity;
	}

	/** The largest {@code first} given to a paged field that max-page-size bounds (20 where one was given none; not the sliced lists), 0 without. */
	int largestPage() {
		return this.largestPage;
	}

	/** The cost of one field whose selected fields cost {@code children} together. */
	public static long fieldCost(GraphQLFieldDefinition field, GraphQLFieldsContainer parent, Integer first,
			long children, int listMultiplier) {
		GraphQLType type = GraphQLTypeUtil.unwrapNonNull(field.getType());
		GraphQLType element = GraphQLTypeUtil.unwrapAll(type);
		if (field.getName().startsWith("__") || parent.getName().startsWith("__")) {
			return GraphQLTypeUtil.isLeaf(element) ? 0 : add(1, children);
		}
		if (GraphQLTypeUtil.isLeaf(element)) {
			return 0;
		}
		long self = wrapper(element) ? 0 : 1;
		long size;
		if (sliced(field)) {
			size = Math.max(1, (first != null) ? first : defaultInt(field.getArgument(SLICING_ARGUMENT), listMultiplier));
		}
		else if (field.getArgument("first") != null) {
			size = Math.max(1, pageSize(first));
		}
		else if (GraphQLTypeUtil.isList(type)) {
			boolean connectionEdges = "edges".equals(field.getName()) && parent.getFieldDefinition("pageInfo") != null;
			size = connectionEdges ? 1 : assumedSize(field, listMultiplier);
		}
		else {
			size = 1;
		}
		return multiply(size, add(self, children));
	}

	/**
	 * Whether the list is sliced by its {@code first} argument ({@code @listSize(slicingArguments:
	 * ["first"])}): priced at the {@code first} given or its default, and bounded by its resolver
	 * rather than by {@code max-page-size} (the due lists, up to 1000).
	 */
	static boolean sliced(GraphQLFieldDefinition field) {
		GraphQLAppliedDirective listSize = field.getAppliedDirective(LIST_SIZE);
		if (listSize == null || listSize.getArgument("slicingArguments") == null
				|| field.getArgument(SLICING_ARGUMENT) == null) {
			return false;
		}
		return listSize.getArgument("slicingArguments").getValue() instanceof List<?> names
				&& names.contains(SLICING_ARGUMENT);
	}

	/** The default value of an Int argument, else {@code otherwise}. */
	private static long defaultInt(GraphQLArgument argument, long otherwise) {
		if (argument == null || !argument.hasSetDefaultValue()) {
			return otherwise;
		}
		Object value = argument.getArgumentDefaultValue().getValue();
		if (value instanceof IntValue literal) {
			return literal.getValue().longValue();
		}
		return (value instanceof Number number) ? number.longValue() : otherwise;
	}

	/** A list field's {@code @listSize(assumedSize:)}, else the configured multiplier. */
	static long assumedSize(GraphQLFieldDefinition field, int listMultiplier) {
		GraphQLAppliedDirective listSize = field.getAppliedDirective(LIST_SIZE);
		if (listSize != null && listSize.getArgument("assumedSize") != null
				&& listSize.getArgument("assumedSize").getValue() instanceof Number assumed) {
			return Math.max(0, assumed.longValue());
		}
		return listMultiplier;
	}

	/** A connection (edges and pageInfo), an edge (node and cursor) or PageInfo: no object of its own. */
	private static boolean wrapper(GraphQLType type) {
		if (!(type instanceof GraphQLFieldsContainer container)) {
			return false;
		}
		return "PageInfo".equals(container.getName())
				|| (container.getFieldDefinition("edges") != null && container.getFieldDefinition("pageInfo") != null)
				|| (container.getFieldDefinition("node") != null && container.getFieldDefinition("cursor") != null);
	}

	private static int pageSize(Integer first) {
		return (first != null) ? first : LimitsProperties.DEFAULT_PAGE_SIZE;
	}

	private static long add(long a, long b) {
		return Math.min(CAP, a + b);
	}

	private static long multiply(long factor, long cost) {
		return (cost != 0 && factor > CAP / cost) ? CAP : Math.min(CAP, factor * cost);
	}

	private static final class Walker {

		private final GraphQLSchema schema;

		private final Map<String, FragmentDefinition> fragments = new HashMap<>();

		private final Map<String, Object> variables;

		private final int listMultiplier;

		private final Map<String, Long> fragmentCosts = new HashMap<>();

		private final Set<String> walking = new HashSet<>();

		int largestPage;

		/** How many fields deep the walk is: 0 while at the operation's own fields. */
		private int depth;

		Walker(GraphQLSchema schema, Document document, Map<String, Object> variables, int listMultiplier) {
			this.schema = schema;
			this.variables = (variables != null) ? variables : Map.of();
			this.listMultiplier = listMultiplier;
			for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
				this.fragments.putIfAbsent(fragment.getName(), fragment);
			}
		}

		long selections(SelectionSet selectionSet, GraphQLType type) {
			long cost = 0;
			if (selectionSet == null || !(type instanceof GraphQLCompositeType)) {
				return cost;
			}
			for (Selection<?> selection : selectionSet.getSelections()) {
				if (selection instanceof DirectivesContainer<?> directed && !included(directed.getDirectives())) {
					continue;
				}
				if (selection instanceof Field field) {
					cost = add(cost, field(field, type));
				}
				else if (selection instanceof InlineFragment inline) {
					GraphQLType on = (inline.getTypeCondition() != null)
							? this.schema.getType(inline.getTypeCondition().getName()) : type;
					cost = add(cost, selections(inline.getSelectionSet(), on));
				}
				else if (selection instanceof FragmentSpread spread) {
					cost = add(cost, fragment(spread.getName()));
				}
			}
			return cost;
		}

		private long field(Field field, GraphQLType parentType) {
			String name = field.getName();
			if ("__typename".equals(name) || !(parentType instanceof GraphQLFieldsContainer parent)) {
				return 0;
			}
			GraphQLFieldDefinition definition = switch (name) {
				case "__schema" -> Introspection.SchemaMetaFieldDef;
				case "__type" -> Introspection.TypeMetaFieldDef;
				default -> parent.getFieldDefinition(name);
			};
			if (definition == null) {
				return 0;
			}
			Integer first = null;
			if (definition.getArgument("first") != null) {
				first = intArgument(field.getArguments(), "first");
				if (!sliced(definition)) {
					this.largestPage = Math.max(this.largestPage, pageSize(first));
				}
			}
			this.depth++;
			long children = selections(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
			this.depth--;
			long cost = fieldCost(definition, parent, first, children, this.listMultiplier);
			// A top-level field is one statement, whatever it holds.
			return (this.depth == 0) ? Math.max(1, cost) : cost;
		}

		private long fragment(String name) {
			Long known = this.fragmentCosts.get(name);
			if (known != null) {
				return known;
			}
			FragmentDefinition fragment = this.fragments.get(name);
			if (fragment == null || !this.walking.add(name)) {
				return 0;
			}
			long cost = selections(fragment.getSelectionSet(), this.schema.getType(fragment.getTypeCondition().getName()));
			this.walking.remove(name);
			this.fragmentCosts.put(name, cost);
			return cost;
		}

		private boolean included(List<Directive> directives) {
			for (Directive directive : directives) {
				if ("skip".equals(directive.getName()) && Boolean.TRUE.equals(value(directive.getArgument("if")))) {
					return false;
				}
				if ("include".equals(directive.getName()) && Boolean.FALSE.equals(value(directive.getArgument("if")))) {
					return false;
				}
			}
			return true;
		}

		private Integer intArgument(List<Argument> arguments, String name) {
			for (Argument argument : arguments) {
				if (name.equals(argument.getName())) {
					return (value(argument) instanceof Number number) ? number.intValue() : null;
				}
			}
			return null;
		}

		private Object value(Argument argument) {
			if (argument == null) {
				return null;
			}
			Value<?> value = argument.getValue();
			if (value instanceof VariableReference variable) {
				return this.variables.get(variable.getName());
			}
			if (value instanceof IntValue number) {
				BigInteger big = number.getValue();
				return (big.bitLength() < 32) ? big.intValue() : Integer.MAX_VALUE;
			}
			if (value instanceof BooleanValue bool) {
				return bool.isValue();
			}
			return null;
		}

	}

}
