package org.partygraph.api.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.partygraph.api.text.RequestLang;
import org.partygraph.api.text.Said;
import org.partygraph.api.text.SpringMessages;
import org.partygraph.model.ProblemsException;
import org.partygraph.queries.limits.DatabaseTimeoutException;
import org.partygraph.queries.limits.TimeBudgetExceededException;
import org.partygraph.queries.read.DatabaseUnavailableException;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.whatif.InvalidOperationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns the errors a caller can fix (a bad argument, an invalid change) into GraphQL errors that
 * say what is wrong and where, a timeout or an unreachable database into a clear message (classification
 * {@code TIMEOUT}, resp. {@code INTERNAL_ERROR}); a refusal that is a text of the bundles ({@link Said}: an
 * unknown id, a bad {@code asOf}, a list over its limit) and a role's {@code FORBIDDEN} in the request's
 * language; anything else stays an opaque INTERNAL_ERROR with an id in the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring Security's resolver, to say FORBIDDEN in the request's language
class ErrorMessages extends DataFetcherExceptionResolverAdapter {

	private final SpringMessages messages;

	ErrorMessages(SpringMessages messages) {
		this.messages = messages;
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof IllegalArgumentException || ex instanceof ProblemsException) {
			return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(message(ex, env)).build();
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DatabaseTimeoutException || cause instanceof TimeBudgetExceededException) {
				return GraphqlErrorBuilder.newError(env).errorType(Timeout.TIMEOUT).message(cause.getMessage()).build();
			}
			if (cause instanceof DatabaseUnavailableException) {
				return GraphqlErrorBuilder.newError(env)
					.errorType(ErrorType.INTERNAL_ERROR)
					.message(cause.getMessage())
					.build();
			}
		}
		if (ex instanceof AccessDeniedException) {
			// Every GraphQL request is logged in (SecurityConfiguration): a denial is the role's, FORBIDDEN.
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.FORBIDDEN)
				.message(this.messages.say(Text.of("refusal.forbidden"), RequestLang.of(env)))
				.build();
		}
		if (ex instanceof NotFoundException) {
			return GraphqlErrorBuilder.newError(env).errorType(ErrorType.NOT_FOUND).message(message(ex, env)).build();
		}
		return null;
	}

	// A refusal kept as a text of the bundles is said in the request's language; others in English.
	private String message(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof Said said && said.text() != null) {
			return this.messages.say(said.text(), RequestLang.of(env));
		}
		if (ex instanceof InvalidOperationException refused && refused.text() != null) {
			return this.messages.say(refused.text(), RequestLang.of(env));
		}
		return ex.getMessage();
	}

	/** The classification of a request stopped by the database timeout or a what-if's time budget. */
	enum Timeout implements ErrorClassification {

		TIMEOUT

	}

}
