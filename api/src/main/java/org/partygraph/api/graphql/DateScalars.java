package org.partygraph.api.graphql;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The schema's date scalars, written as the API answered while these fields were Strings.
 * <ul>
 * <li>{@code Date}: a {@link LocalDate} as {@code 2001-02-03} ({@link LocalDate#toString()}); input
 * parsed strictly as ISO {@code yyyy-MM-dd}, so {@code 2020-02-30} is refused.</li>
 * <li>{@code DateTime}: an {@link Instant} as {@link Instant#toString()}
 * ({@code 2024-01-02T03:04:05.123456Z}: UTC with {@code Z}, as many fraction digits as the value
 * has); input any ISO-8601 date-time with an offset.</li>
 * </ul>
 * graphql-java-extended-scalars does not serve: its {@code Date} parses leniently
 * ({@code 1990-02-30} becomes {@code 1990-02-28}) and its {@code DateTime} answers an
 * {@link OffsetDateTime} with exactly three fraction digits, changing the answers. A value that is
 * not a date is refused before any data fetcher runs: in the document with a validation error naming
 * the argument and field ({@code input.joined}), in a variable with one naming the variable and the value.
 */
@Configuration(proxyBeanMethods = false)
public class DateScalars {

	/** A calendar date, ISO {@code yyyy-MM-dd}. */
	public static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
		.name("Date")
		.description("A calendar date, ISO-8601 yyyy-MM-dd, e.g. 2001-02-03")
		.coercing(new TextCoercing<>(LocalDate.class, DateScalars::date, LocalDate::toString,
				"an ISO date (yyyy-MM-dd)"))
		.build();

	/** An instant in UTC, as {@link Instant#toString()}. */
	public static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An instant, ISO-8601 in UTC, e.g. 2024-01-02T03:04:05.123Z")
		.coercing(new TextCoercing<>(Instant.class, DateScalars::instant, Instant::toString,
				"an ISO-8601 date-time with an offset (e.g. 2024-01-02T03:04:05Z)"))
		.build();

	@Bean
	RuntimeWiringConfigurer dateScalarWiring() {
		return (wiring) -> wiring.scalar(DATE).scalar(DATE_TIME);
	}

	private static LocalDate date(String text) {
		return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
	}

	private static Instant instant(String text) {
		return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
	}

	/** A scalar carried as text: one Java type out, parsed from a string in. */
	private static final class TextCoercing<T> implements Coercing<T, String> {

		private final Class<T> type;

		private final Function<String, T> parse;

		private final Function<T, String> print;

		private final String expected;

		TextCoercing(Class<T> type, Function<String, T> parse, Function<T, String> print, String expected) {
			this.type = type;
			this.parse = parse;
			this.print = print;
			this.expected = expected;
		}

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (this.type.isInstance(value)) {
				return this.print.apply(this.type.cast(value));
			}
			throw new CoercingSerializeException("expected a " + this.type.getSimpleName() + ", was "
					+ ((value != null) ? value.getClass().getSimpleName() : "null"));
		}

		@Override
		public T parseValue(Object input, GraphQLContext context, Locale locale) {
			if (this.type.isInstance(input)) {
				return this.type.cast(input);
			}
			T value = (input instanceof String text) ? parseOrNull(text) : null;
			if (value == null) {
				throw new CoercingParseValueException(refusal(input));
			}
			return value;
		}

		@Override
		public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			Object text = (input instanceof StringValue string) ? string.getValue() : input;
			T value = (text instanceof String string) ? parseOrNull(string) : null;
			if (value == null) {
				throw new CoercingParseLiteralException(refusal(text));
			}
			return value;
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return StringValue.newStringValue(serialize(input, context, locale)).build();
		}

		private T parseOrNull(String text) {
			try {
				return this.parse.apply(text);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}

		private String refusal(Object input) {
			return "'" + input + "' is not " + this.expected;
		}

	}

}
