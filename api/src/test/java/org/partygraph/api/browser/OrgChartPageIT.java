package org.partygraph.api.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partygraph.api.MovedBranchCounty;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org-chart page (static/chart.html) in a real headless Chromium (Debian's chromium and
 * chromium-driver), against the running service, checked against the GraphQL API it draws.
 */
class OrgChartPageIT extends ChartPageTestBase {

	private static final String ROOT = "o-county";

	private static final int DEPTH = 3;

	private static final String PAST_DATASET = "圖過去測試";

	private static final String GONE_DATASET = "圖散測試";

	@Autowired
	private Driver neo4j;

	@Test
	void drawsTheSampleCountyWithAsManyOrgsAsOrgChart() {
		open("chart.html");
		List<Boolean> units = this.graphQl
			.document("{ orgChart(root: \"" + ROOT + "\", depth: " + DEPTH + ", units: false) { nodes { unit } } }")
			.execute()
			.path("orgChart.nodes[*].unit")
			.entityList(Boolean.class)
			.get();
		long orgs = units.stream().filter((unit) -> !unit).count();
		assertThat(orgs).isGreaterThan(100);
		assertThat(number("return chart.nodes('[type=\"org\"]').length")).isEqualTo(orgs);
		assertThat(number("return chart.edges('[kind=\"SUBORDINATE_TO\"]').length")).isEqualTo(orgs - 1);
		assertThat(this.driver.findElement(By.id("root-name")).getText()).contains("中共懷仁縣委");
		assertThat(this.driver.findElement(By.id("error")).isDisplayed()).isFalse();
		// Collapsed below depth 3: orgs at depth 3 with sub-orgs show how many are not drawn.
		assertThat(number("return chart.nodes('[type=\"org\"][hidden > 0]').length")).isPositive();
		screenshot("org-chart.png");
	}

	@Test
	void theLabelsFollowTheBrowsersLanguage() {
		// The browser's own language here is English: the labels are English only.
		open("chart.html");
		assertThat(js("return document.documentElement.lang")).isEqualTo("en");
		assertThat(text("heading")).isEqualTo("Org chart");
		assertThat(this.driver.getTitle()).isEqualTo("Org chart · party-graph");
		assertThat(this.driver.findElement(By.id("search")).getAttribute("placeholder")).isEqualTo("Search org names");
		assertThat((String) js("return document.getElementById('legend-list').textContent"))
			.contains("county committee", "co-managed by").doesNotContain("縣委", "共同管理");
		assertThat(text("root-name")).containsPattern("\\d+ orgs · \\d+ rule breaks");
		// An org's label counts its members in the page's language (#19).
		waitUntil("return (chart.$id('" + ROOT + "').data('display') || '').includes('\\n')");
		assertThat((String) js("return chart.$id('" + ROOT + "').data('display')")).containsPattern("\n\\d+ members")
			.doesNotContain("人");
		String agent = (String) js("return navigator.userAgent");
		try {
			// zh-CN: simplified Chinese only; zh-HK: traditional only (names as stored).
			language(agent, "zh-CN,zh;q=0.9,en;q=0.5");
			open("chart.html");
			assertThat(js("return document.documentElement.lang")).isEqualTo("zh-Hans");
			assertThat(text("heading")).isEqualTo("组织架构图");
			assertThat(this.driver.getTitle()).isEqualTo("组织架构图 · party-graph");
			assertThat(this.driver.findElement(By.id("search")).getAttribute("placeholder")).isEqualTo("搜索组织名称");
			assertThat(this.driver.findElement(By.id("fit")).getText()).isEqualTo("⤢ 全图");
			assertThat((String) js("return document.getElementById('legend-list').textContent"))
				.contains("县委", "共同管理", "派驻第一书记", "流动党员").doesNotContain("county committee", "縣委");
			assertThat(text("root-name")).contains("中共懷仁縣委").containsPattern("\\d+个组织 · \\d+处违规");
			waitUntil("return (chart.$id('" + ROOT + "').data('display') || '').includes('\\n')");
			assertThat((String) js("return chart.$id('" + ROOT + "').data('display')")).containsPattern("\n\\d+人")
				.doesNotContain("members");
			this.driver.findElement(By.id("search")).sendKeys("qqqzzz");
			new WebDriverWait(this.driver, Duration.ofSeconds(30), POLL)
				.until((d) -> d.findElement(By.id("search-results")).getText().contains("找不到“qqqzzz”"));
			// The side panel too: with no org chosen, then an org's details (#19), names as stored.
			waitUntil("return document.getElementById('terms-due-list') !== null");
			assertThat(text("panel-body")).contains("点击组织查看详情", "本图违规（", "换届到期")
				.doesNotContain("rule breaks", "換屆", "Click an org");
			js("chart.$id('" + ROOT + "').emit('tap')");
			new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
				.until((d) -> d.findElements(By.id("panel-full-count")).size() == 1);
			assertThat(text("panel-body")).contains("中共懷仁縣委", "县委", "上级", "党员", "正式", "书记", "第一书记",
				"发展党员", "入党积极分子", "发展对象", "预备党员", "流动党员", "展开/收起", "以此为根")
				.doesNotContain("members", "parent", "first secretary", "county committee", "黨員");
			language(agent, "zh-HK");
			open("chart.html");
			assertThat(js("return document.documentElement.lang")).isEqualTo("zh-Hant");
			assertThat(text("heading")).isEqualTo("組織架構圖");
			assertThat((String) js("return document.getElementById('legend-list').textContent"))
				.contains("縣委", "派駐第一書記", "流動黨員").doesNotContain("county committee", "县委");
		}
		finally {
			this.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
			this.driver.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", "en-US,en;q=0.9"));
		}
	}

	/** Makes the browser ask for this language (its Accept-Language header) from now on. */
	private void language(String agent, String acceptLanguage) {
		this.driver.executeCdpCommand("Network.enable", Map.of());
		this.driver.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", acceptLanguage));
		this.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", acceptLanguage)));
	}

	@Test
	void theWideLayoutDrawsTheSameOrgs() {
		open("chart.html");
		long orgs = number("return chart.nodes('[type=\"org\"]').length");
		String before = (String) js("return JSON.stringify(chart.$id('o-v-xz').position())");
		new Select(this.driver.findElement(By.id("layout"))).selectByValue("wide");
		assertThat(number("return chart.nodes('[type=\"org\"]').length")).isEqualTo(orgs);
		assertThat(js("return JSON.stringify(chart.$id('o-v-xz').position())")).isNotEqualTo(before);
		// Top-down: every org lies below its parent.
		assertThat(number("return chart.edges('[kind=\"SUBORDINATE_TO\"]')"
				+ ".filter((e) => e.target().position('y') <= e.source().position('y')).length")).isZero();
	}

	@Test
	void theSitePathShowsTheChart() {
		this.driver.get(base() + "/");
		waitUntil("return document.documentElement.dataset.chartState === 'ready'");
		assertThat(this.driver.getCurrentUrl()).contains("/chart.html");
	}

	@Test
	void rootComesFromTheUrl() {
		open("chart.html?root=o-t-hbt&depth=1");
		List<Boolean> units = this.graphQl.document("{ orgChart(root: \"o-t-hbt\", depth: 1, units: false) { nodes { unit } } }")
			.execute()
			.path("orgChart.nodes[*].unit")
			.entityList(Boolean.class)
			.get();
		assertThat(number("return chart.nodes('[type=\"org\"]').length"))
			.isEqualTo(units.stream().filter((unit) -> !unit).count());
		assertThat(this.driver.findElement(By.id("root-name")).getText()).contains("海北頭鄉黨委");
	}

	@Test
	void coManagedByIsDrawnDashedForAnEnterpriseOrg() {
		open("chart.html");
		List<String> coManagers = this.graphQl.document("{ org(id: \"o-e-01\") { coManagers { id } } }")
			.execute()
			.path("org.coManagers[*].id")
			.entityList(String.class)
			.get();
		assertThat(coManagers).isNotEmpty();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> edges = (List<Map<String, Object>>) js(
				"return chart.edges('[kind=\"CO_MANAGED_BY\"][source=\"o-e-01\"]')"
						+ ".map((e) => ({ target: e.target().id(), lineStyle: e.style('line-style') }))");
		assertThat(edges).extracting((e) -> e.get("target")).containsExactlyInAnyOrderElementsOf(coManagers);
		assertThat(edges).extracting((e) -> e.get("lineStyle")).containsOnly("dashed");
		assertThat(js("return chart.edges('[kind=\"SUBORDINATE_TO\"]').first().style('line-style')")).isEqualTo("solid");
	}

	@Test
	void clickingAnOrgShowsItsDetailsAndMoreMembers() {
		open("chart.html");
		Map<String, Object> org = this.graphQl
			.document("{ org(id: \"o-e-01\") { name memberCount fullMemberCount members(first: 1) { totalCount } } }")
			.execute()
			.path("org")
			.entity(Map.class)
			.get();
		js("chart.$id('o-e-01').emit('tap')");
		new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
			.until((d) -> d.findElements(By.id("panel-name")).stream().anyMatch((e) -> e.getText().equals(org.get("name"))));
		assertThat(text("panel-member-count")).isEqualTo(String.valueOf(org.get("memberCount")));
		assertThat(text("panel-full-count")).isEqualTo(String.valueOf(org.get("fullMemberCount")));
		int total = ((Number) ((Map<?, ?>) org.get("members")).get("totalCount")).intValue();
		assertThat(total).isGreaterThan(20);
		assertThat(this.driver.findElements(By.cssSelector("#panel-members li"))).hasSize(20);
		this.driver.findElement(By.id("panel-more")).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
			.until((d) -> d.findElements(By.cssSelector("#panel-members li")).size() == Math.min(40, total));
		screenshot("org-chart-details.png");
	}

	/** Issue #21: the chart draws a first secretary's dispatch as a DISPATCH edge from the sending org; the panel names a village's first secretary (第一書記), since when and sent by whom, and shows its development pipeline (發展黨員) as the API counts it. */
	@Test
	void sidePanelShowsAVillagesFirstSecretary() {
		Map<String, Object> member = this.graphQl
			.document("{ org(id: \"o-e-01\") { name members(first: 1) { edges { node { id name } } } } }")
			.execute()
			.path("org.members.edges[0].node")
			.entity(Map.class)
			.get();
		String enterprise = this.graphQl.document("{ org(id: \"o-e-01\") { name } }").execute().path("org.name")
			.entity(String.class).get();
		String today = java.time.LocalDate.now().toString();
		this.graphQl.document("mutation { dispatchFirstSecretary(member: \"" + member.get("id")
				+ "\", village: \"o-v-emk-06\", from: \"" + today + "\") { errors { message } } }")
			.execute()
			.path("dispatchFirstSecretary.errors").entityList(Object.class).hasSize(0);
		// The pipeline row shows the village's counts, the applicant recorded before opening among them.
		this.graphQl.document("mutation { applyForMembership(input: {id: \"c-chart-1\", name: \"申請人甲\", org: \"o-v-emk-06\"}) { errors { message } } }")
			.execute()
			.path("applyForMembership.errors").entityList(Object.class).hasSize(0);
		Map<String, Object> pipeline = this.graphQl
			.document("{ org(id: \"o-v-emk-06\") { pipeline { applicants activists developmentTargets probationers } } }")
			.execute()
			.path("org.pipeline")
			.entity(Map.class)
			.get();
		assertThat(((Number) pipeline.get("applicants")).intValue()).isPositive();
		open("chart.html");
		// The dispatch is drawn as its own kind of edge, from the sending org to the village.
		assertThat(js("const e = chart.$id('DISPATCH:o-e-01>o-v-emk-06'); return e.nonempty()"
				+ " ? [e.data('count'), e.style('line-style'), e.style('target-arrow-shape')].join(' ') : 'none'"))
			.isEqualTo("1 dashed triangle");
		js("chart.$id('o-v-emk-06').emit('tap')");
		new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
			.until((d) -> d.findElements(By.cssSelector("#panel-first-secretaries li")).size() == 1);
		assertThat(text("panel-first-secretaries")).contains((String) member.get("name"), "from " + today,
				enterprise);
		new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
			.until((d) -> d.findElements(By.cssSelector("#panel-pipeline [data-stage='applicants'] b")).size() == 1);
		for (String stage : List.of("applicants", "activists", "developmentTargets", "probationers")) {
			assertThat(this.driver.findElement(By.cssSelector("#panel-pipeline [data-stage='" + stage + "'] b")).getText())
				.as(stage)
				.isEqualTo(String.valueOf(pipeline.get(stage)));
		}
		// An org with none shows a dash.
		js("chart.$id('o-e-01').emit('tap')");
		new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
			.until((d) -> d.findElements(By.id("panel-name")).stream().anyMatch((e) -> e.getText().equals(enterprise)));
		assertThat(text("panel-first-secretaries")).isEqualTo("—");
	}

	/**
	 * Issue #21: members away (流動黨員) are AWAY edges from the home org to the org they flow in at,
	 * one per pair counting the members away there today, as Org.flowingIn lists them; drawn in
	 * their own style over the tree and in the legend; the panel counts an org's members away and
	 * flowing in as Org.membersAway and Org.flowingIn list them.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void membersAwayAreDrawnAsAwayEdgesAndCountedInThePanel() {
		List<Map<String, Object>> nodes = this.graphQl
			.document("{ orgChart(root: \"" + ROOT + "\", depth: " + DEPTH + ", units: false) { nodes { id unit external } } }")
			.execute()
			.path("orgChart.nodes")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		Set<String> drawn = new HashSet<>();
		List<String> inTree = new java.util.ArrayList<>();
		for (Map<String, Object> n : nodes) {
			if (!(Boolean) n.get("unit")) {
				drawn.add((String) n.get("id"));
				if (!(Boolean) n.get("external")) {
					inTree.add((String) n.get("id"));
				}
			}
		}
		// What the API lists of each drawn org: its members flowing in (with their home) and away.
		Map<String, Set<String>> pairs = new java.util.TreeMap<>();
		Map<String, int[]> mobile = new java.util.HashMap<>();
		for (int i = 0; i < inTree.size(); i += 20) {
			StringBuilder document = new StringBuilder("{");
			List<String> chunk = inTree.subList(i, Math.min(i + 20, inTree.size()));
			for (int j = 0; j < chunk.size(); j++) {
				document.append(" o").append(j).append(": org(id: \"").append(chunk.get(j))
					.append("\") { id flowingIn { member { id } home { id } } membersAway { from } }");
			}
			Map<String, Object> data = this.graphQl.document(document.append(" }").toString())
				.execute()
				.returnResponse()
				.getData();
			for (Object value : data.values()) {
				Map<String, Object> org = (Map<String, Object>) value;
				List<Map<String, Object>> in = (List<Map<String, Object>>) org.get("flowingIn");
				mobile.put((String) org.get("id"), new int[] { ((List<?>) org.get("membersAway")).size(), in.size() });
				for (Map<String, Object> a : in) {
					String home = (String) ((Map<String, Object>) a.get("home")).get("id");
					if (drawn.contains(home)) {
						pairs.computeIfAbsent(home + ">" + org.get("id"), (k) -> new HashSet<>())
							.add((String) ((Map<String, Object>) a.get("member")).get("id"));
					}
				}
			}
		}
		List<String> expected = pairs.entrySet().stream().map((e) -> e.getKey() + " " + e.getValue().size()).toList();
		assertThat(expected).as("the sample county's members away between drawn orgs").hasSizeGreaterThan(3);
		List<String> api = this.graphQl
			.document("{ orgChart(root: \"" + ROOT + "\", depth: " + DEPTH + ", units: false) { edges { source target kind count } } }")
			.execute()
			.path("orgChart.edges")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get()
			.stream()
			.filter((e) -> "AWAY".equals(e.get("kind")))
			.map((e) -> e.get("source") + ">" + e.get("target") + " " + e.get("count"))
			.toList();
		assertThat(api).containsExactlyInAnyOrderElementsOf(expected);
		open("chart.html");
		List<String> page = ((List<Object>) js("return chart.edges('[kind=\"AWAY\"]')"
				+ ".map((e) => e.source().id() + '>' + e.target().id() + ' ' + e.data('count'))"))
			.stream()
			.map(String::valueOf)
			.toList();
		assertThat(page).containsExactlyInAnyOrderElementsOf(expected);
		// Its own style, labelled with the count, and the layout's tree does not include it.
		String first = expected.get(0);
		String id = "AWAY:" + first.substring(0, first.indexOf(' '));
		assertThat(js("const e = chart.$id(arguments[0]); return [e.style('line-style'), e.style('target-arrow-shape'),"
				+ " e.style('label'), e.style('line-color')].join(' ')", id))
			.isEqualTo("dashed vee " + first.substring(first.indexOf(' ') + 1) + " rgb(0,137,123)");
		assertThat(js("return document.querySelector('#legend-list li[data-key=\"chart.membersAway\"]').textContent"))
			.asString().contains("members away");
		// The panel of the org with the most members flowing in: its counts as the API lists them.
		String host = mobile.entrySet().stream().max(java.util.Comparator.comparingInt((e) -> e.getValue()[1])).get().getKey();
		String homeOrg = mobile.entrySet().stream().max(java.util.Comparator.comparingInt((e) -> e.getValue()[0])).get().getKey();
		for (String org : List.of(host, homeOrg)) {
			js("chart.$id(arguments[0]).emit('tap')", org);
			new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL).until((d) -> d.findElements(By.id("panel-away")).size() == 1
					&& org.equals(((org.openqa.selenium.JavascriptExecutor) d)
						.executeScript("return document.querySelector('#panel .id') && document.querySelector('#panel .id').textContent")));
			assertThat(text("panel-away") + " / " + text("panel-flowing-in")).as(org)
				.isEqualTo(mobile.get(org)[0] + " / " + mobile.get(org)[1]);
		}
		assertThat(mobile.get(host)[1]).isPositive();
		assertThat(mobile.get(homeOrg)[0]).isPositive();
	}

	@Test
	void sidePanelListsTheOrgsRuleBreaks() {
		open("chart.html");
		List<String> rules = this.graphQl.document("{ complianceIssues(within: \"" + ROOT + "\") { orgId rule } }")
			.execute()
			.path("complianceIssues")
			.entityList(Map.class)
			.get()
			.stream()
			.filter((issue) -> "o-v-emk-06".equals(issue.get("orgId")))
			.map((issue) -> (String) issue.get("rule"))
			.toList();
		assertThat(rules).isNotEmpty();
		assertThat(number("return chart.$id('o-v-emk-06').data('issues')")).isEqualTo(rules.size());
		assertThat(js("return chart.$id('o-v-emk-06').style('border-color')")).isEqualTo("rgb(224,0,0)");
		js("chart.$id('o-v-emk-06').emit('tap')");
		new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
			.until((d) -> !d.findElements(By.cssSelector("#panel-issues li")).isEmpty());
		String issues = text("panel-issues");
		rules.forEach((rule) -> assertThat(issues).contains(rule));
	}

	@Test
	void badgesEveryOrgWithRuleBreaks() {
		open("chart.html");
		List<String> orgIds = this.graphQl.document("{ complianceIssues(within: \"" + ROOT + "\") { orgId } }")
			.execute()
			.path("complianceIssues[*].orgId")
			.entityList(String.class)
			.get();
		@SuppressWarnings("unchecked")
		List<String> drawn = (List<String>) js("return chart.nodes('[type=\"org\"]').map((n) => n.id())");
		Set<String> expected = new HashSet<>(orgIds);
		expected.retainAll(new HashSet<>(drawn));
		@SuppressWarnings("unchecked")
		List<String> badged = (List<String>) js("return chart.nodes('[issues > 0]').map((n) => n.id())");
		assertThat(badged).containsExactlyInAnyOrderElementsOf(expected);
		// With no org chosen, the side panel lists them all.
		assertThat(this.driver.findElements(By.cssSelector("#chart-issues li"))).hasSize(orgIds.size());
	}

	@Test
	void searchFindsAndSelectsTheVillageGeneralBranch() {
		open("chart.html");
		WebElement search = this.driver.findElement(By.id("search"));
		search.sendKeys("下寨村");
		WebElement result = new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
			.until((d) -> d.findElements(By.cssSelector("#search-results li[data-id='o-v-xz']"))
				.stream()
				.filter(WebElement::isDisplayed)
				.findFirst()
				.orElse(null));
		assertThat(result.getText()).contains("下寨村黨總支");
		result.click();
		waitUntil("return chart.$id('o-v-xz').selected()");
		new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
			.until((d) -> d.findElements(By.id("panel-name")).stream().anyMatch((e) -> e.getText().equals("下寨村黨總支")));
		screenshot("org-chart-search.png");
	}

	@Test
	void searchFindsATraditionalNameBySimplifiedInputAndByPinyin() {
		open("chart.html");
		WebElement search = this.driver.findElement(By.id("search"));
		for (String typed : List.of("下寨村党总支", "xiazhaicundangzong")) {
			search.clear();
			search.sendKeys(typed);
			WebElement result = new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
				.until((d) -> d.findElements(By.cssSelector("#search-results li[data-id='o-v-xz']"))
					.stream()
					.filter(WebElement::isDisplayed)
					.findFirst()
					.orElse(null));
			assertThat(result.getText()).as(typed).contains("下寨村黨總支");
		}
	}

	@Test
	void searchLoadsAnOrgBelowTheDrawnDepth() {
		open("chart.html");
		// Industry-chain party groups sit at depth 4 under cooperative branches: not drawn at first.
		Set<String> deep = new HashSet<>(this.graphQl
			.document("{ orgChart(root: \"" + ROOT + "\", units: false) { nodes { id depth } } }")
			.execute()
			.path("orgChart.nodes[?(@.depth > " + DEPTH + ")].id")
			.entityList(String.class)
			.get());
		this.driver.findElement(By.id("search")).sendKeys("養殖產業鏈黨小組");
		WebElement result = new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
			.until((d) -> d.findElements(By.cssSelector("#search-results li[data-id]"))
				.stream()
				.filter((li) -> li.isDisplayed() && deep.contains(li.getDomAttribute("data-id")))
				.findFirst()
				.orElse(null));
		String id = result.getDomAttribute("data-id");
		assertThat(number("return chart.$id(arguments[0]).length", id)).isZero();
		result.click();
		waitUntil("return chart.$id(arguments[0]).length === 1 && chart.$id(arguments[0]).selected()", id);
		// Drawn under its parent, which was opened for it.
		String parent = this.graphQl.document("{ org(id: \"" + id + "\") { parent { id } } }")
			.execute()
			.path("org.parent.id")
			.entity(String.class)
			.get();
		assertThat(js("return chart.$id(arguments[0]).incomers('edge[kind=\"SUBORDINATE_TO\"]').source().id()", id))
			.isEqualTo(parent);
	}

	@Test
	void searchOutsideTheDrawnTreeRedrawsFromTheOrgsTop() {
		open("chart.html");
		this.driver.findElement(By.id("search")).sendKeys("上寨村黨總支");
		new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL)
			.until((d) -> d.findElements(By.cssSelector("#search-results li[data-id='s-o-xz']"))
				.stream()
				.filter(WebElement::isDisplayed)
				.findFirst()
				.orElse(null))
			.click();
		waitUntil("return chart.$id('s-o-xz').length === 1 && chart.$id('s-o-xz').selected()");
		assertThat(text("root-name")).contains("中共小縣委");
		assertThat(this.driver.getCurrentUrl()).contains("root=s-o-county");
		assertThat(number("return chart.$id('o-county').length")).isZero();
	}

	@Test
	void doubleClickOpensAndClosesAnOrg() {
		open("chart.html");
		String id = (String) js("return chart.nodes('[type=\"org\"][hidden > 0]').first().id()");
		long children = number("return chart.$id(arguments[0]).data('childCount')", id);
		assertThat(number("return chart.$id(arguments[0]).outgoers('edge[kind=\"SUBORDINATE_TO\"]').length", id)).isZero();
		js("chart.$id(arguments[0]).emit('dbltap')", id);
		waitUntil("return chart.$id(arguments[0]).outgoers('edge[kind=\"SUBORDINATE_TO\"]').length === arguments[1]", id, children);
		assertThat(number("return chart.$id(arguments[0]).data('hidden')", id)).isZero();
		js("chart.$id(arguments[0]).emit('dbltap')", id);
		waitUntil("return chart.$id(arguments[0]).outgoers('edge[kind=\"SUBORDINATE_TO\"]').length === 0", id);
		assertThat(number("return chart.$id(arguments[0]).data('hidden')", id)).isEqualTo(children);
	}

	@Test
	void patternFilterHighlightsTheEnterpriseBaseInstances() {
		open("chart.html");
		List<String> instances = this.graphQl
			.document("{ patternInstances(pattern: ENTERPRISE_BASE, within: \"" + ROOT + "\") { orgId } }")
			.execute()
			.path("patternInstances[*].orgId")
			.entityList(String.class)
			.get();
		assertThat(instances).hasSize(15);
		new Select(this.driver.findElement(By.id("pattern"))).selectByValue("ENTERPRISE_BASE");
		waitUntil("return chart.nodes('.pattern-hit').length === 15");
		@SuppressWarnings("unchecked")
		List<String> hits = (List<String>) js("return chart.nodes('.pattern-hit').map((n) => n.id())");
		assertThat(hits).containsExactlyInAnyOrderElementsOf(instances);
		assertThat(this.driver.findElement(By.id("pattern-info")).getText()).contains("15");
		screenshot("org-chart-pattern.png");
		new Select(this.driver.findElement(By.id("pattern"))).selectByValue("");
		waitUntil("return chart.nodes('.pattern-hit').length === 0 && chart.nodes('.faded').length === 0");
	}

	@Test
	void unitsAreDrawnBesideTheirOrgsOnRequest() {
		open("chart.html");
		assertThat(number("return chart.nodes('[type=\"unit\"]').length")).isZero();
		this.driver.findElement(By.id("units")).click();
		waitUntil("return chart.nodes('[type=\"unit\"]').length > 0");
		List<String> units = this.graphQl.document("{ org(id: \"o-e-01\") { units { id } } }")
			.execute()
			.path("org.units[*].id")
			.entityList(String.class)
			.get();
		@SuppressWarnings("unchecked")
		List<String> drawn = (List<String>) js(
				"return chart.$id('o-e-01').outgoers('edge[kind=\"SET_UP_IN\"]').targets().map((n) => n.id())");
		assertThat(drawn).containsExactlyInAnyOrderElementsOf(units);
		assertThat(number("return chart.nodes('[type=\"unit\"]').filter((u) => u.indegree() === 0).length")).isZero();
		js("chartApp.view.focus('o-e-01')");
		screenshot("org-chart-units.png");
		this.driver.findElement(By.id("units")).click();
		waitUntil("return chart.nodes('[type=\"unit\"]').length === 0");
	}

	@Test
	void exportsPng() {
		open("chart.html");
		this.driver.findElement(By.id("export-all")).click();
		waitUntil("return !!window.lastExport");
		assertThat(js("return window.lastExport.type")).isEqualTo("image/png");
		assertThat(number("return window.lastExport.size")).isGreaterThan(1000);
		assertThat((String) js("return window.lastExport.url")).startsWith("blob:");
		assertThat((String) js("return chart.png({ full: false })")).startsWith("data:image/png;base64,");
	}

	@Test
	void exportsSvgWithANodeGroupAndLabelPerDrawnNode() {
		open("chart.html");
		Map<String, String> nodes = svgNodes(parseXml(exportSvg()));
		@SuppressWarnings("unchecked")
		List<String> drawn = (List<String>) js("return chart.nodes(':visible').map((n) => n.id())");
		assertThat(nodes.keySet()).containsExactlyInAnyOrderElementsOf(drawn);
		String rootName = this.graphQl.document("{ org(id: \"" + ROOT + "\") { name } }")
			.execute()
			.path("org.name")
			.entity(String.class)
			.get();
		assertThat(nodes.get(ROOT)).contains(rootName);
		// Every node's label is text in the file, wrapped as drawn: its name with the line breaks taken out.
		@SuppressWarnings("unchecked")
		Map<String, String> names = (Map<String, String>) js(
				"return Object.fromEntries(chart.nodes(':visible').map((n) => [n.id(), n.data('name')]))");
		names.forEach((id, name) -> assertThat(nodes.get(id)).as(id).contains(name));
	}

	@Test
	void anUnknownRootIsAClearError() {
		open("chart.html?root=no-such-org", "error");
		WebElement error = this.driver.findElement(By.id("error"));
		assertThat(error.isDisplayed()).isTrue();
		assertThat(error.getText()).contains("no-such-org");
	}

	/**
	 * A county imported 30 days ago whose branch moved 10 days ago: the chart of its first township
	 * as of 20 days ago draws the branch under it (as orgChart with asOf answers), says which day it
	 * shows, and the branch's panel lists its history up to that day only (not the later move); back to today the branch
	 * is gone from that township.
	 */
	@Test
	void aPastDayDrawsTheStructureAsItStoodThatDay() {
		LocalDate today = pastCounty();
		String past = today.minusDays(20).toString();
		List<String> expected = this.graphQl
			.document("{ orgChart(root: \"cp-t1\", asOf: \"" + past + "\") { nodes { id unit } } }")
			.execute()
			.path("orgChart.nodes[?(@.unit == false)].id")
			.entityList(String.class)
			.get();
		assertThat(expected).containsExactlyInAnyOrder("cp-t1", "cp-b1");
		open("chart.html?root=cp-t1&asOf=" + past);
		assertThat(strings("return chart.nodes('[type=\"org\"]').map((n) => n.id())"))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(this.driver.findElement(By.id("as-of-bar")).getText()).contains(past);
		assertThat(this.driver.findElement(By.id("as-of")).getAttribute("value")).isEqualTo(past);
		assertThat(this.driver.findElement(By.id("pattern")).isEnabled()).as("patterns are today's").isFalse();
		js("chart.$id('cp-b1').emit('tap')");
		waitUntil("return document.getElementById('panel-history') !== null");
		// Its history holds the move (10 days ago); up to the day drawn, nothing yet.
		assertThat(this.graphQl.document("{ org(id: \"cp-b1\") { history { kind } } }")
			.execute()
			.path("org.history[*].kind")
			.entityList(String.class)
			.get()).containsExactly("MOVED");
		assertThat(this.driver.findElements(By.cssSelector("#panel-history li"))).isEmpty();
		assertThat(text("panel-as-of")).contains(past);
		assertThat(text("panel-member-count")).isEqualTo("1");
		this.driver.findElement(By.id("as-of-today")).click();
		waitUntil("return !document.documentElement.dataset.asOf && document.documentElement.dataset.chartState === 'ready'");
		assertThat(strings("return chart.nodes('[type=\"org\"]').map((n) => n.id())")).containsExactly("cp-t1");
		assertThat(this.driver.findElement(By.id("as-of-bar")).isDisplayed()).isFalse();
		assertThat(this.driver.getCurrentUrl()).doesNotContain("asOf");
	}

	/**
	 * An org dissolved since (the county's branch, moved to the second township 10 days ago and
	 * dissolved yesterday): the second township's chart as of 5 days ago draws it, and its panel says
	 * it was dissolved since and lists its history up to that day, read as of the day.
	 */
	@Test
	void anOrgDissolvedSinceShowsItsHistoryOfThatDay() {
		LocalDate today = MovedBranchCounty.ensure(this.importer, this.exporter, this.graphQl, GONE_DATASET, "cg", "散");
		this.graphQl.document("mutation($on: Date) { dissolveOrg(id: \"cg-b1\", membersTo: \"cg-t2\", on: $on) { errors { message } } }")
			.variable("on", today.minusDays(1).toString())
			.execute()
			.path("dissolveOrg.errors")
			.entityList(Object.class)
			.hasSize(0);
		String past = today.minusDays(5).toString();
		open("chart.html?root=cg-t2&asOf=" + past);
		assertThat(strings("return chart.nodes('[type=\"org\"]').map((n) => n.id())")).containsExactlyInAnyOrder("cg-t2",
				"cg-b1");
		js("chart.$id('cg-b1').emit('tap')");
		waitUntil("return document.getElementById('panel-history') !== null");
		assertThat(text("panel-as-of")).contains(past).contains("dissolved since");
		assertThat(this.driver.findElements(By.cssSelector("#panel-history li"))).singleElement()
			.satisfies((li) -> assertThat(li.getText()).contains("MOVED"));
	}

	/**
	 * With no org chosen, the panel lists the elections due within six months, as termsDue does, a
	 * page at a time (here pages of 3, ?duePage=3): "more" loads the next page after the last shown
	 * until none is left.
	 */
	@Test
	void thePanelListsTheElectionsDue() {
		open("chart.html?duePage=3");
		waitUntil("return document.querySelectorAll('#terms-due-list li').length > 0");
		String before = (String) js("return document.getElementById('terms-due').dataset.before");
		List<String> due = this.graphQl
			.document("{ termsDue(within: \"" + ROOT + "\", before: \"" + before + "\", first: 1000) { id } }")
			.execute()
			.path("termsDue[*].id")
			.entityList(String.class)
			.get();
		assertThat(due).hasSizeGreaterThan(3);
		String shown = "return [...document.querySelectorAll('#terms-due-list li')].map((li) => li.dataset.id)";
		assertThat(strings(shown)).isEqualTo(due.subList(0, 3));
		for (int pages = 1; this.driver.findElement(By.id("terms-due-more")).isDisplayed(); pages++) {
			assertThat(pages).as("pages of 3 for %s due", due.size()).isLessThanOrEqualTo((due.size() + 2) / 3);
			this.driver.findElement(By.id("terms-due-more")).click();
			waitUntil("return document.querySelectorAll('#terms-due-list li').length >= arguments[0]",
					Math.min(due.size(), 3 * (pages + 1)));
			waitUntil("return !document.getElementById('terms-due-more').disabled");
		}
		assertThat(strings(shown)).isEqualTo(due);
		assertThat(this.driver.findElement(By.cssSelector("#terms-due h3")).getText()).contains(String.valueOf(due.size()));
		// each is a link that opens the org
		this.driver.findElement(By.cssSelector("#terms-due-list li a")).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL).until((d) -> !d.findElements(By.id("panel-name")).isEmpty());
		assertThat(text("panel-name")).isNotBlank();
	}

	/** The county of the past tests ({@link MovedBranchCounty}, ids cp-…); today. */
	private LocalDate pastCounty() {
		return MovedBranchCounty.ensure(this.importer, this.exporter, this.graphQl, PAST_DATASET, "cp", "圖");
	}

	/**
	 * "Changes since then" on a past day draws compareDays as a scenario is drawn: the bar's count of
	 * orgs moved is the report's, the moved branch is marked, and the URL keeps the view.
	 */
	@Test
	void changesSinceAPastDayAreDrawnAsAScenario() {
		LocalDate today = pastCounty();
		String past = today.minusDays(20).toString();
		List<Boolean> moved = this.graphQl
			.document("{ compareDays(within: \"cp-county\", from: \"" + past + "\", to: \"" + today
					+ "\") { orgChanges { orgId moved } } }")
			.execute()
			.path("compareDays.orgChanges[*].moved")
			.entityList(Boolean.class)
			.get();
		long movedCount = moved.stream().filter((m) -> m).count();
		assertThat(movedCount).isEqualTo(1);
		open("chart.html?root=cp-county&asOf=" + past);
		this.driver.findElement(By.id("changes-since")).click();
		waitUntil("return document.documentElement.dataset.chartState === 'ready'"
				+ " && !document.getElementById('scenario-bar').hidden");
		assertThat(text("scenario-orgs-moved")).isEqualTo(String.valueOf(movedCount));
		assertThat(text("scenario-name")).contains(past);
		assertThat(js("return chart.$id('cp-b1').hasClass('sc-moved')")).isEqualTo(true);
		assertThat(this.driver.getCurrentUrl()).contains("since=" + past).doesNotContain("until=");
		// until a day before the move (10 days ago): the same control compares the two past days
		String until = today.minusDays(15).toString();
		js("document.getElementById('changes-until').value = arguments[0]", until);
		this.driver.findElement(By.id("changes-since")).click();
		waitUntil("return document.documentElement.dataset.chartState === 'ready'"
				+ " && document.getElementById('scenario-name').textContent.includes('" + until + "')");
		assertThat(text("scenario-orgs-moved")).isEqualTo("0");
		assertThat(js("return chart.$id('cp-b1').hasClass('sc-moved')")).isEqualTo(false);
		assertThat(this.driver.getCurrentUrl()).contains("since=" + past).contains("until=" + until);
		// a reload of that address draws the same comparison
		open("chart.html?root=cp-county&since=" + past + "&until=" + until);
		waitUntil("return document.documentElement.dataset.chartState === 'ready'"
				+ " && !document.getElementById('scenario-bar').hidden");
		assertThat(text("scenario-name")).contains(past).contains(until);
	}

	private List<String> strings(String script) {
		return ((List<?>) js(script)).stream().map(String::valueOf).toList();
	}

	/** The shared service's other tests count everything: the past test's county leaves nothing behind. */
	@AfterAll
	void removeThePastTestCounty() {
		MovedBranchCounty.remove(this.neo4j, PAST_DATASET, "cp");
		MovedBranchCounty.remove(this.neo4j, GONE_DATASET, "cg");
	}

}
