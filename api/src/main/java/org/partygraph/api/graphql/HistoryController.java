package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partygraph.api.limits.WhatIfBudget;
import org.partygraph.api.security.CurrentUser;
import org.partygraph.api.security.Scope;
import org.partygraph.model.Dataset;
import org.partygraph.queries.change.TransferRecord;
import org.partygraph.queries.history.PastReads;
import org.partygraph.queries.read.EventQueries;
import org.partygraph.queries.read.EventQueries.OrgEnd;
import org.partygraph.queries.read.EventRow;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.whatif.WhatIfReport;
import org.partygraph.queries.write.EventDates;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The event log (docs/contract.md section 6): an org's history, the events of a span of days
 * (scoped as every list is, through {@link Scope#within}), and the ends of a transfer, live or
 * dissolved.
 */
@Controller
public class HistoryController {

	private final EventQueries events;

	private final OrgQueries orgs;

	private final Scope scope;

	private final PastReads past;

	private final ComplianceQueries compliance;

	private final EventDates dates;

	private final WhatIfBudget budget;

	public HistoryController(EventQueries events, OrgQueries orgs, Scope scope, PastReads past,
			ComplianceQueries compliance, EventDates dates, WhatIfBudget budget) {
		this.events = events;
		this.orgs = orgs;
		this.scope = scope;
		this.past = past;
		this.compliance = compliance;
		this.dates = dates;
		this.budget = budget;
	}

	/**
	 * The structure of within's subtree at the end of {@code to} against the end of {@code from},
	 * as a what-if report: both days read as {@code asOf} reads them (less the orgs the caller may
	 * not see today), the events between them (as {@code changes} lists them) as its changes.
	 */
	@QueryMapping
	@PreAuthorize("hasRole('ANALYST')")
	public WhatIfReport compareDays(@Argument String within, @Argument LocalDate from, @Argument LocalDate to) {
		LocalDate first = AsOf.check(from, this.dates);
		LocalDate last = AsOf.check(to, this.dates);
		if (!last.isAfter(first)) {
			throw new IllegalArgumentException("to: " + to + " is not after from: " + from);
		}
		String root = this.scope.within(within, "within");
		OrgRow scopeOrg = (root != null) ? this.orgs.byIds(List.of(root)).get(root) : null;
		if (scopeOrg == null) {
			throw NotFoundException.noOrg("within", within);
		}
		java.util.function.Predicate<String> hidden = AsOf.hidden(this.scope);
		return this.budget.run(() -> {
			Dataset before = this.past.structure(root, first, hidden).dataset();
			Dataset after = this.past.structure(root, last, hidden).dataset();
			List<String> changes = this.events
				.span(first.plusDays(1), last, this.orgs.subtreeIds(root), CurrentUser.canSeeMembers())
				.stream()
				.map((e) -> e.on() + " " + e.kind() + ": " + e.detail())
				.toList();
			return this.compliance.compare(before, after, root, changes, first, last);
		});
	}

	@QueryMapping
	public List<EventRow> changes(@Argument LocalDate from, @Argument LocalDate to, @Argument String within) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to: " + to + " is before from: " + from);
		}
		String root = this.scope.within(within, "within");
		Set<String> visible = (root != null) ? this.orgs.subtreeIds(root) : null;
		List<EventRow> span = this.events.span(from, to, visible, CurrentUser.canSeeMembers());
		Scope.View view = this.scope.view();
		if (view.everything()) {
			return span;
		}
		// An event shown through its second org (a transfer in, a co-manager inside) names no org
		// or member outside the caller's scope: those ids answer null.
		Map<String, String> memberOrgs = this.events
			.memberOrgs(span.stream().map(EventRow::member).filter(java.util.Objects::nonNull).distinct().toList());
		return span.stream()
			.map((e) -> new EventRow(e.id(), e.on(), e.kind(), e.detail(), e.by(), e.recordedAt(), e.scenario(),
					view.org(e.org()) ? e.org() : null, e.other(),
					(e.member() != null && view.org(memberOrgs.get(e.member()))) ? e.member() : null))
			.toList();
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, List<EventRow>> history(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.events.history(Batches.ids(orgs, OrgRow::id)));
	}

	@BatchMapping(typeName = "Transfer")
	public Map<TransferRecord, TransferEnd> fromEnd(List<TransferRecord> transfers) {
		return ends(transfers, true);
	}

	@BatchMapping(typeName = "Transfer")
	public Map<TransferRecord, TransferEnd> toEnd(List<TransferRecord> transfers) {
		return ends(transfers, false);
	}

	// An end is shown when the caller sees it; a dissolved one, when they see its last parent.
	private Map<TransferRecord, TransferEnd> ends(List<TransferRecord> transfers, boolean from) {
		Scope.View view = this.scope.view();
		Map<String, OrgEnd> ends = this.events
			.orgEnds(Batches.ids(transfers, (t) -> from ? t.from() : t.to()));
		Map<TransferRecord, TransferEnd> result = new LinkedHashMap<>();
		for (TransferRecord transfer : transfers) {
			OrgEnd end = ends.get(from ? transfer.from() : transfer.to());
			if (end != null && (view.org(end.id()) || (end.dissolvedOn() != null && view.org(end.lastParent())))) {
				result.put(transfer, new TransferEnd(end.id(), end.name(), end.dissolvedOn()));
			}
		}
		return result;
	}

	/** An end of a transfer, as the schema's {@code TransferEnd}. */
	public record TransferEnd(String id, String name, LocalDate dissolvedOn) {
	}

}
