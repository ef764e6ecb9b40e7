package org.partygraph.api;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partygraph.queries.change.DevelopmentSpans;
import org.partygraph.queries.read.CandidateQueries;
import org.partygraph.queries.read.DueCandidate;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.ProbationQueries;
import org.partygraph.queries.read.TermQueries;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.rules.Terms;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #21: the due lists ({@code candidatesDue}, {@code probationsDue}, {@code termsDue}) come in
 * pages of {@code first} (default 100, 1 to 1000) after the item {@code after}; on the sample
 * county their pages one after another are the whole list, in its order, and bad bounds are
 * refused naming the argument.
 */
class DueListPagesIT extends ServiceTestBase {

	static final String BEFORE = "2030-01-01";

	@Autowired
	CandidateQueries candidates;

	@Autowired
	DevelopmentSpans spans;

	@Autowired
	ProbationQueries probations;

	@Autowired
	RuleThresholds thresholds;

	@Autowired
	TermQueries terms;

	@Autowired
	Terms termYears;

	/** Each list: its field, the path of an item's id in it, and the whole list from the queries. */
	private record DueList(String field, String selection, String idPath, List<String> whole) {
	}

	private List<DueList> lists() {
		java.time.LocalDate before = java.time.LocalDate.parse(BEFORE);
		return List.of(
				new DueList("candidatesDue", "candidate { id } earliest", "candidate.id",
						this.candidates.due("o-county", before, this.spans)
							.stream()
							.map((d) -> d.candidate().id())
							.toList()),
				new DueList("probationsDue", "id probationEndsOn", "id",
						this.probations.due("o-county", before, this.thresholds.probationMonths())
							.stream()
							.map(MemberRow::id)
							.toList()),
				new DueList("termsDue", "id term { endsOn }", "id",
						this.terms.due("o-county", before, this.termYears.yearsByKindName())
							.stream()
							.map(OrgRow::id)
							.toList()));
	}

	@Test
	void pagesOneAfterAnotherAreTheWholeList() {
		for (DueList list : lists()) {
			// More than two pages of 97, so that pages meet inside days holding several items too.
			assertThat(list.whole()).as(list.field()).hasSizeGreaterThan(2 * 97).doesNotHaveDuplicates();
			assertThat(pages(list, 97)).as(list.field()).isEqualTo(list.whole());
			// The default page is the first 100.
			assertThat(this.graphQl
				.document("{ %s(within: \"o-county\", before: \"%s\") { %s } }".formatted(list.field(), BEFORE,
						list.selection()))
				.execute()
				.path(list.field() + "[*]." + list.idPath())
				.entityList(String.class)
				.get()).as(list.field()).isEqualTo(list.whole().subList(0, 100));
		}
	}

	/** The list read in pages of {@code first}, each after the last id of the one before. */
	private List<String> pages(DueList list, int first) {
		List<String> all = new ArrayList<>();
		String after = null;
		while (true) {
			List<String> page = this.graphQl
				.document("query($after: ID) { %s(within: \"o-county\", before: \"%s\", first: %d, after: $after) { %s } }"
					.formatted(list.field(), BEFORE, first, list.selection()))
				.variable("after", after)
				.execute()
				.path(list.field() + "[*]." + list.idPath())
				.entityList(String.class)
				.get();
			assertThat(page.size()).isLessThanOrEqualTo(first);
			all.addAll(page);
			if (page.size() < first) {
				return all;
			}
			after = page.get(page.size() - 1);
		}
	}

	@Test
	void aPageCostsTheSameStatementsWhateverItsSize() {
		String document = """
				{ candidatesDue(within: "o-county", before: "%1$s", first: %2$d) {
				    earliest candidate { id org { id } member { id } records { kind } } }
				  probationsDue(within: "o-county", before: "%1$s", first: %2$d) { id org { id } development { id } }
				  termsDue(within: "o-county", before: "%1$s", first: %2$d) { id parent { id } } }""";
		int few = roundTrips(document.formatted(BEFORE, 3));
		int many = roundTrips(document.formatted(BEFORE, 300));
		assertThat(many).isEqualTo(few).isLessThanOrEqualTo(10);
	}

	@SuppressWarnings("unchecked")
	private int roundTrips(String document) {
		java.util.Map<String, Object> debug = (java.util.Map<String, Object>) this.graphQl.document(document)
			.extension("debug", true)
			.execute()
			.returnResponse()
			.getExtensions()
			.get("debug");
		return (Integer) debug.get("databaseRoundTrips");
	}

	@Test
	void soonestFirstThenById() {
		List<DueCandidate> due = this.candidates.due("o-county", java.time.LocalDate.parse(BEFORE), this.spans);
		for (int i = 1; i < due.size(); i++) {
			DueCandidate a = due.get(i - 1);
			DueCandidate b = due.get(i);
			assertThat(a.earliest().isBefore(b.earliest())
					|| (a.earliest().equals(b.earliest()) && a.candidate().id().compareTo(b.candidate().id()) < 0))
				.as(a + " before " + b)
				.isTrue();
		}
	}

	@Test
	void badBoundsAreRefusedNamingTheArgument() {
		for (DueList list : lists()) {
			for (String first : new String[] { "0", "-1", "1001" }) {
				refused("{ %s(before: \"%s\", first: %s) { %s } }".formatted(list.field(), BEFORE, first,
						list.selection()), "first: ");
			}
			// 1 and 1000 are in range.
			this.graphQl.document("{ %s(within: \"o-county\", before: \"%s\", first: 1000) { %s } }".formatted(list.field(),
					BEFORE, list.selection()))
				.execute()
				.path(list.field())
				.entityList(Object.class)
				.hasSize(Math.min(1000, list.whole().size()));
			this.graphQl.document("{ %s(within: \"o-county\", before: \"%s\", first: 1) { %s } }".formatted(list.field(),
					BEFORE, list.selection()))
				.execute()
				.path(list.field())
				.entityList(Object.class)
				.hasSize(1);
			// An id that is no item of the list: unknown, an item of another list, one not due yet.
			for (String after : new String[] { "no-such-id", "o-county", "m-no-such", list.whole().get(0) + "x" }) {
				if (list.whole().contains(after)) {
					continue;
				}
				refused("{ %s(within: \"o-county\", before: \"%s\", after: \"%s\") { %s } }".formatted(list.field(),
						BEFORE, after, list.selection()), "after: ");
			}
			// The last item of the list has nothing after it; an item not due before an earlier day
			// is no item of that day's list.
			String last = list.whole().get(list.whole().size() - 1);
			this.graphQl.document("{ %s(within: \"o-county\", before: \"%s\", after: \"%s\") { %s } }"
				.formatted(list.field(), BEFORE, last, list.selection()))
				.execute()
				.path(list.field())
				.entityList(Object.class)
				.hasSize(0);
			refused("{ %s(within: \"o-county\", before: \"1990-01-01\", after: \"%s\") { %s } }".formatted(list.field(),
					last, list.selection()), "after: ");
		}
	}

	@Test
	void aScopedCallersAfterOutsideItsScopeIsUnknown() {
		// hbt-analyst sees 海北頭鄉 only: an item of the county's list outside it is no item of theirs.
		List<String> county = this.terms.due("o-county", java.time.LocalDate.parse(BEFORE), this.termYears.yearsByKindName())
			.stream()
			.map(OrgRow::id)
			.toList();
		List<String> hbt = this.terms.due("o-t-hbt", java.time.LocalDate.parse(BEFORE), this.termYears.yearsByKindName())
			.stream()
			.map(OrgRow::id)
			.toList();
		String outside = county.stream().filter((id) -> !hbt.contains(id)).findFirst().orElseThrow();
		TestApp.tester(this.port, "hbt-analyst", TestApp.USER_PASSWORD)
			.document("{ termsDue(before: \"%s\", after: \"%s\") { id } }".formatted(BEFORE, outside))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((e) -> {
				assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(e.getMessage()).startsWith("after: ");
			}));
	}

	private void refused(String document, String naming) {
		this.graphQl.document(document)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).as(document).singleElement().satisfies((e) -> {
				assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(e.getMessage()).startsWith(naming);
			}));
	}

}
