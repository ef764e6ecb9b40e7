package org.partygraph.api.graphql;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.Trade;
import org.partygraph.model.UnitKind;
import org.partygraph.queries.pattern.Pattern;
import org.partygraph.queries.pattern.PatternInstance;
import org.partygraph.queries.pattern.PatternQueries;
import org.partygraph.queries.read.Counted;
import org.partygraph.queries.read.ManagementLink;
import org.partygraph.queries.read.MemberCounts;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.Office;
import org.partygraph.queries.read.OrgFilter;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.Page;
import org.partygraph.queries.read.SearchQueries;
import org.partygraph.queries.read.UnitRow;
import org.partygraph.api.security.Scope;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code Org} type: each relation a batch, so a level of a query is one database round trip. */
@Controller
public class OrgController {

	private final OrgQueries orgs;

	private final SearchQueries search;

	private final PatternQueries patterns;

	private final Scope scope;

	private final CompiledFields compiled;

	private final org.partygraph.queries.write.EventDates dates;

	private final PastFields past;

	public OrgController(OrgQueries orgs, SearchQueries search, PatternQueries patterns, Scope scope,
			CompiledFields compiled, org.partygraph.queries.write.EventDates dates, PastFields past) {
		this.dates = dates;
		this.past = past;
		this.orgs = orgs;
		this.compiled = compiled;
		this.search = search;
		this.patterns = patterns;
		this.scope = scope;
	}

	// When the query asks for member counts of what a level returns, that level's statement counts
	// them too and primes the memberCounts loader, so the counts cost no round trip of their own.
	@QueryMapping
	public Object org(@Argument String id, @Argument java.time.LocalDate asOf, DataFetchingEnvironment env,
			DataLoader<String, MemberCounts> memberCounts, DataLoader<ChildrenKey, Counted<List<OrgRow>>> childLists) {
		java.time.LocalDate day = AsOf.check(asOf, this.dates);
		if (day != null) {
			// before today's scope check: an org dissolved since is in no scope today
			return this.past.org(id, day);
		}
		if (!this.scope.isVisible(id)) {
			return null;
		}
		if (this.compiled.enabled()) {
			return this.compiled.byId("Org", id, env);
		}
		if (Prefetch.wantsCounts(env.getSelectionSet(), "children/")) {
			// Two levels at once: the children's counts sum to the org's, one walk of the subtree.
			OrgQueries.WithChildren found = this.orgs.byIdsWithChildrenCounted(List.of(id));
			Prefetch.prime(memberCounts, found.counts());
			// The children's counts are in the memberCounts loader already.
			found.children()
				.forEach((org, children) -> childLists.prime(new ChildrenKey(org, true), new Counted<>(children, Map.of())));
			return found.orgs().get(id);
		}
		if (!Prefetch.wantsCounts(env.getSelectionSet(), "")) {
			return this.orgs.byIds(List.of(id)).get(id);
		}
		Counted<Map<String, OrgRow>> found = this.orgs.byIdsCounted(List.of(id));
		Prefetch.prime(memberCounts, found.counts());
		return found.value().get(id);
	}

	@QueryMapping
	public Connection<?> orgs(@Argument OrgFilterInput filter, @Argument SortInput sort, @Argument Integer first,
			@Argument String after, @Argument java.time.LocalDate asOf, DataFetchingEnvironment env,
			DataLoader<String, MemberCounts> memberCounts, DataLoader<String, List<OrgRow>> coManagerLists) {
		java.time.LocalDate day = AsOf.check(asOf, this.dates);
		String within = this.scope.within((filter != null) ? filter.within() : null, "filter.within");
		if (day != null) {
			OrgFilter onDay = ((filter != null) ? filter : OrgFilterInput.EMPTY).toFilter(within, day);
			return this.past.orgs(onDay, (filter != null) ? filter.pattern() : null, SortInput.of(sort),
					Cursors.pageSize(first), Cursors.offsetAfter(after), day);
		}
		OrgFilter wanted = ((filter != null) ? filter : OrgFilterInput.EMPTY).toFilter(within, this.dates.today());
		if (filter != null && filter.pattern() != null) {
			// The pattern's orgs are its instances' orgs: one more statement, then an id filter.
			wanted = wanted.withIds(this.patterns.instances(filter.pattern(), wanted.within())
				.stream()
				.map(PatternInstance::orgId)
				.toList());
		}
		if (this.compiled.enabled()) {
			return this.compiled.orgs(wanted, SortInput.of(sort), Cursors.pageSize(first), Cursors.offsetAfter(after),
					env);
		}
		SearchQueries.OrgSearch found = this.search.orgs(wanted, SortInput.of(sort), Cursors.pageSize(first),
				Cursors.offsetAfter(after), Prefetch.wantsCounts(env.getSelectionSet(), "edges/node/"),
				env.getSelectionSet().contains("edges/node/coManagers"));
		Prefetch.prime(memberCounts, found.page().counts());
		found.coManagers().forEach(coManagerLists::prime);
		return Connection.of(found.page().value());
	}

	/** The {@code OrgFilter} input: the queries module's filter plus a pattern, resolved here. */
	public record OrgFilterInput(List<OrgKind> kinds, String nameContains, String within, String township,
			Trade trade, Boolean hasCoManager, String coManagedBy, UnitKind setUpInKind, Integer minMembers,
			Integer maxMembers, List<String> ids, Pattern pattern, Boolean hasFirstSecretary) {

		static final OrgFilterInput EMPTY = new OrgFilterInput(null, null, null, null, null, null, null, null, null,
				null, null, null, null);

		/** The filter, a first secretary judged on {@code today}. */
		OrgFilter toFilter(String scopedWithin, java.time.LocalDate today) {
			return new OrgFilter(this.kinds, this.nameContains, scopedWithin, this.township, this.trade,
					this.hasCoManager, this.coManagedBy, this.setUpInKind, this.minMembers, this.maxMembers, this.ids,
					this.hasFirstSecretary, (this.hasFirstSecretary != null) ? today : null);
		}

	}

	@SchemaMapping(typeName = "Org")
	public boolean hasCommittee(OrgRow org) {
		return Boolean.TRUE.equals(org.hasCommittee());
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, OrgRow> parent(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.orgs.parents(ids(orgs)));
	}

	@SchemaMapping(typeName = "Org")
	public CompletableFuture<List<OrgRow>> children(OrgRow org, DataFetchingEnvironment env,
			DataLoader<ChildrenKey, Counted<List<OrgRow>>> childLists, DataLoader<String, MemberCounts> memberCounts) {
		return childLists.load(new ChildrenKey(org.id(), Prefetch.wantsCounts(env.getSelectionSet(), "")))
			.thenApply((children) -> {
				Prefetch.prime(memberCounts, children.counts());
				return children.value();
			});
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, List<OrgRow>> ancestors(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.orgs.ancestors(ids(orgs)));
	}

	@SchemaMapping(typeName = "Org")
	public CompletableFuture<List<OrgRow>> descendants(OrgRow org, @Argument Integer depth,
			DataLoader<DescendantsKey, List<OrgRow>> descendants) {
		if (depth != null && depth < 1) {
			throw new IllegalArgumentException("depth must be 1 or more, was " + depth);
		}
		return descendants.load(new DescendantsKey(org.id(), depth));
	}

	// A loader of its own, so that the org search can prime it when it read them already.
	@SchemaMapping(typeName = "Org")
	public CompletableFuture<List<OrgRow>> coManagers(OrgRow org, DataLoader<String, List<OrgRow>> coManagerLists) {
		return coManagerLists.load(org.id());
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, List<OrgRow>> coManages(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.orgs.coManages(ids(orgs)));
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, List<OrgRow>> inTerritoryNotLed(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.orgs.inTerritoryNotLed(ids(orgs)));
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, List<ManagementLink>> managementChain(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.orgs.managementChains(ids(orgs)));
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, List<UnitRow>> units(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.orgs.units(ids(orgs)));
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, List<OrgRow>> partyGroups(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.orgs.partyGroups(ids(orgs)));
	}

	// Secretary and officers share one loader, so asking for both costs one round trip.
	@SchemaMapping(typeName = "Org")
	@PreAuthorize("hasRole('ANALYST')")
	public CompletableFuture<MemberRow> secretary(OrgRow org, DataLoader<String, List<Office>> offices) {
		return offices.load(org.id())
			.thenApply((list) -> list.stream()
				.filter((o) -> o.role() == Role.SECRETARY)
				.map(Office::member)
				.findFirst()
				.orElse(null));
	}

	@SchemaMapping(typeName = "Org")
	@PreAuthorize("hasRole('ANALYST')")
	public CompletableFuture<List<Office>> officers(OrgRow org, DataLoader<String, List<Office>> offices) {
		return offices.load(org.id());
	}

	// Both counts come from one loader, so asking for both costs one round trip, not two.
	@SchemaMapping(typeName = "Org")
	public CompletableFuture<Integer> memberCount(OrgRow org, DataLoader<String, MemberCounts> memberCounts) {
		return memberCounts.load(org.id()).thenApply(MemberCounts::total);
	}

	@SchemaMapping(typeName = "Org")
	public CompletableFuture<Integer> fullMemberCount(OrgRow org, DataLoader<String, MemberCounts> memberCounts) {
		return memberCounts.load(org.id()).thenApply(MemberCounts::full);
	}

	@BatchMapping(typeName = "Office")
	public Map<Office, OrgRow> org(List<Office> offices) {
		return Batches.byKey(offices, Office::orgId, this.orgs.byIds(Batches.ids(offices, Office::orgId)));
	}

	private static Set<String> ids(List<OrgRow> orgs) {
		return Batches.ids(orgs, OrgRow::id);
	}

}
