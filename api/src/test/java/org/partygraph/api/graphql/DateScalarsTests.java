package org.partygraph.api.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The date scalars answer exactly the text the String fields answered before, and refuse what is not a date. */
class DateScalarsTests {

	private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

	private final Coercing<?, ?> date = DateScalars.DATE.getCoercing();

	private final Coercing<?, ?> dateTime = DateScalars.DATE_TIME.getCoercing();

	@Test
	void aDateIsWrittenAsLocalDateToString() {
		assertThat(this.date.serialize(LocalDate.of(2001, 2, 3), CONTEXT, Locale.ROOT)).isEqualTo("2001-02-03");
		assertThat(this.date.parseValue("2001-02-03", CONTEXT, Locale.ROOT)).isEqualTo(LocalDate.of(2001, 2, 3));
		assertThat(this.date.parseLiteral(StringValue.of("1999-12-31"), CoercedVariables.emptyVariables(), CONTEXT,
				Locale.ROOT))
			.isEqualTo(LocalDate.of(1999, 12, 31));
	}

	@Test
	void aDateTimeIsWrittenAsInstantToString() {
		for (String text : new String[] { "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.120Z",
				"2024-01-02T03:04:05.123456Z", "2024-01-02T03:04:05.123456789Z" }) {
			assertThat(this.dateTime.serialize(Instant.parse(text), CONTEXT, Locale.ROOT)).isEqualTo(text);
		}
		assertThat(this.dateTime.parseValue("2024-01-02T11:04:05+08:00", CONTEXT, Locale.ROOT))
			.isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
	}

	@Test
	void whatIsNotADateIsRefusedSayingWhatIsExpected() {
		for (String text : new String[] { "2020-13-01", "2020-02-30", "2020-2-3", "03.02.2001", "", "2001-02-03T00:00Z" }) {
			assertThatExceptionOfType(CoercingParseValueException.class)
				.isThrownBy(() -> this.date.parseValue(text, CONTEXT, Locale.ROOT))
				.withMessage("'" + text + "' is not an ISO date (yyyy-MM-dd)");
			assertThatExceptionOfType(CoercingParseLiteralException.class).isThrownBy(() -> this.date
				.parseLiteral(StringValue.of(text), CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT));
		}
		assertThatExceptionOfType(CoercingParseValueException.class)
			.isThrownBy(() -> this.date.parseValue(20010203, CONTEXT, Locale.ROOT));
		assertThatExceptionOfType(CoercingParseValueException.class)
			.isThrownBy(() -> this.dateTime.parseValue("2024-01-02T03:04:05", CONTEXT, Locale.ROOT))
			.withMessageContaining("not an ISO-8601 date-time with an offset");
	}

}
