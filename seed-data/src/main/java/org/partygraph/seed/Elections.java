package org.partygraph.seed;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;

/**
 * The sample county's elections (換屆): the day each org's present term began ({@code electedOn}),
 * so that on 2026-12-06, with the default 5-year terms, a handful of terms have ended without a new
 * election ({@link #EXPIRED}: TERM_EXPIRED) and a few end within 6 months ({@link #ENDING}:
 * TERM_ENDING); every other org (PARTY_GROUPs apart, which have no term) was elected between
 * 2023-01-01 and 2025-12-30, so its term ends in 2028 or later. The days are fixed (a function of
 * the org's id), whatever the seed.
 */
final class Elections {

	/** The first day of the span ordinary elections fall in. */
	static final LocalDate ORDINARY_FROM = LocalDate.of(2023, 1, 1);

	/** How many days the span of ordinary elections covers. */
	static final int ORDINARY_DAYS = 1094;

	/** Terms that ended before 2026-12-06 (5 years after these days), with no election since. */
	static final Map<String, LocalDate> EXPIRED = ordered("o-v-jst-13", "2021-03-15", "o-v-mjz-07", "2021-04-20",
			"o-v-hjb-06", "2021-06-10", "o-e-02", "2021-09-28", "o-v-lz", "2021-11-30");

	/** Terms that end from 2026-12-06 to 2027-06-06 (5 years after these days). */
	static final Map<String, LocalDate> ENDING = ordered("o-v-xjy-11", "2022-01-12", "o-v-ht-01", "2022-03-08",
			"o-p-mxz", "2022-04-26", "o-t-yz", "2022-05-30");

	private Elections() {
	}

	/** The orgs with their present term's first day; PARTY_GROUPs unchanged. */
	static List<Org> elected(List<Org> orgs) {
		return orgs.stream().map((o) -> (o.kind() == OrgKind.PARTY_GROUP) ? o : o.withElectedOn(electedOn(o.id()))).toList();
	}

	/** The day the org's present term began. */
	static LocalDate electedOn(String orgId) {
		LocalDate day = EXPIRED.get(orgId);
		if (day == null) {
			day = ENDING.get(orgId);
		}
		return (day != null) ? day : ORDINARY_FROM.plusDays(Math.floorMod(orgId.hashCode(), ORDINARY_DAYS));
	}

	private static Map<String, LocalDate> ordered(String... idsAndDays) {
		Map<String, LocalDate> days = new LinkedHashMap<>();
		for (int i = 0; i < idsAndDays.length; i += 2) {
			days.put(idsAndDays[i], LocalDate.parse(idsAndDays[i + 1]));
		}
		return Collections.unmodifiableMap(days);
	}

}
