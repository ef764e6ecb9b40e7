package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.List;

import org.partygraph.api.graphql.ChangeController.ChangeError;
import org.partygraph.api.security.Scope;
import org.partygraph.model.ProblemsException;
import org.partygraph.queries.change.DispatchRecord;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.read.DispatchQueries;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.write.EventDates;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * First secretaries (第一書記, docs/contract.md section 8): {@code dispatchFirstSecretary} and
 * {@code endDispatch} (member changes, ORG_ADMIN within the caller's scope like every other),
 * {@code Org.firstSecretaries} on a day and {@code Member.dispatches}. The {@code Member} and
 * {@code Org} of a dispatch are scoped by ScopeGuard, as every field of those types is.
 */
@Controller
public class DispatchController {

	private final OrgChanges changes;

	private final DispatchQueries dispatches;

	private final MemberQueries members;

	private final OrgQueries orgs;

	private final Scope scope;

	private final EventDates dates;

	public DispatchController(OrgChanges changes, DispatchQueries dispatches, MemberQueries members, OrgQueries orgs,
			Scope scope, EventDates dates) {
		this.changes = changes;
		this.dispatches = dispatches;
		this.members = members;
		this.orgs = orgs;
		this.scope = scope;
		this.dates = dates;
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public DispatchPayload dispatchFirstSecretary(@Argument String member, @Argument String village,
			@Argument LocalDate from, @Argument LocalDate to, @Argument String by) {
		try {
			return new DispatchPayload(changes(null).dispatchFirstSecretary(member, village, from, to, by), List.of());
		}
		catch (ProblemsException ex) {
			return DispatchPayload.rejected(ex);
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public DispatchPayload endDispatch(@Argument String member, @Argument String village, @Argument LocalDate on) {
		try {
			return new DispatchPayload(changes(on).endDispatch(member, village), List.of());
		}
		catch (ProblemsException ex) {
			return DispatchPayload.rejected(ex);
		}
	}

	@SchemaMapping(typeName = "Org")
	@PreAuthorize("hasRole('ANALYST')")
	public List<DispatchRecord> firstSecretaries(OrgRow org, @Argument LocalDate asOf) {
		LocalDate day = (asOf != null) ? AsOf.check(asOf, this.dates) : this.dates.today();
		return this.dispatches.serving(List.of(org.id()), day).getOrDefault(org.id(), List.of());
	}

	@SchemaMapping(typeName = "Member")
	public List<DispatchRecord> dispatches(MemberRow member) {
		return this.dispatches.ofMembers(List.of(member.id())).getOrDefault(member.id(), List.of());
	}

	@SchemaMapping(typeName = "Dispatch")
	public MemberRow member(DispatchRecord dispatch) {
		return this.members.byIds(List.of(dispatch.member())).get(dispatch.member());
	}

	@SchemaMapping(typeName = "Dispatch")
	public OrgRow village(DispatchRecord dispatch) {
		return this.orgs.byIds(List.of(dispatch.village())).get(dispatch.village());
	}

	@SchemaMapping(typeName = "Dispatch")
	public OrgRow by(DispatchRecord dispatch) {
		return (dispatch.by() != null) ? this.orgs.byIds(List.of(dispatch.by())).get(dispatch.by()) : null;
	}

	@SchemaMapping(typeName = "Dispatch")
	public boolean current(DispatchRecord dispatch) {
		LocalDate today = this.dates.today();
		return !dispatch.from().isAfter(today) && (dispatch.to() == null || dispatch.to().isAfter(today));
	}

	private OrgChanges changes(LocalDate on) {
		return this.changes.within(WriteScope.of(this.scope.root())).on(on).by(ChangeController.login());
	}

	public record DispatchPayload(DispatchRecord dispatch, List<ChangeError> errors) {

		static DispatchPayload rejected(ProblemsException ex) {
			return new DispatchPayload(null, ChangeError.of(ex));
		}

	}

}
