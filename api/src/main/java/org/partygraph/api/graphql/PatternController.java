package org.partygraph.api.graphql;

import java.util.List;
import java.util.Map;

import org.partygraph.queries.pattern.Pattern;
import org.partygraph.queries.pattern.PatternInstance;
import org.partygraph.queries.pattern.PatternQueries;
import org.partygraph.queries.pattern.PatternSummary;
import org.partygraph.queries.pattern.Statistics;
import org.partygraph.queries.pattern.StatisticsQueries;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The four patterns' figures and instances, and structure statistics. */
@Controller
public class PatternController {

	private final PatternQueries patterns;

	private final StatisticsQueries statistics;

	private final OrgQueries orgs;

	public PatternController(PatternQueries patterns, StatisticsQueries statistics, OrgQueries orgs) {
		this.patterns = patterns;
		this.statistics = statistics;
		this.orgs = orgs;
	}

	@QueryMapping
	public List<PatternSummary> patternSummary(@Argument String within) {
		requireOrg(within);
		return this.patterns.summary(within);
	}

	@QueryMapping
	public List<PatternInstance> patternInstances(@Argument Pattern pattern, @Argument String within) {
		requireOrg(within);
		return this.patterns.instances(pattern, within);
	}

	@QueryMapping
	public Statistics statistics(@Argument String within) {
		requireOrg(within);
		return this.statistics.statistics(within);
	}

	@SchemaMapping(typeName = "PatternSummary")
	public String name(PatternSummary summary) {
		return summary.pattern().chineseName();
	}

	@BatchMapping(typeName = "Org")
	public Map<OrgRow, List<Pattern>> patterns(List<OrgRow> orgs) {
		return Batches.byKey(orgs, OrgRow::id, this.patterns.patternsOf(Batches.ids(orgs, OrgRow::id)));
	}

	@BatchMapping(typeName = "PatternInstance")
	public Map<PatternInstance, OrgRow> org(List<PatternInstance> instances) {
		return Batches.byKey(instances, PatternInstance::orgId,
				this.orgs.byIds(Batches.ids(instances, PatternInstance::orgId)));
	}

	private void requireOrg(String within) {
		if (within != null && this.orgs.byIds(List.of(within)).isEmpty()) {
			throw new NotFoundException("within: no org has id '" + within + "'");
		}
	}

}
