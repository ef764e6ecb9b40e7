package org.partygraph.api.scenario;

import java.util.List;
import java.util.Locale;

import org.partygraph.queries.scenario.Scenario;
import org.partygraph.queries.scenario.ScenarioDetails;
import org.partygraph.queries.scenario.ScenarioDetails.BranchSize;
import org.partygraph.queries.scenario.ScenarioDetails.OrgChartChange;
import org.partygraph.queries.scenario.ScenarioDetails.Step;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

import static org.partygraph.api.scenario.MarkdownHtml.escape;

/**
 * The readable page of a saved scenario, as plain server-side HTML: what it is, members per branch
 * before and after (a Chart.js bar chart when its WebJar is there, always a table), the changed
 * part of the org chart, the steps, and the what-if report's Markdown rendered.
 */
final class ReportPage {

	/** The jar's own script that shows long tables 100 rows a page. */
	static final String TABLE_PAGES = "/table-pages.js";

	/** At most this many bars; the table lists every branch. */
	private static final int MAX_BARS = 40;

	private static final String STYLE = """
			body { font-family: system-ui, "Noto Sans CJK TC", "Microsoft JhengHei", sans-serif; margin: 2rem auto;
			  max-width: 72rem; padding: 0 1rem; color: #1d1d1f; line-height: 1.5; }
			h1 { font-size: 1.6rem; margin-bottom: .2rem; }
			h2 { font-size: 1.3rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
			h3 { font-size: 1.1rem; }
			dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
			dl.meta dt { font-weight: 600; }
			dl.meta dd { margin: 0; }
			table { border-collapse: collapse; margin: .5rem 0 1rem; }
			th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
			th { background: #f3f3f5; }
			.right { text-align: right; }
			.center { text-align: center; }
			.warning { background: #fff4e5; border: 1px solid #f0b35b; padding: .5rem 1rem; }
			.ok { background: #eef8ee; border: 1px solid #8cc98c; padding: .5rem 1rem; }
			.up { color: #0a6e0a; }
			.down { color: #b00020; }
			.chart { position: relative; height: 24rem; }
			article.report { border-left: 3px solid #ddd; padding-left: 1rem; }
			code { background: #f3f3f5; padding: 0 .2rem; }
			nav.table-pages { margin: -.5rem 0 1rem; }
			""";

	private ReportPage() {
	}

	/**
	 * @param details the scenario's details
	 * @param scopeName the scope org's name, or {@code null}
	 * @param chartJs the path of Chart.js, or {@code null} for a table only
	 */
	static String render(ScenarioDetails details, String scopeName, String chartJs) {
		return render(details, scopeName, chartJs, new Say(Messages.bundled(), Lang.EN));
	}

	/**
	 * The page in a language: headings and fixed texts from the message bundles ({@code page.*},
	 * {@code report.*}); names, ids, codes and the steps' descriptions as they are.
	 * @param say the bundles and the language
	 */
	static String render(ScenarioDetails details, String scopeName, String chartJs, Say say) {
		Scenario scenario = details.scenario();
		StringBuilder html = new StringBuilder(16_384);
		html.append("<!DOCTYPE html>\n<html lang=\"").append(say.htmlLang()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>").append(escape(say.t("page.title", scenario.name()))).append(" — party-graph</title>\n")
			.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");

		html.append("<header>\n<h1>").append(escape(say.t("page.heading", scenario.name()))).append("</h1>\n");
		html.append("<dl class=\"meta\">\n");
		meta(html, say.t("page.scope"), (scenario.within() == null) ? say.t("page.everything")
				: ((scopeName != null) ? scopeName + " (" + scenario.within() + ")" : scenario.within()));
		meta(html, say.t("page.operations"), String.valueOf(scenario.operationCount()));
		meta(html, say.t("page.saved"), (scenario.savedBy() != null) ? say.t("page.by", scenario.savedAt(), scenario.savedBy())
				: String.valueOf(scenario.savedAt()));
		if (scenario.note() != null) {
			meta(html, say.t("page.note"), scenario.note());
		}
		String applied = !scenario.applied() ? say.t("page.notYet")
				: (scenario.appliedBy() != null) ? say.t("page.by", scenario.appliedAt(), scenario.appliedBy())
						: String.valueOf(scenario.appliedAt());
		if (scenario.applied() && scenario.appliedOn() != null) {
			applied = say.t("page.effective", applied, scenario.appliedOn());
		}
		meta(html, say.t("page.applied"), applied);
		meta(html, say.t("page.fingerprint"), scenario.fingerprint());
		html.append("</dl>\n");
		if (scenario.applied()) {
			html.append("<p class=\"ok\" id=\"applied\">").append(escape(say.t("page.wasApplied"))).append("</p>\n");
		}
		else if (details.liveChanged()) {
			html.append("<p class=\"warning\" id=\"live-changed\">").append(escape(say.t("page.liveChanged")))
				.append("</p>\n");
		}
		else {
			html.append("<p class=\"ok\" id=\"live-unchanged\">").append(escape(say.t("page.liveUnchanged")))
				.append("</p>\n");
		}
		if (details.reportError() != null) {
			html.append("<p class=\"warning\" id=\"report-error\">")
				.append(escape(say.t("page.reportError", details.reportError())))
				.append("</p>\n");
		}
		html.append("<p><a href=\"changes.csv\">").append(escape(say.t("page.csvLink"))).append("</a> · ")
			.append("<a href=\"report.xlsx\">").append(escape(say.t("page.xlsxLink"))).append("</a></p>\n</header>\n");

		branches(html, details.branches(), chartJs, say);
		orgChart(html, details.orgChanges(), say);
		steps(html, details.steps(), say);

		html.append("<section id=\"report\">\n<h2>").append(escape(say.t("page.whatIfReport"))).append("</h2>\n");
		if (details.report() != null) {
			html.append("<article class=\"report\">\n")
				.append(MarkdownHtml.render(details.report().markdown(say.lang()), 2))
				.append("</article>\n");
		}
		else {
			html.append("<p>").append(escape(say.t("page.noReport"))).append("</p>\n");
		}
		html.append("</section>\n");

		// Tables of more than 100 rows (every member moved, every branch) in pages of 100.
		html.append("<script src=\"").append(TABLE_PAGES).append("\"></script>\n");
		if (chartJs != null && !details.branches().isEmpty()) {
			chartScript(html, details.branches(), chartJs, say);
		}
		html.append("</body>\n</html>\n");
		return html.toString();
	}

	private static void meta(StringBuilder html, String term, String value) {
		html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
	}

	private static void branches(StringBuilder html, List<BranchSize> branches, String chartJs, Say say) {
		html.append("<section id=\"branches\">\n<h2>").append(escape(say.t("page.branches"))).append("</h2>\n");
		if (branches.isEmpty()) {
			html.append("<p>").append(escape(say.t("page.noBranchChanges"))).append("</p>\n</section>\n");
			return;
		}
		html.append("<p>").append(escape(say.t("page.branchesNote"))).append("</p>\n");
		if (chartJs != null) {
			html.append("<div class=\"chart\"><canvas id=\"branch-chart\" role=\"img\" aria-label=\"")
				.append(escape(say.t("page.chartLabel"))).append("\"></canvas></div>\n");
			if (branches.size() > MAX_BARS) {
				html.append("<p>").append(escape(say.t("page.chartFirst", MAX_BARS, branches.size()))).append("</p>\n");
			}
		}
		html.append("<table id=\"branch-table\">\n<thead><tr><th>").append(escape(say.t("page.col.branch")))
			.append("</th><th>").append(escape(say.t("page.col.kind"))).append("</th><th class=\"right\">")
			.append(escape(say.t("page.col.before"))).append("</th><th class=\"right\">")
			.append(escape(say.t("page.col.after"))).append("</th><th class=\"right\">")
			.append(escape(say.t("page.col.change"))).append("</th></tr></thead>\n<tbody>\n");
		for (BranchSize b : branches) {
			int delta = ((b.after() != null) ? b.after() : 0) - ((b.before() != null) ? b.before() : 0);
			html.append("<tr><td>").append(escape(b.name())).append(" <small>(").append(escape(b.orgId()))
				.append(")</small></td><td>").append(escape(b.kind())).append("</td><td class=\"right\">")
				.append((b.before() != null) ? b.before() : escape(say.t("page.new"))).append("</td><td class=\"right\">")
				.append((b.after() != null) ? b.after() : escape(say.t("page.gone"))).append("</td><td class=\"right ")
				.append((delta > 0) ? "up" : (delta < 0) ? "down" : "").append("\">")
				.append((delta == 0) ? "" : ((delta > 0) ? "+" : "") + delta).append("</td></tr>\n");
		}
		html.append("</tbody>\n</table>\n</section>\n");
	}

	private static void orgChart(StringBuilder html, List<OrgChartChange> changes, Say say) {
		html.append("<section id=\"org-chart\">\n<h2>").append(escape(say.t("page.orgChart"))).append("</h2>\n");
		group(html, changes, "CREATED", say.t("page.created"), (c) -> c.orgName() + " (" + c.orgId() + "), " + c.kind()
				+ ((c.to() != null) ? say.t("page.under", c.to()) : ""));
		group(html, changes, "DISSOLVED", say.t("page.dissolved"), (c) -> c.orgName() + " (" + c.orgId() + "), "
				+ c.kind() + ((c.from() != null) ? say.t("page.wasUnder", c.from()) : ""));
		group(html, changes, "MOVED", say.t("page.moved"), (c) -> c.orgName() + " (" + c.orgId() + "): "
				+ say.t("page.fromTo", String.valueOf(c.from()), String.valueOf(c.to())));
		group(html, changes, "KIND_CHANGED", say.t("page.kindChanged"),
				(c) -> c.orgName() + " (" + c.orgId() + "): " + c.from() + " → " + c.to());
		group(html, changes, "CO_MANAGERS_CHANGED", say.t("page.coManagersChanged"),
				(c) -> c.orgName() + " (" + c.orgId() + "): " + c.from() + " → " + c.to());
		group(html, changes, "COMMITTEE_ELECTED", say.t("page.committeeElected"),
				(c) -> c.orgName() + " (" + c.orgId() + ")");
		group(html, changes, "RENAMED", say.t("page.renamed"), (c) -> c.orgId() + ": " + c.from() + " → " + c.to());
		group(html, changes, "UNITS_CHANGED", say.t("page.unitsChanged"),
				(c) -> c.orgName() + " (" + c.orgId() + "): " + c.from() + " → " + c.to());
		if (changes.isEmpty()) {
			html.append("<p>").append(escape(say.t("page.orgChartUnchanged"))).append("</p>\n");
		}
		html.append("</section>\n");
	}

	private static void group(StringBuilder html, List<OrgChartChange> changes, String change, String title,
			java.util.function.Function<OrgChartChange, String> line) {
		List<OrgChartChange> these = changes.stream().filter((c) -> c.change().equals(change)).toList();
		if (these.isEmpty()) {
			return;
		}
		html.append("<h3>").append(escape(title)).append(" (").append(these.size()).append(")</h3>\n<ul class=\"")
			.append(change.toLowerCase(Locale.ROOT)).append("\">\n");
		these.forEach((c) -> html.append("<li>").append(escape(line.apply(c))).append("</li>\n"));
		html.append("</ul>\n");
	}

	private static void steps(StringBuilder html, List<Step> steps, Say say) {
		html.append("<section id=\"steps\">\n<h2>").append(escape(say.t("page.steps"))).append("</h2>\n<ol>\n");
		for (Step step : steps) {
			html.append("<li><code>").append(escape(String.valueOf(step.operation().op()))).append("</code> ");
			html.append(escape(String.join("; ", step.description(say.lang()))));
			if (!step.live()) {
				html.append(" <small>").append(escape(say.t("page.asSaved"))).append("</small>");
			}
			html.append("</li>\n");
		}
		html.append("</ol>\n</section>\n");
	}

	private static void chartScript(StringBuilder html, List<BranchSize> branches, String chartJs, Say say) {
		List<BranchSize> bars = branches.stream().limit(MAX_BARS).toList();
		StringBuilder labels = new StringBuilder("[");
		StringBuilder before = new StringBuilder("[");
		StringBuilder after = new StringBuilder("[");
		for (int i = 0; i < bars.size(); i++) {
			String sep = (i > 0) ? "," : "";
			labels.append(sep).append(jsonString(bars.get(i).name()));
			before.append(sep).append((bars.get(i).before() != null) ? bars.get(i).before() : "null");
			after.append(sep).append((bars.get(i).after() != null) ? bars.get(i).after() : "null");
		}
		labels.append(']');
		before.append(']');
		after.append(']');
		html.append("<script src=\"").append(escape(chartJs)).append("\"></script>\n<script>\n")
			.append("new Chart(document.getElementById('branch-chart'), {\n")
			.append("  type: 'bar',\n")
			.append("  data: { labels: ").append(labels).append(",\n")
			.append("    datasets: [{ label: ").append(jsonString(say.t("page.col.before"))).append(", data: ").append(before)
			.append(", backgroundColor: '#9aa5b1' },\n")
			.append("      { label: ").append(jsonString(say.t("page.col.after"))).append(", data: ").append(after)
			.append(", backgroundColor: '#c8102e' }] },\n")
			.append("  options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true, title: { display: true, text: ")
			.append(jsonString(say.t("page.members"))).append(" } } } }\n")
			.append("});\n</script>\n");
	}

	/** The bundles in one language, for the page's fixed texts. */
	record Say(Messages messages, Lang lang) {

		/** The key's text with these arguments. */
		String t(String key, Object... args) {
			return this.messages.say(Text.of(key, args), this.lang);
		}

		/** The page's {@code lang} attribute. */
		String htmlLang() {
			return switch (this.lang) {
				case EN -> "en";
				case ZH_HANS -> "zh-Hans";
				case ZH_HANT -> "zh-Hant";
			};
		}

	}

	/** A JSON string that is also safe inside an HTML script element. */
	static String jsonString(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			switch (ch) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '<', '>', '&', '\'', '\u2028', '\u2029' -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
				default -> {
					if (ch < 0x20) {
						out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
					}
					else {
						out.append(ch);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
