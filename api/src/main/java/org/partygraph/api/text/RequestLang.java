package org.partygraph.api.text;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import jakarta.servlet.http.HttpServletRequest;
import reactor.core.publisher.Mono;

import org.partygraph.queries.text.Lang;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * The language of a request ({@link Lang#of(String)} of its {@code Accept-Language}): for a page or
 * download from the servlet request; for GraphQL put into the request's {@link GraphQLContext} by
 * this interceptor, where data fetchers and error resolvers read it ({@link #of(DataFetchingEnvironment)}).
 */
@Component
public class RequestLang implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Lang lang = of(request);
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(Lang.class, lang);
			return input;
		});
		return chain.next(request);
	}

	/** The language of a GraphQL request over HTTP, from its {@code Accept-Language}. */
	public static Lang of(WebGraphQlRequest request) {
		return Lang.of(String.join(",", request.getHeaders().getOrEmpty("Accept-Language")));
	}

	/** The language of this page or download request. */
	public static Lang of(HttpServletRequest request) {
		return Lang.of(request.getHeader("Accept-Language"));
	}

	/** The language of the GraphQL request a data fetcher serves; English when unknown. */
	public static Lang of(DataFetchingEnvironment environment) {
		return of(environment.getGraphQlContext());
	}

	/** The language kept in a GraphQL request's context; English when unknown. */
	public static Lang of(GraphQLContext context) {
		return (context != null) ? context.getOrDefault(Lang.class, Lang.EN) : Lang.EN;
	}

}
