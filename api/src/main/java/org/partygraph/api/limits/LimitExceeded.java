package org.partygraph.api.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;

import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

import org.springframework.graphql.execution.ErrorType;

/**
 * The error of a request over a limit: a {@code BAD_REQUEST} whose message names the limit, e.g.
 * {@code query depth 14 exceeds the limit of 12 (party-graph.limits.max-depth)}, with the property,
 * the limit and (when known) the request's figure in its extensions ({@code limit}, {@code max},
 * {@code actual}).
 */
final class LimitExceeded {

	private LimitExceeded() {
	}

	/**
	 * @param what what was measured, e.g. "query depth"
	 * @param actual the request's figure, or {@code null} when the parser stopped counting
	 * @param max the limit
	 * @param name the property's name under {@code party-graph.limits}, e.g. "max-depth"
	 */
	static GraphQLError error(String what, Object actual, long max, String name) {
		return error(what, actual, max, name, Lang.EN);
	}

	/**
	 * As {@link #error(String, Object, long, String)}, said in the request's language: the measure
	 * is the key {@code limit.<what, with dashes>} of the message bundles; the property and the
	 * figures as they are.
	 */
	static GraphQLError error(String what, Object actual, long max, String name, Lang lang) {
		String property = LimitsProperties.property(name);
		Text measure = Text.of("limit." + what.replace(' ', '-'));
		String message = Messages.bundled()
			.say((actual != null) ? Text.of("limit.exceeded", measure, actual, max, property)
					: Text.of("limit.exceededUncounted", measure, max, property), lang);
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("limit", property);
		extensions.put("max", max);
		if (actual instanceof Number) {
			extensions.put("actual", actual);
		}
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(extensions)
			.build();
	}

	/** Refuses the request: GraphQL Java answers the error alone, without data. */
	static AbortExecutionException abort(GraphQLError error) {
		return new AbortExecutionException(List.of(error));
	}

}
