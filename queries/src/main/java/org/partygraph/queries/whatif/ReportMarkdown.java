package org.partygraph.queries.whatif;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.partygraph.model.Org;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

/**
 * Writes a what-if report as Markdown for a person to read and decide from. Every list is whole:
 * every member moved (with from and to) and every rule break fixed or introduced.
 */
final class ReportMarkdown {

	private ReportMarkdown() {
	}

	/** The report in each language of the bundles. */
	static Map<Lang, String> renderAll(WhatIfReport report, List<Operation> operations, Structure before,
			Structure after, String withinOrgId) {
		Map<Lang, String> all = new EnumMap<>(Lang.class);
		for (Lang lang : Lang.values()) {
			all.put(lang, render(report, operations, before, after, withinOrgId, lang));
		}
		return all;
	}

	/** The report under its own title and first paragraph, in each language (a span of days: {@code WhatIfEngine.compare}). */
	static Map<Lang, String> renderAll(WhatIfReport report, Text title, Text intro, Structure before, Structure after,
			String withinOrgId) {
		Map<Lang, String> all = new EnumMap<>(Lang.class);
		for (Lang lang : Lang.values()) {
			all.put(lang, render(report, title, intro, before, after, withinOrgId, lang));
		}
		return all;
	}

	/**
	 * The report in one language: headings and fixed texts from the message bundles
	 * ({@code report.*}), names and ids as stored, codes as they are.
	 */
	static String render(WhatIfReport report, List<Operation> operations, Structure before, Structure after,
			String withinOrgId, Lang lang) {
		Org scope = (withinOrgId != null) ? before.org(withinOrgId) : null;
		// The title counts the changes listed below; one operation may make several (a split adds a line
		// per trade branch or group), so the operations are counted apart.
		int changes = report.changes().size();
		Text changeCount = Text.of((changes == 1) ? "report.changes.one" : "report.changes.many", changes);
		Text operationCount = Text.of((operations.size() == 1) ? "report.operations.one" : "report.operations.many",
				operations.size());
		Text title = (scope != null) ? Text.of("report.titleIn", changeCount, operationCount, scope.name(), scope.id())
				: Text.of("report.title", changeCount, operationCount);
		return render(report, title, Text.of("report.intro"), before, after, withinOrgId, lang);
	}

	/** The report in one language under the given title and first paragraph. */
	static String render(WhatIfReport report, Text title, Text intro, Structure before, Structure after,
			String withinOrgId, Lang lang) {
		Messages messages = Messages.bundled();
		java.util.function.BiFunction<String, Object[], String> say = (key, args) -> messages.say(Text.of(key, args),
				lang);
		StringBuilder md = new StringBuilder();
		md.append("# ").append(messages.say(title, lang)).append("\n\n");
		md.append(messages.say(intro, lang)).append("\n\n");

		md.append("## ").append(say.apply("report.changesHeading", new Object[0])).append("\n\n");
		List<String> changes = report.changes(lang);
		for (int i = 0; i < changes.size(); i++) {
			md.append(i + 1).append(". ").append(changes.get(i)).append('\n');
		}

		md.append("\n## ").append(say.apply("report.patternImpact", new Object[0])).append("\n\n");
		List<PatternImpact> impact = report.patternImpact();
		if (impact.isEmpty()) {
			md.append(say.apply("report.noPatternChange", new Object[0])).append("\n");
		}
		else {
			String warning = say.apply("report.warning", new Object[0]);
			impact.stream().filter(PatternImpact::loses).forEach((p) -> md.append("> **").append(warning).append("** ")
				.append(messages.say(p.warningText(), lang))
				.append("\n>\n"));
			md.append("\n").append(say.apply("report.patternTable", new Object[0])).append("\n|---|---|---:|---:|---:|\n");
			for (PatternImpact p : impact) {
				double delta = p.after() - p.before();
				md.append("| ").append(p.pattern().chineseName()).append(" | ").append(p.metric()).append(" | ")
					.append(PatternImpact.number(p.before())).append(" | ").append(PatternImpact.number(p.after())).append(" | ")
					.append(delta > 0 ? "+" : "").append(PatternImpact.number(delta)).append(p.loses() ? " ⚠" : "").append(" |\n");
			}
		}

		md.append("\n## ").append(say.apply("report.figures", new Object[0])).append("\n\n")
			.append(say.apply("report.figureTable", new Object[0])).append("\n|---|---:|---:|---:|\n");
		for (int i = 0; i < report.before().size(); i++) {
			Metric b = report.before().get(i);
			Metric a = report.after().get(i);
			if (b.value() == 0 && a.value() == 0) {
				continue;
			}
			double delta = a.value() - b.value();
			md.append("| ").append(b.key()).append(" | ").append(PatternImpact.number(b.value())).append(" | ")
				.append(PatternImpact.number(a.value())).append(" | ")
				.append(delta == 0 ? "" : (delta > 0 ? "+" : "") + PatternImpact.number(delta)).append(" |\n");
		}

		md.append("\n## ").append(say.apply("report.fixed", new Object[] { report.issuesFixed().size() })).append("\n\n");
		issues(md, report.issuesFixed(), messages, lang);
		md.append("\n## ").append(say.apply("report.introduced", new Object[] { report.issuesIntroduced().size() }))
			.append("\n\n");
		issues(md, report.issuesIntroduced(), messages, lang);

		md.append("\n## ").append(say.apply("report.moved", new Object[] { report.membersMoved() })).append("\n\n");
		if (!report.moves().isEmpty()) {
			md.append(say.apply("report.moveTable", new Object[0])).append("\n|---|---|---|\n");
			report.moves().forEach((m) -> md.append("| ").append(m.memberName().replace("|", "\\|")).append(" (")
				.append(m.memberId()).append(") | ").append(name(before, m.fromOrg())).append(" | ")
				.append(name(after, m.toOrg())).append(" |\n"));
		}
		md.append("\n## ").append(say.apply("report.created", new Object[] { report.orgsCreated().size() })).append("\n\n");
		report.orgsCreated().forEach((id) -> md.append("- ").append(name(after, id)).append(" (").append(id).append(")\n"));
		md.append("\n## ").append(say.apply("report.dissolved", new Object[] { report.orgsDissolved().size() }))
			.append("\n\n");
		report.orgsDissolved().forEach((id) -> md.append("- ").append(name(before, id)).append(" (").append(id).append(")\n"));
		return md.toString();
	}

	private static void issues(StringBuilder md, List<ComplianceIssue> issues, Messages messages, Lang lang) {
		if (issues.isEmpty()) {
			md.append(messages.say(Text.of("report.none"), lang)).append("\n");
			return;
		}
		md.append(messages.say(Text.of("report.issueTable"), lang)).append("\n|---|---|---|---|\n");
		issues.forEach((i) -> md.append("| ").append(i.severity()).append(" | ")
			.append(i.rule()).append(" | ").append(i.orgName()).append(" (").append(i.orgId()).append(") | ")
			.append(i.message(messages, lang).replace("|", "\\|")).append(" |\n"));
	}

	private static String name(Structure structure, String orgId) {
		Org org = structure.org(orgId);
		return (org != null) ? org.name() : orgId;
	}

}
