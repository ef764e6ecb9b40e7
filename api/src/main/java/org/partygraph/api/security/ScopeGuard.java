package org.partygraph.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.function.BiPredicate;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.partygraph.api.graphql.Connection;
import org.partygraph.queries.change.TransferRecord;
import org.partygraph.queries.history.PastObject;
import org.partygraph.queries.read.Compiled;
import org.partygraph.queries.read.ManagementLink;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.Office;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.scenario.Scenario;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * The one place where a user's scope is enforced on what a query answers. Every field of the schema
 * whose type is (a list of) a scoped type gets its data fetcher wrapped once, when the schema is
 * built: a value outside the caller's scope becomes {@code null}, and list entries outside it are left
 * out, wherever in the answer the field is: a root field, a relation, a payload. A field added later
 * is covered without touching this class, because the wrapping follows the field's type, not its name.
 *
 * <p>
 * The scoped types and when a value of each is inside the scope:
 * <ul>
 * <li>{@code Org}: the org is in the scope's subtree;</li>
 * <li>{@code Member}: its membership org is;</li>
 * <li>{@code Candidate}, {@code DueCandidate}: the candidate's developing org is;</li>
 * <li>{@code PipelineRow}: its org is; {@code FirstSecretarySuggestion}: its village is;</li>
 * <li>{@code Away}: the org the member flows in at or the member's own org is (its {@code member}
 * then shows only to a caller who sees the member);</li>
 * <li>{@code MobilityRow}: its township is (the row of orgs under no township always shows, its
 * counts limited to the caller's scope);</li>
 * <li>{@code Office}: both the org it is held at and the holder's membership org are;</li>
 * <li>{@code ManagementLink}: the managing org is;</li>
 * <li>{@code Transfer}: it came from or went to an org inside (the org at the other end shows as
 * {@code null}, being an {@code Org});</li>
 * <li>{@code Scenario}: its owner scope lies inside;</li>
 * <li>{@code OrgEdge}, {@code MemberEdge}: their node is inside.</li>
 * </ul>
 * An object type holding a non-null field of a scoped type must be scoped itself (or the field's
 * {@code null} would break its parent): the schema refuses to start otherwise, naming the type. A
 * value of an unexpected class for its type counts as outside (fail closed). Units are public
 * reference data and are not scoped; orgs reached through them are.
 *
 * <p>
 * Lists and aggregates are limited to the scope before they are read (their {@code within}
 * defaults to the scope root), so their counts stay right; this guard is what makes every other
 * path safe by construction.
 */
@Component
public class ScopeGuard implements GraphQlSourceBuilderCustomizer {

	private final Scope scope;

	private final Map<String, Rule> rules;

	public ScopeGuard(Scope scope) {
		this.scope = scope;
		Map<String, Rule> rules = new LinkedHashMap<>();
		rules.put("Org", Rule.of(OrgRow.class, (org, view) -> view.org(org.id())));
		rules.put("Member", Rule.of(MemberRow.class, (member, view) -> view.org(member.orgId())));
		rules.put("Office", Rule.of(Office.class,
				(office, view) -> view.org(office.orgId()) && view.org(office.member().orgId())));
		rules.put("ManagementLink", Rule.of(ManagementLink.class, (link, view) -> view.org(link.manager().id())));
		rules.put("Transfer", Rule.of(TransferRecord.class, (t, view) -> view.org(t.from()) || view.org(t.to())));
		rules.put("Candidate", Rule.of(org.partygraph.queries.read.CandidateRow.class,
				(candidate, view) -> view.org(candidate.org())));
		rules.put("DueCandidate", Rule.of(org.partygraph.queries.read.DueCandidate.class,
				(due, view) -> view.org(due.candidate().org())));
		rules.put("Away", Rule.of(org.partygraph.queries.change.AwayRecord.class,
				(away, view) -> view.org(away.at()) || (away.home() != null && view.org(away.home()))));
		rules.put("MobilityRow", Rule.of(org.partygraph.api.graphql.MobileController.MobilityRow.class,
				(row, view) -> row.township() == null || view.org(row.township().id())));
		rules.put("FirstSecretarySuggestion", Rule.of(org.partygraph.queries.whatif.FirstSecretaryMatcher.Suggestion.class,
				(suggestion, view) -> view.org(suggestion.village())));
		rules.put("PipelineRow", Rule.of(org.partygraph.api.graphql.DevelopmentController.PipelineRow.class,
				(row, view) -> view.org(row.org().id())));
		rules.put("Scenario", Rule.of(Scenario.class, (scenario, view) -> view.org(scenario.owner())));
		rules.put("OrgEdge", edgeOf(rules.get("Org")));
		rules.put("MemberEdge", edgeOf(rules.get("Member")));
		this.rules = Map.copyOf(rules);
	}

	/** The names of the scoped GraphQL types. */
	public Set<String> scopedTypes() {
		return new TreeSet<>(this.rules.keySet());
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.typeVisitors(List.of(new Wrapper()));
	}

	/** Whether the value (of the named type) lies inside the view; values of other types always do. */
	boolean inside(String typeName, Object value, Scope.View view) {
		Rule rule = this.rules.get(typeName);
		return rule == null || value == null || rule.test(value, view);
	}

	/** The fetched value as the view may see it: outside single values null, outside entries left out. */
	Object filter(String typeName, Object value, Scope.View view) {
		if (value == null || view.everything()) {
			return value;
		}
		// Controller methods may answer reactively; Spring turns that into a future outside this guard.
		if (value instanceof Mono<?> mono) {
			return mono.mapNotNull((v) -> filter(typeName, v, view));
		}
		if (value instanceof Flux<?> flux) {
			return flux.filter((v) -> inside(typeName, v, view));
		}
		if (value instanceof CompletionStage<?> stage) {
			return stage.toCompletableFuture().thenApply((v) -> filter(typeName, v, view));
		}
		if (value instanceof DataFetcherResult<?> result) {
			@SuppressWarnings("unchecked")
			DataFetcherResult<Object> any = (DataFetcherResult<Object>) result;
			return any.transform((b) -> b.data(filter(typeName, any.getData(), view)));
		}
		if (value instanceof Collection<?> values) {
			List<Object> kept = new ArrayList<>(values.size());
			for (Object v : values) {
				if (inside(typeName, v, view)) {
					kept.add(v);
				}
			}
			return kept;
		}
		return inside(typeName, value, view) ? value : null;
	}

	private static Rule edgeOf(Rule node) {
		return Rule.of(Connection.Edge.class, (edge, view) -> edge.node() != null && node.test(edge.node(), view));
	}

	/** When a value of one scoped type is inside a view. */
	private interface Rule {

		boolean test(Object value, Scope.View view);

		// A compiled answer (CompiledFields) is judged by the row it holds, as the resolvers' row would be.
		// A past object (an asOf read, PastFields) by the view of the day it came from: built from this
		// caller's scope (its root's subtree on the day, less what lies outside it today), it also
		// holds the orgs dissolved since, which today's view no longer has.
		static <T> Rule of(Class<T> type, BiPredicate<T, Scope.View> inside) {
			return (value, view) -> {
				if (value instanceof PastObject past) {
					return type.isInstance(past.row()) && past.inView();
				}
				Object row = (value instanceof Compiled compiled) ? compiled.row() : value;
				return type.isInstance(row) && inside.test(type.cast(row), view);
			};
		}

	}

	/** Wraps the data fetcher of every field whose type is scoped, and checks the rule above. */
	private final class Wrapper extends GraphQLTypeVisitorStub {

		@Override
		public TraversalControl visitGraphQLObjectType(GraphQLObjectType type,
				TraverserContext<GraphQLSchemaElement> context) {
			if (!ScopeGuard.this.rules.containsKey(type.getName())) {
				for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
					if (isSingleNonNull(field.getType())
							&& ScopeGuard.this.rules.containsKey(GraphQLTypeUtil.unwrapAll(field.getType()).getName())) {
						throw new IllegalStateException("type " + type.getName() + " has the non-null field "
								+ field.getName() + " of the scoped type " + GraphQLTypeUtil.simplePrint(field.getType())
								+ ": make the field nullable, or give " + type.getName() + " a rule in ScopeGuard");
					}
				}
			}
			return TraversalControl.CONTINUE;
		}

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			String typeName = GraphQLTypeUtil.unwrapAll(field.getType()).getName();
			if (!ScopeGuard.this.rules.containsKey(typeName)
					|| !(context.getParentNode() instanceof GraphQLObjectType parent)) {
				return TraversalControl.CONTINUE;
			}
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
			DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, (DataFetcher<Object>) (env) -> guarded(fetcher, typeName, env));
			return TraversalControl.CONTINUE;
		}

		private Object guarded(DataFetcher<?> fetcher, String typeName, DataFetchingEnvironment env)
				throws Exception {
			// Taken here, on the request's thread, before a batch load may complete elsewhere.
			Scope.View view = ScopeGuard.this.scope.view();
			return filter(typeName, fetcher.get(env), view);
		}

		private static boolean isSingleNonNull(GraphQLType type) {
			return type instanceof GraphQLNonNull nonNull && !(nonNull.getWrappedType() instanceof GraphQLList);
		}

	}

}
