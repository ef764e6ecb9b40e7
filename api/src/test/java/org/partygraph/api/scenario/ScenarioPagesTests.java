package org.partygraph.api.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown subset of what-if reports to HTML, and CSV cells, without a server. */
class ScenarioPagesTests {

	@Test
	void headingsListsTablesAndParagraphs() {
		String html = MarkdownHtml.render("""
				# What-if: 2 changes in 甲 (o-1)

				Played out on a copy;
				nothing stored has changed.

				## Changes, in order

				1. first
				2. second

				| figure | before | after |
				|---|---:|:---:|
				| orgs | 3 | 4 |
				| a \\| b | 1 |

				- 甲村黨支部 (o-2)
				- 乙 (o-3)

				… and 2 more.
				""", 1);
		assertThat(html).contains("<h2>What-if: 2 changes in 甲 (o-1)</h2>", "<h3>Changes, in order</h3>",
				"<p>Played out on a copy;\nnothing stored has changed.</p>", "<ol>\n<li>first</li>\n<li>second</li>\n</ol>",
				"<thead><tr><th>figure</th><th class=\"right\">before</th><th class=\"center\">after</th></tr></thead>",
				"<tr><td>orgs</td><td class=\"right\">3</td><td class=\"center\">4</td></tr>",
				"<tr><td>a | b</td><td class=\"right\">1</td><td class=\"center\"></td></tr>",
				"<ul>\n<li>甲村黨支部 (o-2)</li>\n<li>乙 (o-3)</li>\n</ul>", "<p>… and 2 more.</p>");
	}

	@Test
	void noHtmlOfTheInputSurvives() {
		String html = MarkdownHtml.render("# <script>alert(1)</script>\n\n| x\"y | <b>&</b> |\n|---|---|\n| ' | <img src=x onerror=alert(1)> |\n\n1. <i>", 0);
		assertThat(html).doesNotContain("<script", "<b>", "<img", "<i>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "x&quot;y", "&lt;b&gt;&amp;&lt;/b&gt;", "&#39;");
		assertThat(ReportPage.jsonString("</script><!-- \"a\\b\" \u2028"))
			.isEqualTo("\"\\u003c/script\\u003e\\u003c!-- \\\"a\\\\b\\\" \\u2028\"");
	}

	@Test
	void csvCellsAreQuotedAndNeverFormulas() {
		assertThat(ChangesCsv.quote("甲村黨支部")).isEqualTo("甲村黨支部");
		assertThat(ChangesCsv.quote("a, b")).isEqualTo("\"a, b\"");
		assertThat(ChangesCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(ChangesCsv.quote("line\nbreak")).isEqualTo("\"line\nbreak\"");
		assertThat(ChangesCsv.quote("=SUM(A1:A9)")).isEqualTo("'=SUM(A1:A9)");
		assertThat(ChangesCsv.quote("@x")).isEqualTo("'@x");
	}

	@Test
	void pathsEncodeTheNameAsOneSegment() {
		assertThat(ScenarioPages.path("API 合併", "report.html")).isEqualTo("/scenarios/API%20%E5%90%88%E4%BD%B5/report.html");
		assertThat(ScenarioPages.path("a+b (1)", "changes.csv")).isEqualTo("/scenarios/a+b%20(1)/changes.csv");
	}

}
