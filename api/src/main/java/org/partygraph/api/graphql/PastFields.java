package org.partygraph.api.graphql;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.partygraph.api.security.Scope;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.Role;
import org.partygraph.queries.change.AwayRecord;
import org.partygraph.queries.change.DispatchRecord;
import org.partygraph.queries.change.TransferRecord;
import org.partygraph.queries.history.PastObject;
import org.partygraph.queries.history.PastReads;
import org.partygraph.queries.history.PastView;
import org.partygraph.queries.pattern.Pattern;
import org.partygraph.queries.read.DispatchQueries;
import org.partygraph.queries.read.EventRow;
import org.partygraph.queries.read.ManagementLink;
import org.partygraph.queries.read.MemberFilter;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.Office;
import org.partygraph.queries.read.OrgFilter;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.Page;
import org.partygraph.queries.read.Sort;
import org.partygraph.queries.read.UnitRow;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;

/**
 * {@code asOf} on {@code org}, {@code orgs}, {@code member} and {@code members} (docs/contract.md
 * section 6): the root answers {@link PastObject}s of a {@link PastView} of the day, and every field
 * of {@code Org}, {@code Member}, {@code Unit}, {@code Office} and {@code ManagementLink} under them
 * answers as of that day, by one of four ways, fixed per field in {@link #WAYS}:
 * <ul>
 * <li>{@code PAST}: from the view, in memory (the structure: relations, counts, offices, member pages,
 * patterns);</li>
 * <li>{@code ROW}: today's resolver on the row of the day (scalars, and what follows from them, such as
 * {@code term} from the day's {@code electedOn}); any org, member or unit it answers is replaced by the
 * day's (units by their past object, so what lies under them is of the day too);</li>
 * <li>{@code AS_OF}: today's resolver with its own {@code asOf} argument defaulting to the day;</li>
 * <li>{@code DATED}: today's resolver, less the entries dated after the day (history, transfers,
 * dispatches, stays away).</li>
 * </ul>
 * A field of these types without a way stops the schema from building, naming it, so a field added
 * later cannot answer today's value under a past root by mistake. A {@code PAST} field whose resolver
 * requires a role ({@code @PreAuthorize} on any controller, read at start-up) runs that resolver
 * instead when the caller lacks the role, which refuses as it does today.
 */
@Component
@Order(1)
public class PastFields implements GraphQlSourceBuilderCustomizer {

	enum Way {

		PAST, ROW, AS_OF, DATED

	}

	static final Map<String, Way> WAYS = ways();

	private static Map<String, Way> ways() {
		Map<String, Way> ways = new HashMap<>();
		for (String f : List.of("id", "name", "kind", "trade", "hasCommittee", "term")) {
			ways.put("Org." + f, Way.ROW);
		}
		for (String f : List.of("dataset", "parent", "children", "ancestors", "descendants", "coManagers", "coManages",
				"inTerritoryNotLed", "managementChain", "units", "partyGroups", "secretary", "officers", "memberCount",
				"fullMemberCount", "members", "patterns")) {
			ways.put("Org." + f, Way.PAST);
		}
		for (String f : List.of("pipeline", "firstSecretaries", "flowingIn", "membersAway")) {
			ways.put("Org." + f, Way.AS_OF);
		}
		ways.put("Org.history", Way.DATED);
		for (String f : List.of("id", "name", "status", "trade", "gender", "joined", "probationSince",
				"probationExtendedTo", "probationEndsOn", "idNumber", "phone", "birthDate", "development")) {
			ways.put("Member." + f, Way.ROW);
		}
		for (String f : List.of("org", "group", "roles", "unit", "participatesIn")) {
			ways.put("Member." + f, Way.PAST);
		}
		ways.put("Member.awayAt", Way.PAST);
		for (String f : List.of("transfers", "dispatches", "away")) {
			ways.put("Member." + f, Way.DATED);
		}
		for (String f : List.of("id", "name", "kind", "locatedIn", "contains", "industry", "supplies", "suppliedBy",
				"leading", "industryCluster", "households", "householdsDriven", "adjacentTo")) {
			ways.put("Unit." + f, Way.ROW);
		}
		ways.put("Unit.orgs", Way.PAST);
		ways.put("Office.member", Way.PAST);
		ways.put("Office.org", Way.PAST);
		ways.put("Office.role", Way.ROW);
		ways.put("ManagementLink.manager", Way.PAST);
		ways.put("ManagementLink.distance", Way.ROW);
		ways.put("ManagementLink.via", Way.ROW);
		// Dispatches and times away listed under a past root: their orgs and member are the day's
		// (a village or host org dissolved since answers as it stood), their dates as recorded.
		for (String f : List.of("member", "village", "by")) {
			ways.put("Dispatch." + f, Way.PAST);
		}
		for (String f : List.of("member", "home", "at")) {
			ways.put("Away." + f, Way.PAST);
		}
		for (String f : List.of("from", "to", "current")) {
			ways.put("Dispatch." + f, Way.ROW);
			ways.put("Away." + f, Way.ROW);
		}
		return Map.copyOf(ways);
	}

	/** The types whose fields answer past objects. */
	static final Set<String> TYPES = Set.of("Org", "Member", "Unit", "Office", "ManagementLink", "Dispatch", "Away");

	private final PastReads past;

	private final Scope scope;

	private final DispatchQueries dispatches;

	private final RoleHierarchy roles;

	private final ApplicationContext context;

	/** Roles the resolvers of fields require, by {@code Type.field}; read from the controllers at first use. */
	private volatile Map<String, String> required;

	public PastFields(PastReads past, Scope scope, DispatchQueries dispatches,
			ObjectProvider<RoleHierarchy> roles, ApplicationContext context) {
		this.past = past;
		this.scope = scope;
		this.dispatches = dispatches;
		this.roles = roles.getIfAvailable(() -> (authorities) -> authorities);
		this.context = context;
	}

	// ---- the roots ----

	/** {@code org(id, asOf)}: the org as it stood on the day; {@code null} when it did not exist then or is out of view. */
	PastObject org(String id, LocalDate day) {
		PastView view = (this.scope.root() != null) ? scopedView(day)
				: unscopedView(day, this.past.anchor(id), true);
		return (view != null) ? item(view, view.org(id)) : null;
	}

	/** {@code member(id, asOf)}: the member as they stood on the day. */
	PastObject member(String id, LocalDate day) {
		PastView view;
		if (this.scope.root() != null) {
			view = scopedView(day);
		}
		else {
			view = unscopedView(day, this.past.memberAnchor(id, day), true);
		}
		if (view == null) {
			return null;
		}
		Member m = view.member(id);
		return (m != null) ? new PastObject(view, PastView.row(m), authorities()) : null;
	}

	/**
	 * {@code orgs(filter, asOf)}: {@code within} (already checked against the scope, today's org) is
	 * read as its subtree on the day; a pattern keeps the orgs that were its instances that day, and
	 * {@code hasFirstSecretary} is judged on the day.
	 */
	Connection<PastObject> orgs(OrgFilter filter, Pattern pattern, Sort sort, int first, int offset, LocalDate day) {
		PastView view = view(day, filter.within());
		Set<String> authorities = authorities();
		Predicate<Org> also = (o) -> pattern == null || view.isInstance(pattern, o);
		if (filter.hasFirstSecretary() != null) {
			Set<String> served = new HashSet<>();
			this.dispatches.serving(view.orgIds(), day).forEach((org, list) -> {
				if (!list.isEmpty()) {
					served.add(org);
				}
			});
			boolean wanted = filter.hasFirstSecretary();
			also = also.and((o) -> served.contains(o.id()) == wanted);
		}
		Page<Org> page = view.orgs(filter, also, sort, first, offset);
		return Connection.of(new Page<>(page.items()
			.stream()
			.map((o) -> new PastObject(view, PastView.row(o), authorities))
			.toList(), page.totalCount(), page.offset(), page.hasNextPage()));
	}

	/** {@code members(filter, asOf)}, as {@link #orgs}. */
	Connection<PastObject> members(MemberFilter filter, Sort sort, int first, int offset, LocalDate day) {
		PastView view = view(day, filter.within());
		Set<String> authorities = authorities();
		Page<Member> page = view.members(filter, sort, first, offset);
		return Connection.of(new Page<>(page.items()
			.stream()
			.map((m) -> new PastObject(view, PastView.row(m), authorities))
			.toList(), page.totalCount(), page.offset(), page.hasNextPage()));
	}

	/** The view of the day for this caller: a scoped caller's scope, or everything / within's tree. */
	private PastView view(LocalDate day, String within) {
		return (this.scope.root() != null) ? scopedView(day)
				: unscopedView(day, (within != null) ? this.past.anchor(within) : null, false);
	}

	/** A scoped caller's scope root's subtree on the day, less what lies outside their scope today. */
	private PastView scopedView(LocalDate day) {
		return this.past.view(this.scope.root(), null, day, AsOf.hidden(this.scope));
	}

	/**
	 * For an unscoped caller, the tree around the anchor, or everything when there is none; with
	 * {@code required}, none found means the item never was: {@code null}, nothing rebuilt.
	 */
	private PastView unscopedView(LocalDate day, String anchor, boolean required) {
		if (anchor == null && required) {
			return null;
		}
		return this.past.view(null, anchor, day, null);
	}

	private PastObject item(PastView view, Org org) {
		return (org != null) ? new PastObject(view, PastView.row(org), authorities()) : null;
	}

	private Set<String> authorities() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Set<String> names = new HashSet<>();
		if (authentication != null) {
			for (GrantedAuthority a : this.roles.getReachableGrantedAuthorities(authentication.getAuthorities())) {
				names.add(a.getAuthority());
			}
		}
		return names;
	}

	// ---- the fields ----

	private Object fetch(String type, PastObject source, DataFetchingEnvironment env, DataFetcher<?> resolver)
			throws Exception {
		String field = env.getField().getName();
		Way way = WAYS.get(type + "." + field);
		if (type.equals("Member") && field.equals("awayAt") && env.getArgument("asOf") != null
				&& !env.getArgument("asOf").equals(source.view().day())) {
			way = Way.AS_OF; // another day than the view's: today's resolver on that day
		}
		String role = required().get(type + "." + field);
		DataFetchingEnvironment onRow = DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env)
			.source(source.row())
			.build();
		if (way == Way.PAST && role != null && !source.authorities().contains(role)) {
			// refused as today
			return resolver.get(onRow);
		}
		PastView view = source.view();
		LocalDate day = view.day();
		switch (way) {
			case PAST:
				return past(type, field, source, env);
			case AS_OF: {
				Map<String, Object> arguments = new LinkedHashMap<>(env.getArguments());
				if (arguments.get("asOf") == null) {
					arguments.put("asOf", day);
				}
				DataFetchingEnvironment dated = DataFetchingEnvironmentImpl.newDataFetchingEnvironment(onRow)
					.arguments(arguments)
					.build();
				return map(resolver.get(dated), (v) -> ofDay(source, v));
			}
			case DATED:
				return map(resolver.get(onRow), (v) -> (v instanceof Collection<?> list)
						? list.stream().filter((entry) -> !after(entry, day)).map((entry) -> entry(source, entry)).toList()
						: v);
			default:
				return map(resolver.get(onRow), (v) -> ofDay(source, v));
		}
	}

	private Object past(String type, String field, PastObject source, DataFetchingEnvironment env) {
		PastView view = source.view();
		Object row = source.row();
		switch (type) {
			case "Org": {
				String id = ((OrgRow) row).id();
				return switch (field) {
					// batched over the level (an org dissolved since included), not one read per org
					case "dataset" -> env.<String, String>getDataLoader("orgDatasets").load(id);
					case "parent" -> org(source, view.parent(id));
					case "children" -> orgs(source, view.children(id));
					case "ancestors" -> orgs(source, view.ancestors(id));
					case "descendants" -> {
						Integer depth = env.getArgument("depth");
						if (depth != null && depth < 1) {
							throw new IllegalArgumentException("depth must be 1 or more, was " + depth);
						}
						yield orgs(source, view.descendants(id, depth));
					}
					case "coManagers" -> orgs(source, view.coManagers(id));
					case "coManages" -> orgs(source, view.coManages(id));
					case "inTerritoryNotLed" -> orgs(source, view.inTerritoryNotLed(id));
					case "managementChain" -> view.managementChain(id).stream().map(source::with).toList();
					case "units" -> view.units(id).stream().map((u) -> source.with(PastView.row(u))).toList();
					case "partyGroups" -> orgs(source, view.partyGroups(id));
					case "secretary" -> view.officesAt(id)
						.stream()
						.filter((h) -> h.role() == Role.SECRETARY)
						.findFirst()
						.map((h) -> source.with(PastView.row(h.member())))
						.orElse(null);
					case "officers" -> view.officesAt(id).stream().map((h) -> source.with(office(h))).toList();
					case "memberCount" -> view.memberCount(id);
					case "fullMemberCount" -> view.fullMemberCount(id);
					case "members" -> {
						int size = Cursors.pageSize(env.getArgument("first"));
						String after = Cursors.decode(env.getArgument("after"));
						PastView.MemberPage page = view.members(id, !Boolean.TRUE.equals(env.getArgument("direct")),
								size, after);
						yield MemberConnection.ofPast(page.members()
							.stream()
							.map((m) -> source.with(PastView.row(m)))
							.toList(), page.totalCount(), page.hasNextPage());
					}
					case "patterns" -> view.patternsOf(id);
					default -> throw new IllegalStateException("no past answer for Org." + field);
				};
			}
			case "Member": {
				String id = ((MemberRow) row).id();
				return switch (field) {
					case "org" -> org(source, view.orgOf(id));
					case "group" -> org(source, view.groupOf(id));
					case "unit" -> {
						var unit = view.unitOf(id);
						yield (unit != null) ? source.with(PastView.row(unit)) : null;
					}
					case "roles" -> view.officesOf(id).stream().map((h) -> source.with(office(h))).toList();
					case "participatesIn" -> orgs(source, view.participatesIn(id));
					// where they flowed in on the view's day, the host org as it stood then, also when
					// dissolved since; batched over the level
					case "awayAt" -> {
						LocalDate on = view.day();
						yield env.<String, List<AwayRecord>>getDataLoader("awayRecords")
							.load(id)
							.thenApply((aways) -> (aways == null) ? null : aways.stream()
								.filter((a) -> a.on(on))
								.findFirst()
								.map((a) -> org(source, view.org(a.at())))
								.orElse(null));
					}
					default -> throw new IllegalStateException("no past answer for Member." + field);
				};
			}
			case "Dispatch": {
				DispatchRecord d = (DispatchRecord) row;
				return switch (field) {
					case "member" -> member(source, d.member());
					case "village" -> org(source, view.org(d.village()));
					case "by" -> (d.by() != null) ? org(source, view.org(d.by())) : null;
					default -> throw new IllegalStateException("no past answer for Dispatch." + field);
				};
			}
			case "Away": {
				AwayRecord a = (AwayRecord) row;
				return switch (field) {
					case "member" -> member(source, a.member());
					// The member's org on the day, never today's: a member the view did not hold that
					// day (not yet a member, or in an org outside it) has no home here.
					case "home" -> org(source, view.orgOf(a.member()));
					case "at" -> org(source, view.org(a.at()));
					default -> throw new IllegalStateException("no past answer for Away." + field);
				};
			}
			case "Unit":
				return orgs(source, view.orgsOf(((UnitRow) row).id()));
			case "Office": {
				Office office = (Office) row;
				if (field.equals("member")) {
					Member m = view.member(office.member().id());
					return (m != null) ? source.with(PastView.row(m)) : null;
				}
				return org(source, view.org(office.orgId()));
			}
			case "ManagementLink":
				return org(source, view.org(((ManagementLink) row).manager().id()));
			default:
				throw new IllegalStateException("no past answer for " + type + "." + field);
		}
	}

	private static Office office(PastView.Held held) {
		return new Office(PastView.row(held.member()), held.org(), held.role());
	}

	private static PastObject member(PastObject source, String id) {
		Member m = source.view().member(id);
		return (m != null) ? source.with(PastView.row(m)) : null;
	}

	private static PastObject org(PastObject source, Org org) {
		return (org != null) ? source.with(PastView.row(org)) : null;
	}

	private static List<PastObject> orgs(PastObject source, List<Org> orgs) {
		return orgs.stream().map((o) -> source.with(PastView.row(o))).toList();
	}

	/** An answer of today's resolver with its orgs, members and units replaced by the day's. */
	private static Object ofDay(PastObject source, Object value) {
		if (value instanceof Collection<?> list) {
			List<Object> kept = new ArrayList<>();
			for (Object v : list) {
				Object day = ofDay(source, v);
				if (day != null) {
					kept.add(day);
				}
			}
			return kept;
		}
		PastView view = source.view();
		if (value instanceof OrgRow org) {
			return org(source, view.org(org.id()));
		}
		if (value instanceof MemberRow member) {
			Member m = view.member(member.id());
			return (m != null) ? source.with(PastView.row(m)) : null;
		}
		if (value instanceof UnitRow unit) {
			return source.with(unit);
		}
		return entry(source, value);
	}

	/** A dated entry of the day: dispatches and times away answer their orgs and member from the view. */
	private static Object entry(PastObject source, Object entry) {
		return (entry instanceof DispatchRecord || entry instanceof AwayRecord) ? source.with(entry) : entry;
	}

	/** Whether a dated entry of a list begins after the day. */
	private static boolean after(Object entry, LocalDate day) {
		LocalDate on = null;
		if (entry instanceof EventRow e) {
			on = e.on();
		}
		else if (entry instanceof TransferRecord t) {
			on = (t.on() != null) ? t.on() : (t.at() != null) ? t.at().atZone(ZoneOffset.UTC).toLocalDate() : null;
		}
		else if (entry instanceof DispatchRecord d) {
			on = d.from();
		}
		else if (entry instanceof AwayRecord a) {
			on = a.from();
		}
		return on != null && on.isAfter(day);
	}

	/** The value, or what it completes with, mapped. */
	private static Object map(Object value, Function<Object, Object> f) {
		// A resolver with @PreAuthorize answers a Mono (Spring turns it into a future outside this
		// wrapper): mapped as it is, so the day's objects replace today's there too.
		if (value instanceof Mono<?> mono) {
			return mono.mapNotNull((v) -> map(v, f));
		}
		if (value instanceof Flux<?> flux) {
			return flux.collectList().mapNotNull((v) -> map(v, f));
		}
		if (value instanceof CompletionStage<?> stage) {
			return stage.toCompletableFuture().thenApply((v) -> map(v, f));
		}
		if (value instanceof DataFetcherResult<?> result) {
			@SuppressWarnings("unchecked")
			DataFetcherResult<Object> any = (DataFetcherResult<Object>) result;
			return any.transform((b) -> b.data(f.apply(any.getData())));
		}
		return f.apply(value);
	}

	/** The roles the controllers' resolvers require ({@code @PreAuthorize("hasRole('X')")}), by field. */
	private Map<String, String> required() {
		Map<String, String> found = this.required;
		if (found == null) {
			found = new HashMap<>();
			for (Object bean : this.context.getBeansWithAnnotation(Controller.class).values()) {
				for (Method method : AopUtils.getTargetClass(bean).getDeclaredMethods()) {
					PreAuthorize role = method.getAnnotation(PreAuthorize.class);
					String field = fieldOf(method);
					if (role != null && field != null) {
						found.put(field, "ROLE_" + role.value().replaceAll(".*hasRole\\('([A-Z_]+)'\\).*", "$1"));
					}
				}
			}
			this.required = Map.copyOf(found);
		}
		return found;
	}

	/** {@code Type.field} of a controller method mapping one, else {@code null}. */
	static String fieldOf(Method method) {
		SchemaMapping schema = method.getAnnotation(SchemaMapping.class);
		BatchMapping batch = method.getAnnotation(BatchMapping.class);
		String field = method.getName();
		if (schema != null && !schema.typeName().isEmpty()) {
			field = schema.field().isEmpty() ? (schema.value().isEmpty() ? field : schema.value()) : schema.field();
			return schema.typeName() + "." + field;
		}
		if (batch != null && !batch.typeName().isEmpty()) {
			field = batch.field().isEmpty() ? (batch.value().isEmpty() ? field : batch.value()) : batch.field();
			return batch.typeName() + "." + field;
		}
		return null;
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.typeVisitors(List.of(new Wrapper()));
	}

	/** Every field of the past types answers a past object its way; a field without one stops the start. */
	private final class Wrapper extends GraphQLTypeVisitorStub {

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			if (!(context.getParentNode() instanceof GraphQLObjectType parent) || !TYPES.contains(parent.getName())) {
				return TraversalControl.CONTINUE;
			}
			String type = parent.getName();
			if (!WAYS.containsKey(type + "." + field.getName())) {
				throw new IllegalStateException("the field " + type + "." + field.getName()
						+ " has no way to answer as of a past day: give it one in PastFields.WAYS");
			}
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
			DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, (DataFetcher<Object>) (env) -> {
				if (env.getSource() instanceof PastObject source) {
					return fetch(type, source, env, fetcher);
				}
				return fetcher.get(env);
			});
			return TraversalControl.CONTINUE;
		}

	}

}
