package org.partygraph.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the load test's clients were told about their writes, to compare with what the database holds
 * afterwards. Every acknowledged {@code addMember} must exist exactly once, in the org its last
 * acknowledged transfer took it to, with exactly the acknowledged transfers in its history; a refused
 * add must not exist; a renamed org must carry its last acknowledged name. A write whose outcome the
 * client never learnt (a timeout, a broken connection) is "unknown": it may or may not have happened,
 * but at most once. Thread-safe.
 */
public final class WriteLedger {

	private final Map<String, String> memberOrg = new LinkedHashMap<>();

	private final Map<String, List<String>> transfers = new HashMap<>();

	private final Set<String> refusedAdds = new HashSet<>();

	private final Set<String> unknownAdds = new HashSet<>();

	private final Set<String> uncertainMembers = new HashSet<>();

	private final Map<String, String> orgName = new TreeMap<>();

	private final Map<String, Set<String>> unknownNames = new HashMap<>();

	private int acknowledgedTransfers;

	/** A member as found in the database. */
	public record ObservedMember(String id, String org, List<String> transferIds) {
	}

	public synchronized void addAcknowledged(String memberId, String org) {
		if (this.memberOrg.putIfAbsent(memberId, org) != null) {
			throw new IllegalStateException("the driver added " + memberId + " twice");
		}
		this.transfers.put(memberId, new ArrayList<>());
	}

	public synchronized void addRefused(String memberId) {
		this.refusedAdds.add(memberId);
	}

	public synchronized void addUnknown(String memberId) {
		this.unknownAdds.add(memberId);
	}

	public synchronized void transferAcknowledged(String memberId, String transferId, String to) {
		if (!this.memberOrg.containsKey(memberId)) {
			throw new IllegalStateException("transfer of a member the driver never added: " + memberId);
		}
		this.memberOrg.put(memberId, to);
		this.transfers.get(memberId).add(transferId);
		this.acknowledgedTransfers++;
	}

	/** A transfer whose outcome is unknown: the member's org and history are no longer checked exactly. */
	public synchronized void transferUnknown(String memberId) {
		this.uncertainMembers.add(memberId);
	}

	public synchronized void renameAcknowledged(String org, String name) {
		this.orgName.put(org, name);
		this.unknownNames.remove(org);
	}

	public synchronized void renameUnknown(String org, String name) {
		this.unknownNames.computeIfAbsent(org, (k) -> new HashSet<>()).add(name);
	}

	public synchronized int acknowledgedAdds() {
		return this.memberOrg.size();
	}

	public synchronized int acknowledgedTransfers() {
		return this.acknowledgedTransfers;
	}

	public synchronized int refusedAdds() {
		return this.refusedAdds.size();
	}

	public synchronized int acknowledgedRenames() {
		return this.orgName.size();
	}

	public synchronized Set<String> renamedOrgs() {
		return new HashSet<>(this.orgName.keySet());
	}

	/** The org an acknowledged member should be in now, null for one the driver does not know. */
	public synchronized String expectedOrg(String memberId) {
		return this.memberOrg.get(memberId);
	}

	/**
	 * Compares with the database.
	 * @param found every member carrying the run's tag, as listed (a duplicate would appear twice)
	 * @param names the present name of each org renamed during the run
	 * @return each lost, duplicated, unacknowledged or misplaced write, empty when all is as acknowledged
	 */
	public synchronized List<String> verify(List<ObservedMember> found, Map<String, String> names) {
		List<String> problems = new ArrayList<>();
		Map<String, List<ObservedMember>> byId = new LinkedHashMap<>();
		for (ObservedMember m : found) {
			byId.computeIfAbsent(m.id(), (k) -> new ArrayList<>()).add(m);
		}
		for (Map.Entry<String, List<ObservedMember>> entry : byId.entrySet()) {
			String id = entry.getKey();
			if (entry.getValue().size() > 1) {
				problems.add("duplicated: " + id + " exists " + entry.getValue().size() + " times");
			}
			if (this.refusedAdds.contains(id)) {
				problems.add("refused but written: " + id);
			}
			else if (!this.memberOrg.containsKey(id) && !this.unknownAdds.contains(id)) {
				problems.add("unacknowledged but written: " + id);
			}
		}
		for (Map.Entry<String, String> entry : this.memberOrg.entrySet()) {
			String id = entry.getKey();
			List<ObservedMember> copies = byId.get(id);
			if (copies == null) {
				problems.add("lost: acknowledged addMember " + id + " does not exist");
				continue;
			}
			ObservedMember m = copies.get(0);
			List<String> acked = this.transfers.get(id);
			if (this.uncertainMembers.contains(id)) {
				if (!m.transferIds().containsAll(acked)) {
					problems.add("lost transfer: " + id + " history " + m.transferIds() + " lacks some of " + acked);
				}
				continue;
			}
			if (!entry.getValue().equals(m.org())) {
				problems.add("misplaced: " + id + " is in " + m.org() + ", last acknowledged in " + entry.getValue());
			}
			if (m.transferIds().size() != acked.size() || !new HashSet<>(m.transferIds()).equals(new HashSet<>(acked))) {
				problems.add("transfer history of " + id + ": " + m.transferIds().size() + " entries " + m.transferIds()
						+ ", acknowledged " + acked.size() + " " + acked);
			}
		}
		for (Map.Entry<String, String> entry : this.orgName.entrySet()) {
			String actual = names.get(entry.getKey());
			Set<String> maybe = this.unknownNames.getOrDefault(entry.getKey(), Set.of());
			if (!entry.getValue().equals(actual) && !maybe.contains(actual)) {
				problems.add("rename lost: " + entry.getKey() + " is named '" + actual + "', last acknowledged '"
						+ entry.getValue() + "'");
			}
		}
		return problems;
	}

}
