package org.partygraph.api.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request limits ({@code party-graph.limits.*}). A request over any of them is refused with an error
 * naming the property, before it reaches a data fetcher (so before any database work).
 *
 * @param maxDepth levels of nested fields in an operation, fragments expanded ({@code { org { name } }}
 * is 2); introspection ({@code __schema}, {@code __type}) does not count
 * @param maxComplexity the cost of an operation, see {@link QueryCost} for the formula
 * @param listMultiplier what a list field without {@code first} multiplies its children's cost by
 * @param maxPageSize the largest {@code first} of a paged field; at most 100, the cap the resolvers
 * enforce themselves
 * @param maxAliases aliased fields in an operation, fragments expanded
 * @param maxTokens grammar tokens in the document (GraphQL Java {@code ParserOptions.maxTokens})
 * @param maxWhitespaceTokens whitespace tokens in the document, each blank, tab, newline or comma is one
 * (GraphQL Java {@code ParserOptions.maxWhitespaceTokens})
 * @param maxCharacters characters in the document (GraphQL Java {@code ParserOptions.maxCharacters});
 * variables do not count, so big inputs such as {@code importDataset}'s JSON belong in variables
 * @param compareScenarios ({@code party-graph.limits.compare-scenarios}, default 10) the most
 * scenario names one {@code compareScenarios} takes; each is a what-if of its own, and all of them
 * together run under {@code party-graph.limits.what-if-budget}. A longer list is refused, naming
 * {@code names} and this property, before any database work
 * @param whatIfOperations ({@code party-graph.limits.what-if-operations}, default 200) the most
 * operations one {@code whatIf} or {@code saveScenario} takes; a longer list is refused, naming
 * {@code operations} and this property, before any database work
 * @param maxFields fields in an operation with its fragments expanded, {@code __typename} not
 * counted; checked before validation, so that a document whose fragments spread into a huge one is
 * refused before GraphQL Java's validation walks it
 */
@ConfigurationProperties(LimitsProperties.PREFIX)
public record LimitsProperties(@DefaultValue("12") int maxDepth, @DefaultValue("11000") int maxComplexity,
		@DefaultValue("10") int listMultiplier, @DefaultValue("100") int maxPageSize,
		@DefaultValue("30") int maxAliases, @DefaultValue("15000") int maxTokens,
		@DefaultValue("50000") int maxWhitespaceTokens, @DefaultValue("100000") int maxCharacters,
		@DefaultValue("10") int compareScenarios, @DefaultValue("200") int whatIfOperations,
		@DefaultValue("2000") int maxFields) {

	static final String PREFIX = "party-graph.limits";

	/** The full name of {@link #compareScenarios()}. */
	public static final String COMPARE_SCENARIOS = PREFIX + ".compare-scenarios";

	/** The full name of {@link #whatIfOperations()}. */
	public static final String WHAT_IF_OPERATIONS = PREFIX + ".what-if-operations";

	/** The resolvers refuse a larger {@code first} whatever is configured here (Cursors.pageSize). */
	static final int RESOLVER_PAGE_SIZE_CAP = 100;

	/** The page size the resolvers use when {@code first} is not given (Cursors.pageSize). */
	static final int DEFAULT_PAGE_SIZE = 20;

	public LimitsProperties {
		positive("max-depth", maxDepth);
		positive("max-complexity", maxComplexity);
		positive("list-multiplier", listMultiplier);
		positive("max-page-size", maxPageSize);
		positive("max-aliases", maxAliases);
		positive("max-tokens", maxTokens);
		positive("max-whitespace-tokens", maxWhitespaceTokens);
		positive("max-characters", maxCharacters);
		positive("compare-scenarios", compareScenarios);
		positive("what-if-operations", whatIfOperations);
		positive("max-fields", maxFields);
		if (maxPageSize > RESOLVER_PAGE_SIZE_CAP) {
			throw new IllegalArgumentException(PREFIX + ".max-page-size is " + maxPageSize
					+ " but the resolvers refuse a first over " + RESOLVER_PAGE_SIZE_CAP
					+ " anyway; it can only be lowered");
		}
	}

	/** The defaults, as documented above. */
	public static LimitsProperties defaults() {
		return new LimitsProperties(12, 11000, 10, 100, 30, 15000, 50000, 100000, 10, 200, 2000);
	}

	/** The full name of one of these properties, e.g. {@code party-graph.limits.max-depth}. */
	static String property(String name) {
		return PREFIX + "." + name;
	}

	/**
	 * Refuses a list argument longer than its limit, naming the argument and the property (the text
	 * {@code limit.listSize} of the bundles, said in the request's language).
	 * @throws IllegalArgumentException when {@code size} is over {@code limit}
	 */
	public static void checkListSize(String argument, int size, int limit, String property) {
		if (size > limit) {
			// in the request's language (ErrorMessages): the argument, figures and property as they are
			throw new org.partygraph.api.text.BadArgumentException(
					org.partygraph.queries.text.Text.of("limit.listSize", argument, limit, property, size));
		}
	}

	private static void positive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(property(name) + " must be at least 1, was " + value);
		}
	}

}
