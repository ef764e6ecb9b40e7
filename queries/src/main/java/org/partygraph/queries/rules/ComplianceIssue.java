package org.partygraph.queries.rules;

import java.util.List;

import org.partygraph.queries.whatif.Operation;

/**
 * One rule break at one org. Identified by (rule, orgId).
 *
 * @param rule the rule broken
 * @param orgId the org breaking it
 * @param orgName its name
 * @param orgKind its kind
 * @param message what is wrong, with the figures, in English
 * @param messageZh the same in Chinese
 * @param actual the figure that broke the rule (e.g. 2 full members), when there is one
 * @param threshold the figure the rule asks for (e.g. 3), when there is one
 * @param suggestion what would put it right, in words
 * @param fix operations that would put it right, ready to run as a what-if (may be empty)
 * @param suggestionWithoutMembers the suggestion for a reader who may not see members: no member is
 * named (the same as {@code suggestion} when it names none)
 */
public record ComplianceIssue(Rule rule, String orgId, String orgName, String orgKind, String message,
		String messageZh, Integer actual, Integer threshold, String suggestion, List<Operation> fix,
		String suggestionWithoutMembers) {

	public ComplianceIssue {
		fix = List.copyOf(fix);
	}

	/** The fix operations that name no member (what a reader who may not see members is shown). */
	public List<Operation> fixWithoutMembers() {
		return this.fix.stream().filter((op) -> op.member() == null).toList();
	}

	public Severity severity() {
		return this.rule.severity();
	}

	/** (rule, org): the identity what-if reports compare issues by. */
	public String key() {
		return this.rule.name() + "@" + this.orgId;
	}

}
