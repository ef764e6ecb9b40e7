package org.partygraph.api.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org chart's layout, checked on the drawn geometry (Cytoscape's rendered positions in the
 * page), not on node counts: each subtree keeps together, no two parent-child lines cross, the
 * co-management lines move nothing, and what the user asked for (a pattern's matches, a found org,
 * the root) is inside the window, at a readable zoom where the chart is too big to show whole.
 */
class ChartLayoutIT extends ChartPageTestBase {

	/**
	 * Geometry checks run in the page: {@code window.layoutCheck()} answers the broken subtrees
	 * (a node of the same depth inside the span of an org's descendants at that depth, along the
	 * breadth axis: y when the levels are columns, x when they are rows), the crossing pairs of tree
	 * edges (straight segments between rendered node centres), the overlapping org boxes and the
	 * children not beyond their parents; {@code window.outOfView(selector)} the ids of matching
	 * nodes whose drawn box is not inside the window.
	 */
	static final String GEOMETRY = """
			window.layoutCheck = () => {
			  const view = chartApp.view;
			  const levels = view.levels();
			  const sideways = !!view.sideways;
			  const orgs = chart.nodes('[type="org"]').filter((n) => levels.has(n.id()));
			  const at = (n) => n.renderedPosition();
			  const breadth = (n) => (sideways ? at(n).y : at(n).x);
			  const byDepth = new Map();
			  orgs.forEach((n) => {
			    const d = levels.get(n.id());
			    if (!byDepth.has(d)) byDepth.set(d, []);
			    byDepth.get(d).push(n);
			  });
			  const broken = [];
			  orgs.forEach((n) => {
			    const below = view.treeOf(n).nodes().difference(n);
			    const spans = new Map();
			    below.forEach((m) => {
			      const d = levels.get(m.id());
			      const b = breadth(m);
			      const s = spans.get(d) || { lo: b, hi: b, ids: new Set() };
			      s.lo = Math.min(s.lo, b); s.hi = Math.max(s.hi, b); s.ids.add(m.id());
			      spans.set(d, s);
			    });
			    spans.forEach((s, d) => byDepth.get(d).forEach((o) => {
			      const b = breadth(o);
			      if (!s.ids.has(o.id()) && b >= s.lo - 0.5 && b <= s.hi + 0.5) broken.push(n.id() + ' holds ' + o.id());
			    }));
			  });
			  const edges = chart.edges('[kind="SUBORDINATE_TO"]').filter((e) => levels.has(e.source().id()) && levels.has(e.target().id()));
			  const seg = edges.map((e) => ({ id: e.id(), a: at(e.source()), b: at(e.target()), s: e.source().id(), t: e.target().id() }));
			  const cross = (p, q, r) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
			  const crossing = [];
			  for (let i = 0; i < seg.length; i++) {
			    for (let j = i + 1; j < seg.length; j++) {
			      const u = seg[i], v = seg[j];
			      if (u.s === v.s || u.t === v.s || u.s === v.t) continue; // lines meeting at an org
			      const d1 = cross(u.a, u.b, v.a), d2 = cross(u.a, u.b, v.b), d3 = cross(v.a, v.b, u.a), d4 = cross(v.a, v.b, u.b);
			      if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) crossing.push(u.id + ' x ' + v.id);
			    }
			  }
			  const boxes = orgs.map((n) => ({ id: n.id(), b: n.renderedBoundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false }) }));
			  const overlapping = [];
			  for (let i = 0; i < boxes.length; i++) {
			    for (let j = i + 1; j < boxes.length; j++) {
			      const p = boxes[i].b, q = boxes[j].b;
			      if (p.x1 < q.x2 - 1 && q.x1 < p.x2 - 1 && p.y1 < q.y2 - 1 && q.y1 < p.y2 - 1) overlapping.push(boxes[i].id + ' / ' + boxes[j].id);
			    }
			  }
			  const backwards = edges.filter((e) => (sideways ? at(e.target()).x <= at(e.source()).x : at(e.target()).y <= at(e.source()).y)).map((e) => e.id());
			  return { orgs: orgs.length, edges: seg.length, sideways, broken: broken.slice(0, 20), crossing: crossing.slice(0, 20),
			    overlapping: overlapping.slice(0, 20), backwards };
			};
			window.outOfView = (selector) => {
			  const w = chart.width(), h = chart.height();
			  return chart.nodes(selector).filter((n) => {
			    const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
			    return b.x1 < -1 || b.y1 < -1 || b.x2 > w + 1 || b.y2 > h + 1;
			  }).map((n) => n.id());
			};
			""";

	@Test
	void compactLayoutKeepsEachSubtreeTogetherWithNoCrossingLines() {
		open("chart.html");
		assertTidyTree(true, 100);
		// Opened further (an org below the drawn depth), still a tidy tree.
		String id = (String) js("return chart.nodes('[type=\"org\"][hidden > 0]').first().id()");
		long before = number("return chart.nodes('[type=\"org\"]').length");
		js("chart.$id(arguments[0]).emit('dbltap')", id);
		waitUntil("return chart.nodes('[type=\"org\"]').length > arguments[0]", before);
		assertTidyTree(true, 100);
	}

	@Test
	void wideLayoutKeepsEachSubtreeTogetherWithNoCrossingLines() {
		open("chart.html");
		new Select(this.driver.findElement(By.id("layout"))).selectByValue("wide");
		assertTidyTree(false, 100);
		open("chart.html?root=o-t-hbt");
		new Select(this.driver.findElement(By.id("layout"))).selectByValue("wide");
		assertTidyTree(false, 30);
	}

	@Test
	void aTownshipsVillagesStayTogetherUnderTheirGeneralBranches() {
		// 下寨村's trade branches used to sit among 常家灣村's.
		open("chart.html?root=o-t-hbt&depth=3");
		assertTidyTree(true, 30);
	}

	@Test
	void coManagementLinesMoveNothing() {
		open("chart.html");
		assertThat(number("return chart.edges('[kind=\"CO_MANAGED_BY\"]').length")).isPositive();
		js("window.placed = Object.fromEntries(chart.nodes('[type=\"org\"]:not(.external)').map((n) => [n.id(), n.position()]))");
		js("chart.edges('[kind=\"CO_MANAGED_BY\"]').remove(); chartApp.view.layout()");
		assertThat(number("return chart.nodes('[type=\"org\"]:not(.external)').filter((n) => {"
				+ " const p = window.placed[n.id()]; return Math.abs(p.x - n.position('x')) > 0.5 || Math.abs(p.y - n.position('y')) > 0.5; }).length"))
			.as("orgs moved by the co-management lines")
			.isZero();
	}

	@Test
	void aLargeTownshipOpensReadableWithItsRootInView() {
		open("chart.html?root=o-t-hbt");
		long orgs = number("return chart.nodes('[type=\"org\"]').length");
		assertThat(orgs).isGreaterThan(40);
		assertReadableWithRootInView();
		// Scrolled away, 全圖 comes back to the same.
		js("chart.zoom(0.05); chart.pan({ x: -5000, y: -5000 })");
		this.driver.findElement(By.id("fit")).click();
		waitUntil("return !chart.animated()");
		assertReadableWithRootInView();
		screenshot("org-chart-township.png");
	}

	@Test
	void choosingAPatternBringsAllItsMatchesIntoView() {
		open("chart.html");
		installGeometry();
		js("chart.zoom(1.5); chart.pan({ x: -3000, y: -3000 })");
		assertThat(list("return outOfView('[type=\"org\"]')")).isNotEmpty();
		for (String pattern : List.of("ENTERPRISE_BASE", "VILLAGE_TRADE_BRANCH")) {
			new Select(this.driver.findElement(By.id("pattern"))).selectByValue("");
			waitUntil("return chart.nodes('.pattern-hit').length === 0"
					+ " && document.getElementById('pattern-info').dataset.instances === undefined");
			new Select(this.driver.findElement(By.id("pattern"))).selectByValue(pattern);
			// The pan starts as the matches are marked (pattern-info set), in the same task.
			waitUntil("return document.getElementById('pattern-info').dataset.instances !== undefined");
			waitUntil("return !chart.animated()");
			assertThat(number("return chart.nodes('.pattern-hit').length")).isPositive();
			assertThat(list("return outOfView('.pattern-hit')")).as(pattern + " matches out of view").isEmpty();
			js("chart.pan({ x: 4000, y: 4000 })");
		}
	}

	@Test
	void aFoundOrgIsSelectedInView() {
		open("chart.html");
		installGeometry();
		js("chart.pan({ x: 4000, y: -4000 })");
		js("chartApp.reveal('o-v-xz')");
		waitUntil("return chart.$id('o-v-xz').selected() && !chart.animated()");
		assertThat(list("return outOfView(':selected')")).isEmpty();
	}

	@Test
	void theLegendFoldsAndCoversNoPartOfTheChart() {
		open("chart.html");
		assertThat(js("return document.getElementById('legend').open")).isEqualTo(true);
		assertThat(number("const l = document.getElementById('legend').getBoundingClientRect();"
				+ " const c = document.getElementById('chart').getBoundingClientRect();"
				+ " return Math.max(0, Math.min(l.right, c.right) - Math.max(l.left, c.left))"
				+ " * Math.max(0, Math.min(l.bottom, c.bottom) - Math.max(l.top, c.top))"))
			.as("area of the chart under the legend")
			.isZero();
		this.driver.findElement(By.cssSelector("#legend summary")).click();
		assertThat(js("return document.getElementById('legend').open")).isEqualTo(false);
		assertThat(this.driver.findElement(By.id("legend-list")).isDisplayed()).isFalse();
		// Folded it stays folded, on the next visit too.
		open("chart.html");
		assertThat(js("return document.getElementById('legend').open")).isEqualTo(false);
		this.driver.findElement(By.cssSelector("#legend summary")).click();
		assertThat(js("return document.getElementById('legend').open")).isEqualTo(true);
	}

	// --- helpers

	private void installGeometry() {
		js(GEOMETRY);
	}

	private void assertReadableWithRootInView() {
		installGeometry();
		assertThat(((Number) js("return chart.zoom()")).doubleValue()).as("zoom").isGreaterThanOrEqualTo(0.5);
		assertThat(list("return outOfView('#' + chartApp.view.root)")).as("root out of view").isEmpty();
	}

	/** The drawn tree is a tidy tree: see {@link #GEOMETRY}. */
	@SuppressWarnings("unchecked")
	private void assertTidyTree(boolean sideways, int minOrgs) {
		installGeometry();
		Map<String, Object> check = (Map<String, Object>) js("return layoutCheck()");
		assertThat(check.get("sideways")).isEqualTo(sideways);
		assertThat(((Number) check.get("orgs")).intValue()).isGreaterThan(minOrgs);
		assertThat(((Number) check.get("edges")).intValue()).isEqualTo(((Number) check.get("orgs")).intValue() - 1);
		assertThat((List<String>) check.get("broken")).as("subtrees with another org inside their span").isEmpty();
		assertThat((List<String>) check.get("crossing")).as("crossing parent-child lines").isEmpty();
		assertThat((List<String>) check.get("overlapping")).as("overlapping orgs").isEmpty();
		assertThat((List<String>) check.get("backwards")).as("children not beyond their parents").isEmpty();
	}

	@SuppressWarnings("unchecked")
	private List<String> list(String script) {
		return (List<String>) js(script);
	}

}
