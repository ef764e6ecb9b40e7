package org.partygraph.queries.whatif;

import java.util.List;
import java.util.Locale;

import org.partygraph.model.Org;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.structure.Structure;

/** Writes a what-if report as Markdown for a person to read and decide from. */
final class ReportMarkdown {

	private static final int LISTED = 50;

	private ReportMarkdown() {
	}

	static String render(WhatIfReport report, List<Operation> operations, Structure before, Structure after,
			String withinOrgId) {
		StringBuilder md = new StringBuilder();
		Org scope = (withinOrgId != null) ? before.org(withinOrgId) : null;
		// The title counts the changes listed below; one operation may make several (a split adds a line
		// per trade branch or group), so the operations are counted apart.
		int changes = report.changes().size();
		md.append("# What-if: ").append(changes).append(changes == 1 ? " change" : " changes");
		md.append(" from ").append(operations.size()).append(operations.size() == 1 ? " operation" : " operations");
		md.append(scope != null ? " in " + scope.name() + " (" + scope.id() + ")" : "").append("\n\n");
		md.append("Played out on a copy; nothing stored has changed.\n\n");

		md.append("## Changes, in order\n\n");
		for (int i = 0; i < report.changes().size(); i++) {
			md.append(i + 1).append(". ").append(report.changes().get(i)).append('\n');
		}

		md.append("\n## Figures\n\n| figure | before | after | change |\n|---|---:|---:|---:|\n");
		for (int i = 0; i < report.before().size(); i++) {
			Metric b = report.before().get(i);
			Metric a = report.after().get(i);
			if (b.value() == 0 && a.value() == 0) {
				continue;
			}
			double delta = a.value() - b.value();
			md.append("| ").append(b.key()).append(" | ").append(number(b.value())).append(" | ")
				.append(number(a.value())).append(" | ")
				.append(delta == 0 ? "" : (delta > 0 ? "+" : "") + number(delta)).append(" |\n");
		}

		md.append("\n## Rule breaks fixed (").append(report.issuesFixed().size()).append(")\n\n");
		issues(md, report.issuesFixed());
		md.append("\n## Rule breaks introduced (").append(report.issuesIntroduced().size()).append(")\n\n");
		issues(md, report.issuesIntroduced());

		md.append("\n## Members moved (").append(report.membersMoved()).append(")\n\n");
		if (!report.moves().isEmpty()) {
			md.append("| member | from | to |\n|---|---|---|\n");
			report.moves().stream().limit(LISTED).forEach((m) -> md.append("| ").append(m.memberName()).append(" (")
				.append(m.memberId()).append(") | ").append(name(before, m.fromOrg())).append(" | ")
				.append(name(after, m.toOrg())).append(" |\n"));
			if (report.moves().size() > LISTED) {
				md.append("\n… and ").append(report.moves().size() - LISTED).append(" more.\n");
			}
		}
		md.append("\n## Orgs created (").append(report.orgsCreated().size()).append(")\n\n");
		report.orgsCreated().forEach((id) -> md.append("- ").append(name(after, id)).append(" (").append(id).append(")\n"));
		md.append("\n## Orgs dissolved (").append(report.orgsDissolved().size()).append(")\n\n");
		report.orgsDissolved().forEach((id) -> md.append("- ").append(name(before, id)).append(" (").append(id).append(")\n"));
		return md.toString();
	}

	private static void issues(StringBuilder md, List<ComplianceIssue> issues) {
		if (issues.isEmpty()) {
			md.append("None.\n");
			return;
		}
		md.append("| severity | rule | org | what |\n|---|---|---|---|\n");
		issues.stream().limit(LISTED).forEach((i) -> md.append("| ").append(i.severity()).append(" | ")
			.append(i.rule()).append(" | ").append(i.orgName()).append(" (").append(i.orgId()).append(") | ")
			.append(i.message().replace("|", "\\|")).append(" |\n"));
		if (issues.size() > LISTED) {
			md.append("\n… and ").append(issues.size() - LISTED).append(" more.\n");
		}
	}

	private static String name(Structure structure, String orgId) {
		Org org = structure.org(orgId);
		return (org != null) ? org.name() : orgId;
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
	}

}
