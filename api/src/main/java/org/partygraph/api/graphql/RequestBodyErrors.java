package org.partygraph.api.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A POST to the GraphQL endpoint whose body cannot be read as a GraphQL request (not JSON, not a
 * JSON object, no {@code query}) gets a 400 with a GraphQL-style error naming the problem (the
 * parser's message with line and column), classified {@code BAD_REQUEST}, instead of an empty 400
 * or a 500. Spring for GraphQL reads the body in its {@code GraphQlHttpHandler}, a router function:
 * {@code @ControllerAdvice} does not see what it throws, a {@link HandlerExceptionResolver} does.
 * A field of the wrong type ({@code {"query": 42}}) is named: JSON strings are never made from
 * numbers or booleans ({@link StrictJsonStrings}), so the number is refused, not run as the
 * document {@code "42"}.
 */
@Component
@ConditionalOnWebApplication
class RequestBodyErrors implements HandlerExceptionResolver, Ordered {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String EXAMPLE = "{\"query\": \"{ org(id: \\\"...\\\") { name } }\", \"variables\": {}}";

	/** The parser's note of where it read from, which says nothing to the caller. */
	private static final Pattern START_MARKER = Pattern.compile(" \\(start marker at \\[Source: [^\\]]*\\]\\)");

	private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; (line: \\d+, column: \\d+)\\]");

	private final String path;

	RequestBodyErrors(@Value("${spring.graphql.http.path:/graphql}") String path) {
		this.path = path;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		String requestPath = request.getRequestURI().substring(request.getContextPath().length());
		if (!requestPath.equals(this.path) || response.isCommitted()) {
			return null;
		}
		String message = message(ex);
		if (message == null) {
			return null;
		}
		try {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("message", message);
			error.put("extensions", Map.of("classification", "BAD_REQUEST"));
			response.getWriter().write(JSON.writeValueAsString(Map.of("errors", List.of(error))));
		}
		catch (IOException ex2) {
			throw new UncheckedIOException(ex2);
		}
		return new ModelAndView();
	}

	/** What is wrong with the body, or null when the exception is not about the body. */
	static String message(Exception ex) {
		if (!(ex instanceof HttpMessageNotReadableException) && !(ex instanceof ServerWebInputException)) {
			return null;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StreamReadException json) {
				String parser = START_MARKER.matcher(json.getOriginalMessage()).replaceAll("");
				return "request body is not valid JSON: " + SOURCE.matcher(parser).replaceAll("$1") + at(json.getLocation());
			}
			if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
					&& mismatch.getPath().get(0).getPropertyName() != null) {
				return "request body field \"" + mismatch.getPath().get(0).getPropertyName() + "\" must be "
						+ expected(mismatch.getTargetType()) + ": send a JSON object like " + EXAMPLE + at(mismatch.getLocation());
			}
			if (cause instanceof JacksonException json && String.valueOf(json.getOriginalMessage()).startsWith("No content")) {
				return "request body is empty: send a JSON object like " + EXAMPLE;
			}
			if (cause instanceof JacksonException json) {
				return "request body is not a GraphQL request: expected a JSON object like " + EXAMPLE
						+ at(json.getLocation());
			}
		}
		// Spring for GraphQL's own check of a request read without error.
		if (ex instanceof ServerWebInputException input && "No 'query'".equals(input.getReason())) {
			return "request body has no \"query\": send a JSON object like " + EXAMPLE;
		}
		return "request body is not a GraphQL request: expected a JSON object like " + EXAMPLE;
	}

	/** What a field of the request should hold, said for people. */
	private static String expected(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (CharSequence.class.isAssignableFrom(type)) {
			return "a string";
		}
		if (Map.class.isAssignableFrom(type)) {
			return "a JSON object";
		}
		return "of another type";
	}

	private static String at(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

}
