package org.partygraph.api.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario view of the org-chart page: a what-if scenario saved through the GraphQL API on the
 * sample county (a village branch moved under another village's general branch, two village
 * branches merged, one split by trade), drawn after and before, checked against the scenario's
 * report from the same API; and its SVG export.
 */
class ScenarioChartPageIT extends ChartPageTestBase {

	private static final String NAME = "瀏覽器 情景 chart-test";

	private static final String TOWNSHIP = "o-t-hbt";

	private static final String TARGET = "o-v-xz";

	private static final String REPORT = """
			query($name: String!) { scenario(name: $name) { report {
			  membersMoved orgsCreated orgsDissolved
			  moves { memberId fromOrg toOrg }
			  orgChanges { orgId name kind kindBefore parent parentBefore memberCount created dissolved moved }
			} } }""";

	private String moved;

	private List<String> merged;

	private String split;

	private Map<String, Object> report;

	private Map<String, Map<String, Object>> changes;

	/** Picks village branches of the township from the API and saves the scenario through it. */
	@BeforeAll
	@SuppressWarnings("unchecked")
	void saveScenario() {
		List<Map<String, Object>> children = this.graphQl
			.document("{ orgChart(root: \"" + TOWNSHIP + "\", depth: 1, units: false) { nodes { id kind depth childCount } } }")
			.execute()
			.path("orgChart.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.filter((n) -> ((String) n.get("id")).startsWith("o-v-") && ((Number) n.get("depth")).intValue() == 1
					&& "BRANCH".equals(n.get("kind"))
					&& ((Number) n.get("childCount")).intValue() == 0)
			.sorted(Comparator.comparing((Map<String, Object> n) -> (String) n.get("id")))
			.toList();
		assertThat(children).as("childless village branches of " + TOWNSHIP).hasSizeGreaterThanOrEqualTo(4);
		this.moved = (String) children.get(0).get("id");
		this.merged = List.of((String) children.get(1).get("id"), (String) children.get(2).get("id"));
		this.split = (String) children.get(3).get("id");
		this.graphQl.documentName("scenarioDelete").variable("name", NAME).execute();
		this.graphQl.documentName("scenarioSave")
			.variable("name", NAME)
			.variable("within", TOWNSHIP)
			.variable("note", "browser test")
			.variable("operations", List.of(Map.of("op", "MOVE_ORG", "org", this.moved, "target", TARGET),
					Map.of("op", "MERGE", "orgs", this.merged, "name", "瀏覽器測試聯合黨支部"),
					Map.of("op", "SPLIT_BY_TRADE", "org", this.split)))
			.execute()
			.path("saveScenario.refusal").valueIsNull()
			.path("saveScenario.errors").entityList(Object.class).hasSize(0);
		this.report = this.graphQl.document(REPORT)
			.variable("name", NAME)
			.execute()
			.path("scenario.report")
			.entity(Map.class)
			.get();
		this.changes = list("orgChanges").stream()
			.collect(Collectors.toMap((c) -> (String) c.get("orgId"), (c) -> c));
		// orgChanges agrees with the report's own lists
		assertThat(this.changes.values().stream().filter((c) -> (Boolean) c.get("created")).map((c) -> c.get("orgId")))
			.containsExactlyInAnyOrderElementsOf(strings("orgsCreated"));
		assertThat(this.changes.values().stream().filter((c) -> (Boolean) c.get("dissolved")).map((c) -> c.get("orgId")))
			.containsExactlyInAnyOrderElementsOf(strings("orgsDissolved"));
	}

	@AfterAll
	void deleteScenario() {
		this.graphQl.documentName("scenarioDelete").variable("name", NAME).execute();
	}

	@Test
	void theAfterChartMarksMovedCreatedAndDissolvedOrgsAndMovedMembers() {
		openScenarioFromTheList();
		assertThat(text("root-name")).contains("海北頭鄉黨委");

		// Moved: drawn under its new parent, marked, with a dotted line back to where it was.
		Map<String, Object> move = this.changes.get(this.moved);
		assertThat(move.get("moved")).isEqualTo(true);
		assertThat(move.get("parent")).isEqualTo(TARGET);
		assertThat(js("return chart.$id(arguments[0]).hasClass('sc-moved')", this.moved)).isEqualTo(true);
		assertThat(parentDrawn(this.moved)).isEqualTo(TARGET);
		assertThat(js("return chart.edges('[kind=\"WAS_SUBORDINATE_TO\"][target=\"' + arguments[0] + '\"]').source().id()",
				this.moved)).isEqualTo(move.get("parentBefore"));

		// Created: every org the report creates is drawn, marked, under its parent, with its members.
		List<String> created = strings("orgsCreated");
		assertThat(created).isNotEmpty();
		@SuppressWarnings("unchecked")
		List<String> drawnCreated = (List<String>) js("return chart.nodes('.sc-created').map((n) => n.id())");
		assertThat(drawnCreated).containsExactlyInAnyOrderElementsOf(created);
		for (String id : created) {
			Map<String, Object> c = this.changes.get(id);
			assertThat(parentDrawn(id)).as(id).isEqualTo(c.get("parent"));
			assertThat(js("return chart.$id(arguments[0]).data('name')", id)).isEqualTo(c.get("name"));
			assertThat(js("return chart.$id(arguments[0]).data('kind')", id)).isEqualTo(c.get("kind"));
			assertThat(number("return chart.$id(arguments[0]).data('memberCount')", id))
				.isEqualTo(((Number) c.get("memberCount")).longValue());
		}
		String joint = created.stream()
			.filter((id) -> "JOINT_BRANCH".equals(this.changes.get(id).get("kind")))
			.findFirst()
			.orElseThrow();
		assertThat((String) js("return chart.$id(arguments[0]).data('display')", joint)).contains("瀏覽器測試聯合黨支部");

		// Dissolved: still drawn where they were, crossed out and faded, no tree edge below them.
		assertThat(strings("orgsDissolved")).containsExactlyInAnyOrderElementsOf(this.merged);
		for (String id : this.merged) {
			assertThat(js("return chart.$id(arguments[0]).hasClass('sc-dissolved')", id)).as(id).isEqualTo(true);
			assertThat((String) js("return chart.$id(arguments[0]).style('background-image')", id)).startsWith("data:image/svg+xml");
			assertThat(parentDrawn(id)).isEqualTo(TOWNSHIP);
		}
		// Split by trade: the kind it becomes, and its trade orgs under it.
		Map<String, Object> splitChange = this.changes.get(this.split);
		assertThat(splitChange.get("kind")).isEqualTo("GENERAL_BRANCH");
		assertThat(js("return chart.$id(arguments[0]).data('kind')", this.split)).isEqualTo("GENERAL_BRANCH");
		assertThat(js("return chart.$id(arguments[0]).hasClass('sc-kind')", this.split)).isEqualTo(true);

		// Each mark its own look (the legend names them).
		Set<Object> borders = new HashSet<>();
		for (String id : List.of(this.moved, joint, this.merged.get(0), this.split)) {
			borders.add(js("return chart.$id(arguments[0]).style('border-color') + ' ' + chart.$id(arguments[0]).style('border-style')", id));
		}
		assertThat(borders).hasSize(4);
		assertThat(this.driver.findElements(By.cssSelector("#legend-scenario li[data-mark]"))).hasSize(5);

		// Members moved: the count is the report's; each move is drawn in (+) at its new org.
		long membersMoved = ((Number) this.report.get("membersMoved")).longValue();
		assertThat(membersMoved).isPositive();
		assertThat(text("scenario-moved")).isEqualTo(String.valueOf(membersMoved));
		assertThat(text("scenario-created")).isEqualTo(String.valueOf(created.size()));
		assertThat(text("scenario-dissolved")).isEqualTo(String.valueOf(this.merged.size()));
		assertThat(number("return chart.nodes('.sc-members').reduce((s, n) => s + (n.data('scIn') || 0), 0)"))
			.isEqualTo(membersMoved);
		assertThat(number("return chart.nodes('.sc-members').reduce((s, n) => s + (n.data('scOut') || 0), 0)"))
			.isEqualTo(membersMoved);
		assertThat(this.driver.findElements(By.cssSelector("#scenario-moves li"))).hasSize((int) Math.min(200, membersMoved));
		long intoJoint = list("moves").stream().filter((m) -> joint.equals(m.get("toOrg"))).count();
		assertThat((String) js("return chart.$id(arguments[0]).data('display')", joint)).contains("+" + intoJoint);

		// Clicking the joint branch shows where its members came from.
		js("chart.$id(arguments[0]).emit('tap')", joint);
		waitUntil("return !!document.getElementById('panel-moved-in')");
		assertThat(text("panel-moved-in")).isEqualTo(String.valueOf(intoJoint));
		assertThat(text("panel-scenario-marks")).contains("created");
		assertThat(text("panel-body")).doesNotContain("null");
		assertThat(text("scenario-bar")).doesNotContain("null");

		js("chart.$(':selected').unselect(); chart.zoom(0.8); chart.center(chart.$id(arguments[0]))", joint);
		screenshot("org-chart-scenario.png");
	}

	@Test
	void beforeAndAfterToggle() {
		openScenarioFromTheList();
		List<String> created = strings("orgsCreated");
		this.driver.findElement(By.id("scenario-before")).click();
		waitUntil("return document.documentElement.dataset.scenarioSide === 'before'");
		// Before: the live structure, the orgs the scenario changes marked.
		String liveParent = this.graphQl.document("{ org(id: \"" + this.moved + "\") { parent { id } } }")
			.execute()
			.path("org.parent.id")
			.entity(String.class)
			.get();
		assertThat(parentDrawn(this.moved)).isEqualTo(liveParent);
		assertThat(number("return chart.nodes('.sc-created, .sc-dissolved').length")).isZero();
		for (String id : created) {
			assertThat(number("return chart.$id(arguments[0]).length", id)).as(id).isZero();
		}
		assertThat(js("return chart.$id(arguments[0]).hasClass('sc-will-change')", this.merged.get(0))).isEqualTo(true);
		assertThat(js("return chart.$id(arguments[0]).data('kind')", this.split)).isEqualTo("BRANCH");
		// After again: the same drawing as the first time.
		this.driver.findElement(By.id("scenario-after")).click();
		waitUntil("return document.documentElement.dataset.scenarioSide === 'after'");
		assertThat(parentDrawn(this.moved)).isEqualTo(TARGET);
		assertThat(number("return chart.nodes('.sc-created').length")).isEqualTo(created.size());
		// Back to the live chart: no scenario marks left.
		new Select(this.driver.findElement(By.id("scenario"))).selectByValue("");
		waitUntil("return !document.documentElement.dataset.scenarioSide");
		assertThat(number("return chart.nodes('.sc-created, .sc-moved, .sc-dissolved, .sc-kind, .sc-members').length")).isZero();
		assertThat(this.driver.findElement(By.id("scenario-bar")).isDisplayed()).isFalse();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theScenarioOpensWithTheRootAndEveryChangeInViewOnATidyTree() {
		openScenarioFromTheList();
		js(ChartLayoutIT.GEOMETRY);
		String changed = ".sc-created, .sc-moved, .sc-dissolved, .sc-kind, .sc-members";
		assertThat(number("return chart.nodes(arguments[0]).length", changed)).isGreaterThanOrEqualTo(5);
		assertThat((List<String>) js("return outOfView(arguments[0])", changed)).as("changes out of view").isEmpty();
		assertThat((List<String>) js("return outOfView('#' + arguments[0])", TOWNSHIP)).as("root out of view").isEmpty();
		Map<String, Object> check = (Map<String, Object>) js("return layoutCheck()");
		assertThat((List<String>) check.get("broken")).as("subtrees with another org inside their span").isEmpty();
		assertThat((List<String>) check.get("crossing")).as("crossing parent-child lines").isEmpty();
		assertThat((List<String>) check.get("overlapping")).as("overlapping orgs").isEmpty();
		assertThat(text("legend-scenario")).contains("Scenario, after").doesNotContain("before");
		// Before: the orgs it will change in view, and the legend says before.
		this.driver.findElement(By.id("scenario-before")).click();
		waitUntil("return document.documentElement.dataset.scenarioSide === 'before'");
		assertThat(number("return chart.nodes('.sc-will-change').length")).isPositive();
		assertThat((List<String>) js("return outOfView('.sc-will-change')")).as("orgs to change out of view").isEmpty();
		assertThat((List<String>) js("return outOfView('#' + arguments[0])", TOWNSHIP)).as("root out of view").isEmpty();
		assertThat(text("legend-scenario")).contains("Scenario, before").doesNotContain("after");
		assertThat(this.driver.findElements(By.cssSelector("#legend-scenario li[data-mark='will-change']"))).hasSize(1);
		check = (Map<String, Object>) js("return layoutCheck()");
		assertThat((List<String>) check.get("broken")).isEmpty();
		assertThat((List<String>) check.get("crossing")).isEmpty();
	}

	@Test
	void theScenarioOpensFromTheUrl() {
		open("chart.html?scenario=" + URLEncoder.encode(NAME, StandardCharsets.UTF_8)
			.replace("+", "%20"));
		waitUntil("return document.documentElement.dataset.scenarioSide === 'after'");
		assertThat(text("scenario-name")).isEqualTo(NAME);
		assertThat(new Select(this.driver.findElement(By.id("scenario"))).getFirstSelectedOption().getDomProperty("value"))
			.isEqualTo(NAME);
	}

	@Test
	void exportsTheAfterChartAsSvg() {
		openScenarioFromTheList();
		String text = exportSvg();
		Map<String, String> nodes = svgNodes(parseXml(text));
		@SuppressWarnings("unchecked")
		List<String> drawn = (List<String>) js("return chart.nodes(':visible').map((n) => n.id())");
		assertThat(nodes).hasSize(drawn.size());
		assertThat(nodes.keySet()).containsExactlyInAnyOrderElementsOf(drawn);
		// A created org's Chinese name is text in the file, as are the dissolved ones' (crossed out).
		String joint = strings("orgsCreated").stream()
			.filter((id) -> "JOINT_BRANCH".equals(this.changes.get(id).get("kind")))
			.findFirst()
			.orElseThrow();
		assertThat(nodes.get(joint)).contains("瀏覽器測試聯合黨支部");
		for (String id : this.merged) {
			assertThat(nodes.get(id)).contains((String) this.changes.get(id).get("name"));
		}
		assertThat(text).contains("瀏覽器測試聯合黨支部");
	}

	// --- helpers

	private void openScenarioFromTheList() {
		open("chart.html");
		waitUntil("return [...document.getElementById('scenario').options].some((o) => o.value === arguments[0])", NAME);
		new Select(this.driver.findElement(By.id("scenario"))).selectByValue(NAME);
		waitUntil("return document.documentElement.dataset.scenarioSide === 'after'"
				+ " && document.documentElement.dataset.chartState === 'ready'");
		assertThat(this.driver.findElement(By.id("error")).isDisplayed()).as("error bar").isFalse();
	}

	private Object parentDrawn(String id) {
		return js("const e = chart.$id(arguments[0]).incomers('edge[kind=\"SUBORDINATE_TO\"]');"
				+ " return e.length === 1 ? e.source().id() : e.length + ' tree edges'", id);
	}

	@SuppressWarnings("unchecked")
	private List<String> strings(String key) {
		return (List<String>) this.report.get(key);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> list(String key) {
		return (List<Map<String, Object>>) this.report.get(key);
	}

}
