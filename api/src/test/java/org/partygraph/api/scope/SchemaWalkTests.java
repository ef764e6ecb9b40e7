package org.partygraph.api.scope;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope walk's plan without a server: its documents are valid against the schema, within the
 * request limits, and together walk exactly every (object type, field) pair reachable from each root call
 * within depth 5, computed here independently of {@link SchemaWalk}'s breadth-first tree. A schema change
 * cannot silently shrink what {@code ScopeWalkIT} covers.
 */
class SchemaWalkTests {

	private static final SchemaWalk.Ids IDS = new SchemaWalk.Ids("o-in", "o-out", "m-in", "m-out", "u-in", "u-out",
			"in scenario", "out scenario", "zz-none", "zz none");

	private final GraphQLSchema schema = SchemaWalk.schema();

	private final List<SchemaWalk.Doc> docs = SchemaWalk.plan(this.schema, IDS);

	@Test
	void everyDocumentIsValidAndWithinTheRequestLimits() {
		assertThat(this.docs).isNotEmpty();
		for (SchemaWalk.Doc doc : this.docs) {
			Document parsed = Parser.parse(doc.text());
			List<ValidationError> errors = new Validator().validateDocument(this.schema, parsed, Locale.ENGLISH);
			assertThat(errors).as(doc.text()).isEmpty();
			assertThat(doc.cost()).as(doc.text()).isLessThanOrEqualTo(SchemaWalk.MAX_COMPLEXITY);
			assertThat(doc.roots).hasSizeLessThanOrEqualTo(SchemaWalk.MAX_ALIASES);
			assertThat(depth(operation(parsed).getSelectionSet())).as(doc.text()).isLessThanOrEqualTo(12);
			assertThat(doc.text().length()).isLessThan(100_000);
		}
	}

	@Test
	void eachRootCallWalksEveryPairReachableWithinDepthFive() {
		Map<String, String> rootFieldOfAlias = new HashMap<>();
		Map<String, Set<String>> walked = new HashMap<>();
		for (SchemaWalk.Doc doc : this.docs) {
			for (Selection<?> selection : operation(Parser.parse(doc.text())).getSelectionSet().getSelections()) {
				Field field = (Field) selection;
				String alias = (field.getAlias() != null) ? field.getAlias() : field.getName();
				rootFieldOfAlias.put(alias, field.getName());
				collect(field, this.schema.getQueryType(), 1, walked.computeIfAbsent(alias, (a) -> new TreeSet<>()));
			}
		}
		Set<String> rootFields = new HashSet<>(rootFieldOfAlias.values());
		assertThat(rootFields).containsExactlyInAnyOrderElementsOf(
				this.schema.getQueryType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList());
		walked.forEach((alias, pairs) -> assertThat(pairs).as(alias + " = " + rootFieldOfAlias.get(alias))
			.isEqualTo(reachable(rootFieldOfAlias.get(alias))));
		// A sanity check of the count, so that an empty reachable set could not pass: org reaches far.
		assertThat(reachable("org")).hasSizeGreaterThan(60).contains("Member.transfers", "Transfer.from",
				"Office.member", "Unit.orgs");
	}

	@Test
	void everyIdArgumentOfARootFieldIsAlsoAskedOutsideAndMadeUp() {
		Set<String> paired = new TreeSet<>();
		this.docs.forEach((doc) -> doc.pairs.forEach((pair) -> paired.add(pair.outside().field().getName())));
		Set<String> withIds = new TreeSet<>();
		for (GraphQLFieldDefinition field : this.schema.getQueryType().getFieldDefinitions()) {
			if (!"unit".equals(field.getName()) && field.getArguments().stream()
				.anyMatch((a) -> GraphQLTypeUtil.unwrapAll(a.getType()) == graphql.Scalars.GraphQLID)) {
				withIds.add(field.getName());
			}
		}
		assertThat(withIds).contains("org", "member", "orgChart", "whatIf");
		assertThat(paired).containsAll(withIds).contains("scenario", "compareScenarios");
	}

	/**
	 * The (type, field) pairs within depth 5 of a root field: the root field itself, and every field of
	 * every object type whose shortest distance from the root (the root field's type at 1) is at most 4.
	 */
	private Set<String> reachable(String rootField) {
		Map<String, Integer> distance = new HashMap<>();
		Deque<GraphQLObjectType> queue = new ArrayDeque<>();
		GraphQLObjectType start = objectType(this.schema.getQueryType().getFieldDefinition(rootField).getType());
		Set<String> pairs = new TreeSet<>();
		pairs.add("Query." + rootField);
		if (start == null) {
			return pairs;
		}
		distance.put(start.getName(), 1);
		queue.add(start);
		while (!queue.isEmpty()) {
			GraphQLObjectType type = queue.poll();
			int at = distance.get(type.getName());
			if (at > 4) {
				continue;
			}
			for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
				pairs.add(type.getName() + "." + field.getName());
				GraphQLObjectType next = objectType(field.getType());
				if (next != null && !distance.containsKey(next.getName())) {
					distance.put(next.getName(), at + 1);
					queue.add(next);
				}
			}
		}
		return pairs;
	}

	private void collect(Field field, GraphQLObjectType parent, int depth, Set<String> pairs) {
		if (depth > SchemaWalk.MAX_DEPTH || field.getName().startsWith("__")) {
			return;
		}
		pairs.add(parent.getName() + "." + field.getName());
		GraphQLObjectType type = objectType(parent.getFieldDefinition(field.getName()).getType());
		if (type != null && field.getSelectionSet() != null) {
			for (Selection<?> selection : field.getSelectionSet().getSelections()) {
				collect((Field) selection, type, depth + 1, pairs);
			}
		}
	}

	private static GraphQLObjectType objectType(GraphQLType type) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		assertThat(GraphQLTypeUtil.isLeaf(named) || named instanceof GraphQLObjectType)
			.as("the walk knows object types, scalars and enums only: " + named).isTrue();
		return (named instanceof GraphQLObjectType object) ? object : null;
	}

	private static OperationDefinition operation(Document document) {
		return document.getDefinitionsOfType(OperationDefinition.class).get(0);
	}

	private static int depth(SelectionSet set) {
		int max = 0;
		for (Selection<?> selection : set.getSelections()) {
			Field field = (Field) selection;
			max = Math.max(max, 1 + ((field.getSelectionSet() != null) ? depth(field.getSelectionSet()) : 0));
		}
		return max;
	}

}
