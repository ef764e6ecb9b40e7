package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.partygraph.api.security.CurrentUser;
import org.partygraph.api.security.Scope;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.history.PastReads;
import org.partygraph.queries.pattern.Pattern;
import org.partygraph.queries.pattern.PatternInstance;
import org.partygraph.queries.pattern.PatternQueries;
import org.partygraph.queries.pattern.PatternSummary;
import org.partygraph.queries.pattern.Statistics;
import org.partygraph.queries.pattern.StatisticsQueries;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.write.EventDates;

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

	private final PastReads past;

	private final EventDates dates;

	public PatternController(PatternQueries patterns, StatisticsQueries statistics, OrgQueries orgs, Scope scope,
			PastReads past, EventDates dates) {
		this.past = past;
		this.dates = dates;
		this.patterns = patterns;
		this.statistics = statistics;
		this.orgs = orgs;
		this.scope = scope;
	}

	@QueryMapping
	public List<PatternSummary> patternSummary(@Argument String within, @Argument LocalDate asOf) {
		LocalDate day = AsOf.check(asOf, this.dates);
		String scoped = this.scope.within(within, "within");
		requireOrg(scoped);
		return (day == null) ? this.patterns.summary(scoped)
				: this.past.patternSummary(scoped, day, AsOf.hidden(this.scope));
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
	public Statistics statistics(@Argument String within, @Argument LocalDate asOf) {
		LocalDate day = AsOf.check(asOf, this.dates);
		String scoped = this.scope.within(within, "within");
		requireOrg(scoped);
		return (day == null) ? this.statistics.statistics(scoped)
				: this.past.statistics(scoped, day, AsOf.hidden(this.scope));
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
			throw NotFoundException.noOrg("within", within);
		}
	}

}
