package org.partygraph.api.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SelectedField;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.partygraph.api.security.Scope;
import org.partygraph.queries.read.Compiled;
import org.partygraph.queries.read.CompiledReads;
import org.partygraph.queries.read.MemberFilter;
import org.partygraph.queries.read.MemberPageAnswer;
import org.partygraph.queries.read.OrgFilter;
import org.partygraph.queries.read.Selection;
import org.partygraph.queries.read.Sort;
import org.partygraph.queries.read.UnitFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Compiled reads in the API (issue #17): the root fields {@code org}, {@code member} and
 * {@code unit}, and the lists {@code orgs}, {@code members} and {@code units}, hand their whole selection to {@link CompiledReads}, which answers it in one
 * statement, and every field of {@code Org}, {@code Member} and {@code Unit} answers from that
 * compiled answer when it holds one, else from its resolver with the plain row as before.
 *
 * <p>
 * The wrapping is applied before {@code ScopeGuard}'s, so the guard checks compiled answers as it
 * checks the resolvers'. A field whose resolver requires a role ({@link #ROLES}) is compiled only
 * for a caller who has it; otherwise its resolver runs and refuses as before
 * ({@code CompiledFieldsTests} keeps this table equal to the controllers' annotations).
 * On by default: {@code party-graph.reads.compiled=false} turns it off. A
 * new selection shape costs Neo4j a planning of its statement (cached for the same shape after).
 */
@Component
@Order(0)
public class CompiledFields implements GraphQlSourceBuilderCustomizer {

	/** The types whose fields answer from compiled answers. */
	static final Set<String> TYPES = Set.of("Org", "Member", "Unit");

	/** Compiled fields whose resolvers require a role: the role, as in their {@code @PreAuthorize}. */
	static final Map<String, String> ROLES = Map.of("Org.members", "ROLE_ANALYST");

	private final CompiledReads reads;

	private final Scope scope;

	private final RoleHierarchy roles;

	private volatile boolean enabled;

	public CompiledFields(CompiledReads reads, Scope scope, ObjectProvider<RoleHierarchy> roles,
			@Value("${party-graph.reads.compiled:true}") boolean enabled) {
		this.reads = reads;
		this.scope = scope;
		// The command line (import, export) runs without web security and so without a hierarchy.
		this.roles = roles.getIfAvailable(() -> (authorities) -> authorities);
		this.enabled = enabled;
	}

	/** Whether reads are compiled; tests compare both ways on one service. */
	public boolean enabled() {
		return this.enabled;
	}

	public void enabled(boolean enabled) {
		this.enabled = enabled;
	}

	/** The object of a root field with its whole selection compiled; {@code null} when none has the id. */
	Compiled byId(String type, String id, DataFetchingEnvironment env) {
		return this.reads.byId(type, id, selections(env.getSelectionSet()), this.scope.root());
	}

	/** A page of the list root {@code orgs}, each org with its whole selection compiled, in one statement. */
	Connection<Compiled> orgs(OrgFilter filter, Sort sort, int first, int offset, DataFetchingEnvironment env) {
		return Connection.of(this.reads.orgs(filter, sort, first, offset, nodeSelections(env.getSelectionSet()),
				this.scope.root()));
	}

	/** A page of the list root {@code members}, as {@link #orgs}. */
	Connection<Compiled> members(MemberFilter filter, Sort sort, int first, int offset, DataFetchingEnvironment env) {
		return Connection.of(this.reads.members(filter, sort, first, offset, nodeSelections(env.getSelectionSet()),
				this.scope.root()));
	}

	/** A page of the list root {@code units}, as {@link #orgs}. */
	Connection<Compiled> units(UnitFilter filter, Sort sort, int first, int offset, DataFetchingEnvironment env) {
		return Connection.of(this.reads.units(filter, sort, first, offset, nodeSelections(env.getSelectionSet()),
				this.scope.root()));
	}

	/**
	 * What a connection's selection asks of each node ({@code edges { node { … } }}, under any
	 * aliases). Two different fields under one result key (possible under two aliased
	 * {@code edges}) are left out, so their resolvers answer each from the row.
	 */
	List<Selection> nodeSelections(DataFetchingFieldSelectionSet set) {
		Set<String> authorities = authorities();
		Map<String, Selection> byKey = new LinkedHashMap<>();
		Set<String> ambiguous = new java.util.HashSet<>();
		for (SelectedField edges : set.getImmediateFields()) {
			if (!edges.getName().equals("edges")) {
				continue;
			}
			for (SelectedField node : edges.getSelectionSet().getImmediateFields()) {
				if (!node.getName().equals("node")) {
					continue;
				}
				for (Selection s : selections(node.getSelectionSet().getImmediateFields(), authorities)) {
					Selection before = byKey.putIfAbsent(s.key(), s);
					if (before != null && !before.equals(s)) {
						ambiguous.add(s.key());
					}
				}
			}
		}
		ambiguous.forEach(byKey::remove);
		return new ArrayList<>(byKey.values());
	}

	/** The selection as the compiler sees it; role-guarded fields the caller may not read are left out. */
	List<Selection> selections(DataFetchingFieldSelectionSet set) {
		Set<String> authorities = authorities();
		return selections(set.getImmediateFields(), authorities);
	}

	private List<Selection> selections(List<SelectedField> fields, Set<String> authorities) {
		Map<String, Selection> byKey = new LinkedHashMap<>();
		for (SelectedField field : fields) {
			if (field.getName().startsWith("__")) {
				continue;
			}
			// the type the field is on (SelectedField.getObjectTypeNames: the containing types)
			String type = containingType(field);
			String role = ROLES.get(type + "." + field.getName());
			if (role != null && !authorities.contains(role)) {
				continue;
			}
			Map<String, Object> arguments = field.getArguments();
			if (type.equals("Org") && field.getName().equals("members")) {
				arguments = pageArguments(arguments);
				if (arguments == null) {
					// a page size or cursor the resolver refuses: it answers, with its own error
					continue;
				}
			}
			byKey.putIfAbsent(field.getResultKey(), new Selection(field.getResultKey(), field.getName(), arguments,
					selections(field.getSelectionSet().getImmediateFields(), authorities)));
		}
		return new ArrayList<>(byKey.values());
	}

	/** A member page's arguments with the cursor decoded to the member id; {@code null} when invalid. */
	private static Map<String, Object> pageArguments(Map<String, Object> arguments) {
		Map<String, Object> decoded = new java.util.HashMap<>(arguments);
		try {
			Cursors.pageSize((Integer) arguments.get("first"));
			decoded.put("after", Cursors.decode((String) arguments.get("after")));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return decoded;
	}

	private static String containingType(SelectedField field) {
		List<String> names = field.getObjectTypeNames();
		return names.isEmpty() ? "" : names.get(0);
	}

	private Set<String> authorities() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Set<String> names = new java.util.HashSet<>();
		if (authentication != null) {
			for (GrantedAuthority a : this.roles.getReachableGrantedAuthorities(authentication.getAuthorities())) {
				names.add(a.getAuthority());
			}
		}
		return names;
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.typeVisitors(List.of(new Wrapper()));
	}

	/** A compiled answer as the schema's types expect it. */
	static Object value(Object answer) {
		return (answer instanceof MemberPageAnswer page) ? MemberConnection.of(page) : answer;
	}

	/** Every field of the compiled types answers from a compiled source when it can. */
	private static final class Wrapper extends GraphQLTypeVisitorStub {

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			if (!(context.getParentNode() instanceof GraphQLObjectType parent) || !TYPES.contains(parent.getName())) {
				return TraversalControl.CONTINUE;
			}
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
			DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, (DataFetcher<Object>) (env) -> {
				if (env.getSource() instanceof Compiled compiled) {
					String key = env.getField().getResultKey();
					if (compiled.answers(key)) {
						return value(compiled.answer(key));
					}
					DataFetchingEnvironment plain = DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env)
						.source(compiled.row())
						.build();
					return fetcher.get(plain);
				}
				return fetcher.get(env);
			});
			return TraversalControl.CONTINUE;
		}

	}

}
