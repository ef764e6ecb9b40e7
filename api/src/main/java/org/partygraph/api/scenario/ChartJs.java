package org.partygraph.api.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Where Chart.js is served: from its WebJar ({@code org.webjars.npm:chart.js}) under
 * {@code /webjars/}, at the version on the class path. {@code null} when the WebJar is missing;
 * the page then shows its table only.
 */
final class ChartJs {

	private static final String POM_PROPERTIES = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";

	private static final String PATH = find();

	private ChartJs() {
	}

	static String path() {
		return PATH;
	}

	private static String find() {
		try (InputStream in = ChartJs.class.getResourceAsStream(POM_PROPERTIES)) {
			if (in == null) {
				return null;
			}
			Properties properties = new Properties();
			properties.load(in);
			String version = properties.getProperty("version");
			if (version == null || ChartJs.class.getResource(
					"/META-INF/resources/webjars/chart.js/" + version + "/dist/chart.umd.min.js") == null) {
				return null;
			}
			return "/webjars/chart.js/" + version + "/dist/chart.umd.min.js";
		}
		catch (IOException ex) {
			return null;
		}
	}

}
