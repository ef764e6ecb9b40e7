package org.partygraph.queries.write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;

/**
 * Each org's member tallies ({@link MemberTallies}), counted from the members as an import writes
 * them, so that no member is read back: the order is ownMembers, ownFullMembers, groupMembers,
 * groupFullMembers.
 */
public final class OrgTallies {

	private final Map<String, int[]> byOrg = new HashMap<>();

	/** The tallies of these members. */
	public static OrgTallies of(List<Member> members) {
		OrgTallies tallies = new OrgTallies();
		members.forEach(tallies::add);
		return tallies;
	}

	/** Counts a member at its org, and at its group when it has one. */
	public void add(Member member) {
		boolean full = member.status() == MemberStatus.FULL;
		int[] own = this.byOrg.computeIfAbsent(member.org(), (id) -> new int[4]);
		own[0]++;
		own[1] += full ? 1 : 0;
		if (member.group() != null) {
			int[] group = this.byOrg.computeIfAbsent(member.group(), (id) -> new int[4]);
			group[2]++;
			group[3] += full ? 1 : 0;
		}
	}

	/** The four tallies of an org, all 0 when none of the members counted is linked to it. */
	public List<Integer> of(String org) {
		int[] t = this.byOrg.getOrDefault(org, new int[4]);
		return List.of(t[0], t[1], t[2], t[3]);
	}

	/** The orgs some counted member is linked to. */
	public java.util.Set<String> orgs() {
		return this.byOrg.keySet();
	}

	/** Puts an org's four tallies into its node's property map (as {@link MemberTallies} names them). */
	public void putInto(String org, Map<String, Object> properties) {
		List<Integer> t = of(org);
		properties.put("ownMembers", (long) t.get(0));
		properties.put("ownFullMembers", (long) t.get(1));
		properties.put("groupMembers", (long) t.get(2));
		properties.put("groupFullMembers", (long) t.get(3));
	}

}
