package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.List;

import org.partygraph.api.graphql.ChangeController.ChangeError;
import org.partygraph.api.graphql.ChangeController.OrgPayload;
import org.partygraph.api.security.Scope;
import org.partygraph.model.ProblemsException;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.TermQueries;
import org.partygraph.queries.rules.Terms;
import org.partygraph.queries.schema.WriteScope;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Committee terms and elections (換屆, docs/contract.md section 6): {@code recordElection} (an org
 * change, ORG_ADMIN within the caller's scope like every other), {@code Org.term} (from the org's
 * own row: no database round trip) and {@code termsDue} (scoped like every list, through
 * {@link Scope#within}).
 */
@Controller
public class TermsController {

	private final OrgChanges changes;

	private final OrgQueries orgs;

	private final TermQueries termQueries;

	private final Terms terms;

	private final Scope scope;

	public TermsController(OrgChanges changes, OrgQueries orgs, TermQueries termQueries, Terms terms, Scope scope) {
		this.changes = changes;
		this.orgs = orgs;
		this.termQueries = termQueries;
		this.terms = terms;
		this.scope = scope;
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public OrgPayload recordElection(@Argument String org, @Argument LocalDate on, @Argument String secretary,
			@Argument List<String> deputies, @Argument List<String> committee) {
		try {
			this.changes.within(WriteScope.of(this.scope.root()))
				.on(on)
				.by(ChangeController.login())
				.recordElection(org, secretary, deputies, committee);
			return new OrgPayload(this.orgs.byIds(List.of(org)).get(org), List.of());
		}
		catch (ProblemsException ex) {
			return new OrgPayload(null, ChangeError.of(ex));
		}
	}

	@QueryMapping
	public List<OrgRow> termsDue(@Argument String within, @Argument LocalDate before, @Argument Integer first,
			@Argument String after) {
		int size = DueLists.first(first);
		String root = this.scope.within(within, "within");
		return DueLists.items(this.termQueries.due(root, before, this.terms.yearsByKindName(), size, after), after);
	}

	@SchemaMapping(typeName = "Org")
	public Term term(OrgRow org) {
		LocalDate endsOn = this.terms.endsOn(org.kind(), org.electedOn());
		return (endsOn != null) ? new Term(org.electedOn(), endsOn) : null;
	}

	/** A present term: from its election to its end. */
	public record Term(LocalDate electedOn, LocalDate endsOn) {
	}

}
