package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partygraph.api.limits.LimitsProperties;
import org.partygraph.api.limits.WhatIfBudget;
import org.partygraph.api.security.CurrentUser;
import org.partygraph.api.security.Scope;
import org.partygraph.api.text.RequestLang;
import org.partygraph.api.text.SpringMessages;
import org.partygraph.queries.history.PastReads;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.KeptCompliance;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.scenario.ScenarioReports;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.WhatIfReport;
import org.partygraph.queries.write.EventDates;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Rule checks and what-if reports. */
@Controller
public class RulesController {

	private final KeptCompliance compliance;

	private final OrgQueries orgs;

	private final Scope scope;

	private final WhatIfBudget budget;

	private final ScenarioReports scenarios;

	private final LimitsProperties limits;

	private final PastReads past;

	private final EventDates dates;

	private final SpringMessages messages;

	public RulesController(KeptCompliance compliance, OrgQueries orgs, Scope scope, WhatIfBudget budget,
			ScenarioReports scenarios, LimitsProperties limits, PastReads past, EventDates dates,
			SpringMessages messages) {
		this.messages = messages;
		this.past = past;
		this.dates = dates;
		this.budget = budget;
		this.scenarios = scenarios;
		this.limits = limits;
		this.compliance = compliance;
		this.orgs = orgs;
		this.scope = scope;
	}

	@QueryMapping
	public List<ComplianceIssue> complianceIssues(@Argument String within, @Argument List<Rule> rules,
			@Argument LocalDate asOf) {
		LocalDate day = AsOf.check(asOf, this.dates);
		Set<Rule> wanted = (rules == null || rules.isEmpty()) ? EnumSet.allOf(Rule.class) : EnumSet.copyOf(rules);
		String scoped = this.scope.within(within, "within");
		if (day != null) {
			if (scoped != null && this.orgs.byIds(List.of(scoped)).isEmpty()) {
				throw NotFoundException.noOrg("within", within);
			}
			return this.past.issues(scoped, day, wanted, AsOf.hidden(this.scope));
		}
		List<ComplianceIssue> issues = this.compliance.issues(scoped, wanted);
		if (issues == null) {
			throw NotFoundException.noOrg("within", within);
		}
		return issues;
	}

	@QueryMapping
	@PreAuthorize("hasRole('ANALYST')")
	public WhatIfReport whatIf(@Argument String within, @Argument List<Operation> operations) {
		if (operations.isEmpty()) {
			throw new IllegalArgumentException("operations: give at least one operation");
		}
		LimitsProperties.checkListSize("operations", operations.size(), this.limits.whatIfOperations(),
				LimitsProperties.WHAT_IF_OPERATIONS);
		String scoped = this.scope.within(within, "within");
		// An org or member outside the user's scope is, for them, one that does not exist: the same
		// check as saving and applying a scenario, on the live graph rather than a cache.
		String root = this.scope.root();
		WhatIfReport report = this.budget.run(() -> this.scenarios.whatIf(root, scoped, operations));
		if (report == null) {
			throw NotFoundException.noOrg("within", within);
		}
		return report;
	}

	@QueryMapping
	public List<RuleInfo> rules(DataFetchingEnvironment env) {
		Lang lang = RequestLang.of(env);
		return Arrays.stream(Rule.values())
			.map((r) -> new RuleInfo(r, r.severity().name(),
					(this.compliance.thresholds().of(r) > 0) ? this.compliance.thresholds().of(r) : null,
					this.messages.say(r.statementText(this.compliance.thresholds()), lang),
					r.statementZh(this.compliance.thresholds()), r.article()))
			.toList();
	}

	// Texts for people in the request's language (Accept-Language); messageZh stays traditional Chinese.
	@SchemaMapping(typeName = "ComplianceIssue")
	public String message(ComplianceIssue issue, DataFetchingEnvironment env) {
		return issue.message(this.messages, RequestLang.of(env));
	}

	@SchemaMapping(typeName = "ComplianceIssue")
	public String severity(ComplianceIssue issue) {
		return issue.severity().name();
	}

	// A suggestion may name the member to appoint; a reader who may not see members gets it without.
	@SchemaMapping(typeName = "ComplianceIssue")
	public String suggestion(ComplianceIssue issue, DataFetchingEnvironment env) {
		return issue.suggestion(this.messages, RequestLang.of(env), CurrentUser.canSeeMembers());
	}

	@SchemaMapping(typeName = "UnresolvedIssue")
	public String reason(org.partygraph.queries.whatif.Planner.Unresolved unresolved, DataFetchingEnvironment env) {
		return this.messages.say(unresolved.reasonText(), RequestLang.of(env));
	}

	@SchemaMapping(typeName = "PatternImpact")
	public String warning(org.partygraph.queries.whatif.PatternImpact impact, DataFetchingEnvironment env) {
		return impact.loses() ? this.messages.say(impact.warningText(), RequestLang.of(env)) : null;
	}

	@SchemaMapping(typeName = "WhatIfReport")
	public List<String> changes(WhatIfReport report, DataFetchingEnvironment env) {
		return report.changes(RequestLang.of(env));
	}

	@SchemaMapping(typeName = "WhatIfReport")
	public String markdown(WhatIfReport report, DataFetchingEnvironment env) {
		return report.markdown(RequestLang.of(env));
	}

	@SchemaMapping(typeName = "ComplianceIssue")
	public List<Operation> fix(ComplianceIssue issue) {
		return CurrentUser.canSeeMembers() ? issue.fix() : issue.fixWithoutMembers();
	}

	@SchemaMapping(typeName = "ComplianceIssue")
	public String article(ComplianceIssue issue) {
		return issue.rule().article();
	}

	@BatchMapping(typeName = "ComplianceIssue")
	public Map<ComplianceIssue, OrgRow> org(List<ComplianceIssue> issues) {
		return Batches.byKey(issues, ComplianceIssue::orgId, this.orgs.byIds(Batches.ids(issues, ComplianceIssue::orgId)));
	}

	/** A rule of the catalogue as the API shows it. */
	public record RuleInfo(Rule code, String severity, Integer threshold, String statement, String statementZh,
			String article) {
	}

}
