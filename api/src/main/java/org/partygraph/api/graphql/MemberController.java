package org.partygraph.api.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.partygraph.queries.read.MemberPage;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgRow;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code Member} type and the members connection of an org. */
@Controller
public class MemberController {

	static final int DEFAULT_PAGE = 20;

	static final int MAX_PAGE = 100;

	private final MemberQueries members;

	public MemberController(MemberQueries members) {
		this.members = members;
	}

	@QueryMapping
	public MemberRow member(@Argument String id) {
		return this.members.byIds(List.of(id)).get(id);
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, OrgRow> org(List<MemberRow> members) {
		return Batches.byKey(members, MemberRow::id, this.members.orgs(Batches.ids(members, MemberRow::id)));
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, List<OrgRow>> participatesIn(List<MemberRow> members) {
		return Batches.byKey(members, MemberRow::id,
				this.members.participatesIn(Batches.ids(members, MemberRow::id)));
	}

	@SchemaMapping(typeName = "Org")
	public CompletableFuture<MemberConnection> members(OrgRow org, @Argument Integer first, @Argument String after,
			@Argument Boolean direct, DataLoader<MemberPageKey, MemberPage> memberPages) {
		int size = (first != null) ? first : DEFAULT_PAGE;
		if (size < 0 || size > MAX_PAGE) {
			throw new IllegalArgumentException("first must be between 0 and " + MAX_PAGE + ", was " + size);
		}
		MemberPageKey key = new MemberPageKey(org.id(), !Boolean.TRUE.equals(direct), size, Cursors.decode(after));
		return memberPages.load(key).thenApply(MemberConnection::of);
	}

}
