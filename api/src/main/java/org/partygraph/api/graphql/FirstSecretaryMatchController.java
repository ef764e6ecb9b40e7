package org.partygraph.api.graphql;

import java.util.List;

import org.partygraph.api.security.Scope;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.whatif.FirstSecretaryMatcher;
import org.partygraph.queries.whatif.FirstSecretaryMatcher.Suggestion;
import org.partygraph.queries.whatif.FirstSecretarySuggestions;
import org.partygraph.queries.write.EventDates;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code firstSecretarySuggestions}: villages that need a first secretary matched with members who
 * could be sent (精準選派, {@link FirstSecretaryMatcher}). Villages from {@code within} (default the
 * caller's scope), senders from the caller's whole scope: a suggestion names only people the caller
 * could dispatch. The input (the scope's structure, its rule check, who serves today) is kept
 * between calls until the graph changes ({@link FirstSecretarySuggestions}).
 */
@Controller
public class FirstSecretaryMatchController {

	private final FirstSecretarySuggestions suggestions;

	private final OrgQueries orgs;

	private final MemberQueries members;

	private final Scope scope;

	private final EventDates dates;

	private final int weakBelowFullMembers;

	public FirstSecretaryMatchController(FirstSecretarySuggestions suggestions, OrgQueries orgs, MemberQueries members,
			Scope scope, EventDates dates, @Value("${party-graph.dispatch.weak-below-full-members:5}") int weakBelowFullMembers) {
		this.suggestions = suggestions;
		this.orgs = orgs;
		this.members = members;
		this.scope = scope;
		this.dates = dates;
		if (weakBelowFullMembers < 0) {
			throw new IllegalArgumentException(
					"party-graph.dispatch.weak-below-full-members must be 0 or more, not " + weakBelowFullMembers);
		}
		this.weakBelowFullMembers = weakBelowFullMembers;
	}

	@QueryMapping
	@PreAuthorize("hasRole('ANALYST')")
	public List<Suggestion> firstSecretarySuggestions(@Argument String within, @Argument Integer limit) {
		String root = this.scope.within(within, "within");
		int most = (limit != null) ? limit : 20;
		if (most < 1 || most > 100) {
			throw new IllegalArgumentException("limit: 1 to 100, not " + most);
		}
		return this.suggestions.suggest(this.scope.root(), root, this.dates.today(), this.weakBelowFullMembers, most);
	}

	@SchemaMapping(typeName = "FirstSecretarySuggestion")
	public OrgRow village(Suggestion suggestion) {
		return this.orgs.byIds(List.of(suggestion.village())).get(suggestion.village());
	}

	@SchemaMapping(typeName = "FirstSecretarySuggestion")
	public MemberRow member(Suggestion suggestion) {
		return (suggestion.member() != null) ? this.members.byIds(List.of(suggestion.member())).get(suggestion.member())
				: null;
	}

	@SchemaMapping(typeName = "FirstSecretarySuggestion")
	public OrgRow by(Suggestion suggestion) {
		return (suggestion.by() != null) ? this.orgs.byIds(List.of(suggestion.by())).get(suggestion.by()) : null;
	}

}
