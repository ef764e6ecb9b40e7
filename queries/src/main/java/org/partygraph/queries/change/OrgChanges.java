package org.partygraph.queries.change;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.partygraph.model.CandidateStage;
import org.partygraph.model.DevelopmentRecordKind;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Names;
import org.partygraph.model.Role;
import org.partygraph.queries.change.Lookups.LinksToOrg;
import org.partygraph.queries.change.Lookups.OrgNode;
import org.partygraph.queries.read.TransferQueries;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.write.Candidates;
import org.partygraph.queries.write.Datasets;
import org.partygraph.queries.write.DualEnds;
import org.partygraph.queries.write.EventDates;
import org.partygraph.queries.write.Events;
import org.partygraph.queries.write.Events.Kind;
import org.partygraph.queries.write.Links;
import org.partygraph.queries.write.MemberTallies;
import org.partygraph.queries.write.Members;
import org.partygraph.queries.write.Orgs;
import org.partygraph.queries.write.Transfers;
import org.partygraph.queries.write.WriteLocks;

/**
 * Changes the stored organization structure one step at a time: orgs are created, renamed, moved
 * and dissolved, co-managers added and removed, members added, transferred and given roles and
 * groups.
 *
 * <p>
 * Each change is ONE managed write transaction, declared as three parts run by {@link #change}:
 * <ol>
 * <li><b>lock</b> the items it touches ({@link WriteLocks}: a member's present orgs too; a change
 * that reshapes the tree, namely create, move and dissolve, locks its dataset first);</li>
 * <li><b>check</b> the hard rules against what is stored ({@link ChangeChecks}); when any is broken,
 * {@link ChangeRejectedException} lists every problem and nothing is written;</li>
 * <li><b>apply</b>: write it with the building blocks of the {@code write} package.</li>
 * </ol>
 * The driver retries a transaction that failed transiently (a deadlock, a lost leader), so the work
 * inside only reads and writes through the transaction, keeps no state outside it, and gets the same
 * ids on a retry (a transfer's id is fixed before it starts).
 *
 * <p>
 * Problems name the id concerned as their item and the input field at fault ({@code id},
 * {@code parent}, {@code kind}, {@code target}, {@code membersTo}, {@code org}, {@code group},
 * {@code member}, {@code coManager}, {@code role}, ...).
 *
 * <p>
 * Every change runs in a {@link WriteScope}: {@link WriteScope#EVERYTHING} for an instance made
 * with {@link #OrgChanges(Driver)}, the caller's subtree for one from {@link #within}. Inside the
 * transaction, after the locks, every org and member the change names is looked up in the scope,
 * and one outside it is refused exactly as an unknown id is (see {@link ChangeChecks}).
 */
public final class OrgChanges {

	private static final String CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

	private final Driver driver;

	private final WriteScope scope;

	private final EventDates dates;

	private final LocalDate on;

	private final String by;

	/** Changes for a caller without a scope: every org and member may be changed. */
	public OrgChanges(Driver driver) {
		this(driver, EventDates.DEFAULT);
	}

	/** As {@link #OrgChanges(Driver)}, dating changes with {@code dates}. */
	public OrgChanges(Driver driver, EventDates dates) {
		this(driver, WriteScope.EVERYTHING, dates, null, null);
	}

	private OrgChanges(Driver driver, WriteScope scope, EventDates dates, LocalDate on, String by) {
		this.driver = driver;
		this.scope = scope;
		this.dates = dates;
		this.on = on;
		this.by = by;
	}

	/**
	 * The same changes, limited to {@code scope}: each is checked against the scope inside its own
	 * transaction, after its locks, so the check is never stale however the tree changed before.
	 */
	public OrgChanges within(WriteScope scope) {
		return new OrgChanges(this.driver, Objects.requireNonNull(scope, "scope"), this.dates, this.on, this.by);
	}

	/**
	 * The same changes, dated {@code on} ({@code null}: today in the service's zone). A date after
	 * today plus {@code party-graph.time.max-future-days}, or before the latest event recorded for an
	 * item the change touches, is refused (field {@code on}).
	 */
	public OrgChanges on(LocalDate on) {
		return new OrgChanges(this.driver, this.scope, this.dates, on, this.by);
	}

	/** The same changes, recorded as made by {@code login} ({@code null}: nobody named). */
	public OrgChanges by(String login) {
		return new OrgChanges(this.driver, this.scope, this.dates, this.on, login);
	}

	/** The scope these changes are limited to. */
	WriteScope scope() {
		return this.scope;
	}

	/**
	 * Creates an org under its parent, set up in its units. It belongs to its parent's dataset; a
	 * root to the dataset of its units when they agree on one.
	 * @return the new org's id
	 * @throws ChangeRejectedException when the id is taken or missing, the kind or name missing,
	 * the parent unknown, missing (for any kind but COUNTY_COMMITTEE, and always for a scoped caller)
	 * or not of a higher kind, or a unit unknown
	 */
	public String createOrg(NewOrg org) {
		return creating(org.id(), (tx) -> WriteLocks.tree(tx, ids(org.parent())), org.id(),
				(tx) -> ids(org.id(), org.parent()), (checks) -> checks.createOrg(org), (tx, checked, log) -> {
					OrgNode parent = checked.parent();
					Orgs.create(tx,
							Orgs.properties(org.id(), Names.normalize(org.name()), org.kind(), org.trade(),
									org.hasCommittee()),
							Datasets.ofNewOrg(tx, parent != null, (parent != null) ? parent.dataset() : null,
									checked.units()));
					if (parent != null) {
						Links.parent(tx, org.id(), parent.id());
					}
					Links.units(tx, org.id(), checked.units());
					MemberTallies.recount(tx, List.of(org.id()));
					log.org(Kind.CREATED, org.id(), (parent != null) ? parent.id() : null,
							"org " + org.id() + " created as " + org.kind() + " '" + Names.normalize(org.name()) + "'"
									+ ((parent != null) ? " under " + parent.id() : ""),
							null, Events.orgStates(tx, List.of(org.id())).get(org.id()));
					return org.id();
				});
	}

	/**
	 * Gives an org a new name.
	 * @throws ChangeRejectedException when the org is unknown or the name missing
	 */
	public OrgRenamed renameOrg(String id, String name) {
		return change((tx) -> WriteLocks.items(tx, ids(id), List.of()), id, (tx) -> ids(id),
				(checks) -> checks.renameOrg(id, name), (tx, org, log) -> {
					Orgs.rename(tx, id, Names.normalize(name));
					log.org(Kind.RENAMED, id, null,
							"org " + id + " renamed from '" + org.name() + "' to '" + Names.normalize(name) + "'",
							org.name(), Names.normalize(name));
					return new OrgRenamed(id, org.name(), Names.normalize(name));
				});
	}

	/**
	 * Re-parents an org, with its whole subtree; no membership moves.
	 * @throws ChangeRejectedException when either org is unknown, the org is a root or the scope's
	 * root, the new parent is its present one, lies in its own subtree (the message names the cycle),
	 * or is not of a higher kind, or when the org is a party group with members assigned (they would
	 * be left in a group outside their own org)
	 */
	public OrgMoved moveOrg(String id, String newParent) {
		return change((tx) -> WriteLocks.tree(tx, ids(id, newParent)), id, (tx) -> ids(id, newParent),
				(checks) -> checks.moveOrg(id, newParent), (tx, org, log) -> {
					Links.endParent(tx, id);
					Links.parent(tx, id, newParent);
					log.org(Kind.MOVED, id, newParent, "org " + id + " moved from " + org.parent() + " to " + newParent,
							org.parent(), newParent);
					return new OrgMoved(id, org.parent(), newParent);
				});
	}

	/**
	 * Dissolves an org: its members move to {@code membersTo}, its children go up to its parent,
	 * roles held at it, assignments to it (a party group) and participation in it end, and it is
	 * deleted. A moved member's group assignment ends unless the group sits under the target.
	 * @param membersTo where its members go; may be {@code null} only when it has none (its party
	 * groups' members have their membership at it, so they count). It may be one of its children
	 * (they survive, under its parent), but not a PARTY_GROUP
	 * @throws ChangeRejectedException when either org is unknown, the org is the scope's root,
	 * {@code membersTo} is missing while it has members (field {@code membersTo}), or is itself or a
	 * PARTY_GROUP (field {@code target}), or when it has children and no parent, or a child is not of
	 * a lower kind than its parent (the child's new parent)
	 */
	public OrgDissolved dissolveOrg(String id, String membersTo) {
		// A transfer id per moved member, fixed before the transaction (see transferMember).
		String dissolution = UUID.randomUUID().toString();
		return change((tx) -> WriteLocks.tree(tx, ids(id, membersTo)), id, (tx) -> {
			List<String> touched = new ArrayList<>(ids(id, membersTo));
			Map<String, Object> state = Events.orgStates(tx, List.of(id)).get(id);
			if (state != null) {
				touched.addAll(strings(state.get("members")));
				touched.addAll(strings(state.get("children")));
			}
			// The members serving or staying at it, whose dispatch or stay ends (DualEnds).
			touched.addAll(DualEnds.members(tx, id, this.dates.orToday(this.on)));
			return touched;
		}, (checks) -> checks.dissolveOrg(id, membersTo), (tx, org, log) -> {
					Map<String, Object> state = Events.orgStates(tx, List.of(id)).get(id);
					LocalDate day = log.stamp().on();
					// The dispatches to it and the stays at it end on the day (not handed on); the moved
					// members' own at the org they move to end too: nobody is away at their own org.
					DualEnds.endAt(tx, id, null, day, id + " dissolved", log);
					if (membersTo != null) {
						DualEnds.endAt(tx, membersTo, strings(state.get("members")), day,
								"membership moved to " + membersTo + " (" + id + " dissolved)", log);
					}
					List<String> moved = Links.moveMembers(tx, id, membersTo);
					// Its candidates go with its members, else to its parent (ChangeChecks.dissolveOrg), and
					// the dispatches it sent name that org as their sender.
					String candidatesTo = (membersTo != null) ? membersTo : org.parent();
					if (candidatesTo != null) {
						Candidates.moveAll(tx, id, candidatesTo, log);
						Links.handOnDispatches(tx, id, candidatesTo);
					}
					// The target and the groups the moved members are in (some of which they leave below).
					Set<String> touched = MemberTallies.orgsOf(tx, moved);
					List<String> children = Links.moveChildrenUp(tx, id);
					Map<String, String> strayGroups = Links.endStrayGroups(tx, id, moved);
					LinksToOrg links = Lookups.linksTo(tx, id);
					for (String child : children) {
						log.org(Kind.MOVED, child, org.parent(), "org " + child + " moved from " + id + " to "
								+ org.parent() + " (" + id + " dissolved)", id, org.parent());
					}
					// A moved member's group left behind: its assignment ends, kept so asOf can undo it.
					strayGroups.forEach((member, group) -> log.member(Kind.GROUP_CHANGED, member, id, group,
							"member " + member + " leaves group " + group + " (" + id + " dissolved)", group, null));
					List<Map<String, Object>> transfers = new ArrayList<>();
					for (String member : moved) {
						transfers.add(Transfers.row(UUID.nameUUIDFromBytes((dissolution + "|" + member)
							.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), member, id, membersTo));
					}
					Transfers.recordAll(tx, transfers, "dissolution of " + id, log);
					log.org(Kind.DISSOLVED, id, org.parent(), "org " + id + " '" + org.name() + "' dissolved"
							+ ((membersTo != null) ? ", its members to " + membersTo : ""), state, null);
					Orgs.retireAll(tx, List.of(id), log.stamp().on());
					MemberTallies.recount(tx, touched);
					return new OrgDissolved(id, org.parent(), membersTo, moved, children, links.roles(),
							links.groups() + strayGroups.size(), links.participations());
				});
	}

	/**
	 * Adds a further managing org (共同管理).
	 * @throws ChangeRejectedException when either org is unknown, they are the same org, or the
	 * relation exists already
	 */
	public CoManagement addCoManager(String id, String coManager) {
		return change((tx) -> WriteLocks.items(tx, ids(id, coManager), List.of()), id, (tx) -> ids(id, coManager),
				(checks) -> checks.coManager(id, coManager, true), (tx, none, log) -> {
					Links.coManager(tx, id, coManager);
					log.org(Kind.CO_MANAGER_ADDED, id, coManager, "org " + id + " co-managed by " + coManager, null,
							coManager);
					return new CoManagement(id, coManager);
				});
	}

	/**
	 * Removes a further managing org.
	 * @throws ChangeRejectedException when either org is unknown, they are the same org, or the
	 * relation does not exist
	 */
	public CoManagement removeCoManager(String id, String coManager) {
		return change((tx) -> WriteLocks.items(tx, ids(id, coManager), List.of()), id, (tx) -> ids(id, coManager),
				(checks) -> checks.coManager(id, coManager, false), (tx, none, log) -> {
					Links.endCoManager(tx, id, coManager);
					log.org(Kind.CO_MANAGER_REMOVED, id, coManager, "org " + id + " no longer co-managed by " + coManager,
							coManager, null);
					return new CoManagement(id, coManager);
				});
	}

	/**
	 * Adds a member with every property the dataset format has, in the dataset of its org.
	 * @return the new member's id
	 * @throws ChangeRejectedException when the id is taken or missing, the name or status
	 * missing, the org missing, unknown or a PARTY_GROUP, the group not a PARTY_GROUP under the org,
	 * the unit unknown, a role's org unknown, a role missing, repeated or a GROUP_LEADER outside a
	 * party group, or an org participated in unknown
	 */
	public String addMember(NewMember member) {
		return creating(member.id(), (tx) -> WriteLocks.items(tx, member.referencedOrgs(), List.of()), member.id(),
				(tx) -> member.referencedOrgs(), (checks) -> checks.addMember(member), (tx, checked, log) -> {
					OrgNode org = checked.org();
					Members.create(tx, org.id(),
							Members.properties(member.id(), Names.normalize(member.name()), member.status(),
									member.trade(), member.gender(), member.birthDate(), member.joined(),
									member.idNumber(), member.phone()),
							org.dataset());
					if (member.group() != null) {
						Links.group(tx, member.id(), member.group());
					}
					if (member.unit() != null) {
						Links.unit(tx, member.id(), member.unit());
					}
					Links.roles(tx, member.id(), member.roles()
						.stream()
						.map((r) -> Map.<String, Object>of("org", r.org(), "role", r.role().name()))
						.toList());
					Links.participation(tx, member.id(), checked.participates());
					MemberTallies.recount(tx, ids(org.id(), member.group()));
					Map<String, Object> state = new java.util.LinkedHashMap<>(Members.properties(member.id(),
							Names.normalize(member.name()), member.status(), member.trade(), member.gender(),
							member.birthDate(), member.joined(), null, null));
					state.replaceAll((k, v) -> (v instanceof LocalDate d) ? d.toString() : v);
					state.put("org", org.id());
					state.put("group", member.group());
					state.put("unit", member.unit());
					state.put("roles", member.roles().stream()
						.map((r) -> Map.of("org", r.org(), "role", r.role().name()))
						.toList());
					state.put("participatesIn", checked.participates());
					log.member(Kind.MEMBER_ADDED, member.id(), org.id(), member.group(),
							"member " + member.id() + " added to " + org.id(), null, state);
					return member.id();
				});
	}

	/**
	 * Moves a member's membership (組織關係轉接) to another org, ends its group assignment and keeps
	 * the transfer in its history. Roles and participation stay.
	 * @param reason why, kept with the transfer; may be {@code null}
	 * @param when when it took effect; {@code null} for now: the database's clock, read under the
	 * member's lock, so that transfers of one member made one after the other have times in that
	 * order (a time read before the transaction may be older than a transfer that got the lock first)
	 * @throws ChangeRejectedException when the member or target is unknown or missing, the target is
	 * a PARTY_GROUP or the member's present org
	 */
	public TransferRecord transferMember(String memberId, String targetOrg, String reason, Instant when) {
		// Fixed before the transaction, so that a retried attempt records the same transfer.
		String transferId = UUID.randomUUID().toString();
		OffsetDateTime at = (when != null) ? when.atOffset(ZoneOffset.UTC) : null;
		return change((tx) -> WriteLocks.items(tx, ids(targetOrg), ids(memberId)), memberId,
				(tx) -> ids(memberId, targetOrg), (checks) -> checks.transferMember(memberId, targetOrg),
				(tx, member, log) -> {
					if (member.group() != null) {
						// The transfer ends the group assignment: kept as its own event so asOf can undo it.
						log.member(Kind.GROUP_CHANGED, memberId, member.org(), member.group(), "member " + memberId
								+ " leaves group " + member.group() + " (transferred to " + targetOrg + ")",
								member.group(), null);
					}
					Links.endMembershipAndGroup(tx, memberId);
					Links.membership(tx, memberId, targetOrg);
					MemberTallies.recount(tx, ids(member.org(), member.group(), targetOrg));
					return TransferQueries.transfer(
							Transfers.record(tx, memberId, transferId, member.org(), targetOrg, at, reason, log));
				});
	}

	/** The offices an election fills (and ends for those not elected again). */
	static final List<Role> ELECTED_OFFICES = List.of(Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.COMMITTEE_MEMBER);

	/**
	 * Records an election (換屆) at an org, dated {@link #on}: the previous term ends and a new one
	 * begins that day ({@code electedOn}); the secretary, deputy secretaries and committee members
	 * are given their offices and every earlier holder of those offices at the org who was not
	 * elected to the same one loses it; {@code hasCommittee} becomes whether {@code committee} is
	 * non-empty. Events: one ELECTED (before/after: the term's start), COMMITTEE_CHANGED when
	 * {@code hasCommittee} changes, and a ROLE_REMOVED or ROLE_ASSIGNED per office that changed hands.
	 * @param deputies may be {@code null} (none)
	 * @param committee may be {@code null} (none)
	 * @throws ChangeRejectedException when the org is unknown (field {@code org}) or a PARTY_GROUP, a
	 * person is missing, unknown, not a member of the org or below it, or named twice (fields
	 * {@code secretary}, {@code deputies[i]}, {@code committee[i]}), or the date comes before the
	 * latest change recorded for the org or a person concerned (field {@code on})
	 */
	public Election recordElection(String orgId, String secretary, List<String> deputies, List<String> committee) {
		List<String> deputyIds = (deputies != null) ? new ArrayList<>(deputies) : List.of();
		List<String> committeeIds = (committee != null) ? new ArrayList<>(committee) : List.of();
		List<String> named = new ArrayList<>();
		named.add(secretary);
		named.addAll(deputyIds);
		named.addAll(committeeIds);
		List<String> lockedMembers = named.stream().filter(Objects::nonNull).distinct().toList();
		return change((tx) -> WriteLocks.items(tx, ids(orgId), lockedMembers), orgId, (tx) -> {
			// The org, the people named and the present holders, whose offices may end (the org's
			// lock keeps them: every office change at the org locks it).
			List<String> touched = new ArrayList<>(lockedMembers);
			touched.add(orgId);
			if (orgId != null) {
				Lookups.officeHolders(tx, orgId, ELECTED_OFFICES).forEach((h) -> touched.add(h.getKey()));
			}
			return touched;
		}, (checks) -> checks.election(orgId, secretary, deputyIds, committeeIds), (tx, org, log) -> {
			java.util.Set<Map.Entry<String, Role>> elected = new java.util.LinkedHashSet<>();
			elected.add(Map.entry(secretary, Role.SECRETARY));
			deputyIds.forEach((d) -> elected.add(Map.entry(d, Role.DEPUTY_SECRETARY)));
			committeeIds.forEach((c) -> elected.add(Map.entry(c, Role.COMMITTEE_MEMBER)));
			List<Map.Entry<String, Role>> present = Lookups.officeHolders(tx, orgId, ELECTED_OFFICES);
			LocalDate on = log.stamp().on();
			boolean hasCommittee = !committeeIds.isEmpty();
			Map<String, Object> before = Orgs.elect(tx, orgId, on, hasCommittee);
			Object electedBefore = (before.get("electedOn") != null) ? before.get("electedOn").toString() : null;
			log.org(Kind.ELECTED, orgId, null, "org " + orgId + " elected on " + on + ": secretary " + secretary
					+ (deputyIds.isEmpty() ? "" : ", deputies " + deputyIds)
					+ (committeeIds.isEmpty() ? "" : ", committee " + committeeIds)
					+ ((electedBefore != null) ? " (previous term from " + electedBefore + ")" : ""),
					electedBefore, on.toString());
			if (!Objects.equals(before.get("hasCommittee"), hasCommittee)) {
				log.org(Kind.COMMITTEE_CHANGED, orgId, null,
						"org " + orgId + (hasCommittee ? " has a committee" : " has no committee") + " after its election",
						before.get("hasCommittee"), hasCommittee);
			}
			List<HeldRole> removed = new ArrayList<>();
			for (Map.Entry<String, Role> holder : present) {
				if (!elected.contains(holder)) {
					Links.endRole(tx, holder.getKey(), orgId, holder.getValue());
					log.member(Kind.ROLE_REMOVED, holder.getKey(), orgId, null, "member " + holder.getKey()
							+ " no longer holds " + holder.getValue() + " at " + orgId + " (election)",
							holder.getValue().name(), null);
					removed.add(new HeldRole(holder.getKey(), orgId, holder.getValue()));
				}
			}
			List<HeldRole> assigned = new ArrayList<>();
			for (Map.Entry<String, Role> office : elected) {
				if (!present.contains(office)) {
					Links.role(tx, office.getKey(), orgId, office.getValue());
					log.member(Kind.ROLE_ASSIGNED, office.getKey(), orgId, null, "member " + office.getKey()
							+ " holds " + office.getValue() + " at " + orgId + " (election)", null,
							office.getValue().name());
					assigned.add(new HeldRole(office.getKey(), orgId, office.getValue()));
				}
			}
			return new Election(orgId, on, hasCommittee, assigned, removed);
		});
	}

	/**
	 * Transfers of each member, newest first, in one statement (for a level of a GraphQL query); as
	 * {@link TransferQueries#ofMembers}, in a read transaction.
	 */
	public Map<String, List<TransferRecord>> transfers(Collection<String> memberIds) {
		return new TransferQueries(this.driver).ofMembers(memberIds);
	}

	/**
	 * Lets a member hold an office at an org (not necessarily its own).
	 * @throws ChangeRejectedException when the member or org is unknown or missing, the role
	 * missing or already held there, or a GROUP_LEADER is asked for outside a PARTY_GROUP
	 */
	public HeldRole assignRole(String memberId, String orgId, Role role) {
		return change((tx) -> WriteLocks.items(tx, ids(orgId), ids(memberId)), memberId, (tx) -> ids(memberId, orgId),
				(checks) -> checks.role(memberId, orgId, role, true), (tx, none, log) -> {
					Links.role(tx, memberId, orgId, role);
					log.member(Kind.ROLE_ASSIGNED, memberId, orgId, null,
							"member " + memberId + " holds " + role + " at " + orgId, null, role.name());
					return new HeldRole(memberId, orgId, role);
				});
	}

	/**
	 * Ends an office a member holds at an org.
	 * @throws ChangeRejectedException when the member or org is unknown or missing, the role
	 * missing or not held there
	 */
	public HeldRole removeRole(String memberId, String orgId, Role role) {
		return change((tx) -> WriteLocks.items(tx, ids(orgId), ids(memberId)), memberId, (tx) -> ids(memberId, orgId),
				(checks) -> checks.role(memberId, orgId, role, false), (tx, none, log) -> {
					Links.endRole(tx, memberId, orgId, role);
					log.member(Kind.ROLE_REMOVED, memberId, orgId, null,
							"member " + memberId + " no longer holds " + role + " at " + orgId, role.name(), null);
					return new HeldRole(memberId, orgId, role);
				});
	}

	/**
	 * Assigns a member to a party group under its own org, replacing any earlier group, or with
	 * {@code null} ends its assignment. Assigning the present group again changes nothing.
	 * @throws ChangeRejectedException when the member or group is unknown, or the group is not a
	 * PARTY_GROUP whose parent is the member's org
	 */
	public GroupAssigned assignGroup(String memberId, String groupId) {
		return change((tx) -> WriteLocks.items(tx, ids(groupId), ids(memberId)), memberId,
				(tx) -> ids(memberId, groupId), (checks) -> checks.assignGroup(memberId, groupId), (tx, member, log) -> {
					Links.endGroup(tx, memberId);
					if (!Objects.equals(member.group(), groupId)) {
						log.member(Kind.GROUP_CHANGED, memberId, member.org(), (groupId != null) ? groupId : member.group(),
								"member " + memberId + " assigned to group " + groupId + " (was " + member.group() + ")",
								member.group(), groupId);
					}
					if (groupId != null) {
						Links.group(tx, memberId, groupId);
					}
					MemberTallies.recount(tx, ids(member.group(), groupId));
					return new GroupAssigned(memberId, member.group(), groupId);
				});
	}

	/**
	 * Dispatches a member as first secretary (第一書記) to a village's org from {@code from} to
	 * {@code to} ({@code null}: open), sent by {@code by} (default the member's org); the event is
	 * dated {@code from} (this change's {@link #on} is ignored). See {@code ChangeChecks.dispatch}.
	 * @throws ChangeRejectedException with every problem; nothing is written
	 */
	public DispatchRecord dispatchFirstSecretary(String memberId, String villageId, LocalDate from, LocalDate to,
			String by) {
		OrgChanges dated = (from != null) ? on(from) : this;
		return dated.change((tx) -> WriteLocks.items(tx, ids(villageId), ids(memberId)), memberId,
				(tx) -> ids(memberId, villageId), (checks) -> checks.dispatch(memberId, villageId, from, to, by),
				(tx, checked, log) -> {
					Links.dispatch(tx, memberId, villageId, from, to, checked.by());
					Map<String, Object> after = new java.util.LinkedHashMap<>();
					after.put("from", from.toString());
					after.put("to", (to != null) ? to.toString() : null);
					after.put("by", checked.by());
					log.member(Kind.DISPATCHED, memberId, villageId, checked.by(), "member " + memberId
							+ " dispatched as first secretary (第一書記) to " + villageId + " from " + from
							+ ((to != null) ? " to " + to : "") + ", sent by " + checked.by(), null, after);
					return new DispatchRecord(memberId, villageId, from, to, checked.by());
				});
	}

	/**
	 * Ends the member's dispatch to the village that runs on {@link #on} (default today): its last
	 * day becomes that day. See {@code ChangeChecks.endDispatch}.
	 * @throws ChangeRejectedException with every problem; nothing is written
	 */
	public DispatchRecord endDispatch(String memberId, String villageId) {
		LocalDate day = this.dates.orToday(this.on);
		return change((tx) -> WriteLocks.items(tx, ids(villageId), ids(memberId)), memberId,
				(tx) -> ids(memberId, villageId), (checks) -> checks.endDispatch(memberId, villageId, day),
				(tx, open, log) -> {
					Links.endDispatch(tx, memberId, villageId, open.from(), day);
					Map<String, Object> before = new java.util.HashMap<>();
					before.put("to", (open.to() != null) ? open.to().toString() : null);
					log.member(Kind.DISPATCH_ENDED, memberId, villageId, null, "dispatch of member " + memberId
							+ " to " + villageId + " (from " + open.from() + ") ended on " + day, before,
							Map.of("to", day.toString()));
					return new DispatchRecord(memberId, villageId, open.from(), day, open.by());
				});
	}

	/**
	 * Records a mobile member (流動黨員) as away at another org from {@code from} to {@code to}
	 * ({@code null}: open); the membership stays where it is, and no count changes. The event
	 * (AWAY_RECORDED) is dated {@code from}. See {@code ChangeChecks.away}.
	 * @throws ChangeRejectedException with every problem; nothing is written
	 */
	public AwayRecord recordAway(String memberId, String atId, LocalDate from, LocalDate to) {
		OrgChanges dated = (from != null) ? on(from) : this;
		return dated.change((tx) -> WriteLocks.items(tx, ids(atId), ids(memberId)), memberId,
				(tx) -> ids(memberId, atId), (checks) -> checks.away(memberId, atId, from, to), (tx, member, log) -> {
					Links.away(tx, memberId, atId, from, to);
					Map<String, Object> after = new java.util.LinkedHashMap<>();
					after.put("from", from.toString());
					after.put("to", (to != null) ? to.toString() : null);
					log.member(Kind.AWAY_RECORDED, memberId, atId, member.org(), "member " + memberId + " of "
							+ member.org() + " away (流動黨員) at " + atId + " from " + from
							+ ((to != null) ? " to " + to : ""), null, after);
					return new AwayRecord(memberId, member.org(), atId, from, to);
				});
	}

	/**
	 * Ends the member's time away at the org that runs on {@link #on} (default today): its last day
	 * becomes that day. See {@code ChangeChecks.endAway}.
	 * @throws ChangeRejectedException with every problem; nothing is written
	 */
	public AwayRecord endAway(String memberId, String atId) {
		LocalDate day = this.dates.orToday(this.on);
		return change((tx) -> WriteLocks.items(tx, ids(atId), ids(memberId)), memberId, (tx) -> ids(memberId, atId),
				(checks) -> checks.endAway(memberId, atId, day), (tx, open, log) -> {
					Links.endAway(tx, memberId, atId, open.from(), day);
					Map<String, Object> before = new java.util.HashMap<>();
					before.put("to", (open.to() != null) ? open.to().toString() : null);
					log.member(Kind.AWAY_ENDED, memberId, atId, open.home(), "member " + memberId + " no longer away at "
							+ atId + " (from " + open.from() + ") from " + day, before, Map.of("to", day.toString()));
					return new AwayRecord(memberId, open.home(), atId, open.from(), day);
				});
	}

	/**
	 * Decides a probationary member's probation (docs/contract.md section 8), dated {@link #on}:
	 * FULL makes them a full member, EXTENDED extends the probation by {@code months} (from its end,
	 * or from the decision when its start is unknown), CANCELLED removes them (取消預備黨員資格),
	 * keeping their state in the MEMBER_REMOVED event so that {@code asOf} reads still see them
	 * before. Tallies are recounted; one event is recorded.
	 * @param months the extension in months (EXTENDED only; 6 to 12)
	 * @param probationMonths how long a probation lasts ({@code party-graph.rules.probation-months})
	 * @throws ChangeRejectedException see {@code ChangeChecks.decideProbation}; nothing is written
	 */
	public ProbationDecided decideProbation(String memberId, ProbationOutcome outcome, int months,
			int probationMonths) {
		LocalDate day = this.dates.orToday(this.on);
		return change((tx) -> WriteLocks.items(tx, List.of(), ids(memberId)), memberId,
				(tx) -> ids(memberId), (checks) -> checks.decideProbation(memberId, outcome, months, probationMonths, day),
				(tx, p, log) -> {
					String why = " (decideProbation)";
					// if, not a switch: a switch on an enum compiles to a synthetic class of its own.
					if (outcome == ProbationOutcome.FULL) {
						Members.update(tx, memberId, Map.of("status", "FULL"));
						log.member(Kind.MEMBER_UPDATED, memberId, p.org(), null,
								"member " + memberId + " made full (轉正): probation decided FULL" + why,
								Map.of("status", "PROBATIONARY"), Map.of("status", "FULL"));
						MemberTallies.recount(tx, ids(p.org(), p.group()));
						return new ProbationDecided(memberId, p.org(), outcome, null);
					}
					if (outcome == ProbationOutcome.EXTENDED) {
						LocalDate end = p.endsOn(probationMonths);
						LocalDate to = ((end != null) ? end : day).plusMonths(months);
						Members.update(tx, memberId, Map.of("probationExtendedTo", to));
						Map<String, Object> before = new java.util.HashMap<>();
						before.put("probationExtendedTo", null);
						log.member(Kind.MEMBER_UPDATED, memberId, p.org(), null, "member " + memberId
								+ ": probation extended by " + months + " months, to " + to + why, before,
								Map.of("probationExtendedTo", to.toString()));
						return new ProbationDecided(memberId, p.org(), outcome, to);
					}
					Members.remove(tx, memberId);
					log.member(Kind.MEMBER_REMOVED, memberId, p.org(), p.group(), "member " + memberId
							+ " removed: probation decided CANCELLED (取消預備黨員資格)" + why, p.state(), null);
					MemberTallies.recount(tx, ids(p.org(), p.group()));
					return new ProbationDecided(memberId, p.org(), outcome, null);
				});
	}

	/**
	 * Records an application for membership (入黨申請, docs/contract.md section 8), dated {@link #on}:
	 * a new candidate, an APPLICANT developed by {@code candidate.org()}, with its APPLICATION record.
	 * @return the candidate's id
	 * @throws ChangeRejectedException see {@code CandidateChecks.apply}; nothing is written
	 */
	public String applyForMembership(NewCandidate candidate, DevelopmentSpans spans) {
		LocalDate day = this.dates.orToday(this.on);
		return creating(candidate.id(), (tx) -> WriteLocks.items(tx, ids(candidate.org()), List.of()), candidate.id(),
				(tx) -> ids(candidate.id()), (checks) -> checks.candidates().apply(candidate, day, spans),
				(tx, org, log) -> {
					Map<String, Object> props = Candidates.properties(candidate.id(), Names.normalize(candidate.name()),
							candidate.gender(), candidate.birthDate(), day);
					Candidates.create(tx, org.id(), props);
					Candidates.record(tx, candidate.id(), DevelopmentRecordKind.APPLICATION, day, null);
					Map<String, Object> state = new java.util.LinkedHashMap<>(props);
					state.remove("birthDate");
					state.remove("nameKey");
					state.remove("nameSort");
					state.replaceAll((k, v) -> (v instanceof LocalDate d) ? d.toString() : v);
					state.put("org", org.id());
					log.member(Kind.CANDIDATE_ADDED, candidate.id(), org.id(), null, "candidate " + candidate.id()
							+ " applied for membership (入黨申請) at " + org.id(), null, state);
					return candidate.id();
				});
	}

	/**
	 * Moves a candidate on to the next stage, ACTIVIST (確定入黨積極分子) or DEVELOPMENT_TARGET
	 * (確定發展對象), dated {@link #on}, with that step's record.
	 * @throws ChangeRejectedException see {@code CandidateChecks.advance}; nothing is written
	 */
	public String advanceCandidate(String candidateId, CandidateStage to, DevelopmentSpans spans) {
		LocalDate day = this.dates.orToday(this.on);
		return change((tx) -> Candidates.lock(tx, ids(candidateId)), candidateId, (tx) -> ids(candidateId),
				(checks) -> checks.candidates().advance(candidateId, to, day, spans), (tx, c, log) -> {
					Candidates.advance(tx, candidateId, to, day);
					Candidates.record(tx, candidateId, (to == CandidateStage.ACTIVIST)
							? DevelopmentRecordKind.ACTIVIST_DESIGNATION : DevelopmentRecordKind.TARGET_DESIGNATION, day, null);
					log.member(Kind.CANDIDATE_ADVANCED, candidateId, c.org(), null,
							"candidate " + candidateId + " is " + to + " from " + day + " (was " + c.stage() + ")",
							c.stage().name(), to.name());
					return candidateId;
				});
	}

	/**
	 * Records a step of a candidate's development (one of the nine records, 記實), dated {@link #on}.
	 * @throws ChangeRejectedException see {@code CandidateChecks.record}; nothing is written
	 */
	public String recordDevelopmentStep(String candidateId, DevelopmentRecordKind kind, String note) {
		LocalDate day = this.dates.orToday(this.on);
		String text = (note == null || note.isBlank()) ? null : note.strip();
		return change((tx) -> Candidates.lock(tx, ids(candidateId)), candidateId, (tx) -> ids(candidateId),
				(checks) -> checks.candidates().record(candidateId, kind, day, text), (tx, c, log) -> {
					Candidates.record(tx, candidateId, kind, day, text);
					log.member(Kind.CANDIDATE_RECORDED, candidateId, c.org(), null,
							"candidate " + candidateId + ": " + kind + " recorded on " + day, null, kind.name());
					return candidateId;
				});
	}

	/**
	 * Admits a DEVELOPMENT_TARGET (接收預備黨員), dated {@link #on} (the higher committee's approval):
	 * a new PROBATIONARY member of the developing org, with the candidate's name, gender and birth
	 * date, whose probation and {@code joined} start on the branch meeting's resolution; the
	 * candidate becomes ADMITTED with its APPROVAL record and a {@code BECAME} link. Tallies are
	 * recounted; a CANDIDATE_ADMITTED and a MEMBER_ADDED event are recorded.
	 * @param memberId the new member's id; {@code null}: the candidate's own
	 * @throws ChangeRejectedException see {@code CandidateChecks.admit}; nothing is written
	 */
	public CandidateAdmitted admitCandidate(String candidateId, String memberId, DevelopmentSpans spans) {
		LocalDate day = this.dates.orToday(this.on);
		String member = (memberId != null) ? memberId : candidateId;
		return creating(member, (tx) -> {
			Candidates.lock(tx, ids(candidateId));
			CandidateChecks.CandidateNode c = new ChangeChecks(tx, this.scope).candidates().candidate(candidateId);
			WriteLocks.items(tx, (c != null) ? ids(c.org()) : List.of(), List.of());
		}, candidateId, (tx) -> ids(candidateId, member), (checks) -> checks.candidates().admit(candidateId, memberId, day, spans),
				(tx, admission, log) -> {
					CandidateChecks.CandidateNode c = admission.candidate();
					LocalDate since = admission.probationSince();
					Map<String, Object> props = Members.properties(member, c.name(), MemberStatus.PROBATIONARY, null,
							c.gender(), c.birthDate(), since, null, null);
					props.put("probationSince", since);
					Members.create(tx, c.org(), props, c.dataset());
					MemberTallies.recount(tx, ids(c.org()));
					Candidates.advance(tx, candidateId, CandidateStage.ADMITTED, day);
					Candidates.record(tx, candidateId, DevelopmentRecordKind.APPROVAL, day, null);
					Candidates.became(tx, candidateId, member);
					Map<String, Object> state = new java.util.LinkedHashMap<>(Members.properties(member, c.name(),
							MemberStatus.PROBATIONARY, null, c.gender(), c.birthDate(), since, null, null));
					state.put("probationSince", since);
					state.remove("nameKey");
					state.remove("nameSort");
					state.replaceAll((k, v) -> (v instanceof LocalDate d) ? d.toString() : v);
					state.put("org", c.org());
					state.put("group", null);
					state.put("unit", null);
					state.put("roles", List.of());
					state.put("participatesIn", List.of());
					log.member(Kind.CANDIDATE_ADMITTED, candidateId, c.org(), member, "candidate " + candidateId
							+ " admitted (接收預備黨員) on " + day + " as member " + member + ", probation since " + since,
							CandidateStage.DEVELOPMENT_TARGET.name(), CandidateStage.ADMITTED.name());
					log.member(Kind.MEMBER_ADDED, member, c.org(), null, "member " + member + " added to " + c.org()
							+ " (admission of candidate " + candidateId + ")", null, state);
					return new CandidateAdmitted(candidateId, member, c.org(), day, since);
				});
	}

	/**
	 * Imports a roster (花名冊) into the subtree of {@code orgId}: adds the members it does not match,
	 * updates the ones it does (a changed org is a transfer), in ONE transaction dated {@link #on}; a
	 * dry run works out the same answer in a read transaction and writes nothing. See
	 * {@link RosterImport} for how orgs and members are matched.
	 * @throws org.partygraph.model.roster.RosterRejectedException with every problem of the file and
	 * of the plan, by row and column (row 0, column {@code org}: the org is unknown or outside the
	 * scope; column {@code on}: the date); nothing is written
	 */
	public RosterResult importRoster(String orgId, org.partygraph.model.roster.RosterSheet sheet, boolean dryRun) {
		int count = sheet.entries().size();
		// Fixed before the transaction, so that a retried attempt writes the same ids.
		List<String> newIds = RosterImport.ids(count, "m-");
		List<String> transferIds = RosterImport.ids(count, null);
		Events.Stamp stamp = new Events.Stamp(this.dates.orToday(this.on), this.by, null);
		try (Session session = this.driver.session()) {
			if (dryRun) {
				return session.executeRead((tx) -> RosterResult.of(true,
						new RosterImport(tx, this.scope, orgId, sheet, newIds, transferIds).plan(false, stamp.on(), this.dates)
							.stream()
							.map(RosterImport.Planned::outcome)
							.toList()));
			}
			return session.executeWrite((tx) -> {
				List<RosterImport.Planned> plan = new RosterImport(tx, this.scope, orgId, sheet, newIds, transferIds)
					.plan(true, stamp.on(), this.dates);
				Events.Log log = Events.log(stamp);
				RosterImport.apply(tx, plan, transferIds, log);
				log.write(tx);
				return RosterResult.of(false, plan.stream().map(RosterImport.Planned::outcome).toList());
			});
		}
	}

	/** What a change locks, before it reads anything. */
	@FunctionalInterface
	private interface Lock {

		void take(TransactionContext tx);

	}

	/** The checks of a change; returns what its write needs (used only when no problem was found). */
	@FunctionalInterface
	private interface Check<C> {

		C check(ChangeChecks checks);

	}

	/** The write of a change that passed its checks. */
	@FunctionalInterface
	private interface Apply<C, T> {

		T apply(TransactionContext tx, C checked, Events.Log log);

	}

	/** The org and member ids a change touches, read after its locks. */
	@FunctionalInterface
	private interface Touched {

		Collection<String> ids(TransactionContext tx);

	}

	/**
	 * One change in one write transaction: lock, check (rejecting with every problem, nothing
	 * written), apply, and record its events (dated {@link #on}, by {@link #by}).
	 * @param item the item a date too far ahead is reported on
	 * @param touched the items whose latest recorded event the change's date may not precede
	 */
	private <C, T> T change(Lock lock, String item, Touched touched, Check<C> check, Apply<C, T> apply) {
		Events.Stamp stamp = new Events.Stamp(this.dates.orToday(this.on), this.by, null);
		try (Session session = this.driver.session()) {
			return session.executeWrite((tx) -> {
				lock.take(tx);
				ChangeChecks checks = new ChangeChecks(tx, this.scope);
				C checked = check.check(checks);
				checks.dated(this.dates.dateProblems(tx, Problems.item(item), stamp.on(),
						this.scope.visible(tx, touched.ids(tx))));
				checks.rejectIfAny();
				Events.Log log = Events.log(stamp);
				T result = apply.apply(tx, checked, log);
				log.write(tx);
				return result;
			});
		}
	}

	/**
	 * A change that creates an item with a new id. Two such changes with the same id no longer wait
	 * for each other's check; the uniqueness constraint refuses the later commit, and that refusal
	 * is reported like the check's own.
	 */
	private <C, T> T creating(String id, Lock lock, String item, Touched touched, Check<C> check,
			Apply<C, T> apply) {
		try {
			return change(lock, item, touched, check, apply);
		}
		catch (ClientException ex) {
			if (!CONSTRAINT_FAILED.equals(ex.code())) {
				throw ex;
			}
			throw Problems.one(Problems.item(id), "id", ChangeChecks.taken(id));
		}
	}

	private static List<String> strings(Object list) {
		return ((List<?>) list).stream().map(String.class::cast).toList();
	}

	private static List<String> ids(String... ids) {
		return Arrays.asList(ids);
	}

}
