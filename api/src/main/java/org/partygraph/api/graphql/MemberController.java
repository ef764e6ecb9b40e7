package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.partygraph.queries.read.MemberPage;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.MemberFilter;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.Office;
import org.partygraph.queries.read.SearchQueries;
import org.partygraph.queries.read.UnitRow;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.api.security.Scope;
import org.partygraph.queries.read.OrgRow;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code Member} type and the members connection of an org. */
@Controller
public class MemberController {

	private final MemberQueries members;

	private final SearchQueries search;

	private final Scope scope;

	private final CompiledFields compiled;

	private final RuleThresholds thresholds;

	private final org.partygraph.queries.read.ProbationQueries probations;

	private final PastFields past;

	private final org.partygraph.queries.write.EventDates dates;

	public MemberController(MemberQueries members, SearchQueries search, Scope scope, CompiledFields compiled,
			RuleThresholds thresholds, org.partygraph.queries.read.ProbationQueries probations, PastFields past,
			org.partygraph.queries.write.EventDates dates) {
		this.members = members;
		this.past = past;
		this.dates = dates;
		this.thresholds = thresholds;
		this.probations = probations;
		this.compiled = compiled;
		this.search = search;
		this.scope = scope;
	}

	@QueryMapping
	@PreAuthorize("hasRole('ANALYST')")
	public Object member(@Argument String id, @Argument LocalDate asOf, DataFetchingEnvironment env) {
		LocalDate day = AsOf.check(asOf, this.dates);
		if (day != null) {
			return this.past.member(id, day);
		}
		// Outside the scope a member answers as one that does not exist (ScopeGuard sees to it).
		if (this.compiled.enabled()) {
			return this.compiled.byId("Member", id, env);
		}
		return this.members.byIds(List.of(id)).get(id);
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, OrgRow> org(List<MemberRow> members) {
		return Batches.byKey(members, MemberRow::id, this.members.orgs(Batches.ids(members, MemberRow::id)));
	}

	@QueryMapping
	@PreAuthorize("hasRole('ANALYST')")
	public Connection<?> members(@Argument MemberFilter filter, @Argument SortInput sort,
			@Argument Integer first, @Argument String after, @Argument LocalDate asOf, DataFetchingEnvironment env) {
		LocalDate day = AsOf.check(asOf, this.dates);
		MemberFilter asked = (filter != null) ? filter : MemberFilter.ALL;
		MemberFilter scoped = new MemberFilter(this.scope.within(asked.within(), "filter.within"), asked.status(),
				asked.trade(), asked.nameContains(), asked.role());
		if (day != null) {
			return this.past.members(scoped, SortInput.of(sort), Cursors.pageSize(first), Cursors.offsetAfter(after),
					day);
		}
		if (this.compiled.enabled()) {
			return this.compiled.members(scoped, SortInput.of(sort), Cursors.pageSize(first), Cursors.offsetAfter(after),
					env);
		}
		return Connection.of(this.search.members(scoped, SortInput.of(sort), Cursors.pageSize(first),
				Cursors.offsetAfter(after)));
	}

	@QueryMapping
	@PreAuthorize("hasRole('ANALYST')")
	public List<MemberRow> probationsDue(@Argument String within, @Argument LocalDate before,
			@Argument Integer first, @Argument String after) {
		int size = DueLists.first(first);
		String root = this.scope.within(within, "within");
		return DueLists.items(this.probations.due(root, before, this.thresholds.probationMonths(), size, after), after);
	}

	@SchemaMapping(typeName = "Member")
	public LocalDate probationEndsOn(MemberRow member) {
		return member.probationEndsOn(this.thresholds.probationMonths());
	}

	@SchemaMapping(typeName = "Member")
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public String idNumber(MemberRow member) {
		return member.idNumber();
	}

	@SchemaMapping(typeName = "Member")
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public String phone(MemberRow member) {
		return member.phone();
	}

	@SchemaMapping(typeName = "Member")
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public LocalDate birthDate(MemberRow member) {
		return member.birthDate();
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, OrgRow> group(List<MemberRow> members) {
		return Batches.byKey(members, MemberRow::id, this.members.groups(Batches.ids(members, MemberRow::id)));
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, UnitRow> unit(List<MemberRow> members) {
		return Batches.byKey(members, MemberRow::id, this.members.units(Batches.ids(members, MemberRow::id)));
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, List<Office>> roles(List<MemberRow> members) {
		return Batches.byKey(members, MemberRow::id, this.members.offices(Batches.ids(members, MemberRow::id)));
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, List<OrgRow>> participatesIn(List<MemberRow> members) {
		return Batches.byKey(members, MemberRow::id, this.members.participatesIn(Batches.ids(members, MemberRow::id)));
	}

	@SchemaMapping(typeName = "Org")
	@PreAuthorize("hasRole('ANALYST')")
	public CompletableFuture<Connection<MemberRow>> members(OrgRow org, @Argument Integer first, @Argument String after,
			@Argument Boolean direct, DataLoader<MemberPageKey, MemberPage> memberPages) {
		int size = Cursors.pageSize(first);
		MemberPageKey key = new MemberPageKey(org.id(), !Boolean.TRUE.equals(direct), size, Cursors.decode(after));
		return memberPages.load(key).thenApply(MemberConnection::of);
	}

}
