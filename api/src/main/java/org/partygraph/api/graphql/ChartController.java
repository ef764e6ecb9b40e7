package org.partygraph.api.graphql;

import org.partygraph.queries.read.ChartQueries;
import org.partygraph.queries.read.OrgChart;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code orgChart}: the structure as nodes and edges for the org-chart page and other front-ends. */
@Controller
public class ChartController {

	private final ChartQueries charts;

	public ChartController(ChartQueries charts) {
		this.charts = charts;
	}

	@QueryMapping
	public OrgChart orgChart(@Argument String root, @Argument Integer depth, @Argument Boolean units) {
		if (depth != null && depth < 0) {
			throw new IllegalArgumentException("depth must be 0 or more, was " + depth);
		}
		OrgChart chart = this.charts.chart(root, depth, !Boolean.FALSE.equals(units));
		if (chart == null) {
			throw new NotFoundException("root: no org has id '" + root + "'");
		}
		return chart;
	}

}
