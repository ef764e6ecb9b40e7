package org.partygraph.api.graphql;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.WhatIfReport;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Rule checks and what-if reports. */
@Controller
public class RulesController {

	private final ComplianceQueries compliance;

	private final OrgQueries orgs;

	public RulesController(ComplianceQueries compliance, OrgQueries orgs) {
		this.compliance = compliance;
		this.orgs = orgs;
	}

	@QueryMapping
	public List<ComplianceIssue> complianceIssues(@Argument String within, @Argument List<Rule> rules) {
		Set<Rule> wanted = (rules == null || rules.isEmpty()) ? EnumSet.allOf(Rule.class) : EnumSet.copyOf(rules);
		List<ComplianceIssue> issues = this.compliance.issues(within, wanted);
		if (issues == null) {
			throw new NotFoundException("within: no org has id '" + within + "'");
		}
		return issues;
	}

	@QueryMapping
	public WhatIfReport whatIf(@Argument String within, @Argument List<Operation> operations) {
		if (operations.isEmpty()) {
			throw new IllegalArgumentException("operations: give at least one operation");
		}
		WhatIfReport report = this.compliance.whatIf(within, operations);
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

	@SchemaMapping(typeName = "ComplianceIssue")
	public String article(ComplianceIssue issue) {
		return issue.rule().article();
	}

	@BatchMapping(typeName = "ComplianceIssue")
	public Map<ComplianceIssue, OrgRow> org(List<ComplianceIssue> issues) {
		return Batches.byKey(issues, ComplianceIssue::orgId,
				this.orgs.byIds(Batches.ids(issues, ComplianceIssue::orgId)));
	}

	/** A rule of the catalogue as the API shows it. */
	public record RuleInfo(Rule code, String severity, Integer threshold, String statement, String statementZh,
			String article) {
	}

}
