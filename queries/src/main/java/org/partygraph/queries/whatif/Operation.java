package org.partygraph.queries.whatif;

import java.util.List;

/**
 * One step of a restructuring, as the API's {@code OperationInput}: which fields an op reads is
 * listed with {@link Op}.
 *
 * @param op what to do
 * @param org the org acted on
 * @param orgs the orgs merged (MERGE)
 * @param member the member moved or appointed
 * @param target the new parent, co-manager, or membership org
 * @param kind the new kind (UPGRADE) or the role (ASSIGN_ROLE)
 * @param name the new org's name (MERGE)
 */
public record Operation(Op op, String org, List<String> orgs, String member, String target, String kind,
		String name) {

	public Operation {
		orgs = (orgs != null) ? List.copyOf(orgs) : List.of();
	}

	public static Operation upgrade(String org, String kind) {
		return new Operation(Op.UPGRADE, org, null, null, null, kind, null);
	}

	public static Operation splitByTrade(String org) {
		return new Operation(Op.SPLIT_BY_TRADE, org, null, null, null, null, null);
	}

	public static Operation merge(List<String> orgs, String name) {
		return new Operation(Op.MERGE, null, orgs, null, null, null, name);
	}

	public static Operation moveOrg(String org, String target) {
		return new Operation(Op.MOVE_ORG, org, null, null, target, null, null);
	}

	public static Operation transferMember(String member, String target) {
		return new Operation(Op.TRANSFER_MEMBER, null, null, member, target, null, null);
	}

	public static Operation addCoManager(String org, String target) {
		return new Operation(Op.ADD_CO_MANAGER, org, null, null, target, null, null);
	}

	public static Operation removeCoManager(String org, String target) {
		return new Operation(Op.REMOVE_CO_MANAGER, org, null, null, target, null, null);
	}

	public static Operation dissolve(String org, String target) {
		return new Operation(Op.DISSOLVE, org, null, null, target, null, null);
	}

	public static Operation electCommittee(String org) {
		return new Operation(Op.ELECT_COMMITTEE, org, null, null, null, null, null);
	}

	public static Operation assignRole(String member, String org, String role) {
		return new Operation(Op.ASSIGN_ROLE, org, null, member, null, role, null);
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
		ASSIGN_ROLE

	}

}
