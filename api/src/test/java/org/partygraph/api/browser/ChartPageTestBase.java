package org.partygraph.api.browser;

import java.io.File;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partygraph.api.ServiceTestBase;
import org.partygraph.api.TestApp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of the browser tests of the org-chart page (static/chart.html): a real headless Chromium
 * (Debian's chromium and chromium-driver) against the running service. Without Chromium the tests
 * are skipped with a message, or fail when PARTY_GRAPH_REQUIRE_CHROMIUM=true (CI). No test may leave
 * a SEVERE entry in the browser console.
 */
abstract class ChartPageTestBase extends ServiceTestBase {

	/**
	 * How often a wait looks again: Selenium's default is every 500 ms, so each wait for a render of
	 * a few hundred ms lost up to half a second, many times per test.
	 */
	protected static final Duration POLL = Duration.ofMillis(50);

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	protected ChromeDriver driver;

	private Path profile;

	@BeforeAll
	void startBrowser() throws IOException {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present) {
			String message = "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER
					+ ") is missing: install Debian's chromium and chromium-driver";
			if ("true".equals(System.getenv("PARTY_GRAPH_REQUIRE_CHROMIUM"))) {
				fail(message + " (PARTY_GRAPH_REQUIRE_CHROMIUM=true)");
			}
			Assumptions.abort(message + "; browser tests skipped");
		}
		// Never let Selenium Manager look for (or download) a driver or a browser.
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		this.profile = Files.createTempDirectory("org-chart-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,900", "--user-data-dir=" + this.profile);
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		browserOptions(options);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
	}

	/** What a test class adds to Chromium's options before it starts (arguments, logs). */
	protected void browserOptions(ChromeOptions options) {
	}

	@AfterAll
	void stopBrowser() throws IOException {
		if (this.driver != null) {
			this.driver.quit();
		}
		if (this.profile != null) {
			try (Stream<Path> paths = Files.walk(this.profile)) {
				paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	/** No test may leave an error in the browser's console (a failed request, a script error). */
	@AfterEach
	void noConsoleErrors() {
		if (this.driver == null) {
			return;
		}
		List<String> severe = this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
		assertThat(severe).as("SEVERE browser console entries").isEmpty();
	}

	// --- helpers

	protected String base() {
		return "http://admin:" + TestApp.ADMIN_PASSWORD + "@127.0.0.1:" + this.port;
	}

	protected void open(String page) {
		open(page, "ready");
	}

	protected void open(String page, String state) {
		this.driver.get(base() + "/" + page);
		new WebDriverWait(this.driver, Duration.ofSeconds(60), POLL).until((d) -> {
			Object s = ((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.chartState");
			return state.equals(s) || ("ready".equals(state) && "error".equals(s) && fail("the page failed: "
					+ d.findElement(By.id("error-text")).getText()) != null);
		});
	}

	protected Object js(String script, Object... args) {
		return this.driver.executeScript(script, args);
	}

	protected long number(String script, Object... args) {
		return ((Number) js(script, args)).longValue();
	}

	protected String text(String id) {
		return this.driver.findElement(By.id(id)).getText();
	}

	protected void waitUntil(String script, Object... args) {
		new WebDriverWait(this.driver, Duration.ofSeconds(30), POLL)
			.until((WebDriver d) -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script, args)));
	}

	/**
	 * Clicks the SVG export (whole chart) and reads the downloaded file back from its blob URL.
	 * @return the file's text
	 */
	protected String exportSvg() {
		js("window.lastExport = null; document.getElementById('export-svg-full').checked = true");
		this.driver.findElement(By.id("export-svg")).click();
		waitUntil("return !!window.lastExport");
		assertThat(js("return window.lastExport.type")).isEqualTo("image/svg+xml");
		assertThat((String) js("return window.lastExport.url")).startsWith("blob:");
		assertThat((String) js("return window.lastExport.name")).endsWith(".svg");
		Object text = this.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "fetch(window.lastExport.url).then((r) => r.text()).then(done, (e) => done({ failed: String(e) }))");
		assertThat(text).as("the downloaded SVG").isInstanceOf(String.class);
		return (String) text;
	}

	/** Parses an SVG file as XML (namespace aware, no DTD): it must be well formed. */
	protected static Document parseXml(String text) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new AssertionError("the SVG is not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	/** The SVG's node groups ({@code <g class="node ...">}), as data-id to their label (the text drawn, lines joined). */
	protected static Map<String, String> svgNodes(Document svg) {
		assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
		NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
		Map<String, String> nodes = new java.util.LinkedHashMap<>();
		List<String> duplicates = new ArrayList<>();
		for (int i = 0; i < groups.getLength(); i++) {
			Element g = (Element) groups.item(i);
			if (List.of(g.getAttribute("class").split(" ")).contains("node")) {
				NodeList texts = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
				StringBuilder label = new StringBuilder();
				for (int t = 0; t < texts.getLength(); t++) {
					label.append(texts.item(t).getTextContent());
				}
				if (nodes.put(g.getAttribute("data-id"), label.toString()) != null) {
					duplicates.add(g.getAttribute("data-id"));
				}
			}
		}
		assertThat(duplicates).as("node groups drawn twice").isEmpty();
		return nodes;
	}

	protected void screenshot(String name) {
		waitUntil("return !chart.animated()");
		Path dir = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
		try {
			Files.createDirectories(dir);
			Files.write(dir.resolve(name), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
