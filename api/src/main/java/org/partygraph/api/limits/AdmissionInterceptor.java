package org.partygraph.api.limits;

import java.util.List;
import java.util.Set;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;

import org.partygraph.api.graphql.PreparsedDocuments;
import org.partygraph.api.text.RequestLang;
import org.partygraph.api.text.SpringMessages;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Text;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * Every GraphQL request over HTTP goes through {@link Admission} before it runs: its lane is read
 * from its document (the operation it names, or its only one): a mutation with
 * {@code applyScenario} or {@code importDataset} at its root goes first, other mutations next,
 * queries last. One turned away answers a single error (classification {@code BUSY}) naming
 * {@code party-graph.limits.queue-wait}, in the request's language, having read and written nothing.
 */
public class AdmissionInterceptor implements WebGraphQlInterceptor {

	/** The classification of a request turned away because the service was busy. */
	public enum Busy implements ErrorClassification {

		BUSY

	}

	private static final Set<String> APPLY_FIELDS = Set.of("applyScenario", "importDataset");

	private final Admission admission;

	private final SpringMessages messages;

	private final ParserOptions parserOptions;

	private final PreparsedDocuments documents;

	public AdmissionInterceptor(Admission admission, SpringMessages messages, LimitsProperties limits,
			PreparsedDocuments documents) {
		this.admission = admission;
		this.messages = messages;
		this.documents = documents;
		// The request limits' own parser bounds: a document too big to read is left to them (as a read).
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform((o) -> o.maxTokens(limits.maxTokens())
				.maxWhitespaceTokens(limits.maxWhitespaceTokens())
				.maxCharacters(limits.maxCharacters()));
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		// A query sent before is read from its kept parse (PreparsedDocuments), not parsed again here.
		Document kept = this.documents.kept(request.getDocument(), request.getOperationName());
		Admission.Lane lane = (kept != null) ? lane(kept, request.getOperationName())
				: lane(request.getDocument(), request.getOperationName(), this.parserOptions);
		try {
			this.admission.enter(lane);
		}
		catch (Admission.Busy busy) {
			Lang lang = RequestLang.of(request);
			String message = this.messages.say(Text.of("limit.busy", busy.running(), busy.waiting(),
					this.admission.waitSeconds(), "party-graph.limits.queue-wait"), lang);
			ExecutionResult result = ExecutionResultImpl.newExecutionResult()
				.addError(GraphqlErrorBuilder.newError().errorType(Busy.BUSY).message(message).build())
				.build();
			return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
					result)));
		}
		try {
			return chain.next(request).doFinally((signal) -> this.admission.leave());
		}
		catch (RuntimeException ex) {
			this.admission.leave();
			throw ex;
		}
	}

	/**
	 * The lane of a document's operation: APPLY for a mutation with {@code applyScenario} or
	 * {@code importDataset} at its root, WRITE for any other mutation, READ for the rest (queries,
	 * and documents that do not parse or name no single operation: execution refuses those).
	 */
	static Admission.Lane lane(String document, String operationName, ParserOptions options) {
		Document parsed;
		try {
			parsed = Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(document)
				.parserOptions(options)
				.build());
		}
		catch (RuntimeException ex) { // InvalidSyntaxException, a parser limit: refused when it runs
			return Admission.Lane.READ;
		}
		return lane(parsed, operationName);
	}

	/** The lane of a parsed document's operation, as {@link #lane(String, String, ParserOptions)}. */
	static Admission.Lane lane(Document parsed, String operationName) {
		OperationDefinition operation = null;
		List<Definition> definitions = parsed.getDefinitions();
		for (Definition<?> definition : definitions) {
			if (definition instanceof OperationDefinition op
					&& (operationName == null || operationName.equals(op.getName()))) {
				if (operation != null) {
					return Admission.Lane.READ; // two and none named: execution refuses it
				}
				operation = op;
			}
		}
		if (operation == null || operation.getOperation() != OperationDefinition.Operation.MUTATION) {
			return Admission.Lane.READ;
		}
		for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
			if (selection instanceof Field field && APPLY_FIELDS.contains(field.getName())) {
				return Admission.Lane.APPLY;
			}
		}
		return Admission.Lane.WRITE;
	}

}
