package org.partygraph.api.graphql;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.partygraph.api.security.CurrentUser;
import org.partygraph.api.security.Scope;
import org.partygraph.model.OrgKind;
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

	private final Scope scope;

	public PatternController(PatternQueries patterns, StatisticsQueries statistics, OrgQueries orgs, Scope scope) {
		this.patterns = patterns;
		this.statistics = statistics;
		this.orgs = orgs;
		this.scope = scope;
	}

	@QueryMapping
	public List<PatternSummary> patternSummary(@Argument String within) {
		String scoped = this.scope.within(within, "within");
		requireOrg(scoped);
		return this.patterns.summary(scoped);
	}

	@QueryMapping
	public List<PatternInstance> patternInstances(@Argument Pattern pattern, @Argument String within) {
		String scoped = this.scope.within(within, "within");
		requireOrg(scoped);
		List<PatternInstance> instances = this.patterns.instances(pattern, scoped);
		if (this.scope.root() == null && canSeeMembers()) {
			return instances;
		}
		// Parts that are orgs outside the scope, or members for a user who may not see members, go.
		boolean members = canSeeMembers();
		return instances.stream()
			.map((i) -> new PatternInstance(i.pattern(), i.orgId(), i.orgName(), i.orgKind(),
					i.parts()
						.stream()
						.filter((p) -> members || !"MEMBER".equals(p.kind()))
						.filter((p) -> !isOrgKind(p.kind()) || this.scope.isVisible(p.id()))
						.toList(),
					i.figures()))
			.toList();
	}

	@QueryMapping
	public Statistics statistics(@Argument String within) {
		String scoped = this.scope.within(within, "within");
		requireOrg(scoped);
		return this.statistics.statistics(scoped);
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

	private static boolean isOrgKind(String kind) {
		return kind != null && Arrays.stream(OrgKind.values()).anyMatch((k) -> k.name().equals(kind));
	}

	private static boolean canSeeMembers() {
		return CurrentUser.canSeeMembers();
	}

	private void requireOrg(String within) {
		if (within != null && this.orgs.byIds(List.of(within)).isEmpty()) {
			throw new NotFoundException("within: no org has id '" + within + "'");
		}
	}

}
