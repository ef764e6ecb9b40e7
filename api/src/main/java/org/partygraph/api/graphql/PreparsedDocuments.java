package org.partygraph.api.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;

/**
 * Keeps the parsed and validated form of the last {@code capacity} distinct queries, so a query an
 * analyst or the org chart sends again is neither parsed nor validated again (what Apollo Server does
 * by default). Only documents that passed both are kept: a syntax error, a validation error or a
 * request limit on the document's shape (depth, aliases, size: {@code RequestLimitsInstrumentation}
 * checks them while validating) is found again on every request. Limits that depend on variables
 * are checked at execution, which every request goes through.
 */
public final class PreparsedDocuments implements PreparsedDocumentProvider {

	private final int capacity;

	private final Map<Key, PreparsedDocumentEntry> entries;

	public PreparsedDocuments(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
		}
		this.capacity = capacity;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, PreparsedDocumentEntry> eldest) {
				return size() > PreparsedDocuments.this.capacity;
			}
		};
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Key key = new Key(input.getQuery(), input.getOperationName());
		PreparsedDocumentEntry kept;
		synchronized (this.entries) {
			kept = this.entries.get(key);
		}
		if (kept != null) {
			return CompletableFuture.completedFuture(kept);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			synchronized (this.entries) {
				this.entries.put(key, entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

	/**
	 * The parsed document kept for this query and operation name, without parsing anything;
	 * {@code null} when none is kept (a query not seen yet, or one that did not pass).
	 */
	public Document kept(String query, String operationName) {
		PreparsedDocumentEntry kept;
		synchronized (this.entries) {
			kept = this.entries.get(new Key(query, operationName));
		}
		return (kept != null) ? kept.getDocument() : null;
	}

	/** How many documents are kept now. */
	public int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

	// The operation name picks the operation validated (and measured) in a document of several.
	private record Key(String query, String operationName) {
	}

}
