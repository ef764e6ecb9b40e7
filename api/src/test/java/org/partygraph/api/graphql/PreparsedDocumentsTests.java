package org.partygraph.api.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PreparsedDocumentsTests {

	private final List<String> parsed = new ArrayList<>();

	private final Function<ExecutionInput, PreparsedDocumentEntry> parse = (input) -> {
		this.parsed.add(input.getQuery() + "/" + input.getOperationName());
		return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
	};

	@Test
	void theSameTextAndOperationIsParsedOnce() {
		PreparsedDocuments documents = new PreparsedDocuments(10);
		Document first = documents.getDocumentAsync(input("{ a }", null), this.parse).join().getDocument();
		Document again = documents.getDocumentAsync(input("{ a }", null), this.parse).join().getDocument();
		assertThat(again).isSameAs(first);
		documents.getDocumentAsync(input("query A { a } query B { b }", "A"), this.parse).join();
		documents.getDocumentAsync(input("query A { a } query B { b }", "B"), this.parse).join();
		documents.getDocumentAsync(input("query A { a } query B { b }", "A"), this.parse).join();
		assertThat(this.parsed).containsExactly("{ a }/null", "query A { a } query B { b }/A",
				"query A { a } query B { b }/B");
		assertThat(documents.size()).isEqualTo(3);
		// What is kept is handed out without parsing (the admission reads its lane from it).
		assertThat(documents.kept("{ a }", null)).isSameAs(first);
		assertThat(documents.kept("{ b }", null)).isNull();
		assertThat(documents.kept("query A { a } query B { b }", "C")).isNull();
		assertThat(this.parsed).hasSize(3);
	}

	@Test
	void entriesWithErrorsAreNotKept() {
		PreparsedDocuments documents = new PreparsedDocuments(10);
		Function<ExecutionInput, PreparsedDocumentEntry> failing = (input) -> {
			this.parsed.add(input.getQuery());
			return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("no").build());
		};
		assertThat(documents.getDocumentAsync(input("{ a }", null), failing).join().hasErrors()).isTrue();
		assertThat(documents.getDocumentAsync(input("{ a }", null), failing).join().hasErrors()).isTrue();
		assertThat(this.parsed).hasSize(2);
		assertThat(documents.size()).isZero();
	}

	@Test
	void theLeastRecentlyUsedGoesFirstPastTheCapacity() {
		PreparsedDocuments documents = new PreparsedDocuments(2);
		documents.getDocumentAsync(input("{ a }", null), this.parse).join();
		documents.getDocumentAsync(input("{ b }", null), this.parse).join();
		documents.getDocumentAsync(input("{ a }", null), this.parse).join();
		documents.getDocumentAsync(input("{ c }", null), this.parse).join();
		assertThat(documents.size()).isEqualTo(2);
		this.parsed.clear();
		documents.getDocumentAsync(input("{ a }", null), this.parse).join();
		documents.getDocumentAsync(input("{ b }", null), this.parse).join();
		assertThat(this.parsed).containsExactly("{ b }/null");
		assertThatIllegalArgumentException().isThrownBy(() -> new PreparsedDocuments(0));
	}

	private static ExecutionInput input(String query, String operationName) {
		return ExecutionInput.newExecutionInput(query).operationName(operationName).build();
	}

}
