package org.partygraph.queries.dataset.bulk;

import java.util.HashMap;
import java.util.Map;

import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;

/** Each org's member tallies, counted from the members as they are written. */
final class OrgTallies {

	final Map<String, int[]> byOrg = new HashMap<>();

	void add(Member member) {
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

}
