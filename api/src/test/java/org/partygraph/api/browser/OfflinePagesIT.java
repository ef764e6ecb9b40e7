package org.partygraph.api.browser;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages work with no internet: Chromium resolves no host name but 127.0.0.1 and sends every
 * other request to a dead proxy (loopback bypasses it), so anything fetched from outside (a CDN)
 * fails. GraphiQL must still run a query and the org chart must still draw; and, read from
 * Chromium's own network log, no request may have left loopback. (The base class also fails a
 * test on any SEVERE console entry, which a blocked request leaves.)
 */
class OfflinePagesIT extends ChartPageTestBase {

	private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

	@Override
	protected void browserOptions(ChromeOptions options) {
		options.addArguments("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
				"--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1;localhost;[::1]");
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
	}

	@BeforeEach
	void forgetEarlierRequests() {
		requestedUrls();
	}

	@Test
	void graphiqlRunsAQueryWithEveryOutsideRequestBlocked() {
		this.driver.get(base() + "/graphiql");
		new WebDriverWait(this.driver, Duration.ofSeconds(60), POLL).until((d) -> !d
			.findElements(By.cssSelector(".graphiql-query-editor .CodeMirror"))
			.isEmpty() && !d.findElements(By.cssSelector(".graphiql-execute-button")).isEmpty());
		js("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror"
				+ ".setValue('{ org(id: \"o-county\") { id name } }')");
		this.driver.findElement(By.cssSelector(".graphiql-execute-button")).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(30), POLL).until((d) -> responseText().contains("\"name\""));
		assertThat(responseText()).contains("\"id\": \"o-county\"", "懷仁縣").doesNotContain("\"errors\"");
		assertOnlyLoopbackRequests(List.of("/graphiql/graphiql.js", "/graphiql/graphiql.css", "/graphql"));
	}

	@Test
	void theChartDrawsWithEveryOutsideRequestBlocked() {
		open("chart.html");
		assertThat(number("return chart.nodes('[type=\"org\"]').length")).isGreaterThan(100);
		assertThat(number("return chart.nodes('[type=\"org\"]').filter((n) => n.renderedBoundingBox().w > 0).length"))
			.isGreaterThan(100);
		assertThat(text("root-name")).contains("懷仁縣");
		assertOnlyLoopbackRequests(List.of("/chart/main.js", "/chart/lib/cytoscape-dagre.js", "/graphql"));
	}

	private String responseText() {
		Object text = js("const cm = document.querySelector('.graphiql-response .CodeMirror');"
				+ " return cm ? cm.CodeMirror.getValue() : ''");
		return text == null ? "" : (String) text;
	}

	/** Every request the page made went to loopback, among them requests for each of the paths. */
	private void assertOnlyLoopbackRequests(List<String> expectedPaths) {
		List<String> urls = requestedUrls();
		List<String> outside = urls.stream().filter((url) -> !isLocal(url)).toList();
		assertThat(outside).as("requests that left loopback").isEmpty();
		for (String path : expectedPaths) {
			assertThat(urls).as("requests made").anyMatch((url) -> url.startsWith("http") && URI.create(url).getPath().endsWith(path));
		}
	}

	private static boolean isLocal(String url) {
		URI uri = URI.create(url);
		String scheme = uri.getScheme();
		if (Set.of("data", "blob", "about", "chrome", "chrome-extension", "chrome-untrusted").contains(scheme)) {
			return true; // not sent over the network (chrome: is the browser's own new-tab page)
		}
		return LOOPBACK.contains(uri.getHost());
	}

	/** The URLs of the requests Chromium sent (or tried to) since the last call, from its network log. */
	@SuppressWarnings("unchecked")
	private List<String> requestedUrls() {
		List<String> urls = new ArrayList<>();
		Json json = new Json();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
			Map<String, Object> log = json.toType(entry.getMessage(), Map.class);
			Map<String, Object> message = (Map<String, Object>) log.get("message");
			if ("Network.requestWillBeSent".equals(message.get("method"))) {
				Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) message.get("params")).get("request");
				urls.add((String) request.get("url"));
			}
		}
		return urls;
	}

}
