package org.partygraph.queries.schema;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The scope a write runs in, checked inside the write's own transaction, after its locks: the org
 * subtree (through {@code SUBORDINATE_TO}) its caller may change, or everything. Every write path
 * (changes, scenario saves and applies) asks here, so that an org or member outside the caller's
 * scope is, to the write, one that does not exist; reading the tree in the transaction means a
 * scope is never stale, however the tree changed before.
 *
 * <p>
 * A member is inside when its membership org is.
 */
public final class WriteScope {

	/** Everything: the scope of a caller without one (an unscoped user, an import, a test). */
	public static final WriteScope EVERYTHING = new WriteScope(null);

	// The way up from an org is its chain of parents, a few steps long.
	private static final String ORGS_INSIDE = """
			UNWIND $ids AS id
			MATCH (o:Org {id: id})
			WHERE EXISTS { (o)-[:SUBORDINATE_TO*0..]->(:Org {id: $root}) }
			RETURN collect(DISTINCT o.id) AS inside
			""";

	private static final String MEMBERS_INSIDE = """
			UNWIND $ids AS id
			MATCH (m:Member {id: id})-[:MEMBER_OF]->(o:Org)
			WHERE EXISTS { (o)-[:SUBORDINATE_TO*0..]->(:Org {id: $root}) }
			RETURN collect(DISTINCT m.id) AS inside
			""";

	// Ids that name nothing (a new item's) are kept: they reveal nothing.
	private static final String VISIBLE = """
			UNWIND $ids AS id
			OPTIONAL MATCH (o:Org {id: id})
			OPTIONAL MATCH (:Member {id: id})-[:MEMBER_OF]->(mo:Org)
			OPTIONAL MATCH (:Candidate {id: id})-[:DEVELOPED_BY]->(co:Org)
			WITH id, coalesce(o, mo, co) AS at,
			  EXISTS { (:Org {id: id}) } OR EXISTS { (:Member {id: id}) } OR EXISTS { (:Candidate {id: id}) } AS known
			WHERE NOT known OR (at IS NOT NULL AND EXISTS { (at)-[:SUBORDINATE_TO*0..]->(:Org {id: $root}) })
			RETURN collect(DISTINCT id) AS inside
			""";

	private final String root;

	private WriteScope(String root) {
		this.root = root;
	}

	/** The subtree of {@code root}; everything when {@code root} is {@code null} or blank. */
	public static WriteScope of(String root) {
		return (root == null || root.isBlank()) ? EVERYTHING : new WriteScope(root);
	}

	/** The scope's root org id; {@code null} for everything. */
	public String root() {
		return this.root;
	}

	public boolean isEverything() {
		return this.root == null;
	}

	/**
	 * Of the given ids (orgs, members, candidates or new ids), those the caller may hear about: an
	 * org inside the scope, a member or candidate whose org is, or an id that names nothing. A
	 * change's date is checked against the events of these only, so that a refusal never tells of
	 * an item outside the scope.
	 */
	public Set<String> visible(TransactionContext tx, Collection<String> ids) {
		List<String> present = present(ids);
		if (this.root == null || present.isEmpty()) {
			return new LinkedHashSet<>(present);
		}
		return inside(tx, VISIBLE, present);
	}

	/** Whether {@code orgId} is this scope's own root (which a scoped caller may not remove or move). */
	public boolean isRoot(String orgId) {
		return this.root != null && this.root.equals(orgId);
	}

	/**
	 * Of the given org ids, those that name an org inside the scope ({@code null}s and unknown ids
	 * are left out). For everything, every id given is returned unchecked: whether it names an org
	 * at all is the caller's own check.
	 */
	public Set<String> orgsInside(TransactionContext tx, Collection<String> orgIds) {
		List<String> ids = present(orgIds);
		if (this.root == null || ids.isEmpty()) {
			return new LinkedHashSet<>(ids);
		}
		return inside(tx, ORGS_INSIDE, ids);
	}

	/** Whether the org lies inside the scope (always, for everything; never for {@code null}). */
	public boolean containsOrg(TransactionContext tx, String orgId) {
		return orgId != null && orgsInside(tx, List.of(orgId)).contains(orgId);
	}

	/** Of the given member ids, those of members whose membership org lies inside the scope. */
	public Set<String> membersInside(TransactionContext tx, Collection<String> memberIds) {
		List<String> ids = present(memberIds);
		if (this.root == null || ids.isEmpty()) {
			return new LinkedHashSet<>(ids);
		}
		return inside(tx, MEMBERS_INSIDE, ids);
	}

	/** Whether the member's membership org lies inside the scope. */
	public boolean containsMember(TransactionContext tx, String memberId) {
		return memberId != null && membersInside(tx, List.of(memberId)).contains(memberId);
	}

	private Set<String> inside(TransactionContext tx, String cypher, List<String> ids) {
		return new LinkedHashSet<>(tx.run(cypher, Map.of("ids", ids, "root", this.root))
			.single()
			.get("inside")
			.asList(Value::asString));
	}

	private static List<String> present(Collection<String> ids) {
		return (ids == null) ? List.of() : ids.stream().filter(Objects::nonNull).distinct().toList();
	}

	@Override
	public String toString() {
		return (this.root == null) ? "everything" : "subtree of " + this.root;
	}

}
