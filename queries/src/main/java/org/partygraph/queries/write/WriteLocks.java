package org.partygraph.queries.write;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neo4j.driver.SimpleQueryRunner;

/**
 * The write locks every write path takes before it reads what it checks, so that what is checked is
 * what is written to. Setting and removing a property takes a node's write lock until the
 * transaction ends and leaves the node as it was; this class is the one place that does it.
 *
 * <p>
 * Who locks what:
 * <ul>
 * <li>a change locks the orgs and members it reads and writes, and a member's present org, group and
 * the orgs it holds offices at, since a transfer or dissolution rewrites those links
 * ({@link #items}): two changes wait for each other only when they share one of these, so changes to
 * different parts of a dataset run side by side;</li>
 * <li>a change of the tree itself (create, move, dissolve) first locks the datasets of its orgs
 * ({@link #tree}), so such changes run one at a time per dataset: two concurrent moves cannot each
 * pass the cycle check and together close a cycle. The dataset an org belongs to never changes;</li>
 * <li>applying a scenario ({@link #scenario}) locks the datasets of the tree that holds its
 * {@code within}, then every org of that tree: tree changes and imports elsewhere (another county)
 * go on meanwhile; without {@code within}, every dataset and every org;</li>
 * <li>the member tallies lock the orgs they recount ({@link #inIdOrder}).</li>
 * </ul>
 */
public final class WriteLocks {

	private static final String LOCK_ITEMS = """
			CALL () {
			  UNWIND $orgs AS id
			  MATCH (n:Org {id: id})
			  RETURN n
			  UNION
			  UNWIND $members AS id
			  MATCH (n:Member {id: id})
			  RETURN n
			}
			""" + clause("n");

	// Run after LOCK_ITEMS holds the members: their links cannot change under it any more.
	private static final String LOCK_ORGS_OF_MEMBERS = """
			UNWIND $members AS id
			MATCH (m:Member {id: id})-[:MEMBER_OF|IN_GROUP|HOLDS]->(o:Org)
			USING INDEX SEEK m:Member(id)
			""" + inIdOrder("o");

	private static final String LOCK_DATASETS_OF = """
			UNWIND $orgs AS id
			MATCH (o:Org {id: id})
			WITH DISTINCT o.dataset AS name
			MATCH (d:Dataset {name: name})
			WITH d
			ORDER BY d.name
			""" + clause("d");

	private static final String LOCK_ALL_DATASETS = """
			MATCH (d:Dataset)
			""" + clause("d");

	// Every org of the tree that holds the org $within.
	private static final String LOCK_TREE_AROUND = """
			MATCH (:Org {id: $within})-[:SUBORDINATE_TO*0..]->(top:Org)
			WHERE NOT (top)-[:SUBORDINATE_TO]->(:Org)
			MATCH (top)<-[:SUBORDINATE_TO*0..]-(o:Org)
			""" + clause("o");

	// The datasets of every org of the tree that holds the org $within, in name order.
	private static final String LOCK_DATASETS_OF_TREE_AROUND = """
			MATCH (:Org {id: $within})-[:SUBORDINATE_TO*0..]->(top:Org)
			WHERE NOT (top)-[:SUBORDINATE_TO]->(:Org)
			MATCH (top)<-[:SUBORDINATE_TO*0..]-(o:Org)
			WITH DISTINCT o.dataset AS name
			MATCH (d:Dataset {name: name})
			WITH d
			ORDER BY d.name
			""" + clause("d");

	private static final String LOCK_ALL_ORGS = """
			MATCH (o:Org)
			""" + clause("o");

	private WriteLocks() {
	}

	/**
	 * The clauses that take the write lock of the node (or nodes) bound to {@code variable} and
	 * change nothing, for a statement that does more than lock (e.g. claims a scenario's name).
	 * @param variable the node's variable in the statement so far; taken from code, never from input
	 * @return the clauses to insert; the statement goes on with {@code variable} bound
	 */
	public static String clause(String variable) {
		return """
				SET %1$s._LOCK_ = true
				REMOVE %1$s._LOCK_
				""".formatted(variable);
	}

	/**
	 * Cypher that takes the write lock of each distinct node bound to {@code variable}, in id order, so
	 * that two transactions locking overlapping sets cannot deadlock.
	 * @param variable the nodes' variable in the statement so far
	 * @return the clauses to append; the statement returns nothing after them
	 */
	public static String inIdOrder(String variable) {
		return """
				WITH DISTINCT %1$s
				ORDER BY %1$s.id
				""".formatted(variable) + clause(variable);
	}

	/**
	 * Takes the write locks of the given items (absent ids and {@code null}s are skipped) and of the
	 * present orgs of each member (membership, group, offices), for a change that leaves the tree as
	 * it is.
	 */
	public static void items(SimpleQueryRunner tx, List<String> orgIds, List<String> memberIds) {
		List<String> members = present(memberIds);
		tx.run(LOCK_ITEMS, Map.of("orgs", present(orgIds), "members", members)).consume();
		if (!members.isEmpty()) {
			tx.run(LOCK_ORGS_OF_MEMBERS, Map.of("members", members)).consume();
		}
	}

	/**
	 * Takes the write locks of the datasets of the given orgs, then of the orgs: for a change that
	 * reshapes the tree, which has to see the whole of its dataset's tree as it stays.
	 */
	public static void tree(SimpleQueryRunner tx, List<String> orgIds) {
		List<String> orgs = present(orgIds);
		tx.run(LOCK_DATASETS_OF, Map.of("orgs", orgs)).consume();
		tx.run(LOCK_ITEMS, Map.of("orgs", orgs, "members", List.of())).consume();
	}

	/** Takes the write lock of every {@code (:Dataset)}: each change of a tree's shape and each import waits. */
	public static void allDatasets(SimpleQueryRunner tx) {
		tx.run(LOCK_ALL_DATASETS).consume();
	}

	/** Takes the write lock of every org of the tree that holds the org {@code within}. */
	public static void treeAround(SimpleQueryRunner tx, String within) {
		tx.run(LOCK_TREE_AROUND, Map.of("within", within)).consume();
	}

	/**
	 * What applying a scenario locks, after its own node: the datasets of the tree that holds
	 * {@code within}, then every org of that tree (read after the datasets are held, so an org a
	 * concurrent move brought in is among them); with no {@code within}, every dataset and every org.
	 * A scenario's operations name orgs of {@code within}'s subtree only, so changes in other trees
	 * never wait for it.
	 */
	public static void scenario(SimpleQueryRunner tx, String within) {
		if (within == null) {
			allDatasets(tx);
			allOrgs(tx);
			return;
		}
		tx.run(LOCK_DATASETS_OF_TREE_AROUND, Map.of("within", within)).consume();
		treeAround(tx, within);
	}

	/** Takes the write lock of every org. */
	public static void allOrgs(SimpleQueryRunner tx) {
		tx.run(LOCK_ALL_ORGS).consume();
	}

	private static List<String> present(List<String> ids) {
		return ids.stream().filter(Objects::nonNull).distinct().sorted().toList();
	}

}
