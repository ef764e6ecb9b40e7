package org.partygraph.api.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.partygraph.queries.read.MemberCounts;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.UnitRow;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code Org} type: each relation a batch, so a level of a query is one database round trip. */
@Controller
public class OrgController {

	private final OrgQueries orgs;

	public OrgController(OrgQueries orgs) {
		this.orgs = orgs;
	}

	@QueryMapping
	public OrgRow org(@Argument String id) {
		return this.orgs.byIds(List.of(id)).get(id);
	}

	@SchemaMapping(typeName = "Org")
	public boolean hasCommittee(OrgRow org) {
		return Boolean.TRUE.equals(org.hasCommittee());
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, OrgRow> parent(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.orgs.parents(Batches.ids(orgs, OrgRow::id)));
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, List<OrgRow>> children(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.orgs.children(Batches.ids(orgs, OrgRow::id)));
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, List<OrgRow>> coManagers(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.orgs.coManagers(Batches.ids(orgs, OrgRow::id)));
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, List<UnitRow>> units(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.orgs.units(Batches.ids(orgs, OrgRow::id)));
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

}
