package org.partygraph.queries.change;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
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
import org.partygraph.model.Names;
import org.partygraph.model.Problem;
import org.partygraph.model.Role;
import org.partygraph.queries.change.Lookups.LinksToOrg;
import org.partygraph.queries.change.Lookups.OrgNode;
import org.partygraph.queries.read.TransferQueries;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.write.Datasets;
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

	/** Changes for a caller without a scope: every org and member may be changed. */
	public OrgChanges(Driver driver) {
		this(driver, WriteScope.EVERYTHING);
	}

	private OrgChanges(Driver driver, WriteScope scope) {
		this.driver = driver;
		this.scope = scope;
	}

	/**
	 * The same changes, limited to {@code scope}: each is checked against the scope inside its own
	 * transaction, after its locks, so the check is never stale however the tree changed before.
	 */
	public OrgChanges within(WriteScope scope) {
		return new OrgChanges(this.driver, Objects.requireNonNull(scope, "scope"));
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
		return creating(org.id(), (tx) -> WriteLocks.tree(tx, ids(org.parent())), (checks) -> checks.createOrg(org),
				(tx, checked) -> {
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
					return org.id();
				});
	}

	/**
	 * Gives an org a new name.
	 * @throws ChangeRejectedException when the org is unknown or the name missing
	 */
	public OrgRenamed renameOrg(String id, String name) {
		return change((tx) -> WriteLocks.items(tx, ids(id), List.of()), (checks) -> checks.renameOrg(id, name),
				(tx, org) -> {
					Orgs.rename(tx, id, Names.normalize(name));
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
		return change((tx) -> WriteLocks.tree(tx, ids(id, newParent)), (checks) -> checks.moveOrg(id, newParent),
				(tx, org) -> {
					Links.endParent(tx, id);
					Links.parent(tx, id, newParent);
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
		return change((tx) -> WriteLocks.tree(tx, ids(id, membersTo)), (checks) -> checks.dissolveOrg(id, membersTo),
				(tx, org) -> {
					List<String> moved = Links.moveMembers(tx, id, membersTo);
					// The target and the groups the moved members are in (some of which they leave below).
					Set<String> touched = MemberTallies.orgsOf(tx, moved);
					List<String> children = Links.moveChildrenUp(tx, id);
					long strayGroups = Links.endStrayGroups(tx, id, moved);
					LinksToOrg links = Lookups.linksTo(tx, id);
					Orgs.delete(tx, id);
					MemberTallies.recount(tx, touched);
					return new OrgDissolved(id, org.parent(), membersTo, moved, children, links.roles(),
							links.groups() + (int) strayGroups, links.participations());
				});
	}

	/**
	 * Adds a further managing org (共同管理).
	 * @throws ChangeRejectedException when either org is unknown, they are the same org, or the
	 * relation exists already
	 */
	public CoManagement addCoManager(String id, String coManager) {
		return change((tx) -> WriteLocks.items(tx, ids(id, coManager), List.of()),
				(checks) -> checks.coManager(id, coManager, true), (tx, none) -> {
					Links.coManager(tx, id, coManager);
					return new CoManagement(id, coManager);
				});
	}

	/**
	 * Removes a further managing org.
	 * @throws ChangeRejectedException when either org is unknown, they are the same org, or the
	 * relation does not exist
	 */
	public CoManagement removeCoManager(String id, String coManager) {
		return change((tx) -> WriteLocks.items(tx, ids(id, coManager), List.of()),
				(checks) -> checks.coManager(id, coManager, false), (tx, none) -> {
					Links.endCoManager(tx, id, coManager);
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
		return creating(member.id(), (tx) -> WriteLocks.items(tx, member.referencedOrgs(), List.of()),
				(checks) -> checks.addMember(member), (tx, checked) -> {
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
		return change((tx) -> WriteLocks.items(tx, ids(targetOrg), ids(memberId)),
				(checks) -> checks.transferMember(memberId, targetOrg), (tx, member) -> {
					Links.endMembershipAndGroup(tx, memberId);
					Links.membership(tx, memberId, targetOrg);
					MemberTallies.recount(tx, ids(member.org(), member.group(), targetOrg));
					return TransferQueries.transfer(
							Transfers.record(tx, memberId, transferId, member.org(), targetOrg, at, reason));
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
		return change((tx) -> WriteLocks.items(tx, ids(orgId), ids(memberId)),
				(checks) -> checks.role(memberId, orgId, role, true), (tx, none) -> {
					Links.role(tx, memberId, orgId, role);
					return new HeldRole(memberId, orgId, role);
				});
	}

	/**
	 * Ends an office a member holds at an org.
	 * @throws ChangeRejectedException when the member or org is unknown or missing, the role
	 * missing or not held there
	 */
	public HeldRole removeRole(String memberId, String orgId, Role role) {
		return change((tx) -> WriteLocks.items(tx, ids(orgId), ids(memberId)),
				(checks) -> checks.role(memberId, orgId, role, false), (tx, none) -> {
					Links.endRole(tx, memberId, orgId, role);
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
		return change((tx) -> WriteLocks.items(tx, ids(groupId), ids(memberId)),
				(checks) -> checks.assignGroup(memberId, groupId), (tx, member) -> {
					Links.endGroup(tx, memberId);
					if (groupId != null) {
						Links.group(tx, memberId, groupId);
					}
					MemberTallies.recount(tx, ids(member.group(), groupId));
					return new GroupAssigned(memberId, member.group(), groupId);
				});
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

		T apply(TransactionContext tx, C checked);

	}

	/**
	 * One change in one write transaction: lock, check (rejecting with every problem, nothing
	 * written), apply.
	 */
	private <C, T> T change(Lock lock, Check<C> check, Apply<C, T> apply) {
		try (Session session = this.driver.session()) {
			return session.executeWrite((tx) -> {
				lock.take(tx);
				ChangeChecks checks = new ChangeChecks(tx, this.scope);
				C checked = check.check(checks);
				checks.rejectIfAny();
				return apply.apply(tx, checked);
			});
		}
	}

	/**
	 * A change that creates an item with a new id. Two such changes with the same id no longer wait
	 * for each other's check; the uniqueness constraint refuses the later commit, and that refusal
	 * is reported like the check's own.
	 */
	private <C, T> T creating(String id, Lock lock, Check<C> check, Apply<C, T> apply) {
		try {
			return change(lock, check, apply);
		}
		catch (ClientException ex) {
			if (!CONSTRAINT_FAILED.equals(ex.code())) {
				throw ex;
			}
			throw new ChangeRejectedException(
					List.of(new Problem(Problems.item(id), "id", ChangeChecks.taken(id))));
		}
	}

	private static List<String> ids(String... ids) {
		return Arrays.asList(ids);
	}

}
