package org.partygraph.queries.whatif;

import java.util.List;

/**
 * One step of a restructuring, as the API's {@code OperationInput}: which fields an op reads is
 * listed with {@link Op}.
 *
 * @param op what to do
 * @param org the org acted on
 * @param orgs the orgs merged (MERGE)
 * @param member the member moved, appointed, dispatched or recalled
 * @param target the new parent, co-manager, or membership org; the sending org (DISPATCH)
 * @param kind the new kind (UPGRADE) or the role (ASSIGN_ROLE)
 * @param name the new org's name (MERGE, CREATE_ORG)
 * @param units the units the new org is set up in (CREATE_ORG)
 */
public record Operation(Op op, String org, List<String> orgs, String member, String target, String kind,
		String name, List<String> units) {

	public Operation {
		orgs = (orgs != null) ? List.copyOf(orgs) : List.of();
		// Not List.copyOf: a null entry is an error to report, not a NullPointerException.
		units = (units != null) ? java.util.Collections.unmodifiableList(new java.util.ArrayList<>(units)) : List.of();
	}

	/** The org ids this operation names: {@code org}, the merged {@code orgs}, {@code target}; those given. */
	public List<String> namedOrgs() {
		List<String> named = new java.util.ArrayList<>();
		if (this.org != null) {
			named.add(this.org);
		}
		this.orgs.stream().filter(java.util.Objects::nonNull).forEach(named::add);
		if (this.target != null) {
			named.add(this.target);
		}
		return named;
	}

	/**
	 * The orgs of {@code structure} the operations touch: each org they name that it holds, and the
	 * membership org of each member they name, in operation order. The one reading of what a
	 * restructuring touches, for the subtree a fix is judged on ({@link FixVetting}), the orgs a plan
	 * may name ({@link Planner}) and the within a suggestion runs in.
	 */
	public static List<String> touchedOrgs(org.partygraph.queries.structure.Structure structure,
			List<Operation> operations) {
		List<String> touched = new java.util.ArrayList<>();
		for (Operation op : operations) {
			op.namedOrgs().stream().filter((id) -> structure.org(id) != null).forEach(touched::add);
			org.partygraph.model.Member member = (op.member() != null) ? structure.member(op.member()) : null;
			if (member != null && member.org() != null && structure.org(member.org()) != null) {
				touched.add(member.org());
			}
		}
		return touched;
	}

	/** The org a CREATE_ORG at {@code index} creates is known to later operations by this id. */
	public static String newOrgId(int index) {
		return "new-" + index;
	}

	public static Operation createOrg(String target, String kind, String name, List<String> units) {
		return new Operation(Op.CREATE_ORG, null, null, null, target, kind, name, units);
	}

	public static Operation upgrade(String org, String kind) {
		return new Operation(Op.UPGRADE, org, null, null, null, kind, null, null);
	}

	public static Operation splitByTrade(String org) {
		return new Operation(Op.SPLIT_BY_TRADE, org, null, null, null, null, null, null);
	}

	public static Operation merge(List<String> orgs, String name) {
		return new Operation(Op.MERGE, null, orgs, null, null, null, name, null);
	}

	public static Operation moveOrg(String org, String target) {
		return new Operation(Op.MOVE_ORG, org, null, null, target, null, null, null);
	}

	public static Operation transferMember(String member, String target) {
		return new Operation(Op.TRANSFER_MEMBER, null, null, member, target, null, null, null);
	}

	public static Operation addCoManager(String org, String target) {
		return new Operation(Op.ADD_CO_MANAGER, org, null, null, target, null, null, null);
	}

	public static Operation removeCoManager(String org, String target) {
		return new Operation(Op.REMOVE_CO_MANAGER, org, null, null, target, null, null, null);
	}

	public static Operation dissolve(String org, String target) {
		return new Operation(Op.DISSOLVE, org, null, null, target, null, null, null);
	}

	public static Operation electCommittee(String org) {
		return new Operation(Op.ELECT_COMMITTEE, org, null, null, null, null, null, null);
	}

	public static Operation assignRole(String member, String org, String role) {
		return new Operation(Op.ASSIGN_ROLE, org, null, member, null, role, null, null);
	}

	public static Operation endRole(String member, String org, String role) {
		return new Operation(Op.END_ROLE, org, null, member, null, role, null, null);
	}

	/**
	 * A first secretary's dispatch (第一書記): the member goes to serve the village's org, sent by
	 * {@code by} ({@code null}: the member's own org).
	 */
	public static Operation dispatch(String member, String village, String by) {
		return new Operation(Op.DISPATCH, village, null, member, by, null, null, null);
	}

	/** The end of the member's open dispatch to the village's org. */
	public static Operation recall(String member, String village) {
		return new Operation(Op.RECALL, village, null, member, null, null, null, null);
	}

	/** The operations, with the fields each reads. */
	public enum Op {

		/** (org, kind): the org changes kind, nothing else moves. */
		UPGRADE,
		/** (org): a BRANCH or JOINT_BRANCH becomes a GENERAL_BRANCH with trade branches or groups. */
		SPLIT_BY_TRADE,
		/** (orgs, name): a new JOINT_BRANCH replaces the orgs. */
		MERGE,
		/** (org, target): the org's parent becomes target. */
		MOVE_ORG,
		/** (member, target): the member's membership moves to target. */
		TRANSFER_MEMBER,
		/** (org, target). */
		ADD_CO_MANAGER,
		/** (org, target). */
		REMOVE_CO_MANAGER,
		/** (org, target): members move to target, children to the org's parent, roles end. */
		DISSOLVE,
		/** (org): the org elects a committee (hasCommittee becomes true). */
		ELECT_COMMITTEE,
		/** (member, org, kind = the role): the member takes up an office at the org. */
		ASSIGN_ROLE,
		/** (member, org, kind = the role): the member gives up an office they hold at the org. */
		END_ROLE,
		/**
		 * (target, kind, name, units): a new org of kind under target, set up in units; its id is
		 * {@code new-<index>} for the later operations.
		 */
		CREATE_ORG,
		/**
		 * (member, org = the village's org, target = the sending org, default the member's own org):
		 * the member is dispatched as first secretary (第一書記) to a village's org (set up in a
		 * VILLAGE unit, not the member's own org) from the day the copy plays on; the membership
		 * stays. One member serves one village at a time.
		 */
		DISPATCH,
		/**
		 * (member, org = the village's org): the member's open dispatch to the org ends on the day the
		 * copy plays on.
		 */
		RECALL

	}

}
