package org.partygraph.api.text;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * The org chart's labels in the browser's language ({@code Accept-Language}, {@link Lang#of}): the
 * keys {@code chart.*} of the message bundles as a module the page imports
 * ({@code chart/i18n.js}), with the {@code <html lang>} to set. Patterns are sent as written
 * ({@code {0}} filled in by the page), so they hold no quote.
 */
@RestController
public class ChartTexts {

	private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource source;

	public ChartTexts(MessageSource source) {
		this.source = source;
	}

	@GetMapping("/chart/texts.js")
	public ResponseEntity<String> texts(HttpServletRequest request) {
		Lang lang = RequestLang.of(request);
		return ResponseEntity.ok()
			.contentType(JAVASCRIPT)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
			.body("// The org chart's labels in the language of this request (party-graph ChartTexts).\n"
					+ "export const LANG = " + JSON.writeValueAsString(tag(lang)) + ";\n" + "export const TEXTS = "
					+ JSON.writeValueAsString(texts(lang)) + ";\n");
	}

	/** Every {@code chart.*} text in the language, as written in its bundle. */
	Map<String, String> texts(Lang lang) {
		ResourceBundle base = ResourceBundle.getBundle(Messages.BASENAME, Locale.ROOT, ChartTexts.class.getClassLoader(),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		Map<String, String> texts = new TreeMap<>();
		for (String key : base.keySet()) {
			if (key.startsWith("chart.")) {
				texts.put(key, this.source.getMessage(key, null, lang.locale()));
			}
		}
		return texts;
	}

	/** The {@code <html lang>} of a language. */
	static String tag(Lang lang) {
		return switch (lang) {
			case EN -> "en";
			case ZH_HANS -> "zh-Hans";
			case ZH_HANT -> "zh-Hant";
		};
	}

}
