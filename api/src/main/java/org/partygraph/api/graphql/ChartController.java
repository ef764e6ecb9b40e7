package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.partygraph.api.security.Scope;
import org.partygraph.model.Org;
import org.partygraph.queries.change.AwayRecord;
import org.partygraph.queries.history.PastReads;
import org.partygraph.queries.history.PastView;
import org.partygraph.queries.read.AwayQueries;
import org.partygraph.queries.read.ChartQueries;
import org.partygraph.queries.read.DispatchQueries;
import org.partygraph.queries.read.OrgChart;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.write.EventDates;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code orgChart}: the structure as nodes and edges for the org-chart page and other front-ends. */
@Controller
public class ChartController {

	private final ChartQueries charts;

	private final Scope scope;

	private final PastReads past;

	private final EventDates dates;

	private final OrgQueries orgs;

	private final DispatchQueries dispatches;

	private final AwayQueries away;

	public ChartController(ChartQueries charts, Scope scope, PastReads past, EventDates dates, OrgQueries orgs,
			DispatchQueries dispatches, AwayQueries away) {
		this.away = away;
		this.orgs = orgs;
		this.dispatches = dispatches;
		this.past = past;
		this.dates = dates;
		this.charts = charts;
		this.scope = scope;
	}

	/**
	 * The times away with each member's home as it was on the day, never today's (the rule of
	 * {@code Away.home} under a past root): their org in the day's view; for an unscoped caller, a
	 * member the view did not hold (one of another county's org) is looked up in the tree that held
	 * their org that day. A member with no org that day, or whose org then lies outside the caller's
	 * scope, has none, and draws no edge.
	 */
	private List<AwayRecord> homesOnTheDay(String root, LocalDate day, List<AwayRecord> away) {
		if (away.isEmpty()) {
			return away;
		}
		PastView view = (this.scope.root() != null)
				? this.past.view(this.scope.root(), null, day, AsOf.hidden(this.scope))
				: this.past.view(null, root, day, null);
		return away.stream().map((a) -> {
			Org home = view.orgOf(a.member());
			if (home == null && this.scope.root() == null) {
				String anchor = this.past.memberAnchor(a.member(), day);
				home = (anchor != null) ? this.past.view(null, anchor, day, null).orgOf(a.member()) : null;
			}
			return new AwayRecord(a.member(), (home != null) ? home.id() : null, a.at(), a.from(), a.to());
		}).toList();
	}

	@QueryMapping
	public OrgChart orgChart(@Argument String root, @Argument Integer depth, @Argument Boolean units,
			@Argument LocalDate asOf) {
		if (depth != null && depth < 0) {
			throw new IllegalArgumentException("depth must be 0 or more, was " + depth);
		}
		LocalDate day = AsOf.check(asOf, this.dates);
		OrgChart chart;
		if (day == null) {
			chart = this.scope.isVisible(root)
					? this.charts.chart(root, depth, !Boolean.FALSE.equals(units), this.dates.today()) : null;
			if (chart == null) {
				throw NotFoundException.noOrg("root", root);
			}
		}
		else {
			// Root is today's org; drawn as it stood on the day (empty when it did not exist yet).
			if (!this.scope.isVisible(root) || this.orgs.byIds(List.of(root)).isEmpty()) {
				throw NotFoundException.noOrg("root", root);
			}
			chart = this.past.chart(root, depth, !Boolean.FALSE.equals(units), day, AsOf.hidden(this.scope));
			if (chart == null) {
				return new OrgChart(List.of(), List.of());
			}
			// The structure is rebuilt from events; dispatches and times away carry their own days,
			// read for the day, and a member's home is their org that day (AwayQueries reads today's).
			List<String> orgsInTree = chart.nodes()
				.stream()
				.filter((n) -> !n.unit() && !n.external())
				.map(OrgChart.Node::id)
				.toList();
			chart = chart.withDispatches(this.dispatches.serving(orgsInTree, day)
				.values()
				.stream()
				.flatMap(List::stream)
				.toList())
				.withAway(homesOnTheDay(root, day, this.away.flowingIn(orgsInTree, day)
					.values()
					.stream()
					.flatMap(List::stream)
					.toList()));
		}
		if (this.scope.root() == null) {
			return chart;
		}
		// Co-managers outside the user's scope are left out with their edges (co-management, and the
		// dispatches they sent and the members away from them).
		Set<String> hidden = chart.nodes()
			.stream()
			.filter((n) -> n.external() && !this.scope.isVisible(n.id()))
			.map(OrgChart.Node::id)
			.collect(Collectors.toSet());
		return new OrgChart(chart.nodes().stream().filter((n) -> !hidden.contains(n.id())).toList(),
				chart.edges()
					.stream()
					.filter((e) -> !hidden.contains(e.source()) && !hidden.contains(e.target()))
					.toList());
	}

}
