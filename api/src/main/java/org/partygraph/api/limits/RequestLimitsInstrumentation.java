package org.partygraph.api.limits;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.validation.ValidationError;

import org.partygraph.api.text.RequestLang;

/**
 * Refuses requests over the {@link LimitsProperties limits}, each at the earliest step that can
 * tell, and always before a data fetcher runs:
 *
 * <ol>
 * <li>parsing: the document's characters, tokens and whitespace tokens, through GraphQL Java's
 * {@link ParserOptions} given to each request (nothing JVM-wide is changed); the parser's own
 * message is replaced by one naming the property;</li>
 * <li>before validation: depth, aliases and fields ({@link DocumentShape}), fragments expanded, so
 * an oversized document costs neither validation nor
 * traversal (the {@code AbortExecutionException} thrown there becomes the response because the
 * default {@code PreparsedDocumentProvider} parses and validates in the calling thread; a caching
 * provider added later must keep doing so);</li>
 * <li>before execution, with the schema and the variables: page size ({@code first}) and
 * complexity ({@link QueryCost}).</li>
 * </ol>
 * A refused request answers one error and no data (see {@link LimitExceeded}).
 */
public class RequestLimitsInstrumentation extends SimplePerformantInstrumentation {

	private final LimitsProperties limits;

	private final ParserOptions parserOptions;

	public RequestLimitsInstrumentation(LimitsProperties limits) {
		this.limits = limits;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxCharacters(limits.maxCharacters())
				.maxTokens(limits.maxTokens())
				.maxWhitespaceTokens(limits.maxWhitespaceTokens()));
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new State();
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		// GraphQL Java's parser reads its options from the request's context before the JVM-wide ones.
		executionInput.getGraphQLContext().put(ParserOptions.class, this.parserOptions);
		return executionInput;
	}

	@Override
	public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		State ours = InstrumentationState.ofState(state);
		return SimpleInstrumentationContext.whenCompleted((document, failure) -> {
			if (failure instanceof ParseCancelledTooManyCharsException) {
				String query = parameters.getQuery();
				ours.parseLimit = LimitExceeded.error("query length", (query != null) ? query.length() : null,
						this.limits.maxCharacters(), "max-characters", RequestLang.of(parameters.getGraphQLContext()));
			}
			else if (failure instanceof ParseCancelledException cancelled) {
				// The parser names the kind of token it stopped counting: 'grammar' or 'whitespace'.
				String message = String.valueOf(cancelled.getMessage());
				ours.parseLimit = message.contains("'whitespace'")
						? LimitExceeded.error("query whitespace token count", null, this.limits.maxWhitespaceTokens(),
								"max-whitespace-tokens", RequestLang.of(parameters.getGraphQLContext()))
						: LimitExceeded.error("query token count", null, this.limits.maxTokens(), "max-tokens",
								RequestLang.of(parameters.getGraphQLContext()));
			}
		});
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		DocumentShape shape = DocumentShape.of(parameters.getDocument(), parameters.getOperation());
		if (shape.depth() > this.limits.maxDepth()) {
			throw LimitExceeded.abort(
					LimitExceeded.error("query depth", shape.depth(), this.limits.maxDepth(), "max-depth", RequestLang.of(parameters.getGraphQLContext())));
		}
		if (shape.aliases() > this.limits.maxAliases()) {
			throw LimitExceeded.abort(
					LimitExceeded.error("alias count", shape.aliases(), this.limits.maxAliases(), "max-aliases", RequestLang.of(parameters.getGraphQLContext())));
		}
		if (shape.fields() > this.limits.maxFields()) {
			Object figure = (shape.fields() < DocumentShape.CAP) ? shape.fields() : shape.fields() + " or more";
			throw LimitExceeded.abort(
					LimitExceeded.error("field count", figure, this.limits.maxFields(), "max-fields", RequestLang.of(parameters.getGraphQLContext())));
		}
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		QueryCost cost = QueryCost.of(context.getGraphQLSchema(), context.getDocument(),
				context.getOperationDefinition().getName(), context.getCoercedVariables().toMap(),
				this.limits.listMultiplier());
		if (cost.largestPage() > this.limits.maxPageSize()) {
			throw LimitExceeded.abort(LimitExceeded.error("first", cost.largestPage(),
					this.limits.maxPageSize(), "max-page-size", RequestLang.of(context.getGraphQLContext())));
		}
		if (cost.complexity() > this.limits.maxComplexity()) {
			Object figure = (cost.complexity() < QueryCost.CAP) ? cost.complexity() : cost.complexity() + " or more";
			throw LimitExceeded.abort(
					LimitExceeded.error("query complexity", figure, this.limits.maxComplexity(), "max-complexity",
							RequestLang.of(context.getGraphQLContext())));
		}
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		State ours = InstrumentationState.ofState(state);
		if (ours == null || ours.parseLimit == null) {
			return CompletableFuture.completedFuture(executionResult);
		}
		GraphQLError error = ours.parseLimit;
		return CompletableFuture.completedFuture(executionResult.transform((result) -> result.errors(List.of(error))));
	}

	private static final class State implements InstrumentationState {

		volatile GraphQLError parseLimit;

	}

}
