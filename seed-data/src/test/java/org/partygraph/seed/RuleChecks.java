package org.partygraph.seed;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Role;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * The compliance rules of docs/contract.md section 3 with their default thresholds, computed straight
 * from a dataset's records; issues are {@code "RULE org-id"} strings.
 */
final class RuleChecks {

	/** The contract's kind order, highest first; equal numbers are equal ranks. */
	private static final Map<OrgKind, Integer> RANK = Map.of(OrgKind.COUNTY_COMMITTEE, 6, OrgKind.TOWNSHIP_COMMITTEE, 5,
			OrgKind.WORKING_COMMITTEE, 5, OrgKind.PRIMARY_COMMITTEE, 4, OrgKind.GENERAL_BRANCH, 3, OrgKind.BRANCH, 2,
			OrgKind.JOINT_BRANCH, 2, OrgKind.PARTY_GROUP, 1);

	private final Dataset dataset;

	private final Map<String, Org> orgs;

	private final Map<String, Unit> units;

	private final Map<String, Integer> members = new HashMap<>();

	private final Map<String, Integer> fullMembers = new HashMap<>();

	RuleChecks(Dataset dataset) {
		this.dataset = dataset;
		this.orgs = dataset.orgs().stream().collect(Collectors.toMap(Org::id, Function.identity()));
		this.units = dataset.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
		// a member counts at its org and every org above it through parent
		for (Member member : dataset.members()) {
			String org = member.org();
			while (org != null) {
				this.members.merge(org, 1, Integer::sum);
				if (member.isFull()) {
					this.fullMembers.merge(org, 1, Integer::sum);
				}
				org = this.orgs.get(org).parent();
			}
		}
	}

	int members(String org) {
		return this.members.getOrDefault(org, 0);
	}

	int fullMembers(String org) {
		return this.fullMembers.getOrDefault(org, 0);
	}

	/** Every issue found, by rule, each as the set of org ids. */
	Map<String, Set<String>> issues() {
		Set<String> secretaries = this.dataset.members()
			.stream()
			.flatMap((m) -> m.roles().stream())
			.filter((r) -> r.role() == Role.SECRETARY)
			.map((r) -> r.org())
			.collect(Collectors.toSet());
		Map<String, Set<String>> issues = new LinkedHashMap<>();
		for (String rule : new String[] { "MIN_FULL_MEMBERS", "COMMITTEE_REQUIRED", "GENERAL_BRANCH_ADVISED",
				"JOINT_BRANCH_TOO_WIDE", "PRIMARY_COMMITTEE_ADVISED", "PARENT_KIND", "SECRETARY_MISSING",
				"DUAL_MANAGEMENT_MISSING" }) {
			issues.put(rule, new TreeSet<>());
		}
		for (Org org : this.dataset.orgs()) {
			boolean branch = org.kind() == OrgKind.BRANCH || org.kind() == OrgKind.JOINT_BRANCH;
			if (branch && fullMembers(org.id()) < 3) {
				issues.get("MIN_FULL_MEMBERS").add(org.id());
			}
			if (branch && fullMembers(org.id()) >= 7 && !Boolean.TRUE.equals(org.hasCommittee())) {
				issues.get("COMMITTEE_REQUIRED").add(org.id());
			}
			if (org.kind() == OrgKind.BRANCH && members(org.id()) > 50) {
				issues.get("GENERAL_BRANCH_ADVISED").add(org.id());
			}
			if (org.kind() == OrgKind.JOINT_BRANCH && org.units().size() > 5) {
				issues.get("JOINT_BRANCH_TOO_WIDE").add(org.id());
			}
			if (org.kind() == OrgKind.GENERAL_BRANCH && members(org.id()) >= 100) {
				issues.get("PRIMARY_COMMITTEE_ADVISED").add(org.id());
			}
			if (org.parent() != null && RANK.get(this.orgs.get(org.parent()).kind()) <= RANK.get(org.kind())) {
				issues.get("PARENT_KIND").add(org.id());
			}
			if (org.kind() != OrgKind.PARTY_GROUP && !secretaries.contains(org.id())) {
				issues.get("SECRETARY_MISSING").add(org.id());
			}
			boolean inLeading = org.units()
				.stream()
				.map(this.units::get)
				.anyMatch((u) -> u.kind() == UnitKind.ENTERPRISE && Boolean.TRUE.equals(u.leading()));
			boolean underWorkingCommittee = org.parent() != null
					&& this.orgs.get(org.parent()).kind() == OrgKind.WORKING_COMMITTEE;
			boolean townshipCoManager = org.coManagedBy()
				.stream()
				.anyMatch((c) -> this.orgs.get(c).kind() == OrgKind.TOWNSHIP_COMMITTEE);
			if (inLeading && underWorkingCommittee && !townshipCoManager) {
				issues.get("DUAL_MANAGEMENT_MISSING").add(org.id());
			}
		}
		return issues;
	}

}
