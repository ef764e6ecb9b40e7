package org.partygraph.api.diagnostics;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.partygraph.queries.read.StatementListener;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The debug option: a request that sends {@code "extensions": {"debug": true}} gets back, in the
 * response's {@code extensions.debug}, how many database round trips it took and how long they
 * took ({@code databaseRoundTrips}, {@code databaseMillis}, {@code elapsedMillis}).
 */
@Configuration(proxyBeanMethods = false)
public class DiagnosticsConfiguration {

	@Bean
	StatementListener requestStatementListener() {
		return (nanos) -> {
			RequestStatistics statistics = RequestStatistics.current();
			if (statistics != null) {
				statistics.record(nanos);
			}
		};
	}

	/** Opens the statistics before Spring for GraphQL snapshots the request thread's context. */
	@Bean
	OncePerRequestFilter requestStatisticsFilter() {
		return new OncePerRequestFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !request.getRequestURI().endsWith("/graphql");
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				RequestStatistics.start();
				try {
					chain.doFilter(request, response);
				}
				finally {
					RequestStatistics.end();
				}
			}

		};
	}

	@Bean
	WebGraphQlInterceptor debugExtensions() {
		return (request, chain) -> {
			RequestStatistics statistics = RequestStatistics.current();
			boolean debug = Boolean.TRUE.equals(request.getExtensions().get("debug"));
			if (!debug || statistics == null) {
				return chain.next(request);
			}
			return chain.next(request).map((response) -> response.transform((builder) -> {
				Map<String, Object> figures = new LinkedHashMap<>();
				figures.put("databaseRoundTrips", statistics.statements());
				figures.put("databaseMillis", Math.round(statistics.databaseMillis() * 100) / 100.0);
				figures.put("elapsedMillis", Math.round(statistics.elapsedMillis() * 100) / 100.0);
				builder.extensions(Map.of("debug", figures));
			}));
		};
	}

}
