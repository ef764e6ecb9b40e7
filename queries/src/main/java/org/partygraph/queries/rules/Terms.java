package org.partygraph.queries.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.partygraph.model.OrgKind;

/**
 * Committee terms (換屆, docs/contract.md section 6): how many years a term lasts for each kind of
 * org ({@code party-graph.terms.<KIND>}; 5 for every kind but PARTY_GROUP, which has no term) and
 * today (in the service's zone), against which TERM_EXPIRED and TERM_ENDING judge. How many months
 * ahead a term is reported as ending is a rule threshold ({@link RuleThresholds#termWarningMonths}).
 *
 * @param years the term length in years per kind; a kind left out (or 0) has no term
 * @param clock gives today
 */
public record Terms(Map<OrgKind, Integer> years, Clock clock) {

	/** The regulations' figures: 5 years for every kind but PARTY_GROUP; the system clock. */
	public static final Terms DEFAULTS = new Terms(defaultYears(), Clock.systemDefaultZone());

	public Terms {
		Objects.requireNonNull(clock, "clock");
		EnumMap<OrgKind, Integer> copy = new EnumMap<>(OrgKind.class);
		years.forEach((kind, length) -> {
			if (length == null || length < 0) {
				throw new IllegalArgumentException(
						"party-graph.terms." + kind + " must be a number of years (0: no term), not " + length);
			}
			if (length > 0) {
				copy.put(kind, length);
			}
		});
		years = Collections.unmodifiableMap(copy);
	}

	/** 5 years for every kind but PARTY_GROUP. */
	public static Map<OrgKind, Integer> defaultYears() {
		Map<OrgKind, Integer> years = new EnumMap<>(OrgKind.class);
		for (OrgKind kind : OrgKind.values()) {
			if (kind != OrgKind.PARTY_GROUP) {
				years.put(kind, 5);
			}
		}
		return years;
	}

	/** The same lengths, judged against another clock. */
	public Terms withClock(Clock newClock) {
		return new Terms(this.years, newClock);
	}

	/** Today, in the clock's zone. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * The day a term begun {@code electedOn} at an org of this kind ends; {@code null} when none was
	 * recorded or the kind has no term.
	 */
	public LocalDate endsOn(OrgKind kind, LocalDate electedOn) {
		Integer length = (kind != null) ? this.years.get(kind) : null;
		return (electedOn == null || length == null) ? null : electedOn.plusYears(length);
	}

	/** The lengths by kind name, as a statement parameter. */
	public Map<String, Object> yearsByKindName() {
		Map<String, Object> byName = new LinkedHashMap<>();
		this.years.forEach((kind, length) -> byName.put(kind.name(), length));
		return byName;
	}

}
