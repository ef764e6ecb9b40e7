package org.partygraph.api.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * The shape of an operation as written, read before validation: its depth, its aliased fields and
 * its fields, each fragment spread counted as often as it is spread. Each fragment is walked once
 * (remembered per fragment), so this is linear in the document's size even for documents whose
 * expansion would be huge, and it needs no schema.
 *
 * <ul>
 * <li>{@code depth}: levels of nested fields, {@code { org { name } }} is 2. The introspection
 * fields {@code __schema} and {@code __type} and everything below them do not count (GraphiQL's
 * introspection query nests 13 levels; GraphQL Java's good-faith introspection check bounds it).</li>
 * <li>{@code aliases}: fields written with an alias, anywhere.</li>
 * <li>{@code fields}: every field but {@code __typename}, whatever {@code @skip} or {@code @include}
 * say.</li>
 * </ul>
 * Counts stop growing at {@link #CAP}.
 */
record DocumentShape(int depth, long aliases, long fields) {

	static final long CAP = 1L << 50;

	private static final DocumentShape EMPTY = new DocumentShape(0, 0, 0);

	/**
	 * The shape of the operation that will run: the one named, else the only one. With several
	 * and no name (which validation refuses) the largest figures of them all.
	 */
	static DocumentShape of(Document document, String operationName) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			fragments.putIfAbsent(fragment.getName(), fragment);
		}
		Walker walker = new Walker(fragments);
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (operationName != null) {
			List<OperationDefinition> named = operations.stream()
				.filter((operation) -> operationName.equals(operation.getName()))
				.toList();
			if (!named.isEmpty()) {
				operations = named;
			}
		}
		DocumentShape shape = EMPTY;
		for (OperationDefinition operation : operations) {
			shape = shape.max(walker.selections(operation.getSelectionSet(), false));
		}
		return shape;
	}

	private DocumentShape max(DocumentShape other) {
		return new DocumentShape(Math.max(this.depth, other.depth), Math.max(this.aliases, other.aliases),
				Math.max(this.fields, other.fields));
	}

	/** This and a sibling selection: deepest of the two, counts added. */
	private DocumentShape and(DocumentShape sibling) {
		return new DocumentShape(Math.max(this.depth, sibling.depth), add(this.aliases, sibling.aliases),
				add(this.fields, sibling.fields));
	}

	private static long add(long a, long b) {
		return Math.min(CAP, a + b);
	}

	private static final class Walker {

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, DocumentShape> walked = new HashMap<>();

		private final Set<String> walking = new HashSet<>();

		Walker(Map<String, FragmentDefinition> fragments) {
			this.fragments = fragments;
		}

		DocumentShape selections(SelectionSet selectionSet, boolean introspection) {
			DocumentShape shape = EMPTY;
			if (selectionSet == null) {
				return shape;
			}
			for (Selection<?> selection : selectionSet.getSelections()) {
				if (selection instanceof Field field) {
					shape = shape.and(field(field, introspection));
				}
				else if (selection instanceof InlineFragment inline) {
					shape = shape.and(selections(inline.getSelectionSet(), introspection));
				}
				else if (selection instanceof FragmentSpread spread) {
					shape = shape.and(spread(spread.getName(), introspection));
				}
			}
			return shape;
		}

		private DocumentShape field(Field field, boolean introspection) {
			String name = field.getName();
			boolean below = introspection || "__schema".equals(name) || "__type".equals(name);
			DocumentShape children = selections(field.getSelectionSet(), below);
			int depth = below ? 0 : 1 + children.depth();
			long aliases = add(children.aliases(), (field.getAlias() != null) ? 1 : 0);
			long fields = add(children.fields(), "__typename".equals(name) ? 0 : 1);
			return new DocumentShape(depth, aliases, fields);
		}

		private DocumentShape spread(String name, boolean introspection) {
			String key = name + (introspection ? "/introspection" : "");
			DocumentShape known = this.walked.get(key);
			if (known != null) {
				return known;
			}
			FragmentDefinition fragment = this.fragments.get(name);
			// An unknown fragment or a cycle: validation refuses the document.
			if (fragment == null || !this.walking.add(key)) {
				return EMPTY;
			}
			DocumentShape shape = selections(fragment.getSelectionSet(), introspection);
			this.walking.remove(key);
			this.walked.put(key, shape);
			return shape;
		}

	}

}
