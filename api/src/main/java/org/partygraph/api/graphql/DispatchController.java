package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;

import org.partygraph.api.graphql.ChangeController.ChangeError;
import org.partygraph.api.security.Scope;
import org.partygraph.queries.change.DispatchRecord;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.read.DispatchQueries;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.write.EventDates;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * First secretaries (第一書記, docs/contract.md section 8): {@code dispatchFirstSecretary} and
 * {@code endDispatch} (member changes, ORG_ADMIN within the caller's scope like every other),
 * {@code Org.firstSecretaries} on a day and {@code Member.dispatches}. The {@code Member} and
 * {@code Org} of a dispatch are scoped by ScopeGuard, as every field of those types is.
 * {@code Org.firstSecretaries} of a list of orgs is one statement per day asked for (the loader
 * {@code firstSecretaries}), not one per org.
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
			Scope scope, EventDates dates, BatchLoaderRegistry registry) {
		this.changes = changes;
		this.dispatches = dispatches;
		this.members = members;
		this.orgs = orgs;
		this.scope = scope;
		this.dates = dates;
		registry.forTypePair(OrgDayKey.class, List.class)
			.withName("firstSecretaries")
			.registerMappedBatchLoader((keys, env) -> Mono
				.fromCallable(() -> Batches.byDay(keys, (ids, day) -> dispatches.serving(List.copyOf(ids), day))));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public DispatchPayload dispatchFirstSecretary(@Argument String member, @Argument String village,
			@Argument LocalDate from, @Argument LocalDate to, @Argument String by) {
		return ChangePayloads.answer(
				() -> new DispatchPayload(changes(null).dispatchFirstSecretary(member, village, from, to, by), List.of()),
				DispatchPayload::rejected);
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public DispatchPayload endDispatch(@Argument String member, @Argument String village, @Argument LocalDate on) {
		return ChangePayloads.answer(() -> new DispatchPayload(changes(on).endDispatch(member, village), List.of()),
				DispatchPayload::rejected);
	}

	@SchemaMapping(typeName = "Org")
	@PreAuthorize("hasRole('ANALYST')")
	public CompletableFuture<List<DispatchRecord>> firstSecretaries(OrgRow org, @Argument LocalDate asOf,
			DataLoader<OrgDayKey, List<DispatchRecord>> firstSecretaries) {
		LocalDate day = (asOf != null) ? AsOf.check(asOf, this.dates) : this.dates.today();
		return firstSecretaries.load(new OrgDayKey(org.id(), day));
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, List<DispatchRecord>> dispatches(List<MemberRow> members) {
		return Batches.everyKey(members, MemberRow::id,
				this.dispatches.ofMembers(List.copyOf(Batches.ids(members, MemberRow::id))), List.of());
	}

	@BatchMapping(typeName = "Dispatch")
	public Map<DispatchRecord, MemberRow> member(List<DispatchRecord> dispatches) {
		return Batches.byKey(dispatches, DispatchRecord::member,
				this.members.byIds(Batches.ids(dispatches, DispatchRecord::member)));
	}

	@BatchMapping(typeName = "Dispatch")
	public Map<DispatchRecord, OrgRow> village(List<DispatchRecord> dispatches) {
		return Batches.byKey(dispatches, DispatchRecord::village,
				this.orgs.byIds(Batches.ids(dispatches, DispatchRecord::village)));
	}

	@BatchMapping(typeName = "Dispatch")
	public Map<DispatchRecord, OrgRow> by(List<DispatchRecord> dispatches) {
		List<DispatchRecord> sent = dispatches.stream().filter((d) -> d.by() != null).toList();
		return sent.isEmpty() ? Map.of()
				: Batches.byKey(sent, DispatchRecord::by, this.orgs.byIds(Batches.ids(sent, DispatchRecord::by)));
	}

	@SchemaMapping(typeName = "Dispatch")
	public boolean current(DispatchRecord dispatch) {
		return dispatch.runsOn(this.dates.today());
	}

	private OrgChanges changes(LocalDate on) {
		return this.changes.within(WriteScope.of(this.scope.root())).on(on).by(ChangeController.login());
	}

	public record DispatchPayload(DispatchRecord dispatch, List<ChangeError> errors) {

		static DispatchPayload rejected(List<ChangeError> errors) {
			return new DispatchPayload(null, errors);
		}

	}

}
