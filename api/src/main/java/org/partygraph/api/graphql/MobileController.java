package org.partygraph.api.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;

import org.partygraph.api.graphql.ChangeController.ChangeError;
import org.partygraph.api.security.Scope;
import org.partygraph.model.Dataset;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.change.AwayRecord;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.history.PastReads;
import org.partygraph.queries.read.AwayQueries;
import org.partygraph.queries.read.AwayQueries.AwayOnDay;
import org.partygraph.queries.read.AwayQueries.TownshipMobility;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
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
 * Mobile members (流動黨員, docs/contract.md section 8): {@code recordAway} and {@code endAway}
 * (member changes, ORG_ADMIN within the caller's scope), an org's members flowing in and its
 * members away on a day, a member's times away, and the counts per township. An {@code Away} is
 * scoped by ScopeGuard: it shows to a caller who sees either org, the home or the host, and its
 * {@code member} only to one who sees the member's own org. {@code Org.flowingIn} and
 * {@code Org.membersAway} of a list of orgs are one statement per day asked for (the loaders
 * {@code flowingIn} and {@code membersAway}), not one per org; {@code Member.awayAt} of a list of
 * members two per day asked for (the loader {@code awayAt}), not one per member.
 */
@Controller
public class MobileController {

	private final OrgChanges changes;

	private final AwayQueries away;

	private final MemberQueries members;

	private final OrgQueries orgs;

	private final Scope scope;

	private final EventDates dates;

	private final PastReads past;

	public MobileController(OrgChanges changes, AwayQueries away, MemberQueries members, OrgQueries orgs, Scope scope,
			EventDates dates, PastReads past, BatchLoaderRegistry registry) {
		this.past = past;
		this.changes = changes;
		this.away = away;
		this.members = members;
		this.orgs = orgs;
		this.scope = scope;
		this.dates = dates;
		registry.forTypePair(OrgDayKey.class, List.class)
			.withName("flowingIn")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> Batches.byDay(keys, away::flowingIn)));
		registry.forTypePair(OrgDayKey.class, List.class)
			.withName("membersAway")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> Batches.byDay(keys, away::awayFrom)));
		registry.forTypePair(MemberDayKey.class, OrgRow.class)
			.withName("awayAt")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadAwayAt(keys)));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public AwayPayload recordAway(@Argument String member, @Argument String at, @Argument LocalDate from,
			@Argument LocalDate to) {
		return ChangePayloads.answer(() -> new AwayPayload(changes(null).recordAway(member, at, from, to), List.of()),
				AwayPayload::rejected);
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public AwayPayload endAway(@Argument String member, @Argument String at, @Argument LocalDate on) {
		return ChangePayloads.answer(() -> new AwayPayload(changes(on).endAway(member, at), List.of()),
				AwayPayload::rejected);
	}

	@SchemaMapping(typeName = "Org")
	@PreAuthorize("hasRole('ANALYST')")
	public CompletableFuture<List<AwayRecord>> flowingIn(OrgRow org, @Argument LocalDate asOf,
			DataLoader<OrgDayKey, List<AwayRecord>> flowingIn) {
		return flowingIn.load(new OrgDayKey(org.id(), day(asOf)));
	}

	@SchemaMapping(typeName = "Org")
	@PreAuthorize("hasRole('ANALYST')")
	public CompletableFuture<List<AwayRecord>> membersAway(OrgRow org, @Argument LocalDate asOf,
			DataLoader<OrgDayKey, List<AwayRecord>> membersAway) {
		return membersAway.load(new OrgDayKey(org.id(), day(asOf)));
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, List<AwayRecord>> away(List<MemberRow> members) {
		return Batches.everyKey(members, MemberRow::id, this.away.ofMembers(Batches.ids(members, MemberRow::id)),
				List.of());
	}

	@SchemaMapping(typeName = "Member")
	public CompletableFuture<OrgRow> awayAt(MemberRow member, @Argument LocalDate asOf,
			DataLoader<MemberDayKey, OrgRow> awayAt) {
		return awayAt.load(new MemberDayKey(member.id(), day(asOf)));
	}

	// Per day asked for: the members' times away in one statement, the orgs they are at in another.
	private Map<MemberDayKey, OrgRow> loadAwayAt(Set<MemberDayKey> keys) {
		Map<MemberDayKey, OrgRow> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(MemberDayKey::day)).forEach((day, group) -> {
			Map<String, List<AwayRecord>> aways = this.away.ofMembers(Batches.ids(group, MemberDayKey::memberId));
			Map<MemberDayKey, String> at = new HashMap<>();
			for (MemberDayKey key : group) {
				aways.getOrDefault(key.memberId(), List.of())
					.stream()
					.filter((a) -> a.on(day))
					.findFirst()
					.ifPresent((a) -> at.put(key, a.at()));
			}
			if (!at.isEmpty()) {
				Map<String, OrgRow> orgs = this.orgs.byIds(Set.copyOf(at.values()));
				at.forEach((key, id) -> {
					if (orgs.get(id) != null) {
						result.put(key, orgs.get(id));
					}
				});
			}
		});
		return result;
	}

	@QueryMapping
	@PreAuthorize("hasRole('ANALYST')")
	public List<MobilityRow> mobileMembersByTownship(@Argument String within, @Argument LocalDate asOf) {
		String root = this.scope.within(within, "within");
		LocalDate day = day(asOf);
		List<TownshipMobility> rows = day.isBefore(this.dates.today()) ? pastByTownship(root, day)
				: this.away.byTownship(root, day);
		List<String> ids = rows.stream().map(TownshipMobility::township).filter((id) -> id != null).toList();
		Map<String, OrgRow> townships = this.orgs.byIds(ids);
		// A township above the caller's scope (a village's user) is not named: its row counts what
		// the scope holds, under township null.
		Scope.View view = this.scope.view();
		Map<String, long[]> merged = new java.util.LinkedHashMap<>();
		for (TownshipMobility row : rows) {
			String key = (row.township() != null && view.org(row.township())) ? row.township() : "";
			long[] n = merged.computeIfAbsent(key, (k) -> new long[2]);
			n[0] += row.away();
			n[1] += row.flowingIn();
		}
		List<MobilityRow> result = new ArrayList<>();
		merged.forEach((key, n) -> result.add(new MobilityRow(key.isEmpty() ? null : townships.get(key), n[0], n[1])));
		return result;
	}

	/**
	 * {@link AwayQueries#byTownship} on a past day, from the structure as it stood then: a member's
	 * home is their membership org of that day, and each org's township and place under
	 * {@code within} are that day's (an org dissolved since included).
	 */
	private List<TownshipMobility> pastByTownship(String within, LocalDate day) {
		Dataset then = this.past.structure(this.scope.root(), day, AsOf.hidden(this.scope)).dataset();
		Map<String, Org> orgs = new HashMap<>();
		then.orgs().forEach((o) -> orgs.put(o.id(), o));
		Map<String, String> homes = new HashMap<>();
		then.members().forEach((m) -> homes.put(m.id(), m.org()));
		Function<String, Boolean> inWithin = (id) -> {
			for (String at = id; at != null && orgs.containsKey(at); at = orgs.get(at).parent()) {
				if (within == null || at.equals(within)) {
					return true;
				}
			}
			return false;
		};
		Function<String, String> township = (id) -> {
			for (String at = id; at != null && orgs.containsKey(at); at = orgs.get(at).parent()) {
				if (orgs.get(at).kind() == OrgKind.TOWNSHIP_COMMITTEE) {
					return at;
				}
			}
			return "";
		};
		Map<String, Set<String>> away = new LinkedHashMap<>();
		Map<String, Set<String>> in = new LinkedHashMap<>();
		for (AwayOnDay a : this.away.onDay(day)) {
			String home = homes.get(a.member());
			if (home != null && inWithin.apply(home)) {
				away.computeIfAbsent(township.apply(home), (k) -> new HashSet<>()).add(a.member());
			}
			if (inWithin.apply(a.at())) {
				in.computeIfAbsent(township.apply(a.at()), (k) -> new HashSet<>()).add(a.member());
			}
		}
		Set<String> keys = new HashSet<>(away.keySet());
		keys.addAll(in.keySet());
		Function<String, String> name = (key) -> key.isEmpty() ? null : orgs.get(key).name();
		return keys.stream()
			.sorted(Comparator.comparing(name, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Comparator.naturalOrder()))
			.map((key) -> new TownshipMobility(key.isEmpty() ? null : key, name.apply(key),
					away.getOrDefault(key, Set.of()).size(), in.getOrDefault(key, Set.of()).size()))
			.toList();
	}

	@BatchMapping(typeName = "Away")
	public Map<AwayRecord, MemberRow> member(List<AwayRecord> aways) {
		return Batches.byKey(aways, AwayRecord::member, this.members.byIds(Batches.ids(aways, AwayRecord::member)));
	}

	@BatchMapping(typeName = "Away")
	public Map<AwayRecord, OrgRow> home(List<AwayRecord> aways) {
		List<AwayRecord> known = aways.stream().filter((a) -> a.home() != null).toList();
		return known.isEmpty() ? Map.of()
				: Batches.byKey(known, AwayRecord::home, this.orgs.byIds(Batches.ids(known, AwayRecord::home)));
	}

	@BatchMapping(typeName = "Away")
	public Map<AwayRecord, OrgRow> at(List<AwayRecord> aways) {
		return Batches.byKey(aways, AwayRecord::at, this.orgs.byIds(Batches.ids(aways, AwayRecord::at)));
	}

	@SchemaMapping(typeName = "Away")
	public boolean current(AwayRecord away) {
		return away.on(this.dates.today());
	}

	private LocalDate day(LocalDate asOf) {
		return (asOf != null) ? AsOf.check(asOf, this.dates) : this.dates.today();
	}

	private OrgChanges changes(LocalDate on) {
		return this.changes.within(WriteScope.of(this.scope.root())).on(on).by(ChangeController.login());
	}

	public record AwayPayload(AwayRecord away, List<ChangeError> errors) {

		static AwayPayload rejected(List<ChangeError> errors) {
			return new AwayPayload(null, errors);
		}

	}

	/** A township (null: orgs under none) with its members away and members flowing in. */
	public record MobilityRow(OrgRow township, long away, long flowingIn) {
	}

}
