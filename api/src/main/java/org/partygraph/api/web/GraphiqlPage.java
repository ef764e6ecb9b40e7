package org.partygraph.api.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GraphiQL at {@code /graphiql}, served from the jar: the page and its bundle (React, GraphiQL, its
 * CodeMirror editor and CSS) are built from {@code api/frontend} by esbuild at package time into
 * {@code classpath:/graphiql/}, so nothing comes from a CDN. It replaces Spring for GraphQL's page
 * ({@code spring.graphql.graphiql.enabled=false}, which loads its code from esm.sh).
 * {@code party-graph.graphiql.enabled=false} (the {@code prod} profile) serves neither the page nor
 * its files. The page's Content-Security-Policy is {@code SecurityConfiguration.GRAPHIQL_POLICY}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "party-graph.graphiql.enabled", havingValue = "true", matchIfMissing = true)
@RestController
public class GraphiqlPage implements WebMvcConfigurer {

	private static final String LOCATION = "classpath:/graphiql/";

	@GetMapping(path = "/graphiql", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<Resource> page() {
		Resource page = new ClassPathResource("graphiql/index.html");
		if (!page.exists()) {
			throw new IllegalStateException("classpath:/graphiql/index.html is missing: build the api module with "
					+ "Maven (it bundles api/frontend with node and npm)");
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(page);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/graphiql/**").addResourceLocations(LOCATION);
	}

}
