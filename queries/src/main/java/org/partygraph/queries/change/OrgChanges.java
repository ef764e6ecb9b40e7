package org.partygraph.queries.change;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.partygraph.model.Names;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Problem;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.queries.change.Lookups.MemberNode;
import org.partygraph.queries.change.Lookups.OrgNode;
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
 * Each change is ONE managed write transaction. It first locks the items it touches (and a member's
 * present org and group; a change that reshapes the tree, namely create, move and dissolve, locks
 * its dataset too), then checks the hard rules against what is stored and, when any is broken, throws
 * {@link ChangeRejectedException} listing every problem, so nothing is written; only then it
 * writes. The driver retries a transaction that failed transiently (a deadlock, a lost leader),
 * so the work inside a callback only reads and writes through the transaction, keeps no state
 * outside it, and gets the same ids on a retry (a transfer's id is fixed before it starts).
 *
 * <p>
 * Problems name the id concerned as their item and the input field at fault ({@code id},
 * {@code parent}, {@code kind}, {@code target}, {@code org}, {@code group}, {@code member},
 * {@code coManager}, {@code role}, ...).
 *
 * <p>
 * Every change runs in a {@link WriteScope}: {@link WriteScope#EVERYTHING} for an instance made
 * with {@link #OrgChanges(Driver)}, the caller's subtree for one from {@link #within}. Inside the
 * transaction, after the locks, every org and member the change names is looked up in the scope,
 * and one outside it is refused exactly as an unknown id is (same item, field and message), so
 * nothing tells a scoped caller what lies outside. A scoped caller may moreover neither dissolve
 * nor move its scope's root, nor create an org without a parent. An id already taken is refused
 * with one message, whatever holds it and wherever it is.
 */
public final class OrgChanges {

	private static final String LINKS_TO_ORG = """
			MATCH (o:Org {id: $id})
			RETURN COUNT { (o)<-[:HOLDS]-(:Member) } AS roles, COUNT { (o)<-[:IN_GROUP]-(:Member) } AS groups,
			  COUNT { (o)<-[:PARTICIPATES_IN]-(:Member) } AS participations
			""";

	private static final String TRANSFERS_OF_MEMBER = """
			MATCH (:Member {id: $member})-[:TRANSFERRED]->(t:Transfer)
			RETURN t
			ORDER BY t.at DESC, t.seq DESC
			""";

	private static final String TRANSFERS_INTO = """
			MATCH (t:Transfer {to: $org})
			RETURN t
			ORDER BY t.at DESC, t.member, t.seq DESC
			""";

	private static final String TRANSFERS_OUT_OF = """
			MATCH (t:Transfer {from: $org})
			RETURN t
			ORDER BY t.at DESC, t.member, t.seq DESC
			""";

	private static final String TRANSFERS_OF_MEMBERS = """
			UNWIND $ids AS key
			MATCH (m:Member {id: key})-[:TRANSFERRED]->(t:Transfer)
			USING INDEX SEEK m:Member(id)
			RETURN key, t
			ORDER BY key, t.at DESC, t.seq DESC
			""";

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
	public WriteScope scope() {
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
		return create(org.id(), (tx) -> {
			WriteLocks.tree(tx, ids(org.parent()));
			Problems problems = new Problems();
			String item = Problems.item(org.id());
			checkNewId(tx, org.id(), problems);
			if (org.kind() == null) {
				problems.add(item, "kind", "kind is missing");
			}
			String nameProblem = Names.problem(org.name());
			if (nameProblem != null) {
				problems.add(item, "name", nameProblem);
			}
			OrgNode parent = null;
			if (org.parent() == null && !this.scope.isEverything()) {
				problems.add(item, "parent", "parent is missing; a caller with a scope creates orgs inside it, under '"
						+ this.scope.root() + "' or an org below it");
			}
			else if (org.parent() == null) {
				if (org.kind() != null && org.kind() != OrgKind.COUNTY_COMMITTEE) {
					problems.add(item, "parent", "parent is missing; only a COUNTY_COMMITTEE can be created without one");
				}
			}
			else {
				parent = Lookups.org(tx, this.scope, org.parent());
				if (parent == null) {
					problems.add(item, "parent", "no org '" + org.parent() + "'");
				}
				else if (org.kind() != null && !parent.kind().isAbove(org.kind())) {
					problems.add(item, "parent", notAbove(parent, org.kind()));
				}
			}
			List<String> units = referencesTo(tx, item, "units", org.units(), "unit", problems);
			problems.rejectIfAny();

			String dataset = Datasets.ofNewOrg(tx, parent != null, (parent != null) ? parent.dataset() : null, units);
			Orgs.create(tx, Orgs.properties(org.id(), Names.normalize(org.name()), org.kind(), org.trade(),
					org.hasCommittee()), dataset);
			if (parent != null) {
				Links.parent(tx, org.id(), parent.id());
			}
			Links.units(tx, org.id(), units);
			MemberTallies.recount(tx, List.of(org.id()));
			return org.id();
		});
	}

	/**
	 * Gives an org a new name.
	 * @throws ChangeRejectedException when the org is unknown or the name missing
	 */
	public OrgRenamed renameOrg(String id, String name) {
		return write((tx) -> {
			WriteLocks.items(tx, ids(id), List.of());
			Problems problems = new Problems();
			OrgNode org = existingOrg(tx, id, "id", problems);
			String nameProblem = Names.problem(name);
			if (nameProblem != null) {
				problems.add(Problems.item(id), "name", nameProblem);
			}
			problems.rejectIfAny();
			Orgs.rename(tx, id, Names.normalize(name));
			return new OrgRenamed(id, org.name(), Names.normalize(name));
		});
	}

	/**
	 * Re-parents an org, with its whole subtree; no membership moves.
	 * @throws ChangeRejectedException when either org is unknown, the org is a root or the scope's
	 * root, the new parent
	 * is its present one, lies in its own subtree (the message names the cycle), or is not of a
	 * higher kind, or when the org is a party group with members assigned (they would be left in a
	 * group outside their own org)
	 */
	public OrgMoved moveOrg(String id, String newParent) {
		return write((tx) -> {
			WriteLocks.tree(tx, ids(id, newParent));
			Problems problems = new Problems();
			String item = Problems.item(id);
			OrgNode org = orgToReshape(tx, id, "moved", problems);
			if (org != null && org.parent() == null) {
				problems.add(id, "id", "'" + id + "' is a root (it has no parent); a root cannot be moved");
			}
			OrgNode parent = existingOrg(tx, newParent, "parent", item, problems);
			if (org != null && parent != null) {
				if (parent.id().equals(org.parent())) {
					problems.add(id, "parent", "'" + id + "' is already subordinate to '" + parent.id() + "'");
				}
				else {
					// The ids from the new parent up to the org, when the org is above it (or is it).
					List<String> up = Lookups.pathUp(tx, parent.id(), id);
					if (!up.isEmpty()) {
						problems.add(id, "parent", "'" + parent.id() + "' is inside the subtree of '" + id
								+ "'; the move would make the subordination cycle " + id + " → " + String.join(" → ", up));
					}
					else if (!parent.kind().isAbove(org.kind())) {
						problems.add(id, "parent", notAbove(parent, org.kind()));
					}
				}
			}
			if (org != null && org.kind() == OrgKind.PARTY_GROUP) {
				List<String> assigned = Lookups.groupMembers(tx, id);
				if (!assigned.isEmpty()) {
					problems.add(id, "parent", "party group '" + id + "' has members assigned " + assigned
							+ " whose membership is in '" + org.parent()
							+ "'; a group stays under its members' org, so assign them elsewhere first");
				}
			}
			problems.rejectIfAny();
			Links.endParent(tx, id);
			Links.parent(tx, id, newParent);
			return new OrgMoved(id, org.parent(), newParent);
		});
	}

	/**
	 * Dissolves an org: its members move to {@code targetForMembers}, its children go up to its
	 * parent, roles held at it, assignments to it (a party group) and participation in it end, and it
	 * is deleted. A moved member's group assignment ends unless the group sits under the target.
	 * @param targetForMembers where its members go; may be {@code null} only when it has none. It may
	 * be one of its children (they survive, under its parent), but not a PARTY_GROUP
	 * @throws ChangeRejectedException when either org is unknown, the org is the scope's root, the
	 * target is missing (while it has members), is itself or a PARTY_GROUP, or when it has children and no parent, or a child is
	 * not of a lower kind than its parent (the child's new parent)
	 */
	public OrgDissolved dissolveOrg(String id, String targetForMembers) {
		return write((tx) -> {
			WriteLocks.tree(tx, ids(id, targetForMembers));
			Problems problems = new Problems();
			String item = Problems.item(id);
			OrgNode org = orgToReshape(tx, id, "dissolved", problems);
			if (targetForMembers != null) {
				if (targetForMembers.equals(id)) {
					problems.add(item, "target", "the members of '" + id + "' cannot move to '" + id
							+ "' itself, which is being dissolved");
				}
				else {
					OrgNode target = existingOrg(tx, targetForMembers, "target", item, problems);
					if (target != null && target.kind() == OrgKind.PARTY_GROUP) {
						problems.add(item, "target", "'" + target.id()
								+ "' is a PARTY_GROUP; membership goes to the org above a group");
					}
				}
			}
			if (org != null) {
				long members = Lookups.memberCount(tx, id);
				if (members > 0 && targetForMembers == null) {
					problems.add(id, "target", "'" + id + "' has " + members
							+ ((members == 1) ? " member" : " members") + "; a target org for them is missing");
				}
				Map<String, OrgKind> children = Lookups.children(tx, id);
				if (!children.isEmpty() && org.parent() == null) {
					problems.add(id, "id", "'" + id + "' has children " + children.keySet()
							+ " and no parent they could move to");
				}
				else if (org.parent() != null) {
					children.forEach((child, kind) -> {
						if (!org.parentKind().isAbove(kind)) {
							problems.add(id, "id", "its child '" + child + "' (" + kind + ") would move under '"
									+ org.parent() + "' (" + org.parentKind() + "), which is not of a higher kind");
						}
					});
				}
			}
			problems.rejectIfAny();

			List<String> moved = Links.moveMembers(tx, id, targetForMembers);
			// The target and the groups the moved members are in (some of which they leave below).
			Set<String> touched = MemberTallies.orgsOf(tx, moved);
			List<String> children = Links.moveChildrenUp(tx, id);
			long strayGroups = Links.endStrayGroups(tx, id, moved);
			Record links = tx.run(LINKS_TO_ORG, params("id", id)).single();
			Orgs.delete(tx, id);
			MemberTallies.recount(tx, touched);
			return new OrgDissolved(id, org.parent(), targetForMembers, moved, children, links.get("roles").asInt(),
					links.get("groups").asInt() + (int) strayGroups, links.get("participations").asInt());
		});
	}

	/**
	 * Adds a further managing org (共同管理).
	 * @throws ChangeRejectedException when either org is unknown, they are the same org, or the
	 * relation exists already
	 */
	public CoManagement addCoManager(String id, String coManager) {
		return changeCoManager(id, coManager, true);
	}

	/**
	 * Removes a further managing org.
	 * @throws ChangeRejectedException when either org is unknown, they are the same org, or the
	 * relation does not exist
	 */
	public CoManagement removeCoManager(String id, String coManager) {
		return changeCoManager(id, coManager, false);
	}

	private CoManagement changeCoManager(String id, String coManager, boolean add) {
		return write((tx) -> {
			WriteLocks.items(tx, ids(id, coManager), List.of());
			Problems problems = new Problems();
			String item = Problems.item(id);
			OrgNode org = existingOrg(tx, id, "id", problems);
			OrgNode other = null;
			if (coManager != null && coManager.equals(id)) {
				problems.add(item, "coManager", "an org cannot co-manage itself");
			}
			else {
				other = existingOrg(tx, coManager, "coManager", item, problems);
			}
			if (org != null && other != null) {
				boolean exists = Lookups.coManaged(tx, id, coManager);
				if (add && exists) {
					problems.add(id, "coManager", "'" + id + "' is already co-managed by '" + coManager + "'");
				}
				else if (!add && !exists) {
					problems.add(id, "coManager", "'" + id + "' is not co-managed by '" + coManager + "'");
				}
			}
			problems.rejectIfAny();
			if (add) {
				Links.coManager(tx, id, coManager);
			}
			else {
				Links.endCoManager(tx, id, coManager);
			}
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
		return create(member.id(), (tx) -> {
			WriteLocks.items(tx, referencedOrgs(member), List.of());
			Problems problems = new Problems();
			String item = Problems.item(member.id());
			checkNewId(tx, member.id(), problems);
			String nameProblem = Names.problem(member.name());
			if (nameProblem != null) {
				problems.add(item, "name", nameProblem);
			}
			if (member.status() == null) {
				problems.add(item, "status", "status is missing");
			}
			OrgNode org = existingOrg(tx, member.org(), "org", item, problems);
			if (org != null && org.kind() == OrgKind.PARTY_GROUP) {
				problems.add(item, "org", "'" + org.id()
						+ "' is a PARTY_GROUP; membership must be in the org above it, with the group given as group");
			}
			if (member.group() != null) {
				checkGroup(tx, item, member.group(), member.org(), problems);
			}
			if (member.unit() != null && !Lookups.missingUnits(tx, List.of(member.unit())).isEmpty()) {
				problems.add(item, "unit", "no unit '" + member.unit() + "'");
			}
			checkNewRoles(tx, item, member.roles(), problems);
			List<String> participates = referencesTo(tx, item, "participatesIn", member.participatesIn(), "org",
					problems);
			problems.rejectIfAny();

			Members.create(tx, org.id(),
					Members.properties(member.id(), Names.normalize(member.name()), member.status(), member.trade(),
							member.gender(), member.birthDate(), member.joined(), member.idNumber(), member.phone()),
					org.dataset());
			if (member.group() != null) {
				Links.group(tx, member.id(), member.group());
			}
			if (member.unit() != null) {
				Links.unit(tx, member.id(), member.unit());
			}
			List<Map<String, Object>> roles = member.roles()
				.stream()
				.map((r) -> Map.<String, Object>of("org", r.org(), "role", r.role().name()))
				.toList();
			Links.roles(tx, member.id(), roles);
			Links.participation(tx, member.id(), participates);
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
		return write((tx) -> {
			WriteLocks.items(tx, ids(targetOrg), ids(memberId));
			Problems problems = new Problems();
			String item = Problems.item(memberId);
			MemberNode member = existingMember(tx, memberId, problems);
			OrgNode target = existingOrg(tx, targetOrg, "target", item, problems);
			if (target != null && target.kind() == OrgKind.PARTY_GROUP) {
				problems.add(item, "target", "'" + target.id()
						+ "' is a PARTY_GROUP; membership goes to the org above a group (assign the group separately)");
			}
			else if (target != null && member != null && target.id().equals(member.org())) {
				problems.add(item, "target", "'" + memberId + "' is already a member of '" + target.id() + "'");
			}
			problems.rejectIfAny();
			Links.endMembershipAndGroup(tx, memberId);
			Links.membership(tx, memberId, targetOrg);
			MemberTallies.recount(tx, ids(member.org(), member.group(), targetOrg));
			Value transfer = Transfers.record(tx, memberId, transferId, member.org(), targetOrg, at, reason);
			return transfer(transfer);
		});
	}

	/** The transfers of a member, newest first; empty for an unknown member. */
	public List<TransferRecord> transfers(String memberId) {
		return readTransfers(TRANSFERS_OF_MEMBER, params("member", memberId));
	}

	/** The transfers whose target was the org (kept after the org is dissolved), newest first. */
	public List<TransferRecord> transfersInto(String orgId) {
		return readTransfers(TRANSFERS_INTO, params("org", orgId));
	}

	/** The transfers whose origin was the org (kept after the org is dissolved), newest first. */
	public List<TransferRecord> transfersOutOf(String orgId) {
		return readTransfers(TRANSFERS_OUT_OF, params("org", orgId));
	}

	/**
	 * Lets a member hold an office at an org (not necessarily its own).
	 * @throws ChangeRejectedException when the member or org is unknown or missing, the role
	 * missing or already held there, or a GROUP_LEADER is asked for outside a PARTY_GROUP
	 */
	public HeldRole assignRole(String memberId, String orgId, Role role) {
		return changeRole(memberId, orgId, role, true);
	}

	/**
	 * Ends an office a member holds at an org.
	 * @throws ChangeRejectedException when the member or org is unknown or missing, the role
	 * missing or not held there
	 */
	public HeldRole removeRole(String memberId, String orgId, Role role) {
		return changeRole(memberId, orgId, role, false);
	}

	private HeldRole changeRole(String memberId, String orgId, Role role, boolean add) {
		return write((tx) -> {
			WriteLocks.items(tx, ids(orgId), ids(memberId));
			Problems problems = new Problems();
			String item = Problems.item(memberId);
			MemberNode member = existingMember(tx, memberId, problems);
			OrgNode org = existingOrg(tx, orgId, "org", item, problems);
			if (role == null) {
				problems.add(item, "role", "role is missing");
			}
			else if (add && role == Role.GROUP_LEADER && org != null && org.kind() != OrgKind.PARTY_GROUP) {
				problems.add(item, "role", "a GROUP_LEADER leads a PARTY_GROUP, and " + org.describe() + " is not one");
			}
			else if (member != null && org != null) {
				boolean holds = Lookups.holds(tx, memberId, orgId, role);
				if (add && holds) {
					problems.add(item, "role", "'" + memberId + "' already holds " + role + " at '" + orgId + "'");
				}
				else if (!add && !holds) {
					problems.add(item, "role", "'" + memberId + "' does not hold " + role + " at '" + orgId + "'");
				}
			}
			problems.rejectIfAny();
			if (add) {
				Links.role(tx, memberId, orgId, role);
			}
			else {
				Links.endRole(tx, memberId, orgId, role);
			}
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
		return write((tx) -> {
			WriteLocks.items(tx, ids(groupId), ids(memberId));
			Problems problems = new Problems();
			String item = Problems.item(memberId);
			MemberNode member = existingMember(tx, memberId, problems);
			if (groupId != null) {
				checkGroup(tx, item, groupId, (member != null) ? member.org() : null, problems);
			}
			problems.rejectIfAny();
			Links.endGroup(tx, memberId);
			if (groupId != null) {
				Links.group(tx, memberId, groupId);
			}
			MemberTallies.recount(tx, ids(member.group(), groupId));
			return new GroupAssigned(memberId, member.group(), groupId);
		});
	}

	/**
	 * A write that creates an item with a new id. Two such changes with the same id no longer wait
	 * for each other's check; the uniqueness constraint refuses the later commit, and that refusal
	 * is reported like the check's own.
	 */
	private <T> T create(String id, TransactionCallback<T> work) {
		try {
			return write(work);
		}
		catch (ClientException ex) {
			if (!CONSTRAINT_FAILED.equals(ex.code())) {
				throw ex;
			}
			throw new ChangeRejectedException(List.of(new Problem(Problems.item(id), "id", taken(id))));
		}
	}

	private <T> T write(TransactionCallback<T> work) {
		try (Session session = this.driver.session()) {
			return session.executeWrite(work);
		}
	}

	/** Transfers of each member, newest first, in one statement (for a level of a GraphQL query). */
	public Map<String, List<TransferRecord>> transfers(Collection<String> memberIds) {
		Map<String, List<TransferRecord>> result = new HashMap<>();
		memberIds.forEach((id) -> result.put(id, new ArrayList<>()));
		try (Session session = this.driver.session()) {
			session.executeRead((tx) -> tx.run(TRANSFERS_OF_MEMBERS, Map.of("ids", List.copyOf(memberIds))).list())
				.forEach((r) -> result.get(r.get("key").asString()).add(transfer(r.get("t"))));
		}
		return result;
	}

	private List<TransferRecord> readTransfers(String cypher, Map<String, Object> parameters) {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run(cypher, parameters).list((r) -> transfer(r.get("t"))));
		}
	}

	private static TransferRecord transfer(Value t) {
		return new TransferRecord(t.get("id").asString(), t.get("member").asString(null), t.get("from").asString(null),
				t.get("to").asString(null), t.get("at").asZonedDateTime().toInstant(), t.get("reason").asString(null));
	}

	private void checkNewId(TransactionContext tx, String id, Problems problems) {
		if (Problems.isBlank(id)) {
			problems.add(Problems.NO_ID, "id", "id is missing");
			return;
		}
		if (Lookups.isTaken(tx, id)) {
			problems.add(id, "id", taken(id));
		}
	}

	private OrgNode existingOrg(TransactionContext tx, String id, String field,
			Problems problems) {
		return existingOrg(tx, id, field, Problems.item(id), problems);
	}

	/** The org {@code id} names in {@code field} of {@code item}; {@code null}, with a problem, when there is none. */
	private OrgNode existingOrg(TransactionContext tx, String id, String field, String item,
			Problems problems) {
		if (Problems.isBlank(id)) {
			problems.add(item, field, field + " is missing");
			return null;
		}
		OrgNode org = Lookups.org(tx, this.scope, id);
		if (org == null) {
			problems.add(item, field, "no org '" + id + "'");
		}
		return org;
	}

	/**
	 * The org {@code id} names for a move or dissolution; {@code null}, with a problem, when there is
	 * none or it is the root of the caller's scope. Nothing more is checked of a scope's root: its
	 * parent and the way its children would go lie outside the scope.
	 */
	private OrgNode orgToReshape(TransactionContext tx, String id, String done, Problems problems) {
		OrgNode org = existingOrg(tx, id, "id", problems);
		if (org != null && this.scope.isRoot(org.id())) {
			problems.add(id, "id", "'" + id + "' is the root of your scope; it cannot be " + done);
			return null;
		}
		return org;
	}

	private MemberNode existingMember(TransactionContext tx, String id, Problems problems) {
		if (Problems.isBlank(id)) {
			problems.add(Problems.NO_ID, "member", "member is missing");
			return null;
		}
		MemberNode member = Lookups.member(tx, this.scope, id);
		if (member == null) {
			problems.add(id, "member", "no member '" + id + "'");
		}
		return member;
	}

	/** A group must be a PARTY_GROUP directly under the member's org (CONTRACT section 1). */
	private void checkGroup(TransactionContext tx, String item, String groupId, String orgId,
			Problems problems) {
		OrgNode group = existingOrg(tx, groupId, "group", item, problems);
		if (group == null) {
			return;
		}
		if (group.kind() != OrgKind.PARTY_GROUP) {
			problems.add(item, "group", group.describe() + " is not a PARTY_GROUP");
		}
		else if (orgId != null && !orgId.equals(group.parent())) {
			// The parent of a scope's root lies outside the scope, and is not named.
			String actual = this.scope.isRoot(groupId) ? "it is the root of your scope"
					: (group.parent() != null) ? "its parent is '" + group.parent() + "'" : "it has no parent";
			problems.add(item, "group",
					"group '" + groupId + "' is not under the member's org '" + orgId + "' (" + actual + ")");
		}
	}

	private void checkNewRoles(TransactionContext tx, String item, List<RoleAssignment> roles,
			Problems problems) {
		List<String> orgIds = new ArrayList<>();
		for (RoleAssignment role : roles) {
			if (role != null && role.org() != null) {
				orgIds.add(role.org());
			}
		}
		Map<String, OrgKind> kinds = Lookups.orgKinds(tx, this.scope, orgIds);
		Set<RoleAssignment> seen = new HashSet<>();
		for (int i = 0; i < roles.size(); i++) {
			RoleAssignment role = roles.get(i);
			String field = "roles[" + i + "]";
			if (role == null) {
				problems.add(item, field, field + " is missing");
				continue;
			}
			if (role.org() == null) {
				problems.add(item, field + ".org", field + ".org is missing");
			}
			else if (!kinds.containsKey(role.org())) {
				problems.add(item, field + ".org", "no org '" + role.org() + "'");
			}
			if (role.role() == null) {
				problems.add(item, field + ".role", field + ".role is missing");
			}
			else if (role.role() == Role.GROUP_LEADER && kinds.containsKey(role.org())
					&& kinds.get(role.org()) != OrgKind.PARTY_GROUP) {
				problems.add(item, field + ".role", "a GROUP_LEADER leads a PARTY_GROUP, and '" + role.org() + "' ("
						+ kinds.get(role.org()) + ") is not one");
			}
			if (!seen.add(role)) {
				problems.add(item, field, "repeats " + role.role() + " at '" + role.org() + "'");
			}
		}
	}

	/**
	 * Checks that each id of a list field resolves to a {@code targetKind} ("unit" or "org"),
	 * reporting entries as {@code field[i]}; returns the ids, none {@code null}, for writing.
	 */
	private List<String> referencesTo(TransactionContext tx, String item, String field,
			List<String> ids, String targetKind, Problems problems) {
		List<String> present = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) == null) {
				problems.add(item, field + "[" + i + "]", field + "[" + i + "] is missing");
			}
			else {
				present.add(ids.get(i));
			}
		}
		Set<String> missing = new HashSet<>(
				"unit".equals(targetKind) ? Lookups.missingUnits(tx, present) : Lookups.missingOrgs(tx, this.scope, present));
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) != null && missing.contains(ids.get(i))) {
				problems.add(item, field + "[" + i + "]", "no " + targetKind + " '" + ids.get(i) + "'");
			}
		}
		return present;
	}

	/**
	 * The one answer for an id already taken, whatever holds it and wherever: naming the holder's
	 * kind would let a scoped caller probe what lies outside its scope.
	 */
	private static String taken(String id) {
		return "id '" + id + "' is already taken; ids are unique across orgs, units and members";
	}

	private static String notAbove(OrgNode parent, OrgKind kind) {
		return "parent " + parent.describe() + " is not of a higher kind than " + kind;
	}

	/** Every org a new member links to: its org, group, offices and participation. */
	private static List<String> referencedOrgs(NewMember member) {
		List<String> orgs = new ArrayList<>();
		orgs.add(member.org());
		orgs.add(member.group());
		member.roles().stream().filter(Objects::nonNull).map(RoleAssignment::org).forEach(orgs::add);
		orgs.addAll(member.participatesIn());
		return orgs;
	}

	private static List<String> ids(String... ids) {
		return Arrays.asList(ids);
	}

	// Map.of refuses null values, and absent optional inputs are null.
	private static Map<String, Object> params(Object... keysAndValues) {
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			params.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return params;
	}

}
