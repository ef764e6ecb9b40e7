package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;

import org.partygraph.api.graphql.ChangeController.ChangeError;
import org.partygraph.api.security.Scope;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.Dataset;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.Gender;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.queries.change.CandidateAdmitted;
import org.partygraph.queries.change.DevelopmentSpans;
import org.partygraph.queries.change.NewCandidate;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.history.PastReads;
import org.partygraph.queries.read.CandidateQueries;
import org.partygraph.queries.read.CandidateRow;
import org.partygraph.queries.read.DevelopmentRecordRow;
import org.partygraph.queries.read.DueCandidate;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.PipelineCounts;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.write.EventDates;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The development of new members (發展黨員, docs/contract.md section 8): the four changes
 * (ORG_ADMIN within the caller's scope, like every change), a candidate, an org's candidates and
 * pipeline, the pipeline of each org under a scope, and who is due for the next step. A
 * {@code Candidate} is scoped by ScopeGuard by its developing org, as every Org and Member is.
 * A past day ({@code asOf}) reads the stages from the days each began; the probationers of a past
 * day come from the structure as it stood then ({@link PastReads}). {@code Org.pipeline} of a list
 * of orgs is read for all of them at once, once per {@code asOf} and {@code subtree} asked for
 * (the loader {@code pipelines}), not once per org.
 */
@Controller
public class DevelopmentController {

	private final OrgChanges changes;

	private final CandidateQueries candidates;

	private final MemberQueries members;

	private final OrgQueries orgs;

	private final PastReads past;

	private final Scope scope;

	private final EventDates dates;

	private final DevelopmentSpans spans;

	private final PastFields pastFields;

	public DevelopmentController(OrgChanges changes, CandidateQueries candidates, MemberQueries members,
			OrgQueries orgs, PastReads past, Scope scope, EventDates dates, DevelopmentSpans spans,
			PastFields pastFields, BatchLoaderRegistry registry) {
		this.pastFields = pastFields;
		this.changes = changes;
		this.candidates = candidates;
		this.members = members;
		this.orgs = orgs;
		this.past = past;
		this.scope = scope;
		this.dates = dates;
		this.spans = spans;
		registry.forTypePair(PipelineKey.class, PipelineCounts.class)
			.withName("pipelines")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadPipelines(keys)));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public CandidatePayload applyForMembership(@Argument ApplicationInput input, @Argument LocalDate on) {
		return ChangePayloads.answer(() -> {
			String id = changes(on).applyForMembership(
					new NewCandidate(input.id(), input.name(), input.org(), input.gender(), input.birthDate()), this.spans);
			return new CandidatePayload(candidate(id), List.of());
		}, CandidatePayload::rejected);
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public CandidatePayload advanceCandidate(@Argument String candidate, @Argument CandidateStage to,
			@Argument LocalDate on) {
		return ChangePayloads.answer(
				() -> new CandidatePayload(candidate(changes(on).advanceCandidate(candidate, to, this.spans)), List.of()),
				CandidatePayload::rejected);
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public CandidatePayload recordDevelopmentStep(@Argument String candidate, @Argument DevelopmentRecordKind kind,
			@Argument LocalDate on, @Argument String note) {
		return ChangePayloads.answer(
				() -> new CandidatePayload(candidate(changes(on).recordDevelopmentStep(candidate, kind, note)), List.of()),
				CandidatePayload::rejected);
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public AdmissionPayload admitCandidate(@Argument String candidate, @Argument String member, @Argument LocalDate on) {
		return ChangePayloads.answer(() -> {
			CandidateAdmitted done = changes(on).admitCandidate(candidate, member, this.spans);
			return new AdmissionPayload(candidate(done.candidate()),
					this.members.byIds(List.of(done.member())).get(done.member()), done.probationSince(), List.of());
		}, (errors) -> new AdmissionPayload(null, null, null, errors));
	}

	@QueryMapping
	@PreAuthorize("hasRole('ANALYST')")
	public CandidateRow candidate(@Argument String id) {
		// Outside the scope a candidate answers as one that does not exist (ScopeGuard sees to it).
		return this.candidates.byIds(List.of(id)).get(id);
	}

	@QueryMapping
	@PreAuthorize("hasRole('ANALYST')")
	public List<DueCandidate> candidatesDue(@Argument String within, @Argument LocalDate before,
			@Argument Integer first, @Argument String after) {
		int size = DueLists.first(first);
		return DueLists.items(this.candidates.due(this.scope.within(within, "within"), before, this.spans, size, after),
				after);
	}

	@QueryMapping
	@PreAuthorize("hasRole('ANALYST')")
	public List<PipelineRow> developmentPipeline(@Argument String within, @Argument LocalDate asOf) {
		String root = this.scope.within(within, "within");
		LocalDate day = AsOf.check(asOf, this.dates);
		List<String> tops = (root != null) ? List.of(root) : this.candidates.rootOrgIds();
		List<String> ids = new ArrayList<>();
		Map<String, List<OrgRow>> children = this.orgs.children(tops);
		tops.forEach((top) -> children.getOrDefault(top, List.of()).forEach((o) -> ids.add(o.id())));
		Map<String, PipelineCounts> counts = pipeline(ids, day, true);
		Map<String, OrgRow> rows = this.orgs.byIds(ids);
		List<PipelineRow> result = new ArrayList<>();
		for (String id : ids) {
			if (rows.get(id) != null) {
				result.add(new PipelineRow(rows.get(id), counts.get(id)));
			}
		}
		return result;
	}

	@QueryMapping
	@PreAuthorize("hasRole('ANALYST')")
	public List<CandidateRow> candidates(@Argument String org, @Argument List<CandidateStage> stages,
			@Argument LocalDate asOf) {
		LocalDate day = (asOf != null) ? AsOf.check(asOf, this.dates) : this.dates.today();
		boolean today = this.scope.isVisible(org) && !this.orgs.byIds(List.of(org)).isEmpty();
		// An org dissolved since is known on a day it stood, in the caller's view of that day.
		if (!today && !(day.isBefore(this.dates.today()) && this.pastFields.org(org, day) != null)) {
			throw NotFoundException.noOrg("org", org);
		}
		Set<CandidateStage> wanted = (stages != null && !stages.isEmpty()) ? EnumSet.copyOf(stages)
				: EnumSet.of(CandidateStage.APPLICANT, CandidateStage.ACTIVIST, CandidateStage.DEVELOPMENT_TARGET);
		return this.candidates.ofOrgs(List.of(org), day, wanted).getOrDefault(org, List.of());
	}

	@SchemaMapping(typeName = "Org")
	@PreAuthorize("hasRole('ANALYST')")
	public CompletableFuture<PipelineCounts> pipeline(OrgRow org, @Argument LocalDate asOf, @Argument Boolean subtree,
			DataLoader<PipelineKey, PipelineCounts> pipelines) {
		return pipelines.load(new PipelineKey(org.id(), AsOf.check(asOf, this.dates), !Boolean.FALSE.equals(subtree),
				this.scope.root()));
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, CandidateRow> development(List<MemberRow> members) {
		return Batches.byKey(members, MemberRow::id, this.candidates.ofMembers(Batches.ids(members, MemberRow::id)));
	}

	@BatchMapping(typeName = "Candidate")
	public Map<CandidateRow, OrgRow> org(List<CandidateRow> candidates) {
		List<CandidateRow> placed = candidates.stream().filter((c) -> c.org() != null).toList();
		return placed.isEmpty() ? Map.of()
				: Batches.byKey(placed, CandidateRow::org, this.orgs.byIds(Batches.ids(placed, CandidateRow::org)));
	}

	@BatchMapping(typeName = "Candidate")
	public Map<CandidateRow, MemberRow> member(List<CandidateRow> candidates) {
		List<CandidateRow> admitted = candidates.stream().filter((c) -> c.member() != null).toList();
		return admitted.isEmpty() ? Map.of()
				: Batches.byKey(admitted, CandidateRow::member,
						this.members.byIds(Batches.ids(admitted, CandidateRow::member)));
	}

	@SchemaMapping(typeName = "Candidate")
	public CandidateStage stage(CandidateRow candidate, @Argument LocalDate asOf) {
		return (asOf != null) ? candidate.stageOn(AsOf.check(asOf, this.dates)) : candidate.stage();
	}

	@SchemaMapping(typeName = "Candidate")
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public LocalDate birthDate(CandidateRow candidate) {
		return candidate.birthDate();
	}

	@BatchMapping(typeName = "Candidate")
	public Map<CandidateRow, List<DevelopmentRecordRow>> records(List<CandidateRow> candidates) {
		return Batches.everyKey(candidates, CandidateRow::id,
				this.candidates.records(Batches.ids(candidates, CandidateRow::id)), List.of());
	}

	@SchemaMapping(typeName = "Candidate")
	public CandidateStage nextStage(CandidateRow candidate) {
		return candidate.stage().next();
	}

	@SchemaMapping(typeName = "Candidate")
	public LocalDate nextStepFrom(CandidateRow candidate) {
		if (candidate.stage() == CandidateStage.ADMITTED) {
			return null;
		}
		return candidate.since(candidate.stage()).plusMonths(this.spans.monthsIn(candidate.stage()));
	}

	@SchemaMapping(typeName = "Pipeline")
	public long total(PipelineCounts counts) {
		return counts.total();
	}

	// One read per group of keys with the same arguments: all the group's orgs at once.
	private Map<PipelineKey, PipelineCounts> loadPipelines(Set<PipelineKey> keys) {
		Map<PipelineKey, PipelineCounts> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(PipelineKey::arguments)).forEach((arguments, group) -> {
			List<String> ids = List.copyOf(Batches.ids(group, PipelineKey::orgId));
			Map<String, PipelineCounts> counts = pipeline(ids, arguments.asOf(), arguments.subtree(),
					arguments.scopeRoot());
			group.forEach((key) -> result.put(key, counts.get(key.orgId())));
		});
		return result;
	}

	/** The pipelines of the orgs, of each alone or of its subtree; today's, or of a past day. */
	private Map<String, PipelineCounts> pipeline(List<String> ids, LocalDate asOf, boolean subtree) {
		return pipeline(ids, asOf, subtree, this.scope.root());
	}

	/** As {@link #pipeline(List, LocalDate, boolean)}, for a caller scoped to {@code scopeRoot}. */
	private Map<String, PipelineCounts> pipeline(List<String> ids, LocalDate asOf, boolean subtree, String scopeRoot) {
		if (asOf == null) {
			Map<String, PipelineCounts> counts = new LinkedHashMap<>(
					this.candidates.pipeline(ids, this.dates.today(), subtree));
			Map<String, Long> probationers = this.candidates.probationers(ids, subtree);
			counts.replaceAll((id, c) -> c.withProbationers(probationers.getOrDefault(id, 0L)));
			return counts;
		}
		return pastPipeline(ids, asOf, subtree, scopeRoot);
	}

	/**
	 * The pipelines of the orgs on a past day, from the structure as it stood then: each candidate at
	 * the org that developed it that day (before a dissolution or merger handed it on), the
	 * PROBATIONARY members of that day, each counted up that day's parents when of the subtree.
	 */
	private Map<String, PipelineCounts> pastPipeline(List<String> ids, LocalDate day, boolean subtree,
			String scopeRoot) {
		Predicate<String> hidden = null;
		if (scopeRoot != null) {
			Scope.View view = this.scope.view(scopeRoot);
			hidden = (id) -> !view.org(id);
		}
		Dataset then = this.past.structure(scopeRoot, day, hidden).dataset();
		Map<String, String> parents = new HashMap<>();
		for (Org o : then.orgs()) {
			parents.put(o.id(), o.parent());
		}
		Map<String, PipelineCounts> counts = new LinkedHashMap<>();
		ids.forEach((id) -> counts.put(id, PipelineCounts.NONE));
		java.util.function.BiConsumer<String, PipelineCounts> upwards = (org, add) -> {
			String at = org;
			while (at != null) {
				counts.computeIfPresent(at, (k, c) -> c.plus(add));
				at = subtree ? parents.get(at) : null;
			}
		};
		this.candidates.pipelineByOrgOn(day).forEach(upwards);
		PipelineCounts one = PipelineCounts.NONE.withProbationers(1);
		then.members().stream().filter((m) -> m.status() == MemberStatus.PROBATIONARY)
			.forEach((m) -> upwards.accept(m.org(), one));
		return counts;
	}

	private OrgChanges changes(LocalDate on) {
		return this.changes.within(WriteScope.of(this.scope.root())).on(on).by(ChangeController.login());
	}

	public record ApplicationInput(String id, String name, String org, Gender gender, LocalDate birthDate) {
	}

	public record CandidatePayload(CandidateRow candidate, List<ChangeError> errors) {

		static CandidatePayload rejected(List<ChangeError> errors) {
			return new CandidatePayload(null, errors);
		}

	}

	public record AdmissionPayload(CandidateRow candidate, MemberRow member, LocalDate probationSince,
			List<ChangeError> errors) {
	}

	public record PipelineRow(OrgRow org, PipelineCounts pipeline) {
	}

}
