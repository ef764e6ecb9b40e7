package org.partygraph.api.graphql;

import java.util.Set;
import java.util.stream.Collectors;

import org.partygraph.api.security.Scope;
import org.partygraph.queries.read.ChartQueries;
import org.partygraph.queries.read.OrgChart;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code orgChart}: the structure as nodes and edges for the org-chart page and other front-ends. */
@Controller
public class ChartController {

	private final ChartQueries charts;

	private final Scope scope;

	public ChartController(ChartQueries charts, Scope scope) {
		this.charts = charts;
		this.scope = scope;
	}

	@QueryMapping
	public OrgChart orgChart(@Argument String root, @Argument Integer depth, @Argument Boolean units) {
		if (depth != null && depth < 0) {
			throw new IllegalArgumentException("depth must be 0 or more, was " + depth);
		}
		OrgChart chart = this.scope.isVisible(root) ? this.charts.chart(root, depth, !Boolean.FALSE.equals(units))
				: null;
		if (chart == null) {
			throw new NotFoundException("root: no org has id '" + root + "'");
		}
		if (this.scope.root() == null) {
			return chart;
		}
		// Co-managers outside the user's scope are left out with their edges.
		Set<String> hidden = chart.nodes()
			.stream()
			.filter((n) -> n.external() && !this.scope.isVisible(n.id()))
			.map(OrgChart.Node::id)
			.collect(Collectors.toSet());
		return new OrgChart(chart.nodes().stream().filter((n) -> !hidden.contains(n.id())).toList(),
				chart.edges().stream().filter((e) -> !hidden.contains(e.target())).toList());
	}

}
