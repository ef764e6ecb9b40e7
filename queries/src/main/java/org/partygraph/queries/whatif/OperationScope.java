package org.partygraph.queries.whatif;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.partygraph.queries.schema.WriteScope;

/**
 * What the operations of one caller may name: the orgs and members they name that lie outside the
 * caller's scope, which the {@link WorkingCopy} then treats exactly as ids that do not exist (same
 * error, at the same operation), and the scope's root, which a scoped caller may not dissolve,
 * move, re-kind or merge away. The one scope check of operations, shared by {@code whatIf},
 * {@code saveScenario}, {@code applyScenario} (inside its transaction, for the applier) and
 * {@code compareScenarios}.
 *
 * <p>
 * Every org an operation names ({@code org}, {@code orgs}, {@code target}) and every member
 * ({@code member}) is checked against the live graph through {@link WriteScope}. An org created by
 * an earlier operation is not in the live graph and never hidden: the operations only create orgs
 * under orgs they may name, so inside the scope.
 *
 * @param root the caller's scope root, or {@code null} for everything
 * @param outsideOrgs org ids named that are not inside the scope
 * @param outsideMembers member ids named that are not inside the scope
 */
public record OperationScope(String root, Set<String> outsideOrgs, Set<String> outsideMembers) {

	/** An unscoped caller's: nothing hidden, no root to keep. */
	public static final OperationScope EVERYTHING = new OperationScope(null, Set.of(), Set.of());

	public OperationScope {
		outsideOrgs = Set.copyOf(outsideOrgs);
		outsideMembers = Set.copyOf(outsideMembers);
	}

	/**
	 * Checks the ids the operations name against the scope, in the caller's transaction (a write's
	 * own, so that the check is never stale).
	 */
	public static OperationScope of(TransactionContext tx, WriteScope scope, List<Operation> operations) {
		if (scope.isEverything()) {
			return EVERYTHING;
		}
		Set<String> orgs = new LinkedHashSet<>();
		Set<String> members = new LinkedHashSet<>();
		for (Operation op : operations) {
			if (op == null) {
				continue;
			}
			orgs.addAll(op.namedOrgs());
			if (op.member() != null) {
				members.add(op.member());
			}
		}
		Set<String> outsideOrgs = new LinkedHashSet<>(orgs);
		outsideOrgs.removeAll(scope.orgsInside(tx, orgs));
		Set<String> outsideMembers = new LinkedHashSet<>(members);
		outsideMembers.removeAll(scope.membersInside(tx, members));
		return new OperationScope(scope.root(), outsideOrgs, outsideMembers);
	}

	/** As {@link #of}, in a read transaction of its own (for what-ifs, which write nothing). */
	public static OperationScope read(Driver driver, String scopeRoot, List<Operation> operations) {
		WriteScope scope = WriteScope.of(scopeRoot);
		if (scope.isEverything()) {
			return EVERYTHING;
		}
		try (Session session = driver.session()) {
			return session.executeRead((tx) -> of(tx, scope, operations));
		}
	}

	public boolean isEverything() {
		return this.root == null;
	}

	/** Whether the org is the caller's own scope root. */
	public boolean isRoot(String orgId) {
		return this.root != null && this.root.equals(orgId);
	}

}
