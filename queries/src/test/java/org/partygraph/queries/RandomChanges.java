package org.partygraph.queries;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.ProblemsException;
import org.partygraph.model.Role;
import org.partygraph.model.RoleAssignment;
import org.partygraph.queries.change.NewMember;
import org.partygraph.queries.change.NewOrg;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.scenario.ScenarioApplier;
import org.partygraph.queries.scenario.ScenarioStore;
import org.partygraph.queries.whatif.Operation;

/**
 * Seeded random changes through the real change paths ({@link OrgChanges}, and a scenario's apply
 * for kind changes), for the property tests that hold a kept state against the graph
 * (PastStructureIT, KeptComplianceIT). Each picks its orgs and members from an export of the graph
 * as it stands.
 */
public final class RandomChanges {

	private final OrgChanges changes;

	private final ScenarioStore scenarios;

	private final ScenarioApplier applier;

	public RandomChanges(OrgChanges changes, ScenarioStore scenarios, ScenarioApplier applier) {
		this.changes = changes;
		this.scenarios = scenarios;
		this.applier = applier;
	}

	/** One random change on the day; its name, or null when it was refused (nothing written). */
	public String change(Random random, LocalDate day, Dataset now, int step) {
		OrgChanges on = this.changes.on(day).by("prop");
		List<Org> orgs = now.orgs();
		List<Member> members = now.members();
		Org org = orgs.get(random.nextInt(orgs.size()));
		Org other = orgs.get(random.nextInt(orgs.size()));
		Member member = members.get(random.nextInt(members.size()));
		try {
			switch (random.nextInt(12)) {
				case 0 -> {
					on.renameOrg(org.id(), org.name() + "改" + step);
					return "rename";
				}
				case 1 -> {
					// A parent of a higher kind, so that the move is allowed.
					List<Org> higher = orgs.stream()
						.filter((o) -> o.kind().ordinal() < org.kind().ordinal() && o.kind() != OrgKind.PARTY_GROUP)
						.toList();
					if (higher.isEmpty()) {
						return null;
					}
					on.moveOrg(org.id(), higher.get(random.nextInt(higher.size())).id());
					return "move";
				}
				case 2 -> {
					if (org.kind() == OrgKind.COUNTY_COMMITTEE || org.kind() == OrgKind.TOWNSHIP_COMMITTEE) {
						return null;
					}
					String target = (org.kind() == OrgKind.PARTY_GROUP || org.parent() == null) ? null : org.parent();
					on.dissolveOrg(org.id(), target);
					return "dissolve";
				}
				case 3 -> {
					if (org.kind() == OrgKind.PARTY_GROUP || org.kind() == OrgKind.BRANCH
							|| org.kind() == OrgKind.JOINT_BRANCH) {
						on.createOrg(new NewOrg("o-new-" + step, OrgKind.PARTY_GROUP, "新黨小組" + step, org.id(),
								List.of(), null, null));
					}
					else {
						on.createOrg(new NewOrg("o-new-" + step, OrgKind.BRANCH, "新黨支部" + step, org.id(),
								org.units().isEmpty() ? List.of() : List.of(org.units().get(0)), null, false));
					}
					return "create";
				}
				case 4, 5 -> {
					on.transferMember(member.id(), other.id(), "test", null);
					return "transfer";
				}
				case 6 -> {
					on.addCoManager(org.id(), other.id());
					return "coManager+";
				}
				case 7 -> {
					List<Org> coManaged = orgs.stream().filter((o) -> !o.coManagedBy().isEmpty()).toList();
					if (coManaged.isEmpty()) {
						return null;
					}
					Org o = coManaged.get(random.nextInt(coManaged.size()));
					on.removeCoManager(o.id(), o.coManagedBy().get(0));
					return "coManager-";
				}
				case 8 -> {
					Role role = Role.values()[random.nextInt(Role.values().length)];
					on.assignRole(member.id(), org.id(), role);
					return "role+";
				}
				case 9 -> {
					List<Member> holders = members.stream().filter((m) -> !m.roles().isEmpty()).toList();
					Member holder = holders.get(random.nextInt(holders.size()));
					RoleAssignment role = holder.roles().get(0);
					on.removeRole(holder.id(), role.org(), role.role());
					return "role-";
				}
				case 10 -> {
					List<Org> groups = orgs.stream()
						.filter((o) -> o.kind() == OrgKind.PARTY_GROUP && member.org().equals(o.parent()))
						.toList();
					on.assignGroup(member.id(), groups.isEmpty() ? null : groups.get(0).id());
					return (groups.isEmpty() && member.group() == null) ? null : "group";
				}
				default -> {
					if (random.nextBoolean()) {
						on.addMember(NewMember.of("m-new-" + step, "新黨員" + step,
								random.nextBoolean() ? MemberStatus.FULL : MemberStatus.PROBATIONARY,
								(org.kind() == OrgKind.PARTY_GROUP) ? org.parent() : org.id()));
						return "addMember";
					}
					// A kind change through a scenario's apply: BRANCH <-> GENERAL_BRANCH.
					List<Org> branches = orgs.stream()
						.filter((o) -> o.kind() == OrgKind.BRANCH || o.kind() == OrgKind.GENERAL_BRANCH)
						.toList();
					Org b = branches.get(random.nextInt(branches.size()));
					String kind = (b.kind() == OrgKind.BRANCH) ? "GENERAL_BRANCH" : "BRANCH";
					this.scenarios.save("s" + step, null, List.of(Operation.upgrade(b.id(), kind)), null, "prop", null);
					this.applier.apply("s" + step, "prop", null, day);
					return "kind";
				}
			}
		}
		catch (RuntimeException ex) {
			if (ex instanceof ProblemsException || ex.getClass().getSimpleName().contains("Rejected") || ex.getClass().getSimpleName().contains("Invalid")) {
				return null;
			}
			throw ex;
		}
	}

}
