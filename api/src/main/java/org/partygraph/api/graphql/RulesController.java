package org.partygraph.api.graphql;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partygraph.api.limits.LimitsProperties;
import org.partygraph.api.limits.WhatIfBudget;
import org.partygraph.api.security.CurrentUser;
import org.partygraph.api.security.Scope;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.scenario.ScenarioReports;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.WhatIfReport;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Rule checks and what-if reports. */
@Controller
public class RulesController {

	private final ComplianceQueries compliance;

	private final OrgQueries orgs;

	private final Scope scope;

	private final WhatIfBudget budget;

	private final ScenarioReports scenarios;

	private final LimitsProperties limits;

	public RulesController(ComplianceQueries compliance, OrgQueries orgs, Scope scope, WhatIfBudget budget,
			ScenarioReports scenarios, LimitsProperties limits) {
		this.budget = budget;
		this.scenarios = scenarios;
		this.limits = limits;
		this.compliance = compliance;
		this.orgs = orgs;
		this.scope = scope;
	}

	@QueryMapping
	public List<ComplianceIssue> complianceIssues(@Argument String within, @Argument List<Rule> rules) {
		Set<Rule> wanted = (rules == null || rules.isEmpty()) ? EnumSet.allOf(Rule.class) : EnumSet.copyOf(rules);
		List<ComplianceIssue> issues = this.compliance.issues(this.scope.within(within, "within"), wanted);
		if (issues == null) {
			throw new NotFoundException("within: no org has id '" + within + "'");
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
			throw new NotFoundException("within: no org has id '" + within + "'");
		}
		return report;
	}

	@QueryMapping
	public List<RuleInfo> rules() {
		return Arrays.stream(Rule.values())
			.map((r) -> new RuleInfo(r, r.severity().name(),
					(this.compliance.thresholds().of(r) > 0) ? this.compliance.thresholds().of(r) : null,
					r.statement(this.compliance.thresholds()), r.statementZh(this.compliance.thresholds()), r.article()))
			.toList();
	}

	@SchemaMapping(typeName = "ComplianceIssue")
	public String severity(ComplianceIssue issue) {
		return issue.severity().name();
	}

	// A suggestion may name the member to appoint; a reader who may not see members gets it without.
	@SchemaMapping(typeName = "ComplianceIssue")
	public String suggestion(ComplianceIssue issue) {
		return CurrentUser.canSeeMembers() ? issue.suggestion() : issue.suggestionWithoutMembers();
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
