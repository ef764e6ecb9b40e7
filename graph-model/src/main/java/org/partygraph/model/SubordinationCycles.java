package org.partygraph.model;

import java.util.List;
import java.util.Map;

/**
 * Finds the cycles of the subordination tree ({@code parent}) and reports every org on one.
 *
 * <p>
 * Each org has at most one parent, so following parents from each org not yet seen and colouring
 * the path finds every cycle in linear time, without recursion (a chain of a million orgs must not
 * overflow the stack).
 */
final class SubordinationCycles {

	private static final byte UNSEEN = 0;

	private static final byte ON_PATH = 1;

	private static final byte DONE = 2;

	/** Longer cycles are shown with their middle left out, so that one bad file cannot fill memory. */
	private static final int SHOWN = 10;

	private SubordinationCycles() {
	}

	/**
	 * Adds a problem on {@code parent} for every org on a subordination cycle.
	 * @param orgs the orgs of the dataset
	 * @param orgIndex the index in {@code orgs} of each id (its first occurrence)
	 * @param problems where to add the problems
	 */
	static void find(List<Org> orgs, Map<String, Integer> orgIndex, List<Problem> problems) {
		int count = orgs.size();
		int[] parents = new int[count];
		for (int i = 0; i < count; i++) {
			String parent = orgs.get(i).parent();
			Integer index = (parent != null) ? orgIndex.get(parent) : null;
			parents[i] = (index != null) ? index : -1;
		}
		byte[] colour = new byte[count];
		int[] path = new int[count];
		for (int start = 0; start < count; start++) {
			int length = 0;
			int next = start;
			while (next != -1 && colour[next] == UNSEEN) {
				colour[next] = ON_PATH;
				path[length++] = next;
				next = parents[next];
			}
			// Reaching an org already on this path closes a cycle; reaching one finished earlier does
			// not, since its own walk already reported any cycle it leads into.
			if (next != -1 && colour[next] == ON_PATH) {
				int from = length - 1;
				while (path[from] != next) {
					from--;
				}
				report(orgs, path, from, length, problems);
			}
			for (int i = 0; i < length; i++) {
				colour[path[i]] = DONE;
			}
		}
	}

	private static void report(List<Org> orgs, int[] path, int from, int to, List<Problem> problems) {
		int size = to - from;
		for (int k = 0; k < size; k++) {
			StringBuilder shown = new StringBuilder();
			boolean cut = size > SHOWN;
			for (int step = 0; step < (cut ? SHOWN : size + 1); step++) {
				Org org = orgs.get(path[from + (k + step) % size]);
				shown.append((step > 0) ? " -> " : "").append(org.id());
			}
			Org org = orgs.get(path[from + k]);
			// A long cycle: its first orgs, how many it has, and back to the first ("dataset.cycle.long").
			Object said = cut ? Wording.of("dataset.cycle.long", shown, size, org.id()) : shown;
			String english = cut ? shown + " -> ... (" + size + " orgs) -> " + org.id() : shown.toString();
			String item = DatasetValidator.itemName("orgs", path[from + k], org.id());
			problems.add(Problem.of(item, "parent", "subordination cycle: " + english, "dataset.cycle", said));
		}
	}

}
